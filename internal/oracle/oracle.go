// Package oracle holds what Terraform made of a configuration, read from the state after
// an apply with the stub provider, and compares a model with it: the expected values of
// the Terraform oracle tests of package check and of the tflint ruleset. It is test
// support; no command imports it.
package oracle

import (
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

// A Truth is what Terraform made of a configuration: for each association and
// attachment, the resources its arguments name (by address) and its values.
type Truth struct {
	Associations map[string]Association `json:"associations"`
	Attachments  map[string]Attachment  `json:"attachments"`
}

// An Association is what an alicloud_eip_association's arguments named.
type Association struct {
	Target    string `json:"target"`
	EIP       string `json:"eip"`
	PrivateIP string `json:"private_ip,omitempty"`
	Mode      string `json:"mode,omitempty"`
	// Region is the region of the provider configuration Terraform gave the
	// association (a root module one); empty in cases made before it was recorded.
	Region string `json:"region,omitempty"`
}

// An Attachment is what an attachment's arguments (or an instance's
// network_interfaces block) named.
type Attachment struct {
	ENI      string `json:"eni"`
	Instance string `json:"instance"`
}

// Load reads the truth.json of a case directory.
func Load(dir string) (Truth, error) {
	data, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		return Truth{}, err
	}
	var t Truth
	if err := json.Unmarshal(data, &t); err != nil {
		return Truth{}, fmt.Errorf("%s: %w", dir, err)
	}
	if len(t.Associations)+len(t.Attachments) == 0 {
		return Truth{}, fmt.Errorf("%s: a truth without resources", dir)
	}
	return t, nil
}

// Cases lists the case directories (those with a truth.json) in dir, sorted.
func Cases(dir string) []string {
	found, _ := filepath.Glob(filepath.Join(dir, "*", "truth.json"))
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = filepath.Dir(f)
	}
	slices.Sort(out)
	return out
}

// Compare checks a model against Terraform's truth: every association and
// attachment Terraform made is in the model, and each value the model resolved is
// Terraform's; a value the model left unresolved must say why, and with complete set
// (the model had the sources, and the configuration uses only what the README says is
// evaluated) must not be unresolved at all. It also checks that no rule reports an
// evaluation failure as a missing ID.
func Compare(m *check.Model, fs []check.Finding, want Truth, complete bool) []string {
	var diffs []string
	seen := map[string]bool{}
	for _, a := range m.Associations {
		w, ok := want.Associations[a.Address]
		if !ok {
			continue
		}
		seen[a.Address] = true
		if complete && (a.Target == "" || a.EIP == "") {
			diffs = append(diffs, fmt.Sprintf("%s: unresolved with the sources (target %q: %s; EIP %q)", a.Address,
				a.Target, a.TargetUnknown, a.EIP))
		}
		switch {
		case a.Target == "" && a.TargetUnknown.Known():
			diffs = append(diffs, a.Address+": target unresolved without a reason")
		case a.Target != "" && string(a.Target) != w.Target && !strings.HasPrefix(string(a.Target), w.Target+"."):
			diffs = append(diffs, fmt.Sprintf("%s: target %s, Terraform: %s", a.Address, a.Target, w.Target))
		}
		if a.EIP != "" && string(a.EIP) != w.EIP {
			diffs = append(diffs, fmt.Sprintf("%s: EIP %s, Terraform: %s", a.Address, a.EIP, w.EIP))
		}
		if a.PrivateIPUnknown.Known() && a.PrivateIP.IsValid() && a.PrivateIP.String() != w.PrivateIP {
			diffs = append(diffs, fmt.Sprintf("%s: private IP %s, Terraform: %q", a.Address, a.PrivateIP, w.PrivateIP))
		}
		if a.Region != "" && w.Region != "" && string(a.Region) != w.Region {
			diffs = append(diffs, fmt.Sprintf("%s: region %s, Terraform: %s", a.Address, a.Region, w.Region))
		}
		if a.ModeUnknown.Known() && a.ModeSet && a.Mode.String() != w.Mode {
			diffs = append(diffs, fmt.Sprintf("%s: mode %s, Terraform: %q", a.Address, a.Mode, w.Mode))
		}
	}
	for _, at := range m.Attachments {
		w, ok := want.Attachments[at.Address]
		if !ok {
			continue
		}
		seen[at.Address] = true
		if complete && (at.ENI == "" || at.Instance == "") {
			diffs = append(diffs, fmt.Sprintf("%s: unresolved with the sources (ENI: %s; instance: %s)", at.Address,
				at.ENIUnknown, at.InstanceUnknown))
		}
		if at.ENI != "" && string(at.ENI) != w.ENI || at.ENI == "" && at.ENIUnknown.Known() {
			diffs = append(diffs, fmt.Sprintf("%s: ENI %q, Terraform: %s", at.Address, at.ENI, w.ENI))
		}
		if at.Instance != "" && string(at.Instance) != w.Instance || at.Instance == "" && at.InstanceUnknown.Known() {
			diffs = append(diffs, fmt.Sprintf("%s: instance %q, Terraform: %s", at.Address, at.Instance, w.Instance))
		}
	}
	for _, addrs := range []iter.Seq[string]{maps.Keys(want.Associations), maps.Keys(want.Attachments)} {
		for addr := range addrs {
			switch {
			case seen[addr]:
			case m.ENIs[check.Key(addr)] != nil && !complete:
				// an instance's block the plan alone cannot resolve: an ENI known by its
				// block only, whose rules are undecided
			default:
				diffs = append(diffs, addr+": Terraform made it; the model has no such resource")
			}
		}
	}
	for _, f := range fs {
		switch f.Rule {
		case eipassoc.CodeEIPInvalid, eipassoc.CodeENIInvalid, eipassoc.CodeInstanceInvalid:
			if f.Status == check.StatusFail && strings.Contains(f.Message, "no ") {
				diffs = append(diffs, fmt.Sprintf("%s: %s on a resource Terraform made: %s", f.Address, f.Rule, f.Message))
			}
		}
	}
	slices.Sort(diffs)
	return diffs
}

// Regions sets the Region of every association of t in the root module from plan, the
// JSON of "terraform show -json": the constant region of the provider configuration
// that Terraform's configuration gives the association's block (provider_config_key).
func Regions(plan []byte, t Truth) error {
	type expr struct {
		ConstantValue any `json:"constant_value"`
	}
	var p struct {
		Configuration struct {
			ProviderConfig map[string]struct {
				Expressions map[string]expr `json:"expressions"`
			} `json:"provider_config"`
			RootModule struct {
				Resources []struct {
					Address           string `json:"address"`
					ProviderConfigKey string `json:"provider_config_key"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"configuration"`
	}
	if err := json.Unmarshal(plan, &p); err != nil {
		return err
	}
	for _, r := range p.Configuration.RootModule.Resources {
		region, _ := p.Configuration.ProviderConfig[r.ProviderConfigKey].Expressions["region"].ConstantValue.(string)
		for addr, a := range t.Associations {
			if rest, ok := strings.CutPrefix(addr, r.Address); ok && (rest == "" || rest[0] == '[') {
				a.Region = region
				t.Associations[addr] = a
			}
		}
	}
	return nil
}

// Read reads what each association and attachment of a state names: the IDs its
// arguments hold, mapped back to the addresses of the resources with those IDs.
func Read(state []byte) (Truth, error) {
	type resource struct {
		Address string         `json:"address"`
		Type    string         `json:"type"`
		Values  map[string]any `json:"values"`
	}
	type module struct {
		Resources    []resource `json:"resources"`
		ChildModules []module   `json:"child_modules"`
	}
	var s struct {
		Values struct {
			RootModule module `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(state, &s); err != nil {
		return Truth{}, err
	}
	var all []resource
	var walk func(m module)
	walk = func(m module) {
		all = append(all, m.Resources...)
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(s.Values.RootModule)
	byID := map[string]string{}
	for _, r := range all {
		if id, _ := r.Values["id"].(string); id != "" {
			byID[id] = r.Address
		}
	}
	str := func(r resource, attr string) string { v, _ := r.Values[attr].(string); return v }
	want := Truth{Associations: map[string]Association{}, Attachments: map[string]Attachment{}}
	for _, r := range all {
		switch r.Type {
		case "alicloud_eip_association":
			want.Associations[r.Address] = Association{Target: byID[str(r, "instance_id")],
				EIP: byID[str(r, "allocation_id")], PrivateIP: str(r, "private_ip_address"), Mode: str(r, "mode")}
		case "alicloud_ecs_network_interface_attachment":
			want.Attachments[r.Address] = Attachment{ENI: byID[str(r, "network_interface_id")],
				Instance: byID[str(r, "instance_id")]}
		case "alicloud_instance": // its own network_interfaces blocks attach ENIs
			blocks, _ := r.Values["network_interfaces"].([]any)
			for i, b := range blocks {
				id, _ := b.(map[string]any)["network_interface_id"].(string)
				if eni := byID[id]; eni != "" {
					want.Attachments[fmt.Sprintf("%s.network_interfaces[%d]", r.Address, i)] = Attachment{ENI: eni,
						Instance: r.Address}
				}
			}
		}
	}
	return want, nil
}
