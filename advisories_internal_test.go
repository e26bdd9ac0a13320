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

// TestAdvisoriesDeclaredInOnePlace: the advisories of the rules list are exactly the
// rules of adviceRules, in its order, after every violation, and no Advise rule is
// declared elsewhere.
func TestAdvisoriesDeclaredInOnePlace(t *testing.T) {
	for i, r := range adviceRules {
		if r.Severity != Advise {
			t.Errorf("adviceRules[%d] %s is not an advisory", i, r.Code)
		}
	}
	n := len(rules) - len(adviceRules)
	for _, r := range rules[:n] {
		if r.Severity == Advise {
			t.Errorf("%s is an advisory listed among the violations", r.Code)
		}
	}
	if !slices.EqualFunc(rules[n:], adviceRules, func(a, b Rule) bool { return a.Code == b.Code }) {
		t.Error("the rules list does not end with adviceRules")
	}
}
