package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/google/go-cmp/cmp"
)

// loadV9 reads a v9 fixture, with its sources when withSources is true.
func loadV9(t *testing.T, fixture string, withSources bool) *check.Model {
	return loadFixture(t, filepath.Join("testdata", "v9", fixture), withSources)
}

// loadFixture reads dir/plan.json, with the sources in dir when withSources is true,
// and with no region from the environment.
func loadFixture(t *testing.T, dir string, withSources bool) *check.Model {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := check.PlanOptions{Getenv: func(string) string { return "" }}
	if withSources {
		opts.SourceDir = dir
	}
	m, err := check.LoadPlan(f, "plan.json", opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// loadModes are the three ways a plan fixture is read: the plan alone, with the
// configuration's sources evaluated at once, and with them evaluated on demand.
var loadModes = []string{"plan alone", "sources", "sources on demand"}

// loadIn reads the plan.json of dir in one of loadModes.
func loadIn(dir, mode string) (*check.Model, error) {
	f, err := os.Open(filepath.Join(dir, "plan.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opts := check.PlanOptions{Getenv: func(string) string { return "" }}
	if mode != "plan alone" {
		opts.SourceDir, opts.SourcesOnDemand = dir, mode == "sources on demand"
	}
	return check.LoadPlan(f, "plan.json", opts)
}

// v9Options: the account is allowlisted for multi-EIP-to-ENI mode and the instances'
// OS has DHCP enabled, so that a valid configuration leaves nothing undecided.
var v9Options = check.Options{Account: eipassoc.Account{MultiBindedAllowed: true}, InstanceDHCP: ecs.DHCPEnabled}

// TestV9Fixtures: each pattern of production configurations, with the configuration's
// sources. The bad twin is caught on exactly the instance that breaks a rule, blamed on
// the planned resource; the valid twin decides every checked resource. Expected
// findings follow from each fixture's main.tf (see the comments there).
func TestV9Fixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture string
		want    []string
	}{
		// One module instance gets two cut-through EIPs on its one ENI (capacity 1).
		{"foreach-module-bad", []string{`module.edge["b"].alicloud_eip_association.this[1] eni-capacity fail`}},
		{"count-module-bad", []string{`module.edge[1].alicloud_eip_association.this[1] eni-capacity fail`}},
		{
			"nested-module-bad",
			[]string{`module.outer["b"].module.inner.alicloud_eip_association.this[1] eni-capacity fail`},
		},
		{"registry-module-bad", []string{`module.edge["b"].alicloud_eip_association.this[1] eni-capacity fail`}},
		// The second resource of each idiom lands on an ENI that has a cut-through EIP.
		{"index-idioms-bad", []string{
			`alicloud_eip_association.ci2[0] eni-capacity fail`,
			`alicloud_eip_association.ek2["p"] eni-capacity fail`,
			`alicloud_eip_association.el2[0] eni-capacity fail`,
			`alicloud_eip_association.ev["q"] eni-capacity fail`,
			`alicloud_eip_association.lk2[0] eni-capacity fail`,
		}},
		// ecs.g6 is not a multi-EIP-to-ENI family (doc: the 21 listed families).
		{
			"attach-existing-bad",
			[]string{`alicloud_ecs_network_interface_attachment.pub instance-family-unsupported fail`},
		},
		{"type-change-bad", []string{`alicloud_instance.app instance-family-unsupported fail`}},
		// 3 NAT EIPs on 2 addresses; the third maps to the address that goes away.
		{
			"shrink-bad",
			[]string{
				`alicloud_ecs_network_interface.pub eni-capacity fail`,
				`alicloud_ecs_network_interface.pub private-ip-not-on-eni fail`,
			},
		},
		// Cut-through needs an ENI without secondary addresses.
		{"mode-change-bad", []string{`alicloud_eip_association.e eni-has-secondary-ips fail`}},
		// Sources edited after the plan: ev's keys and ci2's instance_type differ, so
		// their evaluation is discarded and their targets are not resolved. Those may be
		// on any ENI, so the EIPs every other ENI carries are open: its capacity and
		// addresses are undecided where the resolved associations do not already break
		// them (ek2, el2 and lk2 still exceed a cut-through ENI's one EIP).
		{"sources-mismatch", []string{
			"alicloud_eip_association.ci[0] plan-value-unknown unknown",
			"alicloud_eip_association.ci[1] plan-value-unknown unknown",
			`alicloud_eip_association.ci2[0] plan-value-unknown unknown`,
			`alicloud_eip_association.ek["p"] plan-value-unknown unknown`,
			`alicloud_eip_association.ek["q"] plan-value-unknown unknown`,
			`alicloud_eip_association.ek2["p"] eni-capacity fail`,
			`alicloud_eip_association.ek2["p"] plan-value-unknown unknown`,
			"alicloud_eip_association.el[0] plan-value-unknown unknown",
			"alicloud_eip_association.el[1] plan-value-unknown unknown",
			`alicloud_eip_association.el2[0] eni-capacity fail`,
			"alicloud_eip_association.el2[0] plan-value-unknown unknown",
			`alicloud_eip_association.ev["p"] plan-value-unknown unknown`,
			`alicloud_eip_association.ev["q"] plan-value-unknown unknown`,
			"alicloud_eip_association.lk[0] plan-value-unknown unknown",
			"alicloud_eip_association.lk[1] plan-value-unknown unknown",
			`alicloud_eip_association.lk2[0] eni-capacity fail`,
			"alicloud_eip_association.lk2[0] plan-value-unknown unknown",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			m := loadV9(t, tc.fixture, true)
			got := brief(check.Run(m, v9Options))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
		twin := strings.TrimSuffix(tc.fixture, "-bad") + "-ok"
		if twin == tc.fixture+"-ok" {
			continue
		}
		t.Run(twin, func(t *testing.T) {
			m := loadV9(t, twin, true)
			fs := check.Run(m, v9Options)
			s := check.Summarize(len(m.Checked()), fs)
			if len(fs) != 0 || s.Unknown != 0 || s.Checked == 0 {
				t.Errorf("the valid twin is not decided clean: %+v\n%v", s, brief(fs))
			}
		})
	}
}

// TestV9GuardsSayWhy: a discarded evaluation names the mismatch.
func TestV9GuardsSayWhy(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		`alicloud_eip_association.ci2[0]`: `the sources do not match the plan: instance_type of alicloud_eip_association.ci2[0] evaluates to "EcsInstance", the plan has NetworkInterface`,
		`alicloud_eip_association.ev["q"]`: "the sources do not match the plan: the for_each of resource " +
			"alicloud_eip_association.ev has keys [p r], and the plan has [p q]",
	}
	for _, f := range check.Run(loadV9(t, "sources-mismatch", true), v9Options) {
		if w, ok := want[f.Address]; ok {
			if !strings.Contains(f.Message, w) {
				t.Errorf("%s: %q lacks %q", f.Address, f.Message, w)
			}
			delete(want, f.Address)
		}
	}
	if len(want) != 0 {
		t.Errorf("no finding for %v", want)
	}
}

// TestV9WithoutSources: module instances are resolved from the plan alone; the
// computed-index idioms are undecided, never passed, and say what would decide them.
func TestV9WithoutSources(t *testing.T) {
	t.Parallel()
	for _, fixture := range []string{"foreach-module", "count-module", "nested-module", "registry-module"} {
		bad := brief(check.Run(loadV9(t, fixture+"-bad", false), v9Options))
		if len(bad) != 1 || !strings.HasSuffix(bad[0], "eni-capacity fail") {
			t.Errorf("%s-bad without sources: %v", fixture, bad)
		}
		if ok := check.Run(loadV9(t, fixture+"-ok", false), v9Options); len(ok) != 0 {
			t.Errorf("%s-ok without sources: %v", fixture, brief(ok))
		}
	}
	m := loadV9(t, "index-idioms-bad", false)
	fs := check.Run(m, v9Options)
	s := check.Summarize(len(m.Checked()), fs)
	if s.Unknown != s.Checked || s.Errors != 0 {
		t.Errorf("index idioms without sources: %+v", s)
	}
	for _, f := range fs {
		if !strings.Contains(f.Message, "sources") || !strings.Contains(f.Message, "-tf-dir") {
			t.Errorf("%s: %q does not say what would decide it", f.Address, f.Message)
		}
	}
}
