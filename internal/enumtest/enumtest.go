// Package enumtest checks the contract every enum of eipassoc's domain packages keeps:
// Parse(v.String()) == v in any letter case, text and JSON round trips, the empty text
// for the zero value, and typed parse errors with a stable code. It is for tests only.
package enumtest

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// Enum is the method set the domain enums share.
type Enum interface {
	~uint8
	String() string
	IsValid() bool
	encoding.TextMarshaler
}

// Pointer is *T with UnmarshalText.
type Pointer[T any] interface {
	*T
	encoding.TextUnmarshaler
}

// coder is what the parse errors of the domain packages implement.
type coder interface{ Code() string }

// Check runs the enum contract on every value in values, which must list all valid
// values, with parse as the package's parser and sentinel as its parse error sentinel.
func Check[T Enum, P Pointer[T]](t *testing.T, values []T, parse func(string) (T, error), sentinel error, code string) {
	t.Helper()
	if len(values) == 0 {
		t.Fatal("no values")
	}
	for _, v := range values {
		if !v.IsValid() {
			t.Errorf("%v: IsValid() = false", v)
		}
		spellings := []string{v.String(), strings.ToLower(v.String()), strings.ToUpper(v.String()), " " + v.String() + "\t"}
		for _, s := range spellings {
			got, err := parse(s)
			if err != nil || got != v {
				t.Errorf("parse(%q) = %v, %v; want %v", s, got, err, v)
			}
		}
		text, err := v.MarshalText()
		if err != nil {
			t.Errorf("%v.MarshalText() error: %v", v, err)
		}
		var back T
		if err := P(&back).UnmarshalText(text); err != nil || back != v {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, v)
		}
		checkJSON(t, v)
	}
	var zero T
	if zero.IsValid() {
		t.Errorf("zero value is valid")
	}
	if text, err := zero.MarshalText(); err != nil || len(text) != 0 {
		t.Errorf("zero.MarshalText() = %q, %v; want empty", text, err)
	}
	checkJSON(t, zero)
	bad := T(200)
	if bad.IsValid() || !strings.Contains(bad.String(), "(200)") {
		t.Errorf("T(200): IsValid %v, String %q", bad.IsValid(), bad.String())
	}
	if _, err := bad.MarshalText(); err == nil {
		t.Errorf("T(200).MarshalText() did not fail")
	}
	for _, s := range []string{"", " ", "nope", "\x00", strings.Repeat("x", 1000)} {
		CheckParseError(t, s, parse, sentinel, code)
	}
}

// CheckParseError checks that parse(s) fails with a typed, coded error wrapping sentinel.
func CheckParseError[T Enum](t *testing.T, s string, parse func(string) (T, error), sentinel error, code string) {
	t.Helper()
	v, err := parse(s)
	if err == nil {
		t.Errorf("parse(%q) = %v, want an error", s, v)
		return
	}
	if v != 0 {
		t.Errorf("parse(%q) returned %v with its error, want the zero value", s, v)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("parse(%q) error %v does not wrap %v", s, err, sentinel)
	}
	var c coder
	if !errors.As(err, &c) || c.Code() != code {
		t.Errorf("parse(%q) error %T has no code %q", s, err, code)
	}
	// The error's type belongs to a public package, so go doc shows its methods.
	if typ := reflect.TypeOf(err); typ.Kind() != reflect.Pointer ||
		strings.Contains(typ.Elem().PkgPath(), "/internal/") ||
		typ.Elem().Name() != "ParseError" {
		t.Errorf("parse(%q) error is a %v; want a *ParseError of the enum's own package", s, typ)
	}
}

func checkJSON[T Enum](t *testing.T, v T) {
	t.Helper()
	type wrap struct{ V T }
	data, err := json.Marshal(wrap{v})
	if err != nil {
		t.Errorf("json.Marshal(%v): %v", v, err)
		return
	}
	var back wrap
	if err := json.Unmarshal(data, &back); err != nil || back.V != v {
		t.Errorf("json round trip of %v via %s = %v, %v", v, data, back.V, err)
	}
}

// Property checks with rapid that parse never panics on arbitrary strings, and that
// whatever it accepts names a valid value which its String parses back to.
func Property[T Enum](t *testing.T, parse func(string) (T, error)) {
	t.Helper()
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		v, err := parse(s)
		if err != nil {
			return
		}
		if !v.IsValid() {
			t.Fatalf("parse(%q) accepted invalid %v", s, v)
		}
		if back, err := parse(v.String()); err != nil || back != v {
			t.Fatalf("parse(%q) = %v but parse(%q) = %v, %v", s, v, v.String(), back, err)
		}
	})
}

// Fuzz runs parse on fuzzed input seeded with the spellings of values plus the seeds,
// checking it never panics and that what it accepts round-trips.
func Fuzz[T Enum](f *testing.F, values []T, parse func(string) (T, error), seeds ...string) {
	for _, v := range values {
		f.Add(v.String())
		f.Add(strings.ToLower(v.String()))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			var c coder
			if !errors.As(err, &c) || c.Code() == "" || !strings.Contains(err.Error(), "parse") {
				t.Fatalf("parse(%q): error %v has no code or does not name the parser", s, err)
			}
			return
		}
		if back, err := parse(v.String()); err != nil || back != v {
			t.Fatalf("parse(%q) = %v but parse(%q) = %v, %v", s, v, v.String(), back, err)
		}
	})
}
