package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
)

// officialSources copies an official module (testdata/official) into a temporary
// directory, puts the variant's override file beside the example, installs the
// registry modules it calls (by call name, from their copies in testdata/official) as
// terraform get would, and returns the example's directory: the sources the plan was
// made from (tools/tfofficial/plan.sh).
func officialSources(t *testing.T, module, example, variant string, registry map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "testdata", "official", module))); err != nil {
		t.Fatal(err)
	}
	ex := filepath.Join(dir, "examples", example)
	var manifest []string
	for name, copy := range registry {
		into := filepath.Join(ex, ".terraform", "modules", name)
		if err := os.CopyFS(into, os.DirFS(filepath.Join("..", "testdata", "official", copy))); err != nil {
			t.Fatal(err)
		}
		manifest = append(manifest, `{"Key":"`+name+`","Dir":".terraform/modules/`+name+`"}`)
	}
	if len(manifest) > 0 {
		data := `{"Modules":[` + strings.Join(manifest, ",") + `]}`
		if err := os.WriteFile(filepath.Join(ex, ".terraform", "modules", "modules.json"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
//   - terraform-alicloud-ecs-instance, basic: module ecs_with_multi_eni gives instances
//     0 and 2 an ENI each through a dynamic network_interfaces block (instance 1 gets
//     "", which the block skips, and 3 none), which the plan does not show: only the
//     sources reveal the two attachments, and without them nothing is checked. As it
//     is, the instance type comes from a data source read at apply, so the quotas are
//     undecided and say why, in one finding per block: the type is their one cause (and
//     its ENI limits are unknown with it). The ok variant fixes ecs.g6.large (2 ENIs with the
//     primary one, 6 private IPs each: the API facts' table): one block fits. The bad
//     variant also makes the ENIs in the example's other VPC: an ENI attaches only to
//     an instance of its own VPC, so both blocks are blamed, for that alone.
func TestOfficialModules(t *testing.T) {
	const eipAssoc = "module.associate-with-network-interface.module.eip-network-interface.alicloud_eip_association.this"
	t.Parallel()
	const multiENI = "module.ecs_with_multi_eni.alicloud_instance.this"
	securityGroup := map[string]string{"security_group": "terraform-alicloud-security-group"}
	tests := []struct {
		fixture, module, example string
		checked                  int
		withSources, noSources   []string
		registry                 map[string]string
		checkedNoSources         int
	}{
		{"eip-ok", "terraform-alicloud-eip", "associate-with-network-interface", 1, nil,
			[]string{
				eipAssoc + "[0] plan-value-unknown unknown",
			}, nil, 1},
		{"eip-bad", "terraform-alicloud-eip", "associate-with-network-interface", 2,
			[]string{
				eipAssoc + "[1] eni-capacity fail",
				eipAssoc + "[1] private-ip-in-use fail",
			},
			[]string{
				eipAssoc + "[0] plan-value-unknown unknown",
				eipAssoc + "[1] plan-value-unknown unknown",
			}, nil, 2},
		{"vpc-ecs-eip-ok", "terraform-alicloud-vpc-ecs-eip", "complete", 1, nil, nil, nil, 1},
		{"vpc-ecs-eip-bad", "terraform-alicloud-vpc-ecs-eip", "complete", 1,
			[]string{"module.example.alicloud_eip_association.default plan-eni-target-not-network-interface fail"},
			[]string{
				"module.example.alicloud_eip_association.default plan-eni-target-not-network-interface fail",
			}, nil, 1},
		{"ecs-instance-basic", "terraform-alicloud-ecs-instance", "basic", 2,
			[]string{ // one cause each, the type: instance-invalid and both quotas in one finding
				multiENI + "[0].network_interfaces[0] plan-value-unknown unknown",
				multiENI + "[2].network_interfaces[0] plan-value-unknown unknown",
			}, nil, securityGroup, 0},
		{"ecs-instance-ok", "terraform-alicloud-ecs-instance", "basic", 2, nil, nil, securityGroup, 0},
		{"ecs-instance-bad", "terraform-alicloud-ecs-instance", "basic", 2,
			[]string{
				multiENI + "[0].network_interfaces[0] vpc-mismatch fail",
				multiENI + "[2].network_interfaces[0] vpc-mismatch fail",
			},
			nil, securityGroup, 0},
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
			checked := tc.checkedNoSources
			if sources {
				opts.SourceDir, want, checked = officialSources(
					t,
					tc.module,
					tc.example,
					variant,
					tc.registry,
				), tc.withSources, tc.checked
			}
			m, err := check.LoadPlan(f, "plan.json", opts)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, brief(check.Run(m, v9Options))); diff != "" {
				t.Errorf("%s (sources %v) (-want +got):\n%s", tc.fixture, sources, diff)
			}
			if sources { // the sources evaluated only when the plan alone needs them: the same verdicts
				f, err := os.Open(filepath.Join(fixture, "plan.json"))
				if err != nil {
					t.Fatal(err)
				}
				opts.SourcesOnDemand = true
				lazy, err := check.LoadPlan(f, "plan.json", opts)
				f.Close()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, brief(check.Run(lazy, v9Options))); diff != "" {
					t.Errorf("%s (sources on demand) (-want +got):\n%s", tc.fixture, diff)
				}
			}
			if n := len(m.Checked()); n != checked {
				t.Errorf("%s (sources %v): %d checked, want %d", tc.fixture, sources, n, checked)
			}
		}
	}
}
