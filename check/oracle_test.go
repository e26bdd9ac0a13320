package check_test

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/internal/oracle"
	"pgregory.net/rapid"
)

// The oracle runs when -oracle N (or EIPASSOC_ORACLE=N) asks for N cases and Terraform
// and the stub provider are at hand (.ci/run builds the stub when terraform is on the
// PATH); EIPASSOC_ORACLE_FIRST=K starts at case K; -oracle-save DIR keeps every case it
// made, as the replayed fixtures of testdata/oracle were made.
var (
	oracleCases = flag.Int("oracle", 0, "generated configurations to check against Terraform (0: none)")
	oracleSave  = flag.String("oracle-save", "", "keep each generated case in this directory")
)

// checkCase loads a case's plan alone, with its sources, and with them on demand, runs
// the rules, and compares each model with the truth.
func checkCase(t testing.TB, dir string, want oracle.Truth) []string {
	t.Helper()
	var all []string
	for _, mode := range loadModes {
		m, err := loadIn(dir, mode)
		if err != nil {
			return append(all, mode+": "+err.Error())
		}
		fs := check.Run(m, v9Options)
		for _, d := range oracle.Compare(m, fs, want, mode != "plan alone") {
			all = append(all, mode+": "+d)
		}
	}
	return all
}

// TestOracleCases replays the cases of testdata/oracle without Terraform: each holds a
// generated configuration, the plan Terraform 1.11.4 made of it with the stub provider,
// and truth.json, what Terraform's apply made of every reference (read from the state).
func TestOracleCases(t *testing.T) {
	t.Parallel()
	dirs := oracle.Cases(filepath.Join("testdata", "oracle"))
	if len(dirs) == 0 {
		t.Fatal("no oracle cases in testdata/oracle")
	}
	for _, dir := range dirs {
		want, err := oracle.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range checkCase(t, dir, want) {
			t.Errorf("%s: %s", dir, d)
		}
	}
}

// TestTerraformOracle: over generated configurations of the language users write around
// EIPs and ENIs (see genConfig), Terraform is the oracle: it plans each with the stub
// provider and applies it, and what check resolves from the plan (alone, with the
// sources, on demand) is Terraform's value or undecided with a reason, never another.
func TestTerraformOracle(t *testing.T) {
	n := *oracleCases
	if n == 0 {
		n, _ = strconv.Atoi(os.Getenv("EIPASSOC_ORACLE"))
	}
	stub := os.Getenv("EIPASSOC_STUB_DIR")
	if n == 0 || stub == "" {
		t.Skip("the oracle runs with -oracle N (or EIPASSOC_ORACLE) and EIPASSOC_STUB_DIR, the stub provider's directory")
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("no terraform on the PATH")
	}
	rc := filepath.Join(t.TempDir(), "tfrc")
	if err := os.WriteFile(rc, []byte(`provider_installation {
  dev_overrides {
    "aliyun/alicloud" = "`+stub+`"
  }
  direct {}
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	first, _ := strconv.Atoi(os.Getenv("EIPASSOC_ORACLE_FIRST")) // a later run can go on from here
	gen := rapid.Custom(genConfig)
	for i := first; i < first+n; i++ {
		cfg := gen.Example(i) // the same configuration for the same i, on every machine
		dir := filepath.Join(t.TempDir(), "case")
		if *oracleSave != "" {
			dir = filepath.Join(*oracleSave, fmt.Sprintf("case-%04d", i))
		}
		want, err := terraformTruth(tf, rc, dir, cfg)
		if err != nil {
			t.Fatalf("case %d: Terraform refused the configuration (a generator bug): %v\n%s", i, err, cfg)
		}
		if diffs := checkCase(t, dir, want); len(diffs) > 0 {
			t.Errorf("case %d: check differs from Terraform:\n%s\n\n%s", i, strings.Join(diffs, "\n"), cfg)
		}
	}
}
