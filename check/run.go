package check

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
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

// targetENI returns the key of the ENI an association lands on: its target, or the
// primary ENI of an instance target.
func (m *Model) targetENI(a *Association) Key {
	if m.ENIs[a.Target] == nil && m.Instances[a.Target] != nil {
		return primaryENI(a.Target)
	}
	return a.Target
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

// add files a finding of rule code on the association, or on the resource a blame
// puts it on; fix, when not empty, says how to fix this case instead of the rule's Fix.
func (c *checker) add(code eipassoc.Code, level Level, status Status, msg, apiCode, fix string) {
	var f Finding
	if b := c.blame; b != nil {
		if !c.keeps(code) {
			return
		}
		f = finding(b.address, "", b.resourceType, Location{}, code, level, status, b.prefix+msg, apiCode)
	} else {
		f = finding(c.a.Address, c.a.Module, c.a.ResourceType, c.a.Location, code, level, status, msg, apiCode)
	}
	f.Fix = cmp.Or(fix, f.Fix)
	c.out = append(c.out, f)
}

// finding builds one finding with its rule's source and fix.
func finding(
	address, module, resourceType string,
	loc Location,
	code eipassoc.Code,
	level Level,
	status Status,
	msg, apiCode string,
) Finding {
	r, _ := RuleFor(code)
	return Finding{Rule: code, Level: level, Status: status, Address: address, Module: module,
		ResourceType: resourceType, Message: msg, Source: r.Source, Fix: r.Fix, APICode: apiCode, Location: loc}
}

// unknownFinding turns an undecided question into a plan-value-unknown finding, or
// nothing, as the policy says.
func unknownFinding(policy UnknownPolicy, f Finding) (Finding, bool) {
	switch policy {
	case UnknownIgnore:
		return Finding{}, false
	case UnknownFail:
		f.Level = LevelError
	default:
		f.Level = LevelWarning
	}
	f.Rule, f.Status = CodeUnknown, StatusUnknown
	r, _ := RuleFor(CodeUnknown)
	f.Source, f.Fix, f.APICode = r.Source, r.Fix, ""
	return f, true
}

func (c *checker) unknown(msg string) {
	address, module, typ, loc := c.a.Address, c.a.Module, c.a.ResourceType, c.a.Location
	if b := c.blame; b != nil {
		address, module, typ, loc, msg = b.address, "", b.resourceType, Location{}, b.prefix+msg
	}
	if f, ok := unknownFinding(c.opts.Unknown, finding(address, module, typ, loc, CodeUnknown, "", "", msg, "")); ok {
		c.out = append(c.out, f)
	}
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

func modeText(a *Association) string {
	if a.Mode.IsValid() {
		return a.Mode.String()
	}
	return "(invalid)"
}

// modeOf returns an association's mode with the provider's default, NAT, filled in.
func modeOf(a *Association) modes.Mode {
	if !a.ModeSet {
		return modes.NAT
	}
	return a.Mode // the zero Mode when the plan's mode is invalid: CanAssociate says so
}

// decide runs eipassoc.CanAssociate on the association and what the input puts next to
// it, and turns violations and undecided rules into findings.
func (c *checker) decide(n *ENI, siblings []*Association) {
	a := c.a
	k := knowledge{}
	req := eipassoc.Request{
		EIP:       c.eipFor(&k),
		ENI:       c.m.eniFor(n, a.Region, &k),
		Mode:      modeOf(a),
		PrivateIP: a.PrivateIP,
		Account:   c.opts.Account,
		Behaviour: c.opts.Behaviour,
	}
	if n.Kind == eni.Primary {
		req.Target = eip.EcsInstance
	}
	k.count(n, &req.PrivateIPCount)
	for _, u := range []struct {
		why   Why
		facts []eipassoc.Fact
	}{
		{a.RegionUnknown, []eipassoc.Fact{eipassoc.FactEIPRegion, eipassoc.FactENIRegion}},
		{a.ModeUnknown, []eipassoc.Fact{eipassoc.FactMode}},
		{a.PrivateIPUnknown, []eipassoc.Fact{eipassoc.FactPrivateIP}},
	} {
		if !u.why.Known() {
			k.mark(string(u.why), u.facts...)
		}
	}
	if !n.Known {
		k.mark(
			"ENI "+n.ID+" is not managed by this plan, so the EIPs already bound to it are unknown (check with -live)",
			eipassoc.FactBound,
		)
	}
	if stray := c.cache.strays.association; stray != "" {
		k.mark(stray, eipassoc.FactBound)
	}
	if len(n.Leaving) > 0 {
		k.mark(leavingReason(n), eipassoc.FactBound)
	}
	ranks := c.cache.associationRanks(c.m, n.Key, siblings)
	mine := len(siblings)
	if i := slices.Index(siblings, a); i >= 0 {
		mine = ranks[i]
	}
	for i, s := range siblings {
		if s == a || c.blame != nil && c.m.compare(s.Address, a.Address) > 0 || c.blame == nil && ranks[i] > mine {
			continue // count what exists and what Terraform adds before this one (in a re-check, all in order)
		}
		req.Bound = append(
			req.Bound,
			eipassoc.Binding{EIP: eip.ID(s.Address), Mode: cmp.Or(modeOf(s), modes.NAT), PrivateIP: s.PrivateIP},
		)
	}
	req.Unknown = k.facts
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

// leavingReason says why the EIPs bound to n are open while the plan destroys some of
// its associations: a new resource cannot depend on a destroyed one, so Terraform may
// make it while they are still bound.
func leavingReason(n *ENI) string {
	return "the plan destroys " + strings.Join(
		n.Leaving,
		", ",
	) + " on " + string(n.Key) + ", and nothing orders that before what it makes, so that EIP may still be bound"
}

// checkOrder applies the prerequisite of a detached ENI to an association whose ENI the
// plan also attaches, in the order Terraform applies the plan: nothing when the
// attachment waits for the association, a certain failure when the association waits
// for the attachment, a possible one when nothing orders them. Under the observed
// behaviour, where the API accepts a NAT association on an attached ENI, the
// nat-attached-eni advisory is a warning when the attachment may come first. The fix
// names the resource to change for the order found.
func (c *checker) checkOrder(n *ENI, req eipassoc.Request) {
	attach, ok := c.cache.attachments[n.Key]
	o := order{association: c.a.Address, attachment: attach.address, block: attach.block || !ok,
		noState: c.opts.NoState}
	if !ok {
		o.attachment = string(n.Instance) // its instance's network_interfaces block attaches it
	}
	aNode, tNode := configAddress(o.association), configAddress(o.attachment)
	if c.m.order.After(tNode, aNode) {
		return // the attachment depends on the association: Terraform associates first
	}
	o.reversed = c.m.order.After(aNode, tNode)
	attached := c.attachedFirst(req, n)
	if attached.Advisories.Has(eipassoc.AdviseNATAttachedENI) {
		c.add(
			eipassoc.AdviseNATAttachedENI,
			LevelWarning,
			StatusFail,
			"the "+o.input()+" also attaches "+string(n.Key)+" to "+string(n.Instance)+" ("+o.attachment+
				"), maybe before this association; the documentation requires a detached ENI, and the API is "+
				"observed to accept NAT associations on attached ENIs"+o.assumption(),
			"",
			o.fix(),
		)
		return
	}
	if _, fails := attached.Violation(eipassoc.CodeENIAttached); !fails {
		return
	}
	when := "nothing in the " + o.input() + " orders the two, so Terraform may attach it first, and then"
	if o.reversed {
		when = "the association depends on the attachment, so Terraform attaches it first:"
	}
	c.add(
		CodeAttachmentOrder,
		LevelError,
		StatusFail,
		"the "+o.input()+" also attaches "+string(n.Key)+" to "+string(n.Instance)+" ("+o.attachment+"); "+when+
			" the association fails: "+detachedWhy(req.Mode, c.opts.NoState)+o.assumption(),
		"Eni.Attached",
		o.fix()+o.ifExists(req.Mode),
	)
}

// detachedWhy says why an association in mode m needs a detached ENI, naming the
// option that chooses the observed behaviour as the face the finding is read on names
// it (the command's flag, or the tflint plugin's attribute when noState).
func detachedWhy(m modes.Mode, noState bool) string {
	if m == modes.NAT {
		option := "-behaviour observed"
		if noState {
			option = "behaviour = \"observed\""
		}
		return "the documentation requires a detached ENI; the API is observed to accept NAT associations on " +
			"attached ENIs (" + option + ")"
	}
	return "an ENI must be detached when an EIP is associated in " + m.Properties().Name
}

// checkDetachOrder applies the prerequisite of a detached ENI to an association on an
// ENI that the plan detaches by destroying its attachment. Terraform orders the
// destruction of a resource before the creation of another only through their
// dependencies, and a new resource cannot depend on one the plan destroys, so nothing
// orders the detach before the association: if Terraform associates first, the ENI is
// still attached.
func (c *checker) checkDetachOrder(n *ENI, req eipassoc.Request) {
	fix := "Destroy " + n.DetachedBy + " in one apply (terraform apply -destroy -target=" + n.DetachedBy +
		"), then create " + c.a.Address + " in the next: no dependency can order a destruction before a creation."
	attached := c.attachedFirst(req, n)
	if attached.Advisories.Has(eipassoc.AdviseNATAttachedENI) {
		c.add(
			eipassoc.AdviseNATAttachedENI,
			LevelWarning,
			StatusFail,
			string(n.Key)+" is attached until the plan destroys "+n.DetachedBy+
				", maybe after this association; the documentation requires a detached ENI, and the API is observed "+
				"to accept NAT associations on attached ENIs",
			"",
			fix,
		)
		return
	}
	if _, fails := attached.Violation(eipassoc.CodeENIAttached); !fails {
		return
	}
	c.add(
		CodeAttachmentOrder,
		LevelError,
		StatusFail,
		string(n.Key)+" is attached until the plan destroys "+n.DetachedBy+
			", and nothing can order that before this association, so Terraform may associate first, and then the "+
			"association fails: "+detachedWhy(req.Mode, c.opts.NoState),
		"Eni.Attached",
		fix,
	)
}

// attachedFirst asks the rules about the association as if the plan's attachment of n
// ran first.
func (c *checker) attachedFirst(req eipassoc.Request, n *ENI) eipassoc.Decision {
	req.ENI.Status, req.ENI.Instance = eni.InUse, c.m.instanceID(n.Instance)
	req.Unknown = req.Unknown.Intersect(^eipassoc.FactsOf(eipassoc.FactENIStatus, eipassoc.FactENIAttachment))
	return eipassoc.CanAssociate(req)
}

// checkCarried applies the rules an instance puts on the EIPs its ENI carries (instance
// families and DHCP for multi-EIP-to-ENI), by asking CanAttach about the ENI carrying
// this association's EIP on the instance it is attached to. Only this association's
// mode is asked about, so the finding blames the association that brings the
// restriction; only those rules are taken, and the attachment itself is checked where
// it is planned.
func (c *checker) checkCarried(n *ENI, req eipassoc.Request) {
	k := knowledge{}
	k.reasons = map[eipassoc.Fact]string{
		eipassoc.FactDHCP: "whether DHCP is enabled in " + string(n.Instance) +
			"'s OS is not in the plan (the API does not report it either)",
	}
	in := c.m.instanceFor(n.Instance, c.opts, &k)
	bound := []eipassoc.Binding{{EIP: req.EIP.ID, Mode: req.Mode, PrivateIP: req.PrivateIP}}
	d := eipassoc.CanAttach(
		eipassoc.AttachRequest{
			ENI:      req.ENI,
			Bound:    bound,
			Instance: in,
			Unknown: k.facts.Intersect(
				eipassoc.FactsOf(
					eipassoc.FactInstanceType,
					eipassoc.FactInstancePlacement,
					eipassoc.FactInstanceRegion,
				),
			),
		},
	)
	carried := []eipassoc.Code{eipassoc.CodeInstanceFamilyUnsupported, eipassoc.CodeInstanceDHCPDisabled}
	for _, v := range d.Violations {
		if slices.Contains(carried, v.Code) {
			c.add(
				v.Code,
				LevelError,
				StatusFail,
				string(n.Key)+" is attached to "+string(n.Instance)+": "+v.Message,
				"OperationUnsupported.EipBindModel",
				v.Fix,
			)
		}
	}
	var undecided []eipassoc.UndecidedRule
	for _, u := range d.Undecided {
		if slices.Contains(carried, u.Code) {
			undecided = append(undecided, u)
		}
	}
	for _, msg := range k.explain(undecided) {
		c.unknown(msg)
	}
}

// eipFor describes the association's EIP as CanAssociate wants it. An EIP this input
// manages is new or associated only as the input says, so Available and unlocked; an
// EIP it only names by ID has a status the plan does not know unless -live read it.
// When the plan lost which of a counted set of EIPs is meant, the facts all candidates
// share are known, and the others are not.
func (c *checker) eipFor(k *knowledge) eip.Address {
	a := eip.Address{ID: eip.ID(c.a.EIP), Region: c.a.Region, Status: eip.Available, ChargeType: eip.PostPaid}
	if a.ID == "" {
		a.ID = eip.ID(c.a.Address + ".allocation_id")
	}
	var s eipSummary
	switch e := c.m.EIPs[c.a.EIP]; {
	case e != nil && e.Live != nil:
		return *e.Live
	case e != nil:
		s = summarize([]*EIP{e})
	case c.a.EIPOneOf != "":
		s = c.oneOf(c.a.EIPOneOf)
	}
	if !s.managed {
		name := c.a.EIP
		if name == "" {
			name = Key("named by " + c.a.Address + ".allocation_id")
		}
		k.mark(
			"EIP "+string(name)+
				" is not managed by this plan, so its status, locks and billing are unknown (check with -live)",
			eipassoc.FactEIPStatus,
			eipassoc.FactEIPChargeType,
		)
		return a
	}
	switch {
	case !s.sameBilling:
		k.mark("the EIPs "+c.a.Address+" may name differ in billing", eipassoc.FactEIPChargeType)
	case s.prepaid:
		a.ChargeType = eip.PrePaid
	}
	if s.region != "" {
		a.Region = s.region
	}
	return a
}

// An eipSummary is what a set of EIPs that an association may name have in common.
type eipSummary struct {
	managed     bool       // every one is managed by the input
	sameBilling bool       // they agree on billing...
	prepaid     bool       // ...which is subscription
	region      regions.ID // the region they share, or ""
}

func summarize(es []*EIP) eipSummary {
	s := eipSummary{managed: len(es) > 0, sameBilling: true}
	for i, e := range es {
		s.managed = s.managed && e.Known
		if i == 0 {
			s.prepaid, s.region = e.PrePaid, e.Region
			continue
		}
		s.sameBilling = s.sameBilling && e.PrePaid == s.prepaid
		if e.Region != s.region {
			s.region = ""
		}
	}
	return s
}

// oneOf summarizes the instances of a counted EIP resource, once per run.
func (c *checker) oneOf(configAddr string) eipSummary {
	if s, ok := c.cache.oneOf[configAddr]; ok {
		return s
	}
	var es []*EIP
	for _, key := range c.m.Expanded[configAddr] {
		if e := c.m.EIPs[Key(key)]; e != nil {
			es = append(es, e)
		} else {
			es = append(es, &EIP{}) // an instance the model has no EIP for: not known
		}
	}
	s := summarize(es)
	c.cache.oneOf[configAddr] = s
	return s
}
