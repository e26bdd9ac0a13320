package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

// TestAttachmentOrderFixPerDirection: plan-attachment-order's fix says which resource
// to change and how, for each order Terraform's plan gives the association and the
// attachment of its ENI (the v19 fixtures, planned with the real provider): nothing
// orders them (add depends_on to the attachment), the association waits for the
// attachment (remove that, then add depends_on to the attachment), the plan detaches
// the ENI by destroying its attachment (two applies: no dependency orders a
// destruction before a creation). A plan is no configuration alone, so no fix speaks
// of what it would assume. The fix of the first is what order-depends-on-ok does, and
// that plan is clean (TestV19Fixtures).
func TestAttachmentOrderFixPerDirection(t *testing.T) {
	t.Parallel()
	const assoc, attach = "alicloud_eip_association.public", "alicloud_ecs_network_interface_attachment.public"
	tests := []struct {
		fixture  string
		behavior eipassoc.Behaviour
		rule     eipassoc.Code
		fix      []string // what the fix must say
		not      []string // what it must not say
	}{
		{"order-unordered-bad", eipassoc.Documented, check.CodeAttachmentOrder,
			[]string{"Add depends_on = [" + assoc + "] to " + attach}, []string{"Remove", "assuming"}},
		{"order-unordered-bad", eipassoc.Observed, eipassoc.AdviseNATAttachedENI,
			[]string{"Add depends_on = [" + assoc + "] to " + attach}, []string{"Remove", "assuming"}},
		{"order-reverse-bad", eipassoc.Documented, check.CodeAttachmentOrder,
			[]string{"Remove what makes " + assoc + " wait for " + attach, "add depends_on = [" + assoc + "] to " + attach},
			[]string{"assuming", "Add depends_on"}},
		{"detach-then-associate-bad", eipassoc.Documented, check.CodeAttachmentOrder,
			[]string{"Destroy " + attach + " in one apply", "then create " + assoc + " in the next"},
			[]string{"depends_on"}},
	}
	const fw = "alicloud_instance.fw"
	tests = append(tests, []struct {
		fixture  string
		behavior eipassoc.Behaviour
		rule     eipassoc.Code
		fix      []string
		not      []string
	}{ // an instance's own network_interfaces block attaches the ENI (testdata/v25)
		{"../v25/order-block-bad", eipassoc.Documented, check.CodeAttachmentOrder,
			[]string{"Add depends_on = [" + assoc + "] to " + fw + ", whose network_interfaces block attaches"},
			[]string{"Remove", "network_interface_id ="}},
		{"../v25/order-block-reverse-bad", eipassoc.Documented, check.CodeAttachmentOrder,
			[]string{"Remove what makes " + assoc + " wait for " + fw, "add depends_on = [" + assoc + "] to " + fw},
			[]string{"Add depends_on"}},
	}...)
	for _, tc := range tests {
		opts := v9Options
		opts.Behaviour = tc.behavior
		fs := check.Run(loadV19(t, tc.fixture, true), opts)
		if len(fs) != 1 || fs[0].Rule != tc.rule || fs[0].Address != assoc {
			t.Errorf("%s (%v): %v, want one %s on %s", tc.fixture, tc.behavior, brief(fs), tc.rule, assoc)
			continue
		}
		for _, s := range tc.fix {
			if !strings.Contains(fs[0].Fix, s) {
				t.Errorf("%s (%v): fix %q does not say %q", tc.fixture, tc.behavior, fs[0].Fix, s)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(fs[0].Fix+fs[0].Message, s) {
				t.Errorf("%s (%v): %q / %q says %q", tc.fixture, tc.behavior, fs[0].Message, fs[0].Fix, s)
			}
		}
	}
	// The fix, as written, is the ok twin's change, and the twin is clean.
	for fixture, line := range map[string]string{
		"v19/order-depends-on-ok": "depends_on           = [" + assoc + "]",
		"v25/order-block-ok":      "depends_on = [" + assoc + "]",
	} {
		ok, err := os.ReadFile(filepath.Join("testdata", fixture, "main.tf"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(ok), line) {
			t.Errorf("%s no longer has the fix's line %q", fixture, line)
		}
		for _, sources := range []bool{true, false} {
			if fs := check.Run(loadFixture(t, filepath.Join("testdata", fixture), sources), v9Options); len(fs) != 0 {
				t.Errorf("%s (sources %v): %v", fixture, sources, brief(fs))
			}
		}
	}
}
