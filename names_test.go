package eipassoc_test

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/gen"
	"github.com/eipassoc/eipassoc/modes"
	"pgregory.net/rapid"
)

// ids are the names a request gives its EIP, ENI and instance: what its messages must
// say when they speak of them.
type ids struct{ eip, eni, instance string }

// internalName matches a fact's internal name ("instance.limits", "eni.private_ips"):
// the machine-readable spelling of Fact.String and Violation.Subject, never a
// person's word.
var internalName = regexp.MustCompile(`\b(eni|eip|instance|account)\.[a-z_]+\b`)

// messageFaults lists what a rule's message, about subject (a Violation's or an
// UndecidedRule's Subject), fails to say in the user's words: an internal name, or the
// ID of the resource its subject is about (the ENI of "eni" and "eni.zone", the EIP of
// "eip.region", the instance of "instance.vpc", the address of "private_ip 10.0.0.3",
// the EIP and the ENI of "mode"). A resource without an ID ("the ENI has no ID") is
// named by its kind alone.
func messageFaults(msg, subject string, n ids) []string {
	var out []string
	if m := internalName.FindString(msg); m != "" {
		out = append(out, "says "+m+", an internal name")
	}
	kind, id, _ := strings.Cut(subject, " ")
	resource, _, _ := strings.Cut(kind, ".")
	var want []string
	switch resource {
	case "eni":
		want = []string{cmp.Or(id, n.eni)}
	case "eip":
		want = []string{cmp.Or(id, n.eip)}
	case "bound":
		want = []string{id}
	case "instance":
		want = []string{cmp.Or(id, n.instance)}
	case "private_ip":
		want = []string{id, n.eni}
	case "mode", "target":
		want = []string{n.eip, n.eni}
	case "account":
		want = []string{"account"}
	default:
		out = append(out, "has a subject of no known kind: "+subject)
	}
	for _, w := range want {
		if w != "" && !strings.Contains(msg, w) {
			out = append(out, "does not name "+w+" (subject "+subject+")")
		}
	}
	return out
}

// decisionFaults applies messageFaults to every violation and undecided rule of d.
func decisionFaults(d eipassoc.Decision, n ids) []string {
	var out []string
	for _, v := range d.Violations {
		for _, f := range messageFaults(v.Message, v.Subject, n) {
			out = append(out, string(v.Code)+": "+v.Message+": "+f)
		}
		if m := internalName.FindString(v.Fix); m != "" {
			out = append(out, string(v.Code)+" fix: "+v.Fix+": says "+m)
		}
	}
	for _, u := range d.Undecided {
		for _, f := range messageFaults(u.Message, u.Subject, n) {
			out = append(out, string(u.Code)+" (undecided): "+u.Message+": "+f)
		}
	}
	return out
}

// TestMessageFaultsCatchesUnnamed: the check fails on a deliberately unnamed subject
// and on an internal name, and passes a message that names its subject.
func TestMessageFaultsCatchesUnnamed(t *testing.T) {
	t.Parallel()
	n := ids{eip: "eip-1", eni: "eni-1", instance: "i-1"}
	for _, tc := range []struct {
		msg, subject string
		faults       int
	}{
		{"the ENI carries 2 EIPs and takes at most 2 in NAT mode", "eni eni-1", 1},
		{"instance-eni-quota not decided: instance.limits is unknown", "instance i-1", 2},
		{"the EIP is in cn-beijing and the ENI in cn-hangzhou", "eip.region", 1},
		{"10.0.0.3 is not a private IP of the ENI", "private_ip 10.0.0.3", 1},
		{"ENI eni-1 carries 2 EIPs (eip-a, eip-b) and takes at most 2 in NAT mode", "eni eni-1", 0},
		{"EIP eip-1 is in cn-beijing and ENI eni-1 in cn-hangzhou", "eip.region", 0},
		{"the ENI has no ID", "eni.id", 1}, // the request names eni-1: say so
	} {
		if got := messageFaults(tc.msg, tc.subject, n); len(got) != tc.faults {
			t.Errorf("%q about %q: faults %q, want %d", tc.msg, tc.subject, got, tc.faults)
		}
	}
	if got := messageFaults("the ENI has no ID", "eni.id", ids{}); len(got) != 0 {
		t.Errorf("an ENI without an ID is named by its kind: %q", got)
	}
}

// walkDecisions draws a request of each kind (an association, an attachment, a
// disassociation and a release) with t, decides each, and hands every decision to
// visit with the names its request gives.
func walkDecisions(t *rapid.T, visit func(fn string, d eipassoc.Decision, n ids)) {
	r := gen.Request().Draw(t, "request")
	visit("CanAssociate", eipassoc.CanAssociate(r), ids{string(r.EIP.ID), string(r.ENI.ID), r.ENI.Instance})
	a := gen.AttachRequest().Draw(t, "attach")
	visit("CanAttach", eipassoc.CanAttach(a), ids{eni: string(a.ENI.ID), instance: a.Instance.ID})
	e := gen.EIP(r.ENI.Region).Draw(t, "eip")
	n := gen.ENI(r.ENI.Region).Draw(t, "eni")
	u := eipassoc.Facts(rapid.Uint32Range(0, 1<<23).Draw(t, "unknown"))
	names := ids{string(e.ID), string(n.ID), n.Instance}
	visit("CanUnassociate", eipassoc.CanUnassociate(eipassoc.UnassociateCheck{EIP: e, ENI: n, Unknown: u}), names)
	visit("CanRelease", eipassoc.CanRelease(eipassoc.ReleaseCheck{EIP: e, ENI: n, Unknown: u}), names)
}

// TestPropertyMessagesNameTheirSubjects: over random requests, every message of every
// rule, broken or undecided, of CanAssociate, CanAttach, CanUnassociate and CanRelease
// names the resource its subject is about by the ID the request gives it, and no
// message or fix says an internal name.
func TestPropertyMessagesNameTheirSubjects(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		walkDecisions(t, func(fn string, d eipassoc.Decision, n ids) {
			if f := decisionFaults(d, n); len(f) > 0 {
				t.Fatalf("%s:\n%s", fn, strings.Join(f, "\n"))
			}
		})
	})
}

// TestEveryRuleMessageWalked: the same over a fixed walk of 3,000 requests of each
// kind (the generators' examples 0 to 2,999, the same on every run), which reaches
// every deny rule of the four functions, broken or undecided: every rule's messages
// are read.
func TestEveryRuleMessageWalked(t *testing.T) {
	t.Parallel()
	seen := map[eipassoc.Code]bool{}
	walk := rapid.Custom(func(t *rapid.T) []string {
		var faults []string
		walkDecisions(t, func(fn string, d eipassoc.Decision, n ids) {
			for _, c := range append(d.Codes(), d.UndecidedCodes()...) {
				seen[c] = true
			}
			for _, f := range decisionFaults(d, n) {
				faults = append(faults, fn+": "+f)
			}
		})
		return faults
	})
	for i := range 3000 {
		if faults := walk.Example(i); len(faults) > 0 {
			t.Fatalf("example %d:\n%s", i, strings.Join(faults, "\n"))
		}
	}
	var missing []eipassoc.Code
	for _, r := range eipassoc.Rules() {
		if r.Severity == eipassoc.Deny && !seen[r.Code] {
			missing = append(missing, r.Code)
		}
	}
	if len(missing) > 0 {
		t.Errorf("rules whose messages the walk never reached: %v", missing)
	}
}

// TestTableMessagesNameTheirSubjects: the messages of the requests the documentation
// scenarios are built from (each of them breaking one rule or more) name their
// subjects, with an ENI attached to an instance and an EIP bound in each mode.
func TestTableMessagesNameTheirSubjects(t *testing.T) {
	t.Parallel()
	for _, m := range modes.All() {
		r := request(m, 2)
		r.Bound = bind(m, 10)
		r.ENI.Status, r.ENI.Instance = eni.InUse, "i-web"
		r.EIP.Status, r.EIP.LockReasons = eip.InUse, []eip.LockReason{eip.Security, eip.Financial}
		r.EIP.Region = "cn-beijing"
		r.PrivateIP = addr(7)
		d := eipassoc.CanAssociate(r)
		if len(d.Violations) < 5 {
			t.Errorf("%v: only %v broken; the request breaks more", m, d.Codes())
		}
		if f := decisionFaults(d, ids{string(r.EIP.ID), string(r.ENI.ID), r.ENI.Instance}); len(f) > 0 {
			t.Errorf("%v:\n%s", m, strings.Join(f, "\n"))
		}
		if v, ok := d.Violation(eipassoc.CodeENIAttached); ok &&
			!slices.ContainsFunc([]string{v.Message, v.Fix}, func(s string) bool { return strings.Contains(s, "i-web") }) {
			t.Errorf("%v: eni-attached names no instance: %+v", m, v)
		}
	}
}
