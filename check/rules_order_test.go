package check

import (
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/modes"
)

// TestOrderFix: the fix of plan-attachment-order for every direction and face, written
// from the addresses alone: depends_on goes on the resource that attaches (an
// attachment, or the instance whose network_interfaces block attaches the ENI),
// referring to the association as that resource's module sees it (a local address in
// the same module, the module call for a resource in a child module); a configuration
// read alone says what it assumes and what to do when the attachment exists.
func TestOrderFix(t *testing.T) {
	t.Parallel()
	const assoc, attach, fw = "alicloud_eip_association.pub", "alicloud_ecs_network_interface_attachment.pub",
		"alicloud_instance.fw"
	tests := []struct {
		name string
		o    order
		mode modes.Mode
		says []string
		not  []string
	}{
		{"attachment, unordered", order{association: assoc, attachment: attach}, modes.NAT,
			[]string{"Add depends_on = [" + assoc + "] to " + attach}, []string{"assuming", "If "}},
		{"attachment, reversed", order{association: assoc, attachment: attach, reversed: true}, modes.NAT,
			[]string{"Remove what makes " + assoc + " wait for " + attach, "add depends_on = [" + assoc + "] to " + attach},
			[]string{"Add depends_on"}},
		{"instance block, unordered", order{association: assoc, attachment: fw, block: true}, modes.Binded,
			[]string{"Add depends_on = [" + assoc + "] to " + fw + ", whose network_interfaces block attaches",
				"an alicloud_ecs_network_interface_attachment that depends on " + assoc},
			[]string{"network_interface_id ="}},
		{"instance block, reversed", order{association: assoc, attachment: fw, block: true, reversed: true},
			modes.Binded,
			[]string{"Remove what makes " + assoc + " wait for " + fw, "add depends_on = [" + assoc + "] to " + fw},
			nil},
		{"counted, in one module",
			order{association: "module.edge.alicloud_eip_association.pub[0]",
				attachment: "module.edge.alicloud_ecs_network_interface_attachment.pub[0]"}, modes.NAT,
			[]string{"Add depends_on = [alicloud_eip_association.pub] to " +
				"module.edge.alicloud_ecs_network_interface_attachment.pub"}, []string{"[0]"}},
		{"association in a child module",
			order{association: "module.eip[\"a\"].alicloud_eip_association.this", attachment: attach}, modes.NAT,
			[]string{"Add depends_on = [module.eip] to " + attach}, nil},
		{"configuration alone, NAT", order{association: assoc, attachment: attach, noState: true}, modes.NAT,
			[]string{"Add depends_on", "If " + attach + " is applied already", `behaviour = "observed"`}, nil},
		{"configuration alone, cut-through", order{association: assoc, attachment: attach, noState: true},
			modes.Binded, []string{"If " + attach + " is applied already"}, []string{"observed"}},
	}
	for _, tc := range tests {
		got := tc.o.fix() + tc.o.ifExists(tc.mode)
		for _, s := range tc.says {
			if !strings.Contains(got, s) {
				t.Errorf("%s: %q does not say %q", tc.name, got, s)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(got, s) {
				t.Errorf("%s: %q says %q", tc.name, got, s)
			}
		}
		if a := tc.o.assumption(); (a != "") != tc.o.noState {
			t.Errorf("%s: assumption %q with noState %v", tc.name, a, tc.o.noState)
		}
	}
}

// TestConfigAddress: the configuration address is the instance address without its
// keys (numbers, or quoted strings that may hold brackets, dots and escaped quotes), as
// Terraform's configuration names the resource; the expected values are written by hand.
func TestConfigAddress(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]string{
		"alicloud_eip_association.a":                                             "alicloud_eip_association.a",
		"alicloud_eip_association.a[0]":                                          "alicloud_eip_association.a",
		`alicloud_eip_association.a["x"]`:                                        "alicloud_eip_association.a",
		`alicloud_x.y["a.b[c]"]`:                                                 "alicloud_x.y",
		"module.m.alicloud_instance.fw":                                          "module.m.alicloud_instance.fw",
		`module.edge["a]b"].module.eip[3].alicloud_eip_association.this["k\"]"]`: "module.edge.module.eip.alicloud_eip_association.this",
	} {
		if got := configAddress(addr); got != want {
			t.Errorf("configAddress(%q) = %q, want %q", addr, got, want)
		}
	}
}
