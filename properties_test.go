package eipassoc_test

import (
	"net/netip"
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/gen"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// clone deep-copies the slices of a request, so a property can change one copy.
func clone(r eipassoc.Request) eipassoc.Request {
	r.ENI.SecondaryIPs = slices.Clone(r.ENI.SecondaryIPs)
	r.EIP.LockReasons = slices.Clone(r.EIP.LockReasons)
	r.Bound = slices.Clone(r.Bound)
	return r
}

var addrComparer = cmp.Comparer(func(a, b netip.Addr) bool { return a == b })

func TestPropertyDeterministic(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.Request().Draw(t, "req")
		a, b := eipassoc.CanAssociate(r), eipassoc.CanAssociate(clone(r))
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two runs differ (-first +second):\n%s", diff)
		}
	})
}

// TestPropertyDecisionShape: Allowed iff no violations; violations sorted and of
// documented deny codes; advisories of advisory codes; the input is not modified.
func TestPropertyDecisionShape(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.Request().Draw(t, "req")
		before := clone(r)
		d := eipassoc.CanAssociate(r)
		checkShape(t, d)
		if diff := cmp.Diff(before, r, addrComparer); diff != "" {
			t.Fatalf("CanAssociate modified its input:\n%s", diff)
		}
	})
}

func compare[T ~string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestPropertyMoreEIPsNeverAllow: one more EIP already on the ENI never turns a deny
// into an allow.
func TestPropertyMoreEIPsNeverAllow(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.Request().Draw(t, "req")
		before := eipassoc.CanAssociate(r)
		more := clone(r)
		more.Bound = append(more.Bound, gen.Bindings(t, r.Mode, r.ENI.PrivateIPCount(), 1, true)...)
		if len(more.Bound) == len(r.Bound) {
			more.Bound = append(
				more.Bound,
				eipassoc.Binding{
					EIP:       "eip-extra",
					Mode:      rapid.SampledFrom(modes.All()).Draw(t, "extra mode"),
					PrivateIP: gen.Addr(rapid.IntRange(0, 12).Draw(t, "extra ip")),
				},
			)
		}
		after := eipassoc.CanAssociate(more)
		if !before.Allowed() && after.Allowed() {
			t.Fatalf("adding %+v turned a deny %v into an allow", more.Bound[len(more.Bound)-1], before.Codes())
		}
	})
}

// TestPropertyFewerIPsNeverAllow: one private IP fewer never turns a deny into an allow
// in NAT and multi-EIP-to-ENI mode. Cut-through is the documented exception: it needs
// an ENI without secondary IPs, so there removing one can only help (the second half).
func TestPropertyFewerIPsNeverAllow(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.Request().Draw(t, "req")
		if len(r.ENI.SecondaryIPs) == 0 {
			t.Skip("no secondary IP to remove")
		}
		fewer := clone(r)
		i := rapid.IntRange(0, len(fewer.ENI.SecondaryIPs)-1).Draw(t, "removed")
		fewer.ENI.SecondaryIPs = slices.Delete(fewer.ENI.SecondaryIPs, i, i+1)
		before, after := eipassoc.CanAssociate(r), eipassoc.CanAssociate(fewer)
		if r.Mode == modes.Binded {
			if before.Allowed() && !after.Allowed() {
				t.Fatalf("cut-through: removing a secondary IP turned an allow into %v", after.Codes())
			}
			return
		}
		if !before.Allowed() && after.Allowed() {
			t.Fatalf("removing %v turned a deny %v into an allow", r.ENI.SecondaryIPs[i], before.Codes())
		}
	})
}

// TestPropertyAllowedSequencesStayWithinCapacity applies allowed associations one by one
// and checks that no capacity is ever exceeded, no private IP carries two NAT EIPs and no
// ENI mixes modes.
func TestPropertyAllowedSequencesStayWithinCapacity(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := gen.ENI("cn-shanghai").Draw(t, "eni")
		n.Status, n.Instance = eni.Available, ""
		var bound []eipassoc.Binding
		steps := rapid.IntRange(1, 40).Draw(t, "steps")
		for step := range steps {
			r := eipassoc.Request{
				EIP:     gen.EIP("cn-shanghai").Draw(t, "eip"),
				ENI:     n,
				Mode:    gen.Mode().Draw(t, "mode"),
				Bound:   bound,
				Account: eipassoc.Account{MultiBindedAllowed: true},
			}
			r.EIP.ID = "eip-step"
			if rapid.Bool().Draw(t, "pick ip") {
				r.PrivateIP = gen.Addr(rapid.IntRange(0, n.PrivateIPCount()).Draw(t, "ip"))
			}
			if !eipassoc.CanAssociate(r).Allowed() {
				continue
			}
			bound = append(bound, eipassoc.Binding{EIP: "eip-step", Mode: r.Mode, PrivateIP: r.PrivateIP})
			checkBound(t, step, &n, bound)
		}
	})
}

func checkBound(t *rapid.T, step int, n *eni.Interface, bound []eipassoc.Binding) {
	mode := bound[0].Mode
	p := mode.Properties()
	limit := p.SecondaryENI.Limit(n.PrivateIPCount())
	if n.Kind == eni.Primary {
		limit = p.PrimaryENI.Limit(n.PrivateIPCount())
	}
	if len(bound) > limit {
		t.Fatalf(
			"step %d: %d EIPs in %v on a %v ENI with %d IPs; limit %d",
			step,
			len(bound),
			mode,
			n.Kind,
			n.PrivateIPCount(),
			limit,
		)
	}
	perIP := map[netip.Addr]int{}
	for _, b := range bound {
		if b.Mode != mode {
			t.Fatalf("step %d: ENI mixes %v and %v", step, mode, b.Mode)
		}
		ip := b.PrivateIP
		if !ip.IsValid() {
			ip = n.PrimaryIP
		}
		if perIP[ip]++; mode == modes.NAT && perIP[ip] > 1 {
			t.Fatalf("step %d: %v carries %d NAT EIPs", step, ip, perIP[ip])
		}
	}
}

// TestPropertyCanAttachShape: CanAttach is deterministic, its verdict matches its
// violations and undecided rules, and only documented codes come out.
func TestPropertyCanAttachShape(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.AttachRequest().Draw(t, "req")
		d := eipassoc.CanAttach(r)
		if diff := cmp.Diff(d, eipassoc.CanAttach(r)); diff != "" {
			t.Fatalf("two runs differ:\n%s", diff)
		}
		checkShape(t, d)
	})
}
