package check_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
)

// TestV14Fixtures: plans made by Terraform 1.11.4 with the real alicloud provider
// v1.277.0 (tools/tfstub/regen.sh with EIPASSOC_PROVIDER_DIR). Expected findings come
// from the documentation: cut-through mode is not listed for China (Ulanqab); in NAT
// mode an ENI with only its primary private IP takes one EIP, so of two associations
// the second (in the plan's order, key "b") fails on capacity and on the address in use.
func TestV14Fixtures(t *testing.T) {
	t.Parallel()
	natTwice := []string{
		`alicloud_eip_association.a["b"] eni-capacity fail`,
		`alicloud_eip_association.a["b"] private-ip-in-use fail`,
	}
	tests := []struct {
		fixture                string
		withSources, noSources []string
	}{
		// The aliased provider's region is a root variable: the plan alone decides it.
		// The legacy module configures its own provider with region = local.region, a
		// module variable: only the sources decide it.
		{"provider-alias-bad",
			[]string{
				"module.legacy.module.cut.alicloud_eip_association.this mode-region-unsupported fail",
				"module.north.alicloud_eip_association.this mode-region-unsupported fail",
			},
			[]string{
				"module.legacy.module.cut.alicloud_eip_association.this plan-value-unknown unknown",
				"module.north.alicloud_eip_association.this mode-region-unsupported fail",
			}},
		{"typed-set-bad", natTwice, natTwice},
		{"tfjson-bad", natTwice, natTwice},
	}
	for _, tc := range tests {
		for _, sources := range []bool{true, false} {
			m := loadFixture(t, filepath.Join("testdata", "v14", tc.fixture), sources)
			want := tc.noSources
			if sources {
				want = tc.withSources
			}
			if diff := cmp.Diff(want, brief(check.Run(m, v9Options))); diff != "" {
				t.Errorf("%s (sources %v) (-want +got):\n%s", tc.fixture, sources, diff)
			}
		}
	}
}

// TestDeclaredTypes: alicloud_eip_address.e[each.key] names an EIP only when the
// for_each, a set(string) variable whose default is written as a list, is converted to
// its declared type as Terraform converts it; in .tf and in .tf.json. The plan alone
// has lost the key, so without sources the EIP is one of e's instances.
func TestDeclaredTypes(t *testing.T) {
	t.Parallel()
	for _, fixture := range []string{"typed-set-bad", "tfjson-bad"} {
		for _, sources := range []bool{true, false} {
			m := loadFixture(t, filepath.Join("testdata", "v14", fixture), sources)
			got := map[string]string{}
			for _, a := range m.Associations {
				got[a.Address] = string(a.EIP) + "|" + a.EIPOneOf
			}
			want := map[string]string{
				`alicloud_eip_association.a["a"]`: `alicloud_eip_address.e["a"]|`,
				`alicloud_eip_association.a["b"]`: `alicloud_eip_address.e["b"]|`,
			}
			if !sources {
				want = map[string]string{
					`alicloud_eip_association.a["a"]`: `|alicloud_eip_address.e`,
					`alicloud_eip_association.a["b"]`: `|alicloud_eip_address.e`,
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (sources %v) (-want +got):\n%s", fixture, sources, diff)
			}
		}
	}
}

// TestJSONSourcesLocate: a finding on a resource written in .tf.json points at its
// block: main.tf.json of tfjson-bad opens alicloud_eip_association "a" on line 28.
func TestJSONSourcesLocate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "v14", "tfjson-bad")
	m := loadFixture(t, dir, true)
	src, err := check.LoadSources(dir, m.ModuleDirs)
	if err != nil {
		t.Fatal(err)
	}
	fs := check.ApplyWaivers(check.Run(m, v9Options), src, nil, time.Now())
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if f.Location.File != "main.tf.json" || f.Location.StartLine != 28 {
			t.Errorf("%s %s: location %+v, want main.tf.json:28", f.Address, f.Rule, f.Location)
		}
	}
}

// TestInstanceBlocks: an instance's own network_interfaces block attaches its ENI when
// the instance is made, and counts against the type's ENI quota (API facts, instance
// type table, ENIs counting the primary ENI): ecs.n1.medium takes 1, so its block
// fails; ecs.g6.large takes 2, so its block fits. The plan gives each block's ENI by ID
// only, so the rules on the ENI itself stay undecided, and say so.
func TestInstanceBlocks(t *testing.T) {
	t.Parallel()
	m := loadFixture(t, filepath.Join("testdata", "v14", "instance-blocks"), false)
	fails, unknown := map[string]bool{}, map[string]bool{}
	for _, f := range check.Run(m, v9Options) {
		switch f.Status {
		case check.StatusFail:
			fails[f.Address+" "+string(f.Rule)] = true
		case check.StatusUnknown:
			unknown[f.Address] = true
		}
	}
	want := map[string]bool{"alicloud_instance.small.network_interfaces[0] instance-eni-quota": true}
	if diff := cmp.Diff(want, fails); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	if !unknown["alicloud_instance.small.network_interfaces[0]"] ||
		!unknown["alicloud_instance.large.network_interfaces[0]"] {
		t.Errorf("undecided: %v, want both blocks", unknown)
	}
	if got := m.Checked(); !slices.Contains(got, "alicloud_instance.small.network_interfaces[0]") ||
		!slices.Contains(got, "alicloud_instance.large.network_interfaces[0]") {
		t.Errorf("checked: %v, want both blocks", got)
	}
}
