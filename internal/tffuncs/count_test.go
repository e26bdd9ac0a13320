package tffuncs

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestCount: what Terraform accepts as a count (a number, or a string it converts to
// one: count = "2" plans two instances with Terraform 1.11.4) and what it refuses
// (fractions, negatives, strings that are not numbers, booleans, null).
func TestCount(t *testing.T) {
	t.Parallel()
	for v, want := range map[cty.Value]int{
		cty.NumberIntVal(2): 2, cty.StringVal("2"): 2, cty.NumberIntVal(0): 0, cty.StringVal("0"): 0,
		cty.NumberFloatVal(3.0): 3,
	} {
		if got, err := Count(v); err != nil || got != want {
			t.Errorf("Count(%#v) = %d, %v; want %d", v, got, err, want)
		}
	}
	for _, v := range []cty.Value{
		cty.NumberFloatVal(1.5), cty.NumberIntVal(-1), cty.StringVal("two"), cty.True,
		cty.NullVal(cty.Number), cty.UnknownVal(cty.Number), cty.NumberIntVal(1 << 40),
	} {
		if got, err := Count(v); err == nil {
			t.Errorf("Count(%#v) = %d; want an error", v, got)
		}
	}
}
