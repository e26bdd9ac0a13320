package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/internal/oracle"
	"github.com/eipassoc/eipassoc/lint"
)

// TestRulesetOracle: on the cases of the Terraform oracle (check/testdata/oracle, and
// those in $EIPASSOC_ORACLE_DIR, where .ci/run keeps the ones it generates), what the
// ruleset resolves for each association and attachment is what Terraform's apply made
// of it (truth.json), or undecided with a reason, never another value; and no rule
// reports a missing ID on a resource Terraform made. The ruleset writes the plan it
// checks (lint.PlanFileEnv); check reads it as the ruleset does.
func TestRulesetOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tflint and the plugin")
	}
	dirs := oracle.Cases(filepath.Join("..", "check", "testdata", "oracle"))
	if extra := os.Getenv("EIPASSOC_ORACLE_DIR"); extra != "" {
		dirs = append(dirs, oracle.Cases(extra)...)
	}
	if len(dirs) == 0 {
		t.Fatal("no oracle cases")
	}
	decided := 0
	for _, dir := range dirs {
		want, err := oracle.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		planFile := filepath.Join(t.TempDir(), "lint-plan.json")
		out := runTFLintConfig(t, dir, "testdata/tflint/oracle.hcl", "json", lint.PlanFileEnv+"="+planFile)
		var report tflintReport
		if err := json.Unmarshal(out, &report); err != nil {
			t.Fatalf("%s: %v\n%s", dir, err, out)
		}
		for _, e := range report.Errors {
			t.Errorf("%s: tflint: %s", dir, e.Message)
		}
		// A resource the ruleset cannot expand is reported undecided, with the reason,
		// and is not in its plan: what Terraform made of it is not compared. No reason
		// gives the advice of another tool (eipassoc check's -tf-dir).
		for _, is := range report.Issues {
			if strings.Contains(is.Message, "-tf-dir") {
				t.Errorf("%s: the ruleset advises a flag of eipassoc check: %s", dir, is.Message)
			}
			rest, ok := strings.CutPrefix(is.Message, "cannot tell which instances ")
			if !ok {
				continue
			}
			addr, _, _ := strings.Cut(rest, " has: ")
			for a := range want.Associations {
				if within(a, addr) {
					delete(want.Associations, a)
				}
			}
			for a := range want.Attachments {
				if within(a, addr) {
					delete(want.Attachments, a)
				}
			}
		}
		data, err := os.ReadFile(planFile)
		if err != nil {
			t.Fatalf("%s: the ruleset wrote no plan: %v", dir, err)
		}
		m, err := check.LoadPlan(bytes.NewReader(data), "configuration", check.PlanOptions{})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		fs := check.Run(m, check.Options{NoState: true})
		for _, d := range oracle.Compare(m, fs, want, false) {
			t.Errorf("%s: ruleset: %s", dir, d)
		}
		for _, a := range m.Associations {
			if _, ok := want.Associations[a.Address]; ok && a.Target != "" && a.EIP != "" {
				decided++
			}
		}
	}
	if decided == 0 {
		t.Error("the ruleset resolved no association of any case: nothing was compared")
	}
	t.Logf("%d cases, %d associations resolved by the ruleset and compared", len(dirs), decided)
}

// within reports whether address addr is resource block block, one of its instances
// or something of one (an instance's network_interfaces[0]).
func within(addr, block string) bool {
	rest, ok := strings.CutPrefix(addr, block)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[')
}
