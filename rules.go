package eipassoc

// rules is the one list of the rules, violations first, in the order of the
// documentation tables, then the advisories (adviceRules, in rules_advice.go): [Rules],
// [Code.Rule], the generated tables of the package documentation, docs/rules and the
// README read it, and the advisories take their bits in [Advisories] from their places
// in it. A rule is declared in the rules_*.go file of its family, next to the checks
// that report it; a violation takes its place in the documentation's order here.
var rules = append([]Rule{
	ruleEIPInvalid,
	ruleENIInvalid,
	ruleModeInvalid,
	ruleRegionUnknown,
	ruleRegionClosed,
	ruleRegionMismatch,
	ruleModeRegionUnsupported,
	ruleENIKindUnsupported,
	ruleENICapacity,
	rulePrivateIPNotOnENI,
	rulePrivateIPInUse,
	rulePrivateIPNotPrimary,
	ruleENIHasSecondaryIPs,
	ruleModeConflict,
	ruleENIAttached,
	ruleENINotInVPC,
	ruleENIStatus,
	ruleEIPStatus,
	ruleEIPLocked,
	ruleEIPFinancialLocked,
	ruleEIPPrepaidRelease,
	ruleModeNotAllowlisted,
	ruleInstanceInvalid,
	ruleInstanceENIQuota,
	ruleInstancePrivateIPQuota,
	ruleInstanceFamilyUnsupported,
	ruleInstanceDHCPDisabled,
	ruleZoneMismatch,
	ruleVPCMismatch,
}, adviceRules...)
