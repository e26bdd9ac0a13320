package eipassoc_test

import (
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/gen"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// Counted nouns in a message agree with their count: "1 EIP", "0 EIPs", "2 EIPs".
var (
	singularAfterMany = regexp.MustCompile(`\b([02-9]|[1-9][0-9]+) ((secondary |private )*)(EIP|ENI|IP)\b([^s]|$)`)
	pluralAfterOne    = regexp.MustCompile(`\b1 ((secondary |private )*)(EIPs|ENIs|IPs)\b`)
)

// TestCountedMessages: the messages of the rules that give a count (eni-capacity,
// eni-has-secondary-ips, instance-eni-quota, instance-private-ip-quota) read right at
// counts 0, 1 and 2, and say the count. The counts come from the requests: bound
// EIPs, secondary IPs (private IPs less the primary one), the API facts' limits
// (ecs.n1.medium: 1 ENI; ecs.c6.large: 2 ENIs, 6 private IPs each).
func TestCountedMessages(t *testing.T) {
	t.Parallel()
	noIP := request(modes.NAT, 1)
	noIP.ENI.PrimaryIP = netip.Addr{}
	oneBound, twoBound := request(modes.NAT, 1), request(modes.NAT, 2)
	oneBound.Bound, twoBound.Bound = bind(modes.NAT, 1), bind(modes.NAT, 2)
	oneSecondary, twoSecondary := request(modes.Binded, 2), request(modes.Binded, 3)
	full := attachRequest("ecs.c6.large")
	full.Instance.ENIs = []eni.ID{"eni-primary", "eni-other"}
	manyIPs := attachRequest("ecs.c6.large")
	manyIPs.ENI = secondaryENI(7)
	tests := []struct {
		name string
		d    eipassoc.Decision
		code eipassoc.Code
		says string
	}{
		{"0 EIPs bound", eipassoc.CanAssociate(noIP), eipassoc.CodeENICapacity, "ENI eni-1 carries 0 EIPs and takes at most 0"},
		{"1 EIP bound", eipassoc.CanAssociate(oneBound), eipassoc.CodeENICapacity, "ENI eni-1 carries 1 EIP (eip-0) and takes at most 1"},
		{
			"2 EIPs bound",
			eipassoc.CanAssociate(twoBound),
			eipassoc.CodeENICapacity,
			"ENI eni-1 carries 2 EIPs (eip-0, eip-1) and takes at most 2",
		},
		{
			"1 secondary IP",
			eipassoc.CanAssociate(oneSecondary),
			eipassoc.CodeENIHasSecondaryIPs,
			"has 1 secondary private IP;",
		},
		{
			"2 secondary IPs",
			eipassoc.CanAssociate(twoSecondary),
			eipassoc.CodeENIHasSecondaryIPs,
			"has 2 secondary private IPs;",
		},
		{
			"quota of 1 ENI",
			eipassoc.CanAttach(attachRequest("ecs.n1.medium")),
			eipassoc.CodeInstanceENIQuota,
			"takes at most 1 ENI (primary included) and has 1",
		},
		{
			"quota of 2 ENIs",
			eipassoc.CanAttach(full),
			eipassoc.CodeInstanceENIQuota,
			"takes at most 2 ENIs (primary included) and has 2",
		},
		{
			"7 private IPs",
			eipassoc.CanAttach(manyIPs),
			eipassoc.CodeInstancePrivateIPQuota,
			"ENI eni-1 has 7 private IPs and instance i-1 (ecs.c6.large) takes at most 6 per ENI",
		},
	}
	for _, tc := range tests {
		v, ok := tc.d.Violation(tc.code)
		if !ok {
			t.Errorf("%s: no %s in %v", tc.name, tc.code, tc.d.Codes())
			continue
		}
		if !strings.Contains(v.Message, tc.says) {
			t.Errorf("%s: %q does not say %q", tc.name, v.Message, tc.says)
		}
		for _, v := range tc.d.Violations {
			if m := singularAfterMany.FindString(v.Message); m != "" {
				t.Errorf("%s: %s: %q: a singular after a count other than 1 (%q)", tc.name, v.Code, v.Message, m)
			}
			if m := pluralAfterOne.FindString(v.Message); m != "" {
				t.Errorf("%s: %s: %q: a plural after 1 (%q)", tc.name, v.Code, v.Message, m)
			}
		}
	}
}

// TestCodesUnique: Codes and UndecidedCodes give each code once, sorted, whatever the
// number of subjects a rule is broken or undecided for.
func TestCodesUnique(t *testing.T) {
	t.Parallel()
	d := eipassoc.CanAssociate(eipassoc.Request{})
	for name, codes := range map[string][]eipassoc.Code{"Codes": d.Codes(), "UndecidedCodes": d.UndecidedCodes()} {
		if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
			t.Errorf("%s = %v: not unique and sorted", name, codes)
		}
	}
	r := attachRequest("ecs.g8i.large") // not in the limits table of the API facts
	u := eipassoc.CanAttach(r)
	if diff := cmp.Diff([]eipassoc.Code{
		eipassoc.CodeInstanceENIQuota, eipassoc.CodeInstancePrivateIPQuota,
	}, u.UndecidedCodes()); diff != "" {
		t.Errorf("UndecidedCodes (-want +got):\n%s", diff)
	}
}

// TestPropertyMessagesAgreeWithCounts: over random requests, every message of every
// rule, broken or undecided, gives its counted nouns the number their count asks for.
func TestPropertyMessagesAgreeWithCounts(t *testing.T) {
	t.Parallel()
	check := func(t *rapid.T, d eipassoc.Decision) {
		var msgs []string
		for _, v := range d.Violations {
			msgs = append(msgs, string(v.Code)+": "+v.Message)
		}
		for _, u := range d.Undecided {
			msgs = append(msgs, string(u.Code)+": "+u.Message)
		}
		for _, m := range msgs {
			if bad := singularAfterMany.FindString(m); bad != "" {
				t.Fatalf("%q: a singular after a count other than 1 (%q)", m, bad)
			}
			if bad := pluralAfterOne.FindString(m); bad != "" {
				t.Fatalf("%q: a plural after 1 (%q)", m, bad)
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		check(t, eipassoc.CanAssociate(gen.Request().Draw(t, "request")))
		check(t, eipassoc.CanAttach(gen.AttachRequest().Draw(t, "attach")))
	})
}
