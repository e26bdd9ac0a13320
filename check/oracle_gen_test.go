package check_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/internal/oracle"
	"pgregory.net/rapid"
)

// A tfConfig is a generated configuration: file contents by path.
type tfConfig map[string]string

// String lists the files, for a failure message.
func (c tfConfig) String() string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(c)) {
		fmt.Fprintf(&b, "# --- %s\n%s\n", name, c[name])
	}
	return b.String()
}

// genConfig draws a configuration in the language users write around EIPs and ENIs:
// ENIs counted (count as a number, a string Terraform converts, a variable, a
// conditional, the length of a local) or keyed (for_each over a typed set, a map of
// objects, a for expression), in the root or in a child module with an output; EIPs and
// associations of the same shape whose instance_id and allocation_id use an idiom
// drawn from those users write (an index, element over the legacy .* or the [*] splat,
// a local, try, one, slice, a reversed index, lookup over a for expression, a filtered
// for, format, coalesce, a module's output); for_each also over flatten and setproduct;
// addresses from cidrhost; a mode from a variable; the aliased provider of another
// region for the EIPs, associations and ENIs (through providers for a module); an instance whose attachments take
// the ENIs by the same idioms; and an instance that attaches one through a static or a
// dynamic network_interfaces block.
func genConfig(t *rapid.T) tfConfig {
	n := rapid.IntRange(1, 3).Draw(t, "n")
	keyed := rapid.Bool().Draw(t, "keyed")
	inModule := rapid.Bool().Draw(t, "module")
	keys := []string{"a", "b", "c"}[:n]
	quoted := make([]string, n)
	objects := make([]string, n)
	for i, k := range keys {
		quoted[i] = fmt.Sprintf("%q", k)
		objects[i] = fmt.Sprintf("%s = { ip = %d }", k, 20+i)
	}
	var root strings.Builder
	root.WriteString(`terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

provider "alicloud" {
  alias  = "west"
  region = "cn-shanghai"
}

resource "alicloud_vpc" "net" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-hangzhou-h"
}

`)
	fmt.Fprintf(&root, "variable \"n\" {\n  type    = number\n  default = %d\n}\n\n", n)
	fmt.Fprintf(&root, "variable \"names\" {\n  type    = set(string)\n  default = [%s]\n}\n\n", strings.Join(quoted, ", "))
	fmt.Fprintf(&root, "variable \"nics\" {\n  type    = map(object({ ip = number }))\n  default = { %s }\n}\n\n",
		strings.Join(objects, ", "))
	// The EIPs, associations and ENIs may all take the aliased provider (region
	// cn-shanghai); a module gets it through providers.
	west := rapid.Bool().Draw(t, "west")
	providerArg := ""
	if west {
		providerArg = "  provider = alicloud.west\n"
	}
	mode := rapid.SampledFrom([]string{"", "NAT", "BINDED"}).Draw(t, "mode")
	if mode != "" {
		fmt.Fprintf(&root, "variable \"mode\" {\n  type    = string\n  default = %q\n}\n\n", mode)
	}
	root.WriteString("locals {\n  slots = range(var.n)\n}\n\n")

	// How the ENIs, EIPs and associations are iterated.
	var iterate, ipArg string
	if keyed {
		switch rapid.IntRange(0, 4).Draw(t, "for_each") {
		case 0:
			iterate = "for_each = var.names"
		case 1:
			iterate, ipArg = "for_each = var.nics", `cidrhost("10.0.1.0/24", each.value.ip)`
		case 2:
			iterate = "for_each = { for k in var.names : k => k }"
		case 3:
			iterate = "for_each = toset(flatten([for k in var.names : [k]]))"
		default:
			iterate = `for_each = { for p in setproduct(["x"], var.names) : p[1] => p[0] }`
		}
	} else {
		iterate = "count = " + rapid.SampledFrom([]string{
			fmt.Sprint(n), fmt.Sprintf("%q", fmt.Sprint(n)), "var.n", "var.n > 0 ? var.n : 0", "length(local.slots)",
		}).Draw(t, "count")
		if rapid.Bool().Draw(t, "cidrhost") {
			ipArg = "cidrhost(\"10.0.1.0/24\", 10 + count.index)"
		}
	}
	eni := func(vswitch string) string {
		s := fmt.Sprintf("resource \"alicloud_ecs_network_interface\" \"e\" {\n  %s\n  vswitch_id         = %s\n"+
			"  security_group_ids = [\"sg-fixture\"]\n", iterate, vswitch)
		if west && !inModule {
			s += providerArg
		}
		if ipArg != "" {
			s += "  primary_ip_address = " + ipArg + "\n"
		}
		return s + "}\n"
	}
	cfg := tfConfig{}
	enis := "alicloud_ecs_network_interface.e"
	if inModule {
		ids := "alicloud_ecs_network_interface.e[*].id"
		if keyed {
			ids = "{ for k, v in alicloud_ecs_network_interface.e : k => v.id }"
		}
		module := "variable \"vswitch_id\" {\n  type = string\n}\n\n"
		for _, v := range []string{"n", "names", "nics"} {
			module += fmt.Sprintf("variable %q {}\n", v)
		}
		module += "\nlocals {\n  slots = range(var.n)\n}\n\n" + eni("var.vswitch_id") +
			"\noutput \"ids\" {\n  value = " + ids + "\n}\n"
		cfg["modules/net/main.tf"] = "terraform {\n  required_providers {\n    alicloud = { source = \"aliyun/alicloud\" }\n" +
			"  }\n}\n\n" + module
		call := "module \"net\" {\n  source     = \"./modules/net\"\n  vswitch_id = alicloud_vswitch.net.id\n" +
			"  n          = var.n\n  names      = var.names\n  nics       = var.nics\n"
		if west {
			call += "  providers  = { alicloud = alicloud.west }\n"
		}
		root.WriteString(call + "}\n\n")
	} else {
		root.WriteString(eni("alicloud_vswitch.net.id") + "\n")
	}
	ids := enis + "[*].id"
	switch {
	case inModule:
		ids = "module.net.ids"
	case keyed:
		ids = "{ for k, v in " + enis + " : k => v.id }"
	}
	root.WriteString("locals {\n  eni_ids = " + ids + "\n}\n\n")

	// The idioms that pick an ENI for the instance's index or key.
	var idioms []string
	switch {
	case keyed && inModule:
		idioms = []string{"module.net.ids[each.key]", "lookup(module.net.ids, each.key)"}
	case keyed:
		idioms = []string{
			enis + "[each.key].id",
			"lookup({ for k, v in " + enis + " : k => v.id }, each.key)",
			"[for k, v in " + enis + " : v.id if k == each.key][0]",
			enis + `[format("%s", each.key)].id`,
		}
	case inModule:
		idioms = []string{"module.net.ids[count.index]", "element(module.net.ids, count.index)",
			"local.eni_ids[count.index]"}
	default:
		idioms = []string{
			enis + "[count.index].id",
			"element(" + enis + ".*.id, count.index)",
			"element(" + enis + "[*].id, count.index)",
			"local.eni_ids[count.index]",
			"try(" + enis + "[count.index].id, \"\")",
			"one([" + enis + "[count.index].id])",
			"slice(" + enis + "[*].id, count.index, count.index + 1)[0]",
			enis + "[length(" + enis + ") - 1 - count.index].id",
			"coalesce(" + enis + "[count.index].id, \"missing\")",
		}
	}
	eips := "alicloud_eip_address.p[count.index].id"
	if keyed {
		eips = "alicloud_eip_address.p[each.key].id"
	} else if rapid.Bool().Draw(t, "eip element") {
		eips = "element(alicloud_eip_address.p[*].id, count.index)"
	}
	fmt.Fprintf(&root, "resource \"alicloud_eip_address\" \"p\" {\n  %s\n%s}\n\n", iterate, providerArg)
	fmt.Fprintf(&root, "resource \"alicloud_eip_association\" \"x\" {\n  %s\n%s  allocation_id = %s\n  instance_id   = %s\n"+
		"  instance_type = \"NetworkInterface\"\n", iterate, providerArg, eips, rapid.SampledFrom(idioms).Draw(t, "target"))
	if mode != "" {
		root.WriteString("  mode          = var.mode\n")
	}
	if ipArg != "" && !inModule && rapid.Bool().Draw(t, "private ip") {
		root.WriteString("  private_ip_address = " + ipArg + "\n")
	}
	root.WriteString("}\n")

	if rapid.Bool().Draw(t, "attach") {
		instance := rapid.SampledFrom([]string{"alicloud_instance.fw[0].id", "element(alicloud_instance.fw.*.id, 0)",
			"one(alicloud_instance.fw[*].id)"}).Draw(t, "instance")
		fmt.Fprintf(&root, "\nresource \"alicloud_instance\" \"fw\" {\n  count           = 1\n"+
			"  instance_type   = \"ecs.g6.xlarge\"\n  image_id        = \"ubuntu_22_04_x64_20G_alibase_20240101.vhd\"\n"+
			"  vswitch_id      = alicloud_vswitch.net.id\n  security_groups = [\"sg-fixture\"]\n}\n")
		fmt.Fprintf(&root, "\nresource \"alicloud_ecs_network_interface_attachment\" \"y\" {\n  %s\n"+
			"  instance_id          = %s\n  network_interface_id = %s\n  depends_on           = [alicloud_eip_association.x]\n}\n",
			iterate, instance, rapid.SampledFrom(idioms).Draw(t, "attached"))
	}
	if rapid.Bool().Draw(t, "block") { // an instance that attaches the first ENI through its own block
		first := map[bool]string{true: `["a"]`, false: "[0]"}[keyed]
		eniID := enis + first + ".id"
		if inModule {
			eniID = "module.net.ids" + first
		}
		block := "  network_interfaces {\n    network_interface_id = " + eniID + "\n  }\n"
		if rapid.Bool().Draw(t, "dynamic") {
			block = "  dynamic \"network_interfaces\" {\n    for_each = [" + eniID + "]\n    content {\n" +
				"      network_interface_id = network_interfaces.value\n    }\n  }\n"
		}
		fmt.Fprintf(&root, "\nresource \"alicloud_instance\" \"gw\" {\n  instance_type   = \"ecs.g6.xlarge\"\n"+
			"  image_id        = \"ubuntu_22_04_x64_20G_alibase_20240101.vhd\"\n  vswitch_id      = alicloud_vswitch.net.id\n"+
			"  security_groups = [\"sg-fixture\"]\n%s}\n", block)
	}
	cfg["main.tf"] = root.String()
	return cfg
}

// terraformTruth writes cfg into dir, plans it with Terraform and the provider rc
// points at (plan.json), applies that plan, and reads from the state what every
// association and attachment names.
func terraformTruth(tf, rc, dir string, cfg tfConfig) (oracle.Truth, error) {
	for name, text := range cfg {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return oracle.Truth{}, err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return oracle.Truth{}, err
		}
	}
	run := func(args ...string) ([]byte, error) {
		cmd := exec.Command(tf, args...)
		cmd.Dir, cmd.Env = dir, append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("terraform %s: %v: %s", args[0], err, errOut.String())
		}
		return out.Bytes(), nil
	}
	steps := [][]string{{"get"}, {"plan", "-input=false", "-out=plan.out"}}
	for _, s := range steps {
		if _, err := run(s...); err != nil {
			return oracle.Truth{}, err
		}
	}
	plan, err := run("show", "-json", "plan.out")
	if err != nil {
		return oracle.Truth{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.json"), plan, 0o644); err != nil {
		return oracle.Truth{}, err
	}
	if _, err := run("apply", "-input=false", "plan.out"); err != nil {
		return oracle.Truth{}, err
	}
	state, err := run("show", "-json")
	if err != nil {
		return oracle.Truth{}, err
	}
	for _, junk := range []string{"plan.out", "terraform.tfstate", ".terraform", ".terraform.lock.hcl"} {
		_ = os.RemoveAll(filepath.Join(dir, junk))
	}
	want, err := oracle.Read(state)
	if err != nil {
		return oracle.Truth{}, err
	}
	if err := oracle.Regions(plan, want); err != nil {
		return oracle.Truth{}, err
	}
	data, _ := json.MarshalIndent(want, "", "  ")
	return want, os.WriteFile(filepath.Join(dir, "truth.json"), append(data, '\n'), 0o644)
}
