// Command tflint-ruleset-eipassoc is eipassoc's rules as a tflint plugin: tflint runs it
// and reports the EIP association rules a configuration breaks, before any plan exists.
// It is not run by hand. Install it as README.md says (tflint --init, or the archive in
// ~/.tflint.d/plugins), and enable it in .tflint.hcl:
//
//	plugin "eipassoc" {
//	  enabled = true
//	  version = "X.Y.Z"
//	  source  = "github.com/eipassoc/eipassoc"
//	}
//
// The rules, their configuration and what the plugin decides are in package lint.
package main

import (
	"github.com/eipassoc/eipassoc/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
)

// version is set at link time by scripts/release.sh, as for cmd/eipassoc.
var version = "0.0.0-dev"

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: lint.NewRuleSet(version)})
}
