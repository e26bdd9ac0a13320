package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCheck(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWith(t.Context(), append([]string{"check"}, args...), strings.NewReader(stdin), &out, &errOut, func(k string) string { return env[k] })
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
		{"all waived or fixed: inventory with observed NAT", []string{"-inventory", "-fail-on", "never", "../../check/testdata/inventory.yaml"}, exitOK},
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
	code, stdout, stderr := runCheck(t, "", map[string]string{"GITHUB_STEP_SUMMARY": summary},
		"-tf-dir", "../../check/testdata/basic", "-waivers", "../../check/testdata/waivers.yaml", "-today", "2026-11-25",
		"-format", "github,sarif="+sarif+",junit="+junit, basicPlan)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "::error file=main.tf,line=71") {
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
		{[]string{"explain", "-mode", "cut-through", "-region", "cn-guangzhou"}, []string{"cut-through mode (BINDED)", "product doc offered, API doc not offered", "eni-capacity:"}},
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
	if code := runWith(t.Context(), []string{"explain", "-mode", "turbo"}, nil, &out, &errOut, os.Getenv); code != exitUsage {
		t.Errorf("bad mode: exit %d", code)
	}
}
