package check

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// runAttachments checks every planned ENI attachment of m with eipassoc.CanAttach: the
// ENI, as it is before the attachment, with the EIPs it carries, onto the instance with
// its primary ENI and the attachments Terraform makes before this one (applyRanks). What the plan
// does not know (an instance type known after apply, a vSwitch outside the plan, DHCP)
// is marked unknown, and the rules that need it become plan-value-unknown findings.
func runAttachments(m *Model, opts Options, byTarget map[Key][]*Association, strays strayResources) []Finding {
	// An instance's secondary ENIs from its own network_interfaces blocks count toward
	// its quota like attached ones, before any attachment.
	perInstance := map[Key][]eni.ID{}
	for _, key := range slices.Sorted(maps.Keys(m.ENIs)) {
		if n := m.ENIs[key]; n.Kind == eni.Secondary && n.Instance != "" && Key(n.Address) == n.Instance {
			perInstance[n.Instance] = append(perInstance[n.Instance], eni.ID(n.Key))
		}
	}
	// An attachment whose instance is not resolved may land on any instance: every
	// quota is then undecided.
	var anyInstance string
	for _, at := range m.Attachments {
		if at.Instance == "" && anyInstance == "" {
			anyInstance = at.Address + " attaches an ENI to an instance this check cannot resolve (" +
				string(at.InstanceUnknown) + "), which may be this one"
		}
	}
	out := runInstanceBlocks(m, opts, perInstance, anyInstance)
	q := &quotaOrder{onto: map[Key][]*Attachment{}, ranks: map[Key][]int{}}
	for _, at := range m.Attachments {
		if at.Instance != "" { // an unresolved one's quota is undecided whatever comes before
			q.onto[at.Instance] = append(q.onto[at.Instance], at)
		}
	}
	for _, at := range m.Attachments {
		if at.Planned {
			out = append(out, checkAttachment(m, opts, at, perInstance[at.Instance], anyInstance, q, strays,
				byTarget)...)
		}
	}
	return out
}

// checkAttachment decides one planned attachment: the request the rules core decides,
// with the instance's ENIs counted in apply order (secondary ENIs of its own blocks,
// then the attachments applied before this one), and what the plan does not know
// marked unknown.
func checkAttachment(
	m *Model,
	opts Options,
	at *Attachment,
	blockENIs []eni.ID,
	anyInstance string,
	q *quotaOrder,
	strays strayResources,
	byTarget map[Key][]*Association,
) []Finding {
	k := knowledge{}
	k.reasons = map[eipassoc.Fact]string{
		eipassoc.FactDHCP: "whether DHCP is enabled in " + string(cmp.Or(at.Instance, "the instance")) +
			"'s OS is not in the plan (the API does not report it either)",
	}
	n := m.ENIs[at.ENI]
	req := eipassoc.AttachRequest{ENI: m.attachedENI(at, n, &k), Instance: m.attachedTo(at, opts, &k)}
	if anyInstance != "" && at.Instance != "" {
		k.mark(anyInstance, eipassoc.FactInstanceENIs)
	}
	req.ENI.Status, req.ENI.Instance = eni.Available, "" // as it is before this attachment
	if at.AttachedUntilReplaced != "" && n != nil {
		// create_before_destroy: the old attachment holds the ENI on its instance meanwhile
		req.ENI.Status, req.ENI.Instance = eni.InUse, m.instanceID(at.AttachedUntilReplaced)
	}
	req.Instance.ENIs = append([]eni.ID{"primary"}, blockENIs...)
	req.Instance.ENIs = append(req.Instance.ENIs, q.before(m, at)...)
	if n == nil {
		return blockFindings(at, decideAttachment(at, nil, req, &k, opts, byTarget))
	}
	if req.ENI.Zone == "" {
		k.mark("the zone of "+string(n.Key)+" is not in the plan (its vSwitch is not)", eipassoc.FactENIPlacement)
		if n.Known && n.ID == "" && n.VSwitch != "" { // an ENI the plan makes: its vSwitch decides
			k.decidedBy(eipassoc.FactENIPlacement, vswitchDecider(n.VSwitch))
		}
	}
	if req.ENI.Region == "" {
		k.mark("the region of "+string(n.Key)+" is not in the plan", eipassoc.FactENIRegion)
	}
	k.count(n, &req.PrivateIPCount)
	if strays.association != "" {
		k.mark(strays.association, eipassoc.FactBound)
	}
	if len(n.Leaving) > 0 {
		k.mark(leavingReason(n), eipassoc.FactBound)
	}
	return blockFindings(at, decideAttachment(at, n, req, &k, opts, byTarget))
}

// attachedENI is the ENI of an attachment as the rules core reads it: n's facts, or,
// when the attachment's ENI is not resolved (n is nil), an ENI all of whose facts are
// unknown, so that only the rules on the instance alone (its quota) can be decided.
func (m *Model) attachedENI(at *Attachment, n *ENI, k *knowledge) eni.Interface {
	if n != nil {
		return m.eniFor(n, "", k)
	}
	facts := []eipassoc.Fact{eipassoc.FactENIRegion, eipassoc.FactENIPlacement, eipassoc.FactENIStatus,
		eipassoc.FactENIAttachment, eipassoc.FactENIAddresses, eipassoc.FactENIAddressCount, eipassoc.FactBound}
	k.mark("cannot tell which ENI "+at.Address+" attaches: "+string(at.ENIUnknown), facts...)
	for _, f := range facts { // not calls on an ENI that may not exist yet
		k.decidedBy(f, "which ENI network_interface_id of "+at.Address+" names")
	}
	return eni.Interface{ID: eni.ID(at.Address), Kind: eni.Secondary}
}

// attachedTo is the instance of an attachment as the rules core reads it, or, when it
// is not resolved, one named by the argument that could not be resolved, so that no
// rule reads the failure to resolve it as an instance without an ID
// (instance-invalid): a failure to evaluate leaves rules undecided, never broken.
func (m *Model) attachedTo(at *Attachment, opts Options, k *knowledge) ecs.Instance {
	if at.Instance != "" {
		return m.instanceFor(at.Instance, opts, k)
	}
	facts := []eipassoc.Fact{eipassoc.FactInstanceType, eipassoc.FactInstanceLimits,
		eipassoc.FactInstancePlacement, eipassoc.FactInstanceRegion, eipassoc.FactInstanceENIs}
	k.mark("cannot tell which instance "+at.Address+" attaches to: "+string(at.InstanceUnknown), facts...)
	for _, f := range facts {
		k.decidedBy(f, "which instance instance_id of "+at.Address+" names")
	}
	return ecs.Instance{ID: at.Address + ".instance_id", DHCP: opts.InstanceDHCP}
}

// A quotaOrder is the attachments onto each instance and the order Terraform applies
// them in, worked out once per instance.
type quotaOrder struct {
	onto  map[Key][]*Attachment
	ranks map[Key][]int
}

// before returns the ENIs of the attachments onto at's instance that are applied
// before at; none for an attachment whose instance is not resolved, whose quota is
// undecided anyway.
func (q *quotaOrder) before(m *Model, at *Attachment) []eni.ID {
	others := q.onto[at.Instance]
	ranks, ok := q.ranks[at.Instance]
	if !ok {
		ranks = m.applyRanks(len(others), func(i int) string { return others[i].Address },
			func(i int) string { return configOnce(others[i].Address, &others[i].config) },
			func(i int) bool { return !others[i].Planned })
		q.ranks[at.Instance] = ranks
	}
	mine := len(others)
	if i := slices.Index(others, at); i >= 0 {
		mine = ranks[i]
	}
	var out []eni.ID
	for i, x := range others {
		if ranks[i] < mine {
			out = append(out, eni.ID(cmp.Or(x.ENI, Key(x.Address))))
		}
	}
	return out
}

// blockFindings files the findings of an instance's own network_interfaces block under
// the instance's resource type.
func blockFindings(at *Attachment, fs []Finding) []Finding {
	if at.Block {
		for i := range fs {
			fs[i].ResourceType = TypeInstance
		}
	}
	return fs
}

// runInstanceBlocks checks the ENIs a planned instance attaches through its own
// network_interfaces blocks, when it is made, as attachments onto it: each with the
// primary ENI and the blocks before it. The plan keeps a block's ENI as an ID only, so
// what the rules need of that ENI (placement, addresses, the EIPs it carries) is
// unknown, and only the rules on the instance (its ENI quota) are decided.
func runInstanceBlocks(m *Model, opts Options, perInstance map[Key][]eni.ID, anyInstance string) []Finding {
	var out []Finding
	for _, key := range slices.Sorted(maps.Keys(m.Instances)) {
		blocks := perInstance[key]
		for i, id := range blocks {
			n := m.ENIs[Key(id)]
			if n == nil || !n.AttachedInPlan {
				continue
			}
			k := knowledge{}
			k.reasons = map[eipassoc.Fact]string{
				eipassoc.FactDHCP: "whether DHCP is enabled in " + string(key) +
					"'s OS is not in the plan (the API does not report it either)",
			}
			k.mark(
				"the plan gives the ENI of "+string(n.Key)+
					" by ID only, so its placement, addresses and EIPs are not known",
				eipassoc.FactENIPlacement,
				eipassoc.FactENIRegion,
				eipassoc.FactENIAddresses,
				eipassoc.FactENIAddressCount,
				eipassoc.FactBound,
			)
			if anyInstance != "" {
				k.mark(anyInstance, eipassoc.FactInstanceENIs)
			}
			req := eipassoc.AttachRequest{
				ENI:      eni.Interface{ID: id, Kind: eni.Secondary, Status: eni.Available},
				Instance: m.instanceFor(key, opts, &k),
			}
			req.Instance.ENIs = append([]eni.ID{"primary"}, blocks[:i]...)
			at := &Attachment{Address: string(n.Key), Instance: key, Planned: true}
			for _, f := range decideAttachment(at, nil, req, &k, opts, nil) {
				f.ResourceType = TypeInstance
				out = append(out, f)
			}
		}
	}
	return out
}

// decideAttachment asks CanAttach about one planned attachment, n its ENI (nil when
// not resolved), with the EIPs the ENI carries, and turns the decision into findings.
func decideAttachment(
	at *Attachment,
	n *ENI,
	req eipassoc.AttachRequest,
	k *knowledge,
	opts Options,
	byTarget map[Key][]*Association,
) []Finding {
	if n != nil {
		for _, a := range byTarget[n.Key] {
			req.Bound = append(
				req.Bound,
				eipassoc.Binding{EIP: eip.ID(a.Address), Mode: cmp.Or(modeOf(a), modes.NAT), PrivateIP: a.PrivateIP},
			)
		}
		if !n.Known {
			k.mark(
				"ENI "+n.ID+" is not managed by this plan, so the EIPs already bound to it are unknown (check with "+
					"-live)",
				eipassoc.FactBound,
			)
		}
	}
	req.Unknown = k.facts
	d := eipassoc.CanAttach(req)
	var out []Finding
	for _, v := range d.Violations {
		msg := v.Message
		if reads(v.Code, eipassoc.FactBound) && len(req.Bound) > 0 {
			msg += " (" + string(n.Key) + " carries " + boundNames(req.Bound) + ")"
		}
		f := finding(at.Address, "", TypeAttach, Location{}, v.Code, LevelError, StatusFail, msg, v.APICode)
		f.Fix = cmp.Or(v.Fix, f.Fix)
		out = append(out, f)
	}
	for _, msg := range k.explain(d.Undecided) {
		f := finding(at.Address, "", TypeAttach, Location{}, CodeUnknown, "", "", msg, "")
		if f, ok := unknownFinding(opts.Unknown, f); ok {
			out = append(out, f)
		}
	}
	return out
}

// A plannedAttach is what attaches an ENI in the plan: an attachment resource, or an
// instance whose network_interfaces block attaches it when the instance is made.
type plannedAttach struct {
	address string // the attachment's address, or the instance's for a block
	block   bool
}

// plannedAttachments maps each ENI a planned attachment attaches to what attaches it,
// the first in address order, built once per Run.
func plannedAttachments(m *Model) map[Key]plannedAttach {
	out := map[Key]plannedAttach{}
	for _, at := range m.Attachments {
		if _, ok := out[at.ENI]; at.Planned && at.ENI != "" && !ok {
			out[at.ENI] = plannedAttach{address: at.Address}
			if at.Block {
				out[at.ENI] = plannedAttach{address: string(at.Instance), block: true} // attached when the instance is made
			}
		}
	}
	return out
}

// reads reports whether rule c reads fact f.
func reads(c eipassoc.Code, f eipassoc.Fact) bool {
	r, ok := c.Rule()
	return ok && r.Reads.Has(f)
}

// boundNames lists the resources behind bindings, for a message.
func boundNames(bound []eipassoc.Binding) string {
	names := make([]string, len(bound))
	for i, b := range bound {
		names[i] = string(b.EIP) + " (" + b.Mode.String() + ")"
	}
	return strings.Join(names, ", ")
}
