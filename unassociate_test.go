package eipassoc_test

import (
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

func TestCanUnassociate(t *testing.T) {
	t.Parallel()
	type C = eipassoc.Code
	inUse := func(m modes.Mode) eip.Address {
		a := availableEIP()
		a.Status = eip.InUse
		a.Association = eip.Association{InstanceType: eip.NetworkInterface, InstanceID: "eni-1", Mode: m}
		return a
	}
	attached := secondaryENI(1)
	attached.Status, attached.Instance = eni.InUse, "i-1"
	tests := []struct {
		name string
		c    eipassoc.UnassociateCheck
		want []C
	}{
		{"NAT EIP on an attached ENI", eipassoc.UnassociateCheck{EIP: inUse(modes.NAT), ENI: attached}, nil},
		{
			"cut-through EIP on a detached ENI",
			eipassoc.UnassociateCheck{EIP: inUse(modes.Binded), ENI: secondaryENI(1)},
			nil,
		},
		{
			"cut-through EIP on an attached ENI",
			eipassoc.UnassociateCheck{EIP: inUse(modes.Binded), ENI: attached},
			[]C{eipassoc.CodeENIAttached},
		},
		{"available EIP", eipassoc.UnassociateCheck{EIP: availableEIP()}, []C{eipassoc.CodeEIPStatus}},
		{"locked EIP", eipassoc.UnassociateCheck{EIP: func() eip.Address {
			a := inUse(modes.NAT)
			a.LockReasons = []eip.LockReason{eip.Security, eip.Financial}
			return a
		}()}, []C{eipassoc.CodeEIPFinancialLocked, eipassoc.CodeEIPLocked}},
		{"zero check", eipassoc.UnassociateCheck{}, []C{eipassoc.CodeEIPInvalid, eipassoc.CodeEIPStatus}},
	}
	for _, tc := range tests {
		d := eipassoc.CanUnassociate(tc.c)
		if diff := cmp.Diff(tc.want, codes(d)); diff != "" {
			t.Errorf("%s: codes mismatch (-want +got):\n%s", tc.name, diff)
		}
		if !d.Advisories.Has(eipassoc.AdviseRetentionCost) {
			t.Errorf("%s: no retention-cost advisory", tc.name)
		}
	}
}
