package check

import (
	"cmp"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// UnknownPolicy says what an undecidable rule becomes.
type UnknownPolicy string

// Unknown policies.
const (
	UnknownWarn   UnknownPolicy = "warn"   // a warning (the default)
	UnknownFail   UnknownPolicy = "fail"   // an error
	UnknownIgnore UnknownPolicy = "ignore" // nothing
)

// Options configure [Run].
type Options struct {
	// Behaviour and Account are passed to eipassoc.CanAssociate.
	Behaviour eipassoc.Behaviour
	Account   eipassoc.Account
	// Unknown says what an undecidable rule becomes; "" means warn.
	Unknown UnknownPolicy
}

// Run checks every planned association and attachment of m and returns the findings, sorted by
// address, then rule. Associations that already exist count toward capacities but are
// not reported. Planned associations on one ENI count in address order, so when
// several together exceed a capacity, the ones with the later addresses are reported.
func Run(m *Model, opts Options) []Finding {
	byTarget := map[string][]*Association{}
	for _, a := range m.Associations {
		if key := m.targetENI(a); key != "" {
			byTarget[key] = append(byTarget[key], a)
		}
	}
	var out []Finding
	for _, a := range m.Associations {
		if !a.Planned {
			continue
		}
		c := &checker{m: m, a: a, opts: opts}
		c.check(byTarget[m.targetENI(a)])
		out = append(out, c.out...)
	}
	out = append(out, RunAttachments(m)...)
	slices.SortStableFunc(out, func(x, y Finding) int {
		return cmp.Or(strings.Compare(x.Address, y.Address), strings.Compare(string(x.Rule), string(y.Rule)))
	})
	return out
}

// targetENI returns the key of the ENI an association lands on: its target, or the
// primary ENI of an instance target.
func (m *Model) targetENI(a *Association) string {
	if m.ENIs[a.Target] == nil && m.Instances[a.Target] != nil {
		return a.Target + ".primary"
	}
	return a.Target
}

// checker builds the findings of one association.
type checker struct {
	m    *Model
	a    *Association
	opts Options
	out  []Finding
}

func (c *checker) add(code eipassoc.Code, level Level, status Status, msg, apiCode string) {
	r, _ := RuleFor(code)
	c.out = append(c.out, Finding{Rule: code, Level: level, Status: status, Address: c.a.Address, Module: c.a.Module,
		ResourceType: c.a.ResourceType, Message: msg, Source: r.Source, Fix: r.Fix, APICode: apiCode, Location: c.a.Location})
}

func (c *checker) unknown(msg string) {
	for _, f := range c.out {
		if f.Rule == CodeUnknown && f.Message == msg {
			return // the EIP's and the ENI's region, say, are unknown for one reason
		}
	}
	switch c.opts.Unknown {
	case UnknownIgnore:
	case UnknownFail:
		c.add(CodeUnknown, LevelError, StatusUnknown, msg, "")
	default:
		c.add(CodeUnknown, LevelWarning, StatusUnknown, msg, "")
	}
}

func (c *checker) check(siblings []*Association) {
	a := c.a
	if a.Target == "" {
		c.unknown("cannot tell which resource instance_id names: " + a.TargetUnknown)
		return
	}
	n := c.m.ENIs[a.Target]
	if n == nil && c.m.Instances[a.Target] != nil {
		n = c.m.ENIs[a.Target+".primary"] // an ECS target means its primary ENI
	}
	if a.InstanceTypeUnknown {
		c.unknown("instance_type is known only after apply")
		return
	}
	eniTarget := n != nil && n.Kind != eni.Primary
	if !eniTarget {
		if a.ModeSet && a.Mode != modes.NAT {
			c.add(CodeModeOnNonENITarget, LevelError, StatusFail, "mode "+modeText(a)+" is set, but instance_id is not a secondary ENI; cut-through and multi-EIP-to-ENI need instance_type = \"NetworkInterface\" and a secondary ENI", "Invalid.DirectEip.BindType")
			return
		}
		if n == nil || a.InstanceType != "" && a.InstanceType != "EcsInstance" && a.InstanceType != "NetworkInterface" {
			return // NAT gateways, CLB, HAVIP...: outside these rules
		}
	}
	if eniTarget && a.InstanceType != "NetworkInterface" {
		sent := a.InstanceType
		if sent == "" {
			sent = "EcsInstance (the provider's default when instance_type is unset)"
		}
		c.add(CodeENIWithoutNetworkInterface, LevelError, StatusFail, "instance_id is an ENI but the provider will send InstanceType "+sent+"; set instance_type = \"NetworkInterface\"", "")
		return
	}
	if a.ModeUnknown {
		c.unknown("mode is known only after apply")
		return
	}
	c.decide(n, siblings)
}

func modeText(a *Association) string {
	if a.Mode.IsValid() {
		return a.Mode.String()
	}
	return "(invalid)"
}

// decide runs eipassoc.CanAssociate on the association and what the plan puts next to
// it, and turns violations into findings.
func (c *checker) decide(n *ENI, siblings []*Association) {
	a := c.a
	mode := a.Mode
	if !a.ModeSet {
		mode = modes.NAT // the API's default
	} else if !mode.IsValid() {
		mode = 0
	}
	req := eipassoc.Request{
		EIP:       c.eipFor(),
		ENI:       c.eniFor(n),
		Mode:      mode,
		PrivateIP: a.PrivateIP,
		Account:   c.opts.Account,
		Behaviour: c.opts.Behaviour,
	}
	for _, s := range siblings {
		if s == a || (s.Planned && s.Address > a.Address) {
			continue // count what exists and what the plan adds before this one
		}
		m := s.Mode
		if !s.ModeSet || !m.IsValid() {
			m = modes.NAT
		}
		req.Bound = append(req.Bound, eipassoc.Binding{EIP: eip.ID(s.Address), Mode: m, PrivateIP: s.PrivateIP})
	}
	d := eipassoc.CanAssociate(req)
	undecidable := c.undecidable(n)
	for _, v := range d.Violations {
		if why, skip := undecidable[v.Code]; skip {
			if why != "" {
				c.unknown(string(v.Code) + " not decided: " + why)
			}
			continue
		}
		c.add(v.Code, LevelError, StatusFail, placeholders.ReplaceAllStringFunc(v.Message, c.describeAddr(n)), v.APICode)
	}
	if n.Instance != "" && mode == modes.MultiBinded {
		c.checkFamily(n)
	}
	if n.AttachedInPlan && (mode != modes.NAT || c.opts.Behaviour == eipassoc.Documented) && !d.Has(eipassoc.CodeENIAttached) {
		c.add(CodeAttachmentOrder, LevelError, StatusFail, "the plan also attaches "+n.Key+" to "+n.Instance+"; an ENI must be detached when an EIP is associated in "+mode.Properties().Name, "Eni.Attached")
	}
	if a.PrivateIPUnknown {
		c.unknown("private_ip_address is known only after apply; the per-address rules were not checked")
	}
}

// placeholders matches the stand-in addresses of eniFor.
var placeholders = regexp.MustCompile(`\b240\.0\.\d+\.\d+\b`)

// describeAddr names a stand-in address for people.
func (c *checker) describeAddr(n *ENI) func(string) string {
	return func(s string) string {
		if s == "240.0.0.0" && len(n.IPs) == 0 {
			return "the primary private IP of " + n.Key
		}
		return "a private IP of " + n.Key + " (known after apply)"
	}
}

// undecidable lists the codes that depend on facts the input does not give, with the
// reason to report (empty: drop silently, the reason is reported once elsewhere).
func (c *checker) undecidable(n *ENI) map[eipassoc.Code]string {
	skip := map[eipassoc.Code]string{}
	if c.a.RegionUnknown != "" {
		skip[eipassoc.CodeRegionUnknown] = c.a.RegionUnknown
		skip[eipassoc.CodeModeRegionUnsupported] = ""
	}
	if !n.Known {
		why := "ENI " + n.ID + " is not managed by this plan; its addresses, attachment and status are unknown (check with -live)"
		skip[eipassoc.CodePrivateIPNotOnENI] = why
		skip[eipassoc.CodeENIHasSecondaryIPs] = ""
		skip[eipassoc.CodePrivateIPNotPrimary] = ""
		if c.a.Mode == modes.NAT || !c.a.ModeSet {
			skip[eipassoc.CodeENICapacity] = why
		}
	} else if !n.IPCountKnown {
		why := "the number of private addresses of " + n.Key + " is known only after apply"
		skip[eipassoc.CodeENICapacity] = why
		skip[eipassoc.CodeENIHasSecondaryIPs] = why
		skip[eipassoc.CodePrivateIPNotOnENI] = ""
	}
	if c.a.PrivateIP.IsValid() && len(n.IPs) < n.IPCount {
		skip[eipassoc.CodePrivateIPNotOnENI] = "the addresses of " + n.Key + " are known only after apply"
		skip[eipassoc.CodePrivateIPNotPrimary] = ""
	}
	return skip
}

// eipFor describes the association's EIP as CanAssociate wants it: a planned EIP is
// new, so Available; an existing one is assumed Available (its status is a -live
// matter).
func (c *checker) eipFor() eip.Address {
	a := eip.Address{ID: eip.ID(c.a.EIP), Region: c.a.Region, Status: eip.Available, ChargeType: eip.PostPaid}
	if a.ID == "" {
		a.ID = eip.ID(c.a.Address + ".allocation_id")
	}
	if e := c.m.EIPs[c.a.EIP]; e != nil {
		if e.Live != nil {
			return *e.Live
		}
		if e.Known && e.Region != "" {
			a.Region = e.Region
		}
		if e.PrePaid {
			a.ChargeType = eip.PrePaid
		}
	}
	return a
}

// eniFor describes the target ENI. Addresses the plan does not give are stood in for by
// placeholders from 240.0.0.0/4 so that counts are right; rules that would compare them
// are undecidable (see undecidable).
func (c *checker) eniFor(n *ENI) eni.Interface {
	out := eni.Interface{ID: eni.ID(n.Key), Kind: n.Kind, Status: eni.Available, Region: n.Region, VPC: "vpc", VSwitch: n.VSwitch}
	if out.Region == "" {
		out.Region = c.a.Region
	}
	if n.Kind == eni.Primary || (n.Instance != "" && !n.AttachedInPlan) {
		out.Status, out.Instance = eni.InUse, n.Instance
	}
	count := n.IPCount
	if !n.IPCountKnown {
		count = 1
		if !n.Known {
			count = 50 // an unmanaged ENI: no capacity limit can be derived
		}
	}
	ips := slices.Clone(n.IPs)
	for i := 0; len(ips) < count; i++ {
		ips = append(ips, netip.AddrFrom4([4]byte{240, 0, byte(i >> 8), byte(i)}))
	}
	if len(ips) > 0 {
		out.PrimaryIP, out.SecondaryIPs = ips[0], ips[1:]
	}
	if c.a.PrivateIP.IsValid() && len(n.IPs) < n.IPCount && !slices.Contains(ips, c.a.PrivateIP) && len(out.SecondaryIPs) > 0 {
		out.SecondaryIPs[len(out.SecondaryIPs)-1] = c.a.PrivateIP // it may be one of the unknown addresses
	}
	return out
}

// checkFamily flags multi-EIP-to-ENI on an ENI attached to an instance of a family that
// does not support it.
func (c *checker) checkFamily(n *ENI) {
	in := c.m.Instances[n.Instance]
	if in == nil || in.Type == "" {
		c.unknown("the instance type of " + n.Instance + " is unknown, so the multi-EIP-to-ENI instance families were not checked")
		return
	}
	if !modes.MultiBinded.AllowsInstanceType(in.Type) {
		c.add(eipassoc.CodeInstanceFamilyUnsupported, LevelError, StatusFail, n.Key+" is attached to "+n.Instance+" ("+in.Type+"), whose family does not support multi-EIP-to-ENI EIPs", "OperationUnsupported.EipBindModel")
	}
}
