package eipassoc

import "github.com/eipassoc/eipassoc/eip"

// Codes of the rules on the EIP itself: its identity, status, locks and billing.
const (
	CodeEIPInvalid         Code = "eip-invalid"
	CodeEIPStatus          Code = "eip-status"
	CodeEIPLocked          Code = "eip-locked"
	CodeEIPFinancialLocked Code = "eip-financial-locked"
	CodeEIPPrepaidRelease  Code = "eip-prepaid-release"
)

var ruleEIPInvalid = Rule{
	Code:     CodeEIPInvalid,
	Severity: Deny,
	Summary:  "The request names an EIP: it has an allocation ID.",
	Source:   thisLibrary,
	APICodes: []string{"MissingParameter", "InvalidAllocationId.NotFound"},
	Fix:      "Fill in the EIP's allocation ID.",
}

var ruleEIPStatus = Rule{
	Code:     CodeEIPStatus,
	Severity: Deny,
	Summary: "The EIP is in the status the operation needs: Available (associated with nothing) to associate, InUse " +
		"to disassociate.",
	Source:   apiAssoc + " errors",
	APICodes: []string{"IncorrectEipStatus", "InvalidAssociation.Duplicated"},
	Fix:      "Disassociate the EIP first, or wait until it is Available.",
	Reads:    FactsOf(FactEIPStatus),
}

var ruleEIPLocked = Rule{
	Code:     CodeEIPLocked,
	Severity: Deny,
	Summary:  "The EIP carries no security lock.",
	Source:   apiAssoc + " errors",
	APICodes: []string{"InvalidEIPStatus.BizDisabled"},
	Fix:      "Resolve the lock with Alibaba Cloud support.",
	Reads:    FactsOf(FactEIPStatus),
}

var ruleEIPFinancialLocked = Rule{
	Code:     CodeEIPFinancialLocked,
	Severity: Deny,
	Summary:  "The EIP is not locked for overdue payment.",
	Source:   apiAssoc + " errors",
	APICodes: []string{"Forbidden.FinancialLocked"},
	Fix:      "Settle the overdue payment.",
	Reads:    FactsOf(FactEIPStatus),
}

var ruleEIPPrepaidRelease = Rule{
	Code:     CodeEIPPrepaidRelease,
	Severity: Deny,
	Summary: "Only a pay-as-you-go EIP is released through the API; a subscription EIP is released at the end of " +
		"its term.",
	Source:   "api: ReleaseEipAddress errors",
	APICodes: []string{"Forbidden.ChargeTypeIsPrepaid"},
	Fix:      "Let the subscription run out, or convert the EIP to pay-as-you-go first.",
	Reads:    FactsOf(FactEIPChargeType),
}

// checkEIP applies the rules on the EIP itself: identity, status and locks.
func checkEIP(d *Decision, a *eip.Address, u Facts) {
	if a.ID == "" {
		d.deny(CodeEIPInvalid, subj{kind: "eip.id"}, "the EIP has no allocation ID", "")
	}
	s := subj{kind: "eip", id: string(a.ID)}
	if !d.needs(u, FactEIPStatus.set(), CodeEIPStatus, s) {
		d.needs(u, FactEIPStatus.set(), CodeEIPLocked, s)
		d.needs(u, FactEIPStatus.set(), CodeEIPFinancialLocked, s)
		return
	}
	switch {
	case a.Status == eip.Available:
	case !a.Status.IsValid():
		d.deny(CodeEIPStatus, s, "the status of "+eipName(string(a.ID))+" is unknown; it must be Available", "")
	case a.Status == eip.InUse:
		d.deny(
			CodeEIPStatus,
			s,
			eipName(string(a.ID))+" is InUse: it is associated with "+describeAssociation(a.Association)+
				"; disassociate it first",
			"",
		)
	default:
		d.deny(CodeEIPStatus, s, eipName(string(a.ID))+" is "+a.Status.String()+"; it must be Available", "")
	}
	checkLocks(d, a, s)
}

// checkLocks applies the lock rules, which every operation on an EIP shares.
func checkLocks(d *Decision, a *eip.Address, s subj) {
	if a.HasLock(eip.Security) {
		d.deny(CodeEIPLocked, s, eipName(string(a.ID))+" is locked for a security reason", "")
	}
	if a.HasLock(eip.Financial) {
		d.deny(CodeEIPFinancialLocked, s, eipName(string(a.ID))+" is locked for overdue payment", "")
	}
}

func describeAssociation(a eip.Association) string {
	if a.IsZero() {
		return "another resource"
	}
	return spelled(a.InstanceType) + " " + a.InstanceID
}
