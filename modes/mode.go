package modes

import (
	"errors"

	"github.com/eipassoc/eipassoc/internal/enum"
)

// A Mode is an EIP-to-ENI association mode. The zero Mode is invalid: it keeps an unset
// field from meaning NAT. Modes are comparable and safe to use as map keys.
type Mode uint8

// The association modes, in the order the product documentation lists them.
const (
	_ Mode = iota // invalid

	// NAT maps the EIP onto one private IP address of the ENI; the API default ("NAT").
	NAT
	// Binded is cut-through mode ("BINDED"): the EIP replaces the ENI's primary private
	// IP address and the ENI becomes a public network interface.
	Binded
	// MultiBinded is multi-EIP-to-ENI mode ("MULTI_BINDED"): up to 10 EIPs on one
	// secondary ENI, configured statically in the guest OS.
	MultiBinded
)

// ErrUnknown is wrapped by every error that [Parse] and [Mode.UnmarshalText] return.
var ErrUnknown = errors.New("modes: unknown mode")

// A ParseError reports text that names no value of one of this package's enums. Its
// Code method gives a stable kebab-case code ("mode-invalid"), and it wraps [ErrUnknown].
type ParseError struct {
	// Type names the enum parsed, e.g. "modes.Mode".
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

// CodeInvalid is the stable code of a [ParseError] from this package.
const CodeInvalid = "mode-invalid"

var table = &enum.Table[Mode]{
	Type:     "modes.Mode",
	Noun:     "mode",
	Code:     CodeInvalid,
	Sentinel: ErrUnknown,
	Err:      parseError,
	Names:    []string{"", "NAT", "BINDED", "MULTI_BINDED"},
	Aliases: []enum.Alias[Mode]{
		{Name: "NAT mode", Value: NAT},
		{Name: "cut-through", Value: Binded},
		{Name: "cut-through mode", Value: Binded},
		{Name: "cut_through", Value: Binded},
		{Name: "cutthrough", Value: Binded},
		{Name: "direct", Value: Binded},
		{Name: "multi-EIP-to-ENI", Value: MultiBinded},
		{Name: "multi-EIP-to-ENI mode", Value: MultiBinded},
		{Name: "multi_eip_to_eni", Value: MultiBinded},
		{Name: "multi-binded", Value: MultiBinded},
		{Name: "multi", Value: MultiBinded},
	},
}

// All returns the valid modes in declaration order: NAT, Binded, MultiBinded.
func All() []Mode { return table.Values() }

// Parse returns the mode named by s. It accepts the API spellings (NAT, BINDED,
// MULTI_BINDED) and the product documentation's names (NAT mode, cut-through,
// multi-EIP-to-ENI), compared case-insensitively after trimming white space. Any other
// input, including the empty string, gives a *[ParseError] that wraps [ErrUnknown].
func Parse(s string) (Mode, error) { return table.Parse(s) }

// ParseAPI returns the mode spelled exactly as the API spells it: "NAT", "BINDED" or
// "MULTI_BINDED", case-sensitive and without surrounding space, as AssociateEipAddress
// accepts it. Anything else, including the documentation's names, gives a
// *[ParseError] wrapping [ErrUnknown].
func ParseAPI(s string) (Mode, error) { return table.ParseExact(s) }

// MustParse is like [Parse] but panics on error. It is intended for use in tests and
// examples with hard-coded strings.
func MustParse(s string) Mode {
	m, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return m
}

// IsValid reports whether m is one of the defined modes.
func (m Mode) IsValid() bool { return table.Valid(m) }

// String returns the API spelling of m ("NAT", "BINDED", "MULTI_BINDED"), or "Mode(n)"
// for an invalid mode.
func (m Mode) String() string { return table.String(m) }

// MarshalText implements [encoding.TextMarshaler]. It gives the API spelling, and the
// empty text for the zero Mode so that an unset field round-trips.
func (m Mode) MarshalText() ([]byte, error) { return table.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [Parse]; the
// empty text gives the zero Mode.
func (m *Mode) UnmarshalText(text []byte) error { return table.UnmarshalText(text, m) }
