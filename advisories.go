package eipassoc

import (
	"encoding/json"
	"errors"
	"iter"
	"math/bits"
	"strings"
)

// An Advisory is a fact about an operation that does not block it: a fee, a protocol
// that will not work, configuration the guest OS needs.
type Advisory struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Source  string `json:"source"`
}

// Advisories is the set of advisories of a [Decision]. It is a small value (a bit set),
// so deciding allocates nothing for them. The zero Advisories is empty.
type Advisories uint32

// advisoryCodes are the codes of the Advise rules, in the order of the rules list: an
// advisory's bit in an Advisories set is its index here, and this is the order of
// [Advisories.Codes]. A new advisory needs its rule in that list, and nothing else.
var advisoryCodes = func() []Code {
	var out []Code
	for _, r := range rules {
		if r.Severity == Advise {
			out = append(out, r.Code)
		}
	}
	return out
}()

// bitOf returns the bit of the advisory with code c. It scans the codes rather than
// hashing c: deciding adds a few advisories on every call, and for the constants the
// checks pass, a scan of the short list costs less than a map lookup (about 30 ns of
// BenchmarkCanAssociate/allowed's 130).
func bitOf(c Code) (uint8, bool) {
	for b, code := range advisoryCodes {
		if code == c {
			return uint8(b), true
		}
	}
	return 0, false
}

// add puts the advisory with code c in the set; c is the code of an Advise rule
// (TestAdvisoriesFromTheRules).
func (a *Advisories) add(c Code) {
	if b, ok := bitOf(c); ok {
		*a |= 1 << b
	}
}

// Has reports whether the set holds the advisory with code c.
func (a Advisories) Has(c Code) bool {
	b, ok := bitOf(c)
	return ok && a&(1<<b) != 0
}

// All iterates over the codes in the set, in the order of [Advisories.Codes]. A for
// range over the set itself would iterate over an integer; use All.
func (a Advisories) All() iter.Seq[Code] {
	return func(yield func(Code) bool) {
		for b, code := range advisoryCodes {
			if a&(1<<b) != 0 && !yield(code) {
				return
			}
		}
	}
}

// Len returns the number of advisories in the set.
func (a Advisories) Len() int { return bits.OnesCount32(uint32(a)) }

// Codes returns the codes in the set, in a fixed order.
func (a Advisories) Codes() []Code {
	var out []Code
	for b, code := range advisoryCodes {
		if a&(1<<b) != 0 {
			out = append(out, code)
		}
	}
	return out
}

// List returns the advisories in the set with their messages and sources, in the order
// of [Advisories.Codes].
func (a Advisories) List() []Advisory {
	codes := a.Codes()
	out := make([]Advisory, 0, len(codes))
	for _, c := range codes {
		r := ruleIndex[c]
		out = append(out, Advisory{Code: c, Message: r.Summary, Source: r.Source})
	}
	return out
}

// String lists the codes, comma separated, or returns "none".
func (a Advisories) String() string {
	codes := a.Codes()
	if len(codes) == 0 {
		return "none"
	}
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// MarshalJSON encodes the set as the array of [Advisories.List].
func (a Advisories) MarshalJSON() ([]byte, error) { return json.Marshal(a.List()) }

// ErrUnknownCode is wrapped by the error that decoding an unknown code gives.
var ErrUnknownCode = errors.New("eipassoc: unknown code")

// UnmarshalJSON decodes an array of advisories (objects with a "code") or of codes.
// Messages are not read back: they come from the rules table. An unknown advisory code
// is an error wrapping [ErrUnknownCode].
func (a *Advisories) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	var set Advisories
	for _, item := range raw {
		var c Code
		var obj struct {
			Code Code `json:"code"`
		}
		if err := json.Unmarshal(item, &c); err != nil {
			if err := json.Unmarshal(item, &obj); err != nil {
				return err
			}
			c = obj.Code
		}
		found := false
		for b, code := range advisoryCodes {
			if code == c {
				set |= 1 << b
				found = true
			}
		}
		if !found {
			return &CodeError{Code: c}
		}
	}
	*a = set
	return nil
}

// A CodeError reports a code that names no advisory or rule.
type CodeError struct {
	Code Code // the code given
}

// Error quotes the code.
func (e *CodeError) Error() string { return "eipassoc: unknown code \"" + string(e.Code) + "\"" }

// Unwrap returns [ErrUnknownCode].
func (e *CodeError) Unwrap() error { return ErrUnknownCode }
