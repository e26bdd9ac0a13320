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
	// Unknown marks the facts the caller does not know: FactEIPStatus (status, locks
	// and association) and FactENIAttachment are read.
	Unknown Facts `json:"unknown,omitzero"`
}

// CanUnassociate decides whether c.EIP can be disassociated: it is InUse and unlocked,
// and the ENI of an EIP in a mode that needs a detached ENI (cut-through, whose
// disassociation the API refuses with Eni.Attached) is not attached to an instance. Like
// [CanAssociate] it is pure, lists every violation and reports undecided rules.
func CanUnassociate(c UnassociateCheck) Decision {
	var d Decision
	a, u := &c.EIP, c.Unknown
	if a.ID == "" {
		d.deny(CodeEIPInvalid, subj{kind: "eip.id"}, "the EIP has no allocation ID", "")
	}
	s := subj{kind: "eip", id: string(a.ID)}
	if d.needs(u, FactEIPStatus.set(), CodeEIPStatus, s) && a.Status != eip.InUse {
		d.deny(
			CodeEIPStatus,
			s,
			eipName(string(a.ID))+" is "+statusName(a.Status)+"; only an InUse EIP can be disassociated",
			"",
		)
	}
	if d.needs(u, FactEIPStatus.set(), CodeEIPLocked, s) {
		checkLocks(&d, a, s)
	} else {
		d.needs(u, FactEIPStatus.set(), CodeEIPFinancialLocked, s)
	}
	es := subj{kind: "eni", id: string(c.ENI.ID)}
	if d.needs(u, FactEIPStatus.set(), CodeENIAttached, es) && a.Association.Mode == modes.Binded &&
		c.ENI.Kind == eni.Secondary && d.needs(u, (FactENIAttachment.set()|FactENIStatus.set()), CodeENIAttached, es) &&
		c.ENI.Attached() {
		v := d.deny(
			CodeENIAttached,
			es,
			"cut-through "+eniName(string(c.ENI.ID))+" is attached to "+attachedTo(c.ENI.Instance)+
				"; detach it before disassociating "+eipName(string(a.ID)),
			"",
		)
		v.Fix = "Detach " + eniName(string(c.ENI.ID)) + " from " + attachedTo(c.ENI.Instance) +
			" (DetachNetworkInterface), then disassociate " + eipName(string(a.ID)) + "."
	}
	d.Advisories.add(AdviseRetentionCost)
	d.finish(func() names { return names{eip: string(c.EIP.ID), eni: string(c.ENI.ID), instance: c.ENI.Instance} })
	return d
}

func statusName(s eip.Status) string {
	if !s.IsValid() {
		return "in an unknown status"
	}
	return s.String()
}
