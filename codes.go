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

// Codes of the rules that deny an association or an attachment. The root package
// documentation lists them with their sources.
const (
	CodeEIPInvalid            Code = "eip-invalid"
	CodeENIInvalid            Code = "eni-invalid"
	CodeModeInvalid           Code = "mode-invalid"
	CodeRegionUnknown         Code = "region-unknown"
	CodeRegionClosed          Code = "region-closed"
	CodeRegionMismatch        Code = "region-mismatch"
	CodeModeRegionUnsupported Code = "mode-region-unsupported"
	CodeENIKindUnsupported    Code = "eni-kind-unsupported"
	CodeENICapacity           Code = "eni-capacity"
	CodePrivateIPNotOnENI     Code = "private-ip-not-on-eni"
	CodePrivateIPInUse        Code = "private-ip-in-use"
	CodePrivateIPNotPrimary   Code = "private-ip-not-primary"
	CodeENIHasSecondaryIPs    Code = "eni-has-secondary-ips"
	CodeModeConflict          Code = "mode-conflict"
	CodeENIAttached           Code = "eni-attached"
	CodeENINotInVPC           Code = "eni-not-in-vpc"
	CodeENIStatus             Code = "eni-status"
	CodeEIPStatus             Code = "eip-status"
	CodeEIPLocked             Code = "eip-locked"
	CodeEIPFinancialLocked    Code = "eip-financial-locked"
	CodeModeNotAllowlisted    Code = "mode-not-allowlisted"
	CodeEIPPrepaidRelease     Code = "eip-prepaid-release"

	CodeInstanceInvalid           Code = "instance-invalid"
	CodeInstanceENIQuota          Code = "instance-eni-quota"
	CodeInstancePrivateIPQuota    Code = "instance-private-ip-quota"
	CodeInstanceFamilyUnsupported Code = "instance-family-unsupported"
	CodeInstanceDHCPDisabled      Code = "instance-dhcp-disabled"
	CodeZoneMismatch              Code = "zone-mismatch"
	CodeVPCMismatch               Code = "vpc-mismatch"
)

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

// Codes of the advisories: facts a caller should know that do not block the operation.
const (
	AdviseCutThroughNotRecommended  Code = "cut-through-not-recommended"
	AdviseCutThroughPrivateNetwork  Code = "cut-through-private-network-lost"
	AdviseCutThroughSubscription    Code = "cut-through-subscription-release"
	AdviseNATNoALG                  Code = "nat-no-alg-protocols"
	AdviseNATAttachedENI            Code = "nat-attached-eni"
	AdviseConfigurationFee          Code = "configuration-fee"
	AdviseOutboundRoutes            Code = "outbound-needs-routes"
	AdviseMultiBindedStaticConfig   Code = "multi-binded-static-config"
	AdviseMultiBindedClosed         Code = "multi-binded-closed"
	AdviseMultiBindedInstanceFamily Code = "multi-binded-instance-family"
	AdviseRegionClosing             Code = "region-closing"
	AdviseRegionSourcesDisagree     Code = "region-sources-disagree"
	AdviseSecondaryENIGuestConfig   Code = "secondary-eni-guest-config"
	AdviseInstanceTypeRetired       Code = "instance-type-retired"
	AdviseCutThroughRoutePriority   Code = "cut-through-route-priority"
	AdviseRetentionCost             Code = "eip-retention-cost"
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

var rules = []Rule{
	{
		CodeEIPInvalid,
		Deny,
		"The request names an EIP: it has an allocation ID.",
		thisLibrary,
		[]string{"MissingParameter", "InvalidAllocationId.NotFound"},
		"Fill in the EIP's allocation ID.",
		0,
	},
	{
		CodeENIInvalid,
		Deny,
		"The request names an ENI with an ID and a valid kind, and, to attach, its zone and VPC.",
		thisLibrary,
		[]string{"InvalidInstanId.NotFound"},
		"Fill in the ENI's ID, kind, zone and VPC as DescribeNetworkInterfaces reports them.",
		0,
	},
	{
		CodeModeInvalid,
		Deny,
		"The mode is NAT, BINDED or MULTI_BINDED.",
		apiAssoc + " parameter Mode",
		[]string{"IllegalParam.Mode"},
		"Use NAT, BINDED (cut-through) or MULTI_BINDED (multi-EIP-to-ENI).",
		0,
	},
	{
		CodeRegionUnknown,
		Deny,
		"Every region named is a known Alibaba Cloud region ID.",
		apiRegions,
		[]string{"InvalidRegionId.NotFound"},
		"Check the region ID; if it is new, upgrade eipassoc or decide by other means.",
		0,
	},
	{
		CodeRegionClosed,
		Deny,
		"No resource is placed in a decommissioned region.",
		apiRegions,
		[]string{"Forbidden.RegionNotFound"},
		"Move the resources to an open region.",
		0,
	},
	{
		CodeRegionMismatch,
		Deny,
		"The EIP and the ENI (or the ENI and the instance) are in the same region.",
		docPrereq + "; " + apiAssoc + "; " + apiAttach,
		[]string{"InvalidParameter.Mismatch", "InvalidOperation.InvalidRegion"},
		"Allocate the EIP in the ENI's region.",
		0,
	},
	{
		CodeModeRegionUnsupported,
		Deny,
		"The mode is offered in the region.",
		docRegions,
		nil,
		"Use NAT mode, which every region offers, or a region that offers the mode.",
		0,
	},
	{
		CodeENIKindUnsupported,
		Deny,
		"The mode can target the ENI's kind (NAT: primary and secondary; cut-through and multi-EIP-to-ENI: secondary " +
			"only); only secondary ENIs are attached.",
		docModes + ", Types of ENIs",
		[]string{"Invalid.DirectEip.BindType", "InvalidOperation.InvalidEniType"},
		"Use a secondary ENI, or NAT mode for a primary ENI.",
		0,
	},
	{
		CodeENICapacity,
		Deny,
		"The ENI has room for one more EIP in the mode (primary ENI: 1 in NAT; secondary: one per private IP in NAT, " +
			"1 in cut-through, 10 in multi-EIP-to-ENI).",
		docModes + ", maximum number of EIPs",
		[]string{"InvalidEip.EipQuotaExceeded", "QuotaExceed.MultiBindedEip", "InvalidAssociation.Duplicated"},
		"Add a private IP (NAT), use another ENI, or disassociate an EIP first.",
		0,
	},
	{
		CodePrivateIPNotOnENI,
		Deny,
		"The private IP given belongs to the ENI.",
		apiAssoc + " parameter PrivateIpAddress",
		[]string{"InvalidParameter"},
		"Assign the private IP to the ENI first, or pick one of its addresses.",
		0,
	},
	{
		CodePrivateIPInUse,
		Deny,
		"In NAT mode the private IP carries no EIP yet: one EIP per private IP.",
		docModes + ", NAT mode capacity",
		[]string{"InvalidAssociation.Duplicated"},
		"Map the EIP to another private IP of the ENI.",
		0,
	},
	{
		CodePrivateIPNotPrimary,
		Deny,
		"In cut-through mode the EIP maps to the ENI's primary private IP.",
		docModes + ", cut-through capacity note",
		[]string{"InvalidParameter"},
		"Leave the private IP empty or give the ENI's primary private IP.",
		0,
	},
	{
		CodeENIHasSecondaryIPs,
		Deny,
		"In cut-through mode the ENI has no secondary private IPs.",
		apiAssoc + " errors",
		[]string{"Eni.HasSubIp", "OperationFailed.EniSubIp"},
		"Unassign the ENI's secondary private IPs, or use NAT mode.",
		0,
	},
	{
		CodeModeConflict,
		Deny,
		"All EIPs on one ENI use the same mode.",
		apiAssoc + " errors",
		[]string{"Mode.Conflict", "OperationFailed.EipBindModeConflict"},
		"Use the mode the ENI's EIPs already use, or disassociate them first.",
		0,
	},
	{
		CodeENIAttached,
		Deny,
		"A secondary ENI is not attached to an ECS instance when an EIP is associated (documented for every mode; " +
			"the API enforces it for cut-through and accepts NAT on attached ENIs), nor when a cut-through EIP is " +
			"disassociated.",
		docPrereq + "; " + apiAssoc + " errors",
		[]string{"Eni.Attached"},
		"Detach the ENI, associate the EIP, then attach the ENI again; or, for NAT, choose the observed API behaviour.",
		0,
	},
	{
		CodeENINotInVPC,
		Deny,
		"The ENI is in a VPC.",
		docPrereq,
		[]string{"OperationDenied"},
		"Use an ENI created in a VPC.",
		0,
	},
	{
		CodeENIStatus,
		Deny,
		"The ENI is in a status that allows the operation (associate: Available, or InUse when attached; attach: " +
			"Available).",
		apiAssoc + " and " + apiAttach + " errors",
		[]string{"InvalidStatus.EniStatusNotSupport", "InvalidOperation.InvalidEniState"},
		"Wait until the ENI leaves its transitional status.",
		0,
	},
	{
		CodeEIPStatus,
		Deny,
		"The EIP is in the status the operation needs: Available (associated with nothing) to associate, InUse to " +
			"disassociate.",
		apiAssoc + " errors",
		[]string{"IncorrectEipStatus", "InvalidAssociation.Duplicated"},
		"Disassociate the EIP first, or wait until it is Available.",
		0,
	},
	{
		CodeEIPLocked,
		Deny,
		"The EIP carries no security lock.",
		apiAssoc + " errors",
		[]string{"InvalidEIPStatus.BizDisabled"},
		"Resolve the lock with Alibaba Cloud support.",
		0,
	},
	{
		CodeEIPFinancialLocked,
		Deny,
		"The EIP is not locked for overdue payment.",
		apiAssoc + " errors",
		[]string{"Forbidden.FinancialLocked"},
		"Settle the overdue payment.",
		0,
	},
	{
		CodeEIPPrepaidRelease,
		Deny,
		"Only a pay-as-you-go EIP is released through the API; a subscription EIP is released at the end of its term.",
		"api: ReleaseEipAddress errors",
		[]string{"Forbidden.ChargeTypeIsPrepaid"},
		"Let the subscription run out, or convert the EIP to pay-as-you-go first.",
		0,
	},
	{
		CodeModeNotAllowlisted,
		Deny,
		"Multi-EIP-to-ENI mode is used only by allowlisted accounts; it accepts no new applications.",
		docMulti + "; " + apiAssoc + " errors",
		[]string{"Mode.NotSupport"},
		"Use NAT mode; multi-EIP-to-ENI mode is closed to new accounts.",
		0,
	},
	{
		CodeInstanceInvalid,
		Deny,
		"The instance has an ID, an instance type, a zone and a VPC.",
		thisLibrary,
		[]string{"InvalidInstanceId.NotFound"},
		"Fill in the instance as DescribeInstances reports it.",
		0,
	},
	{
		CodeInstanceENIQuota,
		Deny,
		"The instance has room for one more ENI (EniQuantity, the primary included).",
		apiAttach + " errors",
		[]string{"EniPerInstanceLimitExceeded"},
		"Detach another ENI or use a larger instance type.",
		0,
	},
	{
		CodeInstancePrivateIPQuota,
		Deny,
		"The ENI holds no more private IPs than the instance type allows per ENI.",
		apiAttach + " errors",
		[]string{"InvalidOperation.Ipv4CountExceeded"},
		"Unassign private IPs from the ENI or use a larger instance type.",
		0,
	},
	{
		CodeInstanceFamilyUnsupported,
		Deny,
		"An ENI carrying multi-EIP-to-ENI EIPs is attached only to an instance of a listed family.",
		docMulti + ", instance families",
		[]string{"OperationUnsupported.EipBindModel"},
		"Use an instance of a listed family (ecs.g5, ecs.c5, ecs.r5, ...).",
		0,
	},
	{
		CodeInstanceDHCPDisabled,
		Deny,
		"An instance that takes an ENI with multi-EIP-to-ENI EIPs has DHCP enabled, or the mode does not take effect.",
		docMulti + ", DHCP",
		nil,
		"Enable DHCP in the instance's OS.",
		0,
	},
	{
		CodeZoneMismatch,
		Deny,
		"The ENI and the instance are in the same zone.",
		apiAttach,
		[]string{"InvalidOperation.AvailabilityZoneMismatch"},
		"Create the ENI in a vSwitch of the instance's zone.",
		0,
	},
	{
		CodeVPCMismatch,
		Deny,
		"The ENI and the instance are in the same VPC.",
		apiAttach,
		[]string{"InvalidOperation.VpcMismatch"},
		"Create the ENI in the instance's VPC.",
		0,
	},

	{
		AdviseCutThroughNotRecommended,
		Advise,
		"Cut-through mode is marked not recommended.",
		docCut,
		nil,
		"Prefer NAT mode unless the OS must see the EIP.",
		0,
	},
	{
		AdviseCutThroughPrivateNetwork,
		Advise,
		"In cut-through mode the ENI's private network is unavailable.",
		docModes + ", private network",
		nil,
		"Keep private traffic on another ENI.",
		0,
	},
	{
		AdviseCutThroughSubscription,
		Advise,
		"Releasing a subscription EIP from a cut-through ENI that is attached leaves the ENI without private network " +
			"until it is detached and attached again.",
		docCut + ", warning",
		nil,
		"Detach and re-attach the ENI after releasing the EIP.",
		0,
	},
	{
		AdviseCutThroughRoutePriority,
		Advise,
		"Attaching a cut-through ENI adds a route through it with a lower priority than the primary ENI's.",
		docCut + ", step 6",
		nil,
		"Adjust route priorities in the OS if traffic should leave through this ENI.",
		0,
	},
	{
		AdviseNATNoALG,
		Advise,
		"NAT mode does not carry protocols managed by NAT application layer gateways (H.323, SIP, DNS, RTSP, TFTP).",
		docModes + ", supported protocols",
		nil,
		"Use cut-through or multi-EIP-to-ENI mode for those protocols.",
		0,
	},
	{
		AdviseNATAttachedENI,
		Advise,
		"The ENI is attached: the documentation says to detach it first, but the API accepts NAT associations on " +
			"attached ENIs.",
		docPrereq + "; observed API behaviour (API facts §6)",
		nil,
		"Detach first if you want the documented behaviour.",
		0,
	},
	{
		AdviseConfigurationFee,
		Advise,
		"A configuration fee applies to the EIP.",
		docFAQFee,
		nil,
		"Budget the fee, or use a subscription EIP.",
		0,
	},
	{
		AdviseOutboundRoutes,
		Advise,
		"Inbound traffic works at once; outbound traffic through a secondary ENI needs route changes in the OS.",
		docFAQRoute,
		nil,
		"Change the default route or add specific routes in the instance.",
		0,
	},
	{
		AdviseMultiBindedStaticConfig,
		Advise,
		"Multi-EIP-to-ENI EIPs must be configured statically in the OS, and DHCP must be enabled on the instance.",
		docMulti,
		nil,
		"Enable DHCP and configure each EIP with the gateway and mask from DescribeEipGatewayInfo.",
		0,
	},
	{
		AdviseMultiBindedClosed,
		Advise,
		"Multi-EIP-to-ENI mode accepts no new applications.",
		docMulti,
		nil,
		"Plan a move to NAT mode.",
		0,
	},
	{
		AdviseMultiBindedInstanceFamily,
		Advise,
		"The ENI can later be attached only to an instance of a listed family.",
		docMulti + ", instance families",
		nil,
		"Check the instance family before attaching.",
		0,
	},
	{AdviseRegionClosing, Advise, "The region is closing down.", apiRegions, nil, "Plan a move to another region.", 0},
	{
		AdviseRegionSourcesDisagree,
		Advise,
		"The product documentation and the API documentation disagree on whether the mode is offered in the region.",
		docRegions + "; API documentation (2021)",
		nil,
		"Verify in the console before relying on it.",
		0,
	},
	{
		AdviseSecondaryENIGuestConfig,
		Advise,
		"Some images do not configure a secondary ENI's address and routes by themselves.",
		docCut + ", step 6",
		nil,
		"Configure the secondary ENI in the OS.",
		0,
	},
	{
		AdviseRetentionCost,
		Advise,
		"A disassociated EIP stays allocated and keeps incurring retention costs until it is released.",
		"doc: EIP user guide, Disassociate an EIP from a cloud resource",
		nil,
		"Release the EIP when it is no longer needed.",
		0,
	},
	{
		AdviseInstanceTypeRetired,
		Advise,
		"The instance type is retired.",
		"doc: ECS retired instance types",
		nil,
		"Plan a move to a current instance type.",
		0,
	},
}

// ruleReads are the facts each rule may read (see [Rule.Reads]).
var ruleReads = map[Code]Facts{
	CodeModeInvalid:               FactsOf(FactMode),
	CodeRegionUnknown:             FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
	CodeRegionClosed:              FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
	CodeRegionMismatch:            FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
	CodeModeRegionUnsupported:     FactsOf(FactMode, FactENIRegion),
	CodeENIInvalid:                FactsOf(FactTarget, FactPrivateIP, FactENIAddressCount, FactENIPlacement),
	CodeENIKindUnsupported:        FactsOf(FactMode),
	CodeENICapacity:               FactsOf(FactMode, FactBound, FactENIAddressCount),
	CodePrivateIPNotOnENI:         FactsOf(FactPrivateIP, FactENIAddresses),
	CodePrivateIPInUse:            FactsOf(FactMode, FactPrivateIP, FactBound, FactENIAddresses),
	CodePrivateIPNotPrimary:       FactsOf(FactMode, FactPrivateIP, FactENIAddresses),
	CodeENIHasSecondaryIPs:        FactsOf(FactMode, FactENIAddressCount),
	CodeModeConflict:              FactsOf(FactMode, FactBound),
	CodeENIAttached:               FactsOf(FactMode, FactEIPStatus, FactENIStatus, FactENIAttachment),
	CodeENINotInVPC:               FactsOf(FactENIPlacement),
	CodeENIStatus:                 FactsOf(FactENIStatus, FactENIAttachment),
	CodeEIPStatus:                 FactsOf(FactEIPStatus),
	CodeEIPLocked:                 FactsOf(FactEIPStatus),
	CodeEIPFinancialLocked:        FactsOf(FactEIPStatus),
	CodeEIPPrepaidRelease:         FactsOf(FactEIPChargeType),
	CodeModeNotAllowlisted:        FactsOf(FactMode, FactAllowlist),
	CodeInstanceInvalid:           FactsOf(FactInstanceType, FactInstancePlacement),
	CodeInstanceENIQuota:          FactsOf(FactInstanceType, FactInstanceLimits, FactInstanceENIs),
	CodeInstancePrivateIPQuota:    FactsOf(FactInstanceType, FactInstanceLimits, FactENIAddressCount),
	CodeInstanceFamilyUnsupported: FactsOf(FactBound, FactInstanceType),
	CodeInstanceDHCPDisabled:      FactsOf(FactBound, FactDHCP),
	CodeZoneMismatch:              FactsOf(FactENIPlacement, FactInstancePlacement),
	CodeVPCMismatch:               FactsOf(FactENIPlacement, FactInstancePlacement),
}

var ruleIndex = func() map[Code]Rule {
	m := make(map[Code]Rule, len(rules))
	for i := range rules {
		rules[i].Reads = ruleReads[rules[i].Code]
		m[rules[i].Code] = rules[i]
	}
	return m
}()
