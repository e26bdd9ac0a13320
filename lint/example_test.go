package lint_test

import (
	"fmt"

	"github.com/eipassoc/eipassoc/lint"
)

// The ruleset has one tflint rule for each code of eipassoc check: errors, on by
// default, but for the notice plan-value-unknown.
func ExampleNewRuleSet() {
	rs := lint.NewRuleSet("0.1.0")
	if err := rs.Configure(lint.Config{MultiBindedAllowed: true, Behaviour: "observed"}); err != nil {
		fmt.Println(err)
	}
	for _, r := range rs.Rules {
		switch r.Name() {
		case "eni-capacity", "plan-attachment-order", "plan-value-unknown":
			fmt.Println(r.Name(), r.Severity(), r.Enabled())
		}
	}
	fmt.Println(rs.Configure(lint.Config{Behaviour: "lax"}) != nil)
	// Output:
	// eni-capacity Error true
	// plan-attachment-order Error true
	// plan-value-unknown Notice false
	// true
}
