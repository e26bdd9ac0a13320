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
	// AccountEIPs is how many EIPs the account owns; zero is read as at most 2,000.
	AccountEIPs int
}

// A Fee says whether an EIP configuration fee applies, and why.
type Fee struct {
	// Charged reports whether the fee applies.
	Charged bool `json:"charged"`
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
// facts found no other public source for it. An unknown charge type is assumed to be
// charged, so that budgets fail safe.
func ConfigurationFee(r FeeRequest) Fee {
	switch {
	case r.ChargeType == eip.PrePaid:
		return Fee{Charged: false, Reason: "subscription EIPs pay no configuration fee", Source: docFAQFee}
	case !r.ChargeType.IsValid():
		return Fee{Charged: true, Reason: "the charge type is unknown; a pay-as-you-go EIP would be charged", Source: docFAQFee}
	case r.Target == FeeTargetENI:
		return Fee{Charged: true, Reason: "pay-as-you-go EIPs associated through an ENI are always charged", Source: docFAQFee}
	case (r.Target == FeeTargetECS || r.Target == FeeTargetECI) && r.InVPC && r.AccountEIPs <= feeAccountThreshold:
		return Fee{Charged: false, Reason: "pay-as-you-go EIPs on ECS or ECI instances in a VPC pay none while the account owns at most 2,000 EIPs", Source: docFAQFee}
	}
	return Fee{Charged: true, Reason: "pay-as-you-go EIPs pay a configuration fee on this target", Source: docFAQFee}
}
