package check_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
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

// A truth is what Terraform made of a configuration, read from the state after a stub
// apply: for each association and attachment, the resources its arguments name (by
// address) and its values. It is the expected value of the oracle.
type truth struct {
	Associations map[string]truthAssociation `json:"associations"`
	Attachments  map[string]truthAttachment  `json:"attachments"`
}

type truthAssociation struct {
	Target    string `json:"target"`
	EIP       string `json:"eip"`
	PrivateIP string `json:"private_ip,omitempty"`
	Mode      string `json:"mode,omitempty"`
}

type truthAttachment struct {
	ENI      string `json:"eni"`
	Instance string `json:"instance"`
}

// compareWithTruth checks a model against Terraform's truth: every association and
// attachment Terraform made is in the model, and each value the model resolved is
// Terraform's; a value the model left unresolved must say why, and with complete set
// (the model had the sources, and the configuration uses only what the README says is
// evaluated) must not be unresolved at all. It also checks that no rule reports an
// evaluation failure as a missing ID.
func compareWithTruth(m *check.Model, fs []check.Finding, want truth, complete bool) []string {
	var diffs []string
	seen := map[string]bool{}
	for _, a := range m.Associations {
		w, ok := want.Associations[a.Address]
		if !ok {
			continue
		}
		seen[a.Address] = true
		if complete && (a.Target == "" || a.EIP == "") {
			diffs = append(diffs, fmt.Sprintf("%s: unresolved with the sources (target %q: %s; EIP %q)", a.Address,
				a.Target, a.TargetUnknown, a.EIP))
		}
		switch {
		case a.Target == "" && a.TargetUnknown.Known():
			diffs = append(diffs, a.Address+": target unresolved without a reason")
		case a.Target != "" && string(a.Target) != w.Target && !strings.HasPrefix(string(a.Target), w.Target+"."):
			diffs = append(diffs, fmt.Sprintf("%s: target %s, Terraform: %s", a.Address, a.Target, w.Target))
		}
		if a.EIP != "" && string(a.EIP) != w.EIP {
			diffs = append(diffs, fmt.Sprintf("%s: EIP %s, Terraform: %s", a.Address, a.EIP, w.EIP))
		}
		if a.PrivateIPUnknown.Known() && a.PrivateIP.IsValid() && a.PrivateIP.String() != w.PrivateIP {
			diffs = append(diffs, fmt.Sprintf("%s: private IP %s, Terraform: %q", a.Address, a.PrivateIP, w.PrivateIP))
		}
		if a.ModeUnknown.Known() && a.ModeSet && a.Mode.String() != w.Mode {
			diffs = append(diffs, fmt.Sprintf("%s: mode %s, Terraform: %q", a.Address, a.Mode, w.Mode))
		}
	}
	for _, at := range m.Attachments {
		w, ok := want.Attachments[at.Address]
		if !ok {
			continue
		}
		seen[at.Address] = true
		if complete && (at.ENI == "" || at.Instance == "") {
			diffs = append(diffs, fmt.Sprintf("%s: unresolved with the sources (ENI: %s; instance: %s)", at.Address,
				at.ENIUnknown, at.InstanceUnknown))
		}
		if at.ENI != "" && string(at.ENI) != w.ENI || at.ENI == "" && at.ENIUnknown.Known() {
			diffs = append(diffs, fmt.Sprintf("%s: ENI %q, Terraform: %s", at.Address, at.ENI, w.ENI))
		}
		if at.Instance != "" && string(at.Instance) != w.Instance || at.Instance == "" && at.InstanceUnknown.Known() {
			diffs = append(diffs, fmt.Sprintf("%s: instance %q, Terraform: %s", at.Address, at.Instance, w.Instance))
		}
	}
	for _, addrs := range []iter.Seq[string]{maps.Keys(want.Associations), maps.Keys(want.Attachments)} {
		for addr := range addrs {
			switch {
			case seen[addr]:
			case m.ENIs[check.Key(addr)] != nil && !complete:
				// an instance's block the plan alone cannot resolve: an ENI known by its
				// block only, whose rules are undecided
			default:
				diffs = append(diffs, addr+": Terraform made it; the model has no such resource")
			}
		}
	}
	for _, f := range fs {
		switch f.Rule {
		case eipassoc.CodeEIPInvalid, eipassoc.CodeENIInvalid, eipassoc.CodeInstanceInvalid:
			if f.Status == check.StatusFail && strings.Contains(f.Message, "no ") {
				diffs = append(diffs, fmt.Sprintf("%s: %s on a resource Terraform made: %s", f.Address, f.Rule, f.Message))
			}
		}
	}
	slices.Sort(diffs)
	return diffs
}

// checkCase loads a case's plan alone, with its sources, and with them on demand, runs
// the rules, and compares each model with the truth.
func checkCase(t testing.TB, dir string, want truth) []string {
	t.Helper()
	var all []string
	for _, mode := range loadModes {
		m, err := loadIn(dir, mode)
		if err != nil {
			return append(all, mode+": "+err.Error())
		}
		fs := check.Run(m, v9Options)
		for _, d := range compareWithTruth(m, fs, want, mode != "plan alone") {
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
	dirs, _ := filepath.Glob(filepath.Join("testdata", "oracle", "*"))
	if len(dirs) == 0 {
		t.Fatal("no oracle cases in testdata/oracle")
	}
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, "truth.json"))
		if err != nil {
			t.Fatal(err)
		}
		var want truth
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if len(want.Associations)+len(want.Attachments) == 0 {
			t.Errorf("%s: a truth without resources", dir)
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
