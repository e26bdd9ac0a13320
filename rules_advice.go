package eipassoc

import (
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// Codes of the advisories: facts a caller should know that do not block the
// operation. Each is declared here with its rule and the check that adds it.
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

// adviceRules are the advisories, in the order of the documentation tables (and of
// [Advisories.Codes]). Each is declared below with its code, and the check that adds
// it to a decision is in this file too: an advisory is added here and nowhere else.
var adviceRules = []Rule{
	ruleCutThroughNotRecommended,
	ruleCutThroughPrivateNetwork,
	ruleCutThroughSubscription,
	ruleCutThroughRoutePriority,
	ruleNATNoALG,
	ruleNATAttachedENI,
	ruleConfigurationFee,
	ruleOutboundRoutes,
	ruleMultiBindedStaticConfig,
	ruleMultiBindedClosed,
	ruleMultiBindedInstanceFamily,
	ruleRegionClosing,
	ruleRegionSourcesDisagree,
	ruleSecondaryENIGuestConfig,
	ruleInstanceTypeRetired,
	ruleRetentionCost,
}

// The advisories: facts a caller should know that do not block the operation, and the
// checks that add them to an association's decision.

var ruleCutThroughNotRecommended = Rule{
	Code:     AdviseCutThroughNotRecommended,
	Severity: Advise,
	Summary:  "Cut-through mode is marked not recommended.",
	Source:   docCut,
	Fix:      "Prefer NAT mode unless the OS must see the EIP.",
}

var ruleCutThroughPrivateNetwork = Rule{
	Code:     AdviseCutThroughPrivateNetwork,
	Severity: Advise,
	Summary:  "In cut-through mode the ENI's private network is unavailable.",
	Source:   docModes + ", private network",
	Fix:      "Keep private traffic on another ENI.",
}

var ruleCutThroughSubscription = Rule{
	Code:     AdviseCutThroughSubscription,
	Severity: Advise,
	Summary: "Releasing a subscription EIP from a cut-through ENI that is attached leaves the ENI without private " +
		"network until it is detached and attached again.",
	Source: docCut + ", warning",
	Fix:    "Detach and re-attach the ENI after releasing the EIP.",
}

var ruleCutThroughRoutePriority = Rule{
	Code:     AdviseCutThroughRoutePriority,
	Severity: Advise,
	Summary:  "Attaching a cut-through ENI adds a route through it with a lower priority than the primary ENI's.",
	Source:   docCut + ", step 6",
	Fix:      "Adjust route priorities in the OS if traffic should leave through this ENI.",
}

var ruleNATNoALG = Rule{
	Code:     AdviseNATNoALG,
	Severity: Advise,
	Summary: "NAT mode does not carry protocols managed by NAT application layer gateways (H.323, SIP, DNS, RTSP, " +
		"TFTP).",
	Source: docModes + ", supported protocols",
	Fix:    "Use cut-through or multi-EIP-to-ENI mode for those protocols.",
}

var ruleNATAttachedENI = Rule{
	Code:     AdviseNATAttachedENI,
	Severity: Advise,
	Summary: "The ENI is attached: the documentation says to detach it first, but the API accepts NAT associations " +
		"on attached ENIs.",
	Source: docPrereq + "; observed API behaviour (API facts §6)",
	Fix:    "Detach first if you want the documented behaviour.",
}

var ruleConfigurationFee = Rule{
	Code:     AdviseConfigurationFee,
	Severity: Advise,
	Summary:  "A configuration fee applies to the EIP.",
	Source:   docFAQFee,
	Fix:      "Budget the fee, or use a subscription EIP.",
}

var ruleOutboundRoutes = Rule{
	Code:     AdviseOutboundRoutes,
	Severity: Advise,
	Summary:  "Inbound traffic works at once; outbound traffic through a secondary ENI needs route changes in the OS.",
	Source:   docFAQRoute,
	Fix:      "Change the default route or add specific routes in the instance.",
}

var ruleMultiBindedStaticConfig = Rule{
	Code:     AdviseMultiBindedStaticConfig,
	Severity: Advise,
	Summary: "Multi-EIP-to-ENI EIPs must be configured statically in the OS, and DHCP must be enabled on the " +
		"instance.",
	Source: docMulti,
	Fix:    "Enable DHCP and configure each EIP with the gateway and mask from DescribeEipGatewayInfo.",
}

var ruleMultiBindedClosed = Rule{
	Code:     AdviseMultiBindedClosed,
	Severity: Advise,
	Summary:  "Multi-EIP-to-ENI mode accepts no new applications.",
	Source:   docMulti,
	Fix:      "Plan a move to NAT mode.",
}

var ruleMultiBindedInstanceFamily = Rule{
	Code:     AdviseMultiBindedInstanceFamily,
	Severity: Advise,
	Summary:  "The ENI can later be attached only to an instance of a listed family.",
	Source:   docMulti + ", instance families",
	Fix:      "Check the instance family before attaching.",
}

var ruleRegionClosing = Rule{
	Code:     AdviseRegionClosing,
	Severity: Advise,
	Summary:  "The region is closing down.",
	Source:   apiRegions,
	Fix:      "Plan a move to another region.",
}

var ruleRegionSourcesDisagree = Rule{
	Code:     AdviseRegionSourcesDisagree,
	Severity: Advise,
	Summary: "The product documentation and the API documentation disagree on whether the mode is offered in the " +
		"region.",
	Source: docRegions + "; API documentation (2021)",
	Fix:    "Verify in the console before relying on it.",
}

var ruleSecondaryENIGuestConfig = Rule{
	Code:     AdviseSecondaryENIGuestConfig,
	Severity: Advise,
	Summary:  "Some images do not configure a secondary ENI's address and routes by themselves.",
	Source:   docCut + ", step 6",
	Fix:      "Configure the secondary ENI in the OS.",
}

var ruleRetentionCost = Rule{
	Code:     AdviseRetentionCost,
	Severity: Advise,
	Summary:  "A disassociated EIP stays allocated and keeps incurring retention costs until it is released.",
	Source:   "doc: EIP user guide, Disassociate an EIP from a cloud resource",
	Fix:      "Release the EIP when it is no longer needed.",
}

var ruleInstanceTypeRetired = Rule{
	Code:     AdviseInstanceTypeRetired,
	Severity: Advise,
	Summary:  "The instance type is retired.",
	Source:   "doc: ECS retired instance types",
	Fix:      "Plan a move to a current instance type.",
}

// addAssociateAdvisories adds the advisories that hold whatever the verdict, each from
// a property of the mode.
func addAssociateAdvisories(d *Decision, r *Request, p *modes.Properties) {
	if !p.Mode.IsValid() || r.Unknown.Has(FactMode) {
		return
	}
	if !p.AllIPProtocols {
		d.Advisories.add(AdviseNATNoALG)
	}
	if !p.Recommended {
		d.Advisories.add(AdviseCutThroughNotRecommended)
	}
	if !p.KeepsPrivateNetwork {
		d.Advisories.add(AdviseCutThroughPrivateNetwork)
		if r.EIP.ChargeType == eip.PrePaid || r.Unknown.Has(FactEIPChargeType) {
			d.Advisories.add(AdviseCutThroughSubscription)
		}
	}
	if p.StaticGatewayConfig {
		d.Advisories.add(AdviseMultiBindedStaticConfig)
	}
	if !p.AcceptsNewApplications {
		d.Advisories.add(AdviseMultiBindedClosed)
	}
	if p.InstanceFamilyRestricted {
		d.Advisories.add(AdviseMultiBindedInstanceFamily)
	}
	target := FeeTargetENI
	if r.ENI.Kind == eni.Primary {
		target = FeeTargetECS
	}
	// The fee's facts: the charge type, the account's EIP count and whether the ENI is in a VPC.
	u := r.Unknown & (FactEIPChargeType.set() | FactAccountEIPs.set() | FactENIPlacement.set())
	if feeOutcomes[classifyFee(r.EIP.ChargeType, target, r.ENI.VPC != "", r.Account.EIPs, u)].charged {
		d.Advisories.add(AdviseConfigurationFee)
	}
	if r.ENI.Kind != eni.Primary {
		d.Advisories.add(AdviseOutboundRoutes)
	}
}
