package check

// Stage requests: the model in, the requests the rules core decides out, with what is
// unknown and what would decide it (knowledge). See the package documentation.

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// knowledge records, for one question to the rules, which facts the input does not know
// and why: the provenance that turns an undecided rule into a finding a person can act
// on.
type knowledge struct {
	facts   eipassoc.Facts
	reasons map[eipassoc.Fact]string
	// deciders say what would decide a fact when it is not the fact's own call
	// (Fact.Decider): the zone of an ENI the plan makes is its vSwitch's.
	deciders map[eipassoc.Fact]string
}

// decidedBy records what would decide fact f here, in place of its own call.
func (k *knowledge) decidedBy(f eipassoc.Fact, decider string) {
	if k.deciders == nil {
		k.deciders = map[eipassoc.Fact]string{}
	}
	k.deciders[f] = decider
}

// vswitchDecider says what decides the placement of a resource whose vSwitch the plan
// names only by ID.
func vswitchDecider(vswitch Key) string {
	return "the zone and VPC of vSwitch " + string(vswitch) + " (ZoneId and VpcId from DescribeVSwitches)"
}

// mark records facts as unknown for the reason why; a fact keeps its first reason.
func (k *knowledge) mark(why string, fs ...eipassoc.Fact) {
	if k.reasons == nil {
		k.reasons = map[eipassoc.Fact]string{}
	}
	for _, f := range fs {
		k.facts = k.facts.With(f)
		if _, ok := k.reasons[f]; !ok {
			k.reasons[f] = why
		}
	}
}

// because gives the reason why for fact f, which the rules may find unknown on their
// own (an instance type's limits missing from every table), without marking it.
func (k *knowledge) because(why string, f eipassoc.Fact) {
	if k.reasons == nil {
		k.reasons = map[eipassoc.Fact]string{}
	}
	if _, ok := k.reasons[f]; !ok {
		k.reasons[f] = why
	}
}

// count gives the rules the number of n's addresses when only their values are unknown.
func (k *knowledge) count(n *ENI, count *int) {
	if k.facts.Has(eipassoc.FactENIAddresses) && !k.facts.Has(eipassoc.FactENIAddressCount) && n.IPCountKnown {
		*count = n.IPCount
	}
}

// explain turns undecided rules into finding messages: one for each cause (the reasons
// this input lacks the facts), naming every rule it leaves undecided and what would
// decide them.
func (k *knowledge) explain(undecided []eipassoc.UndecidedRule) []string {
	type group struct {
		reasons []string
		missing eipassoc.Facts
		rules   []string
	}
	var groups []group
	for _, u := range undecided {
		var reasons []string
		for f := range u.Missing.All() {
			why := k.reasons[f]
			if why == "" {
				why = "this input does not give it"
			}
			if !slices.Contains(reasons, why) {
				reasons = append(reasons, why)
			}
		}
		slices.Sort(reasons)
		i := slices.IndexFunc(groups, func(g group) bool { return slices.Equal(g.reasons, reasons) })
		if i < 0 {
			groups = append(groups, group{reasons: reasons})
			i = len(groups) - 1
		}
		groups[i].missing = groups[i].missing.Union(u.Missing)
		if !slices.Contains(groups[i].rules, string(u.Code)) {
			groups[i].rules = append(groups[i].rules, string(u.Code))
		}
	}
	out := make([]string, 0, len(groups))
	for _, g := range groups {
		deciders := make([]string, 0, g.missing.Len())
		for f := range g.missing.All() {
			d := cmp.Or(k.deciders[f], f.Decider())
			if !slices.Contains(deciders, d) {
				deciders = append(deciders, d)
			}
		}
		out = append(
			out,
			strings.Join(
				g.rules,
				", ",
			)+" not decided: "+strings.Join(
				g.reasons,
				"; ",
			)+" (decided by "+strings.Join(
				deciders,
				"; ",
			)+")",
		)
	}
	return out
}

// eniFor describes n as the rules want it, marking in k what the input does not know:
// everything about an ENI it only names by ID, the addresses (or their number) of an
// ENI whose addresses are known only after apply. region is used when n has none.
func (m *Model) eniFor(n *ENI, region regions.ID, k *knowledge) eni.Interface {
	out := eni.Interface{
		ID:      eni.ID(n.Key),
		Kind:    n.Kind,
		Status:  eni.Available,
		Region:  cmp.Or(n.Region, region),
		VSwitch: string(n.VSwitch),
	}
	if !n.Known {
		k.mark(
			"ENI "+n.ID+" is not managed by this plan, so its status, placement, attachment and addresses are "+
				"unknown (check with -live)",
			eipassoc.FactENIStatus,
			eipassoc.FactENIPlacement,
			eipassoc.FactENIAttachment,
			eipassoc.FactENIAddresses,
			eipassoc.FactENIAddressCount,
		)
		return out
	}
	if n.Kind == eni.Primary || (n.Instance != "" && !n.AttachedInPlan) {
		out.Status, out.Instance = eni.InUse, m.instanceID(n.Instance)
	}
	// An ENI is created in a vSwitch, so it is in that vSwitch's VPC.
	out.VPC, out.Zone = "vpc of "+string(n.VSwitch), ""
	if v := m.VSwitches[n.VSwitch]; v != nil {
		out.VPC, out.Zone = cmp.Or(v.VPC, out.VPC), v.Zone
	}
	if n.VSwitch == "" {
		out.VPC = "vpc of " + string(n.Key)
	}
	switch {
	case !n.IPCountKnown:
		k.mark(
			"the private addresses of "+string(n.Key)+" and their number are known only after apply",
			eipassoc.FactENIAddresses,
			eipassoc.FactENIAddressCount,
		)
	case len(n.IPs) < n.IPCount:
		k.mark("the private addresses of "+string(n.Key)+" are known only after apply", eipassoc.FactENIAddresses)
		out.SecondaryIPs = slices.Clone(n.IPs) // those the plan knows: the ENI has them (FactENIAddresses)
	default:
		out.PrimaryIP, out.SecondaryIPs = n.IPs[0], slices.Clone(n.IPs[1:n.IPCount])
	}
	return out
}

// instanceID returns the cloud ID of an instance key, or the key for a planned one.
func (m *Model) instanceID(key Key) string {
	if in := m.Instances[key]; in != nil && in.ID != "" {
		return in.ID
	}
	return string(key)
}

// instanceFor describes the instance with key as the rules want it, marking in k what the
// input does not know. Its DHCP is what the user says (opts.InstanceDHCP): neither a
// plan nor the API reports it. Its limits come from opts.Limits when that lists the
// type, otherwise from the built-in table.
func (m *Model) instanceFor(key Key, opts Options, k *knowledge) ecs.Instance {
	out := ecs.Instance{ID: m.instanceID(key), DHCP: opts.InstanceDHCP}
	in := m.Instances[key]
	if in == nil {
		k.mark(
			"instance "+string(key)+" is not managed by this plan, so its type and placement are unknown",
			eipassoc.FactInstanceType,
			eipassoc.FactInstancePlacement,
			eipassoc.FactInstanceRegion,
			eipassoc.FactInstanceENIs,
		)
		return out
	}
	out.Type, out.Region = in.Type, in.Region
	if l, ok := opts.Limits.Lookup(in.Type); ok {
		out.Limits = l
	} else if l, ok := m.dataLimits[in.Type]; ok {
		out.Limits = l // what DescribeInstanceTypes answered the plan's data source
	}
	switch l, ok := out.TypeLimits(); {
	case in.Type == "":
	case !ok:
		k.because(
			"the ENI limits of instance type "+in.Type+" ("+string(key)+") are in no table this check has: the "+
				"built-in one is dated "+eni.LimitsDate+", and no alicloud_instance_types data source of the plan lists "+
				"the type; pass -limits with a table from \"eipassoc limits\"",
			eipassoc.FactInstanceLimits,
		)
	case !l.KnowsPrivateIPs():
		k.because(
			"the built-in table (dated "+eni.LimitsDate+") does not give how many private IPs an ENI of "+in.Type+
				" ("+string(key)+") takes; pass -limits with a table from \"eipassoc limits\"",
			eipassoc.FactInstanceLimits,
		)
	}
	if in.Type == "" {
		why := "the instance type of " + string(key) + " is known only after apply or not in the plan"
		k.mark(why, eipassoc.FactInstanceType)
		k.because(why, eipassoc.FactInstanceLimits) // a type's limits are unknown with it
	}
	if in.Region == "" {
		k.mark("the region of "+string(key)+" is not in the plan", eipassoc.FactInstanceRegion)
	}
	if v := m.VSwitches[in.VSwitch]; v != nil && v.Zone != "" && v.VPC != "" {
		out.Zone, out.VPC = v.Zone, v.VPC
	} else {
		k.mark("the zone and VPC of "+string(key)+" are not in the plan (its vSwitch is not)", eipassoc.FactInstancePlacement)
		if in.VSwitch != "" && m.VSwitches[in.VSwitch] == nil {
			k.decidedBy(eipassoc.FactInstancePlacement, vswitchDecider(in.VSwitch))
		}
	}
	return out
}
