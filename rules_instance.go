package eipassoc

import (
	"strconv"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/english"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// Codes of the rules on the instance an ENI is attached to: its identity, quotas, family, DHCP and placement.
const (
	CodeInstanceInvalid           Code = "instance-invalid"
	CodeInstanceENIQuota          Code = "instance-eni-quota"
	CodeInstancePrivateIPQuota    Code = "instance-private-ip-quota"
	CodeInstanceFamilyUnsupported Code = "instance-family-unsupported"
	CodeInstanceDHCPDisabled      Code = "instance-dhcp-disabled"
	CodeZoneMismatch              Code = "zone-mismatch"
	CodeVPCMismatch               Code = "vpc-mismatch"
)

var ruleInstanceInvalid = Rule{
	Code:     CodeInstanceInvalid,
	Severity: Deny,
	Summary:  "The instance has an ID, an instance type, a zone and a VPC.",
	Source:   thisLibrary,
	APICodes: []string{"InvalidInstanceId.NotFound"},
	Fix:      "Fill in the instance as DescribeInstances reports it.",
	Reads:    FactsOf(FactInstanceType, FactInstancePlacement),
}

var ruleInstanceENIQuota = Rule{
	Code:     CodeInstanceENIQuota,
	Severity: Deny,
	Summary:  "The instance has room for one more ENI (EniQuantity, the primary included).",
	Source:   apiAttach + " errors",
	APICodes: []string{"EniPerInstanceLimitExceeded"},
	Fix:      "Detach another ENI or use a larger instance type.",
	Reads:    FactsOf(FactInstanceType, FactInstanceLimits, FactInstanceENIs),
}

var ruleInstancePrivateIPQuota = Rule{
	Code:     CodeInstancePrivateIPQuota,
	Severity: Deny,
	Summary:  "The ENI holds no more private IPs than the instance type allows per ENI.",
	Source:   apiAttach + " errors",
	APICodes: []string{"InvalidOperation.Ipv4CountExceeded"},
	Fix:      "Unassign private IPs from the ENI or use a larger instance type.",
	Reads:    FactsOf(FactInstanceType, FactInstanceLimits, FactENIAddressCount),
}

var ruleInstanceFamilyUnsupported = Rule{
	Code:     CodeInstanceFamilyUnsupported,
	Severity: Deny,
	Summary:  "An ENI carrying multi-EIP-to-ENI EIPs is attached only to an instance of a listed family.",
	Source:   docMulti + ", instance families",
	APICodes: []string{"OperationUnsupported.EipBindModel"},
	Fix:      "Use an instance of a listed family (ecs.g5, ecs.c5, ecs.r5, ...).",
	Reads:    FactsOf(FactBound, FactInstanceType),
}

var ruleInstanceDHCPDisabled = Rule{
	Code:     CodeInstanceDHCPDisabled,
	Severity: Deny,
	Summary: "An instance that takes an ENI with multi-EIP-to-ENI EIPs has DHCP enabled, or the mode does not take " +
		"effect.",
	Source: docMulti + ", DHCP",
	Fix:    "Enable DHCP in the instance's OS.",
	Reads:  FactsOf(FactBound, FactDHCP),
}

var ruleZoneMismatch = Rule{
	Code:     CodeZoneMismatch,
	Severity: Deny,
	Summary:  "The ENI and the instance are in the same zone.",
	Source:   apiAttach,
	APICodes: []string{"InvalidOperation.AvailabilityZoneMismatch"},
	Fix:      "Create the ENI in a vSwitch of the instance's zone.",
	Reads:    FactsOf(FactENIPlacement, FactInstancePlacement),
}

var ruleVPCMismatch = Rule{
	Code:     CodeVPCMismatch,
	Severity: Deny,
	Summary:  "The ENI and the instance are in the same VPC.",
	Source:   apiAttach,
	APICodes: []string{"InvalidOperation.VpcMismatch"},
	Fix:      "Create the ENI in the instance's VPC.",
	Reads:    FactsOf(FactENIPlacement, FactInstancePlacement),
}

func checkAttachIdentity(d *Decision, r *AttachRequest) {
	n, in, u := &r.ENI, &r.Instance, r.Unknown
	if n.ID == "" {
		d.deny(CodeENIInvalid, subj{kind: "eni.id"}, "the ENI has no ID", "")
	}
	s := subj{kind: "eni", id: string(n.ID)}
	switch n.Kind {
	case eni.Secondary, eni.Trunk:
	case 0:
		d.deny(CodeENIInvalid, subj{kind: "eni.kind"}, "the kind of "+eniName(string(n.ID))+" is unknown", "")
	default:
		d.deny(
			CodeENIKindUnsupported,
			s,
			eniName(string(n.ID))+" is a "+spelled(n.Kind)+" ENI, which cannot be attached; only secondary and "+
				"trunk ENIs can",
			"InvalidOperation.InvalidEniType",
		)
	}
	if d.needs(u, (FactENIStatus.set() | FactENIAttachment.set()), CodeENIStatus, s) {
		switch {
		case n.Status == eni.Available && n.Instance == "":
		case n.Instance != "":
			d.deny(
				CodeENIStatus,
				s,
				eniName(string(n.ID))+" is already attached to "+instanceName(n.Instance),
				"InvalidOperation.InvalidEniState",
			)
		default:
			d.deny(
				CodeENIStatus,
				s,
				eniName(string(n.ID))+" is "+statusText(n.Status)+"; it must be Available",
				"InvalidOperation.InvalidEniState",
			)
		}
	}
	if in.ID == "" {
		d.deny(CodeInstanceInvalid, subj{kind: "instance.id"}, "the instance has no ID", "")
	}
	if d.needs(u, FactInstanceType.set(), CodeInstanceInvalid, subj{kind: "instance.type"}) && in.Type == "" {
		d.deny(
			CodeInstanceInvalid,
			subj{kind: "instance.type"},
			instanceName(in.ID)+" has no instance type",
			"",
		)
	}
}

func statusText(s eni.Status) string {
	if !s.IsValid() {
		return "in an unknown status"
	}
	return s.String()
}

func checkAttachPlacement(d *Decision, r *AttachRequest) {
	n, in, u := &r.ENI, &r.Instance, r.Unknown
	var eniInfo, inInfo regions.Info
	var eniRegion, inRegion *regions.Info // nil when unknown or not in the table
	eniOwner, inOwner := owner{noun: "ENI", id: string(n.ID)}, owner{noun: "instance", id: in.ID}
	if d.needs(u, FactENIRegion.set(), CodeRegionUnknown, subj{kind: "eni.region"}) &&
		lookupRegion(d, n.Region, "eni.region", eniOwner, &eniInfo) {
		eniRegion = &eniInfo
	}
	if d.needs(u, FactENIRegion.set(), CodeRegionClosed, subj{kind: "eni.region"}) && eniRegion != nil {
		checkRegionOpen(d, eniRegion, "eni.region", eniOwner)
	}
	if d.needs(u, FactInstanceRegion.set(), CodeRegionUnknown, subj{kind: "instance.region"}) &&
		lookupRegion(d, in.Region, "instance.region", inOwner, &inInfo) {
		inRegion = &inInfo
	}
	if d.needs(u, FactInstanceRegion.set(), CodeRegionClosed, subj{kind: "instance.region"}) && inRegion != nil {
		checkRegionOpen(d, inRegion, "instance.region", inOwner)
	}
	if d.needs(u, (FactENIRegion.set()|FactInstanceRegion.set()), CodeRegionMismatch, subj{kind: "instance.region"}) &&
		eniRegion != nil &&
		inRegion != nil &&
		eniRegion.ID != inRegion.ID {
		d.deny(
			CodeRegionMismatch,
			subj{kind: "instance.region"},
			eniName(string(n.ID))+" is in "+string(eniRegion.ID)+" and "+instanceName(in.ID)+" in "+
				string(inRegion.ID),
			"InvalidOperation.InvalidRegion",
		)
	}
	for _, f := range [...]struct {
		eni, inst, name, eniKey, instKey string
		mismatch                         Code
	}{
		{n.Zone, in.Zone, "zone", "eni.zone", "instance.zone", CodeZoneMismatch},
		{n.VPC, in.VPC, "VPC", "eni.vpc", "instance.vpc", CodeVPCMismatch},
	} {
		eniKnown := d.needs(u, FactENIPlacement.set(), CodeENIInvalid, subj{kind: f.eniKey})
		inKnown := d.needs(u, FactInstancePlacement.set(), CodeInstanceInvalid, subj{kind: f.instKey})
		if eniKnown && f.eni == "" {
			d.deny(CodeENIInvalid, subj{kind: f.eniKey}, "the "+f.name+" of "+eniName(string(n.ID))+" is not given", "")
		}
		if inKnown && f.inst == "" {
			d.deny(
				CodeInstanceInvalid,
				subj{kind: f.instKey},
				"the "+f.name+" of "+instanceName(in.ID)+" is not given",
				"",
			)
		}
		if !d.needs(u, (FactENIPlacement.set()|FactInstancePlacement.set()), f.mismatch, subj{kind: f.instKey}) ||
			f.eni == "" ||
			f.inst == "" ||
			f.eni == f.inst {
			continue
		}
		d.deny(
			f.mismatch,
			subj{kind: f.instKey},
			eniName(string(n.ID))+" is in "+f.name+" "+f.eni+" and "+instanceName(in.ID)+" in "+f.inst,
			"",
		)
	}
}

func checkAttachLimits(d *Decision, r *AttachRequest) {
	n, in, u := &r.ENI, &r.Instance, r.Unknown
	limits, ok := in.TypeLimits()
	if !ok || in.Type == "" && in.Limits == (eni.Limits{}) {
		u = u.With(FactInstanceLimits)
	}
	if !u.Has(FactInstanceType) && !u.Has(FactInstanceLimits) && limits.Retired {
		d.Advisories.add(AdviseInstanceTypeRetired)
	}
	s := subj{kind: "instance", id: in.ID}
	if d.needs(
		u,
		(FactInstanceType.set() | FactInstanceLimits.set() | FactInstanceENIs.set()),
		CodeInstanceENIQuota,
		s,
	) {
		if have := in.ENICount(); have >= limits.ENIs {
			v := d.deny(
				CodeInstanceENIQuota,
				s,
				instanceName(in.ID)+" ("+in.Type+") takes at most "+english.Count(
					limits.ENIs,
					"ENI",
				)+" (primary included) and has "+strconv.Itoa(have)+"; "+eniName(string(n.ID))+" would be one more",
				"",
			)
			v.Capacity = &Capacity{Limit: limits.ENIs, Used: have}
		}
	}
	if !limits.KnowsPrivateIPs() {
		u = u.With(FactInstanceLimits)
	}
	es := subj{kind: "eni", id: string(n.ID)}
	if !d.needs(
		u,
		(FactInstanceType.set() | FactInstanceLimits.set() | FactENIAddressCount.set()),
		CodeInstancePrivateIPQuota,
		es,
	) {
		return
	}
	if ips := ipCount(n, u, r.PrivateIPCount); ips > limits.PrivateIPsPerENI {
		v := d.deny(
			CodeInstancePrivateIPQuota,
			es,
			eniName(string(n.ID))+" has "+english.Count(
				ips,
				"private IP",
			)+" and "+instanceName(in.ID)+" ("+in.Type+") takes at most "+strconv.Itoa(limits.PrivateIPsPerENI)+
				" per ENI",
			"",
		)
		v.Capacity = &Capacity{Limit: limits.PrivateIPsPerENI, Used: ips}
	}
}

// checkAttachModes applies the rules and advisories that the modes of the ENI's EIPs
// bring with them, each from a property of the mode.
func checkAttachModes(d *Decision, r *AttachRequest, props func(modes.Mode) modes.Properties) {
	in, u := &r.Instance, r.Unknown
	d.Advisories.add(AdviseSecondaryENIGuestConfig)
	if len(r.Bound) > 0 {
		d.Advisories.add(AdviseOutboundRoutes)
	}
	var families, dhcp modes.Mode // the first bound mode that brings each rule
	for i := range r.Bound {
		p := props(r.Bound[i].Mode)
		if !p.KeepsPrivateNetwork && p.Mode.IsValid() {
			d.Advisories.add(AdviseCutThroughRoutePriority)
			d.Advisories.add(AdviseCutThroughPrivateNetwork)
			if r.Bound[i].ChargeType == eip.PrePaid {
				d.Advisories.add(AdviseCutThroughSubscription)
			}
		}
		if p.StaticGatewayConfig {
			d.Advisories.add(AdviseMultiBindedStaticConfig)
		}
		if p.InstanceFamilyRestricted && families == 0 {
			families = r.Bound[i].Mode
		}
		if p.DHCPRequired && dhcp == 0 {
			dhcp = r.Bound[i].Mode
		}
	}
	// Bindings that are not listed (FactBound unknown) may bring either rule with them.
	if families == 0 {
		d.needs(u, FactBound.set(), CodeInstanceFamilyUnsupported, subj{kind: "instance.type"})
	} else if d.needs(u, FactInstanceType.set(), CodeInstanceFamilyUnsupported, subj{kind: "instance.type"}) &&
		in.Type != "" && !families.AllowsInstanceType(in.Type) {
		d.deny(CodeInstanceFamilyUnsupported, subj{kind: "instance.type"},
			eniName(string(r.ENI.ID))+" carries EIPs in "+props(families).Name+" and "+instanceName(in.ID)+
				" is of type "+in.Type+", which is not of a family that supports it", "")
	}
	if dhcp == 0 {
		d.needs(u, FactBound.set(), CodeInstanceDHCPDisabled, subj{kind: "instance", id: in.ID})
		return
	}
	s := subj{kind: "instance", id: in.ID}
	if in.DHCP == ecs.DHCPUnknown {
		u = u.With(FactDHCP)
	}
	if d.needs(u, FactDHCP.set(), CodeInstanceDHCPDisabled, s) && in.DHCP == ecs.DHCPDisabled {
		d.deny(
			CodeInstanceDHCPDisabled,
			s,
			eniName(string(r.ENI.ID))+" carries EIPs in "+props(dhcp).Name+", which takes effect only with DHCP "+
				"enabled on "+instanceName(in.ID)+"; its OS has DHCP disabled",
			"",
		)
	}
}
