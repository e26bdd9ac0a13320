package eni

import (
	"errors"

	"github.com/eipassoc/eipassoc/internal/enum"
)

// A Kind is the type of an ENI as DescribeNetworkInterfaces reports it. The zero Kind is
// invalid.
type Kind uint8

// ENI kinds.
const (
	_ Kind = iota
	// Primary is the ENI an ECS instance is created with; it cannot be detached.
	Primary
	// Secondary is an ENI created on its own (CreateNetworkInterface, the default type).
	Secondary
	// Trunk is a trunk ENI that carries member ENIs.
	Trunk
	// Member is a member ENI on a trunk ENI.
	Member
)

// ErrUnknownKind is wrapped by the errors that [ParseKind] returns.
var ErrUnknownKind = errors.New("eni: unknown kind")

// A ParseError reports text that names no value of one of this package's enums. Its
// Code method gives a stable kebab-case code ("eni-kind-invalid", "eni-status-invalid"), and it wraps
// [ErrUnknownKind] or [ErrUnknownStatus].
type ParseError struct {
	// Type names the enum parsed, e.g. "eni.Kind".
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

var kindTable = &enum.Table[Kind]{
	Type:     "eni.Kind",
	Noun:     "ENI kind",
	Code:     "eni-kind-invalid",
	Sentinel: ErrUnknownKind,
	Err:      parseError,
	Names:    []string{"", "Primary", "Secondary", "Trunk", "Member"},
	Aliases:  []enum.Alias[Kind]{{Name: "primary ENI", Value: Primary}, {Name: "secondary ENI", Value: Secondary}},
}

// Kinds returns every valid kind in declaration order.
func Kinds() []Kind { return kindTable.Values() }

// ParseKind returns the kind spelled s ("Primary", "Secondary", "Trunk", "Member"),
// ignoring case. Anything else gives a *[ParseError] wrapping [ErrUnknownKind].
func ParseKind(s string) (Kind, error) { return kindTable.Parse(s) }

// IsValid reports whether k is a defined kind.
func (k Kind) IsValid() bool { return kindTable.Valid(k) }

// String returns the API spelling of k, or "Kind(n)" for an invalid kind.
func (k Kind) String() string { return kindTable.String(k) }

// MarshalText implements [encoding.TextMarshaler]; the zero Kind gives the empty text.
func (k Kind) MarshalText() ([]byte, error) { return kindTable.MarshalText(k) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseKind].
func (k *Kind) UnmarshalText(text []byte) error { return kindTable.UnmarshalText(text, k) }

// A Status is the state of an ENI. The zero Status is invalid.
type Status uint8

// ENI statuses. CreateNetworkInterface gives Available; Attach goes through Attaching to
// InUse; Detach through Detaching to Available; Delete through Deleting.
const (
	_ Status = iota
	// Available: created and not attached to an instance.
	Available
	// Attaching: an AttachNetworkInterface call is in progress.
	Attaching
	// InUse: attached to an instance.
	InUse
	// Detaching: a DetachNetworkInterface call is in progress.
	Detaching
	// Deleting: a DeleteNetworkInterface call is in progress.
	Deleting
)

// ErrUnknownStatus is wrapped by the errors that [ParseStatus] returns.
var ErrUnknownStatus = errors.New("eni: unknown status")

var statusTable = &enum.Table[Status]{
	Type:     "eni.Status",
	Noun:     "ENI status",
	Code:     "eni-status-invalid",
	Sentinel: ErrUnknownStatus,
	Err:      parseError,
	Names:    []string{"", "Available", "Attaching", "InUse", "Detaching", "Deleting"},
	Aliases:  []enum.Alias[Status]{{Name: "in use", Value: InUse}, {Name: "in-use", Value: InUse}},
}

// Statuses returns every valid status in declaration order.
func Statuses() []Status { return statusTable.Values() }

// ParseStatus returns the status spelled s, ignoring case. Anything else gives a
// *[ParseError] wrapping [ErrUnknownStatus].
func ParseStatus(s string) (Status, error) { return statusTable.Parse(s) }

// IsValid reports whether s is a defined status.
func (s Status) IsValid() bool { return statusTable.Valid(s) }

// String returns the API spelling of s, or "Status(n)" for an invalid status.
func (s Status) String() string { return statusTable.String(s) }

// MarshalText implements [encoding.TextMarshaler]; the zero Status gives the empty text.
func (s Status) MarshalText() ([]byte, error) { return statusTable.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error { return statusTable.UnmarshalText(text, s) }
