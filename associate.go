package eipassoc

import (
	"net/netip"
	"strconv"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// CanAssociate decides whether r.EIP can be associated with r.ENI in r.Mode. It is pure:
// no I/O, no clock, the same answer for the same Request. Bad or missing input becomes a
// violation (eip-invalid, eni-invalid, mode-invalid, region-unknown), never a panic.
// Every rule is checked, so a denied Decision lists all the reasons at once. The root
// package documentation lists the rules with their sources.
//
// On the allowed path CanAssociate allocates nothing.
func CanAssociate(r Request) Decision {
	var d Decision
	props := r.Mode.Properties()
	if !r.Mode.IsValid() {
		d.deny(CodeModeInvalid, "mode", "mode "+strconv.Quote(r.Mode.String())+" is not NAT, BINDED or MULTI_BINDED", "")
	}
	checkEIP(&d, &r.EIP)
	checkENIIdentity(&d, &r.ENI)
	checkAssociateRegions(&d, &r)
	if r.Mode.IsValid() && r.ENI.Kind.IsValid() {
		checkKindAndCapacity(&d, &r, &props)
		checkPrivateIP(&d, &r, &props)
		checkModeConflict(&d, &r)
		checkAttachment(&d, &r)
	}
	if r.Mode == modes.MultiBinded && !r.Account.MultiBindedAllowed {
		d.deny(CodeModeNotAllowlisted, "account", "the account is not allowlisted for multi-EIP-to-ENI mode, which accepts no new applications", "")
	}
	addAssociateAdvisories(&d, &r, &props)
	d.finish()
	return d
}

// checkEIP applies the rules on the EIP itself: identity, status and locks.
func checkEIP(d *Decision, a *eip.Address) {
	if a.ID == "" {
		d.deny(CodeEIPInvalid, "eip.id", "the EIP has no allocation ID", "")
	}
	switch {
	case a.Status == eip.Available:
	case !a.Status.IsValid():
		d.deny(CodeEIPStatus, subject("eip", string(a.ID)), "the EIP's status is unknown; it must be Available", "")
	case a.Status == eip.InUse:
		d.deny(CodeEIPStatus, subject("eip", string(a.ID)), "the EIP is InUse: it is associated with "+describeAssociation(a.Association)+"; disassociate it first", "")
	default:
		d.deny(CodeEIPStatus, subject("eip", string(a.ID)), "the EIP is "+a.Status.String()+"; it must be Available", "")
	}
	if a.HasLock(eip.Security) {
		d.deny(CodeEIPLocked, subject("eip", string(a.ID)), "the EIP is locked for a security reason", "")
	}
	if a.HasLock(eip.Financial) {
		d.deny(CodeEIPFinancialLocked, subject("eip", string(a.ID)), "the EIP is locked for overdue payment", "")
	}
}

// subject names a resource in a violation: "eni eni-1", or "eni" when it has no ID.
func subject(kind, id string) string {
	if id == "" {
		return kind
	}
	return kind + " " + id
}

func describeAssociation(a eip.Association) string {
	if a.IsZero() {
		return "another resource"
	}
	return a.InstanceType.String() + " " + a.InstanceID
}

// checkENIIdentity applies the rules on the ENI's identity, VPC and status.
func checkENIIdentity(d *Decision, n *eni.Interface) {
	if n.ID == "" {
		d.deny(CodeENIInvalid, "eni.id", "the ENI has no ID", "")
	}
	if !n.Kind.IsValid() {
		d.deny(CodeENIInvalid, "eni.kind", "the ENI's kind is unknown; it must be Primary, Secondary, Trunk or Member", "")
	}
	if n.VPC == "" {
		d.deny(CodeENINotInVPC, subject("eni", string(n.ID)), "the ENI is not in a VPC (its VPC ID is empty)", "")
	}
	switch n.Status {
	case eni.Available, eni.InUse:
	case 0:
		d.deny(CodeENIStatus, subject("eni", string(n.ID)), "the ENI's status is unknown; it must be Available", "")
	default:
		d.deny(CodeENIStatus, subject("eni", string(n.ID)), "the ENI is "+n.Status.String()+"; wait until it is Available", "")
	}
}

// checkAssociateRegions applies the region rules: both regions known and open, the
// same for the EIP and the ENI, and offering the mode.
func checkAssociateRegions(d *Decision, r *Request) {
	eniInfo, eniOK := lookupRegion(d, r.ENI.Region, "eni.region")
	eipInfo, eipOK := eniInfo, eniOK
	if r.EIP.Region != r.ENI.Region {
		eipInfo, eipOK = lookupRegion(d, r.EIP.Region, "eip.region")
	} else if !eniOK {
		d.deny(CodeRegionUnknown, "eip.region", regionUnknownMessage(r.EIP.Region), "")
	}
	if eipOK && eniOK && eipInfo.ID != eniInfo.ID {
		d.deny(CodeRegionMismatch, "eip.region", "the EIP is in "+string(eipInfo.ID)+" and the ENI in "+string(eniInfo.ID)+"; they must be in the same region", "")
	}
	if eipOK && (!eniOK || eipInfo.ID != eniInfo.ID) {
		checkRegionOpen(d, &eipInfo, "eip.region")
	}
	if !eniOK {
		return
	}
	checkRegionOpen(d, &eniInfo, "eni.region")
	if !r.Mode.IsValid() {
		return
	}
	if !eniInfo.Supports(r.Mode) {
		d.deny(CodeModeRegionUnsupported, "eni.region", r.Mode.Properties().Name+" is not offered in "+string(eniInfo.ID)+" ("+eniInfo.Name+")", "")
	}
	if !eniInfo.Listing(r.Mode).Agree() {
		d.Advisories.add(bitRegionSourcesDisagree)
	}
}

// checkRegionOpen denies a closed region and advises on a closing one.
func checkRegionOpen(d *Decision, info *regions.Info, subject string) {
	switch info.Status {
	case regions.Closed:
		d.deny(CodeRegionClosed, subject, "region "+string(info.ID)+" ("+info.Name+") is closed", "")
	case regions.Closing:
		d.Advisories.add(bitRegionClosing)
	}
}

// lookupRegion looks id up and records a violation when it is unknown.
func lookupRegion(d *Decision, id regions.ID, subject string) (regions.Info, bool) {
	info, err := regions.Lookup(id)
	if err != nil {
		d.deny(CodeRegionUnknown, subject, regionUnknownMessage(id), "")
		return info, false
	}
	return info, true
}

func regionUnknownMessage(id regions.ID) string {
	if id == "" {
		return "no region given"
	}
	return "region " + strconv.Quote(string(id)) + " is not a known Alibaba Cloud region ID"
}

// checkKindAndCapacity applies the ENI-kind rule and the per-mode capacity rule.
func checkKindAndCapacity(d *Decision, r *Request, p *modes.Properties) {
	var capacity modes.Capacity
	switch r.ENI.Kind {
	case eni.Primary:
		capacity = p.PrimaryENI
	case eni.Secondary:
		capacity = p.SecondaryENI
	}
	if !capacity.Allows() {
		d.deny(CodeENIKindUnsupported, subject("eni", string(r.ENI.ID)), p.Name+" cannot target a "+r.ENI.Kind.String()+" ENI", "")
		return
	}
	limit := capacity.Limit(r.ENI.PrivateIPCount())
	if len(r.Bound) < limit {
		return
	}
	api := ""
	switch r.Mode {
	case modes.MultiBinded:
		api = "QuotaExceed.MultiBindedEip"
	case modes.Binded:
		api = "InvalidAssociation.Duplicated"
	}
	v := d.deny(CodeENICapacity, subject("eni", string(r.ENI.ID)),
		"the ENI carries "+strconv.Itoa(len(r.Bound))+" EIPs and takes at most "+strconv.Itoa(limit)+" in "+p.Name, api)
	v.Capacity = &Capacity{Limit: limit, Used: len(r.Bound)}
}

// target returns the private address the request maps the EIP to.
func (r *Request) target() netip.Addr {
	if r.PrivateIP.IsValid() {
		return r.PrivateIP
	}
	return r.ENI.PrimaryIP
}

// checkPrivateIP applies the rules on the private address: it belongs to the ENI; in
// NAT mode it carries no EIP yet; in cut-through mode it is the primary address and the
// ENI has no secondary addresses.
func checkPrivateIP(d *Decision, r *Request, p *modes.Properties) {
	if r.PrivateIP.IsValid() && !r.ENI.HasPrivateIP(r.PrivateIP) {
		d.deny(CodePrivateIPNotOnENI, "private_ip "+r.PrivateIP.String(), r.PrivateIP.String()+" is not a private IP of ENI "+string(r.ENI.ID), "")
	}
	if !r.target().IsValid() && r.Mode != modes.MultiBinded {
		d.deny(CodeENIInvalid, "eni.primary_ip", "the ENI has no primary private IP", "")
	}
	if p.PrimaryPrivateIPOnly && r.PrivateIP.IsValid() && r.PrivateIP != r.ENI.PrimaryIP {
		d.deny(CodePrivateIPNotPrimary, "private_ip "+r.PrivateIP.String(), p.Name+" maps the EIP to the ENI's primary private IP only, not "+r.PrivateIP.String(), "")
	}
	if p.NoSecondaryPrivateIPs && len(r.ENI.SecondaryIPs) > 0 {
		d.deny(CodeENIHasSecondaryIPs, subject("eni", string(r.ENI.ID)), "the ENI has "+strconv.Itoa(len(r.ENI.SecondaryIPs))+" secondary private IPs; "+p.Name+" needs none", "")
	}
	if r.Mode != modes.NAT {
		return
	}
	want := r.target()
	for i := range r.Bound {
		b := &r.Bound[i]
		if b.mode() != modes.NAT {
			continue
		}
		got := b.PrivateIP
		if !got.IsValid() {
			got = r.ENI.PrimaryIP
		}
		if got == want && want.IsValid() {
			d.deny(CodePrivateIPInUse, "private_ip "+want.String(), want.String()+" already carries EIP "+string(b.EIP), "")
			return
		}
	}
}

// checkModeConflict applies the rule that one ENI carries EIPs of one mode only.
func checkModeConflict(d *Decision, r *Request) {
	for i := range r.Bound {
		m := r.Bound[i].mode()
		if m == r.Mode {
			continue
		}
		api := "Mode.Conflict"
		if (m == modes.NAT && r.Mode == modes.MultiBinded) || (m == modes.MultiBinded && r.Mode == modes.NAT) {
			api = "OperationFailed.EipBindModeConflict"
		}
		d.deny(CodeModeConflict, subject("eni", string(r.ENI.ID)), "the ENI already carries EIP "+string(r.Bound[i].EIP)+" in "+m.Properties().Name+"; it cannot also take "+r.Mode.Properties().Name, api)
		return
	}
}

// checkAttachment applies the prerequisite that a secondary ENI is detached, relaxed
// for NAT mode under the Observed behaviour.
func checkAttachment(d *Decision, r *Request) {
	if r.ENI.Kind == eni.Primary || !r.ENI.Attached() {
		return
	}
	if r.Mode == modes.NAT && r.Behaviour == Observed {
		d.Advisories.add(bitNATAttachedENI)
		return
	}
	msg := "the ENI is attached to an instance; detach it before associating an EIP in " + r.Mode.Properties().Name
	if r.ENI.Instance != "" {
		msg = "the ENI is attached to " + r.ENI.Instance + "; detach it before associating an EIP in " + r.Mode.Properties().Name
	}
	d.deny(CodeENIAttached, subject("eni", string(r.ENI.ID)), msg, "")
}

// addAssociateAdvisories adds the advisories that hold whatever the verdict.
func addAssociateAdvisories(d *Decision, r *Request, p *modes.Properties) {
	switch r.Mode {
	case modes.NAT:
		d.Advisories.add(bitNATNoALG)
	case modes.Binded:
		d.Advisories.add(bitCutThroughNotRecommended)
		d.Advisories.add(bitCutThroughPrivateNetwork)
		if r.EIP.ChargeType == eip.PrePaid {
			d.Advisories.add(bitCutThroughSubscription)
		}
	case modes.MultiBinded:
		d.Advisories.add(bitMultiBindedStaticConfig)
		d.Advisories.add(bitMultiBindedClosed)
		d.Advisories.add(bitMultiBindedInstanceFamily)
	}
	if !p.Mode.IsValid() {
		return
	}
	target := FeeTargetENI
	if r.ENI.Kind == eni.Primary {
		target = FeeTargetECS
	}
	if ConfigurationFee(FeeRequest{ChargeType: r.EIP.ChargeType, Target: target, InVPC: r.ENI.VPC != "", AccountEIPs: r.Account.EIPs}).Charged {
		d.Advisories.add(bitConfigurationFee)
	}
	if r.ENI.Kind != eni.Primary {
		d.Advisories.add(bitOutboundRoutes)
	}
}
