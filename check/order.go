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
