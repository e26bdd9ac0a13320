package check

import (
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// leavingReason says why the EIPs bound to n are open while the plan destroys some of
// its associations: a new resource cannot depend on a destroyed one, so Terraform may
// make it while they are still bound.
func leavingReason(n *ENI) string {
	return "the plan destroys " + strings.Join(
		n.Leaving,
		", ",
	) + " on " + string(n.Key) + ", and nothing orders that before what it makes, so that EIP may still be bound"
}

// checkOrder applies the prerequisite of a detached ENI to an association whose ENI the
// plan also attaches, in the order Terraform applies the plan: nothing when the
// attachment waits for the association, a certain failure when the association waits
// for the attachment, a possible one when nothing orders them. Under the observed
// behaviour, where the API accepts a NAT association on an attached ENI, the
// nat-attached-eni advisory is a warning when the attachment may come first. The fix
// names the resource to change for the order found.
func (c *checker) checkOrder(n *ENI, req eipassoc.Request) {
	attach, ok := c.cache.attachments[n.Key]
	o := order{association: c.a.Address, attachment: attach.address, block: attach.block || !ok,
		noState: c.opts.NoState}
	if !ok {
		o.attachment = string(n.Instance) // its instance's network_interfaces block attaches it
	}
	aNode, tNode := configAddress(o.association), configAddress(o.attachment)
	if c.m.order.After(tNode, aNode) {
		return // the attachment depends on the association: Terraform associates first
	}
	o.reversed = c.m.order.After(aNode, tNode)
	attached := c.attachedFirst(req, n)
	if attached.Advisories.Has(eipassoc.AdviseNATAttachedENI) {
		c.add(
			eipassoc.AdviseNATAttachedENI,
			LevelWarning,
			StatusFail,
			"the "+o.input()+" also attaches "+string(n.Key)+" to "+string(n.Instance)+" ("+o.attachment+
				"), maybe before this association; the documentation requires a detached ENI, and the API is "+
				"observed to accept NAT associations on attached ENIs"+o.assumption(),
			"",
			o.fix(),
		)
		return
	}
	if _, fails := attached.Violation(eipassoc.CodeENIAttached); !fails {
		return
	}
	when := "nothing in the " + o.input() + " orders the two, so Terraform may attach it first, and then"
	if o.reversed {
		when = "the association depends on the attachment, so Terraform attaches it first:"
	}
	c.add(
		CodeAttachmentOrder,
		LevelError,
		StatusFail,
		"the "+o.input()+" also attaches "+string(n.Key)+" to "+string(n.Instance)+" ("+o.attachment+"); "+when+
			" the association fails: "+detachedWhy(req.Mode, c.opts.NoState)+o.assumption(),
		"Eni.Attached",
		o.fix()+o.ifExists(req.Mode),
	)
}

// detachedWhy says why an association in mode m needs a detached ENI, naming the
// option that chooses the observed behaviour as the face the finding is read on names
// it (the command's flag, or the tflint plugin's attribute when noState).
func detachedWhy(m modes.Mode, noState bool) string {
	if m == modes.NAT {
		option := "-behaviour observed"
		if noState {
			option = "behaviour = \"observed\""
		}
		return "the documentation requires a detached ENI; the API is observed to accept NAT associations on " +
			"attached ENIs (" + option + ")"
	}
	return "an ENI must be detached when an EIP is associated in " + m.Properties().Name
}

// checkDetachOrder applies the prerequisite of a detached ENI to an association on an
// ENI that the plan detaches by destroying its attachment. Terraform orders the
// destruction of a resource before the creation of another only through their
// dependencies, and a new resource cannot depend on one the plan destroys, so nothing
// orders the detach before the association: if Terraform associates first, the ENI is
// still attached.
func (c *checker) checkDetachOrder(n *ENI, req eipassoc.Request) {
	fix := "Destroy " + n.DetachedBy + " in one apply (terraform apply -destroy -target=" + n.DetachedBy +
		"), then create " + c.a.Address + " in the next: no dependency can order a destruction before a creation."
	attached := c.attachedFirst(req, n)
	if attached.Advisories.Has(eipassoc.AdviseNATAttachedENI) {
		c.add(
			eipassoc.AdviseNATAttachedENI,
			LevelWarning,
			StatusFail,
			string(n.Key)+" is attached until the plan destroys "+n.DetachedBy+
				", maybe after this association; the documentation requires a detached ENI, and the API is observed "+
				"to accept NAT associations on attached ENIs",
			"",
			fix,
		)
		return
	}
	if _, fails := attached.Violation(eipassoc.CodeENIAttached); !fails {
		return
	}
	c.add(
		CodeAttachmentOrder,
		LevelError,
		StatusFail,
		string(n.Key)+" is attached until the plan destroys "+n.DetachedBy+
			", and nothing can order that before this association, so Terraform may associate first, and then the "+
			"association fails: "+detachedWhy(req.Mode, c.opts.NoState),
		"Eni.Attached",
		fix,
	)
}

// attachedFirst asks the rules about the association as if the plan's attachment of n
// ran first.
func (c *checker) attachedFirst(req eipassoc.Request, n *ENI) eipassoc.Decision {
	req.ENI.Status, req.ENI.Instance = eni.InUse, c.m.instanceID(n.Instance)
	req.Unknown = req.Unknown.Intersect(^eipassoc.FactsOf(eipassoc.FactENIStatus, eipassoc.FactENIAttachment))
	return eipassoc.CanAssociate(req)
}

// checkCarried applies the rules an instance puts on the EIPs its ENI carries (instance
// families and DHCP for multi-EIP-to-ENI), by asking CanAttach about the ENI carrying
// this association's EIP on the instance it is attached to. Only this association's
// mode is asked about, so the finding blames the association that brings the
// restriction; only those rules are taken, and the attachment itself is checked where
// it is planned.
func (c *checker) checkCarried(n *ENI, req eipassoc.Request) {
	k := knowledge{}
	k.reasons = map[eipassoc.Fact]string{
		eipassoc.FactDHCP: "whether DHCP is enabled in " + string(n.Instance) +
			"'s OS is not in the plan (the API does not report it either)",
	}
	in := c.m.instanceFor(n.Instance, c.opts, &k)
	bound := []eipassoc.Binding{{EIP: req.EIP.ID, Mode: req.Mode, PrivateIP: req.PrivateIP}}
	d := eipassoc.CanAttach(
		eipassoc.AttachRequest{
			ENI:      req.ENI,
			Bound:    bound,
			Instance: in,
			Unknown: k.facts.Intersect(
				eipassoc.FactsOf(
					eipassoc.FactInstanceType,
					eipassoc.FactInstancePlacement,
					eipassoc.FactInstanceRegion,
				),
			),
		},
	)
	carried := []eipassoc.Code{eipassoc.CodeInstanceFamilyUnsupported, eipassoc.CodeInstanceDHCPDisabled}
	for _, v := range d.Violations {
		if slices.Contains(carried, v.Code) {
			c.add(
				v.Code,
				LevelError,
				StatusFail,
				string(n.Key)+" is attached to "+string(n.Instance)+": "+v.Message,
				"OperationUnsupported.EipBindModel",
				v.Fix,
			)
		}
	}
	var undecided []eipassoc.UndecidedRule
	for _, u := range d.Undecided {
		if slices.Contains(carried, u.Code) {
			undecided = append(undecided, u)
		}
	}
	for _, msg := range k.explain(undecided) {
		c.unknown(msg)
	}
}

// An order is what plan-attachment-order found about an association and the resource
// that attaches its ENI, from which its fix and its assumptions are written.
type order struct {
	association string // the association's resource instance address
	attachment  string // the attachment's address, or the instance's when block is set
	block       bool   // the instance's own network_interfaces block attaches the ENI
	reversed    bool   // the association depends on the attachment (Terraform attaches first)
	noState     bool   // read from a configuration alone (Options.NoState)
}

// input names what the finding was read from, as its message says it: "plan", or
// "configuration" for one read from a configuration alone.
func (o order) input() string {
	if o.noState {
		return "configuration"
	}
	return "plan"
}

// fix says which resource to change, and how, so that Terraform associates first.
func (o order) fix() string {
	assoc, attach := dependsOnRef(o.attachment, o.association), configAddress(o.attachment)
	target := attach
	if o.block {
		target = attach + ", whose network_interfaces block attaches the ENI when it is created,"
	}
	if o.reversed {
		return "Remove what makes " + configAddress(o.association) + " wait for " + attach +
			" (a depends_on naming it, or a reference to it or to what it makes), then add depends_on = [" +
			assoc + "] to " + target + " so that Terraform associates first."
	}
	if o.block {
		return "Add depends_on = [" + assoc + "] to " + target + " so that Terraform associates first; or " +
			"attach the ENI with an alicloud_ecs_network_interface_attachment that depends on " + assoc + "."
	}
	return "Add depends_on = [" + assoc + "] to " + attach + " (or set its network_interface_id = " + assoc +
		".instance_id) so that Terraform associates first; or associate in one apply and attach in the next."
}

// assumption says, for a finding read from a configuration alone, what it takes for
// granted: that neither resource exists yet.
func (o order) assumption() string {
	if !o.noState {
		return ""
	}
	return " (assuming " + configAddress(o.attachment) + " and " + configAddress(o.association) +
		" are created in the same apply: the configuration does not say what exists already)"
}

// ifExists says, for a finding read from a configuration alone, what to do when the
// assumption does not hold: with the attachment applied already, the ENI is attached
// now and no order helps.
func (o order) ifExists(m modes.Mode) string {
	if !o.noState {
		return ""
	}
	out := " If " + configAddress(o.attachment) + " is applied already, the ENI is attached now and no order " +
		"helps: detach it in one apply (remove the attachment), then associate and attach again in the next"
	if m == modes.NAT {
		out += ", or choose behaviour = \"observed\" if your account's NAT associations on attached ENIs succeed"
	}
	return out + "."
}

// dependsOnRef writes the reference to the resource at address to, as depends_on in the
// resource at address from takes it: its local address in the same module, the module
// call's address for a resource in a module that from's module calls, and its full
// configuration address otherwise (to be reached through the calls between them).
func dependsOnRef(from, to string) string {
	f, okf := parseInstanceAddress(from)
	t, okt := parseInstanceAddress(to)
	if !okf || !okt {
		return configAddress(to)
	}
	names := func(a instanceAddress) []string {
		out := make([]string, len(a.modules))
		for i, s := range a.modules {
			out[i] = s.name
		}
		return out
	}
	fm, tm := names(f), names(t)
	switch {
	case slices.Equal(fm, tm):
		return t.typ + "." + t.name
	case len(tm) > len(fm) && slices.Equal(tm[:len(fm)], fm):
		return "module." + tm[len(fm)]
	}
	return configAddress(to)
}

// applyRanks returns the place of each of n resources that count against one capacity
// (the EIPs on one ENI, the ENIs on one instance), in the order
// Terraform applies them: those that exist already first, then a topological order of
// what depends on what (Kahn's algorithm), taking the first by address whenever several
// are free to go. It is one order for the whole group, so that when they exceed the
// capacity together the finding falls on the ones placed last, those the API refuses,
// and never on more than exceed it. Instances of one resource are made in parallel, and
// what nothing orders comes by address. address gives a resource's instance address,
// config its configuration address, exists whether it exists already.
func (m *Model) applyRanks(n int, address, config func(int) string, exists func(int) bool) []int {
	byAddress := make([]int, n) // indices in address order: the order ties are broken in
	for i := range byAddress {
		byAddress[i] = i
	}
	slices.SortStableFunc(byAddress, func(i, j int) int { return m.compare(address(i), address(j)) })
	ranks := make([]int, n)
	placed := make([]bool, n)
	next := 0
	for _, i := range byAddress {
		if exists(i) {
			ranks[i], placed[i] = next, true
			next++
		}
	}
	// waitsFor[j] counts the unplaced resources j depends on.
	waitsFor := make([]int, n)
	after := func(j, i int) bool { // j is made after i
		if m.order == nil || placed[i] || placed[j] {
			return false
		}
		cj, ci := config(j), config(i)
		return cj != ci && m.order.After(cj, ci)
	}
	for j := range n {
		for i := range n {
			if i != j && after(j, i) {
				waitsFor[j]++
			}
		}
	}
	for next < n {
		free := -1
		for _, i := range byAddress {
			if !placed[i] && waitsFor[i] == 0 {
				free = i
				break
			}
		}
		if free < 0 { // a cycle, which Terraform refuses to plan: by address
			for _, i := range byAddress {
				if !placed[i] {
					free = i
					break
				}
			}
		}
		for j := range n {
			if after(j, free) {
				waitsFor[j]--
			}
		}
		ranks[free], placed[free] = next, true
		next++
	}
	return ranks
}

// configOnce returns the configuration address of the resource instance at address,
// worked out once and kept in *cache.
func configOnce(address string, cache *string) string {
	if *cache == "" {
		*cache = configAddress(address)
	}
	return *cache
}
