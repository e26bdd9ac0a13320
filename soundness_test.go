package eipassoc_test

import (
	"net/netip"
	"regexp"
	"slices"
	"strconv"

	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/gen"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// The soundness properties. A request with unknowns is drawn as a complete request (its
// completion) whose unknown fields are then overwritten with arbitrary values, which the
// rules must not read. For every such pair:
//   - a denial of the partial request is a denial of its completion, with the same
//     violations (code and subject) and perhaps more;
//   - an allow of the partial request is an allow of its completion;
//   - every violation of the completion is a violation of the partial request or a rule
//     the partial request left undecided;
//   - an undecided rule misses only facts that are unknown and that the rule reads.
//
// A completion fills unknown facts with values the API can report: bound EIPs have
// valid modes (DescribeEipAddresses reports no other), and an unknown list of bound EIPs
// completes the listed ones with more.

// facts draws a set of unknown facts, often empty or small.
func facts(t *rapid.T, from []eipassoc.Fact) eipassoc.Facts {
	var s eipassoc.Facts
	switch rapid.IntRange(0, 3).Draw(t, "unknown kind") {
	case 0:
		return 0
	case 1:
		return eipassoc.FactsOf(rapid.SampledFrom(from).Draw(t, "one unknown"))
	}
	for _, f := range from {
		if rapid.IntRange(0, 3).Draw(t, "unknown "+f.String()) == 0 {
			s = s.With(f)
		}
	}
	return s
}

var (
	associateFacts = []eipassoc.Fact{
		eipassoc.FactMode,
		eipassoc.FactTarget,
		eipassoc.FactPrivateIP,
		eipassoc.FactEIPStatus,
		eipassoc.FactEIPRegion,
		eipassoc.FactEIPChargeType,
		eipassoc.FactENIStatus,
		eipassoc.FactENIRegion,
		eipassoc.FactENIPlacement,
		eipassoc.FactENIAddresses,
		eipassoc.FactENIAddressCount,
		eipassoc.FactENIAttachment,
		eipassoc.FactBound,
		eipassoc.FactAccountEIPs,
		eipassoc.FactAllowlist,
	}
	attachFacts = []eipassoc.Fact{eipassoc.FactENIStatus, eipassoc.FactENIRegion, eipassoc.FactENIPlacement,
		eipassoc.FactENIAddresses, eipassoc.FactENIAddressCount, eipassoc.FactENIAttachment, eipassoc.FactBound,
		eipassoc.FactInstanceType, eipassoc.FactInstanceLimits, eipassoc.FactInstanceRegion, eipassoc.FactInstancePlacement,
		eipassoc.FactInstanceENIs, eipassoc.FactDHCP}
	releaseFacts = []eipassoc.Fact{
		eipassoc.FactEIPStatus,
		eipassoc.FactEIPChargeType,
		eipassoc.FactENIStatus,
		eipassoc.FactENIAttachment,
	}
)

// scrambleENI overwrites the ENI facts in u with arbitrary values. When the addresses
// are unknown but their number is not, it keeps the number in *count.
func scrambleENI(t *rapid.T, n *eni.Interface, count *int, u eipassoc.Facts) {
	if u.Has(eipassoc.FactENIStatus) {
		n.Status = rapid.SampledFrom([]eni.Status{0, eni.Available, eni.InUse, eni.Attaching, eni.Deleting}).
			Draw(t, "scrambled eni status")
	}
	if u.Has(eipassoc.FactENIRegion) {
		n.Region = gen.Region().Draw(t, "scrambled eni region")
	}
	if u.Has(eipassoc.FactENIPlacement) {
		n.VPC = rapid.SampledFrom([]string{"", "vpc-1", "vpc-9"}).Draw(t, "scrambled vpc")
		n.Zone = rapid.SampledFrom([]string{"", "z", "y"}).Draw(t, "scrambled zone")
	}
	if u.Has(eipassoc.FactENIAttachment) {
		n.Instance = rapid.SampledFrom([]string{"", "i-1", "i-9"}).Draw(t, "scrambled instance")
	}
	if u.Has(eipassoc.FactENIAddresses) || u.Has(eipassoc.FactENIAddressCount) {
		k := n.PrivateIPCount()
		if u.Has(eipassoc.FactENIAddressCount) || rapid.Bool().Draw(t, "count unknown too") {
			*count = 0
			k = rapid.IntRange(0, 12).Draw(t, "scrambled count")
		} else {
			*count = max(k, 1)
		}
		// The addresses the request gives are known to be the ENI's (FactENIAddresses):
		// the completion keeps them all, in any role, and may add others.
		all := n.PrivateIPs()
		if *count > 0 {
			*count = max(*count, len(all))
			k = *count
		}
		for i := len(all); i < k; i++ {
			all = append(all, netip.AddrFrom4(
				[4]byte{10, 9, 0, byte(rapid.IntRange(0, 40).Draw(t, "scrambled ip "+strconv.Itoa(i)))},
			))
		}
		all = rapid.Permutation(all).Draw(t, "roles")
		n.PrimaryIP, n.SecondaryIPs = netip.Addr{}, nil
		if len(all) > 0 {
			n.PrimaryIP, n.SecondaryIPs = all[0], all[1:]
		}
	}
}

// scrambleBound keeps a part of the bound EIPs when they are unknown: the listed ones
// are known to be bound, and the completion may have more.
func scrambleBound(t *rapid.T, bound *[]eipassoc.Binding, u eipassoc.Facts) {
	if u.Has(eipassoc.FactBound) {
		*bound = (*bound)[:rapid.IntRange(0, len(*bound)).Draw(t, "listed bound")]
	}
}

func scrambleEIP(t *rapid.T, a *eip.Address, u eipassoc.Facts) {
	if u.Has(eipassoc.FactEIPStatus) {
		s := gen.EIP(a.Region).Draw(t, "scrambled eip")
		a.Status, a.LockReasons, a.BusinessStatus = s.Status, s.LockReasons, s.BusinessStatus
		a.Association = eip.Association{InstanceType: eip.NetworkInterface, InstanceID: "eni-1",
			Mode: rapid.SampledFrom([]modes.Mode{0, modes.NAT, modes.Binded, modes.MultiBinded}).
				Draw(t, "scrambled assoc mode"),
		}
	}
	if u.Has(eipassoc.FactEIPRegion) {
		a.Region = gen.Region().Draw(t, "scrambled eip region")
	}
	if u.Has(eipassoc.FactEIPChargeType) {
		a.ChargeType = rapid.SampledFrom([]eip.ChargeType{0, eip.PrePaid, eip.PostPaid}).Draw(t, "scrambled charge")
	}
}

// validBound gives the completion's bound EIPs valid modes, as the API reports them.
func validBound(bound []eipassoc.Binding) []eipassoc.Binding {
	out := slices.Clone(bound)
	for i := range out {
		if !out[i].Mode.IsValid() {
			out[i].Mode = modes.NAT
		}
	}
	return out
}

// checkSound asserts the soundness properties of a partial decision against its
// completion's.
func checkSound(t *rapid.T, unknown eipassoc.Facts, partial, full eipassoc.Decision) {
	checkShape(t, partial)
	type key struct {
		c eipassoc.Code
		s string
	}
	fullViolations := map[key]bool{}
	for _, v := range full.Violations {
		fullViolations[key{v.Code, v.Subject}] = true
	}
	for _, v := range partial.Violations {
		if !fullViolations[key{v.Code, v.Subject}] {
			t.Fatalf(
				"partial violation %s (%s) is not a violation of the completion:\npartial %v\nfull %v",
				v.Code,
				v.Subject,
				partial,
				full,
			)
		}
	}
	if partial.Verdict == eipassoc.Allowed && full.Verdict != eipassoc.Allowed {
		t.Fatalf("partial allowed, completion %v:\n%v", full.Verdict, full)
	}
	undecided := map[eipassoc.Code]bool{}
	for _, u := range partial.Undecided {
		undecided[u.Code] = true
		rule, _ := u.Code.Rule()
		if u.Missing.IsEmpty() || u.Missing.Intersect(rule.Reads) != u.Missing {
			t.Fatalf("%s undecided for %v, but the rule reads %v", u.Code, u.Missing, rule.Reads)
		}
		norm := unknown
		if norm.Has(eipassoc.FactENIAddresses) {
			norm = norm.With(eipassoc.FactENIAddressCount)
		}
		if norm.Has(eipassoc.FactENIAddressCount) {
			norm = norm.With(eipassoc.FactENIAddresses)
		}
		// A type missing from the limits table, or DHCP reported unknown, are unknown
		// whatever the request marks.
		norm = norm.With(eipassoc.FactInstanceLimits).With(eipassoc.FactDHCP)
		if u.Missing.Intersect(norm) != u.Missing {
			t.Fatalf("%s undecided for %v, which is not unknown (%v)", u.Code, u.Missing, unknown)
		}
	}
	for _, v := range full.Violations {
		if !undecided[v.Code] &&
			!slices.ContainsFunc(partial.Violations, func(p eipassoc.Violation) bool { return p.Code == v.Code }) {
			t.Fatalf(
				"completion violates %s (%s), which the partial request neither violates nor leaves "+
					"undecided:\npartial %v\nfull %v",
				v.Code,
				v.Subject,
				partial,
				full,
			)
		}
	}
}

func TestPropertySoundCanAssociate(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		full := gen.Request().Draw(t, "completion")
		full.Bound = validBound(full.Bound)
		full.Target = rapid.SampledFrom([]eip.InstanceType{0, 0, eip.NetworkInterface, eip.EcsInstance}).
			Draw(t, "target")
		full.Account.EIPs = rapid.IntRange(1, 3000).Draw(t, "account eips")
		unknown := facts(t, associateFacts)
		partial := clone(full)
		partial.Unknown = unknown
		scrambleENI(t, &partial.ENI, &partial.PrivateIPCount, unknown)
		scrambleEIP(t, &partial.EIP, unknown)
		scrambleBound(t, &partial.Bound, unknown)
		if unknown.Has(eipassoc.FactMode) {
			partial.Mode = gen.Mode().Draw(t, "scrambled mode")
		}
		if unknown.Has(eipassoc.FactTarget) {
			partial.Target = rapid.SampledFrom([]eip.InstanceType{0, eip.EcsInstance, eip.HaVip}).
				Draw(t, "scrambled target")
		}
		if unknown.Has(eipassoc.FactPrivateIP) {
			partial.PrivateIP = rapid.SampledFrom([]netip.Addr{
				{}, gen.Addr(0), gen.Addr(3), netip.MustParseAddr("192.168.1.1"),
			}).
				Draw(t, "scrambled ip")
		}
		if unknown.Has(eipassoc.FactAllowlist) {
			partial.Account.MultiBindedAllowed = rapid.Bool().Draw(t, "scrambled allowlist")
		}
		if unknown.Has(eipassoc.FactAccountEIPs) {
			partial.Account.EIPs = rapid.IntRange(0, 3000).Draw(t, "scrambled eips")
		}
		p, f := eipassoc.CanAssociate(partial), eipassoc.CanAssociate(full)
		if unknown.IsEmpty() {
			if diff := cmp.Diff(f, p); diff != "" {
				t.Fatalf("with nothing unknown the decisions differ:\n%s", diff)
			}
		}
		checkSound(t, unknown, p, f)
	})
}

func TestPropertySoundCanAttach(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		full := gen.AttachRequest().Draw(t, "completion")
		full.Bound = validBound(full.Bound)
		unknown := facts(t, attachFacts)
		partial := full
		partial.ENI.SecondaryIPs = slices.Clone(full.ENI.SecondaryIPs)
		partial.Bound = slices.Clone(full.Bound)
		partial.Unknown = unknown
		scrambleENI(t, &partial.ENI, &partial.PrivateIPCount, unknown)
		scrambleBound(t, &partial.Bound, unknown)
		scrambled := gen.Instance(full.ENI.Region).Draw(t, "scrambled instance")
		in := &partial.Instance
		if unknown.Has(eipassoc.FactInstanceType) {
			in.Type = scrambled.Type
		}
		if unknown.Has(eipassoc.FactInstanceLimits) {
			in.Limits = scrambled.Limits
		}
		if unknown.Has(eipassoc.FactInstanceRegion) {
			in.Region = scrambled.Region
		}
		if unknown.Has(eipassoc.FactInstancePlacement) {
			in.Zone, in.VPC = rapid.SampledFrom([]string{"", "z", "y"}).
				Draw(t, "scrambled instance zone"),
				scrambled.VPC
		}
		if unknown.Has(eipassoc.FactInstanceENIs) {
			in.ENIs = scrambled.ENIs
		}
		if unknown.Has(eipassoc.FactDHCP) {
			in.DHCP = scrambled.DHCP
		}
		checkSound(t, unknown, eipassoc.CanAttach(partial), eipassoc.CanAttach(full))
	})
}

// TestPropertySoundUnassociateAndRelease runs the properties on the disassociation and
// release checks, which read the EIP's status and charge type and the ENI's attachment.
func TestPropertySoundUnassociateAndRelease(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		a := gen.EIP("cn-shanghai").Draw(t, "eip")
		a.Association = eip.Association{InstanceType: eip.NetworkInterface, InstanceID: "eni-1",
			Mode: rapid.SampledFrom([]modes.Mode{0, modes.NAT, modes.Binded}).Draw(t, "assoc mode")}
		n := gen.ENI("cn-shanghai").Draw(t, "eni")
		unknown := facts(t, releaseFacts)
		pa, pn := a, n
		pa.LockReasons = slices.Clone(a.LockReasons)
		var count int
		scrambleEIP(t, &pa, unknown)
		scrambleENI(t, &pn, &count, unknown)
		checkSound(t, unknown,
			eipassoc.CanUnassociate(eipassoc.UnassociateCheck{EIP: pa, ENI: pn, Unknown: unknown}),
			eipassoc.CanUnassociate(eipassoc.UnassociateCheck{EIP: a, ENI: n}))
		checkSound(t, unknown,
			eipassoc.CanRelease(eipassoc.ReleaseCheck{EIP: pa, ENI: pn, Unknown: unknown}),
			eipassoc.CanRelease(eipassoc.ReleaseCheck{EIP: a, ENI: n}))
	})
}

// TestPropertySoundFee: an undecided fee is charged (fail safe), and a decided one is the
// completion's answer.
func TestPropertySoundFee(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		full := eipassoc.FeeRequest{
			ChargeType: rapid.SampledFrom([]eip.ChargeType{eip.PrePaid, eip.PostPaid}).Draw(t, "charge"),
			Target: rapid.SampledFrom([]eipassoc.FeeTarget{
				eipassoc.FeeTargetECS, eipassoc.FeeTargetECI, eipassoc.FeeTargetENI, eipassoc.FeeTargetOther,
			}).
				Draw(t, "target"),
			InVPC:       rapid.Bool().Draw(t, "vpc"),
			AccountEIPs: rapid.IntRange(1, 4000).Draw(t, "eips"),
		}
		partial := full
		partial.Unknown = facts(
			t,
			[]eipassoc.Fact{eipassoc.FactEIPChargeType, eipassoc.FactAccountEIPs, eipassoc.FactENIPlacement},
		)
		if partial.Unknown.Has(eipassoc.FactAccountEIPs) {
			partial.AccountEIPs = rapid.IntRange(0, 4000).Draw(t, "scrambled eips")
		}
		p, f := eipassoc.ConfigurationFee(partial), eipassoc.ConfigurationFee(full)
		if !f.Decided {
			t.Fatalf("complete fee request undecided: %+v", f)
		}
		if !p.Decided && (!p.Charged || p.Missing.IsEmpty() || p.Missing.Intersect(partial.Unknown) != p.Missing) {
			t.Fatalf("undecided fee %+v", p)
		}
		if p.Decided && p.Charged != f.Charged {
			t.Fatalf("decided fee %v, completion %v", p, f)
		}
	})
}

// checkShape asserts the invariants every decision has: the verdict matches the
// violations and undecided rules, Err agrees, codes are documented, lists are sorted.
func checkShape(t *rapid.T, d eipassoc.Decision) {
	want := eipassoc.Allowed
	switch {
	case len(d.Violations) > 0:
		want = eipassoc.Denied
	case len(d.Undecided) > 0:
		want = eipassoc.Undecided
	}
	if d.Verdict != want {
		t.Fatalf("Verdict = %v with %d violations and %d undecided", d.Verdict, len(d.Violations), len(d.Undecided))
	}
	if (d.Err() == nil) != d.Allowed() {
		t.Fatalf("Err() = %v, Allowed() = %v", d.Err(), d.Allowed())
	}
	for _, v := range d.Violations {
		if rule, ok := v.Code.Rule(); !ok || rule.Severity != eipassoc.Deny || v.Message == "" {
			t.Fatalf("violation %+v is not a documented deny rule", v)
		}
		if goName.MatchString(v.Message) {
			t.Fatalf("a Go type name reaches people: %q", v.Message)
		}
	}
	for _, u := range d.Undecided {
		if rule, ok := u.Code.Rule(); !ok || rule.Severity != eipassoc.Deny || u.Message == "" {
			t.Fatalf("undecided %+v is not a documented deny rule", u)
		}
	}
	for c := range d.Advisories.All() {
		if rule, ok := c.Rule(); !ok || rule.Severity != eipassoc.Advise {
			t.Fatalf("advisory %s is not a documented advisory", c)
		}
	}
	bySubject := func(c1, c2 eipassoc.Code, s1, s2 string) int {
		if c1 != c2 {
			return compare(c1, c2)
		}
		return compare(s1, s2)
	}
	if !slices.IsSortedFunc(
		d.Violations,
		func(a, b eipassoc.Violation) int { return bySubject(a.Code, b.Code, a.Subject, b.Subject) },
	) ||
		!slices.IsSortedFunc(
			d.Undecided,
			func(a, b eipassoc.UndecidedRule) int { return bySubject(a.Code, b.Code, a.Subject, b.Subject) },
		) {
		t.Fatalf("not sorted: %v", d)
	}
}

// goName matches a Go type name with a number, such as modes.Mode(9).
var goName = regexp.MustCompile(`\b[a-z]+\.[A-Z]\w*\(\d+\)`)
