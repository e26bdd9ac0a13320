package eipassoc

import (
	"slices"
	"testing"
)

// TestAdvisoriesFromTheRules: every Advise rule has a bit of its own in an Advisories
// set (32 at most), a set holding one holds it alone, and a set holding all lists them
// in the order of the rules list, as the rules' documentation tables do.
func TestAdvisoriesFromTheRules(t *testing.T) {
	var want []Code
	for _, r := range Rules() {
		if r.Severity == Advise {
			want = append(want, r.Code)
		}
	}
	if len(want) == 0 || len(want) > 32 {
		t.Fatalf("%d advisories; a set holds 1 to 32", len(want))
	}
	var all Advisories
	for _, c := range want {
		var one Advisories
		one.add(c)
		if !one.Has(c) || !slices.Equal(one.Codes(), []Code{c}) {
			t.Errorf("a set of %s alone: %v", c, one.Codes())
		}
		all.add(c)
	}
	if got := all.Codes(); !slices.Equal(got, want) {
		t.Errorf("every advisory: %v, want the rules list's order %v", got, want)
	}
}
