package eipassoc

import "github.com/eipassoc/eipassoc/modes"

// Codes of the rules on the association mode: its spelling, its regions, one mode per ENI, the allowlist.
const (
	CodeModeInvalid           Code = "mode-invalid"
	CodeModeRegionUnsupported Code = "mode-region-unsupported"
	CodeModeConflict          Code = "mode-conflict"
	CodeModeNotAllowlisted    Code = "mode-not-allowlisted"
)

var ruleModeInvalid = Rule{
	Code:     CodeModeInvalid,
	Severity: Deny,
	Summary:  "The mode is NAT, BINDED or MULTI_BINDED.",
	Source:   apiAssoc + " parameter Mode",
	APICodes: []string{"IllegalParam.Mode"},
	Fix:      "Use NAT, BINDED (cut-through) or MULTI_BINDED (multi-EIP-to-ENI).",
	Reads:    FactsOf(FactMode),
}

var ruleModeRegionUnsupported = Rule{
	Code:     CodeModeRegionUnsupported,
	Severity: Deny,
	Summary:  "The mode is offered in the region.",
	Source:   docRegions,
	Fix:      "Use NAT mode, which every region offers, or a region that offers the mode.",
	Reads:    FactsOf(FactMode, FactENIRegion),
}

var ruleModeConflict = Rule{
	Code:     CodeModeConflict,
	Severity: Deny,
	Summary:  "All EIPs on one ENI use the same mode.",
	Source:   apiAssoc + " errors",
	APICodes: []string{"Mode.Conflict", "OperationFailed.EipBindModeConflict"},
	Fix:      "Use the mode the ENI's EIPs already use, or disassociate them first.",
	Reads:    FactsOf(FactMode, FactBound),
}

var ruleModeNotAllowlisted = Rule{
	Code:     CodeModeNotAllowlisted,
	Severity: Deny,
	Summary:  "Multi-EIP-to-ENI mode is used only by allowlisted accounts; it accepts no new applications.",
	Source:   docMulti + "; " + apiAssoc + " errors",
	APICodes: []string{"Mode.NotSupport"},
	Fix:      "Use NAT mode; multi-EIP-to-ENI mode is closed to new accounts.",
	Reads:    FactsOf(FactMode, FactAllowlist),
}

// checkBindingModes applies the rule that every listed bound EIP has a valid mode: the
// zero Mode is invalid here too, so an unset field never silently means NAT. Bindings
// that are not listed are the API's, whose modes are always valid, so they leave
// nothing undecided.
func checkBindingModes(d *Decision, bound []Binding) {
	for i := range bound {
		if !bound[i].Mode.IsValid() {
			d.deny(
				CodeModeInvalid,
				subj{kind: "bound", id: string(bound[i].EIP)},
				"bound "+eipName(string(bound[i].EIP))+" has the mode "+spelled(
					bound[i].Mode,
				)+"; use NAT, BINDED or MULTI_BINDED (BindingOf fills in NAT)",
				noAPICode,
			)
		}
	}
}

// checkModeConflict applies the rule that one ENI carries EIPs of one mode only.
func checkModeConflict(d *Decision, r *Request) {
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	mode := r.Mode
	for i := range r.Bound {
		m := r.Bound[i].Mode
		if m == mode || !m.IsValid() {
			continue
		}
		api := "Mode.Conflict"
		if (m == modes.NAT && r.Mode == modes.MultiBinded) || (m == modes.MultiBinded && r.Mode == modes.NAT) {
			api = "OperationFailed.EipBindModeConflict"
		}
		d.deny(
			CodeModeConflict,
			s,
			eniName(string(r.ENI.ID))+" already carries "+eipName(string(r.Bound[i].EIP))+" in "+m.Properties().Name+
				"; it cannot also take "+eipName(string(r.EIP.ID))+" in "+r.Mode.Properties().Name,
			api,
		)
		return
	}
	d.needs(r.Unknown, FactBound.set(), CodeModeConflict, s) // more may be bound than listed
}

// checkAllowlist applies the rule that a mode closed to new applications is used only by
// allowlisted accounts.
func checkAllowlist(d *Decision, r *Request, p *modes.Properties) {
	if p.AcceptsNewApplications ||
		!d.needs(r.Unknown, FactAllowlist.set(), CodeModeNotAllowlisted, subj{kind: "account"}) ||
		r.Account.MultiBindedAllowed {
		return
	}
	d.deny(
		CodeModeNotAllowlisted,
		subj{kind: "account"},
		"the account is not allowlisted for "+p.Name+", which accepts no new applications, so "+
			eipName(string(r.EIP.ID))+" cannot be associated with "+eniName(string(r.ENI.ID))+" in it",
		"",
	)
}
