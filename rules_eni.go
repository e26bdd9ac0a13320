package eipassoc

import (
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/english"
	"github.com/eipassoc/eipassoc/modes"
)

// Codes of the rules on the ENI: its identity, kind, capacity, addresses, attachment, network and status.
const (
	CodeENIInvalid         Code = "eni-invalid"
	CodeENIKindUnsupported Code = "eni-kind-unsupported"
	CodeENICapacity        Code = "eni-capacity"
	CodeENIHasSecondaryIPs Code = "eni-has-secondary-ips"
	CodeENIAttached        Code = "eni-attached"
	CodeENINotInVPC        Code = "eni-not-in-vpc"
	CodeENIStatus          Code = "eni-status"
)

var ruleENIInvalid = Rule{
	Code:     CodeENIInvalid,
	Severity: Deny,
	Summary:  "The request names an ENI with an ID and a valid kind, and, to attach, its zone and VPC.",
	Source:   thisLibrary,
	APICodes: []string{"InvalidInstanId.NotFound"},
	Fix:      "Fill in the ENI's ID, kind, zone and VPC as DescribeNetworkInterfaces reports them.",
	Reads:    FactsOf(FactTarget, FactPrivateIP, FactENIAddressCount, FactENIPlacement),
}

var ruleENIKindUnsupported = Rule{
	Code:     CodeENIKindUnsupported,
	Severity: Deny,
	Summary: "The mode can target the ENI's kind (NAT: primary and secondary; cut-through and multi-EIP-to-ENI: " +
		"secondary only); only secondary ENIs are attached.",
	Source:   docModes + ", Types of ENIs",
	APICodes: []string{"Invalid.DirectEip.BindType", "InvalidOperation.InvalidEniType"},
	Fix:      "Use a secondary ENI, or NAT mode for a primary ENI.",
	Reads:    FactsOf(FactMode),
}

var ruleENICapacity = Rule{
	Code:     CodeENICapacity,
	Severity: Deny,
	Summary: "The ENI has room for one more EIP in the mode (primary ENI: 1 in NAT; secondary: one per private IP " +
		"in NAT, 1 in cut-through, 10 in multi-EIP-to-ENI).",
	Source:   docModes + ", maximum number of EIPs",
	APICodes: []string{"InvalidEip.EipQuotaExceeded", "QuotaExceed.MultiBindedEip", "InvalidAssociation.Duplicated"},
	Fix:      "Add a private IP (NAT), use another ENI, or disassociate an EIP first.",
	Reads:    FactsOf(FactMode, FactBound, FactENIAddressCount),
}

var ruleENIHasSecondaryIPs = Rule{
	Code:     CodeENIHasSecondaryIPs,
	Severity: Deny,
	Summary:  "In cut-through mode the ENI has no secondary private IPs.",
	Source:   apiAssoc + " errors",
	APICodes: []string{"Eni.HasSubIp", "OperationFailed.EniSubIp"},
	Fix:      "Unassign the ENI's secondary private IPs, or use NAT mode.",
	Reads:    FactsOf(FactMode, FactENIAddressCount),
}

var ruleENIAttached = Rule{
	Code:     CodeENIAttached,
	Severity: Deny,
	Summary: "A secondary ENI is not attached to an ECS instance when an EIP is associated (documented for every " +
		"mode; the API enforces it for cut-through and accepts NAT on attached ENIs), nor when a cut-through EIP is " +
		"disassociated.",
	Source:   docPrereq + "; " + apiAssoc + " errors",
	APICodes: []string{"Eni.Attached"},
	Fix: "Detach the ENI, associate the EIP, then attach the ENI again; or, for NAT, choose the observed API " +
		"behaviour.",
	Reads: FactsOf(FactMode, FactEIPStatus, FactENIStatus, FactENIAttachment),
}

var ruleENINotInVPC = Rule{
	Code:     CodeENINotInVPC,
	Severity: Deny,
	Summary:  "The ENI is in a VPC.",
	Source:   docPrereq,
	APICodes: []string{"OperationDenied"},
	Fix:      "Use an ENI created in a VPC.",
	Reads:    FactsOf(FactENIPlacement),
}

var ruleENIStatus = Rule{
	Code:     CodeENIStatus,
	Severity: Deny,
	Summary: "The ENI is in a status that allows the operation (associate: Available, or InUse when attached; " +
		"attach: Available).",
	Source:   apiAssoc + " and " + apiAttach + " errors",
	APICodes: []string{"InvalidStatus.EniStatusNotSupport", "InvalidOperation.InvalidEniState"},
	Fix:      "Wait until the ENI leaves its transitional status.",
	Reads:    FactsOf(FactENIStatus, FactENIAttachment),
}

// checkENIIdentity applies the rules on the ENI's identity, VPC and status.
func checkENIIdentity(d *Decision, n *eni.Interface, u Facts) {
	if n.ID == "" {
		d.deny(CodeENIInvalid, subj{kind: "eni.id"}, "the ENI has no ID", "")
	}
	if !n.Kind.IsValid() {
		d.deny(
			CodeENIInvalid,
			subj{kind: "eni.kind"},
			"the kind of "+eniName(string(n.ID))+" is unknown; it must be Primary, Secondary, Trunk or Member",
			"",
		)
	}
	s := subj{kind: "eni", id: string(n.ID)}
	if d.needs(u, FactENIPlacement.set(), CodeENINotInVPC, s) && n.VPC == "" {
		d.deny(CodeENINotInVPC, s, eniName(string(n.ID))+" is not in a VPC (its VPC ID is empty)", "")
	}
	if !d.needs(u, FactENIStatus.set(), CodeENIStatus, s) {
		return
	}
	switch n.Status {
	case eni.Available, eni.InUse:
	case 0:
		d.deny(CodeENIStatus, s, "the status of "+eniName(string(n.ID))+" is unknown; it must be Available", "")
	default:
		d.deny(CodeENIStatus, s, eniName(string(n.ID))+" is "+statusText(n.Status)+"; wait until it is Available", "")
	}
}

// checkTarget applies the rule that an ECS instance target is reached through the
// instance's primary ENI.
func checkTarget(d *Decision, r *Request) {
	if !d.needs(r.Unknown, FactTarget.set(), CodeENIInvalid, subj{kind: "target"}) {
		return
	}
	switch r.Target {
	case 0, eip.NetworkInterface:
		return
	case eip.EcsInstance:
		if r.ENI.Kind != eni.Primary {
			d.deny(
				CodeENIInvalid,
				subj{kind: "target"},
				"an EcsInstance target is reached through the instance's primary ENI, and "+eniName(
					string(r.ENI.ID),
				)+" is a "+spelled(r.ENI.Kind)+" ENI",
				"",
			)
		}
	default:
		d.deny(
			CodeENIInvalid,
			subj{kind: "target"},
			"the target of "+eipName(string(r.EIP.ID))+" is "+spelled(r.Target)+
				"; the association rules cover NetworkInterface and EcsInstance targets",
			"InvalidInstanceType.ValueNotSupported",
		)
	}
}

// checkKindAndCapacity applies the ENI-kind rule and the per-mode capacity rule.
func checkKindAndCapacity(d *Decision, r *Request, p *modes.Properties) {
	var capacity modes.Capacity
	switch r.ENI.Kind {
	case eni.Primary:
		capacity = p.PrimaryENI
	case eni.Secondary:
		capacity = p.SecondaryENI
	}
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	if !capacity.Allows() {
		d.deny(
			CodeENIKindUnsupported,
			s,
			p.Name+" cannot target "+eniName(string(r.ENI.ID))+", a "+spelled(r.ENI.Kind)+" ENI",
			kindAPICode(r.Mode, r.ENI.Kind),
		)
		return
	}
	if capacity.PerPrivateIP && !d.needs(r.Unknown, FactENIAddressCount.set(), CodeENICapacity, s) {
		return
	}
	limit := capacity.Limit(ipCount(&r.ENI, r.Unknown, r.PrivateIPCount))
	if len(r.Bound) < limit {
		d.needs(r.Unknown, FactBound.set(), CodeENICapacity, s) // more may be bound than listed
		return
	}
	api := ""
	switch r.Mode {
	case modes.MultiBinded:
		api = "QuotaExceed.MultiBindedEip"
	case modes.Binded:
		api = "InvalidAssociation.Duplicated"
	}
	msg := eniName(string(r.ENI.ID)) + " carries " + english.Count(len(r.Bound), "EIP") + boundList(r.Bound) +
		" and takes at most " + strconv.Itoa(limit) + " in " + p.Name
	v := d.deny(CodeENICapacity, s, msg, api)
	v.Capacity = &Capacity{Limit: limit, Used: len(r.Bound)}
	v.Fix = capacityFix(r, p)
}

// kindAPICode predicts the API's answer to a mode on an ENI kind it cannot target. Only
// cut-through has a documented code (Invalid.DirectEip.BindType, "The direct eip can be
// only associated with eni"); no public source gives the others.
func kindAPICode(m modes.Mode, k eni.Kind) string {
	if m == modes.Binded && k == eni.Primary {
		return "Invalid.DirectEip.BindType"
	}
	return noAPICode
}

// normalize completes a set of unknown facts: the addresses are unknown when their
// number is, and their number is unknown when the addresses are and no count is given.
func normalize(u Facts, count int) Facts {
	if u.Has(FactENIAddressCount) {
		u = u.With(FactENIAddresses)
	}
	if u.Has(FactENIAddresses) && count <= 0 {
		u = u.With(FactENIAddressCount)
	}
	return u
}

// checkAttachment applies the prerequisite that a secondary ENI is detached when the
// mode's properties require it, relaxed for NAT mode under the Observed behaviour.
func checkAttachment(d *Decision, r *Request, p *modes.Properties) {
	if r.ENI.Kind == eni.Primary || !p.DetachedENIRequired {
		return
	}
	lax := r.Mode == modes.NAT && r.Behaviour == Observed
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	if lax {
		if !r.Unknown.Has(FactENIAttachment) && !r.Unknown.Has(FactENIStatus) && r.ENI.Attached() {
			d.Advisories.add(AdviseNATAttachedENI)
		}
		return
	}
	if !d.needs(r.Unknown, (FactENIAttachment.set()|FactENIStatus.set()), CodeENIAttached, s) || !r.ENI.Attached() {
		return
	}
	name, on := eniName(string(r.ENI.ID)), attachedTo(r.ENI.Instance)
	v := d.deny(
		CodeENIAttached,
		s,
		name+" is attached to "+on+"; detach it before associating "+eipName(string(r.EIP.ID))+" in "+p.Name,
		"",
	)
	v.Fix = "Detach " + name + " from " + on + " (DetachNetworkInterface), associate " + eipName(string(r.EIP.ID)) +
		", then attach it again."
	if r.Mode == modes.NAT {
		v.Fix += " The API is observed to accept NAT associations on attached ENIs: choose the observed " +
			"behaviour if your account's NAT associations on attached ENIs succeed."
	} else {
		v.Fix += " The API refuses " + p.Name + " associations on attached ENIs (Eni.Attached) whatever the " +
			"behaviour chosen."
	}
}

// boundList lists the EIPs an ENI carries, for a message: " (eip-1, eip-2)", or "" for
// none.
func boundList(bound []Binding) string {
	if len(bound) == 0 {
		return ""
	}
	ids := make([]string, len(bound))
	for i := range bound {
		ids[i] = string(bound[i].EIP)
	}
	return " (" + strings.Join(ids, ", ") + ")"
}

// capacityFix says how to make room for the request's EIP on its ENI, in its mode.
func capacityFix(r *Request, p *modes.Properties) string {
	name := eniName(string(r.ENI.ID))
	switch {
	case r.ENI.Kind == eni.Secondary && p.SecondaryENI.PerPrivateIP:
		return "Assign " + name + " another secondary private IP and map the EIP to it (private_ip_address), " +
			"use another ENI, or disassociate one of its EIPs first."
	case r.ENI.Kind == eni.Primary:
		return "A primary ENI takes one EIP: use a secondary ENI, or disassociate the EIP it carries first."
	}
	return "Use another secondary ENI (" + name + " takes no more in " + p.Name + "), or disassociate one of " +
		"its EIPs first."
}
