package lint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// A want is an issue a fixture must raise: the rule, and the line of the fixture whose
// comment "# want: RULE" marks where it is reported.
type want struct {
	rule string
	line int
}

// wants reads the "# want: RULE[, RULE]" comments of a fixture: the expected issues
// are written next to the line they are reported on, by hand from the rules of the
// product documentation, not from the plugin's output.
func wants(src string) []want {
	var out []want
	for i, line := range strings.Split(src, "\n") {
		_, rules, ok := strings.Cut(line, "# want: ")
		if !ok {
			continue
		}
		for r := range strings.SplitSeq(rules, ",") {
			out = append(out, want{rule: strings.TrimSpace(r), line: i + 1})
		}
	}
	slices.SortFunc(out, compareWants)
	return out
}

func compareWants(a, b want) int {
	if a.line != b.line {
		return a.line - b.line
	}
	return strings.Compare(a.rule, b.rule)
}

// run checks src with every rule of a ruleset configured by cfg and returns what it
// reports, as wants.
func run(t *testing.T, src string, cfg lint.Config) []want {
	t.Helper()
	var got []want
	for _, is := range issues(t, map[string]string{"main.tf": src}, cfg) {
		if is.Range.Filename != "main.tf" {
			t.Errorf("%s reported in %q", is.Rule.Name(), is.Range.Filename)
		}
		got = append(got, want{rule: is.Rule.Name(), line: is.Range.Start.Line})
	}
	slices.SortFunc(got, compareWants)
	return got
}

// issues checks files with every enabled rule of a ruleset configured by cfg, as tflint
// runs them (plan-value-unknown is off by default), and returns what they report.
func issues(t *testing.T, files map[string]string, cfg lint.Config) helper.Issues {
	t.Helper()
	rs := lint.NewRuleSet("test")
	if err := rs.Configure(cfg); err != nil {
		t.Fatal(err)
	}
	runner := helper.TestRunner(t, files)
	wrapped, err := rs.NewRunner(runner)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		if !r.Enabled() {
			continue
		}
		if err := r.Check(wrapped); err != nil {
			t.Fatalf("%s: %v", r.Name(), err)
		}
	}
	return runner.Issues
}

const provider = `
provider "alicloud" {
  region = "cn-hangzhou"
}
`

// The fixtures: each breaks the rules its comments name, and nothing else. Counts come
// from the documentation: NAT maps one EIP to each private IP of an ENI; cut-through
// takes one EIP on an ENI without secondary addresses; multi-EIP-to-ENI needs an
// allowlisted account and, on an attached ENI, one of the families the documentation
// lists (ecs.g5 is one, ecs.g6 is not); cut-through is offered in cn-hangzhou and not in
// cn-wulanchabu.
var fixtures = []struct {
	name string
	cfg  lint.Config
	src  string
}{
	{name: "nat-capacity-literal-count", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = 1
}
resource "alicloud_eip_association" "a" {
  allocation_id      = "eip-a"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.1"
}
resource "alicloud_eip_association" "b" {
  allocation_id      = "eip-b"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.2"
}
resource "alicloud_eip_association" "c" {
  allocation_id      = "eip-c"
  instance_id        = alicloud_ecs_network_interface.pub.id # want: eni-capacity
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.3"
}
`},
	{name: "nat-capacity-from-variables", src: provider + `
variable "secondary" {
  default = 1
}
locals {
  addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3"]
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = var.secondary
}
resource "alicloud_eip_association" "a" {
  allocation_id      = "eip-a"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = local.addresses[0]
}
resource "alicloud_eip_association" "b" {
  allocation_id      = "eip-b"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = local.addresses[1]
}
resource "alicloud_eip_association" "c" {
  allocation_id      = "eip-c"
  instance_id        = alicloud_ecs_network_interface.pub.id # want: eni-capacity
  instance_type      = "NetworkInterface"
  private_ip_address = local.addresses[2]
}
`},
	{name: "two-eips-on-one-private-ip", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id           = "vsw-1"
  private_ip_addresses = ["10.0.0.9"]
}
resource "alicloud_eip_association" "a" {
  allocation_id      = "eip-a"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.9"
}
resource "alicloud_eip_association" "b" {
  allocation_id      = "eip-b"
  instance_id        = alicloud_ecs_network_interface.pub.id # want: private-ip-in-use
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.9"
}
`},
	{name: "cut-through-on-eni-with-secondary-addresses", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = 2
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: eni-has-secondary-ips
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
`},
	{name: "cut-through-not-offered-in-region", src: `
provider "alicloud" {
  region = "cn-hangzhou"
}
provider "alicloud" {
  alias  = "north"
  region = "cn-wulanchabu"
}
resource "alicloud_ecs_network_interface" "pub" {
  provider   = alicloud.north
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  provider      = alicloud.north
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: mode-region-unsupported
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
`},
	{name: "multi-eip-not-allowlisted", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: mode-not-allowlisted, mode-region-unsupported
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
`},
	{name: "mode-on-an-instance-target", src: provider + `
resource "alicloud_instance" "web" {
  instance_type = "ecs.g6.large"
  vswitch_id    = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_instance.web.id # want: plan-mode-on-non-eni-target
  instance_type = "EcsInstance"
  mode          = "BINDED"
}
`},
	{name: "eni-target-without-instance-type", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: plan-eni-target-not-network-interface
}
`},
	// The default behaviour, observed: the API accepts NAT on an attached ENI, so the
	// documentation's prerequisite is the warning nat-attached-eni, not an error.
	{name: "association-and-attachment-of-one-eni", src: provider + `
resource "alicloud_instance" "fw" {
  instance_type = "ecs.g6.xlarge"
  vswitch_id    = "vsw-1"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: nat-attached-eni
  instance_type = "NetworkInterface"
}
resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
}
`},
	// The same under the documented behaviour, which keeps the prerequisite an error.
	{name: "association-and-attachment-of-one-eni-documented", cfg: lint.Config{Behaviour: "documented"},
		src: provider + `
resource "alicloud_instance" "fw" {
  instance_type = "ecs.g6.xlarge"
  vswitch_id    = "vsw-1"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: plan-attachment-order
  instance_type = "NetworkInterface"
}
resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
}
`},
	{
		name: "multi-eip-eni-attached-to-unlisted-family",
		cfg:  lint.Config{MultiBindedAllowed: true, InstanceDHCP: "enabled"},
		src: `
provider "alicloud" {
  region = "cn-shanghai"
}
resource "alicloud_instance" "app" {
  instance_type = "ecs.g6.large"
  vswitch_id    = "vsw-1"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id # want: instance-family-unsupported, plan-attachment-order
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
} # the association is blamed too: the ENI it binds MULTI_BINDED will be on a g6 (line above)
resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.app.id
  network_interface_id = alicloud_ecs_network_interface.pub.id # want: instance-family-unsupported
}
`,
	},
	// Addresses computed from another resource's configured argument, as Terraform's plan
	// knows them: the ENI has 10.0.1.10 and .11, which take two NAT EIPs (doc, comparison
	// table: one per private IP); the third maps to .12, which is not the ENI's.
	{name: "cidrhost-of-a-vswitch", src: provider + `
resource "alicloud_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}
resource "alicloud_vswitch" "x" {
  vpc_id     = alicloud_vpc.v.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-hangzhou-h"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id           = alicloud_vswitch.x.id
  primary_ip_address   = cidrhost(alicloud_vswitch.x.cidr_block, 10)
  private_ip_addresses = [cidrhost(alicloud_vswitch.x.cidr_block, 11)]
}
resource "alicloud_eip_association" "a" {
  count              = 3
  allocation_id      = "eip-${count.index}"
  instance_id        = alicloud_ecs_network_interface.pub.id # want: eni-capacity, private-ip-not-on-eni
  instance_type      = "NetworkInterface"
  private_ip_address = cidrhost(alicloud_vswitch.x.cidr_block, 10 + count.index)
}
`},
	// The valid twins: the same shapes within the rules.
	{name: "ok-nat-within-capacity", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = 1
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
}
resource "alicloud_eip_association" "b" {
  allocation_id      = "eip-b"
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.0.2"
}
`},
	{name: "ok-cut-through-in-region", src: provider + `
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
`},
	{name: "ok-multi-eip-allowlisted-detached", cfg: lint.Config{MultiBindedAllowed: true}, src: `
provider "alicloud" {
  region = "cn-shanghai"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
`},
	// The fix plan-attachment-order suggests, and the reference that orders the same.
	{name: "ok-attachment-depends-on-association", src: provider + `
resource "alicloud_instance" "fw" {
  instance_type = "ecs.g6.xlarge"
  vswitch_id    = "vsw-1"
}
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id = "vsw-1"
}
resource "alicloud_ecs_network_interface" "priv" {
  vswitch_id = "vsw-1"
}
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
}
resource "alicloud_eip_association" "b" {
  allocation_id = "eip-b"
  instance_id   = alicloud_ecs_network_interface.priv.id
  instance_type = "NetworkInterface"
}
resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
  depends_on           = [alicloud_eip_association.a]
}
resource "alicloud_ecs_network_interface_attachment" "priv" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_eip_association.b.instance_id
}
`},
	// Undecided: an ENI named by a literal ID has unknown addresses; nothing is reported.
	{name: "ok-undecided-eni-by-id", src: provider + `
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = "eni-123"
  instance_type = "NetworkInterface"
}
`},
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			got, want := run(t, fx.src, fx.cfg), wants(fx.src)
			if !slices.Equal(got, want) {
				t.Errorf("issues (rule@line):\n got %v\nwant %v", got, want)
			}
		})
	}
}

// TestUndecidedIsANotice: an undecided rule is reported only by plan-value-unknown, a
// notice that is off by default.
func TestUndecidedIsANotice(t *testing.T) {
	rs := lint.NewRuleSet("test")
	var unknown tflint.Rule
	for _, r := range rs.Rules {
		switch r.Name() {
		case "plan-value-unknown":
			unknown = r
		case "nat-attached-eni": // the documentation forbids what the API accepts: a warning, on by default
			if !r.Enabled() || r.Severity() != tflint.WARNING {
				t.Errorf("%s: enabled %v, severity %v", r.Name(), r.Enabled(), r.Severity())
			}
		default:
			if !r.Enabled() || r.Severity() != tflint.ERROR {
				t.Errorf(
					"%s: enabled %v, severity %v; deny rules are errors, on by default",
					r.Name(),
					r.Enabled(),
					r.Severity(),
				)
			}
		}
	}
	if unknown == nil || unknown.Enabled() || unknown.Severity() != tflint.NOTICE {
		t.Fatalf("plan-value-unknown: %v", unknown)
	}
	runner := helper.TestRunner(t, map[string]string{"main.tf": provider + `
resource "alicloud_eip_association" "a" {
  allocation_id = "eip-a"
  instance_id   = "eni-123"
  instance_type = "NetworkInterface"
}
`})
	if err := unknown.Check(runner); err != nil {
		t.Fatal(err)
	}
	if len(runner.Issues) == 0 {
		t.Fatal("no notice for an association to an ENI named only by ID")
	}
	for _, is := range runner.Issues {
		if is.Range.Start.Line != 8 || !strings.Contains(is.Message, "alicloud_eip_association.a") {
			t.Errorf("notice at line %d: %s", is.Range.Start.Line, is.Message)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []lint.Config{
		{Behaviour: "lax"}, {InstanceDHCP: "maybe"}, {LimitsFile: "testdata/no-such-file.json"},
	} {
		if err := lint.NewRuleSet("test").Configure(cfg); err == nil {
			t.Errorf("%+v: no error", cfg)
		} else if !strings.Contains(err.Error(), "eipassoc") {
			t.Errorf("%+v: %v does not name the plugin", cfg, err)
		}
	}
}

func TestRuleLinksAreTheRulePages(t *testing.T) {
	for _, r := range lint.NewRuleSet("test").Rules {
		if want := fmt.Sprintf("/docs/rules/%s.md", r.Name()); !strings.HasSuffix(r.Link(), want) {
			t.Errorf("%s links to %s", r.Name(), r.Link())
		}
	}
}
