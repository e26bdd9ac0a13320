package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
)

// officialSources copies an official module (testdata/official) into a temporary
// directory, puts the variant's override file beside the example, and returns the
// example's directory: the sources the plan was made from (tools/tfofficial/plan.sh).
func officialSources(t *testing.T, module, example, variant string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "testdata", "official", module))); err != nil {
		t.Fatal(err)
	}
	ex := filepath.Join(dir, "examples", example)
	if variant != "" {
		data, err := os.ReadFile(variant)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ex, "eipassoc_variant_override.tf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ex
}

// TestOfficialModules: plans of the official modules' own examples, made by Terraform
// 1.11.4 and the real provider v1.277.0 against eipassoc serve (their data sources need
// answers to plan), as they are and with a variant that breaks one rule. Expected
// verdicts come from the documentation:
//   - terraform-alicloud-eip, associate-with-network-interface: one NAT EIP on the
//     ENI's primary private IP is allowed. The variant names the ENI twice, so two NAT
//     EIPs go on that one address: the second association is blamed, alone, for the
//     capacity (a NAT ENI takes one EIP per private IP) and the address in use.
//     The module computes instance_id from a local over a data source, so only the
//     sources decide it: without them every association is undecided, and says so.
//   - terraform-alicloud-vpc-ecs-eip, complete: a NAT EIP on an ENI that is not
//     attached is allowed. The variant says instance_type EcsInstance for the ENI, so
//     the API would look for an instance with the ENI's ID.
func TestOfficialModules(t *testing.T) {
	tests := []struct {
		fixture, module, example string
		checked                  int
		withSources, noSources   []string
	}{
		{"eip-ok", "terraform-alicloud-eip", "associate-with-network-interface", 1, nil,
			[]string{"module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this[0] plan-value-unknown unknown"}},
		{"eip-bad", "terraform-alicloud-eip", "associate-with-network-interface", 2,
			[]string{
				"module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this[1] eni-capacity fail",
				"module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this[1] private-ip-in-use fail",
			},
			[]string{
				"module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this[0] plan-value-unknown unknown",
				"module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this[1] plan-value-unknown unknown",
			}},
		{"vpc-ecs-eip-ok", "terraform-alicloud-vpc-ecs-eip", "complete", 1, nil, nil},
		{"vpc-ecs-eip-bad", "terraform-alicloud-vpc-ecs-eip", "complete", 1,
			[]string{"module.example.alicloud_eip_association.default plan-eni-target-not-network-interface fail"},
			[]string{"module.example.alicloud_eip_association.default plan-eni-target-not-network-interface fail"}},
	}
	for _, tc := range tests {
		fixture := filepath.Join("testdata", "official", tc.fixture)
		variant := filepath.Join(fixture, "variant.tf")
		if _, err := os.Stat(variant); err != nil {
			variant = ""
		}
		for _, sources := range []bool{true, false} {
			f, err := os.Open(filepath.Join(fixture, "plan.json"))
			if err != nil {
				t.Fatal(err)
			}
			opts := check.PlanOptions{Getenv: func(string) string { return "" }}
			want := tc.noSources
			if sources {
				opts.SourceDir, want = officialSources(t, tc.module, tc.example, variant), tc.withSources
			}
			m, err := check.LoadPlan(f, "plan.json", opts)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, brief(check.Run(m, v9Options))); diff != "" {
				t.Errorf("%s (sources %v) (-want +got):\n%s", tc.fixture, sources, diff)
			}
			if n := len(m.Checked()); n != tc.checked {
				t.Errorf("%s (sources %v): %d checked, want %d", tc.fixture, sources, n, tc.checked)
			}
		}
	}
}
