package check

import (
	"bytes"
	"maps"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// InterestingAttrs are the attributes LoadPlan asks tfplan.Decode for, by resource type.
var InterestingAttrs = interestingAttrs

// An Evaluation is one expression that a check handed to HCL, with its variables and
// functions.
type Evaluation struct {
	Expr  hcl.Expression
	Vars  map[string]cty.Value
	Funcs map[string]function.Function
}

// Evaluations checks the plan data with its sources at dir, evaluated at once, and
// returns every expression it evaluated, in order.
func Evaluations(data []byte, dir string) ([]Evaluation, error) {
	var out []Evaluation
	testHookEvaluate = func(expr hcl.Expression, vars map[string]cty.Value, funcs map[string]function.Function) {
		out = append(out, Evaluation{expr, maps.Clone(vars), funcs})
	}
	defer func() { testHookEvaluate = nil }()
	m, err := LoadPlan(bytes.NewReader(data), "plan.json", PlanOptions{SourceDir: dir, Getenv: func(string) string { return "" }})
	if err != nil {
		return nil, err
	}
	Run(m, Options{})
	return out, nil
}
