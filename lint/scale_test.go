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
	scaleSize = flag.Int("scale-size", 2000, "module instances of the scale configuration")
)

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
//	go test ./lint -run TestWriteScaleConfig -scale-config /tmp/scale -scale-size 2000
func TestWriteScaleConfig(t *testing.T) {
	if *scaleDir == "" {
		t.Skip("no -scale-config")
	}
	if err := scaleConfig(*scaleDir, *scaleSize); err != nil {
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
	dir := t.TempDir()
	if err := scaleConfig(dir, 3); err != nil {
		t.Fatal(err)
	}
	if out := runTFLint(t, dir, "compact"); len(strings.TrimSpace(string(out))) != 0 {
		t.Errorf("issues on the scale configuration:\n%s", out)
	}
}
