// Package lint is eipassoc's rules as a tflint ruleset: the plugin
// cmd/tflint-ruleset-eipassoc serves it, so that "tflint" checks a configuration's EIP
// associations before any plan exists (no cloud credentials needed: pull requests from
// forks, editors, pre-commit hooks).
//
// The ruleset holds no rule of its own. For each module tflint inspects, it reads the
// alicloud resources the checker reads (check.ReadAttributes), expands their count and
// for_each, evaluates their attributes with Terraform's functions (tflint's copy of
// Terraform's language) and the variables and locals tflint evaluates (module
// arguments included), and fills in what it learns as the typed plan (package
// check/tfplan) Terraform would show for an empty state: every resource created, with
// its address standing for its ID, a value that only apply can know marked unknown (a
// computed attribute left out included, as check.ReadAttributes marks them), each
// reference and depends_on kept. check.FromPlan builds the model of that plan and
// check decides it through the rules core, as it decides a real plan: no JSON passes
// between the two. Each finding becomes a tflint issue of the rule with the same code,
// on the attribute the rule is about. The plugin block's settings are parsed by
// check.Settings, as the flags of "eipassoc check" are.
//
// A rule that cannot be decided from the configuration alone (an ENI named by a
// literal ID, an address known only after apply) is not a problem in tflint's sense:
// it is reported only by the rule plan-value-unknown, as a notice, and only when that
// rule is enabled in .tflint.hcl.
package lint
