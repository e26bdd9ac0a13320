package eipassoc

import (
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// An UnassociateCheck asks whether an EIP can be disassociated from what it is
// associated with.
type UnassociateCheck struct {
	// EIP is the address, as DescribeEipAddresses reports it.
	EIP eip.Address `json:"eip"`
	// ENI is the ENI the EIP is associated with, when it is associated with one; the
	// zero Interface otherwise.
	ENI eni.Interface `json:"eni,omitzero"`
}

// CanUnassociate decides whether c.EIP can be disassociated: it is InUse and unlocked,
// and a cut-through EIP's secondary ENI is not attached to an instance (the API answers
// Eni.Attached). Like [CanAssociate] it is pure and lists every violation.
func CanUnassociate(c UnassociateCheck) Decision {
	var d Decision
	a := &c.EIP
	if a.ID == "" {
		d.deny(CodeEIPInvalid, "eip.id", "the EIP has no allocation ID", "")
	}
	if a.Status != eip.InUse {
		d.deny(CodeEIPStatus, subject("eip", string(a.ID)), "the EIP is "+statusName(a.Status)+"; only an InUse EIP can be disassociated", "")
	}
	if a.HasLock(eip.Security) {
		d.deny(CodeEIPLocked, subject("eip", string(a.ID)), "the EIP is locked for a security reason", "")
	}
	if a.HasLock(eip.Financial) {
		d.deny(CodeEIPFinancialLocked, subject("eip", string(a.ID)), "the EIP is locked for overdue payment", "")
	}
	if a.Association.Mode == modes.Binded && c.ENI.Kind == eni.Secondary && c.ENI.Attached() {
		d.deny(CodeENIAttached, subject("eni", string(c.ENI.ID)), "the cut-through ENI is attached to an instance; detach it before disassociating its EIP", "")
	}
	d.Advisories.add(bitRetentionCost)
	d.finish()
	return d
}

func statusName(s eip.Status) string {
	if !s.IsValid() {
		return "in an unknown status"
	}
	return s.String()
}
