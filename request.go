package eipassoc

import (
	"errors"
	"net/netip"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/enum"
	"github.com/eipassoc/eipassoc/modes"
)

// A Request asks whether an EIP can be associated with an ENI in a mode. Every input the
// rules read is in it, so [CanAssociate] needs no I/O and gives the same answer for the
// same Request. The zero Request is denied.
//
// A caller that does not know some inputs (a Terraform plan knows an ENI's addresses
// only after apply) marks them in Unknown; the rules that read them are then undecided
// rather than decided on whatever the fields hold.
type Request struct {
	// EIP is the address to associate, as DescribeEipAddresses reports it.
	EIP eip.Address `json:"eip"`
	// ENI is the target, as DescribeNetworkInterfaces reports it. For an ECS instance
	// target (Target EcsInstance), it is the instance's primary ENI.
	ENI eni.Interface `json:"eni"`
	// Target is what AssociateEipAddress names: the zero value or NetworkInterface
	// means the ENI itself; EcsInstance means the ECS instance ENI.Instance through its
	// primary ENI, as the API and the console associate an instance's public address.
	Target eip.InstanceType `json:"target,omitempty"`
	// Mode is the association mode. The zero Mode is invalid, not NAT.
	Mode modes.Mode `json:"mode"`
	// PrivateIP is the ENI address the EIP maps to (the API's PrivateIpAddress); the
	// zero address means the ENI's primary private IP.
	PrivateIP netip.Addr `json:"private_ip,omitzero"`
	// Bound lists the EIPs already associated with the ENI.
	Bound []Binding `json:"bound,omitempty"`
	// Account holds facts about the Alibaba Cloud account.
	Account Account `json:"account,omitzero"`
	// Behaviour chooses between the documented rules (the zero value) and the API's
	// observed, laxer behaviour where the two differ.
	Behaviour Behaviour `json:"behaviour,omitempty"`
	// Unknown marks the facts the caller does not know; the rules ignore the fields
	// that hold them. The zero Facts means everything is known.
	Unknown Facts `json:"unknown,omitzero"`
	// PrivateIPCount is how many private addresses the ENI has when their values are
	// unknown (FactENIAddresses in Unknown) but their number is known; it is ignored
	// otherwise, and the count is taken from ENI.
	PrivateIPCount int `json:"private_ip_count,omitempty"`
}

// ipCount returns how many private addresses the ENI has, as far as the request says.
func ipCount(n *eni.Interface, unknown Facts, count int) int {
	if unknown.Has(FactENIAddresses) && count > 0 {
		return count
	}
	return n.PrivateIPCount()
}

// secondaryCount returns how many secondary private addresses the ENI has.
func secondaryCount(n *eni.Interface, unknown Facts, count int) int {
	if unknown.Has(FactENIAddresses) && count > 0 {
		return count - 1
	}
	return len(n.SecondaryIPs)
}

// A Binding is an EIP already associated with an ENI.
type Binding struct {
	// EIP is the allocation ID of the bound EIP.
	EIP eip.ID `json:"eip"`
	// Mode is the binding's mode. As everywhere in eipassoc, the zero Mode is invalid;
	// [BindingOf] fills in NAT, the API's default.
	Mode modes.Mode `json:"mode"`
	// PrivateIP is the ENI address the EIP maps to; the zero address means the ENI's
	// primary private IP.
	PrivateIP netip.Addr `json:"private_ip,omitzero"`
	// ChargeType is the bound EIP's billing method, if known.
	ChargeType eip.ChargeType `json:"charge_type,omitempty"`
}

// BindingOf returns the binding that an associated EIP, as DescribeEipAddresses reports
// it, makes on its ENI: its allocation ID, mode (NAT when the API reports none, its
// default), private address and charge type.
func BindingOf(a eip.Address) Binding {
	m := a.Association.Mode
	if m == 0 {
		m = modes.NAT
	}
	return Binding{EIP: a.ID, Mode: m, PrivateIP: a.Association.PrivateIP, ChargeType: a.ChargeType}
}

// An Account holds the facts about an Alibaba Cloud account that the rules read.
type Account struct {
	// MultiBindedAllowed reports whether the account is allowlisted for
	// multi-EIP-to-ENI mode, which accepts no new applications.
	MultiBindedAllowed bool `json:"multi_binded_allowed,omitempty"`
	// EIPs is how many EIPs the account owns; the configuration fee depends on it.
	// Zero means unknown (an account that associates an EIP owns at least one), and an
	// unknown count never exempts from the fee.
	EIPs int `json:"eips,omitempty"`
}

// A Behaviour chooses which source wins where the documentation and the API's observed
// behaviour differ. The zero Behaviour, Documented, is the strict one.
type Behaviour uint8

// Behaviours.
const (
	// Documented follows the product documentation: every secondary ENI must be
	// detached before an EIP is associated with it.
	Documented Behaviour = iota
	// Observed follows what the API accepts in practice: NAT-mode EIPs can be associated
	// with attached ENIs (as Alibaba's own terway CNI does); an advisory records it.
	Observed
)

// ErrUnknownBehaviour is wrapped by the errors that [ParseBehaviour] returns.
var ErrUnknownBehaviour = errors.New("eipassoc: unknown behaviour")

// A ParseError reports text that names no value of one of this package's enums. Its
// Code method gives a stable kebab-case code ("behaviour-invalid"), and it wraps [ErrUnknownBehaviour].
type ParseError struct {
	// Type names the enum parsed, e.g. "eipassoc.Behaviour".
	Type string
	// Input is the text given, unmodified.
	Input string
	// Want lists the API spellings that would have been accepted.
	Want []string

	f enum.Failure
}

// Error returns a message that quotes the input and lists the accepted spellings.
func (e *ParseError) Error() string { return e.f.Error() }

// Code returns the stable kebab-case code of the error.
func (e *ParseError) Code() string { return e.f.Code }

// Unwrap returns the enum's sentinel error.
func (e *ParseError) Unwrap() error { return e.f.Sentinel }

// parseError is the tables' Err: it wraps a failure in a *ParseError.
func parseError(f enum.Failure) error {
	return &ParseError{Type: f.Type, Input: f.Input, Want: f.Want, f: f}
}

// behaviourTable spells Observed; Documented, the valid zero value, is an alias.
var behaviourTable = &enum.Table[Behaviour]{
	Type:     "eipassoc.Behaviour",
	Noun:     "behaviour",
	Code:     "behaviour-invalid",
	Sentinel: ErrUnknownBehaviour,
	Err:      parseError,
	Names:    []string{"", "observed"},
	Aliases: []enum.Alias[Behaviour]{
		{Name: "documented", Value: Documented},
		{Name: "strict", Value: Documented},
		{Name: "api", Value: Observed},
	},
}

// ParseBehaviour returns the behaviour spelled s: "documented" (or "strict") or
// "observed" (or "api"), ignoring case. Anything else is an error wrapping
// [ErrUnknownBehaviour].
func ParseBehaviour(s string) (Behaviour, error) { return behaviourTable.Parse(s) }

// String returns "documented", "observed", or "Behaviour(n)".
func (b Behaviour) String() string {
	if b == Documented {
		return "documented"
	}
	return behaviourTable.String(b)
}

// MarshalText implements [encoding.TextMarshaler].
func (b Behaviour) MarshalText() ([]byte, error) {
	if b == Documented {
		return []byte("documented"), nil
	}
	return behaviourTable.MarshalText(b)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; the empty text gives Documented.
func (b *Behaviour) UnmarshalText(text []byte) error { return behaviourTable.UnmarshalText(text, b) }

// IsValid reports whether b is Documented or Observed.
func (b Behaviour) IsValid() bool { return b <= Observed }
