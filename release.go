package eipassoc

import (
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
)

// A ReleaseCheck asks whether an EIP can be released, and what releasing it does.
type ReleaseCheck struct {
	// EIP is the address, as DescribeEipAddresses reports it.
	EIP eip.Address `json:"eip"`
	// ENI is the ENI the EIP is associated with, if any: a subscription EIP reaches the
	// end of its term while still associated, and that release has consequences.
	ENI eni.Interface `json:"eni,omitzero"`
	// Unknown marks the facts the caller does not know: FactEIPStatus,
	// FactEIPChargeType and FactENIAttachment are read.
	Unknown Facts `json:"unknown,omitzero"`
}

// CanRelease decides whether c.EIP can be released with ReleaseEipAddress: it is
// Available (associated with nothing), pay-as-you-go (a subscription EIP is released at
// the end of its term, never by the API) and unlocked. It also carries the product
// documentation's cut-through warning, which applies at release: when a subscription
// EIP in cut-through mode is released while its secondary ENI is attached, the ENI's
// private network stays unavailable until the ENI is detached and attached again. Like
// [CanAssociate] it is pure and reports undecided rules.
func CanRelease(c ReleaseCheck) Decision {
	var d Decision
	a, u := &c.EIP, c.Unknown
	if a.ID == "" {
		d.deny(CodeEIPInvalid, subj{kind: "eip.id"}, "the EIP has no allocation ID", "")
	}
	s := subj{kind: "eip", id: string(a.ID)}
	if d.needs(u, FactEIPStatus.set(), CodeEIPStatus, s) {
		switch a.Status {
		case eip.Available:
		case eip.InUse:
			d.deny(
				CodeEIPStatus,
				s,
				eipName(string(a.ID))+" is InUse: it is associated with "+describeAssociation(
					a.Association,
				)+"; disassociate it before releasing it",
				"",
			)
		default:
			d.deny(
				CodeEIPStatus,
				s,
				eipName(string(a.ID))+" is "+statusName(a.Status)+"; only an Available EIP can be released",
				"",
			)
		}
		checkLocks(&d, a, s)
	} else {
		d.needs(u, FactEIPStatus.set(), CodeEIPLocked, s)
		d.needs(u, FactEIPStatus.set(), CodeEIPFinancialLocked, s)
	}
	if d.needs(u, FactEIPChargeType.set(), CodeEIPPrepaidRelease, s) && a.ChargeType != eip.PostPaid {
		d.deny(
			CodeEIPPrepaidRelease,
			s,
			eipName(string(a.ID))+" is "+chargeName(a.ChargeType)+
				"; only pay-as-you-go EIPs can be released through the API",
			"",
		)
	}
	// The warning holds unless the known facts rule it out: the EIP's mode keeps the
	// private network, the EIP is pay-as-you-go, or the ENI is not an attached secondary.
	losesPrivate := u.Has(FactEIPStatus) ||
		a.Association.Mode.IsValid() && !a.Association.Mode.Properties().KeepsPrivateNetwork
	prepaid := u.Has(FactEIPChargeType) || a.ChargeType == eip.PrePaid
	attached := c.ENI.Kind == eni.Secondary && (u.Has(FactENIAttachment) || c.ENI.Attached())
	if losesPrivate && prepaid && attached {
		d.Advisories.add(AdviseCutThroughSubscription)
	}
	d.finish(func() names { return names{eip: string(c.EIP.ID), eni: string(c.ENI.ID), instance: c.ENI.Instance} })
	return d
}

func chargeName(c eip.ChargeType) string {
	switch c {
	case eip.PrePaid:
		return "a subscription (PrePaid) EIP"
	case 0:
		return "of an unknown charge type"
	}
	return c.String()
}
