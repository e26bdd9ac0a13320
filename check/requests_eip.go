package check

import (
	"cmp"
	"slices"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// targetENI returns the key of the ENI an association lands on: its target, or the
// primary ENI of an instance target.
func (m *Model) targetENI(a *Association) Key {
	if m.ENIs[a.Target] == nil && m.Instances[a.Target] != nil {
		return primaryENI(a.Target)
	}
	return a.Target
}

func modeText(a *Association) string {
	if a.Mode.IsValid() {
		return a.Mode.String()
	}
	return "(invalid)"
}

// modeOf returns an association's mode with the provider's default, NAT, filled in.
func modeOf(a *Association) modes.Mode {
	if !a.ModeSet {
		return modes.NAT
	}
	return a.Mode // the zero Mode when the plan's mode is invalid: CanAssociate says so
}

// eipFor describes the association's EIP as CanAssociate wants it. An EIP this input
// manages is new or associated only as the input says, so Available and unlocked; an
// EIP it only names by ID has a status the plan does not know unless -live read it.
// When the plan lost which of a counted set of EIPs is meant, the facts all candidates
// share are known, and the others are not.
func (c *checker) eipFor(k *knowledge) eip.Address {
	a := eip.Address{ID: eip.ID(c.a.EIP), Region: c.a.Region, Status: eip.Available, ChargeType: eip.PostPaid}
	if a.ID == "" {
		a.ID = eip.ID(c.a.Address + ".allocation_id")
	}
	var s eipSummary
	switch e := c.m.EIPs[c.a.EIP]; {
	case e != nil && e.Live != nil:
		return *e.Live
	case e != nil:
		s = summarize([]*EIP{e})
	case c.a.EIPOneOf != "":
		s = c.oneOf(c.a.EIPOneOf)
	}
	if !s.managed {
		name := c.a.EIP
		if name == "" {
			name = Key("named by " + c.a.Address + ".allocation_id")
		}
		k.mark(
			"EIP "+string(name)+
				" is not managed by this plan, so its status, locks and billing are unknown (check with -live)",
			eipassoc.FactEIPStatus,
			eipassoc.FactEIPChargeType,
		)
		return a
	}
	switch {
	case !s.sameBilling:
		k.mark("the EIPs "+c.a.Address+" may name differ in billing", eipassoc.FactEIPChargeType)
	case s.prepaid:
		a.ChargeType = eip.PrePaid
	}
	if s.region != "" {
		a.Region = s.region
	}
	return a
}

// An eipSummary is what a set of EIPs that an association may name have in common.
type eipSummary struct {
	managed     bool       // every one is managed by the input
	sameBilling bool       // they agree on billing...
	prepaid     bool       // ...which is subscription
	region      regions.ID // the region they share, or ""
}

func summarize(es []*EIP) eipSummary {
	s := eipSummary{managed: len(es) > 0, sameBilling: true}
	for i, e := range es {
		s.managed = s.managed && e.Known
		if i == 0 {
			s.prepaid, s.region = e.PrePaid, e.Region
			continue
		}
		s.sameBilling = s.sameBilling && e.PrePaid == s.prepaid
		if e.Region != s.region {
			s.region = ""
		}
	}
	return s
}

// oneOf summarizes the instances of a counted EIP resource, once per run.
func (c *checker) oneOf(configAddr string) eipSummary {
	if s, ok := c.cache.oneOf[configAddr]; ok {
		return s
	}
	var es []*EIP
	for _, key := range c.m.Expanded[configAddr] {
		if e := c.m.EIPs[Key(key)]; e != nil {
			es = append(es, e)
		} else {
			es = append(es, &EIP{}) // an instance the model has no EIP for: not known
		}
	}
	s := summarize(es)
	c.cache.oneOf[configAddr] = s
	return s
}

// request is the request the rules core decides for the association being checked on
// n: its EIP, the ENI, mode and private address, and the EIPs bound to n before it
// (those that exist, and the planned ones Terraform applies first; in a re-check, every
// one before it by address). What the input does not know is marked in k.
func (c *checker) request(n *ENI, siblings []*Association, k *knowledge) eipassoc.Request {
	a := c.a
	req := eipassoc.Request{
		EIP:       c.eipFor(k),
		ENI:       c.m.eniFor(n, a.Region, k),
		Mode:      modeOf(a),
		PrivateIP: a.PrivateIP,
		Account:   c.opts.Account,
		Behaviour: c.opts.Behaviour,
	}
	if n.Kind == eni.Primary {
		req.Target = eip.EcsInstance
	}
	k.count(n, &req.PrivateIPCount)
	for _, u := range []struct {
		why   Why
		facts []eipassoc.Fact
	}{
		{a.RegionUnknown, []eipassoc.Fact{eipassoc.FactEIPRegion, eipassoc.FactENIRegion}},
		{a.ModeUnknown, []eipassoc.Fact{eipassoc.FactMode}},
		{a.PrivateIPUnknown, []eipassoc.Fact{eipassoc.FactPrivateIP}},
	} {
		if !u.why.Known() {
			k.mark(string(u.why), u.facts...)
		}
	}
	if !n.Known {
		k.mark(
			"ENI "+n.ID+" is not managed by this plan, so the EIPs already bound to it are unknown (check with -live)",
			eipassoc.FactBound,
		)
	}
	if stray := c.cache.strays.association; stray != "" {
		k.mark(stray, eipassoc.FactBound)
	}
	if len(n.Leaving) > 0 {
		k.mark(leavingReason(n), eipassoc.FactBound)
	}
	ranks := c.cache.associationRanks(c.m, n.Key, siblings)
	mine := len(siblings)
	if i := slices.Index(siblings, a); i >= 0 {
		mine = ranks[i]
	}
	for i, s := range siblings {
		if s == a || c.blame != nil && c.m.compare(s.Address, a.Address) > 0 || c.blame == nil && ranks[i] > mine {
			continue // count what exists and what Terraform adds before this one (in a re-check, all in order)
		}
		req.Bound = append(
			req.Bound,
			eipassoc.Binding{EIP: eip.ID(s.Address), Mode: cmp.Or(modeOf(s), modes.NAT), PrivateIP: s.PrivateIP},
		)
	}
	req.Unknown = k.facts
	return req
}
