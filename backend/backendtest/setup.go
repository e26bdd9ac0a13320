package backendtest

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// Setup is what the suite needs from an account: a backend, a region, a vSwitch with
// room for a dozen ENIs and addresses, and a running ECS instance in that vSwitch's zone
// and VPC whose type takes at least one more ENI with 3 private addresses.
type Setup struct {
	Backend backend.Backend
	Region  regions.ID
	// VSwitch is the vSwitch the suite creates its ENIs in.
	VSwitch string
	// Instance is an ECS instance the suite attaches ENIs to and detaches them from.
	Instance string
	// MultiBindedAllowed says whether the account is allowlisted for
	// multi-EIP-to-ENI mode; the suite checks Mode.NotSupport otherwise.
	MultiBindedAllowed bool
	// EIPQuota, when between 1 and 30, makes the suite allocate up to the quota and
	// check QuotaExceeded.Eip. Leave it zero on a real account.
	EIPQuota int
	// Prepaid lets the suite allocate subscription EIPs (they cost money on a real
	// account) to check that they cannot be released.
	Prepaid bool
	// Foreign is an address outside the vSwitch, for the invalid-address checks; zero
	// means 203.0.113.7.
	Foreign netip.Addr
	// Timeout bounds each wait for a status transition; zero means 2 minutes.
	Timeout time.Duration
}

func (s *Setup) ctx(t *testing.T) context.Context {
	t.Helper()
	d := s.Timeout
	if d == 0 {
		d = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(t.Context(), 4*d)
	t.Cleanup(cancel)
	return ctx
}

func (s *Setup) foreign() netip.Addr {
	if s.Foreign.IsValid() {
		return s.Foreign
	}
	return netip.MustParseAddr("203.0.113.7")
}
