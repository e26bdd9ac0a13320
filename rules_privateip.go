package eipassoc

import (
	"cmp"
	"net/netip"

	"github.com/eipassoc/eipassoc/internal/english"
	"github.com/eipassoc/eipassoc/modes"
)

// Codes of the rules on the private IP an EIP maps to.
const (
	CodePrivateIPNotOnENI   Code = "private-ip-not-on-eni"
	CodePrivateIPInUse      Code = "private-ip-in-use"
	CodePrivateIPNotPrimary Code = "private-ip-not-primary"
)

var rulePrivateIPNotOnENI = Rule{
	Code:     CodePrivateIPNotOnENI,
	Severity: Deny,
	Summary:  "The private IP given belongs to the ENI.",
	Source:   apiAssoc + " parameter PrivateIpAddress",
	APICodes: []string{"InvalidParameter"},
	Fix:      "Assign the private IP to the ENI first, or pick one of its addresses.",
	Reads:    FactsOf(FactPrivateIP, FactENIAddresses),
}

var rulePrivateIPInUse = Rule{
	Code:     CodePrivateIPInUse,
	Severity: Deny,
	Summary:  "In NAT mode the private IP carries no EIP yet: one EIP per private IP.",
	Source:   docModes + ", NAT mode capacity",
	APICodes: []string{"InvalidAssociation.Duplicated"},
	Fix:      "Map the EIP to another private IP of the ENI.",
	Reads:    FactsOf(FactMode, FactPrivateIP, FactBound, FactENIAddresses),
}

var rulePrivateIPNotPrimary = Rule{
	Code:     CodePrivateIPNotPrimary,
	Severity: Deny,
	Summary:  "In cut-through mode the EIP maps to the ENI's primary private IP.",
	Source:   docModes + ", cut-through capacity note",
	APICodes: []string{"InvalidParameter"},
	Fix:      "Leave the private IP empty or give the ENI's primary private IP.",
	Reads:    FactsOf(FactMode, FactPrivateIP, FactENIAddresses),
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
		d.deny(CodeENIInvalid, subj{kind: "eni.primary_ip"}, eniName(string(r.ENI.ID))+" has no primary private IP", "")
	}
	if p.PrimaryPrivateIPOnly && (!ipKnown || r.PrivateIP.IsValid()) &&
		d.needs(u, addrs, CodePrivateIPNotPrimary, sub) &&
		r.PrivateIP != r.ENI.PrimaryIP {
		d.deny(
			CodePrivateIPNotPrimary,
			sub,
			p.Name+" maps "+eipName(string(r.EIP.ID))+" to the primary private IP of "+eniName(string(r.ENI.ID))+
				" only, not "+r.PrivateIP.String(),
			"",
		)
	}
	if p.NoSecondaryPrivateIPs &&
		d.needs(u, FactENIAddressCount.set(), CodeENIHasSecondaryIPs, subj{kind: "eni", id: string(r.ENI.ID)}) {
		if n := secondaryCount(&r.ENI, u, r.PrivateIPCount); n > 0 {
			d.deny(
				CodeENIHasSecondaryIPs,
				subj{kind: "eni", id: string(r.ENI.ID)},
				eniName(string(r.ENI.ID))+" has "+english.Count(n, "secondary private IP")+"; "+p.Name+" needs none",
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
	if ipKnown && r.Unknown.Has(FactENIAddresses) && r.ENI.HasPrivateIP(r.PrivateIP) {
		return // among the addresses the ENI is known to have (see FactENIAddresses)
	}
	if d.needs(r.Unknown, (FactPrivateIP.set()|FactENIAddresses.set()), CodePrivateIPNotOnENI, sub) &&
		!r.ENI.HasPrivateIP(r.PrivateIP) {
		d.deny(
			CodePrivateIPNotOnENI,
			sub,
			r.PrivateIP.String()+" is not a private IP of "+eniName(string(r.ENI.ID)),
			"",
		)
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
		v := d.deny(
			CodePrivateIPInUse,
			sub,
			describeTarget(r)+" already carries "+eipName(string(b.EIP))+"; it cannot also take "+eipName(string(r.EIP.ID)),
			"",
		)
		v.Fix = "Map " + eipName(string(r.EIP.ID)) + " to another private IP of " + eniName(string(r.ENI.ID)) +
			" (PrivateIpAddress; private_ip_address in Terraform), or disassociate " + eipName(string(b.EIP)) + " first."
		return
	}
	d.needs(r.Unknown, FactBound.set(), CodePrivateIPInUse, sub) // more may be bound than listed
}

// describeTarget names the address the request maps the EIP to, for people.
func describeTarget(r *Request) string {
	switch {
	case r.PrivateIP.IsValid():
		return r.PrivateIP.String() + " on " + eniName(string(r.ENI.ID))
	case !r.Unknown.Has(FactENIAddresses) && r.ENI.PrimaryIP.IsValid():
		return r.ENI.PrimaryIP.String() + " (the primary private IP of " + eniName(string(r.ENI.ID)) + ")"
	}
	return "the primary private IP of " + eniName(string(r.ENI.ID))
}

// target returns the private address the request maps the EIP to.
func (r *Request) target() netip.Addr {
	if r.PrivateIP.IsValid() {
		return r.PrivateIP
	}
	return r.ENI.PrimaryIP
}
