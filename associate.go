package eipassoc

import (
	"cmp"
	"github.com/eipassoc/eipassoc/internal/english"
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
// Every rule is checked, so a denied Decision lists all the reasons at once; a rule that
// needs a fact marked in r.Unknown is reported undecided instead. The root package
// documentation lists the rules with their sources.
//
// On the allowed path CanAssociate allocates nothing.
func CanAssociate(r Request) Decision {
	var d Decision
	canAssociate(&d, &r, propertiesOf(r.Mode))
	return d
}

// modeProperties holds each mode's properties, read once from package modes (their one
// home), so that CanAssociate points at them instead of copying them on every call.
var modeProperties = func() (all [modes.MultiBinded + 1]modes.Properties) {
	for m := range all {
		all[m] = modes.Mode(m).Properties()
	}
	return all
}()

// propertiesOf returns the properties of m: the zero Properties for an invalid mode, as
// [modes.Mode.Properties] gives. The caller must not change them.
func propertiesOf(m modes.Mode) *modes.Properties {
	if int(m) >= len(modeProperties) {
		return &modeProperties[0]
	}
	return &modeProperties[m]
}

// canAssociate applies the rules to d with the mode's properties p, the data the rules
// read. It fills in d, rather than returning a Decision, to save a copy on every call.
func canAssociate(d *Decision, r *Request, p *modes.Properties) {
	r.Unknown = normalize(r.Unknown, r.PrivateIPCount)
	u := r.Unknown
	modeKnown := d.needs(u, FactMode.set(), CodeModeInvalid, subj{kind: "mode"})
	if modeKnown && !r.Mode.IsValid() {
		d.deny(
			CodeModeInvalid,
			subj{kind: "mode"},
			"the mode is "+spelled(r.Mode)+"; it must be NAT, BINDED or MULTI_BINDED",
			"",
		)
	}
	checkEIP(d, &r.EIP, u)
	checkENIIdentity(d, &r.ENI, u)
	checkTarget(d, r)
	checkBindingModes(d, r.Bound)
	checkAssociateRegions(d, r, p)
	checkPrivateIPOnENI(d, r)
	if !modeKnown {
		for _, c := range modeRules {
			d.needs(u, FactMode.set(), c, subj{kind: "eni", id: string(r.ENI.ID)})
		}
	} else if r.Mode.IsValid() && r.ENI.Kind.IsValid() {
		checkKindAndCapacity(d, r, p)
		checkPrivateIP(d, r, p)
		checkModeConflict(d, r)
		checkAttachment(d, r, p)
		checkAllowlist(d, r, p)
	}
	addAssociateAdvisories(d, r, p)
	d.finish()
}

// modeRules are the rules, besides mode-invalid and mode-region-unsupported, that read
// the mode; with the mode unknown they are undecided.
var modeRules = [...]Code{CodeENIKindUnsupported, CodeENICapacity,
	CodePrivateIPNotPrimary, CodeENIHasSecondaryIPs, CodePrivateIPInUse, CodeModeConflict, CodeENIAttached,
	CodeModeNotAllowlisted}

// checkEIP applies the rules on the EIP itself: identity, status and locks.
func checkEIP(d *Decision, a *eip.Address, u Facts) {
	if a.ID == "" {
		d.deny(CodeEIPInvalid, subj{kind: "eip.id"}, "the EIP has no allocation ID", "")
	}
	s := subj{kind: "eip", id: string(a.ID)}
	if !d.needs(u, FactEIPStatus.set(), CodeEIPStatus, s) {
		d.needs(u, FactEIPStatus.set(), CodeEIPLocked, s)
		d.needs(u, FactEIPStatus.set(), CodeEIPFinancialLocked, s)
		return
	}
	switch {
	case a.Status == eip.Available:
	case !a.Status.IsValid():
		d.deny(CodeEIPStatus, s, "the EIP's status is unknown; it must be Available", "")
	case a.Status == eip.InUse:
		d.deny(
			CodeEIPStatus,
			s,
			"the EIP is InUse: it is associated with "+describeAssociation(a.Association)+"; disassociate it first",
			"",
		)
	default:
		d.deny(CodeEIPStatus, s, "the EIP is "+a.Status.String()+"; it must be Available", "")
	}
	checkLocks(d, a, s)
}

// checkLocks applies the lock rules, which every operation on an EIP shares.
func checkLocks(d *Decision, a *eip.Address, s subj) {
	if a.HasLock(eip.Security) {
		d.deny(CodeEIPLocked, s, "the EIP is locked for a security reason", "")
	}
	if a.HasLock(eip.Financial) {
		d.deny(CodeEIPFinancialLocked, s, "the EIP is locked for overdue payment", "")
	}
}

func describeAssociation(a eip.Association) string {
	if a.IsZero() {
		return "another resource"
	}
	return spelled(a.InstanceType) + " " + a.InstanceID
}

// checkENIIdentity applies the rules on the ENI's identity, VPC and status.
func checkENIIdentity(d *Decision, n *eni.Interface, u Facts) {
	if n.ID == "" {
		d.deny(CodeENIInvalid, subj{kind: "eni.id"}, "the ENI has no ID", "")
	}
	if !n.Kind.IsValid() {
		d.deny(
			CodeENIInvalid,
			subj{kind: "eni.kind"},
			"the ENI's kind is unknown; it must be Primary, Secondary, Trunk or Member",
			"",
		)
	}
	s := subj{kind: "eni", id: string(n.ID)}
	if d.needs(u, FactENIPlacement.set(), CodeENINotInVPC, s) && n.VPC == "" {
		d.deny(CodeENINotInVPC, s, "the ENI is not in a VPC (its VPC ID is empty)", "")
	}
	if !d.needs(u, FactENIStatus.set(), CodeENIStatus, s) {
		return
	}
	switch n.Status {
	case eni.Available, eni.InUse:
	case 0:
		d.deny(CodeENIStatus, s, "the ENI's status is unknown; it must be Available", "")
	default:
		d.deny(CodeENIStatus, s, "the ENI is "+statusText(n.Status)+"; wait until it is Available", "")
	}
}

// checkTarget applies the rule that an ECS instance target is reached through the
// instance's primary ENI.
func checkTarget(d *Decision, r *Request) {
	if !d.needs(r.Unknown, FactTarget.set(), CodeENIInvalid, subj{kind: "target"}) {
		return
	}
	switch r.Target {
	case 0, eip.NetworkInterface:
		return
	case eip.EcsInstance:
		if r.ENI.Kind != eni.Primary {
			d.deny(
				CodeENIInvalid,
				subj{kind: "target"},
				"an EcsInstance target is reached through the instance's primary ENI, and "+string(
					r.ENI.ID,
				)+" is a "+spelled(
					r.ENI.Kind,
				)+" ENI",
				"",
			)
		}
	default:
		d.deny(
			CodeENIInvalid,
			subj{kind: "target"},
			"the target is "+spelled(r.Target)+"; the association rules cover NetworkInterface and EcsInstance targets",
			"InvalidInstanceType.ValueNotSupported",
		)
	}
}

// checkBindingModes applies the rule that every listed bound EIP has a valid mode: the
// zero Mode is invalid here too, so an unset field never silently means NAT. Bindings
// that are not listed are the API's, whose modes are always valid, so they leave
// nothing undecided.
func checkBindingModes(d *Decision, bound []Binding) {
	for i := range bound {
		if !bound[i].Mode.IsValid() {
			d.deny(
				CodeModeInvalid,
				subj{kind: "bound", id: string(bound[i].EIP)},
				"the bound EIP "+string(
					bound[i].EIP,
				)+" has the mode "+spelled(
					bound[i].Mode,
				)+"; use NAT, BINDED or MULTI_BINDED (BindingOf fills in NAT)",
				noAPICode,
			)
		}
	}
}

// checkAssociateRegions applies the region rules: both regions known and open, the
// same for the EIP and the ENI, and offering the mode.
func checkAssociateRegions(d *Decision, r *Request, p *modes.Properties) {
	u := r.Unknown
	eniKnown := d.needs(u, FactENIRegion.set(), CodeRegionUnknown, subj{kind: "eni.region"})
	d.needs(u, FactENIRegion.set(), CodeRegionClosed, subj{kind: "eni.region"})
	eipKnown := d.needs(u, FactEIPRegion.set(), CodeRegionUnknown, subj{kind: "eip.region"})
	d.needs(u, FactEIPRegion.set(), CodeRegionClosed, subj{kind: "eip.region"})
	var eniInfo, eipInfo regions.Info
	var eniRegion, eipRegion *regions.Info // nil when unknown or not in the table
	if eniKnown && lookupRegion(d, r.ENI.Region, "eni.region", &eniInfo) {
		eniRegion = &eniInfo
		checkRegionOpen(d, eniRegion, "eni.region")
	}
	if eipKnown {
		if eniKnown && r.EIP.Region == r.ENI.Region { // one lookup; each subject still reported
			eipRegion = eniRegion
			if eniRegion == nil {
				d.deny(CodeRegionUnknown, subj{kind: "eip.region"}, regionUnknownMessage(r.EIP.Region), "")
			}
		} else if lookupRegion(d, r.EIP.Region, "eip.region", &eipInfo) {
			eipRegion = &eipInfo
		}
		if eipRegion != nil {
			checkRegionOpen(d, eipRegion, "eip.region")
		}
	}
	if d.needs(u, (FactENIRegion.set()|FactEIPRegion.set()), CodeRegionMismatch, subj{kind: "eip.region"}) &&
		eipRegion != nil &&
		eniRegion != nil &&
		eipRegion.ID != eniRegion.ID {
		d.deny(
			CodeRegionMismatch,
			subj{kind: "eip.region"},
			"the EIP is in "+string(
				eipRegion.ID,
			)+" and the ENI in "+string(
				eniRegion.ID,
			)+"; they must be in the same region",
			"",
		)
	}
	if !d.needs(u, (FactENIRegion.set()|FactMode.set()), CodeModeRegionUnsupported, subj{kind: "eni.region"}) ||
		eniRegion == nil ||
		!r.Mode.IsValid() {
		return
	}
	if !eniRegion.Supports(r.Mode) && eniRegion.Status != regions.Closed {
		d.deny(
			CodeModeRegionUnsupported,
			subj{kind: "eni.region"},
			p.Name+" is not offered in "+string(eniRegion.ID)+" ("+eniRegion.Name+")",
			"",
		)
	}
	if !eniRegion.Listing(r.Mode).Agree() {
		d.Advisories.add(bitRegionSourcesDisagree)
	}
}

// checkRegionOpen denies a closed region and advises on a closing one.
func checkRegionOpen(d *Decision, info *regions.Info, subject string) {
	switch info.Status {
	case regions.Closed:
		d.deny(CodeRegionClosed, subj{kind: subject}, "region "+string(info.ID)+" ("+info.Name+") is closed", "")
	case regions.Closing:
		d.Advisories.add(bitRegionClosing)
	}
}

// lookupRegion looks id up into info and reports whether it is known; an unknown
// region is a violation.
func lookupRegion(d *Decision, id regions.ID, subject string, info *regions.Info) bool {
	var err error
	if *info, err = regions.Lookup(id); err != nil {
		d.deny(CodeRegionUnknown, subj{kind: subject}, regionUnknownMessage(id), "")
		return false
	}
	return true
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
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	if !capacity.Allows() {
		d.deny(
			CodeENIKindUnsupported,
			s,
			p.Name+" cannot target a "+spelled(r.ENI.Kind)+" ENI",
			kindAPICode(r.Mode, r.ENI.Kind),
		)
		return
	}
	if capacity.PerPrivateIP && !d.needs(r.Unknown, FactENIAddressCount.set(), CodeENICapacity, s) {
		return
	}
	limit := capacity.Limit(ipCount(&r.ENI, r.Unknown, r.PrivateIPCount))
	if len(r.Bound) < limit {
		d.needs(r.Unknown, FactBound.set(), CodeENICapacity, s) // more may be bound than listed
		return
	}
	api := ""
	switch r.Mode {
	case modes.MultiBinded:
		api = "QuotaExceed.MultiBindedEip"
	case modes.Binded:
		api = "InvalidAssociation.Duplicated"
	}
	v := d.deny(
		CodeENICapacity,
		s,
		"the ENI carries "+english.Count(len(r.Bound), "EIP")+" and takes at most "+strconv.Itoa(limit)+" in "+p.Name,
		api,
	)
	v.Capacity = &Capacity{Limit: limit, Used: len(r.Bound)}
}

// kindAPICode predicts the API's answer to a mode on an ENI kind it cannot target. Only
// cut-through has a documented code (Invalid.DirectEip.BindType, "The direct eip can be
// only associated with eni"); no public source gives the others.
func kindAPICode(m modes.Mode, k eni.Kind) string {
	if m == modes.Binded && k == eni.Primary {
		return "Invalid.DirectEip.BindType"
	}
	return noAPICode
}

// normalize completes a set of unknown facts: the addresses are unknown when their
// number is, and their number is unknown when the addresses are and no count is given.
func normalize(u Facts, count int) Facts {
	if u.Has(FactENIAddressCount) {
		u = u.With(FactENIAddresses)
	}
	if u.Has(FactENIAddresses) && count <= 0 {
		u = u.With(FactENIAddressCount)
	}
	return u
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
	u := r.Unknown
	ipKnown := !u.Has(FactPrivateIP)
	sub := subj{kind: "eni", id: string(r.ENI.ID)}
	if ipKnown && r.PrivateIP.IsValid() {
		sub = subj{kind: "private_ip", ip: r.PrivateIP}
	}
	addrs := (FactPrivateIP.set() | FactENIAddresses.set())
	mapsToAddress := p.SecondaryENI.PerPrivateIP || p.PrimaryPrivateIPOnly
	if mapsToAddress && (!ipKnown || !r.PrivateIP.IsValid()) &&
		d.needs(u, (FactPrivateIP.set()|FactENIAddressCount.set()), CodeENIInvalid, subj{kind: "eni.primary_ip"}) &&
		(u.Has(FactENIAddresses) && ipCount(&r.ENI, u, r.PrivateIPCount) == 0 ||
			!u.Has(FactENIAddresses) && !r.ENI.PrimaryIP.IsValid()) {
		d.deny(CodeENIInvalid, subj{kind: "eni.primary_ip"}, "the ENI has no primary private IP", "")
	}
	if p.PrimaryPrivateIPOnly && (!ipKnown || r.PrivateIP.IsValid()) &&
		d.needs(u, addrs, CodePrivateIPNotPrimary, sub) &&
		r.PrivateIP != r.ENI.PrimaryIP {
		d.deny(
			CodePrivateIPNotPrimary,
			sub,
			p.Name+" maps the EIP to the ENI's primary private IP only, not "+r.PrivateIP.String(),
			"",
		)
	}
	if p.NoSecondaryPrivateIPs &&
		d.needs(u, FactENIAddressCount.set(), CodeENIHasSecondaryIPs, subj{kind: "eni", id: string(r.ENI.ID)}) {
		if n := secondaryCount(&r.ENI, u, r.PrivateIPCount); n > 0 {
			d.deny(
				CodeENIHasSecondaryIPs,
				subj{kind: "eni", id: string(r.ENI.ID)},
				"the ENI has "+english.Count(n, "secondary private IP")+"; "+p.Name+" needs none",
				"",
			)
		}
	}
	if !p.SecondaryENI.PerPrivateIP {
		return // only a mode with one EIP per private IP maps EIPs to addresses
	}
	checkPrivateIPInUse(d, r)
}

// checkPrivateIPOnENI applies the rule that a private address given belongs to the ENI,
// whatever the mode.
func checkPrivateIPOnENI(d *Decision, r *Request) {
	ipKnown := !r.Unknown.Has(FactPrivateIP)
	if ipKnown && !r.PrivateIP.IsValid() {
		return
	}
	sub := subj{kind: "eni", id: string(r.ENI.ID)}
	if ipKnown {
		sub = subj{kind: "private_ip", ip: r.PrivateIP}
	}
	if d.needs(r.Unknown, (FactPrivateIP.set()|FactENIAddresses.set()), CodePrivateIPNotOnENI, sub) &&
		!r.ENI.HasPrivateIP(r.PrivateIP) {
		d.deny(CodePrivateIPNotOnENI, sub, r.PrivateIP.String()+" is not a private IP of ENI "+string(r.ENI.ID), "")
	}
}

// checkPrivateIPInUse applies the rule that, in a mode with one EIP per private IP, the
// address carries no EIP yet. Two mappings to the primary address by default are equal
// and two explicit addresses compare as given, so the ENI's addresses are read only
// when an explicit address meets a default one.
func checkPrivateIPInUse(d *Decision, r *Request) {
	sub := subj{kind: "eni", id: string(r.ENI.ID)}
	if !r.Unknown.Has(FactPrivateIP) && r.PrivateIP.IsValid() {
		sub = subj{kind: "private_ip", ip: r.PrivateIP}
	}
	if !d.needs(r.Unknown, FactPrivateIP.set(), CodePrivateIPInUse, sub) {
		return
	}
	mode, want := r.Mode, r.PrivateIP
	for i := range r.Bound {
		b := &r.Bound[i]
		if b.Mode != mode {
			continue
		}
		if want.IsValid() == b.PrivateIP.IsValid() { // both explicit, or both the primary address
			if want != b.PrivateIP {
				continue
			}
		} else if !d.needs(r.Unknown, FactENIAddresses.set(), CodePrivateIPInUse, sub) {
			continue
		} else if got := cmp.Or(b.PrivateIP, r.ENI.PrimaryIP); !r.target().IsValid() || r.target() != got {
			continue
		}
		d.deny(CodePrivateIPInUse, sub, describeTarget(r)+" already carries EIP "+string(b.EIP), "")
		return
	}
	d.needs(r.Unknown, FactBound.set(), CodePrivateIPInUse, sub) // more may be bound than listed
}

// describeTarget names the address the request maps the EIP to, for people.
func describeTarget(r *Request) string {
	switch {
	case r.PrivateIP.IsValid():
		return r.PrivateIP.String()
	case !r.Unknown.Has(FactENIAddresses) && r.ENI.PrimaryIP.IsValid():
		return r.ENI.PrimaryIP.String()
	}
	return "the primary private IP of " + string(r.ENI.ID)
}

// checkModeConflict applies the rule that one ENI carries EIPs of one mode only.
func checkModeConflict(d *Decision, r *Request) {
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	mode := r.Mode
	for i := range r.Bound {
		m := r.Bound[i].Mode
		if m == mode || !m.IsValid() {
			continue
		}
		api := "Mode.Conflict"
		if (m == modes.NAT && r.Mode == modes.MultiBinded) || (m == modes.MultiBinded && r.Mode == modes.NAT) {
			api = "OperationFailed.EipBindModeConflict"
		}
		d.deny(
			CodeModeConflict,
			s,
			"the ENI already carries EIP "+string(
				r.Bound[i].EIP,
			)+" in "+m.Properties().Name+"; it cannot also take "+r.Mode.Properties().Name,
			api,
		)
		return
	}
	d.needs(r.Unknown, FactBound.set(), CodeModeConflict, s) // more may be bound than listed
}

// checkAttachment applies the prerequisite that a secondary ENI is detached when the
// mode's properties require it, relaxed for NAT mode under the Observed behaviour.
func checkAttachment(d *Decision, r *Request, p *modes.Properties) {
	if r.ENI.Kind == eni.Primary || !p.DetachedENIRequired {
		return
	}
	lax := r.Mode == modes.NAT && r.Behaviour == Observed
	s := subj{kind: "eni", id: string(r.ENI.ID)}
	if lax {
		if !r.Unknown.Has(FactENIAttachment) && !r.Unknown.Has(FactENIStatus) && r.ENI.Attached() {
			d.Advisories.add(bitNATAttachedENI)
		}
		return
	}
	if !d.needs(r.Unknown, (FactENIAttachment.set()|FactENIStatus.set()), CodeENIAttached, s) || !r.ENI.Attached() {
		return
	}
	msg := "the ENI is attached to an instance; detach it before associating an EIP in " + p.Name
	if r.ENI.Instance != "" {
		msg = "the ENI is attached to " + r.ENI.Instance + "; detach it before associating an EIP in " + p.Name
	}
	d.deny(CodeENIAttached, s, msg, "")
}

// checkAllowlist applies the rule that a mode closed to new applications is used only by
// allowlisted accounts.
func checkAllowlist(d *Decision, r *Request, p *modes.Properties) {
	if p.AcceptsNewApplications ||
		!d.needs(r.Unknown, FactAllowlist.set(), CodeModeNotAllowlisted, subj{kind: "account"}) ||
		r.Account.MultiBindedAllowed {
		return
	}
	d.deny(
		CodeModeNotAllowlisted,
		subj{kind: "account"},
		"the account is not allowlisted for "+p.Name+", which accepts no new applications",
		"",
	)
}

// addAssociateAdvisories adds the advisories that hold whatever the verdict, each from
// a property of the mode.
func addAssociateAdvisories(d *Decision, r *Request, p *modes.Properties) {
	if !p.Mode.IsValid() || r.Unknown.Has(FactMode) {
		return
	}
	if !p.AllIPProtocols {
		d.Advisories.add(bitNATNoALG)
	}
	if !p.Recommended {
		d.Advisories.add(bitCutThroughNotRecommended)
	}
	if !p.KeepsPrivateNetwork {
		d.Advisories.add(bitCutThroughPrivateNetwork)
		if r.EIP.ChargeType == eip.PrePaid || r.Unknown.Has(FactEIPChargeType) {
			d.Advisories.add(bitCutThroughSubscription)
		}
	}
	if p.StaticGatewayConfig {
		d.Advisories.add(bitMultiBindedStaticConfig)
	}
	if !p.AcceptsNewApplications {
		d.Advisories.add(bitMultiBindedClosed)
	}
	if p.InstanceFamilyRestricted {
		d.Advisories.add(bitMultiBindedInstanceFamily)
	}
	target := FeeTargetENI
	if r.ENI.Kind == eni.Primary {
		target = FeeTargetECS
	}
	// The fee's facts: the charge type, the account's EIP count and whether the ENI is in a VPC.
	u := r.Unknown & (FactEIPChargeType.set() | FactAccountEIPs.set() | FactENIPlacement.set())
	if feeOutcomes[classifyFee(r.EIP.ChargeType, target, r.ENI.VPC != "", r.Account.EIPs, u)].charged {
		d.Advisories.add(bitConfigurationFee)
	}
	if r.ENI.Kind != eni.Primary {
		d.Advisories.add(bitOutboundRoutes)
	}
}
