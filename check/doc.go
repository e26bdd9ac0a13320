// Package check is the engine behind "eipassoc check": it reads a Terraform or OpenTofu
// plan (the JSON of "terraform show -json") or a plain inventory file into a [Model] of
// EIPs, ENIs, instances, attachments and associations, runs the rules of package
// eipassoc and the plan-level rules on every planned association, applies waivers, and
// returns [Finding]s that package check/report writes as text, JSON, SARIF, GitHub
// annotations or JUnit XML.
//
// Values that Terraform learns only during apply are resolved through the plan's
// configuration references (also through module variables) and through prior state.
// A rule that still cannot be decided yields a finding with status "unknown" rather
// than a guess.
package check
