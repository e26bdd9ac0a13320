package eip_test

import (
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/internal/enumtest"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

func TestEnumContracts(t *testing.T) {
	t.Parallel()
	t.Run("Status", func(t *testing.T) {
		enumtest.Check(t, eip.Statuses(), eip.ParseStatus, eip.ErrUnknownValue, "eip-status-invalid")
	})
	t.Run("ChargeType", func(t *testing.T) {
		enumtest.Check(t, eip.ChargeTypes(), eip.ParseChargeType, eip.ErrUnknownValue, "eip-charge-type-invalid")
	})
	t.Run("InternetChargeType", func(t *testing.T) {
		enumtest.Check(
			t,
			eip.InternetChargeTypes(),
			eip.ParseInternetChargeType,
			eip.ErrUnknownValue,
			"eip-internet-charge-type-invalid",
		)
	})
	t.Run("LockReason", func(t *testing.T) {
		enumtest.Check(t, eip.LockReasons(), eip.ParseLockReason, eip.ErrUnknownValue, "eip-lock-reason-invalid")
	})
	t.Run("BusinessStatus", func(t *testing.T) {
		enumtest.Check(
			t,
			eip.BusinessStatuses(),
			eip.ParseBusinessStatus,
			eip.ErrUnknownValue,
			"eip-business-status-invalid",
		)
	})
	t.Run("InstanceType", func(t *testing.T) {
		enumtest.Check(t, eip.InstanceTypes(), eip.ParseInstanceType, eip.ErrUnknownValue, "eip-instance-type-invalid")
	})
}

func FuzzParseStatus(f *testing.F) { enumtest.Fuzz(f, eip.Statuses(), eip.ParseStatus) }

func FuzzParseChargeType(f *testing.F) {
	enumtest.Fuzz(f, eip.ChargeTypes(), eip.ParseChargeType, "subscription", "pay-as-you-go")
}

func FuzzParseInternetChargeType(f *testing.F) {
	enumtest.Fuzz(f, eip.InternetChargeTypes(), eip.ParseInternetChargeType)
}

func FuzzParseLockReason(f *testing.F) { enumtest.Fuzz(f, eip.LockReasons(), eip.ParseLockReason) }

func FuzzParseBusinessStatus(f *testing.F) {
	enumtest.Fuzz(f, eip.BusinessStatuses(), eip.ParseBusinessStatus)
}

func FuzzParseInstanceType(f *testing.F) {
	enumtest.Fuzz(f, eip.InstanceTypes(), eip.ParseInstanceType)
}

func TestParseAliases(t *testing.T) {
	t.Parallel()
	if c, err := eip.ParseChargeType("Subscription"); err != nil || c != eip.PrePaid {
		t.Errorf("ParseChargeType(Subscription) = %v, %v", c, err)
	}
	if c, err := eip.ParseChargeType("pay-as-you-go"); err != nil || c != eip.PostPaid {
		t.Errorf("ParseChargeType(pay-as-you-go) = %v, %v", c, err)
	}
}

func TestLocks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                string
		a                   eip.Address
		locked, sec, financ bool
	}{
		{"none", eip.Address{}, false, false, false},
		{"security", eip.Address{LockReasons: []eip.LockReason{eip.Security}}, true, true, false},
		{"financial reason", eip.Address{LockReasons: []eip.LockReason{eip.Financial}}, true, false, true},
		{"financial business status", eip.Address{BusinessStatus: eip.FinancialLocked}, true, false, true},
		{"normal", eip.Address{BusinessStatus: eip.Normal}, false, false, false},
	}
	for _, tc := range tests {
		if tc.a.Locked() != tc.locked || tc.a.HasLock(eip.Security) != tc.sec ||
			tc.a.HasLock(eip.Financial) != tc.financ {
			t.Errorf(
				"%s: Locked %v, security %v, financial %v",
				tc.name,
				tc.a.Locked(),
				tc.a.HasLock(eip.Security),
				tc.a.HasLock(eip.Financial),
			)
		}
	}
}

func TestAddressJSONRoundTrip(t *testing.T) {
	t.Parallel()
	in := eip.Address{
		ID: "eip-1", IP: netip.MustParseAddr("47.0.0.1"), Region: "cn-hangzhou", Status: eip.InUse,
		ChargeType: eip.PostPaid, InternetChargeType: eip.PayByTraffic, BusinessStatus: eip.Normal,
		LockReasons: []eip.LockReason{eip.Security},
		Association: eip.Association{
			InstanceType: eip.NetworkInterface,
			InstanceID:   "eni-1",
			Mode:         modes.NAT,
			PrivateIP:    netip.MustParseAddr("10.0.0.5"),
		},
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out eip.Address
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("round trip mismatch (-in +out):\n%s", diff)
	}
	if (eip.Association{}).IsZero() != true || in.Association.IsZero() {
		t.Error("IsZero wrong")
	}
	var empty eip.Address
	data, _ = json.Marshal(empty)
	if string(data) != `{"id":"","ip":"","region":"","status":""}` {
		t.Errorf("zero Address JSON = %s", data)
	}
}

func TestParseRapid(t *testing.T) {
	t.Parallel()
	t.Run("Status", func(t *testing.T) { enumtest.Property(t, eip.ParseStatus) })
	t.Run("ChargeType", func(t *testing.T) { enumtest.Property(t, eip.ParseChargeType) })
	t.Run("InternetChargeType", func(t *testing.T) { enumtest.Property(t, eip.ParseInternetChargeType) })
	t.Run("LockReason", func(t *testing.T) { enumtest.Property(t, eip.ParseLockReason) })
	t.Run("BusinessStatus", func(t *testing.T) { enumtest.Property(t, eip.ParseBusinessStatus) })
	t.Run("InstanceType", func(t *testing.T) { enumtest.Property(t, eip.ParseInstanceType) })
}
