package eipassoc_test

import (
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// TestFixPerCase: a violation's fix fits its case and names its resources. eni-attached
// offers the observed behaviour only for NAT, whose associations on attached ENIs the
// API is observed to accept (API facts §6); cut-through and multi-EIP-to-ENI are refused
// by the API on an attached ENI (Eni.Attached) whatever the behaviour. eni-capacity on a
// NAT secondary ENI says to add a private IP (one EIP per private IP: doc, comparison
// table); in cut-through (one EIP per ENI) no private IP helps. A rule without a case of
// its own keeps the rule's fix.
func TestFixPerCase(t *testing.T) {
	t.Parallel()
	attached := func(m modes.Mode) eipassoc.Request {
		r := request(m, 1)
		r.ENI.Status, r.ENI.Instance = eni.InUse, "i-web"
		return r
	}
	full := func(m modes.Mode, n int) eipassoc.Request {
		r := request(m, 1)
		r.Bound = bind(m, n)
		return r
	}
	tests := []struct {
		name string
		req  eipassoc.Request
		code eipassoc.Code
		says []string
		not  []string
	}{
		{"NAT on an attached ENI", attached(modes.NAT), eipassoc.CodeENIAttached,
			[]string{"Detach ENI eni-1 from instance i-web", "associate EIP eip-new", "observed behaviour"},
			[]string{"refuses"}},
		{"cut-through on an attached ENI", attached(modes.Binded), eipassoc.CodeENIAttached,
			[]string{"Detach ENI eni-1 from instance i-web", "refuses cut-through mode associations"},
			[]string{"observed", "NAT"}},
		{"multi-EIP-to-ENI on an attached ENI", attached(modes.MultiBinded), eipassoc.CodeENIAttached,
			[]string{"Detach ENI eni-1 from instance i-web", "refuses multi-EIP-to-ENI mode associations"},
			[]string{"observed", "NAT"}},
		{"NAT on a full ENI", full(modes.NAT, 1), eipassoc.CodeENICapacity,
			[]string{"Assign ENI eni-1 another secondary private IP"}, []string{"another secondary ENI"}},
		{"cut-through on a full ENI", full(modes.Binded, 1), eipassoc.CodeENICapacity,
			[]string{"Use another secondary ENI (ENI eni-1 takes no more in cut-through mode)"},
			[]string{"private IP"}},
	}
	for _, tc := range tests {
		tc.req.Account.MultiBindedAllowed = true
		v, ok := eipassoc.CanAssociate(tc.req).Violation(tc.code)
		if !ok {
			t.Errorf("%s: no %s", tc.name, tc.code)
			continue
		}
		for _, s := range tc.says {
			if !strings.Contains(v.Fix, s) {
				t.Errorf("%s: fix %q does not say %q", tc.name, v.Fix, s)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(v.Fix, s) {
				t.Errorf("%s: fix %q says %q", tc.name, v.Fix, s)
			}
		}
	}
	r := request(modes.NAT, 1)
	r.EIP.Region = "cn-beijing"
	v, ok := eipassoc.CanAssociate(r).Violation(eipassoc.CodeRegionMismatch)
	rule, _ := eipassoc.CodeRegionMismatch.Rule()
	if !ok || v.Fix != rule.Fix {
		t.Errorf("region-mismatch: fix %q, want the rule's %q", v.Fix, rule.Fix)
	}
}

// TestKnownAddressesWhileUnknown: with the ENI's addresses unknown, those the request
// gives are known to be the ENI's (FactENIAddresses): a private IP among them is on the
// ENI, decided; one not among them may be the primary address assigned later, so
// private-ip-not-on-eni stays undecided.
func TestKnownAddressesWhileUnknown(t *testing.T) {
	t.Parallel()
	r := request(modes.NAT, 1)
	r.ENI.PrimaryIP, r.ENI.SecondaryIPs = netip.Addr{}, []netip.Addr{addr(1)}
	r.Unknown, r.PrivateIPCount = eipassoc.FactsOf(eipassoc.FactENIAddresses), 2
	r.PrivateIP = addr(1)
	if d := eipassoc.CanAssociate(r); d.Has(eipassoc.CodePrivateIPNotOnENI) {
		t.Errorf("%v among the known addresses: %v", addr(1), d)
	}
	r.PrivateIP = addr(5)
	d := eipassoc.CanAssociate(r)
	if _, broken := d.Violation(eipassoc.CodePrivateIPNotOnENI); broken ||
		!slices.Contains(d.UndecidedCodes(), eipassoc.CodePrivateIPNotOnENI) {
		t.Errorf("%v, not among the known addresses: %v, want private-ip-not-on-eni undecided", addr(5), d)
	}
}
