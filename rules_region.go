package eipassoc

import (
	"strconv"

	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// Codes of the rules on regions: known, open, and the same for the EIP, the ENI and the instance.
const (
	CodeRegionUnknown  Code = "region-unknown"
	CodeRegionClosed   Code = "region-closed"
	CodeRegionMismatch Code = "region-mismatch"
)

var ruleRegionUnknown = Rule{
	Code:     CodeRegionUnknown,
	Severity: Deny,
	Summary:  "Every region named is a known Alibaba Cloud region ID.",
	Source:   apiRegions,
	APICodes: []string{"InvalidRegionId.NotFound"},
	Fix:      "Check the region ID; if it is new, upgrade eipassoc or decide by other means.",
	Reads:    FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
}

var ruleRegionClosed = Rule{
	Code:     CodeRegionClosed,
	Severity: Deny,
	Summary:  "No resource is placed in a decommissioned region.",
	Source:   apiRegions,
	APICodes: []string{"Forbidden.RegionNotFound"},
	Fix:      "Move the resources to an open region.",
	Reads:    FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
}

var ruleRegionMismatch = Rule{
	Code:     CodeRegionMismatch,
	Severity: Deny,
	Summary:  "The EIP and the ENI (or the ENI and the instance) are in the same region.",
	Source:   docPrereq + "; " + apiAssoc + "; " + apiAttach,
	APICodes: []string{"InvalidParameter.Mismatch", "InvalidOperation.InvalidRegion"},
	Fix:      "Allocate the EIP in the ENI's region.",
	Reads:    FactsOf(FactEIPRegion, FactENIRegion, FactInstanceRegion),
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
	eniOwner, eipOwner := owner{noun: "ENI", id: string(r.ENI.ID)}, owner{noun: "EIP", id: string(r.EIP.ID)}
	if eniKnown && eipKnown && r.EIP.Region == r.ENI.Region { // one region, one message
		eipOwner.andNoun, eipOwner.andID = eniOwner.noun, eniOwner.id
		eniOwner = eipOwner
	}
	if eniKnown && lookupRegion(d, r.ENI.Region, "eni.region", eniOwner, &eniInfo) {
		eniRegion = &eniInfo
		checkRegionOpen(d, eniRegion, "eni.region", eniOwner)
	}
	if eipKnown {
		if eniKnown && r.EIP.Region == r.ENI.Region { // one lookup; each subject still reported
			eipRegion = eniRegion
			if eniRegion == nil {
				d.deny(
					CodeRegionUnknown,
					subj{kind: "eip.region"},
					regionUnknownMessage(owner{noun: "EIP", id: string(r.EIP.ID)}, r.EIP.Region),
					"",
				)
			}
		} else if lookupRegion(d, r.EIP.Region, "eip.region", eipOwner, &eipInfo) {
			eipRegion = &eipInfo
		}
		if eipRegion != nil {
			checkRegionOpen(d, eipRegion, "eip.region", eipOwner)
		}
	}
	if d.needs(u, (FactENIRegion.set()|FactEIPRegion.set()), CodeRegionMismatch, subj{kind: "eip.region"}) &&
		eipRegion != nil &&
		eniRegion != nil &&
		eipRegion.ID != eniRegion.ID {
		d.deny(
			CodeRegionMismatch,
			subj{kind: "eip.region"},
			eipName(string(r.EIP.ID))+" is in "+string(eipRegion.ID)+" and "+eniName(string(r.ENI.ID))+" in "+
				string(eniRegion.ID)+
				"; they must be in the same region",
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
			p.Name+" is not offered in "+string(eniRegion.ID)+" ("+eniRegion.Name+"), the region of "+
				eniName(string(r.ENI.ID)),
			"",
		)
	}
	if !eniRegion.Listing(r.Mode).Agree() {
		d.Advisories.add(AdviseRegionSourcesDisagree)
	}
}

// checkRegionOpen denies a closed region and advises on a closing one; of names the
// resource placed in it.
func checkRegionOpen(d *Decision, info *regions.Info, subject string, of owner) {
	switch info.Status {
	case regions.Closed:
		d.deny(
			CodeRegionClosed,
			subj{kind: subject},
			"region "+string(info.ID)+" ("+info.Name+") of "+of.String()+" is closed",
			"",
		)
	case regions.Closing:
		d.Advisories.add(AdviseRegionClosing)
	}
}

// lookupRegion looks id, the region of of, up into info and reports whether it is
// known; an unknown region is a violation.
func lookupRegion(d *Decision, id regions.ID, subject string, of owner, info *regions.Info) bool {
	var err error
	if *info, err = regions.Lookup(id); err != nil {
		d.deny(CodeRegionUnknown, subj{kind: subject}, regionUnknownMessage(of, id), "")
		return false
	}
	return true
}

func regionUnknownMessage(of owner, id regions.ID) string {
	if id == "" {
		return "no region given for " + of.String()
	}
	return "the region of " + of.String() + ", " + strconv.Quote(string(id)) + ", is not a known Alibaba Cloud region ID"
}

// An owner names the resource a region belongs to, and another in the same region; the
// name is written only when a message needs it, so that the allowed path builds none.
type owner struct {
	noun, id       string
	andNoun, andID string // the other resource, when there is one
}

// String returns "ENI eni-1", or "EIP eip-1 and ENI eni-1".
func (o owner) String() string {
	s := named(o.noun, o.id)
	if o.andNoun != "" {
		s += " and " + named(o.andNoun, o.andID)
	}
	return s
}
