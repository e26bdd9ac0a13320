// Package enum implements the spelling tables behind eipassoc's closed enums: the API
// spelling of each value, case-insensitive parsing with aliases, and text marshalling.
//
// Every enum in the domain packages is a small unsigned integer whose zero value is
// invalid, as in net/netip and log/slog. A [Table] turns such a value into its API
// spelling and back, so the packages do not each write the same switch statements.
package enum

import (
	"slices"
	"strconv"
	"strings"
)

// A Table holds the spellings of one enum type T. Index i of Names is the API spelling of
// T(i); Names[0] is ignored because the zero value is invalid. A Table is read-only after
// construction and safe for concurrent use.
type Table[T ~uint8] struct {
	// Type names the Go type in messages, e.g. "modes.Mode".
	Type string
	// Noun names the value for people in messages, e.g. "mode".
	Noun string
	// Code is the stable error code of a failed parse, e.g. "mode-invalid".
	Code string
	// Sentinel is what every parse error wraps, for errors.Is.
	Sentinel error
	// Names lists the API spellings; Names[0] is unused.
	Names []string
	// Aliases maps further accepted spellings (compared case-insensitively) to values.
	Aliases []Alias[T]
	// Err turns a failed parse into the owning package's own error type, so that go doc
	// of that type shows its methods; nil gives the Failure itself.
	Err func(Failure) error
}

// fail builds the error for input s.
func (t *Table[T]) fail(s string) error {
	f := Failure{
		Type:     t.Type,
		Noun:     t.Noun,
		Input:    s,
		Want:     slices.Clone(t.Names[1:]),
		Code:     t.Code,
		Sentinel: t.Sentinel,
	}
	if t.Err != nil {
		return t.Err(f)
	}
	return &f
}

// An Alias is an additional spelling accepted by [Table.Parse].
type Alias[T ~uint8] struct {
	Name  string
	Value T
}

// Valid reports whether v is a defined, non-zero value.
func (t *Table[T]) Valid(v T) bool { return v != 0 && int(v) < len(t.Names) }

// String returns the API spelling of v, or "Type(n)" for an undefined value.
func (t *Table[T]) String(v T) string {
	if t.Valid(v) {
		return t.Names[v]
	}
	return t.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// Values returns every defined value in order.
func (t *Table[T]) Values() []T {
	out := make([]T, 0, len(t.Names)-1)
	for i := 1; i < len(t.Names); i++ {
		out = append(out, T(i))
	}
	return out
}

// Parse returns the value spelled s, comparing case-insensitively with the API spellings
// and the aliases, after trimming surrounding white space. Anything else is a *ParseError.
func (t *Table[T]) Parse(s string) (T, error) {
	in := strings.TrimSpace(s)
	if in != "" {
		for i := 1; i < len(t.Names); i++ {
			if strings.EqualFold(in, t.Names[i]) {
				return T(i), nil
			}
		}
		for _, a := range t.Aliases {
			if strings.EqualFold(in, a.Name) {
				return a.Value, nil
			}
		}
	}
	return 0, t.fail(s)
}

// ParseExact returns the value whose API spelling is exactly s (case-sensitive, no
// trimming, no aliases), as the API itself accepts it. Anything else is a *ParseError.
func (t *Table[T]) ParseExact(s string) (T, error) {
	for i := 1; i < len(t.Names); i++ {
		if s == t.Names[i] {
			return T(i), nil
		}
	}
	return 0, t.fail(s)
}

// MarshalText implements the encoding.TextMarshaler contract for v: the API spelling, the
// empty text for the zero value (as net/netip does), and an error for an undefined value.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, t.fail(t.String(v))
	}
	return []byte(t.Names[v]), nil
}

// UnmarshalText is the inverse of MarshalText: the empty text gives the zero value.
func (t *Table[T]) UnmarshalText(text []byte, v *T) error {
	if len(text) == 0 {
		*v = 0
		return nil
	}
	p, err := t.Parse(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// A Failure describes a spelling that names no value of an enum. The packages wrap it
// in their own ParseError types (see [Table.Err]); it is an error itself for tables
// that have none.
type Failure struct {
	Type     string   // the Go type, e.g. "modes.Mode"
	Noun     string   // what was being parsed, e.g. "mode"
	Input    string   // the text given, unmodified
	Want     []string // the API spellings that would have been accepted
	Code     string   // the stable kebab-case code, e.g. "mode-invalid"
	Sentinel error    // what the error wraps
}

// Error returns a message that names the parser and quotes the input, e.g.
// `modes: parse "FAST": unknown mode (want NAT, BINDED or MULTI_BINDED)`.
func (f *Failure) Error() string {
	pkg, _, _ := strings.Cut(f.Type, ".")
	return pkg + ": parse " + strconv.Quote(f.Input) + ": unknown " + f.Noun + " (want " + list(f.Want) + ")"
}

// Unwrap returns the sentinel.
func (f *Failure) Unwrap() error { return f.Sentinel }

func list(names []string) string {
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
