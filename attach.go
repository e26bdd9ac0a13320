package eipassoc

import (
	"github.com/eipassoc/eipassoc/internal/english"
	"strconv"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// An AttachRequest asks whether an ENI, with the EIPs it carries, can be attached to an
// ECS instance.
type AttachRequest struct {
	// ENI is the ENI to attach.
	ENI eni.Interface `json:"eni"`
	// Bound lists the EIPs associated with the ENI.
	Bound []Binding `json:"bound,omitempty"`
	// Instance is the ECS instance to attach it to. Its ENIs are the ones it has now;
	// its zero Limits mean "look its type up in the built-in table".
	Instance ecs.Instance `json:"instance"`
	// Unknown marks the facts the caller does not know, as in [Request].
	Unknown Facts `json:"unknown,omitzero"`
	// PrivateIPCount is how many private addresses the ENI has when their values are
	// unknown, as in [Request].
	PrivateIPCount int `json:"private_ip_count,omitempty"`
}

// CanAttach decides whether r.ENI can be attached to r.Instance: the ENI is a detached
// secondary ENI in the instance's region, zone and VPC; the instance type has room for
// another ENI and for the ENI's private IPs; and an ENI carrying EIPs of a mode that
// restricts instance families or needs DHCP (multi-EIP-to-ENI) goes only to an instance
// of a listed family with DHCP enabled. Like [CanAssociate] it is pure, lists every
// violation, and reports rules that need unknown facts as undecided.
func CanAttach(r AttachRequest) Decision {
	var d Decision
	r.Unknown = normalize(r.Unknown, r.PrivateIPCount)
	checkAttachIdentity(&d, &r)
	checkAttachPlacement(&d, &r)
	checkAttachLimits(&d, &r)
	checkBindingModes(&d, r.Bound)
	checkAttachModes(&d, &r, modes.Mode.Properties)
	d.finish()
	return d
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
		d.deny(CodeENIInvalid, subj{kind: "eni.kind"}, "the ENI's kind is unknown", "")
	default:
		d.deny(
			CodeENIKindUnsupported,
			s,
			"a "+spelled(n.Kind)+" ENI cannot be attached; only secondary and trunk ENIs can",
			"InvalidOperation.InvalidEniType",
		)
	}
	if d.needs(u, (FactENIStatus.set() | FactENIAttachment.set()), CodeENIStatus, s) {
		switch {
		case n.Status == eni.Available && n.Instance == "":
		case n.Instance != "":
			d.deny(CodeENIStatus, s, "the ENI is already attached to "+n.Instance, "InvalidOperation.InvalidEniState")
		default:
			d.deny(
				CodeENIStatus,
				s,
				"the ENI is "+statusText(n.Status)+"; it must be Available",
				"InvalidOperation.InvalidEniState",
			)
		}
	}
	if in.ID == "" {
		d.deny(CodeInstanceInvalid, subj{kind: "instance.id"}, "the instance has no ID", "")
	}
	if d.needs(u, FactInstanceType.set(), CodeInstanceInvalid, subj{kind: "instance.type"}) && in.Type == "" {
		d.deny(CodeInstanceInvalid, subj{kind: "instance.type"}, "the instance has no instance type", "")
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
	if d.needs(u, FactENIRegion.set(), CodeRegionUnknown, subj{kind: "eni.region"}) &&
		lookupRegion(d, n.Region, "eni.region", &eniInfo) {
		eniRegion = &eniInfo
	}
	if d.needs(u, FactENIRegion.set(), CodeRegionClosed, subj{kind: "eni.region"}) && eniRegion != nil {
		checkRegionOpen(d, eniRegion, "eni.region")
	}
	if d.needs(u, FactInstanceRegion.set(), CodeRegionUnknown, subj{kind: "instance.region"}) &&
		lookupRegion(d, in.Region, "instance.region", &inInfo) {
		inRegion = &inInfo
	}
	if d.needs(u, FactInstanceRegion.set(), CodeRegionClosed, subj{kind: "instance.region"}) && inRegion != nil {
		checkRegionOpen(d, inRegion, "instance.region")
	}
	if d.needs(u, (FactENIRegion.set()|FactInstanceRegion.set()), CodeRegionMismatch, subj{kind: "instance.region"}) &&
		eniRegion != nil &&
		inRegion != nil &&
		eniRegion.ID != inRegion.ID {
		d.deny(
			CodeRegionMismatch,
			subj{kind: "instance.region"},
			"the ENI is in "+string(eniRegion.ID)+" and the instance in "+string(inRegion.ID),
			"InvalidOperation.InvalidRegion",
		)
	}
	for _, f := range [...]struct {
		eni, inst, name, eniKey, instKey string
		mismatch                         Code
	}{
		{n.Zone, in.Zone, "zone", "eni.zone", "instance.zone", CodeZoneMismatch},
		{n.VPC, in.VPC, "vpc", "eni.vpc", "instance.vpc", CodeVPCMismatch},
	} {
		eniKnown := d.needs(u, FactENIPlacement.set(), CodeENIInvalid, subj{kind: f.eniKey})
		inKnown := d.needs(u, FactInstancePlacement.set(), CodeInstanceInvalid, subj{kind: f.instKey})
		if eniKnown && f.eni == "" {
			d.deny(CodeENIInvalid, subj{kind: f.eniKey}, "the ENI's "+f.name+" is not given", "")
		}
		if inKnown && f.inst == "" {
			d.deny(CodeInstanceInvalid, subj{kind: f.instKey}, "the instance's "+f.name+" is not given", "")
		}
		if !d.needs(u, (FactENIPlacement.set()|FactInstancePlacement.set()), f.mismatch, subj{kind: f.instKey}) ||
			f.eni == "" ||
			f.inst == "" ||
			f.eni == f.inst {
			continue
		}
		what := "zone "
		if f.name == "vpc" {
			what = "VPC "
		}
		d.deny(f.mismatch, subj{kind: f.instKey}, "the ENI is in "+what+f.eni+" and the instance in "+f.inst, "")
	}
}

func checkAttachLimits(d *Decision, r *AttachRequest) {
	n, in, u := &r.ENI, &r.Instance, r.Unknown
	limits, ok := in.TypeLimits()
	if !ok || in.Type == "" && in.Limits == (eni.Limits{}) {
		u = u.With(FactInstanceLimits)
	}
	if !u.Has(FactInstanceType) && !u.Has(FactInstanceLimits) && limits.Retired {
		d.Advisories.add(bitInstanceTypeRetired)
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
				in.Type+" takes at most "+english.Count(
					limits.ENIs,
					"ENI",
				)+" (primary included) and has "+strconv.Itoa(
					have,
				),
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
			"the ENI has "+english.Count(
				ips,
				"private IP",
			)+" and "+in.Type+" takes at most "+strconv.Itoa(
				limits.PrivateIPsPerENI,
			)+" per ENI",
			"",
		)
		v.Capacity = &Capacity{Limit: limits.PrivateIPsPerENI, Used: ips}
	}
}

// checkAttachModes applies the rules and advisories that the modes of the ENI's EIPs
// bring with them, each from a property of the mode.
func checkAttachModes(d *Decision, r *AttachRequest, props func(modes.Mode) modes.Properties) {
	in, u := &r.Instance, r.Unknown
	d.Advisories.add(bitSecondaryENIGuestConfig)
	if len(r.Bound) > 0 {
		d.Advisories.add(bitOutboundRoutes)
	}
	var families, dhcp modes.Mode // the first bound mode that brings each rule
	for i := range r.Bound {
		p := props(r.Bound[i].Mode)
		if !p.KeepsPrivateNetwork && p.Mode.IsValid() {
			d.Advisories.add(bitCutThroughRoutePriority)
			d.Advisories.add(bitCutThroughPrivateNetwork)
			if r.Bound[i].ChargeType == eip.PrePaid {
				d.Advisories.add(bitCutThroughSubscription)
			}
		}
		if p.StaticGatewayConfig {
			d.Advisories.add(bitMultiBindedStaticConfig)
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
			"the ENI carries EIPs in "+props(families).Name+" and "+in.Type+" is not of a family "+
				"that supports it", "")
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
			"the ENI carries EIPs in "+props(dhcp).Name+", which takes effect only with DHCP enabled on the instance",
			"",
		)
	}
}
