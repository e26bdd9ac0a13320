package eipassoc_test

import (
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

func attachRequest(instanceType string, bound ...eipassoc.Binding) eipassoc.AttachRequest {
	return eipassoc.AttachRequest{
		ENI:   secondaryENI(2),
		Bound: bound,
		Instance: ecs.Instance{
			ID: "i-1", Type: instanceType, Region: "cn-hangzhou", Zone: "cn-hangzhou-h", VPC: "vpc-1",
			DHCP: ecs.DHCPEnabled, ENIs: []eni.ID{"eni-primary"},
		},
	}
}

func TestCanAttachRules(t *testing.T) {
	t.Parallel()
	type C = eipassoc.Code
	multi := eipassoc.Binding{EIP: "eip-0", Mode: modes.MultiBinded}
	tests := []struct {
		name      string
		req       func() eipassoc.AttachRequest
		want      []C
		undecided []C // rules left undecided
		notes     []C
	}{
		{
			name:  "secondary ENI onto a c6.large",
			req:   func() eipassoc.AttachRequest { return attachRequest("ecs.c6.large") },
			notes: []C{eipassoc.AdviseSecondaryENIGuestConfig},
		},
		{
			name:  "multi ENI onto a g5",
			req:   func() eipassoc.AttachRequest { return attachRequest("ecs.g5.large", multi) },
			notes: []C{eipassoc.AdviseMultiBindedStaticConfig, eipassoc.AdviseOutboundRoutes},
		},
		{name: "cut-through ENI", req: func() eipassoc.AttachRequest {
			return attachRequest(
				"ecs.g7.large",
				eipassoc.Binding{EIP: "eip-0", Mode: modes.Binded, ChargeType: eip.PrePaid},
			)
		}, notes: []C{eipassoc.AdviseCutThroughRoutePriority, eipassoc.AdviseCutThroughSubscription}},
		{name: "live limits for a type missing from the table", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g8i.large")
			r.Instance.Limits = eni.Limits{ENIs: 3, PrivateIPsPerENI: 15}
			return r
		}},
		// API facts §5: "ecs.c4 (retired): xlarge 3/?": the ENI count is known, the
		// private-address limit is not, so that one rule is undecided.
		{
			name:      "retired type with unknown IP limit",
			req:       func() eipassoc.AttachRequest { return attachRequest("ecs.c4.xlarge") },
			undecided: []C{eipassoc.CodeInstancePrivateIPQuota},
			notes:     []C{eipassoc.AdviseInstanceTypeRetired},
		},

		{
			name:      "type missing from the table",
			req:       func() eipassoc.AttachRequest { return attachRequest("ecs.g8i.large") },
			undecided: []C{eipassoc.CodeInstanceENIQuota, eipassoc.CodeInstancePrivateIPQuota},
		},
		{name: "instance full of ENIs", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.Instance.ENIs = []eni.ID{"eni-primary", "eni-other"}
			return r
		}, want: []C{eipassoc.CodeInstanceENIQuota}},
		{name: "too many private IPs for the type", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.c6.large")
			r.ENI = secondaryENI(7)
			return r
		}, want: []C{eipassoc.CodeInstancePrivateIPQuota}},
		{
			name: "multi ENI onto an unlisted family",
			req:  func() eipassoc.AttachRequest { return attachRequest("ecs.g7.large", multi) },
			want: []C{eipassoc.CodeInstanceFamilyUnsupported},
		},
		{name: "multi ENI onto an instance without DHCP", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g5.large", multi)
			r.Instance.DHCP = ecs.DHCPDisabled
			return r
		}, want: []C{eipassoc.CodeInstanceDHCPDisabled}},
		{name: "multi ENI, DHCP unknown", req: func() eipassoc.AttachRequest {
			r := attachRequest("ecs.g5.large", multi)
			r.Instance.DHCP = ecs.DHCPUnknown
			return r
		}, undecided: []C{eipassoc.CodeInstanceDHCPDisabled}},
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
			r.Instance = ecs.Instance{}
			return r
		}, want: []C{eipassoc.CodeInstanceInvalid, eipassoc.CodeRegionUnknown},
			undecided: []C{eipassoc.CodeInstanceENIQuota, eipassoc.CodeInstancePrivateIPQuota}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := eipassoc.CanAttach(tc.req())
			if diff := cmp.Diff(tc.want, codes(d)); diff != "" {
				t.Fatalf("CanAttach codes mismatch (-want +got):\n%s\n%v", diff, d)
			}
			var undecided []C
			for _, u := range d.Undecided {
				undecided = append(undecided, u.Code)
			}
			if diff := cmp.Diff(tc.undecided, undecided); diff != "" {
				t.Errorf("undecided rules mismatch (-want +got):\n%s", diff)
			}
			want := eipassoc.Allowed
			switch {
			case len(tc.want) > 0:
				want = eipassoc.Denied
			case len(tc.undecided) > 0:
				want = eipassoc.Undecided
			}
			if d.Verdict != want {
				t.Errorf("Verdict = %v, want %v", d.Verdict, want)
			}
			for _, n := range tc.notes {
				if !d.Advisories.Has(n) {
					t.Errorf("advisory %s missing; have %v", n, d.Advisories)
				}
			}
		})
	}
}

// TestConfigurationFee follows the FAQ's rules (doc: FAQ, configuration fee); an
// answer that rests on an unknown fact is charged and undecided (fail safe).
func TestConfigurationFee(t *testing.T) {
	t.Parallel()
	const decided, undecided = true, false
	tests := []struct {
		name    string
		req     eipassoc.FeeRequest
		charged bool
		decided bool
		missing eipassoc.Facts
	}{
		{
			"subscription through an ENI",
			eipassoc.FeeRequest{ChargeType: eip.PrePaid, Target: eipassoc.FeeTargetENI},
			false,
			decided,
			0,
		},
		{
			"subscription on a NAT gateway",
			eipassoc.FeeRequest{ChargeType: eip.PrePaid, Target: eipassoc.FeeTargetOther},
			false,
			decided,
			0,
		},
		{
			"pay-as-you-go through an ENI",
			eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetENI, InVPC: true},
			true,
			decided,
			0,
		},
		{
			"pay-as-you-go on ECS in a VPC",
			eipassoc.FeeRequest{
				ChargeType:  eip.PostPaid,
				Target:      eipassoc.FeeTargetECS,
				InVPC:       true,
				AccountEIPs: 2000,
			},
			false,
			decided,
			0,
		},
		{
			"pay-as-you-go on ECI in a VPC, 12 EIPs",
			eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECI, InVPC: true, AccountEIPs: 12},
			false,
			decided,
			0,
		},
		{
			"pay-as-you-go on ECS, 2,001 EIPs",
			eipassoc.FeeRequest{
				ChargeType:  eip.PostPaid,
				Target:      eipassoc.FeeTargetECS,
				InVPC:       true,
				AccountEIPs: 2001,
			},
			true,
			decided,
			0,
		},
		{
			"pay-as-you-go on classic ECS",
			eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS, AccountEIPs: 5},
			true,
			decided,
			0,
		},
		{
			"pay-as-you-go on a CLB",
			eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetOther, InVPC: true},
			true,
			decided,
			0,
		},
		{
			"unknown charge type",
			eipassoc.FeeRequest{Target: eipassoc.FeeTargetECS, InVPC: true, AccountEIPs: 5},
			true,
			undecided,
			eipassoc.FactsOf(eipassoc.FactEIPChargeType),
		},
		{
			"unknown EIP count never exempts",
			eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS, InVPC: true},
			true,
			undecided,
			eipassoc.FactsOf(eipassoc.FactAccountEIPs),
		},
		{
			"unknown VPC",
			eipassoc.FeeRequest{
				ChargeType:  eip.PostPaid,
				Target:      eipassoc.FeeTargetECS,
				InVPC:       true,
				AccountEIPs: 5,
				Unknown:     eipassoc.FactsOf(eipassoc.FactENIPlacement),
			},
			true,
			undecided,
			eipassoc.FactsOf(eipassoc.FactENIPlacement),
		},
	}
	for _, tc := range tests {
		f := eipassoc.ConfigurationFee(tc.req)
		if f.Charged != tc.charged || f.Decided != tc.decided || f.Missing != tc.missing || f.Reason == "" ||
			f.Source == "" {
			t.Errorf(
				"%s: ConfigurationFee = %+v, want charged %v decided %v missing %v",
				tc.name,
				f,
				tc.charged,
				tc.decided,
				tc.missing,
			)
		}
	}
	if s := eipassoc.FeeTarget(9).String(); s != "FeeTarget(9)" {
		t.Errorf("FeeTarget(9) = %q", s)
	}
}

// TestAttachAllowedPathAllocatesNothing guards the allocation target of BenchmarkCanAttach;
// it counts allocations, which are deterministic, and times nothing.
func TestAttachAllowedPathAllocatesNothing(t *testing.T) {
	r := attachRequest(
		"ecs.g7.2xlarge",
		eipassoc.Binding{EIP: "eip-0", Mode: modes.MultiBinded},
		eipassoc.Binding{EIP: "eip-1", Mode: modes.MultiBinded},
	)
	r.Instance.Type = "ecs.g5.2xlarge"
	if d := eipassoc.CanAttach(r); !d.Allowed() {
		t.Fatalf("request denied: %v", d)
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = eipassoc.CanAttach(r) }); allocs != 0 {
		t.Errorf("CanAttach allocates %v times on the allowed path", allocs)
	}
}
