package check

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"pgregory.net/rapid"
)

// soundOptions decide everything a generated plan says: an allowlisted account, DHCP on.
var soundOptions = Options{Account: eipassoc.Account{MultiBindedAllowed: true}, InstanceDHCP: ecs.DHCPEnabled}

// genPlan draws the model of a plan as LoadPlan builds it: instances with secondary
// ENIs in one vSwitch, EIPs associated with the ENIs in any mode, attachments of the
// ENIs to the instances, and an apply order between associations and attachments.
func genPlan(t *rapid.T) *Model {
	m := newModel("generated")
	m.VSwitches["vsw"] = &VSwitch{Key: "vsw", Zone: "cn-hangzhou-h", VPC: "vpc"}
	m.order = &tfplan.Order{}
	types := []string{"ecs.g6.large", "ecs.g6.xlarge", "ecs.g5.large"}
	var instances, enis []Key
	for i := range rapid.IntRange(1, 2).Draw(t, "instances") {
		key := Key(fmt.Sprintf("alicloud_instance.i%d", i))
		m.Instances[key] = &Instance{
			Key:     key,
			Address: string(key),
			Type:    rapid.SampledFrom(types).Draw(t, "type"),
			Region:  "cn-hangzhou",
			VSwitch: "vsw",
		}
		m.ENIs[primaryENI(key)] = &ENI{
			Key:          primaryENI(key),
			Address:      string(key),
			Kind:         eni.Primary,
			Region:       "cn-hangzhou",
			IPCount:      1,
			IPCountKnown: true,
			Instance:     key,
			Known:        true,
		}
		instances = append(instances, key)
	}
	for i := range rapid.IntRange(1, 3).Draw(t, "enis") {
		key := Key(fmt.Sprintf("alicloud_ecs_network_interface.n%d", i))
		m.ENIs[key] = &ENI{Key: key, Address: string(key), Kind: eni.Secondary, Region: "cn-hangzhou", VSwitch: "vsw",
			IPCount: rapid.IntRange(1, 3).Draw(t, "ips"), IPCountKnown: true, Known: true}
		enis = append(enis, key)
	}
	for i := range rapid.IntRange(0, 4).Draw(t, "associations") {
		addr := fmt.Sprintf("alicloud_eip_association.a%d", i)
		eip := Key(fmt.Sprintf("alicloud_eip_address.e%d", i))
		m.EIPs[eip] = &EIP{Key: eip, Address: string(eip), Region: "cn-hangzhou", Known: true}
		m.Associations = append(
			m.Associations,
			&Association{Address: addr, ResourceType: TypeAssociation, Planned: true,
				EIP: eip, Target: rapid.SampledFrom(enis).Draw(t, "target"), InstanceType: "NetworkInterface",
				Mode: rapid.SampledFrom(modes.All()).Draw(t, "mode"), ModeSet: true, Region: "cn-hangzhou"},
		)
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "attachments") {
		at := &Attachment{Address: fmt.Sprintf("alicloud_ecs_network_interface_attachment.t%d", i),
			ENI: rapid.SampledFrom(enis).
				Draw(t, "eni"),
			Instance: rapid.SampledFrom(instances).Draw(t, "instance"), Planned: true}
		if n := m.ENIs[at.ENI]; n.Instance == "" { // an ENI is attached once
			m.Attachments = append(m.Attachments, at)
			n.Instance, n.AttachedInPlan = at.Instance, true
		}
	}
	for range rapid.IntRange(0, 3).Draw(t, "edges") {
		addEdge(t, m)
	}
	return m
}

// addEdge makes a random resource of the plan depend on another.
func addEdge(t *rapid.T, m *Model) {
	var nodes []string
	for _, a := range m.Associations {
		nodes = append(nodes, a.Address)
	}
	for _, at := range m.Attachments {
		nodes = append(nodes, at.Address)
	}
	if len(nodes) < 2 {
		return
	}
	from, to := rapid.SampledFrom(nodes).Draw(t, "from"), rapid.SampledFrom(nodes).Draw(t, "to")
	if from != to && !m.order.After(to, from) { // no cycle: Terraform refuses one
		m.order.Depend(from, to)
	}
}

// verdicts sums up findings by resource: the rules that fail on it, and whether some
// rule on it is undecided.
func verdicts(fs []Finding) (fails map[string][]string, undecided map[string]bool) {
	fails, undecided = map[string][]string{}, map[string]bool{}
	for _, f := range fs {
		switch f.Status {
		case StatusFail:
			if f.Level == LevelError {
				fails[f.Address] = append(fails[f.Address], string(f.Rule))
			}
		case StatusUnknown:
			undecided[f.Address] = true
		}
	}
	return fails, undecided
}

// TestUnresolvableNeverAllows: making one reference of a plan unresolvable (an
// association's target, an attachment's ENI or instance) or one value unknown (a mode,
// an ENI's address count, an instance type) never turns a denial into an allowance:
// every resource that failed still fails or is undecided.
func TestUnresolvableNeverAllows(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		m := genPlan(t)
		before, _ := verdicts(Run(m, soundOptions))
		switch kind := rapid.IntRange(0, 5).Draw(t, "what"); {
		case kind == 0 && len(m.Associations) > 0:
			a := rapid.SampledFrom(m.Associations).Draw(t, "association")
			a.Target, a.TargetUnknown = "", "made unresolvable"
		case kind == 1 && len(m.Attachments) > 0:
			at := rapid.SampledFrom(m.Attachments).Draw(t, "attachment")
			n := m.ENIs[at.ENI]
			n.Instance, n.AttachedInPlan = "", false // the plan's reader learns nothing of the ENI
			at.ENI, at.ENIUnknown = "", "made unresolvable"
		case kind == 2 && len(m.Attachments) > 0:
			at := rapid.SampledFrom(m.Attachments).Draw(t, "attachment")
			m.ENIs[at.ENI].Instance = ""
			at.Instance, at.InstanceUnknown = "", "made unresolvable"
		case kind == 3 && len(m.Associations) > 0:
			a := rapid.SampledFrom(m.Associations).Draw(t, "association")
			a.ModeUnknown = "made unknown"
		case kind == 4:
			n := m.ENIs[rapid.SampledFrom(slices.Sorted(maps.Keys(m.ENIs))).Draw(t, "eni")]
			n.IPCount, n.IPCountKnown = 0, false
		case kind == 5:
			in := m.Instances[rapid.SampledFrom(slices.Sorted(maps.Keys(m.Instances))).Draw(t, "instance")]
			in.Type = ""
		default:
			t.Skip("nothing to make unresolvable")
		}
		after, undecided := verdicts(Run(m, soundOptions))
		for addr, rules := range before {
			if len(after[addr]) == 0 && !undecided[addr] {
				t.Fatalf("%s failed %v; with a reference made unresolvable it is allowed", addr, rules)
			}
		}
	})
}

// countedInOrder are the rules that count what Terraform makes before a resource
// (EIPs on its ENI, ENIs on its instance): an ordering edge may move their failure onto
// the resource now applied last, which the API refuses.
var countedInOrder = []string{"eni-capacity", "private-ip-in-use", "mode-conflict", "instance-eni-quota"}

// TestOrderingNeverDenies: an ordering edge Terraform would follow never adds a denial:
// a resource fails a rule it did not fail before only when the edge moved a counted
// rule's failure onto it (which rules the refused one breaks may differ: a NAT EIP after
// a multi-EIP-to-ENI one also finds the ENI full), and no more resources are refused.
// The last holds for plans whose refusals are all counted ones: a resource the API
// refuses on its own facts (a mode the region does not offer) is still counted as bound
// by those after it, so moving it first can refuse one more.
func TestOrderingNeverDenies(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		m := genPlan(t)
		before, _ := verdicts(Run(m, soundOptions))
		addEdge(t, m)
		after, _ := verdicts(Run(m, soundOptions))
		for addr, rules := range after {
			for _, r := range rules {
				if !slices.Contains(before[addr], r) && !slices.Contains(countedInOrder, r) {
					t.Fatalf("%s fails %s only once an ordering edge is added", addr, r)
				}
			}
		}
		onlyCounted := true
		for _, rules := range before {
			for _, r := range rules {
				onlyCounted = onlyCounted && slices.Contains(countedInOrder, r)
			}
		}
		if onlyCounted && len(after) > len(before) {
			t.Fatalf("%d resources refused once an ordering edge is added, %d before: %v, then %v",
				len(after), len(before), before, after)
		}
	})
}
