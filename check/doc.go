// Package check is the engine behind "eipassoc check": it reads a Terraform or OpenTofu
// plan, or a plain inventory file, and decides every planned EIP association and ENI
// attachment through the rules of package eipassoc. It works in six stages, each a set
// of files named after it:
//
//   - decode (decode_*.go, and package check/tfplan): takes plan JSON, a typed
//     [tfplan.Plan] that another producer built ([FromPlan]; the tflint ruleset does),
//     or an inventory; gives the plan's resource changes, configuration and data
//     sources, with every input limit applied. Bad input is an *[InputError].
//   - resolve (resolve_*.go): takes the plan and, when given, the configuration's
//     .tf files (read with tflint's Terraform loader, the one reader of sources); gives,
//     for each attribute the rules read, the resource or value it refers to (through
//     references, module variables and outputs, count and for_each, Terraform's
//     functions), the region each resource is in, and the order Terraform applies them
//     in; or why it cannot be told.
//   - model (model*.go): takes what resolve gives; gives the [Model]: EIPs, ENIs,
//     instances, attachments and associations by key, each fact known or with the
//     reason it is not ([Why]). [Enrich] adds an account's current state (-live).
//   - requests (requests_*.go): takes the model; gives, for each association and
//     attachment, the request the rules core decides (eipassoc.Request,
//     eipassoc.AttachRequest), with what the model does not know marked unknown and
//     what would decide it.
//   - rules (rules*.go): takes the requests; runs eipassoc.CanAssociate and
//     eipassoc.CanAttach, in apply order so that capacity and quota blame the
//     resources the API refuses, and the plan-level rules ([AllRules]); gives findings.
//   - findings (findings*.go, and package check/report): takes the findings; places
//     them in the sources, names resources by address and ID, applies waivers
//     ([ApplyWaivers]) and writes text, JSON, SARIF, GitHub annotations or JUnit XML.
//
// Options are given as [Options], or as text through [Settings] (the CLI's flags and
// the ruleset's plugin block).
//
// A rule that cannot be decided yields a finding with status "unknown" that names what
// is missing and what would decide it, rather than a guess; a failure to resolve or
// evaluate is never a finding of the rule it feeds.
package check
