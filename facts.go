package eipassoc

import (
	"encoding/json"
	"iter"
	"math/bits"
	"strconv"
	"strings"
)

// A Fact names one input of the rules that a caller may not know, such as an ENI's
// private addresses in a Terraform plan, which exist only after apply. A rule that needs
// a fact marked unknown reports itself undecided instead of deciding on a guess. The zero
// Fact is invalid.
type Fact uint8

// The facts a request can mark unknown. Identities (allocation, ENI and instance IDs)
// and the ENI's kind are always known: they name the resources.
const (
	_ Fact = iota
	// FactMode is the association mode.
	FactMode
	// FactTarget is whether the EIP is associated with the ENI itself or with the ECS
	// instance it belongs to (the API's InstanceType).
	FactTarget
	// FactPrivateIP is the private address the request maps the EIP to.
	FactPrivateIP
	// FactEIPStatus is the EIP's status, locks and current association.
	FactEIPStatus
	// FactEIPRegion is the EIP's region.
	FactEIPRegion
	// FactEIPChargeType is the EIP's billing method.
	FactEIPChargeType
	// FactENIStatus is the ENI's status.
	FactENIStatus
	// FactENIRegion is the ENI's region.
	FactENIRegion
	// FactENIPlacement is the ENI's zone, VPC and vSwitch.
	FactENIPlacement
	// FactENIAddresses is which private addresses the ENI has. Marked unknown, the
	// addresses the request still gives (the ENI's PrimaryIP and SecondaryIPs) are ones
	// the ENI is known to have, and there may be others; which is the primary is not
	// known. A Terraform plan knows an ENI's secondary addresses before its primary one:
	// a private IP among them is decided to be on the ENI (private-ip-not-on-eni).
	FactENIAddresses
	// FactENIAddressCount is how many private addresses the ENI has; it can be known
	// while the addresses themselves are not (see [Request.PrivateIPCount]).
	FactENIAddressCount
	// FactENIAttachment is whether the ENI is attached to an ECS instance, and to which.
	FactENIAttachment
	// FactBound is the list of EIPs already associated with the ENI. Marked unknown, the
	// request's Bound lists the EIPs known to be bound, and there may be more: a rule
	// that more bindings could only break further (capacity, mode conflict, an address
	// in use) still denies on the listed ones.
	FactBound
	// FactInstanceType is the ECS instance's type, and so its family and ENI limits.
	FactInstanceType
	// FactInstanceLimits is the instance type's ENI limits. It is unknown, whether or
	// not the request marks it, when neither the request nor the built-in table gives
	// them (or the table gives the private-address limit as '?').
	FactInstanceLimits
	// FactInstanceRegion is the ECS instance's region.
	FactInstanceRegion
	// FactInstancePlacement is the ECS instance's zone and VPC.
	FactInstancePlacement
	// FactInstanceENIs is how many ENIs the ECS instance has now.
	FactInstanceENIs
	// FactDHCP is whether DHCP is enabled in the instance's OS. The API does not report
	// it; [ecs.DHCPUnknown] marks it unknown too.
	FactDHCP
	// FactAccountEIPs is how many EIPs the account owns.
	FactAccountEIPs
	// FactAllowlist is whether the account is allowlisted for multi-EIP-to-ENI mode.
	FactAllowlist

	numFacts
)

// factInfo spells each fact and says what would decide it.
var factInfo = [numFacts]struct{ name, decide string }{
	FactMode: {"mode", "the association's mode (Mode of AssociateEipAddress)"},
	FactTarget: {
		"target",
		"whether the EIP goes to the ENI or to its ECS instance (InstanceType of AssociateEipAddress)",
	},
	FactPrivateIP: {
		"private_ip",
		"the private address the EIP maps to (PrivateIpAddress of AssociateEipAddress)",
	},
	FactEIPStatus: {
		"eip.status",
		"the EIP's status and locks (Status, OperationLocks and BusinessStatus from DescribeEipAddresses)",
	},
	FactEIPRegion:     {"eip.region", "the EIP's region (RegionId of DescribeEipAddresses)"},
	FactEIPChargeType: {"eip.charge_type", "the EIP's billing method (ChargeType from DescribeEipAddresses)"},
	FactENIStatus:     {"eni.status", "the ENI's status (Status from DescribeNetworkInterfaces)"},
	FactENIRegion:     {"eni.region", "the ENI's region (RegionId of DescribeNetworkInterfaces)"},
	FactENIPlacement: {
		"eni.placement",
		"the ENI's zone and VPC (ZoneId and VpcId from DescribeNetworkInterfaces)",
	},
	FactENIAddresses: {
		"eni.private_ips",
		"the ENI's private addresses (PrivateIpSets from DescribeNetworkInterfaces)",
	},
	FactENIAddressCount: {
		"eni.private_ip_count",
		"how many private addresses the ENI has (PrivateIpSets from DescribeNetworkInterfaces)",
	},
	FactENIAttachment: {
		"eni.attachment",
		"whether the ENI is attached (InstanceId from DescribeNetworkInterfaces)",
	},
	FactBound: {
		"eni.bound_eips",
		"the EIPs already associated with the ENI (DescribeEipAddresses filtered by the ENI)",
	},
	FactInstanceType: {"instance.type", "the instance's type (InstanceType from DescribeInstances)"},
	FactInstanceLimits: {
		"instance.limits",
		"the instance type's ENI limits (EniQuantity and EniPrivateIpAddressQuantity from DescribeInstanceTypes)",
	},
	FactInstanceRegion: {"instance.region", "the instance's region (RegionId from DescribeInstances)"},
	FactInstancePlacement: {
		"instance.placement",
		"the instance's zone and VPC (ZoneId and VpcAttributes from DescribeInstances)",
	},
	FactInstanceENIs: {
		"instance.eni_count",
		"how many ENIs the instance has (NetworkInterfaces from DescribeInstances)",
	},
	FactDHCP: {
		"instance.dhcp",
		"whether DHCP is enabled in the instance's OS, which the API does not report",
	},
	FactAccountEIPs: {"account.eip_count", "how many EIPs the account owns (TotalCount of DescribeEipAddresses)"},
	FactAllowlist: {
		"account.multi_binded_allowlist",
		"whether the account is allowlisted for multi-EIP-to-ENI mode",
	},
}

// AllFacts returns every valid fact in declaration order, in a new slice.
func AllFacts() []Fact {
	out := make([]Fact, 0, numFacts-1)
	for f := Fact(1); f < numFacts; f++ {
		out = append(out, f)
	}
	return out
}

// IsValid reports whether f is a defined fact.
func (f Fact) IsValid() bool { return f > 0 && f < numFacts }

// String returns the fact's stable name, e.g. "eni.private_ips", or "Fact(n)".
func (f Fact) String() string {
	if !f.IsValid() {
		return "Fact(" + strconv.Itoa(int(f)) + ")"
	}
	return factInfo[f].name
}

// Decider says, for people, what information would decide the fact.
func (f Fact) Decider() string {
	if !f.IsValid() {
		return ""
	}
	return factInfo[f].decide
}

// ParseFact returns the fact named s (its String form). Anything else is a *[CodeError]
// wrapping [ErrUnknownCode].
func ParseFact(s string) (Fact, error) {
	for f := Fact(1); f < numFacts; f++ {
		if factInfo[f].name == s {
			return f, nil
		}
	}
	return 0, &CodeError{Code: Code(s)}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid fact is an error.
func (f Fact) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, &CodeError{Code: Code(f.String())}
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseFact].
func (f *Fact) UnmarshalText(text []byte) error {
	p, err := ParseFact(string(text))
	if err != nil {
		return err
	}
	*f = p
	return nil
}

// Facts is a set of facts. It is a small value, so marking and testing facts allocates
// nothing. The zero Facts is empty: everything is known.
type Facts uint32

// FactsOf returns the set holding fs.
func FactsOf(fs ...Fact) Facts {
	var s Facts
	for _, f := range fs {
		s = s.With(f)
	}
	return s
}

// set returns the set holding f alone. For a constant f it folds to a constant, where
// FactsOf loops over its arguments at run time, so the rules name the facts they read
// with it: a request with nothing unknown must not pay for building sets.
func (f Fact) set() Facts { return 1 << f }

// With returns the set with f added; an invalid f is ignored.
func (s Facts) With(f Fact) Facts {
	if !f.IsValid() {
		return s
	}
	return s | 1<<f
}

// Has reports whether f is in the set.
func (s Facts) Has(f Fact) bool { return f.IsValid() && s&(1<<f) != 0 }

// Union returns the facts in s or in t.
func (s Facts) Union(t Facts) Facts { return s | t }

// Intersect returns the facts in both s and t.
func (s Facts) Intersect(t Facts) Facts { return s & t }

// Len returns the number of facts in the set.
func (s Facts) Len() int { return bits.OnesCount32(uint32(s.valid())) }

// IsEmpty reports whether the set holds no fact.
func (s Facts) IsEmpty() bool { return s.valid() == 0 }

func (s Facts) valid() Facts { return s & (1<<numFacts - 2) }

// All iterates over the facts in the set in declaration order.
func (s Facts) All() iter.Seq[Fact] {
	return func(yield func(Fact) bool) {
		for f := Fact(1); f < numFacts; f++ {
			if s.Has(f) && !yield(f) {
				return
			}
		}
	}
}

// String lists the facts' names, comma separated, or returns "none".
func (s Facts) String() string {
	var b strings.Builder
	for f := range s.All() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.String())
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// MarshalJSON encodes the set as an array of fact names.
func (s Facts) MarshalJSON() ([]byte, error) {
	names := make([]string, 0, s.Len())
	for f := range s.All() {
		names = append(names, f.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON decodes an array of fact names; an unknown name is an error wrapping
// [ErrUnknownCode].
func (s *Facts) UnmarshalJSON(data []byte) error {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return err
	}
	var set Facts
	for _, n := range names {
		f, err := ParseFact(n)
		if err != nil {
			return err
		}
		set = set.With(f)
	}
	*s = set
	return nil
}
