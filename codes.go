package eipassoc

import "slices"

// A Code names one rule. Codes are stable kebab-case strings that CI pipelines and tests
// match on; they are append-only: a code is never renamed or given a new meaning. A Code
// is also an error, so errors.Is(decision.Err(), CodeENICapacity) works.
type Code string

// Error returns the code itself, so a Code can be the target of errors.Is.
func (c Code) Error() string { return string(c) }

// Rule returns the rule behind c and reports whether c is a known code.
// The Rule is a copy: changing it changes nothing in the package.
func (c Code) Rule() (Rule, bool) {
	r, ok := ruleIndex[c]
	r.APICodes = slices.Clone(r.APICodes)
	return r, ok
}

// Retired codes: no rule reports them any more. They keep their meaning, so a waiver or
// a match on them stays valid and simply never fires.
const (
	// Deprecated: an instance type whose limits are unknown now leaves
	// instance-eni-quota and instance-private-ip-quota undecided, missing
	// FactInstanceLimits.
	CodeInstanceLimitsUnknown Code = "instance-limits-unknown"
	// Deprecated: unknown DHCP now leaves instance-dhcp-disabled undecided, missing
	// FactDHCP.
	AdviseInstanceDHCPUnknown Code = "instance-dhcp-unknown"
	// Deprecated: an unknown private-address limit now leaves instance-private-ip-quota
	// undecided, missing FactInstanceLimits.
	AdviseInstanceLimitsUnknownIPs Code = "instance-private-ip-limit-unknown"
)

// A Severity says whether a rule denies or only advises.
type Severity uint8

// Severities. The zero Severity is invalid.
const (
	_      Severity = iota
	Deny            // the rule blocks the operation
	Advise          // the rule informs and does not block
)

// String returns "deny" or "advisory".
func (s Severity) String() string {
	switch s {
	case Deny:
		return "deny"
	case Advise:
		return "advisory"
	}
	return "invalid"
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// A Rule describes one code: what it checks, where the rule comes from, which API error
// it predicts and how to fix what it reports.
type Rule struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Summary says what the rule checks, in one sentence.
	Summary string `json:"summary"`
	// Source names where the rule comes from: a section of the product documentation
	// ("doc: ..."), the API reference ("api: ..."), or observed API behaviour.
	Source string `json:"source"`
	// APICodes are the Alibaba Cloud error codes the rule predicts, if any.
	APICodes []string `json:"api_codes,omitempty"`
	// Fix says how to resolve a violation, or what to do about an advisory.
	Fix string `json:"fix"`
	// Reads are the facts the rule may read; when one it needs is unknown, the rule is
	// undecided. Identities and the ENI's kind, always known, are not listed.
	Reads Facts `json:"reads,omitzero"`
}

// Rules returns every rule, violations first, in the order of the documentation tables.
// The slice is a copy.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	copy(out, rules)
	for i := range out {
		out[i].APICodes = append([]string(nil), out[i].APICodes...)
	}
	return out
}

const (
	docModes    = "doc: Association modes (comparison table)"
	docPrereq   = "doc: Prerequisites"
	docRegions  = "doc: Association modes, Supported regions"
	docFAQFee   = "doc: FAQ, configuration fee"
	docFAQRoute = "doc: FAQ, additional configuration"
	docMulti    = "doc: Associate EIPs with a secondary ENI in multi-EIP-to-ENI mode"
	docCut      = "doc: Associate an EIP with a secondary ENI in cut-through mode"
	apiAssoc    = "api: AssociateEipAddress"
	apiAttach   = "api: AttachNetworkInterface"
	apiRegions  = "api: region list (ECS and VPC endpoint pages)"
	thisLibrary = "eipassoc: input validation"
)

var ruleIndex = func() map[Code]Rule {
	m := make(map[Code]Rule, len(rules))
	for _, r := range rules {
		m[r.Code] = r
	}
	return m
}()
