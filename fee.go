package eipassoc

import (
	"strconv"

	"github.com/eipassoc/eipassoc/eip"
)

// A FeeTarget is the kind of resource an EIP is associated with, as far as the
// configuration fee is concerned. The zero FeeTarget is invalid.
type FeeTarget uint8

// Fee targets.
const (
	_ FeeTarget = iota
	// FeeTargetECS is an ECS instance (the EIP sits on its primary ENI).
	FeeTargetECS
	// FeeTargetECI is an elastic container instance.
	FeeTargetECI
	// FeeTargetENI is an ECS instance reached through a secondary ENI, or the ENI itself.
	FeeTargetENI
	// FeeTargetOther is a NAT gateway, CLB instance, HAVIP or IP address.
	FeeTargetOther
)

// String returns "ecs", "eci", "eni", "other", or "FeeTarget(n)".
func (t FeeTarget) String() string {
	switch t {
	case FeeTargetECS:
		return "ecs"
	case FeeTargetECI:
		return "eci"
	case FeeTargetENI:
		return "eni"
	case FeeTargetOther:
		return "other"
	}
	return "FeeTarget(" + strconv.Itoa(int(t)) + ")"
}

// A FeeRequest describes an association for [ConfigurationFee].
type FeeRequest struct {
	// ChargeType is the EIP's billing method.
	ChargeType eip.ChargeType
	// Target is what the EIP is associated with.
	Target FeeTarget
	// InVPC reports whether the target is in a VPC.
	InVPC bool
	// AccountEIPs is how many EIPs the account owns; zero means unknown.
	AccountEIPs int
	// Unknown marks the facts the caller does not know: FactEIPChargeType,
	// FactAccountEIPs and FactENIPlacement (whether the target is in a VPC) are read.
	Unknown Facts
}

// A Fee says whether an EIP configuration fee applies, and why.
type Fee struct {
	// Charged reports whether the fee applies. When the answer rests on unknown facts
	// it is true, so that budgets fail safe.
	Charged bool `json:"charged"`
	// Decided is true when the answer is certain, false when it rests on the unknown
	// facts in Missing.
	Decided bool `json:"decided"`
	// Missing are the unknown facts that would decide the answer.
	Missing Facts `json:"missing,omitzero"`
	// Reason explains the answer for people.
	Reason string `json:"reason"`
	// Source names the rule's source.
	Source string `json:"source"`
}

// feeAccountThreshold is the number of EIPs an account may own and still pay no
// configuration fee for pay-as-you-go EIPs on ECS or ECI instances in a VPC.
const feeAccountThreshold = 2000

// ConfigurationFee applies the product documentation's FAQ on EIP configuration fees:
//   - a subscription (PrePaid) EIP pays none;
//   - a pay-as-you-go (PostPaid) EIP pays one, except when it is associated with an
//     elastic container instance or an ECS instance in a VPC while the account owns at
//     most 2,000 EIPs;
//   - an EIP associated with an ECS instance through an ENI always pays it.
//
// The 2,000-EIP condition appears only in the product documentation's FAQ; the API
// facts found no other public source for it. When a fact the answer needs is unknown
// (an invalid or unknown charge type, an unknown EIP count, an unknown VPC), the fee is
// reported charged and the Fee undecided, so that budgets fail safe: an unknown count
// never exempts.
func ConfigurationFee(r FeeRequest) Fee {
	o := &feeOutcomes[classifyFee(r.ChargeType, r.Target, r.InVPC, r.AccountEIPs, r.Unknown)]
	return Fee{Charged: o.charged, Decided: o.missing == 0, Missing: o.missing, Reason: o.reason, Source: docFAQFee}
}

// A feeCase is one branch of the FAQ's fee rule; feeOutcomes gives its answer.
type feeCase uint8

const (
	feeChargeTypeUnknown feeCase = iota
	feeSubscription
	feeThroughENI
	feeOtherTarget
	feePlacementUnknown
	feeOutsideVPC
	feeAccountEIPsUnknown
	feeWithinThreshold
	feeOverThreshold
)

// A feeOutcome is the answer for one feeCase. An outcome that rests on an unknown fact
// names it in missing and is charged, so that budgets fail safe.
type feeOutcome struct {
	charged bool
	missing Facts
	reason  string
}

var feeOutcomes = [...]feeOutcome{
	feeChargeTypeUnknown: {
		true,
		FactEIPChargeType.set(),
		"the charge type is unknown; a pay-as-you-go EIP would be charged",
	},
	feeSubscription: {false, 0, "subscription EIPs pay no configuration fee"},
	feeThroughENI:   {true, 0, "pay-as-you-go EIPs associated through an ENI are always charged"},
	feeOtherTarget:  {true, 0, "pay-as-you-go EIPs pay a configuration fee on this target"},
	feePlacementUnknown: {
		true,
		FactENIPlacement.set(),
		"whether the instance is in a VPC is unknown; outside a VPC a pay-as-you-go EIP is charged",
	},
	feeOutsideVPC: {true, 0, "pay-as-you-go EIPs on instances outside a VPC pay a configuration fee"},
	feeAccountEIPsUnknown: {
		true,
		FactAccountEIPs.set(),
		"how many EIPs the account owns is unknown; above 2,000 a pay-as-you-go EIP is charged",
	},
	feeWithinThreshold: {
		false,
		0,
		"pay-as-you-go EIPs on ECS or ECI instances in a VPC pay none while the account owns at most 2,000 EIPs",
	},
	feeOverThreshold: {
		true,
		0,
		"the account owns more than 2,000 EIPs, so pay-as-you-go EIPs on ECS or ECI instances pay a configuration fee",
	},
}

// classifyFee finds the branch of the fee rule that a [FeeRequest] with these fields
// falls in. It builds no text, so the advisories of CanAssociate ask it on the allowed
// path for next to nothing.
func classifyFee(charge eip.ChargeType, target FeeTarget, inVPC bool, accountEIPs int, u Facts) feeCase {
	switch {
	case u.Has(FactEIPChargeType) || !charge.IsValid():
		return feeChargeTypeUnknown
	case charge == eip.PrePaid:
		return feeSubscription
	case target == FeeTargetENI:
		return feeThroughENI
	case target != FeeTargetECS && target != FeeTargetECI:
		return feeOtherTarget
	case u.Has(FactENIPlacement):
		return feePlacementUnknown
	case !inVPC:
		return feeOutsideVPC
	case u.Has(FactAccountEIPs) || accountEIPs <= 0:
		return feeAccountEIPsUnknown
	case accountEIPs <= feeAccountThreshold:
		return feeWithinThreshold
	}
	return feeOverThreshold
}
