package fake_test

import (
	"context"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"pgregory.net/rapid"
)

// machine drives a fake account with random operations and checks, after every step,
// the invariants of the cloud and that the rules (CanAssociate, CanUnassociate,
// CanAttach) predict the fake's answers: allowed iff the call succeeds, and a failed
// call's code is one the decision's violations predict.
type machine struct {
	f      *fake.Backend
	client *client.Client
	ctx    context.Context
	opts   fake.Options
	// model: what the machine created and has not seen disappear.
	eips []eip.ID
	enis []eni.ID
}

var instances = []string{"i-g5", "i-g7"}

func newMachine(t *rapid.T) *machine {
	opts := fake.Options{
		Seed:      rapid.Uint64().Draw(t, "seed"),
		Account:   eipassoc.Account{MultiBindedAllowed: rapid.Bool().Draw(t, "allowlisted")},
		Behaviour: rapid.SampledFrom([]eipassoc.Behaviour{eipassoc.Documented, eipassoc.Observed}).Draw(t, "behaviour"),
		EIPQuota:  rapid.IntRange(1, 12).Draw(t, "quota"),
	}
	f := fake.NewBuilder(opts).
		VSwitch("vsw-1", region, "cn-shanghai-b", "vpc-1", "192.168.0.0/26").
		Instance("i-g5", "ecs.g5.large", "vsw-1").
		Instance("i-g7", "ecs.g7.large", "vsw-1").
		MustBuild()
	client := client.New(f, client.Options{
		Account: f.Account(), Behaviour: f.Behaviour(),
		Retry: client.RetryPolicy{MaxAttempts: 1}, PollInterval: time.Millisecond,
	})
	return &machine{f: f, client: client, ctx: context.Background(), opts: opts}
}

func (m *machine) pickEIP(t *rapid.T) eip.ID {
	if len(m.eips) == 0 {
		t.Skip("no EIP")
	}
	return rapid.SampledFrom(m.eips).Draw(t, "eip")
}

// pickENI picks a created ENI or an instance's primary ENI.
func (m *machine) pickENI(t *rapid.T) eni.ID {
	return rapid.SampledFrom(append(slices.Clone(m.enis), "eni-i-g5", "eni-i-g7")).Draw(t, "eni")
}

func (m *machine) describeENI(t *rapid.T, id eni.ID) (eni.Interface, bool) {
	page, err := m.f.DescribeENIs(m.ctx, backend.DescribeENIsInput{Region: region, IDs: []eni.ID{id}})
	if err != nil {
		t.Fatalf("DescribeENIs: %v", err)
	}
	if len(page.ENIs) == 0 {
		return eni.Interface{}, false
	}
	return page.ENIs[0], true
}

func (m *machine) allEIPs(t *rapid.T) []eip.Address {
	page, err := m.f.DescribeEIPs(m.ctx, backend.DescribeEIPsInput{Region: region, PageSize: 100})
	if err != nil {
		t.Fatalf("DescribeEIPs: %v", err)
	}
	return page.EIPs
}

// agree checks that a decision predicts the outcome of the call it was made for.
func agree(t *rapid.T, what string, d eipassoc.Decision, err error) {
	if d.Allowed() != (err == nil) {
		t.Fatalf("%s: rules say allowed=%v (%v), fake says %v", what, d.Allowed(), d.Codes(), err)
	}
	if err == nil {
		return
	}
	code := backend.Code(err)
	for _, v := range d.Violations {
		rule, _ := v.Code.Rule()
		if v.APICode == code || slices.Contains(rule.APICodes, code) {
			return
		}
	}
	t.Fatalf("%s: fake failed with %s, which none of %v predicts", what, code, d.Codes())
}

func (m *machine) actions() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"allocate": func(t *rapid.T) {
			a, err := m.f.AllocateEIP(
				m.ctx,
				backend.AllocateEIPInput{
					Region:     region,
					ChargeType: rapid.SampledFrom(eip.ChargeTypes()).Draw(t, "charge"),
				},
			)
			if full := len(m.eips) >= m.opts.EIPQuota; full != (backend.Code(err) == "QuotaExceeded.Eip") ||
				(!full && err != nil) {
				t.Fatalf("AllocateEIP with %d of %d EIPs: %v", len(m.eips), m.opts.EIPQuota, err)
			}
			if err == nil {
				m.eips = append(m.eips, a.ID)
			}
		},
		"release": func(t *rapid.T) {
			id := m.pickEIP(t)
			err := m.f.ReleaseEIP(m.ctx, backend.ReleaseEIPInput{Region: region, EIP: id})
			if err == nil {
				m.eips = slices.DeleteFunc(m.eips, func(x eip.ID) bool { return x == id })
			}
		},
		"createENI": func(t *rapid.T) {
			n, err := m.f.CreateENI(
				m.ctx,
				backend.CreateENIInput{
					Region:           region,
					VSwitch:          "vsw-1",
					SecondaryIPCount: rapid.IntRange(0, 3).Draw(t, "secondary"),
				},
			)
			if err == nil {
				m.enis = append(m.enis, n.ID)
			} else if backend.Code(err) != "InvalidVSwitchId.IpNotEnough" {
				t.Fatalf("CreateENI: %v", err)
			}
		},
		"deleteENI": func(t *rapid.T) {
			if len(m.enis) == 0 {
				t.Skip("no ENI")
			}
			id := rapid.SampledFrom(m.enis).Draw(t, "eni")
			if m.f.DeleteENI(m.ctx, backend.DeleteENIInput{Region: region, ENI: id}) == nil {
				m.enis = slices.DeleteFunc(m.enis, func(x eni.ID) bool { return x == id })
			}
		},
		"attach": func(t *rapid.T) {
			if len(m.enis) == 0 {
				t.Skip("no ENI")
			}
			id := rapid.SampledFrom(m.enis).Draw(t, "eni")
			inst := rapid.SampledFrom(instances).Draw(t, "instance")
			d := m.canAttach(t, id, inst)
			err := m.f.AttachENI(m.ctx, backend.AttachENIInput{Region: region, ENI: id, Instance: inst})
			agree(t, "AttachENI", d, err)
		},
		"detach": func(t *rapid.T) {
			id := m.pickENI(t)
			n, _ := m.describeENI(t, id)
			_ = m.f.DetachENI(m.ctx, backend.DetachENIInput{Region: region, ENI: id, Instance: n.Instance})
		},
		"assign": func(t *rapid.T) {
			_, _ = m.f.AssignPrivateIPs(
				m.ctx,
				backend.AssignPrivateIPsInput{
					Region: region,
					ENI:    m.pickENI(t),
					Count:  rapid.IntRange(1, 2).Draw(t, "count"),
				},
			)
		},
		"unassign": func(t *rapid.T) {
			n, ok := m.describeENI(t, m.pickENI(t))
			if !ok || len(n.SecondaryIPs) == 0 {
				t.Skip("no secondary IP")
			}
			_ = m.f.UnassignPrivateIPs(
				m.ctx,
				backend.UnassignPrivateIPsInput{
					Region: region,
					ENI:    n.ID,
					IPs:    []netip.Addr{rapid.SampledFrom(n.SecondaryIPs).Draw(t, "ip")},
				},
			)
		},
		"associate": func(t *rapid.T) {
			a, id := m.pickEIP(t), m.pickENI(t)
			n, _ := m.describeENI(t, id)
			mode := rapid.SampledFrom(modes.All()).Draw(t, "mode")
			var private netip.Addr
			if rapid.Bool().Draw(t, "pick ip") {
				private = rapid.SampledFrom(append(n.PrivateIPs(), netip.MustParseAddr("192.168.0.62"))).
					Draw(t, "private ip")
			}
			d, _, err := m.client.Preflight(
				m.ctx,
				client.AssociateRequest{Region: region, EIP: a, ENI: id, Mode: mode, PrivateIP: private},
			)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			in := backend.AssociateEIPInput{
				Region:       region,
				EIP:          a,
				InstanceID:   string(id),
				InstanceType: eip.NetworkInterface,
				Mode:         mode,
				PrivateIP:    private,
			}
			if n.Kind == eni.Primary {
				in.InstanceID, in.InstanceType, in.Mode = n.Instance, eip.EcsInstance, 0
				if mode != modes.NAT || private.IsValid() {
					t.Skip("the API addresses a primary ENI as its instance, in NAT mode, on its primary IP")
				}
			}
			agree(t, "AssociateEIP", d, m.f.AssociateEIP(m.ctx, in))
		},
		"unassociate": func(t *rapid.T) {
			id := m.pickEIP(t)
			page, _ := m.f.DescribeEIPs(m.ctx, backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{id}})
			check := eipassoc.UnassociateCheck{EIP: page.EIPs[0]}
			if as := check.EIP.Association; as.InstanceType == eip.NetworkInterface {
				check.ENI, _ = m.describeENI(t, eni.ID(as.InstanceID))
			}
			err := m.f.UnassociateEIP(m.ctx, backend.UnassociateEIPInput{Region: region, EIP: id})
			agree(t, "UnassociateEIP", eipassoc.CanUnassociate(check), err)
		},
		"": m.checkInvariants,
	}
}

// canAttach decides an attachment from the fake's current state.
func (m *machine) canAttach(t *rapid.T, id eni.ID, instance string) eipassoc.Decision {
	n, _ := m.describeENI(t, id)
	inst, err := m.f.DescribeInstance(m.ctx, backend.DescribeInstanceInput{Region: region, Instance: instance})
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	limits, _ := eni.LimitsFor(inst.Type)
	var bound []eipassoc.Binding
	for _, a := range m.allEIPs(t) {
		if a.Association.InstanceID == string(id) {
			bound = append(bound, eipassoc.BindingOf(a))
		}
	}
	inst.DHCP, inst.Limits = ecs.DHCPEnabled, limits
	return eipassoc.CanAttach(eipassoc.AttachRequest{ENI: n, Bound: bound, Instance: inst})
}

// checkInvariants: every EIP has at most one association and only when InUse; no ENI
// exceeds its mode's capacity or mixes modes; a private IP carries at most one NAT EIP;
// the model's resources exist.
func (m *machine) checkInvariants(t *rapid.T) {
	perENI := map[string][]eip.Address{}
	for _, a := range m.allEIPs(t) {
		if (a.Status == eip.InUse) == a.Association.IsZero() {
			t.Fatalf("EIP %s is %v with association %+v", a.ID, a.Status, a.Association)
		}
		if !a.Association.IsZero() {
			perENI[a.Association.InstanceID] = append(perENI[a.Association.InstanceID], a)
		}
		if !slices.Contains(m.eips, a.ID) {
			t.Fatalf("EIP %s exists outside the model", a.ID)
		}
	}
	if len(m.allEIPs(t)) != len(m.eips) {
		t.Fatalf("model has %d EIPs, fake %d", len(m.eips), len(m.allEIPs(t)))
	}
	for target, bound := range perENI {
		id := eni.ID(target)
		if bound[0].Association.InstanceType == eip.EcsInstance {
			id = eni.ID("eni-" + target)
		}
		n, ok := m.describeENI(t, id)
		if !ok {
			t.Fatalf("EIPs %v are associated with missing %s", bound, target)
		}
		mode := bound[0].Association.Mode
		p := mode.Properties()
		limit := p.SecondaryENI.Limit(n.PrivateIPCount())
		if n.Kind == eni.Primary {
			limit, mode = 1, modes.NAT
		}
		if len(bound) > limit {
			t.Fatalf("%s carries %d EIPs in %v, limit %d", n.ID, len(bound), mode, limit)
		}
		ips := map[netip.Addr]bool{}
		for _, a := range bound {
			if a.Association.Mode != bound[0].Association.Mode {
				t.Fatalf("%s mixes %v and %v", n.ID, bound[0].Association.Mode, a.Association.Mode)
			}
			if mode == modes.NAT {
				ip := a.Association.PrivateIP
				if !ip.IsValid() {
					ip = n.PrimaryIP // an empty PrivateIpAddress means the primary address
				}
				if ips[ip] || !n.HasPrivateIP(ip) {
					t.Fatalf("%s: NAT address %v reused or not on the ENI", n.ID, ip)
				}
				ips[ip] = true
			}
		}
	}
}

func TestStateMachine(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		m := newMachine(t)
		t.Repeat(m.actions())
	})
}
