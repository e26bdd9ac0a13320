package check

import (
	"cmp"
	"maps"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// runChanged re-checks what existing associations and attachments rest on when the
// plan changes it: an instance whose type changes (the rules that read the instance
// type, for every ENI attached to it with the EIPs it carries) and an ENI whose
// private addresses change (the rules that read the ENI's addresses, for every
// existing association on it). The finding blames the changed resource and names the
// existing ones involved. Planned associations and attachments are checked as such.
func runChanged(m *Model, opts Options, byTarget map[Key][]*Association) []Finding {
	var out []Finding
	for _, key := range slices.Sorted(maps.Keys(m.Instances)) {
		in := m.Instances[key]
		if in.TypeBefore == "" {
			continue
		}
		for _, nkey := range slices.Sorted(maps.Keys(m.ENIs)) {
			n := m.ENIs[nkey]
			if n.Instance != key || n.Kind == eni.Primary || n.AttachedInPlan || len(byTarget[nkey]) == 0 {
				continue
			}
			out = append(out, recheckAttachment(m, opts, in, n, byTarget[nkey])...)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(m.ENIs)) {
		n := m.ENIs[key]
		if n.IPCountBefore == 0 {
			continue
		}
		for _, a := range byTarget[key] {
			if a.Planned {
				continue // checked as a planned association, with the new addresses
			}
			c := &checker{m: m, a: a, opts: opts, cache: &runCache{oneOf: map[string]eipSummary{}},
				blame: &blame{address: n.Address, resourceType: TypeENI,
					prefix: "the plan changes the private addresses of " + string(n.Key) + " from " +
						strconv.Itoa(n.IPCountBefore) + " to " + strconv.Itoa(n.IPCount) + ", under " + a.Address +
						": ",
					only: []eipassoc.Fact{eipassoc.FactENIAddresses, eipassoc.FactENIAddressCount}}}
			c.decide(n, byTarget[key])
			out = append(out, c.out...)
		}
	}
	return out
}

// recheckAttachment asks CanAttach about ENI n, with the EIPs it carries, on instance in
// with its new type, and keeps the rules that read the instance type.
func recheckAttachment(m *Model, opts Options, in *Instance, n *ENI, assocs []*Association) []Finding {
	k := knowledge{}
	k.reasons = map[eipassoc.Fact]string{
		eipassoc.FactDHCP: "whether DHCP is enabled in " + string(in.Key) +
			"'s OS is not in the plan (the API does not report it either)",
	}
	req := eipassoc.AttachRequest{ENI: m.eniFor(n, in.Region, &k), Instance: m.instanceFor(in.Key, opts, &k)}
	req.ENI.Status, req.ENI.Instance = eni.Available, ""
	k.count(n, &req.PrivateIPCount)
	for _, a := range assocs {
		mode := modeOf(a)
		if mode == 0 {
			mode = modes.NAT
		}
		req.Bound = append(req.Bound, eipassoc.Binding{EIP: eip.ID(a.Address), Mode: mode, PrivateIP: a.PrivateIP})
	}
	if !n.Known {
		k.mark(
			"ENI "+n.ID+" is not managed by this plan, so the EIPs already bound to it are unknown (check with -live)",
			eipassoc.FactBound,
		)
	}
	req.Unknown = k.facts
	d := eipassoc.CanAttach(req)
	prefix := "the plan changes the type of " + string(in.Key) + " from " + in.TypeBefore + " to " + in.Type +
		", which has " + string(n.Key) + " attached, carrying " + boundNames(
		req.Bound,
	) + ": "
	module := ""
	if a, ok := parseInstanceAddress(in.Address); ok {
		module = a.instance
	}
	var out []Finding
	for _, v := range d.Violations {
		if reads(v.Code, eipassoc.FactInstanceType) && v.Code != eipassoc.CodeInstanceENIQuota {
			f := finding(in.Address, module, TypeInstance, Location{}, v.Code, LevelError, StatusFail,
				prefix+v.Message, v.APICode)
			f.Fix = cmp.Or(v.Fix, f.Fix)
			out = append(out, f)
		}
	}
	var undecided []eipassoc.UndecidedRule
	for _, u := range d.Undecided {
		if reads(u.Code, eipassoc.FactInstanceType) && u.Code != eipassoc.CodeInstanceENIQuota ||
			u.Code == eipassoc.CodeInstanceDHCPDisabled {
			undecided = append(undecided, u)
		}
	}
	for _, msg := range k.explain(undecided) {
		f := finding(in.Address, module, TypeInstance, Location{}, CodeUnknown, "", "", prefix+msg, "")
		if f, ok := unknownFinding(opts.Unknown, f); ok {
			out = append(out, f)
		}
	}
	return out
}
