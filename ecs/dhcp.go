package ecs

import (
	"errors"
	"strconv"
	"strings"
)

// DHCP says whether DHCP is enabled in an instance's OS: a tri-state whose zero value,
// DHCPUnknown, is what the cloud's API gives, since it does not report it.
type DHCP uint8

// DHCP states.
const (
	DHCPUnknown  DHCP = iota // not known
	DHCPEnabled              // enabled
	DHCPDisabled             // disabled
)

// ErrUnknownDHCP is wrapped by the errors that [ParseDHCP] returns.
var ErrUnknownDHCP = errors.New("ecs: unknown DHCP state")

// A DHCPError reports text that names no DHCP state. Its Code is "dhcp-invalid".
type DHCPError struct {
	Input string // the text given
}

// Error quotes the input and lists what is accepted.
func (e *DHCPError) Error() string {
	return "ecs: parse " + strconv.Quote(e.Input) + ": unknown DHCP state (want enabled, disabled or unknown)"
}

// Code returns the stable code "dhcp-invalid".
func (e *DHCPError) Code() string { return "dhcp-invalid" }

// Unwrap returns [ErrUnknownDHCP].
func (e *DHCPError) Unwrap() error { return ErrUnknownDHCP }

// ParseDHCP returns the state spelled s: "enabled" (or "true"), "disabled" (or
// "false"), "unknown" or the empty string, ignoring case and surrounding space. Anything
// else is a *[DHCPError].
func ParseDHCP(s string) (DHCP, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "unknown":
		return DHCPUnknown, nil
	case "enabled", "true":
		return DHCPEnabled, nil
	case "disabled", "false":
		return DHCPDisabled, nil
	}
	return DHCPUnknown, &DHCPError{Input: s}
}

// IsValid reports whether d is one of the three states.
func (d DHCP) IsValid() bool { return d <= DHCPDisabled }

// Known reports whether d is DHCPEnabled or DHCPDisabled.
func (d DHCP) Known() bool { return d == DHCPEnabled || d == DHCPDisabled }

// String returns "unknown", "enabled", "disabled", or "DHCP(n)".
func (d DHCP) String() string {
	switch d {
	case DHCPUnknown:
		return "unknown"
	case DHCPEnabled:
		return "enabled"
	case DHCPDisabled:
		return "disabled"
	}
	return "DHCP(" + strconv.Itoa(int(d)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]; an invalid state is an error.
func (d DHCP) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, &DHCPError{Input: d.String()}
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseDHCP].
func (d *DHCP) UnmarshalText(text []byte) error {
	p, err := ParseDHCP(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
