package check_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
)

// loadV19 reads a v19 fixture: a plan made by Terraform 1.11.4 with the real alicloud
// provider v1.277.0 (tools/tfstub/regen.sh with EIPASSOC_PROVIDER_DIR), or, for a
// fixture with prior state, with the stub provider (the real one cannot apply here).
func loadV19(t *testing.T, fixture string, withSources bool) *check.Model {
	return loadFixture(t, filepath.Join("testdata", "v19", fixture), withSources)
}

// TestV19Fixtures: a firewall instance with two secondary ENIs, one carrying a NAT EIP,
// both attached in the same plan. Expected findings come from each fixture's main.tf:
// the documentation requires a detached ENI for an association, Terraform orders what
// depends_on and references order, and an ecs.g6.large takes 2 ENIs, the primary
// included (API facts, instance type table). The same holds with and without sources.
func TestV19Fixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture string
		checked int
		want    []string
	}{
		{"order-unordered-bad", 3, []string{"alicloud_eip_association.public plan-attachment-order fail"}},
		{"order-reverse-bad", 2, []string{"alicloud_eip_association.public plan-attachment-order fail"}},
		{"order-depends-on-ok", 3, nil},
		{"order-transitive-ok", 3, nil},
		{"order-module-depends-on-ok", 3, nil},
		{"idiom-quota-bad", 3, []string{"alicloud_ecs_network_interface_attachment.public instance-eni-quota fail"}},
		{"idiom-quota-ok", 3, nil},
		// Made with the stub provider, whose stage1 apply gives the prior state.
		{"detach-then-associate-bad", 1, []string{"alicloud_eip_association.public plan-attachment-order fail"}},
		// create_before_destroy: the old association holds its cut-through EIP while the
		// new one is made, and a cut-through ENI takes one EIP.
		{"cbd-association-bad", 1, []string{"alicloud_eip_association.public eni-capacity fail"}},
		{"cbd-association-ok", 1, nil},
		// create_before_destroy on an attachment that moves the ENI: it is still attached
		// to the old instance when the new attachment is made.
		{"cbd-attachment-bad", 1, []string{"alicloud_ecs_network_interface_attachment.public eni-status fail"}},
		// A destroyed association's EIP is bound until Terraform destroys it, in an order
		// the plan does not fix: the new association's capacity is undecided.
		{"swap-association-undecided", 1, []string{"alicloud_eip_association.next plan-value-unknown unknown"}},
	}
	for _, tc := range tests {
		for _, sources := range []bool{true, false} {
			m := loadV19(t, tc.fixture, sources)
			got := brief(check.Run(m, v9Options))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (sources %v) (-want +got):\n%s", tc.fixture, sources, diff)
			}
			if n := len(m.Checked()); n != tc.checked {
				t.Errorf(
					"%s (sources %v): %d resources checked, want %d (every association and attachment)",
					tc.fixture,
					sources,
					n,
					tc.checked,
				)
			}
		}
	}
}

// TestAttachmentOrderSaysWhichOrder: the finding says whether the failure is certain
// (the association waits for the attachment) or possible (nothing orders them), and
// what each source says of NAT mode.
func TestAttachmentOrderSaysWhichOrder(t *testing.T) {
	t.Parallel()
	for fixture, want := range map[string]string{
		"order-reverse-bad":   "the association depends on the attachment, so Terraform attaches it first",
		"order-unordered-bad": "nothing in the plan orders the two, so Terraform may attach it first",
	} {
		fs := check.Run(loadV19(t, fixture, true), v9Options)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, want) ||
			!strings.Contains(
				fs[0].Message,
				"the documentation requires a detached ENI; the API is observed to accept NAT associations on "+
					"attached ENIs (-behaviour observed)",
			) {
			t.Errorf("%s: %v", fixture, fs)
		}
	}
}

// TestObservedBehaviourKeepsTheAdvisory: under the observed behaviour the API accepts
// the NAT association on an attached ENI, so there is no error, but the plan may
// attach first and the nat-attached-eni advisory says so.
func TestObservedBehaviourKeepsTheAdvisory(t *testing.T) {
	t.Parallel()
	opts := v9Options
	opts.Behaviour = eipassoc.Observed
	got := brief(check.Run(loadV19(t, "order-unordered-bad", true), opts))
	if want := []string{"alicloud_eip_association.public nat-attached-eni fail"}; !cmp.Equal(want, got) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := brief(check.Run(loadV19(t, "order-depends-on-ok", true), opts)); got != nil {
		t.Errorf("ordered plan under observed behaviour: %v", got)
	}
}
