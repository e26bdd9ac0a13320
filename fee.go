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
	u := r.Unknown
	if !r.ChargeType.IsValid() {
		u = u.With(FactEIPChargeType)
	}
	if r.AccountEIPs <= 0 {
		u = u.With(FactAccountEIPs)
	}
	known := func(charged bool, reason string) Fee {
		return Fee{Charged: charged, Decided: true, Reason: reason, Source: docFAQFee}
	}
	unknown := func(missing Facts, reason string) Fee {
		return Fee{Charged: true, Missing: missing, Reason: reason, Source: docFAQFee}
	}
	switch {
	case u.Has(FactEIPChargeType):
		return unknown(FactsOf(FactEIPChargeType), "the charge type is unknown; a pay-as-you-go EIP would be charged")
	case r.ChargeType == eip.PrePaid:
		return known(false, "subscription EIPs pay no configuration fee")
	case r.Target == FeeTargetENI:
		return known(true, "pay-as-you-go EIPs associated through an ENI are always charged")
	case r.Target != FeeTargetECS && r.Target != FeeTargetECI:
		return known(true, "pay-as-you-go EIPs pay a configuration fee on this target")
	case u.Has(FactENIPlacement):
		return unknown(FactsOf(FactENIPlacement), "whether the instance is in a VPC is unknown; outside a VPC a pay-as-you-go EIP is charged")
	case !r.InVPC:
		return known(true, "pay-as-you-go EIPs on instances outside a VPC pay a configuration fee")
	case u.Has(FactAccountEIPs):
		return unknown(FactsOf(FactAccountEIPs), "how many EIPs the account owns is unknown; above 2,000 a pay-as-you-go EIP is charged")
	case r.AccountEIPs <= feeAccountThreshold:
		return known(false, "pay-as-you-go EIPs on ECS or ECI instances in a VPC pay none while the account owns at most 2,000 EIPs")
	}
	return known(true, "the account owns more than 2,000 EIPs, so pay-as-you-go EIPs on ECS or ECI instances pay a configuration fee")
}
