package eip

import (
	"errors"

	"github.com/eipassoc/eipassoc/internal/enum"
)

// A ParseError reports text that names no value of one of this package's enums. Its
// Code method gives a stable kebab-case code such as "eip-status-invalid", and it wraps [ErrUnknownValue].
type ParseError struct {
	// Type names the enum parsed, e.g. "eip.Status".
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

// ErrUnknownValue is wrapped by every error that this package's parsers return.
var ErrUnknownValue = errors.New("eip: unknown value")

func newTable[T ~uint8](typ, noun, code string, names ...string) *enum.Table[T] {
	return &enum.Table[T]{
		Type:     typ,
		Noun:     noun,
		Code:     code,
		Sentinel: ErrUnknownValue,
		Err:      parseError,
		Names:    append([]string{""}, names...),
	}
}

// A Status is the state of an EIP. The zero Status is invalid.
type Status uint8

// EIP statuses. Allocate gives Available; Associate goes through Associating to InUse;
// Unassociate through Unassociating to Available; Release through Releasing. In the
// transitional states only queries are allowed.
const (
	_             Status = iota
	Available            // allocated and not associated
	Associating          // an association is in progress
	InUse                // associated with a resource
	Unassociating        // a disassociation is in progress
	Releasing            // a release is in progress
)

var statusTable = newTable[Status]("eip.Status", "EIP status", "eip-status-invalid",
	"Available", "Associating", "InUse", "Unassociating", "Releasing")

// Statuses returns every valid status in declaration order.
func Statuses() []Status { return statusTable.Values() }

// ParseStatus returns the status spelled s, ignoring case.
func ParseStatus(s string) (Status, error) { return statusTable.Parse(s) }

// IsValid reports whether s is a defined status.
func (s Status) IsValid() bool { return statusTable.Valid(s) }

// String returns the API spelling, or "Status(n)" for an invalid status.
func (s Status) String() string { return statusTable.String(s) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (s Status) MarshalText() ([]byte, error) { return statusTable.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error { return statusTable.UnmarshalText(text, s) }

// A ChargeType is how an EIP is billed. The zero ChargeType is invalid.
type ChargeType uint8

// Billing methods.
const (
	_        ChargeType = iota
	PrePaid             // subscription
	PostPaid            // pay-as-you-go
)

var chargeTable = func() *enum.Table[ChargeType] {
	t := newTable[ChargeType]("eip.ChargeType", "charge type", "eip-charge-type-invalid", "PrePaid", "PostPaid")
	// Terraform's payment_type and instance_charge_type spell them Subscription and
	// PayAsYouGo.
	t.Aliases = []enum.Alias[ChargeType]{
		{Name: "subscription", Value: PrePaid},
		{Name: "pay-as-you-go", Value: PostPaid},
		{Name: "PayAsYouGo", Value: PostPaid},
	}
	return t
}()

// ChargeTypes returns every valid charge type in declaration order.
func ChargeTypes() []ChargeType { return chargeTable.Values() }

// ParseChargeType returns the charge type spelled s ("PrePaid", "PostPaid",
// "subscription", "pay-as-you-go", "PayAsYouGo"), ignoring case.
func ParseChargeType(s string) (ChargeType, error) { return chargeTable.Parse(s) }

// IsValid reports whether c is a defined charge type.
func (c ChargeType) IsValid() bool { return chargeTable.Valid(c) }

// String returns the API spelling, or "ChargeType(n)" for an invalid value.
func (c ChargeType) String() string { return chargeTable.String(c) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (c ChargeType) MarshalText() ([]byte, error) { return chargeTable.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseChargeType].
func (c *ChargeType) UnmarshalText(text []byte) error { return chargeTable.UnmarshalText(text, c) }

// An InternetChargeType is how an EIP's traffic is metered. The zero value is invalid.
type InternetChargeType uint8

// Metering methods.
const (
	_              InternetChargeType = iota
	PayByBandwidth                    // by peak bandwidth
	PayByTraffic                      // by data transfer
)

var internetChargeTable = newTable[InternetChargeType]("eip.InternetChargeType", "internet charge type",
	"eip-internet-charge-type-invalid", "PayByBandwidth", "PayByTraffic")

// InternetChargeTypes returns every valid metering method in declaration order.
func InternetChargeTypes() []InternetChargeType { return internetChargeTable.Values() }

// ParseInternetChargeType returns the metering method spelled s, ignoring case.
func ParseInternetChargeType(s string) (InternetChargeType, error) {
	return internetChargeTable.Parse(s)
}

// IsValid reports whether c is a defined metering method.
func (c InternetChargeType) IsValid() bool { return internetChargeTable.Valid(c) }

// String returns the API spelling, or "InternetChargeType(n)" for an invalid value.
func (c InternetChargeType) String() string { return internetChargeTable.String(c) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (c InternetChargeType) MarshalText() ([]byte, error) { return internetChargeTable.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of
// [ParseInternetChargeType].
func (c *InternetChargeType) UnmarshalText(text []byte) error {
	return internetChargeTable.UnmarshalText(text, c)
}

// A LockReason says why an EIP is locked. The zero value is invalid.
type LockReason uint8

// Lock reasons.
const (
	_         LockReason = iota
	Financial            // "financial": overdue payment
	Security             // "security": locked for a security reason
)

var lockTable = newTable[LockReason](
	"eip.LockReason",
	"lock reason",
	"eip-lock-reason-invalid",
	"financial",
	"security",
)

// LockReasons returns every valid lock reason in declaration order.
func LockReasons() []LockReason { return lockTable.Values() }

// ParseLockReason returns the lock reason spelled s, ignoring case.
func ParseLockReason(s string) (LockReason, error) { return lockTable.Parse(s) }

// IsValid reports whether r is a defined lock reason.
func (r LockReason) IsValid() bool { return lockTable.Valid(r) }

// String returns the API spelling ("financial", "security"), or "LockReason(n)".
func (r LockReason) String() string { return lockTable.String(r) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (r LockReason) MarshalText() ([]byte, error) { return lockTable.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseLockReason].
func (r *LockReason) UnmarshalText(text []byte) error { return lockTable.UnmarshalText(text, r) }

// A BusinessStatus is the EIP's business state. The zero value is invalid.
type BusinessStatus uint8

// Business states.
const (
	_               BusinessStatus = iota
	Normal                         // in good standing
	FinancialLocked                // locked for overdue payment
)

var businessTable = newTable[BusinessStatus]("eip.BusinessStatus", "business status",
	"eip-business-status-invalid", "Normal", "FinancialLocked")

// BusinessStatuses returns every valid business status in declaration order.
func BusinessStatuses() []BusinessStatus { return businessTable.Values() }

// ParseBusinessStatus returns the business status spelled s, ignoring case.
func ParseBusinessStatus(s string) (BusinessStatus, error) { return businessTable.Parse(s) }

// IsValid reports whether b is a defined business status.
func (b BusinessStatus) IsValid() bool { return businessTable.Valid(b) }

// String returns the API spelling, or "BusinessStatus(n)".
func (b BusinessStatus) String() string { return businessTable.String(b) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (b BusinessStatus) MarshalText() ([]byte, error) { return businessTable.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of
// [ParseBusinessStatus].
func (b *BusinessStatus) UnmarshalText(text []byte) error {
	return businessTable.UnmarshalText(text, b)
}

// An InstanceType is the kind of resource an EIP is associated with (the API's
// InstanceType parameter). The zero value is invalid.
type InstanceType uint8

// Association targets.
const (
	_                InstanceType = iota
	EcsInstance                   // an ECS instance (its primary ENI); the API default
	NetworkInterface              // an ENI, in the mode given by Mode
	SlbInstance                   // a CLB (SLB) instance
	Nat                           // a NAT gateway
	HaVip                         // a high-availability virtual IP
	IPAddress                     // an IP address in a VPC with an IPv4 gateway
)

var instanceTypeTable = newTable[InstanceType]("eip.InstanceType", "instance type", "eip-instance-type-invalid",
	"EcsInstance", "NetworkInterface", "SlbInstance", "Nat", "HaVip", "IpAddress")

// InstanceTypes returns every valid association target in declaration order.
func InstanceTypes() []InstanceType { return instanceTypeTable.Values() }

// ParseInstanceType returns the association target spelled s, ignoring case.
func ParseInstanceType(s string) (InstanceType, error) { return instanceTypeTable.Parse(s) }

// IsValid reports whether t is a defined association target.
func (t InstanceType) IsValid() bool { return instanceTypeTable.Valid(t) }

// String returns the API spelling, or "InstanceType(n)".
func (t InstanceType) String() string { return instanceTypeTable.String(t) }

// MarshalText implements [encoding.TextMarshaler]; the zero value gives the empty text.
func (t InstanceType) MarshalText() ([]byte, error) { return instanceTypeTable.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseInstanceType].
func (t *InstanceType) UnmarshalText(text []byte) error {
	return instanceTypeTable.UnmarshalText(text, t)
}
