package eipassoc_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/internal/enumtest"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRulesAreDocumented keeps the rules table, the advisories and doc.go in step: every
// code is kebab-case, unique, and appears in the package documentation's tables.
func TestRulesAreDocumented(t *testing.T) {
	t.Parallel()
	seen := map[eipassoc.Code]bool{}
	for _, r := range eipassoc.Rules() {
		if !kebab.MatchString(string(r.Code)) || seen[r.Code] {
			t.Errorf("code %q is not kebab-case or not unique", r.Code)
		}
		seen[r.Code] = true
		if r.Summary == "" || r.Source == "" || r.Fix == "" ||
			(r.Severity != eipassoc.Deny && r.Severity != eipassoc.Advise) {
			t.Errorf("rule %s is incomplete: %+v", r.Code, r)
		}
		if got, ok := r.Code.Rule(); !ok || got.Code != r.Code {
			t.Errorf("Code.Rule() for %s = %+v, %v", r.Code, got, ok)
		}
	}
	if _, ok := eipassoc.Code("no-such-code").Rule(); ok {
		t.Error("unknown code has a rule")
	}
}

// TestAdvisoryCodes checks that every advisory rule can be carried by Advisories and
// nothing else can.
func TestAdvisoryCodes(t *testing.T) {
	t.Parallel()
	var all eipassoc.Advisories
	if err := json.Unmarshal([]byte(adviceJSON(t)), &all); err != nil {
		t.Fatal(err)
	}
	if all.Len() != len(adviceCodes()) {
		t.Errorf("Advisories holds %d of %d advisory codes", all.Len(), len(adviceCodes()))
	}
	for _, c := range adviceCodes() {
		if !all.Has(c) {
			t.Errorf("advisory %s cannot be carried", c)
		}
	}
	if all.Has(eipassoc.CodeENICapacity) {
		t.Error("a deny code is an advisory")
	}
	var a eipassoc.Advisories
	if err := json.Unmarshal([]byte(`["eni-capacity"]`), &a); !errors.Is(err, eipassoc.ErrUnknownCode) {
		t.Errorf("Unmarshal of a deny code: %v", err)
	}
	if err := json.Unmarshal([]byte(`[{"code":"nat-no-alg-protocols"}]`), &a); err != nil ||
		!a.Has(eipassoc.AdviseNATNoALG) {
		t.Errorf("Unmarshal of an object: %v, %v", a, err)
	}
	for _, bad := range []string{`{}`, `[1]`, `[{"code":1}]`} {
		if err := json.Unmarshal([]byte(bad), &a); err == nil {
			t.Errorf("Unmarshal(%s) did not fail", bad)
		}
	}
	if s := (eipassoc.Advisories(0)).String(); s != "none" {
		t.Errorf("empty String() = %q", s)
	}
}

func adviceCodes() []eipassoc.Code {
	var out []eipassoc.Code
	for _, r := range eipassoc.Rules() {
		if r.Severity == eipassoc.Advise {
			out = append(out, r.Code)
		}
	}
	return out
}

func adviceJSON(t *testing.T) string {
	data, err := json.Marshal(adviceCodes())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRulesReturnsACopy(t *testing.T) {
	t.Parallel()
	r := eipassoc.Rules()
	r[0].APICodes[0] = "changed"
	r[0].Summary = "changed"
	if got := eipassoc.Rules()[0]; got.Summary == "changed" || got.APICodes[0] == "changed" {
		t.Error("Rules shares storage with the table")
	}
}

func TestBehaviourContract(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]eipassoc.Behaviour{
		"documented": eipassoc.Documented, "STRICT": eipassoc.Documented, "observed": eipassoc.Observed,
		"api": eipassoc.Observed,
	} {
		got, err := eipassoc.ParseBehaviour(in)
		if err != nil || got != want {
			t.Errorf("ParseBehaviour(%q) = %v, %v", in, got, err)
		}
	}
	for _, b := range []eipassoc.Behaviour{eipassoc.Documented, eipassoc.Observed} {
		text, err := b.MarshalText()
		var back eipassoc.Behaviour = 7
		if err != nil || back.UnmarshalText(text) != nil || back != b {
			t.Errorf("text round trip of %v: %q, %v", b, text, back)
		}
	}
	enumtest.CheckParseError(t, "lenient", eipassoc.ParseBehaviour, eipassoc.ErrUnknownBehaviour, "behaviour-invalid")
	if s := eipassoc.Behaviour(5).String(); s != "eipassoc.Behaviour(5)" {
		t.Errorf("Behaviour(5) = %q", s)
	}
}

func FuzzParseBehaviour(f *testing.F) {
	enumtest.Fuzz(f, []eipassoc.Behaviour{eipassoc.Observed}, eipassoc.ParseBehaviour, "documented", "strict", "api")
}

func TestDecisionJSONRoundTrip(t *testing.T) {
	t.Parallel()
	r := request(modes.NAT, 2)
	r.Bound = bind(modes.NAT, 2)
	d := eipassoc.CanAssociate(r)
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back eipassoc.Decision
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, data)
	}
	if !strings.Contains(string(data), `"capacity":{"limit":2,"used":2}`) ||
		!strings.Contains(string(data), `"code":"nat-no-alg-protocols"`) {
		t.Errorf("JSON lacks capacity or advisories: %s", data)
	}
}

func TestRequestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	r := request(modes.MultiBinded, 3)
	r.Bound = bind(modes.MultiBinded, 2)
	r.Behaviour = eipassoc.Observed
	r.PrivateIP = addr(1)
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back eipassoc.Request
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	sameText := cmp.Comparer(func(a, b interface{ String() string }) bool { return a.String() == b.String() })
	if diff := cmp.Diff(r, back, sameText); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if eipassoc.CanAssociate(back).String() != eipassoc.CanAssociate(r).String() {
		t.Error("the decoded request decides differently")
	}
	if err := json.Unmarshal([]byte(`{"mode":"FAST"}`), &back); !errors.Is(err, modes.ErrUnknown) {
		t.Errorf("bad mode in JSON: %v", err)
	}
}
