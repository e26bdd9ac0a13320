package check

import (
	"slices"

	"github.com/eipassoc/eipassoc"
)

// Codes of the plan-level rules. Like eipassoc's codes they are append-only.
const (
	// CodeENIWithoutNetworkInterface: an ENI target without instance_type =
	// "NetworkInterface"; the provider then sends EcsInstance and the API fails.
	CodeENIWithoutNetworkInterface eipassoc.Code = "plan-eni-target-not-network-interface"
	// CodeModeOnNonENITarget: a cut-through or multi-EIP-to-ENI mode on a target that
	// is not an ENI.
	CodeModeOnNonENITarget eipassoc.Code = "plan-mode-on-non-eni-target"
	// CodeAttachmentOrder: the plan associates an EIP with an ENI that it also attaches
	// to an instance; the apply order decides whether the association fails.
	CodeAttachmentOrder eipassoc.Code = "plan-attachment-order"
	// CodeUnknown: a rule could not be decided because a value is known only after apply.
	CodeUnknown eipassoc.Code = "plan-value-unknown"
	// CodeWaiverExpired: a waiver past its expiry date; the finding it waived is active.
	CodeWaiverExpired eipassoc.Code = "waiver-expired"
	// CodeWaiverInvalid: an inline waiver that cannot be read (no reason, an unknown
	// rule code, a bad date); it waives nothing.
	CodeWaiverInvalid eipassoc.Code = "waiver-invalid"
)

// planRules describe the plan-level codes in the same form as eipassoc.Rules.
var planRules = []eipassoc.Rule{
	{Code: CodeENIWithoutNetworkInterface, Severity: eipassoc.Deny,
		Summary: "An association whose target is an ENI sets instance_type = \"NetworkInterface\"; unset, the " +
			"provider sends EcsInstance.",
		Source: "terraform-provider-alicloud: resource_alicloud_eip_association Create; api: AssociateEipAddress " +
			"InstanceType",
		Fix: "Add instance_type = \"NetworkInterface\" to the association."},
	{Code: CodeModeOnNonENITarget, Severity: eipassoc.Deny,
		Summary:  "Cut-through and multi-EIP-to-ENI modes apply to ENI targets only (InstanceType NetworkInterface).",
		Source:   "api: AssociateEipAddress parameter Mode; errors Invalid.DirectEip.BindType",
		APICodes: []string{"Invalid.DirectEip.BindType"},
		Fix:      "Point instance_id at a secondary ENI with instance_type = \"NetworkInterface\", or drop mode."},
	{Code: CodeAttachmentOrder, Severity: eipassoc.Deny,
		Summary: "The plan associates an EIP with an ENI and also attaches that ENI to an instance, and Terraform " +
			"may attach first: the association then fails (Eni.Attached), as an ENI must be detached (in NAT mode " +
			"the documentation requires it and the API is observed to accept it).",
		Source: "doc: Prerequisites; api: AssociateEipAddress errors", APICodes: []string{"Eni.Attached"},
		Fix: "Make the attachment wait for the association: add depends_on = [the association] to the attachment " +
			"(or to the instance whose network_interfaces block attaches the ENI), after removing any dependency " +
			"of the association on it; or associate in one apply and attach in the next. Each finding names the " +
			"resources."},
	{Code: CodeUnknown, Severity: eipassoc.Advise,
		Summary: "A rule could not be decided because a value is known only after apply or comes from an opaque " +
			"reference.",
		Source: "eipassoc check", Fix: "Use literal values or resource references, pass -tf-dir, or check with " +
			"-live."},
	{Code: CodeWaiverInvalid, Severity: eipassoc.Deny,
		Summary: "An inline waiver comment has a reason, known rule codes and a YYYY-MM-DD expiry; one that does not " +
			"waives nothing.",
		Source: "eipassoc check: waivers", Fix: "Write it as # eipassoc:ignore:CODE[,CODE][:exp:YYYY-MM-DD] reason."},
	{Code: CodeWaiverExpired, Severity: eipassoc.Deny,
		Summary: "A waiver is past its expiry date, so the finding it waived is active again.",
		Source:  "eipassoc check: waivers", Fix: "Fix the finding, or renew the waiver with a new date and reason."},
}

// RuleFor returns the rule behind a code: eipassoc's rules and the plan-level ones. The
// Rule is a copy: changing it changes nothing in the package.
func RuleFor(c eipassoc.Code) (eipassoc.Rule, bool) {
	if r, ok := c.Rule(); ok {
		return r, true
	}
	i := slices.IndexFunc(planRules, func(r eipassoc.Rule) bool { return r.Code == c })
	if i < 0 {
		return eipassoc.Rule{}, false
	}
	r := planRules[i]
	r.APICodes = slices.Clone(r.APICodes)
	return r, true
}

// AllRules returns the rules whose findings Run reports, in a new slice of copies:
// eipassoc's deny rules, the advisory nat-attached-eni (a warning under the observed
// behaviour, the default of eipassoc check, when the ENI is or may be attached when
// the NAT association is made: the documentation forbids it, the API accepts it), then
// the plan-level rules.
func AllRules() []eipassoc.Rule {
	var out []eipassoc.Rule
	for _, r := range eipassoc.Rules() {
		if r.Severity == eipassoc.Deny || r.Code == eipassoc.AdviseNATAttachedENI {
			out = append(out, r)
		}
	}
	for _, r := range planRules {
		r.APICodes = slices.Clone(r.APICodes)
		out = append(out, r)
	}
	return out
}
