package enum_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/internal/enum"
)

type color uint8

var errColor = errors.New("test: unknown color")

var table = &enum.Table[color]{
	Type: "test.Color", Noun: "color", Code: "color-invalid", Sentinel: errColor,
	Names:   []string{"", "Red", "Green"},
	Aliases: []enum.Alias[color]{{Name: "crimson", Value: 1}},
}

func TestTable(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]color{"red": 1, " GREEN ": 2, "Crimson": 1} {
		if got, err := table.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, err)
		}
	}
	_, err := table.Parse("blue")
	var pe *enum.Failure
	if !errors.As(err, &pe) || !errors.Is(err, errColor) || pe.Code != "color-invalid" || pe.Input != "blue" {
		t.Fatalf("Parse(blue) error = %#v", err)
	}
	if want := `test: parse "blue": unknown color (want Red or Green)`; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if got := table.String(9); got != "test.Color(9)" {
		t.Errorf("String(9) = %q", got)
	}
	if _, err := table.MarshalText(9); err == nil || !strings.Contains(err.Error(), "test.Color(9)") {
		t.Errorf("MarshalText(9) error = %v", err)
	}
	var c color = 2
	if err := table.UnmarshalText(nil, &c); err != nil || c != 0 {
		t.Errorf("UnmarshalText(empty) = %v, %v", c, err)
	}
	if err := table.UnmarshalText([]byte("teal"), &c); err == nil {
		t.Error("UnmarshalText(teal) did not fail")
	}
	one := &enum.Table[color]{Type: "x.Y", Noun: "y", Names: []string{"", "A"}}
	if _, err := one.Parse("b"); !strings.Contains(err.Error(), "(want A)") {
		t.Errorf("single-name message: %v", err)
	}
}
