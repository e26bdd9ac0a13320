package check

// Stage rules: the requests in, findings out: Run decides each association and
// attachment in apply order, and the plan-level rules. See the package documentation.

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// UnknownPolicy says what an undecided rule becomes.
type UnknownPolicy string

// Unknown policies.
const (
	UnknownWarn   UnknownPolicy = "warn"   // a warning (the default)
	UnknownFail   UnknownPolicy = "fail"   // an error
	UnknownIgnore UnknownPolicy = "ignore" // nothing
)

// Options configure [Run].
type Options struct {
	// Behaviour and Account are passed to eipassoc.CanAssociate.
	Behaviour eipassoc.Behaviour
	Account   eipassoc.Account
	// Unknown says what an undecided rule becomes; "" means warn.
	Unknown UnknownPolicy
	// InstanceDHCP says whether the instances' OS has DHCP enabled, which
	// multi-EIP-to-ENI needs and which neither a plan nor the API reports; the zero
	// value, unknown, leaves instance-dhcp-disabled undecided.
	InstanceDHCP ecs.DHCP
	// Limits, when set, gives the ENI limits of the instance types it lists, in place of
	// the built-in table dated eni.LimitsDate: for example a table that "eipassoc
	// limits" wrote from the account's DescribeInstanceTypes.
	Limits *eni.LimitsTable
	// NoState says that the model was read from a configuration alone, with neither a
	// plan nor a state behind it (the tflint ruleset): what exists already is unknown, so
	// every resource is taken as created in this apply, and a finding that rests on that
	// (plan-attachment-order) says so and says what to do if it does not hold.
	NoState bool
}

// Run checks every planned association and attachment of m and returns the findings,
// sorted by address, then rule. Associations that already exist count toward capacities
// but are not reported. Planned associations on one ENI, and attachments onto one
// instance, count in the order Terraform applies them (what depends on another comes
// after it; what nothing orders, in address order), so when several together exceed a
// capacity or a quota, the ones applied last are reported: those the API refuses.
//
// Every rule is eipassoc's: Run builds the request the core decides, marking what the
// input does not know as unknown. A violation becomes a failing finding; a rule the core
// leaves undecided becomes a plan-value-unknown finding that names the rule, why each
// missing fact is unknown here and what would decide it. The plan-level rules
// (plan-eni-target-not-network-interface, plan-mode-on-non-eni-target,
// plan-attachment-order) cover what only a Terraform plan can get wrong.
//
// A model loaded with PlanOptions.SourcesOnDemand is checked from the plan alone first;
// when that leaves a rule undecided, or the plan hides what only the sources show (a
// dynamic network_interfaces block), the model is rebuilt with the sources (its
// contents replaced) and checked again.
func Run(m *Model, opts Options) []Finding {
	if m.onDemand == nil {
		out, _ := run(m, opts, false)
		return out
	}
	later := m.onDemand
	m.onDemand = nil
	if !m.hidden {
		// The plan alone first, stopping at the first undecided rule: the policy only
		// changes what an undecided rule becomes, so a run that leaves none undecided
		// under warn is the run under opts.
		probe := opts
		probe.Unknown = UnknownWarn
		if out, undecided := run(m, probe, true); !undecided {
			return out
		}
	}
	*m = Model{} // the plan-only model goes before the one with the sources is built
	*m = *later()
	out, _ := run(m, opts, false)
	return out
}

// run checks m. With stopAtUndecided it returns nil and true as soon as a rule is left
// undecided (opts.Unknown must then make undecided rules findings).
func run(m *Model, opts Options, stopAtUndecided bool) (out []Finding, undecided bool) {
	byTarget := map[Key][]*Association{}
	for _, a := range m.Associations {
		if key := m.targetENI(a); key != "" {
			byTarget[key] = append(byTarget[key], a)
		}
	}
	isUnknown := func(f Finding) bool { return f.Rule == CodeUnknown }
	cache := &runCache{oneOf: map[string]eipSummary{}, strays: strays(m), attachments: plannedAttachments(m)}
	for _, a := range m.Associations {
		if !a.Planned {
			continue
		}
		c := &checker{m: m, a: a, opts: opts, cache: cache}
		c.check(byTarget[m.targetENI(a)])
		if stopAtUndecided && slices.ContainsFunc(c.out, isUnknown) {
			return nil, true
		}
		out = append(out, c.out...)
	}
	out = append(out, runAttachments(m, opts, byTarget, cache.strays)...)
	out = append(out, runChanged(m, opts, byTarget)...)
	if stopAtUndecided && slices.ContainsFunc(out, isUnknown) {
		return nil, true
	}
	slices.SortStableFunc(out, func(x, y Finding) int {
		return cmp.Or(
			m.compare(x.Address, y.Address),
			strings.Compare(string(x.Rule), string(y.Rule)),
			strings.Compare(x.Message, y.Message),
		)
	})
	out = slices.CompactFunc(out, func(x, y Finding) bool {
		return x.Address == y.Address && x.Rule == y.Rule &&
			x.Message == y.Message // one closed region under the EIP and the ENI, say
	})
	m.withIDs(out)
	return out, false
}

// checker builds the findings of one association.
type checker struct {
	m     *Model
	a     *Association
	opts  Options
	cache *runCache
	blame *blame // nil: the association itself
	out   []Finding
}

// A blame puts the findings of an association on the planned resource that changes a
// fact it rests on.
type blame struct {
	address, resourceType string
	prefix                string          // says what changes, before each message
	only                  []eipassoc.Fact // the changed facts: only rules that read one count
}

// keeps reports whether a finding of rule code belongs in the output.
func (c *checker) keeps(code eipassoc.Code) bool {
	if c.blame == nil {
		return true
	}
	for _, f := range c.blame.only {
		if reads(code, f) {
			return true
		}
	}
	return false
}

// runCache keeps what one Run works out once for many associations.
type runCache struct {
	oneOf       map[string]eipSummary // by configuration address
	strays      strayResources
	attachments map[Key]plannedAttach // by ENI, what attaches it in the plan (plannedAttachments)
	ranks       map[Key][]int         // by ENI, the apply order of the associations on it (applyRanks)
}

// associationRanks returns the apply order of the associations on the ENI with key,
// worked out once per ENI.
func (c *runCache) associationRanks(m *Model, key Key, on []*Association) []int {
	if r, ok := c.ranks[key]; ok && len(r) == len(on) {
		return r
	}
	if c.ranks == nil {
		c.ranks = map[Key][]int{}
	}
	r := m.applyRanks(len(on), func(i int) string { return on[i].Address },
		func(i int) string { return configOnce(on[i].Address, &on[i].config) },
		func(i int) bool { return !on[i].Planned })
	c.ranks[key] = r
	return r
}

// strayResources says why some resources of the input cannot be placed: an association
// whose target is not resolved may be on any ENI, an attachment whose ENI is not
// resolved may attach any ENI. Each is "" when every one is placed. The rules such a
// resource may feed elsewhere (the EIPs an ENI carries, the order of attachments) are
// undecided, never decided as if it were not there.
type strayResources struct {
	association, attachment string
}

func strays(m *Model) strayResources {
	var s strayResources
	for _, a := range m.Associations {
		switch a.InstanceType {
		case "", "EcsInstance", "NetworkInterface":
		default:
			if a.InstanceTypeUnknown.Known() {
				continue // a NAT gateway, a CLB...: on no ENI
			}
		}
		if a.Target == "" && s.association == "" {
			s.association = a.Address + " may also be on this ENI (its instance_id cannot be resolved: " +
				string(a.TargetUnknown) + ")"
		}
	}
	for _, at := range m.Attachments {
		if at.ENI == "" && at.Planned && s.attachment == "" {
			s.attachment = at.Address + " may attach this ENI (its network_interface_id cannot be resolved: " +
				string(at.ENIUnknown) + ")"
		}
	}
	return s
}

func (c *checker) check(siblings []*Association) {
	a := c.a
	if a.Target == "" {
		c.unknown("cannot tell which resource instance_id names: " + string(a.TargetUnknown))
		return
	}
	n := c.m.ENIs[a.Target]
	if n == nil && c.m.Instances[a.Target] != nil {
		n = c.m.ENIs[primaryENI(a.Target)] // an ECS target means its primary ENI
	}
	if !a.InstanceTypeUnknown.Known() {
		c.unknown(string(a.InstanceTypeUnknown))
		return
	}
	eniTarget := n != nil && n.Kind != eni.Primary
	if !eniTarget {
		if a.ModeSet && a.Mode != modes.NAT {
			c.add(
				CodeModeOnNonENITarget,
				LevelError,
				StatusFail,
				"mode "+modeText(
					a,
				)+" is set, but instance_id names "+string(a.Target)+", which is not a secondary ENI; cut-through "+
					"and multi-EIP-to-ENI need instance_type = \"NetworkInterface\" and a secondary ENI",
				"Invalid.DirectEip.BindType",
				"",
			)
			return
		}
		if n == nil || a.InstanceType != "" && a.InstanceType != "EcsInstance" && a.InstanceType != "NetworkInterface" {
			return // NAT gateways, CLB, HAVIP...: outside these rules
		}
	}
	if eniTarget && a.InstanceType != "NetworkInterface" {
		sent := a.InstanceType
		if sent == "" {
			sent = "EcsInstance (the provider's default when instance_type is unset)"
		}
		c.add(
			CodeENIWithoutNetworkInterface,
			LevelError,
			StatusFail,
			"instance_id names ENI "+string(n.Key)+", but the provider will send InstanceType "+sent+
				"; set instance_type = \"NetworkInterface\"",
			"",
			"",
		)
		return
	}
	c.decide(n, siblings)
}

// decide runs eipassoc.CanAssociate on the association and what the input puts next to
// it, and turns violations and undecided rules into findings.
func (c *checker) decide(n *ENI, siblings []*Association) {
	k := knowledge{}
	req := c.request(n, siblings, &k)
	d := eipassoc.CanAssociate(req)
	for _, v := range d.Violations {
		c.add(v.Code, LevelError, StatusFail, v.Message, v.APICode, v.Fix)
	}
	if d.Advisories.Has(eipassoc.AdviseNATAttachedENI) { // attached already, under the observed behaviour
		c.add(eipassoc.AdviseNATAttachedENI, LevelWarning, StatusFail,
			string(n.Key)+" is attached to "+string(n.Instance)+"; the documentation requires a detached ENI, and "+
				"the API is observed to accept NAT associations on attached ENIs", "",
			"Nothing to do if your account's NAT associations on attached ENIs succeed; otherwise detach "+
				string(n.Key)+", associate, then attach it again (-behaviour documented makes this an error).")
	}
	var undecided []eipassoc.UndecidedRule
	for _, u := range d.Undecided {
		if c.keeps(u.Code) {
			undecided = append(undecided, u)
		}
	}
	for _, msg := range k.explain(undecided) {
		c.unknown(msg)
	}
	if c.blame != nil {
		return // a re-check: only the rules that read the changed facts
	}
	if n.Instance != "" && req.Mode.IsValid() {
		c.checkCarried(n, req)
	}
	switch stray := c.cache.strays.attachment; {
	case n.AttachedInPlan && !d.Has(eipassoc.CodeENIAttached):
		c.checkOrder(n, req)
	case n.DetachedBy != "" && !d.Has(eipassoc.CodeENIAttached):
		c.checkDetachOrder(n, req)
	case stray != "" && n.Kind == eni.Secondary && !d.Has(eipassoc.CodeENIAttached):
		if a := c.attachedFirst(req, n); a.Has(eipassoc.CodeENIAttached) {
			c.unknown(
				string(CodeAttachmentOrder) + " not decided: " + stray +
					", and if it does and runs first, the association fails",
			)
		}
	}
}
