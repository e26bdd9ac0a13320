package lint

import (
	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// A Rule is one code of the rules core or of package check, as a tflint rule.
type Rule struct {
	tflint.DefaultRule
	rule eipassoc.Rule
	set  *RuleSet
}

// Name returns the rule's code, e.g. "eni-capacity".
func (r *Rule) Name() string { return string(r.rule.Code) }

// Enabled reports whether the rule runs by default: every rule but plan-value-unknown,
// which reports what the configuration alone cannot decide.
func (r *Rule) Enabled() bool { return r.rule.Code != check.CodeUnknown }

// Severity is ERROR for a deny rule, WARNING for nat-attached-eni (the documentation
// forbids what the API accepts) and NOTICE for plan-value-unknown.
func (r *Rule) Severity() tflint.Severity {
	switch {
	case r.rule.Severity == eipassoc.Deny:
		return tflint.ERROR
	case r.rule.Code == eipassoc.AdviseNATAttachedENI:
		return tflint.WARNING
	}
	return tflint.NOTICE
}

// Link returns the rule's documentation page, docs/rules/CODE.md, as SARIF reports of
// eipassoc check link it.
func (r *Rule) Link() string { return report.RuleDocURI(r.rule.Code) }

// Check emits an issue for each finding of this rule in the module runner inspects.
func (r *Rule) Check(runner tflint.Runner) error {
	a, ok := runner.(*analysis)
	if !ok { // a runner the ruleset did not wrap, as in helper.TestRunner
		a = &analysis{Runner: runner, opts: r.set.opts, cache: &r.set.cache}
	}
	issues, err := a.issues()
	if err != nil {
		return err
	}
	for _, is := range issues {
		if is.code != r.rule.Code {
			continue
		}
		if err := runner.EmitIssue(r, is.message, is.rng); err != nil {
			return err
		}
	}
	return nil
}
