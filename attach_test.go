package eipassoc_test

import (
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

func attachRequest(instanceType string, bound ...eipassoc.Binding) eipassoc.AttachRequest {
	return eipassoc.AttachRequest{
		ENI:   secondaryENI(2),
		Bound: bound,
		Instance: eipassoc.Instance{
			ID: "i-1", Type: instanceType, Region: "cn-hangzhou", Zone: "cn-hangzhou-h", VPC: "vpc-1",
			DHCP: eipassoc.DHCPEnabled, ENIs: 1,
		},
	}
}

func TestCanAttachRules(t *testing.T) {
	type C = eipassoc.Code
	multi := eipassoc.Binding{EIP: "eip-0", Mode: modes.MultiBinded}
	tests := []struct {
		name  string
		req   func() eipassoc.AttachRequest
		want  []C
		notes []C
	}{
		{name: "secondary ENI onto a c6.large", req: func() eipassoc.AttachRequest { return attachRequest("ecs.c6.large") },
			notes: []C{eipassoc.AdviseSecondaryENIGuestConfig}},
		{name: "multi ENI onto a g5", req: func() eipassoc.AttachRequest { return attachRequest("ecs.g5.large", multi) },
			notes: []C{eipassoc.AdviseMultiBindedStaticConfig, eipassoc.AdviseOutboundRoutes}},
		{name: "cut-through ENI", req: func() eipassoc.AttachRequest {
			return attachRequest("ecs.g7.large", eipassoc.Binding{EIP: "eip-0", Mode: modes.Binded, ChargeType: eip.PrePaid})
		}, notes: []C{eipassoc.AdviseCutThroughRoutePriority, eipassoc.AdviseCutThroughSubscription}},
		{name: "live limits for a type missing from the table", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g8i.large")
			r.Instance.Limits = eni.Limits{ENIs: 3, PrivateIPsPerENI: 15}
			return r
		}},
		{name: "retired type with unknown IP limit", req: func() eipassoc.AttachRequest { return attachRequest("ecs.c4.xlarge") },
			notes: []C{eipassoc.AdviseInstanceTypeRetired, eipassoc.AdviseInstanceLimitsUnknownIPs}},

		{name: "type missing from the table", req: func() eipassoc.AttachRequest { return attachRequest("ecs.g8i.large") },
			want: []C{eipassoc.CodeInstanceLimitsUnknown}},
		{name: "instance full of ENIs", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.Instance.ENIs = 2
			return r
		}, want: []C{eipassoc.CodeInstanceENIQuota}},
		{name: "too many private IPs for the type", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.ENI = secondaryENI(7)
			return r
		}, want: []C{eipassoc.CodeInstancePrivateIPQuota}},
		{name: "multi ENI onto an unlisted family", req: func() eipassoc.AttachRequest { return attachRequest("ecs.g7.large", multi) },
			want: []C{eipassoc.CodeInstanceFamilyUnsupported}},
		{name: "multi ENI onto an instance without DHCP", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g5.large", multi)
			r.Instance.DHCP = eipassoc.DHCPDisabled
			return r
		}, want: []C{eipassoc.CodeInstanceDHCPDisabled}},
		{name: "multi ENI, DHCP unknown", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g5.large", multi)
			r.Instance.DHCP = eipassoc.DHCPUnknown
			return r
		}, notes: []C{eipassoc.AdviseInstanceDHCPUnknown}},
		{name: "zone mismatch", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.Instance.Zone = "cn-hangzhou-i"
			return r
		}, want: []C{eipassoc.CodeZoneMismatch}},
		{name: "VPC mismatch", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.Instance.VPC = "vpc-2"
			return r
		}, want: []C{eipassoc.CodeVPCMismatch}},
		{name: "region mismatch", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.Instance.Region = "cn-beijing"
			return r
		}, want: []C{eipassoc.CodeRegionMismatch}},
		{name: "primary ENI", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.ENI.Kind = eni.Primary
			return r
		}, want: []C{eipassoc.CodeENIKindUnsupported}},
		{name: "already attached", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.ENI.Status, r.ENI.Instance = eni.InUse, "i-2"
			return r
		}, want: []C{eipassoc.CodeENIStatus}},
		{name: "ENI without zone", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.ENI.Zone = ""
			return r
		}, want: []C{eipassoc.CodeENIInvalid}},
		{name: "zero instance", req: func() eipassoc.AttachRequest {
			r := attachRequest("")
			r.Instance = eipassoc.Instance{}
			return r
		}, want: []C{eipassoc.CodeInstanceInvalid, eipassoc.CodeInstanceInvalid, eipassoc.CodeInstanceInvalid, eipassoc.CodeInstanceInvalid, eipassoc.CodeRegionUnknown}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := eipassoc.CanAttach(tc.req())
			if diff := cmp.Diff(tc.want, codes(d)); diff != "" {
				t.Fatalf("CanAttach codes mismatch (-want +got):\n%s\n%v", diff, d)
			}
			if d.Allowed != (len(tc.want) == 0) {
				t.Errorf("Allowed = %v", d.Allowed)
			}
			for _, n := range tc.notes {
				if !d.Advisories.Has(n) {
					t.Errorf("advisory %s missing; have %v", n, d.Advisories)
				}
			}
		})
	}
}

func TestDHCPText(t *testing.T) {
	for _, h := range []eipassoc.DHCP{eipassoc.DHCPUnknown, eipassoc.DHCPEnabled, eipassoc.DHCPDisabled} {
		text, _ := h.MarshalText()
		var back eipassoc.DHCP
		if err := back.UnmarshalText(text); err != nil || back != h {
			t.Errorf("round trip of %v = %v, %v", h, back, err)
		}
	}
	var h eipassoc.DHCP
	if err := h.UnmarshalText([]byte("maybe")); err == nil {
		t.Error("UnmarshalText(maybe) did not fail")
	}
}

func TestConfigurationFee(t *testing.T) {
	tests := []struct {
		name string
		req  eipassoc.FeeRequest
		want bool
	}{
		{"subscription through an ENI", eipassoc.FeeRequest{ChargeType: eip.PrePaid, Target: eipassoc.FeeTargetENI}, false},
		{"subscription on a NAT gateway", eipassoc.FeeRequest{ChargeType: eip.PrePaid, Target: eipassoc.FeeTargetOther}, false},
		{"pay-as-you-go through an ENI", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetENI, InVPC: true}, true},
		{"pay-as-you-go on ECS in a VPC", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS, InVPC: true, AccountEIPs: 2000}, false},
		{"pay-as-you-go on ECI in a VPC", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECI, InVPC: true}, false},
		{"pay-as-you-go on ECS, 2,001 EIPs", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS, InVPC: true, AccountEIPs: 2001}, true},
		{"pay-as-you-go on classic ECS", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS}, true},
		{"pay-as-you-go on a CLB", eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetOther, InVPC: true}, true},
		{"unknown charge type", eipassoc.FeeRequest{Target: eipassoc.FeeTargetECS, InVPC: true}, true},
	}
	for _, tc := range tests {
		f := eipassoc.ConfigurationFee(tc.req)
		if f.Charged != tc.want || f.Reason == "" || f.Source == "" {
			t.Errorf("%s: ConfigurationFee = %+v, want charged %v", tc.name, f, tc.want)
		}
	}
	if s := eipassoc.FeeTarget(9).String(); s != "FeeTarget(9)" {
		t.Errorf("FeeTarget(9) = %q", s)
	}
}
