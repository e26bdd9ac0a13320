package lint

import (
	"fmt"
	"os"
	"sync"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// PlanFileEnv names the environment variable that, set to a file path, makes the
// ruleset write there the plan it builds for the root module and checks (the JSON of
// "terraform show -json" for an empty state): to see what the ruleset resolved, and for
// the Terraform oracle test, which compares it with what Terraform made.
const PlanFileEnv = "EIPASSOC_LINT_PLAN"

// An analysis is tflint's runner for one module, with the module's findings worked out
// once and shared by every rule.
type analysis struct {
	tflint.Runner
	opts  check.Options
	cache *rootCache

	once sync.Once
	out  []issue
	err  error
}

// An issue is a finding placed in the configuration.
type issue struct {
	code    eipassoc.Code
	message string
	rng     hcl.Range
}

// issues returns the module's findings, reading the module the first time.
func (a *analysis) issues() ([]issue, error) {
	a.once.Do(func() { a.out, a.err = a.run() })
	return a.out, a.err
}

func (a *analysis) run() ([]issue, error) {
	p, err := readModule(a.Runner, a.cache)
	if err != nil {
		return nil, err
	}
	out := p.undecided
	if len(p.plan.Changes) == 0 {
		return out, nil
	}
	if path := os.Getenv(PlanFileEnv); path != "" && p.providers != nil && p.providers.root {
		if err := writePlan(path, p.plan); err != nil {
			return nil, fmt.Errorf("%s: %w", PlanFileEnv, err)
		}
	}
	m, err := check.FromPlan(p.plan, "configuration", check.PlanOptions{Configuration: true})
	if err != nil {
		return nil, err
	}
	findings := check.Run(m, a.opts)
	logger.Debug(
		fmt.Sprintf("eipassoc: %d resource instances, %d findings", len(p.plan.Changes), len(findings)),
	)
	for _, f := range findings {
		logger.Debug(fmt.Sprintf("eipassoc: %s %s: %s", f.Rule, f.Address, f.Message))
		out = append(
			out,
			issue{
				code:    f.Rule,
				message: f.Message + " (" + f.Address + ")" + caseFix(f),
				rng:     p.rangeFor(f.Address, f.ResourceType),
			},
		)
	}
	return out, nil
}

// caseFix gives a finding's fix after its message when the fix is written for the case
// (it names the resources to change), since tflint links only the rule's page, which
// has the general fix: " Fix: ...", or "".
func caseFix(f check.Finding) string {
	if r, ok := check.RuleFor(f.Rule); ok && f.Fix != "" && f.Fix != r.Fix {
		return " Fix: " + f.Fix
	}
	return ""
}

// writePlan writes the plan the ruleset built to path as plan JSON.
func writePlan(path string, p *tfplan.Plan) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := tfplan.Encode(f, p); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
