package check_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eipassoc/eipassoc/check"
)

func TestInventory(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/inventory.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := check.LoadInventory(f, "inventory.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Planned associations on one ENI count in address order: reused-ip comes before
	// second-nat, so second-nat is the one over capacity.
	want := []string{
		"cut-through-attached eni-attached fail",
		"reused-ip private-ip-in-use fail",
		"second-nat eni-capacity fail",
	}
	if diff := cmp.Diff(want, brief(check.Run(m, check.Options{}))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestInventoryErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ doc, where string }{
		{"region: mars-1\n", "region"},
		{"region: cn-shanghai\nenis:\n  - id: e\n    private_ips: [nope]\n", "enis[0].private_ips[0]"},
		{"region: cn-shanghai\nenis:\n  - id: e\n    kind: Huge\n", "enis[0].kind"},
		{"region: cn-shanghai\nassociations:\n  - eip: x\n    target: y\n", "associations[0].eip"},
		{"region: cn-shanghai\nenis:\n  - id: e\n    instance: i-missing\n", "enis[0].instance"},
		{"region: cn-shanghai\nextra: 1\n", ""},
		{"region: cn-shanghai\neips:\n  - id: a\n  - id: a\n", "eips[1]"},
	}
	for _, tc := range tests {
		_, err := check.LoadInventory(strings.NewReader(tc.doc), "inv.yaml")
		var ie *check.InputError
		if !errors.As(err, &ie) || ie.Where != tc.where {
			t.Errorf("LoadInventory(%q) = %v, want an InputError at %q", tc.doc, err, tc.where)
		}
	}
}

// TestInventorySchemaCoversTheFormat checks that the published JSON Schema names every
// field the loader reads, and nothing else.
func TestInventorySchemaCoversTheFormat(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("inventory.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]struct {
			Items struct {
				Properties map[string]any `json:"properties"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"instances":    {"id", "type"},
		"enis":         {"id", "instance", "kind", "private_ip_count", "private_ips"},
		"eips":         {"charge_type", "id"},
		"associations": {"eip", "existing", "instance_type", "mode", "name", "private_ip", "target"},
	}
	for list, fields := range want {
		var got []string
		for k := range schema.Properties[list].Items.Properties {
			got = append(got, k)
		}
		if diff := cmp.Diff(fields, got, cmp.Transformer("sort", sorted)); diff != "" {
			t.Errorf("%s fields (-want +got):\n%s", list, diff)
		}
	}
}

func sorted(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func FuzzLoadInventory(f *testing.F) {
	data, _ := os.ReadFile("testdata/inventory.yaml")
	f.Add(string(data))
	f.Add("region: cn-shanghai\nassociations:\n  - eip: a\n    target: b\n")
	f.Add("{\"region\": \"cn-hangzhou\", \"enis\": [{\"id\": \"e\", \"private_ip_count\": 99}]}")
	f.Fuzz(func(t *testing.T, doc string) {
		m, err := check.LoadInventory(strings.NewReader(doc), "fuzz.yaml")
		if err != nil {
			if !errors.Is(err, check.ErrInput) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		check.Run(m, check.Options{})
	})
}

func FuzzLoadWaivers(f *testing.F) {
	data, _ := os.ReadFile("testdata/waivers.yaml")
	f.Add(string(data))
	f.Add("waivers: [{rule: '*', reason: r, address: 'a[*'}]")
	f.Fuzz(func(t *testing.T, doc string) {
		if _, err := check.LoadWaivers(strings.NewReader(doc), "w.yaml"); err != nil &&
			!errors.Is(err, check.ErrInput) {
			t.Fatalf("untyped error %v", err)
		}
	})
}
