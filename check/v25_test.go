package check_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
)

// TestV25ValidConfigurationsNoError: configurations that Terraform 1.11.4 plans (the
// plans in testdata/v25, made with the stub provider: Terraform is the oracle of what
// they mean) give no error, with the sources, without them and with them on demand: a
// failure to evaluate is at worst undecided, never a finding of the rule it feeds.
//   - count-string-ok: count = "2", which Terraform converts to 2; two ecs.g6.large
//     (2 ENIs with the primary: API facts) take one attachment each. With the sources
//     every rule is decided, and nothing says the sources disagree with the plan.
//   - legacy-splat-ok: instance_id = element(alicloud_instance.default.*.id,
//     count.index), the splat of older configurations.
//   - module-output-ok: instance_id = module.fw.instance_id, a module's output.
//   - private-ip-known-secondary-ok: the EIP maps to 10.0.1.11, in the ENI's planned
//     private_ip_addresses, while its primary address is known only after apply: every
//     rule is decided (the address is the ENI's; two addresses take two NAT EIPs).
//   - vswitch-through-instance-ok: the ENI's vswitch_id is the instance's vswitch_id,
//     one hop through another resource's argument: every rule is decided.
func TestV25ValidConfigurationsNoError(t *testing.T) {
	t.Parallel()
	for _, fixture := range []string{"count-string-ok", "legacy-splat-ok", "module-output-ok",
		"private-ip-known-secondary-ok", "vswitch-through-instance-ok"} {
		dir := filepath.Join("testdata", "v25", fixture)
		for _, mode := range loadModes {
			m, err := loadIn(dir, mode)
			if err != nil {
				t.Fatal(err)
			}
			fs := check.Run(m, v9Options)
			for _, f := range fs {
				if f.Level == check.LevelError || f.Status == check.StatusFail {
					t.Errorf("%s (%s): %s %s: %s", fixture, mode, f.Address, f.Rule, f.Message)
				}
				if strings.Contains(f.Message, "do not match the plan") {
					t.Errorf("%s (%s): %s", fixture, mode, f.Message)
				}
			}
			decided := fixture == "count-string-ok" && mode != "plan alone" ||
				fixture == "private-ip-known-secondary-ok" || fixture == "vswitch-through-instance-ok"
			if decided && len(fs) != 0 {
				t.Errorf("%s (%s): %v, want every rule decided and kept", fixture, mode, brief(fs))
			}
			if n := len(m.Checked()); n == 0 {
				t.Errorf("%s (%s): nothing checked", fixture, mode)
			}
		}
	}
}

// TestV25BlameFollowsApplyOrder: when several resources together exceed a capacity,
// the finding falls on the one Terraform applies last, which the API refuses, not on
// the last by address. In both fixtures a depends_on b, so Terraform makes b first:
// blame-quota-order attaches two ENIs to an ecs.g6.large, which takes one besides its
// primary (API facts, instance type table); blame-capacity-order associates two NAT
// EIPs with an ENI of one private IP, which takes one (doc, comparison table). The
// expected findings are each main.tf's "# want" line.
func TestV25BlameFollowsApplyOrder(t *testing.T) {
	t.Parallel()
	for fixture, want := range map[string][]string{
		// Not about blame: the bad twin of vswitch-through-instance-ok, decided through the
		// same hop (an ENI attaches only to an instance of its zone: AttachNetworkInterface).
		"vswitch-through-instance-bad": {"alicloud_ecs_network_interface_attachment.pub zone-mismatch fail"},
		"blame-quota-order":            {"alicloud_ecs_network_interface_attachment.a instance-eni-quota fail"},
		"blame-capacity-order": {
			"alicloud_eip_association.a eni-capacity fail",
			"alicloud_eip_association.a private-ip-in-use fail",
		},
	} {
		for _, sources := range []bool{true, false} {
			got := brief(check.Run(loadFixture(t, filepath.Join("testdata", "v25", fixture), sources), v9Options))
			if !slices.Equal(got, want) {
				t.Errorf("%s (sources %v): %v, want %v", fixture, sources, got, want)
			}
		}
	}
}

// TestV25LimitsFromDataSource: ecs.g9i.large is not in the built-in table; the plan's
// data.alicloud_instance_types.fw lists it with eni_quantity 2 (the primary included)
// and 6 private IPs per ENI (what DescribeInstanceTypes answered: the stub answers its
// filters), and the instance takes its type from it: two attachments exceed the quota
// by one, decided, on the second by address (nothing orders them). Without the data
// source's result the quotas were undecided, with an internal name for a reason.
func TestV25LimitsFromDataSource(t *testing.T) {
	t.Parallel()
	want := []string{"alicloud_ecs_network_interface_attachment.b instance-eni-quota fail"}
	for _, sources := range []bool{true, false} {
		got := brief(check.Run(loadFixture(t, filepath.Join("testdata", "v25", "limits-from-data-source-bad"), sources),
			v9Options))
		if !slices.Equal(got, want) {
			t.Errorf("sources %v: %v, want %v", sources, got, want)
		}
	}
}

// TestV25HintNamesTheDecidingCall: the ENIs and the instance of legacy-splat-ok are made
// by the plan in vSwitch vsw-fixture, which the plan names only by ID: what decides their
// zone and VPC is that vSwitch's DescribeVSwitches, not DescribeNetworkInterfaces or
// DescribeInstances of resources that do not exist yet.
func TestV25HintNamesTheDecidingCall(t *testing.T) {
	t.Parallel()
	fs := check.Run(loadFixture(t, filepath.Join("testdata", "v25", "legacy-splat-ok"), true), v9Options)
	n := 0
	for _, f := range fs {
		if f.Rule != check.CodeUnknown {
			continue
		}
		n++
		if !strings.Contains(f.Message, "vSwitch vsw-fixture (ZoneId and VpcId from DescribeVSwitches)") ||
			strings.Contains(f.Message, "DescribeNetworkInterfaces") || strings.Contains(f.Message, "DescribeInstances") {
			t.Errorf("%s: %s", f.Address, f.Message)
		}
	}
	if n == 0 {
		t.Error("no undecided rule: the fixture's vSwitch is in the plan now?")
	}
	// Without the sources the attachment cannot tell which ENI it attaches: the
	// reference decides, not calls on an ENI that does not exist yet.
	for _, f := range check.Run(loadFixture(t, filepath.Join("testdata", "v25", "legacy-splat-ok"), false), v9Options) {
		if strings.Contains(f.Message, "cannot tell which ENI") &&
			(strings.Contains(f.Message, "DescribeNetworkInterfaces") ||
				!strings.Contains(f.Message, "which ENI network_interface_id of "+f.Address+" names")) {
			t.Errorf("%s: %s", f.Address, f.Message)
		}
	}
}

// TestNestedShapeDecided: the nested shape of issue 25 item 4 at three sites
// (testdata/scale-nested, planned by Terraform 1.11.4 with the stub provider): five NAT
// EIPs from the nested module's allocation_ids on an ENI of six cidrhost addresses in
// each module instance, each on its own secondary address. With the sources every one
// of the 15 associations is decided and clean; the plan alone does not keep which EIP
// allocation_ids[tonumber(each.key)] names, so each is undecided, and nothing fails.
func TestNestedShapeDecided(t *testing.T) {
	t.Parallel()
	for _, mode := range loadModes {
		m, err := loadIn(filepath.Join("testdata", "scale-nested"), mode)
		if err != nil {
			t.Fatal(err)
		}
		fs := check.Run(m, v9Options)
		s := check.Summarize(len(m.Checked()), fs)
		want := check.Summary{Checked: 15}
		if mode == "plan alone" {
			want.Warnings, want.Unknown = 15, 15
		}
		if s != want {
			t.Errorf("%s: %+v, want %+v: %v", mode, s, want, brief(fs))
		}
	}
}
