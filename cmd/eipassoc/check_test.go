package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCheck(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWith(
		t.Context(),
		append([]string{"check"}, args...),
		strings.NewReader(stdin),
		&out,
		&errOut,
		func(k string) string { return env[k] },
	)
	return code, out.String(), errOut.String()
}

const basicPlan = "../../check/testdata/basic/plan.json"

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"findings", []string{basicPlan}, exitFindings},
		{"fail-on never", []string{"-fail-on", "never", basicPlan}, exitOK},
		{
			"all waived or fixed: inventory with observed NAT",
			[]string{"-inventory", "-fail-on", "never", "../../check/testdata/inventory.yaml"},
			exitOK,
		},
		{"missing file", []string{"nope.json"}, exitUsage},
		{"two inputs", []string{basicPlan, basicPlan}, exitUsage},
		{"bad format", []string{"-format", "xml", basicPlan}, exitUsage},
		{"bad fail-on", []string{"-fail-on", "sometimes", basicPlan}, exitUsage},
		{"bad unknown", []string{"-unknown", "maybe", basicPlan}, exitUsage},
		{"bad region", []string{"-region", "mars-1", basicPlan}, exitUsage},
		{"bad waivers", []string{"-waivers", "../../check/testdata/basic/main.tf", basicPlan}, exitUsage},
		{"inventory as plan", []string{"../../check/testdata/inventory.yaml"}, exitUsage},
	}
	for _, tc := range tests {
		if code, _, stderr := runCheck(t, "", nil, tc.args...); code != tc.want {
			t.Errorf("%s: exit %d, want %d\n%s", tc.name, code, tc.want, stderr)
		}
	}
}

func TestCheckBadInputNamesTheFile(t *testing.T) {
	code, _, stderr := runCheck(t, `{"format_version": "1.2", "resource_changes": [}`, nil, "-")
	if code != exitUsage || !strings.Contains(stderr, "-: line 1") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestCheckFormatsAndStepSummary(t *testing.T) {
	dir := t.TempDir()
	summary := filepath.Join(dir, "summary.md")
	sarif := filepath.Join(dir, "out.sarif")
	junit := filepath.Join(dir, "out.xml")
	code, stdout, stderr := runCheck(
		t,
		"",
		map[string]string{"GITHUB_STEP_SUMMARY": summary},
		"-tf-dir",
		"../../check/testdata/basic",
		"-waivers",
		"../../check/testdata/waivers.yaml",
		"-today",
		"2026-11-25",
		"-format",
		"github,sarif="+sarif+",junit="+junit,
		basicPlan,
	)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(
		stdout,
		"::error file=check/testdata/basic/main.tf,line=71",
	) { // relative to the repository root
		t.Errorf("no annotation:\n%s", stdout)
	}
	for _, f := range []string{summary, sarif, junit} {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	data, _ := os.ReadFile(summary)
	if !strings.Contains(string(data), "| suppressed | error | `plan-eni-target-not-network-interface` |") {
		t.Errorf("step summary:\n%s", data)
	}
}

func TestCheckStdinJSON(t *testing.T) {
	plan, err := os.ReadFile(basicPlan)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCheck(t, string(plan), nil, "-format", "json", "-")
	if code != exitFindings || !strings.Contains(stdout, `"rule_id": "eni-capacity"`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestExplainModesRegions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{
			"explain", "-mode", "cut-through", "-region", "cn-guangzhou",
		}, []string{"cut-through mode (BINDED)", "product doc " +
			"offered, API doc not offered", "eni-capacity:"}},
		{[]string{"explain"}, []string{"multi-EIP-to-ENI mode", "ecs.g5", "plan-attachment-order:"}},
		{[]string{"modes"}, []string{"MULTI_BINDED  multi-EIP-to-ENI mode"}},
		{[]string{"regions", "-mode", "MULTI_BINDED"}, []string{"ap-southeast-1", "cn-shanghai"}},
	} {
		var out, errOut bytes.Buffer
		if code := runWith(t.Context(), tc.args, strings.NewReader(""), &out, &errOut, os.Getenv); code != exitOK {
			t.Errorf("%v: exit %d %s", tc.args, code, errOut.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out.String())
			}
		}
	}
	var out, errOut bytes.Buffer
	if code := runWith(t.Context(), []string{
		"explain", "-mode", "turbo",
	}, nil, &out, &errOut, os.Getenv); code != exitUsage {
		t.Errorf("bad mode: exit %d", code)
	}
}

// summaryOf runs check with JSON output and returns the summary.
func summaryOf(t *testing.T, stdin string, args ...string) (int, map[string]int) {
	t.Helper()
	code, stdout, stderr := runCheck(t, stdin, nil, append([]string{"-format", "json"}, args...)...)
	var doc struct {
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON (exit %d): %v\n%s", code, err, stderr)
	}
	return code, doc.Summary
}

// TestCheckEvaluatesSources: the sources next to the plan file are read without a flag
// (the common CI layout); a plan read elsewhere needs -tf-dir, and without sources the
// computed references stay undecided.
func TestCheckEvaluatesSources(t *testing.T) {
	const idioms = "../../check/testdata/v9/index-idioms-bad"
	code, s := summaryOf(t, "", idioms+"/plan.json")
	if code != exitFindings || s["errors"] != 5 || s["unknown"] != 0 {
		t.Errorf("next to its sources: exit %d, %v; want the 5 capacity errors and nothing unknown", code, s)
	}
	plan, err := os.ReadFile(idioms + "/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	code, s = summaryOf(t, string(plan), "-unknown", "fail", "-")
	if code != exitFindings || s["errors"] != 14 || s["unknown"] != 14 {
		t.Errorf("from stdin, no sources, -unknown=fail: exit %d, %v; want all 14 undecided, as errors", code, s)
	}
	elsewhere := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(elsewhere, plan, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, s = summaryOf(t, "", "-tf-dir", idioms, elsewhere); code != exitFindings || s["errors"] != 5 ||
		s["unknown"] != 0 {
		t.Errorf("with -tf-dir: exit %d, %v", code, s)
	}
}

// TestCheckInstanceDHCP: multi-EIP-to-ENI needs DHCP on the instance, which no plan
// says; -instance-dhcp tells.
func TestCheckInstanceDHCP(t *testing.T) {
	const plan = "../../check/testdata/v9/attach-existing-ok/plan.json"
	if code, s := summaryOf(t, "", "-multi-binded-allowed", plan); code != exitOK || s["unknown"] != 1 ||
		s["warnings"] != 1 {
		t.Errorf("DHCP unknown: exit %d, %v; want one undecided resource, warned", code, s)
	}
	if code, s := summaryOf(t, "", "-multi-binded-allowed", "-instance-dhcp", "enabled", plan); code != exitOK ||
		s["unknown"] != 0 ||
		s["warnings"] != 0 {
		t.Errorf("DHCP enabled: exit %d, %v", code, s)
	}
	if code, s := summaryOf(t, "", "-multi-binded-allowed", "-instance-dhcp", "disabled", plan); code != exitFindings ||
		s["errors"] != 1 {
		t.Errorf("DHCP disabled: exit %d, %v; want instance-dhcp-disabled", code, s)
	}
	if code, _, _ := runCheck(t, "", nil, "-instance-dhcp", "sometimes", plan); code != exitUsage {
		t.Errorf("bad -instance-dhcp: exit %d", code)
	}
}

// TestCLIConventions: what users of conftest, tflint and trivy expect.
func TestCLIConventions(t *testing.T) {
	// Flags after the input file, and after "-" for standard input.
	if code, _, stderr := runCheck(t, "", nil, basicPlan, "-fail-on", "never", "-format", "json"); code != exitOK {
		t.Errorf("flags after the input: exit %d\n%s", code, stderr)
	}
	plan, _ := os.ReadFile(basicPlan)
	if code, stdout, _ := runCheck(t, string(plan), nil, "-", "-format", "json=-"); code != exitFindings ||
		!strings.HasPrefix(stdout, "{") {
		t.Errorf("-format json=- is standard output: exit %d, %.40q", code, stdout)
	}
	// Help on stdout, exit 0, for every command and every spelling.
	for _, cmd := range []string{"check", "explain", "modes", "regions", "serve", "version"} {
		for _, args := range [][]string{{"help", cmd}, {cmd, "-h"}, {cmd, "--help"}} {
			var out, errOut bytes.Buffer
			code := runWith(t.Context(), args, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
			if code != exitOK || !strings.Contains(out.String(), "Usage: eipassoc "+cmd) || errOut.Len() != 0 {
				t.Errorf("%v: exit %d, stdout %.60q, stderr %q", args, code, out.String(), errOut.String())
			}
		}
	}
	// A usage error goes to stderr with a hint, exit 2.
	var out, errOut bytes.Buffer
	if code := runWith(t.Context(), []string{
		"check", "-nope", basicPlan,
	}, strings.NewReader(""), &out, &errOut, func(string) string { return "" }); code != exitUsage ||
		out.Len() != 0 ||
		!strings.Contains(errOut.String(), `Run "eipassoc help check"`) {
		t.Errorf("bad flag: exit %d, stderr %q", code, errOut.String())
	}
	// Singular and plural, and no Go type names.
	_, stdout, _ := runCheck(t, "", nil, "-fail-on", "never", "../../check/testdata/v9/mode-change-bad/plan.json")
	if !strings.Contains(stdout, "1 resource checked, 1 error, 0 warnings") {
		t.Errorf("summary line: %q", stdout)
	}
	_, _, stderr := runCheck(t, "", nil, "-behaviour", "lax", basicPlan)
	if strings.Contains(stderr, "eipassoc.") || strings.Contains(stderr, "*") {
		t.Errorf("a Go name in a user error: %q", stderr)
	}
}

// TestCheckBinaryPlanHint: a binary plan file (a zip) gets told what to do.
func TestCheckBinaryPlanHint(t *testing.T) {
	code, _, stderr := runCheck(t, "PK\x03\x04\x14\x00binary", nil, "-")
	if code != exitUsage || !strings.Contains(stderr, "terraform show -json") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestCheckRepoRoot: SARIF and annotations name files relative to the repository root,
// and SARIF declares that root, so a plan checked in a subdirectory annotates
// subdirectory/main.tf in a pull request.
func TestCheckRepoRoot(t *testing.T) {
	dir := t.TempDir()
	sarifFile := filepath.Join(dir, "out.sarif")
	code, stdout, stderr := runCheck(
		t,
		"",
		nil,
		"-repo-root",
		"../..",
		"-format",
		"github,sarif="+sarifFile,
		"../../check/testdata/v9/mode-change-bad/plan.json",
	)
	if code != exitFindings || !strings.Contains(stdout, "file=check/testdata/v9/mode-change-bad/main.tf,line=") {
		t.Fatalf("exit %d, annotations %q\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	run := doc.Runs[0]
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+filepath.ToSlash(root)+"/" {
		t.Errorf("%%SRCROOT%% = %q, want the repository root", got)
	}
	loc := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if loc.URI != "check/testdata/v9/mode-change-bad/main.tf" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact location %+v", loc)
	}
}

// TestCheckLimitsFile: an instance type newer than the built-in table (ecs.g8i.large)
// leaves the instance's ENI quota undecided; a -limits table that lists it decides it.
// With 1 ENI (the primary alone) attaching a secondary ENI is over the quota; with 3 it
// is not.
func TestCheckLimitsFile(t *testing.T) {
	src, err := os.ReadFile("../../check/testdata/v9/attach-existing-ok/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	newer := bytes.ReplaceAll(src, []byte("ecs.g5.large"), []byte("ecs.g8i.large"))
	if err := os.WriteFile(plan, newer, 0o644); err != nil {
		t.Fatal(err)
	}
	tables := 0
	table := func(text string) string {
		tables++
		f := filepath.Join(dir, fmt.Sprintf("limits-%d.txt", tables))
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	quota := func(args ...string) string {
		_, stdout, stderr := runCheck(
			t,
			"",
			nil,
			append([]string{"-instance-dhcp", "enabled", "-fail-on", "never"}, append(args, plan)...)...)
		for _, line := range strings.Split(stdout, "\n") {
			if strings.Contains(line, "instance-eni-quota") {
				return strings.TrimSpace(line)
			}
		}
		if stderr != "" {
			t.Fatalf("stderr: %s", stderr)
		}
		return ""
	}
	if got := quota(); !strings.Contains(got, "not decided") {
		t.Errorf("without -limits: %q, want instance-eni-quota undecided", got)
	}
	if got := quota("-limits", table("ecs.g8i: large 1/10\n")); !strings.HasPrefix(
		got,
		"✗ error   instance-eni-quota",
	) {
		t.Errorf("with 1 ENI: %q, want an instance-eni-quota error", got)
	}
	if got := quota("-limits", table("ecs.g8i: large 3/10\n")); got != "" {
		t.Errorf("with 3 ENIs: %q, want no instance-eni-quota finding", got)
	}
	if code, _, stderr := runCheck(t, "", nil, "-limits", table("ecs.g8i: large x/10\n"), plan); code != exitUsage ||
		!strings.Contains(stderr, "-limits") {
		t.Errorf("a bad table: exit %d, %q", code, stderr)
	}
}
