// Package tffuncs is Terraform's function table, as the tflint project keeps it in its
// copy of Terraform's language (github.com/terraform-linters/tflint/terraform/lang), for
// the evaluations of package check and of the tflint ruleset: one table, Terraform's own
// semantics (lookup with a null default, try, can, one, cidrhost, templatefile...),
// nothing written here.
package tffuncs

import (
	"sync"

	"github.com/terraform-linters/tflint/terraform/lang"
	"github.com/zclconf/go-cty/cty/function"
)

// impure are the functions whose result Terraform knows only at apply (Terraform's
// impureFunctions): in a plan they are unknown.
var impure = []string{"bcrypt", "timestamp", "uuid"}

// Table returns Terraform's functions, under their names and "core::" ones, with the
// impure functions unknown, as in a plan. Filesystem functions read relative to baseDir.
// lang.Scope's PureOnly would do the same, but in tflint v0.64.0 it wraps the functions
// before it has them, and panics. The map is shared: do not change it.
func Table(baseDir string) map[string]function.Function {
	tablesMu.Lock()
	defer tablesMu.Unlock()
	if t, ok := tables[baseDir]; ok {
		return t
	}
	fns := (&lang.Scope{BaseDir: baseDir}).Functions()
	for _, name := range impure {
		for _, n := range []string{name, "core::" + name} {
			if fn, ok := fns[n]; ok {
				fns[n] = function.Unpredictable(fn)
			}
		}
	}
	tables[baseDir] = fns
	return fns
}

var (
	tablesMu sync.Mutex
	tables   = map[string]map[string]function.Function{}
)
