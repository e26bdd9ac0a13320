package check

import (
	"slices"

	"github.com/eipassoc/eipassoc/modes"
)

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
