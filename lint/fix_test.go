package lint_test

import (
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/lint"
)

// issueMessages returns the messages each rule reports on files.
func issueMessages(t *testing.T, files map[string]string, cfg lint.Config) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, is := range issues(t, files, cfg) {
		out[is.Rule.Name()] = append(out[is.Rule.Name()], is.Message)
	}
	return out
}

// orderConfig is a firewall whose ENI pub carries an EIP in mode and is attached to
// the instance; extra is added to the association's block, and attachment to the
// attachment's.
func orderConfig(mode, association, attachment string) string {
	return provider + `
resource "alicloud_instance" "fw" {
  instance_type = "ecs.g6.xlarge"
  vswitch_id    = "vsw-1"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "` + mode + `"
` + association + `
}
resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
` + attachment + `
}
`
}

// TestAttachmentOrderFixPerDirectionAndFace: the tflint face of plan-attachment-order.
// A configuration does not say what exists already, so every finding says that it
// assumes both resources are created in the same apply, gives the fix for that case
// (which resource to change, by its address, and how, for each direction: nothing
// orders the two, or the association waits for the attachment), and says what to do
// when the attachment exists already: no order helps then, and for NAT alone the
// observed behaviour is offered (the API is observed to accept NAT on attached ENIs;
// cut-through is refused whatever the behaviour). The attachment that depends on the
// association (the fix applied) is clean. The same rule's check face, on plans, is
// TestAttachmentOrderFixPerDirection in package check.
func TestAttachmentOrderFixPerDirectionAndFace(t *testing.T) {
	t.Parallel()
	const (
		assoc   = "alicloud_eip_association.a"
		attach  = "alicloud_ecs_network_interface_attachment.pub"
		assumes = "(assuming " + attach + " and " + assoc + " are created in the same apply"
		exists  = "If " + attach + " is applied already, the ENI is attached now and no order helps"
	)
	tests := []struct {
		name                    string
		mode, assoc, attachment string
		says, not               []string
	}{
		{name: "NAT, nothing orders them", mode: "NAT",
			says: []string{assumes, "Fix: Add depends_on = [" + assoc + "] to " + attach, exists,
				`behaviour = "observed"`},
			not: []string{"Remove what"}},
		{name: "cut-through, nothing orders them", mode: "BINDED",
			says: []string{assumes, "Fix: Add depends_on = [" + assoc + "] to " + attach, exists},
			not:  []string{"observed", "Remove what"}},
		{name: "NAT, the association waits for the attachment", mode: "NAT",
			assoc: "  depends_on = [" + attach + "]",
			says: []string{assumes, "the association depends on the attachment",
				"Fix: Remove what makes " + assoc + " wait for " + attach,
				"then add depends_on = [" + assoc + "] to " + attach, exists},
			not: []string{"Fix: Add depends_on"}},
		{name: "cut-through, the association waits for the attachment", mode: "BINDED",
			assoc: "  depends_on = [" + attach + "]",
			says:  []string{assumes, "Fix: Remove what makes " + assoc + " wait for " + attach, exists},
			not:   []string{"observed"}},
	}
	for _, tc := range tests {
		tc.says = append(tc.says, "the configuration also attaches alicloud_ecs_network_interface.pub")
		tc.not = append(tc.not, "the plan", "-behaviour") // no plan here, and the option is the plugin's
		// NAT on an attached ENI is an error under the documented behaviour only; the
		// default, observed, makes it the warning nat-attached-eni (TestFixtures).
		got := issueMessages(t, map[string]string{"main.tf": orderConfig(tc.mode, tc.assoc, tc.attachment)},
			lint.Config{Behaviour: "documented"})
		msgs := got["plan-attachment-order"]
		if len(msgs) != 1 {
			t.Errorf("%s: plan-attachment-order %q, want one (all: %v)", tc.name, msgs, got)
			continue
		}
		for _, s := range tc.says {
			if !strings.Contains(msgs[0], s) {
				t.Errorf("%s: %q does not say %q", tc.name, msgs[0], s)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(msgs[0], s) {
				t.Errorf("%s: %q says %q", tc.name, msgs[0], s)
			}
		}
	}
	fixed := orderConfig("BINDED", "", "  depends_on = [alicloud_eip_association.a]")
	if got := issueMessages(t, map[string]string{"main.tf": fixed}, lint.Config{}); len(got) != 0 {
		t.Errorf("the fix applied: %v", got)
	}
}
