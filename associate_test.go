package eipassoc_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

// TestCanAssociateRules has one row per rule, and the allowed baselines. Rows assert
// codes, never message text.
func TestCanAssociateRules(t *testing.T) {
	t.Parallel()
	type C = eipassoc.Code
	tests := []struct {
		name  string
		req   func() eipassoc.Request
		want  []C
		api   string // the API code the first violation predicts, if checked
		why   string
		cap   *eipassoc.Capacity
		notes []C // advisories that must be present
	}{
		{name: "NAT on a detached secondary ENI", req: func() eipassoc.Request { return request(modes.NAT, 3) },
			notes: []C{eipassoc.AdviseNATNoALG, eipassoc.AdviseConfigurationFee, eipassoc.AdviseOutboundRoutes}},
		{
			name:  "cut-through on a detached secondary ENI",
			req:   func() eipassoc.Request { return request(modes.Binded, 1) },
			notes: []C{eipassoc.AdviseCutThroughNotRecommended, eipassoc.AdviseCutThroughPrivateNetwork},
		},
		{name: "multi-EIP-to-ENI for an allowlisted account", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			return r
		},
			notes: []C{
				eipassoc.AdviseMultiBindedStaticConfig,
				eipassoc.AdviseMultiBindedClosed,
				eipassoc.AdviseMultiBindedInstanceFamily,
			}},
		{name: "NAT on a primary ENI", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.ENI.Kind, r.ENI.Status, r.ENI.Instance = eni.Primary, eni.InUse, "i-1"
			return r
		}, why: "a primary ENI is attached by nature; the detach prerequisite is for secondary ENIs"},

		{
			name: "EIP without an ID",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.EIP.ID = ""; return r },
			want: []C{eipassoc.CodeEIPInvalid},
		},
		{
			name: "ENI without an ID",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.ID = ""; return r },
			want: []C{eipassoc.CodeENIInvalid},
		},
		{
			name: "ENI of unknown kind",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Kind = 0; return r },
			want: []C{eipassoc.CodeENIInvalid},
		},
		{name: "ENI without a primary IP", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.ENI.PrimaryIP = netip.Addr{}
			return r
		}, want: []C{eipassoc.CodeENICapacity, eipassoc.CodeENIInvalid}, why: "no private IP means NAT capacity 0 too"},
		{name: "zero mode", req: func() eipassoc.Request { return request(0, 1) }, want: []C{eipassoc.CodeModeInvalid}},
		{
			name: "undefined mode",
			req:  func() eipassoc.Request { return request(9, 1) },
			want: []C{eipassoc.CodeModeInvalid},
		},
		{
			name: "unknown EIP region",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.EIP.Region = "mars-1"; return r },
			want: []C{eipassoc.CodeRegionUnknown},
		},
		{
			name: "no ENI region",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Region = ""; return r },
			want: []C{eipassoc.CodeRegionUnknown},
		},
		{name: "closed region", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "ap-south-1", "ap-south-1"
			return r
		}, want: []C{eipassoc.CodeRegionClosed}, why: "Mumbai is in the MULTI_BINDED list but decommissioned; the " +
			"EIP and the ENI are each in it (one code)"},
		{name: "closing region", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.EIP.Region, r.ENI.Region = "cn-nanjing", "cn-nanjing"
			return r
		}, notes: []C{eipassoc.AdviseRegionClosing}},
		{
			name: "regions differ",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.EIP.Region = "cn-beijing"; return r },
			want: []C{eipassoc.CodeRegionMismatch},
			api:  "InvalidParameter.Mismatch",
		},
		{name: "cut-through outside its regions", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.EIP.Region, r.ENI.Region = "ap-northeast-1", "ap-northeast-1"
			return r
		}, want: []C{eipassoc.CodeModeRegionUnsupported}},
		{name: "multi outside its regions", req: func() eipassoc.Request { return request(modes.MultiBinded, 1) },
			want: []C{eipassoc.CodeModeRegionUnsupported}, why: "cn-hangzhou is not in the MULTI_BINDED list"},
		{name: "cut-through in Guangzhou: sources disagree", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.EIP.Region, r.ENI.Region = "cn-guangzhou", "cn-guangzhou"
			return r
		}, notes: []C{eipassoc.AdviseRegionSourcesDisagree}},
		{name: "cut-through on a primary ENI", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.ENI.Kind, r.ENI.Status, r.ENI.Instance = eni.Primary, eni.InUse, "i-1"
			return r
		}, want: []C{eipassoc.CodeENIKindUnsupported}},
		{
			name: "NAT on a trunk ENI",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Kind = eni.Trunk; return r },
			want: []C{eipassoc.CodeENIKindUnsupported},
			why:  "the documentation names primary and secondary ENIs only",
		},
		{name: "NAT on a full secondary ENI", req: func() eipassoc.Request {
			r := request(modes.NAT, 3)
			r.Bound = bind(modes.NAT, 3)
			r.PrivateIP = addr(2)
			return r
		}, want: []C{
			eipassoc.CodeENICapacity, eipassoc.CodePrivateIPInUse,
		}, api: "InvalidEip.EipQuotaExceeded", cap: &eipassoc.Capacity{Limit: 3, Used: 3}},
		{name: "NAT on a primary ENI that has its EIP", req: func() eipassoc.Request {
			r := request(modes.NAT, 2)
			r.ENI.Kind, r.ENI.Status = eni.Primary, eni.InUse
			r.Bound = bind(modes.NAT, 1)
			r.PrivateIP = addr(1)
			return r
		}, want: []C{eipassoc.CodeENICapacity}, cap: &eipassoc.Capacity{Limit: 1, Used: 1}},
		{name: "cut-through on an ENI that has its EIP", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.Bound = []eipassoc.Binding{{EIP: "eip-0", Mode: modes.Binded}}
			return r
		}, want: []C{eipassoc.CodeENICapacity}, cap: &eipassoc.Capacity{Limit: 1, Used: 1}},
		{name: "multi on an ENI with 10 EIPs", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			r.Bound = bind(modes.MultiBinded, 10)
			return r
		}, want: []C{
			eipassoc.CodeENICapacity,
		}, api: "QuotaExceed.MultiBindedEip", cap: &eipassoc.Capacity{Limit: 10, Used: 10}},
		{name: "multi on an ENI with 9 EIPs", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			r.Bound = bind(modes.MultiBinded, 9)
			return r
		}},
		{name: "NAT private IP not on the ENI", req: func() eipassoc.Request {
			r := request(modes.NAT, 2)
			r.PrivateIP = netip.MustParseAddr("10.9.9.9")
			return r
		}, want: []C{eipassoc.CodePrivateIPNotOnENI}},
		{name: "NAT private IP already carries an EIP", req: func() eipassoc.Request {
			r := request(modes.NAT, 3)
			r.Bound = bind(modes.NAT, 2)
			r.PrivateIP = addr(1)
			return r
		}, want: []C{eipassoc.CodePrivateIPInUse}},
		{name: "NAT primary IP already carries an EIP (empty private IP)", req: func() eipassoc.Request {
			r := request(modes.NAT, 3)
			r.Bound = []eipassoc.Binding{{EIP: "eip-0", Mode: modes.NAT}}
			return r
		}, want: []C{eipassoc.CodePrivateIPInUse}, why: "an empty private IP means the primary one"},
		{name: "bound EIP with the zero mode", req: func() eipassoc.Request {
			r := request(modes.NAT, 3)
			r.Bound = []eipassoc.Binding{{EIP: "eip-0"}}
			return r
		}, want: []C{eipassoc.CodeModeInvalid}, why: "the zero Mode is invalid everywhere, so an unset field never " +
			"silently means NAT"},
		{name: "cut-through on a secondary IP", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.PrivateIP = netip.MustParseAddr("10.9.9.9")
			return r
		}, want: []C{eipassoc.CodePrivateIPNotOnENI, eipassoc.CodePrivateIPNotPrimary}},
		{name: "cut-through on an ENI with secondary IPs", req: func() eipassoc.Request {
			r := request(modes.Binded, 2)
			r.PrivateIP = addr(1)
			return r
		}, want: []C{eipassoc.CodeENIHasSecondaryIPs, eipassoc.CodePrivateIPNotPrimary}, api: "Eni.HasSubIp"},
		{name: "NAT next to multi", req: func() eipassoc.Request {
			r := request(modes.NAT, 3)
			r.Bound = []eipassoc.Binding{{EIP: "eip-0", Mode: modes.MultiBinded}}
			r.PrivateIP = addr(1)
			return r
		}, want: []C{eipassoc.CodeModeConflict}, api: "OperationFailed.EipBindModeConflict"},
		{name: "multi next to cut-through", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			r.Bound = []eipassoc.Binding{{EIP: "eip-0", Mode: modes.Binded}}
			return r
		}, want: []C{eipassoc.CodeModeConflict}, api: "Mode.Conflict"},
		{name: "cut-through on an attached ENI", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.ENI.Status, r.ENI.Instance = eni.InUse, "i-1"
			r.Behaviour = eipassoc.Observed
			return r
		}, want: []C{eipassoc.CodeENIAttached}, api: "Eni.Attached", why: "the API enforces it for cut-through " +
			"whatever the behaviour"},
		{name: "NAT on an attached ENI, documented", req: func() eipassoc.Request {
			r := request(modes.NAT, 2)
			r.ENI.Status, r.ENI.Instance = eni.InUse, "i-1"
			return r
		}, want: []C{eipassoc.CodeENIAttached}},
		{name: "NAT on an attached ENI, observed", req: func() eipassoc.Request {
			r := request(modes.NAT, 2)
			r.ENI.Status, r.ENI.Instance = eni.InUse, "i-1"
			r.Behaviour = eipassoc.Observed
			return r
		}, notes: []C{eipassoc.AdviseNATAttachedENI}},
		{name: "multi on an attached ENI, observed", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			r.ENI.Status = eni.InUse
			r.Behaviour = eipassoc.Observed
			return r
		}, want: []C{eipassoc.CodeENIAttached}},
		{
			name: "ENI not in a VPC",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.VPC = ""; return r },
			want: []C{eipassoc.CodeENINotInVPC},
		},
		{
			name: "ENI attaching",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Status = eni.Attaching; return r },
			want: []C{eipassoc.CodeENIAttached, eipassoc.CodeENIStatus},
		},
		{
			name: "ENI deleting",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Status = eni.Deleting; return r },
			want: []C{eipassoc.CodeENIStatus},
			api:  "InvalidStatus.EniStatusNotSupport",
		},
		{
			name: "ENI status unknown",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.ENI.Status = 0; return r },
			want: []C{eipassoc.CodeENIStatus},
		},
		{name: "EIP in use", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.EIP.Status = eip.InUse
			r.EIP.Association = eip.Association{InstanceType: eip.EcsInstance, InstanceID: "i-9"}
			return r
		}, want: []C{eipassoc.CodeEIPStatus}, api: "IncorrectEipStatus"},
		{
			name: "EIP associating",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.EIP.Status = eip.Associating; return r },
			want: []C{eipassoc.CodeEIPStatus},
		},
		{
			name: "EIP status unknown",
			req:  func() eipassoc.Request { r := request(modes.NAT, 1); r.EIP.Status = 0; return r },
			want: []C{eipassoc.CodeEIPStatus},
		},
		{name: "EIP security lock", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.EIP.LockReasons = []eip.LockReason{eip.Security}
			return r
		}, want: []C{eipassoc.CodeEIPLocked}, api: "InvalidEIPStatus.BizDisabled"},
		{name: "EIP financial lock", req: func() eipassoc.Request {
			r := request(modes.NAT, 1)
			r.EIP.BusinessStatus = eip.FinancialLocked
			return r
		}, want: []C{eipassoc.CodeEIPFinancialLocked}, api: "Forbidden.FinancialLocked"},
		{name: "multi for an account that is not allowlisted", req: func() eipassoc.Request {
			r := request(modes.MultiBinded, 1)
			r.EIP.Region, r.ENI.Region = "cn-shanghai", "cn-shanghai"
			r.Account.MultiBindedAllowed = false
			return r
		}, want: []C{eipassoc.CodeModeNotAllowlisted}, api: "Mode.NotSupport"},
		{name: "subscription EIP in cut-through", req: func() eipassoc.Request {
			r := request(modes.Binded, 1)
			r.EIP.ChargeType = eip.PrePaid
			return r
		}, notes: []C{eipassoc.AdviseCutThroughSubscription}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req()
			d := eipassoc.CanAssociate(req)
			if diff := cmp.Diff(tc.want, codes(d)); diff != "" {
				t.Fatalf("CanAssociate codes mismatch (-want +got):\n%s\n%v", diff, d)
			}
			if d.Allowed() != (len(tc.want) == 0) {
				t.Errorf("Allowed = %v with codes %v", d.Allowed(), codes(d))
			}
			if tc.api != "" && d.Violations[0].APICode != tc.api {
				t.Errorf("APICode = %q, want %q", d.Violations[0].APICode, tc.api)
			}
			if tc.cap != nil {
				if diff := cmp.Diff(tc.cap, firstCapacity(d)); diff != "" {
					t.Errorf("capacity mismatch (-want +got):\n%s", diff)
				}
			}
			for _, n := range tc.notes {
				if !d.Advisories.Has(n) {
					t.Errorf("advisory %s missing; have %v", n, d.Advisories)
				}
			}
			for _, v := range d.Violations {
				if v.Message == "" || v.Source == "" || v.Subject == "" {
					t.Errorf("violation %+v lacks message, source or subject", v)
				}
				if r, ok := v.Code.Rule(); !ok || r.Severity != eipassoc.Deny {
					t.Errorf("violation code %s is not a deny rule", v.Code)
				}
			}
		})
	}
}

func firstCapacity(d eipassoc.Decision) *eipassoc.Capacity {
	for _, v := range d.Violations {
		if v.Capacity != nil {
			return v.Capacity
		}
	}
	return nil
}

func TestZeroRequestDenied(t *testing.T) {
	t.Parallel()
	d := eipassoc.CanAssociate(eipassoc.Request{})
	want := []eipassoc.Code{ // each code once (Decision.Codes), sorted
		eipassoc.CodeEIPInvalid, eipassoc.CodeEIPStatus, eipassoc.CodeENIInvalid,
		eipassoc.CodeENINotInVPC, eipassoc.CodeENIStatus, eipassoc.CodeModeInvalid, eipassoc.CodeRegionUnknown,
	}
	if diff := cmp.Diff(want, codes(d)); diff != "" {
		t.Errorf("codes mismatch (-want +got):\n%s", diff)
	}
	// The ENI is invalid for two reasons (no ID, no primary IP) and both regions are
	// unknown: nine violations under seven codes.
	if len(d.Violations) != 9 {
		t.Errorf("%d violations, want 9:\n%v", len(d.Violations), d)
	}
	if d.Allowed() || d.Err() == nil {
		t.Error("the zero request is allowed")
	}
}

func TestDecisionErr(t *testing.T) {
	t.Parallel()
	if err := (eipassoc.Decision{}).Err(); !errors.Is(err, eipassoc.ErrNotChecked) {
		t.Errorf("zero Decision Err = %v", err)
	}
	r := request(modes.NAT, 1)
	if err := eipassoc.CanAssociate(r).Err(); err != nil {
		t.Errorf("allowed decision Err = %v", err)
	}
	r.EIP.Region = "cn-beijing"
	r.ENI.VPC = ""
	err := eipassoc.CanAssociate(r).Err()
	if !errors.Is(err, eipassoc.CodeRegionMismatch) || !errors.Is(err, eipassoc.CodeENINotInVPC) ||
		errors.Is(err, eipassoc.CodeENICapacity) {
		t.Errorf("Err() = %v does not match its codes", err)
	}
	var v *eipassoc.Violation
	if !errors.As(err, &v) || v.Code != eipassoc.CodeENINotInVPC {
		t.Errorf("errors.As gave %+v", v)
	}
}

func TestDecisionString(t *testing.T) {
	t.Parallel()
	r := request(modes.NAT, 2)
	r.Bound = bind(modes.NAT, 2)
	s := eipassoc.CanAssociate(r).String()
	for _, want := range []string{"denied", "eni-capacity", "[2 of 2 used]", "(API: InvalidEip.EipQuotaExceeded)", "! " +
		"nat-no-alg-protocols"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() = %q lacks %q", s, want)
		}
	}
	if s := (eipassoc.Decision{}).String(); s != "not-checked" {
		t.Errorf("zero String() = %q", s)
	}
}

// TestAllowedPathAllocatesNothing guards the allocation target of the benchmark; it
// counts allocations, which are deterministic, and times nothing.
func TestAllowedPathAllocatesNothing(t *testing.T) {
	r := request(modes.NAT, 10)
	r.Bound = bind(modes.NAT, 9)
	r.PrivateIP = addr(9)
	if allocs := testing.AllocsPerRun(100, func() { _ = eipassoc.CanAssociate(r) }); allocs != 0 {
		t.Errorf("CanAssociate allocates %v times on the allowed path", allocs)
	}
}

// TestKindAPICodes: only cut-through has a documented error for the wrong ENI kind
// (API facts §1: Invalid.DirectEip.BindType, "The direct eip can be only associated with
// eni"); no public source gives one for NAT on a trunk ENI or multi-EIP-to-ENI on a
// primary one, so none is predicted.
func TestKindAPICodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode modes.Mode
		kind eni.Kind
		api  string
	}{
		{modes.Binded, eni.Primary, "Invalid.DirectEip.BindType"},
		{modes.NAT, eni.Trunk, ""},
		{modes.MultiBinded, eni.Primary, ""},
		{modes.Binded, eni.Member, ""},
	}
	for _, tc := range tests {
		r := request(tc.mode, 1)
		r.ENI.Kind = tc.kind
		v, ok := eipassoc.CanAssociate(r).Violation(eipassoc.CodeENIKindUnsupported)
		if !ok || v.APICode != tc.api {
			t.Errorf("%v on a %v ENI: %+v, %v; want API code %q", tc.mode, tc.kind, v, ok, tc.api)
		}
	}
}
