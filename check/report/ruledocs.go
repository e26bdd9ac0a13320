package report

import (
	"fmt"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

// RulePages returns the documentation page of every rule, by file name ("CODE.md"):
// the library's rules and advisories and the checker's plan-level rules. The pages
// under docs/rules are these, kept in step by a test; SARIF links to them.
func RulePages() map[string]string {
	pages := map[string]string{}
	for _, r := range allRules() {
		pages[string(r.Code)+".md"] = rulePage(r)
	}
	pages["README.md"] = "# The rules\n\nEvery rule eipassoc checks: the library's rules and advisories and the plan " +
		"checker's own.\n" +
		"A deny rule is an error in `eipassoc check`; an advisory informs. Generated from the rules tables.\n\n" + RuleTable(
		"",
	)
	return pages
}

// allRules lists every rule once: the library's, then the plan-level ones.
func allRules() []eipassoc.Rule {
	rules := eipassoc.Rules()
	seen := map[eipassoc.Code]bool{}
	for _, r := range rules {
		seen[r.Code] = true
	}
	for _, r := range check.AllRules() {
		if !seen[r.Code] {
			rules = append(rules, r)
		}
	}
	return rules
}

func rulePage(r eipassoc.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# `%s`\n\n", r.Code)
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	fmt.Fprintf(&b, "| | |\n|---|---|\n| Severity | %s |\n| Source | %s |\n", severityWord(r.Severity), r.Source)
	if len(r.APICodes) > 0 {
		fmt.Fprintf(&b, "| Alibaba Cloud error codes it predicts | `%s` |\n", strings.Join(r.APICodes, "`, `"))
	}
	if !r.Reads.IsEmpty() {
		facts := make([]string, 0, r.Reads.Len())
		for f := range r.Reads.All() {
			facts = append(facts, "`"+f.String()+"`")
		}
		fmt.Fprintf(&b, "| Facts it reads (unknown ones leave it undecided) | %s |\n", strings.Join(facts, ", "))
	}
	fmt.Fprintf(&b, "\n## How to fix it\n\n%s\n\n", r.Fix)
	b.WriteString("Waive it for one resource with an inline comment above the block:\n\n")
	fmt.Fprintf(&b, "```hcl\n# eipassoc:ignore:%s:exp:YYYY-MM-DD the reason\n```\n\n", r.Code)
	b.WriteString("This page is generated from the rules table; see [all rules](README.md).\n")
	return b.String()
}

func severityWord(s eipassoc.Severity) string {
	if s == eipassoc.Deny {
		return "deny (an error)"
	}
	return "advisory"
}

// RuleTable is the markdown table of every rule: code, severity, what it checks and its
// source. Links go to base + "CODE.md" (base "" for pages in the same directory).
func RuleTable(base string) string {
	var b strings.Builder
	b.WriteString("| Code | Severity | What it checks | Source |\n|---|---|---|---|\n")
	for _, r := range allRules() {
		sev := "deny"
		if r.Severity == eipassoc.Advise {
			sev = "advisory"
		}
		fmt.Fprintf(
			&b,
			"| [`%s`](%s%s.md) | %s | %s | %s |\n",
			r.Code,
			base,
			r.Code,
			sev,
			strings.ReplaceAll(r.Summary, "|", "\\|"),
			strings.ReplaceAll(r.Source, "|", "\\|"),
		)
	}
	return b.String()
}
