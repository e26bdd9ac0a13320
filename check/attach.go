package check

import (
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// runAttachments checks every planned ENI attachment of m with eipassoc.CanAttach: the
// ENI, as it is before the attachment, with the EIPs it carries, onto the instance with
// its primary ENI and the attachments before this one (in address order). What the plan
// does not know (an instance type known after apply, a vSwitch outside the plan, DHCP)
// is marked unknown, and the rules that need it become plan-value-unknown findings.
func runAttachments(m *Model, opts Options, byTarget map[string][]*Association) []Finding {
	perInstance := map[string][]eni.ID{}
	var out []Finding
	for _, at := range m.Attachments {
		perInstance[at.Instance] = append(perInstance[at.Instance], eni.ID(at.ENI))
		if !at.Planned {
			continue
		}
		n := m.ENIs[at.ENI]
		if n == nil {
			if f, ok := unknownFinding(opts.Unknown, finding(at.Address, "", TypeAttach, Location{}, CodeUnknown, "", "", "cannot tell which ENI the attachment names", "")); ok {
				out = append(out, f)
			}
			continue
		}
		k := knowledge{}
		k.reasons = map[eipassoc.Fact]string{eipassoc.FactDHCP: "whether DHCP is enabled in " + at.Instance + "'s OS is not in the plan (the API does not report it either)"}
		req := eipassoc.AttachRequest{ENI: m.eniFor(n, "", &k), Instance: m.instanceFor(at.Instance, opts, &k)}
		req.ENI.Status, req.ENI.Instance = eni.Available, "" // as it is before this attachment
		if req.ENI.Zone == "" {
			k.mark("the zone of "+n.Key+" is not in the plan (its vSwitch is not)", eipassoc.FactENIPlacement)
		}
		if req.ENI.Region == "" {
			k.mark("the region of "+n.Key+" is not in the plan", eipassoc.FactENIRegion)
		}
		k.count(n, &req.PrivateIPCount)
		before := perInstance[at.Instance]
		req.Instance.ENIs = append([]eni.ID{"primary"}, before[:len(before)-1]...)
		for _, a := range byTarget[n.Key] {
			req.Bound = append(req.Bound, eipassoc.Binding{EIP: eip.ID(a.Address), Mode: cmpOr(modeOf(a), modes.NAT), PrivateIP: a.PrivateIP})
		}
		if !n.Known {
			k.mark("ENI "+n.ID+" is not managed by this plan, so the EIPs already bound to it are unknown (check with -live)", eipassoc.FactBound)
		}
		req.Unknown = k.facts
		d := eipassoc.CanAttach(req)
		for _, v := range d.Violations {
			msg := v.Message
			if reads(v.Code, eipassoc.FactBound) && len(req.Bound) > 0 {
				msg += " (" + n.Key + " carries " + boundNames(req.Bound) + ")"
			}
			out = append(out, finding(at.Address, "", TypeAttach, Location{}, v.Code, LevelError, StatusFail, msg, v.APICode))
		}
		for _, msg := range k.explain(d.Undecided) {
			if f, ok := unknownFinding(opts.Unknown, finding(at.Address, "", TypeAttach, Location{}, CodeUnknown, "", "", msg, "")); ok {
				out = append(out, f)
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
