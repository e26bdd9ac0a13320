package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/internal/release"
	"go.yaml.in/yaml/v3"
)

// checkHelpFlags returns the flags "eipassoc check" accepts, from its help.
func checkHelpFlags(t *testing.T) map[string]bool {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := runWith(t.Context(), []string{
		"help", "check",
	}, strings.NewReader(""), &out, &errOut, func(string) string { return "" }); code != exitOK {
		t.Fatalf("help check: exit %d", code)
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`).FindAllStringSubmatch(out.String(), -1) {
		flags[m[1]] = true
	}
	return flags
}

// TestActionMatchesTheCLI: the GitHub Action passes only flags that "eipassoc check"
// has, passes every input it declares, installs through the repository's script, and
// installs by default the release that will carry it: the CHANGELOG's next one
// (internal/release), which scripts/release.sh builds.
func TestActionMatchesTheCLI(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Run  string            `yaml:"run"`
				Env  map[string]string `yaml:"env"`
				Uses string            `yaml:"uses"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	flags := checkHelpFlags(t)
	if len(flags) < 10 {
		t.Fatalf("found only %d flags in the help", len(flags))
	}
	var check, install string
	used := map[string]bool{}
	for _, s := range action.Runs.Steps {
		if s.ID == "check" {
			check = s.Run
		}
		if strings.Contains(s.Run, "install.sh") {
			install = s.Run
		}
		for _, v := range s.Env {
			for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(v, -1) {
				used[m[1]] = true
			}
		}
		if s.Uses != "" && strings.Contains(s.Uses, "upload-sarif") {
			used["upload-sarif"] = true
		}
	}
	if check == "" || install == "" {
		t.Fatal("no check step, or no install step")
	}
	arrays := regexp.MustCompile(`args\+?=\(([^)]*)\)`).FindAllStringSubmatch(check, -1)
	if len(arrays) == 0 {
		t.Fatal("the check step builds no args array")
	}
	for _, a := range arrays {
		for _, m := range regexp.MustCompile(`(?:^|\s)-([a-z][a-z-]*)\b`).FindAllStringSubmatch(a[1], -1) {
			if !flags[m[1]] {
				t.Errorf("action.yml passes -%s, which eipassoc check does not have", m[1])
			}
		}
	}
	for name := range action.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but never used", name)
		}
	}
	changelog, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	next, err := release.Next(changelog)
	if err != nil {
		t.Fatal(err)
	}
	if action.Inputs["version"].Default != next.Tag() {
		t.Errorf(
			"the action installs %q by default; the release that carries this action.yml is %s",
			action.Inputs["version"].Default,
			next.Tag(),
		)
	}
	if _, err := os.Stat("../../scripts/install.sh"); err != nil {
		t.Error(err)
	}
}
