package eipassoc

import (
	"github.com/eipassoc/eipassoc/modes"
)

// CanAssociate decides whether r.EIP can be associated with r.ENI in r.Mode. It is pure:
// no I/O, no clock, the same answer for the same Request. Bad or missing input becomes a
// violation (eip-invalid, eni-invalid, mode-invalid, region-unknown), never a panic.
// Every rule is checked, so a denied Decision lists all the reasons at once; a rule that
// needs a fact marked in r.Unknown is reported undecided instead. The root package
// documentation lists the rules with their sources.
//
// On the allowed path CanAssociate allocates nothing.
func CanAssociate(r Request) Decision {
	var d Decision
	canAssociate(&d, &r, propertiesOf(r.Mode))
	return d
}

// modeProperties holds each mode's properties, read once from package modes (their one
// home), so that CanAssociate points at them instead of copying them on every call.
var modeProperties = func() (all [modes.MultiBinded + 1]modes.Properties) {
	for m := range all {
		all[m] = modes.Mode(m).Properties()
	}
	return all
}()

// propertiesOf returns the properties of m: the zero Properties for an invalid mode, as
// [modes.Mode.Properties] gives. The caller must not change them.
func propertiesOf(m modes.Mode) *modes.Properties {
	if int(m) >= len(modeProperties) {
		return &modeProperties[0]
	}
	return &modeProperties[m]
}

// canAssociate applies the rules to d with the mode's properties p, the data the rules
// read. It fills in d, rather than returning a Decision, to save a copy on every call.
func canAssociate(d *Decision, r *Request, p *modes.Properties) {
	r.Unknown = normalize(r.Unknown, r.PrivateIPCount)
	u := r.Unknown
	modeKnown := d.needs(u, FactMode.set(), CodeModeInvalid, subj{kind: "mode"})
	if modeKnown && !r.Mode.IsValid() {
		d.deny(
			CodeModeInvalid,
			subj{kind: "mode"},
			"the mode of "+eipName(string(r.EIP.ID))+" on "+eniName(string(r.ENI.ID))+" is "+spelled(r.Mode)+
				"; it must be NAT, BINDED or MULTI_BINDED",
			"",
		)
	}
	checkEIP(d, &r.EIP, u)
	checkENIIdentity(d, &r.ENI, u)
	checkTarget(d, r)
	checkBindingModes(d, r.Bound)
	checkAssociateRegions(d, r, p)
	checkPrivateIPOnENI(d, r)
	if !modeKnown {
		for _, c := range modeRules {
			d.needs(u, FactMode.set(), c, subj{kind: "eni", id: string(r.ENI.ID)})
		}
	} else if r.Mode.IsValid() && r.ENI.Kind.IsValid() {
		checkKindAndCapacity(d, r, p)
		checkPrivateIP(d, r, p)
		checkModeConflict(d, r)
		checkAttachment(d, r, p)
		checkAllowlist(d, r, p)
	}
	addAssociateAdvisories(d, r, p)
	d.finish(func() names { return names{eip: string(r.EIP.ID), eni: string(r.ENI.ID), instance: r.ENI.Instance} })
}

// modeRules are the deny rules that read the mode (their Reads hold FactMode), in the
// order of the rules list, besides mode-invalid and mode-region-unsupported, which
// judge the mode itself: with the mode unknown they are undecided.
var modeRules = func() []Code {
	var out []Code
	for _, r := range rules {
		if r.Severity == Deny && r.Reads.Has(FactMode) && r.Code != CodeModeInvalid && r.Code != CodeModeRegionUnsupported {
			out = append(out, r.Code)
		}
	}
	return out
}()
