package report_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
	"github.com/google/go-cmp/cmp"
)

var updateRuleDocs = flag.Bool("update-rule-docs", false, "rewrite docs/rules from the rules tables; review the diff")

const docsDir = "../../docs/rules"

// TestRuleDocs keeps docs/rules in step with the rules tables: one page per rule, and
// no page for a rule that does not exist.
func TestRuleDocs(t *testing.T) {
	pages := report.RulePages()
	if *updateRuleDocs {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, page := range pages {
			if err := os.WriteFile(filepath.Join(docsDir, name), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
	for _, file := range files {
		if _, ok := pages[filepath.Base(file)]; !ok {
			t.Errorf("%s documents no rule", file)
		}
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%s is missing (run with -update-rule-docs)", name)
			continue
		}
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("%s is out of step (-want +got):\n%s", name, diff)
		}
	}
}

// TestSARIFHelpLinksExist: every rule's helpUri names a page that exists in docs/rules.
func TestSARIFHelpLinksExist(t *testing.T) {
	for _, r := range check.AllRules() {
		uri := report.RuleDocURI(r.Code)
		name, ok := strings.CutPrefix(uri, report.InformationURI+"/blob/main/docs/rules/")
		if !ok {
			t.Fatalf("%s: %s is not under the repository's docs/rules", r.Code, uri)
		}
		if _, err := os.Stat(filepath.Join(docsDir, name)); err != nil {
			t.Errorf("%s: %s does not exist", r.Code, uri)
		}
	}
	if names := slices.Collect(func(yield func(string) bool) {
		for n := range report.RulePages() {
			if !yield(n) {
				return
			}
		}
	}); len(names) < 40 {
		t.Errorf("only %d pages", len(names))
	}
}

// TestReadmeRuleTable keeps the README's table of every rule in step with the rules
// tables (-update-rule-docs rewrites it).
func TestReadmeRuleTable(t *testing.T) {
	const begin, end = "<!-- rules:begin (generated from the rules tables; TestReadmeRuleTable keeps it in step) " +
		"-->\n", "<!-- rules:end -->"
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the rules markers")
	}
	i += len(begin)
	want := report.RuleTable("docs/rules/")
	if *updateRuleDocs {
		if err := os.WriteFile("../../README.md", []byte(s[:i]+want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, s[i:j]); diff != "" {
		t.Errorf("README.md's rule table is out of step (-want +got):\n%s", diff)
	}
}
