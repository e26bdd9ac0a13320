package lint_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	scaleDir = flag.String(
		"scale-config",
		"",
		"write the scale configuration into this directory (TestWriteScaleConfig)",
	)
	scaleSize  = flag.Int("scale-size", 2000, "module instances of the scale configuration")
	scaleShape = flag.String("scale-shape", "map", "shape of the scale configuration: map or nested")
)

// nestedConfig writes the nested shape of issue 25: check/testdata/scale-nested (module
// "edge" for_each over a map(object) of sites, its EIPs from the nested module
// "eip_pool", its addresses from locals) with n sites instead of three, site sI = {
// subnet = I, offset = 10 }: n*5 associations, all within the rules.
func nestedConfig(dir string, n int) error {
	src := filepath.Join("..", "check", "testdata", "scale-nested")
	for _, f := range []string{"main.tf", "modules/edge/main.tf", "modules/eip_pool/main.tf"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return err
		}
	}
	var sites strings.Builder
	sites.WriteString("sites = {\n")
	for i := range n {
		fmt.Fprintf(&sites, "  s%d = { subnet = %d, offset = 10 }\n", i, i)
	}
	sites.WriteString("}\n")
	return os.WriteFile(filepath.Join(dir, "sites.auto.tfvars"), []byte(sites.String()), 0o644)
}

// scaleConfig writes the shape users write at scale: a root module calling one local
// module for_each over a map of n keys, each instance an ENI with five private
// addresses and five NAT associations, one on each address: n*5 associations, all
// within the rules.
func scaleConfig(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "modules", "eni_nat"), 0o755); err != nil {
		return err
	}
	var groups strings.Builder
	for i := range n {
		fmt.Fprintf(&groups, "    g%05d = { subnet = %d }\n", i, i%250)
	}
	root := `provider "alicloud" {
  region = "cn-hangzhou"
}

variable "groups" {
  type = map(object({ subnet = number }))
  default = {
` + groups.String() + `  }
}

module "eni_nat" {
  source   = "./modules/eni_nat"
  for_each = var.groups

  name   = each.key
  subnet = each.value.subnet
}
`
	module := `variable "name" {
  type = string
}

variable "subnet" {
  type = number
}

locals {
  addresses = [for i in range(5) : cidrhost(cidrsubnet("10.0.0.0/8", 16, var.subnet), 10 + i)]
}

resource "alicloud_ecs_network_interface" "this" {
  network_interface_name = var.name
  vswitch_id             = "vsw-1"
  primary_ip_address     = local.addresses[0]
  private_ip_addresses   = slice(local.addresses, 1, 5)
}

resource "alicloud_eip_address" "this" {
  count        = 5
  address_name = "${var.name}-${count.index}"
}

resource "alicloud_eip_association" "this" {
  count              = 5
  allocation_id      = alicloud_eip_address.this[count.index].id
  instance_id        = alicloud_ecs_network_interface.this.id
  instance_type      = "NetworkInterface"
  private_ip_address = local.addresses[count.index]
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(root), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "modules", "eni_nat", "main.tf"), []byte(module), 0o644)
}

// TestWriteScaleConfig writes the scale configuration when -scale-config is given:
//
//	go test ./lint -run TestWriteScaleConfig -scale-config /tmp/scale -scale-size 2000 [-scale-shape nested]
func TestWriteScaleConfig(t *testing.T) {
	if *scaleDir == "" {
		t.Skip("no -scale-config")
	}
	write := map[string]func(string, int) error{"map": scaleConfig, "nested": nestedConfig}[*scaleShape]
	if write == nil {
		t.Fatalf("-scale-shape %q: map or nested", *scaleShape)
	}
	if err := write(*scaleDir, *scaleSize); err != nil {
		t.Fatal(err)
	}
}

// TestScaleConfigIsClean: a small instance of the scale configuration, checked by the
// real tflint, has no issue (five NAT EIPs on five addresses is within the rules), so
// the timing of the large one measures a clean run.
func TestScaleConfigIsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tflint and the plugin")
	}
	for shape, write := range map[string]func(string, int) error{"map": scaleConfig, "nested": nestedConfig} {
		dir := t.TempDir()
		if err := write(dir, 3); err != nil {
			t.Fatal(err)
		}
		if out := runTFLint(t, dir, "compact"); len(strings.TrimSpace(string(out))) != 0 {
			t.Errorf("issues on the %s scale configuration:\n%s", shape, out)
		}
	}
	// Not clean for want of deciding: with every association of a site on one private
	// address (NAT: one EIP each), the ruleset reports it.
	dir := t.TempDir()
	if err := nestedConfig(dir, 3); err != nil {
		t.Fatal(err)
	}
	edge := filepath.Join(dir, "modules", "edge", "main.tf")
	src, err := os.ReadFile(edge)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "private_ip_address = each.value", "private_ip_address = local.ips[1]", 1)
	if broken == string(src) {
		t.Fatal("the nested module no longer sets private_ip_address = each.value")
	}
	if err := os.WriteFile(edge, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runTFLint(t, dir, "compact"); !strings.Contains(string(out), "(private-ip-in-use)") {
		t.Errorf("five NAT EIPs on one address of the nested shape: no private-ip-in-use:\n%s", out)
	}
}
