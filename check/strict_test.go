package check_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
)

// TestStrictPlanInput: what Terraform never writes into a plan is an *InputError that
// names the place (exit 2), never a change dropped or read as something else: an action
// outside Terraform's (no-op, create, read, update, delete, forget), a change without an
// address or with a null or empty one, two changes with one address, and anything after
// the plan's object. Each case changes one thing in a plan Terraform 1.11.4 made
// (testdata/v25/count-string-ok), which itself loads.
func TestStrictPlanInput(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "v25", "count-string-ok", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := check.LoadPlan(strings.NewReader(string(data)), "plan.json", check.PlanOptions{}); err != nil {
		t.Fatalf("the plan as Terraform wrote it: %v", err)
	}
	mutate := func(f func(changes []any) []any) string {
		var plan map[string]any
		if err := json.Unmarshal(data, &plan); err != nil {
			t.Fatal(err)
		}
		plan["resource_changes"] = f(plan["resource_changes"].([]any))
		out, err := json.Marshal(plan)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	change := func(cs []any, i int) map[string]any { return cs[i].(map[string]any) }
	for _, tc := range []struct {
		name, input, where, msg string
	}{
		{"an unknown action", mutate(func(cs []any) []any {
			change(cs, 1)["change"].(map[string]any)["actions"] = []any{"explode"}
			return cs
		}), "resource_changes[1] (alicloud_ecs_network_interface.default[1])", `unknown action "explode"`},
		{"no address", mutate(func(cs []any) []any { delete(change(cs, 2), "address"); return cs }),
			"resource_changes[2]", "no address"},
		{"a null address", mutate(func(cs []any) []any { change(cs, 2)["address"] = nil; return cs }),
			"resource_changes[2]", "not a string"},
		{"an empty address", mutate(func(cs []any) []any { change(cs, 2)["address"] = ""; return cs }),
			"resource_changes[2]", "no address"},
		{"one address twice", mutate(func(cs []any) []any { return append(cs, cs[0]) }),
			"(alicloud_ecs_network_interface.default[0])", "same address"},
		{"a second object after the plan", string(data) + "\n{}\n", "line", "data after the plan"},
		{"text after the plan", string(data) + " trailing", "line", "data after the plan"},
	} {
		m, err := check.LoadPlan(strings.NewReader(tc.input), "plan.json", check.PlanOptions{})
		var in *check.InputError
		if m != nil || !errors.As(err, &in) || !strings.Contains(in.Where, tc.where) ||
			!strings.Contains(in.Msg, tc.msg) {
			t.Errorf("%s: %v, want an *InputError at %q saying %q", tc.name, err, tc.where, tc.msg)
		}
		if in != nil && strings.Contains(in.Error(), "\n") {
			t.Errorf("%s: the error is not one line: %q", tc.name, in.Error())
		}
	}
}
