package tfplan

import (
	"maps"
	"slices"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"pgregory.net/rapid"
)

// Attrs behave as a map from names to values whose iteration is sorted by name.
func TestAttrsAreASortedMap(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		var a Attrs
		want := map[string]any{}
		names := rapid.SampledFrom(
			[]string{"id", "mode", "instance_id", "allocation_id", "private_ip_address", "z", ""},
		)
		for i := range rapid.IntRange(0, 20).Draw(t, "sets") {
			name, v := names.Draw(t, "name"), float64(i)
			a.Set(name, v)
			want[name] = v
		}
		for _, name := range []string{"id", "mode", "instance_id", "allocation_id", "private_ip_address", "z", "", "absent"} {
			got, ok := a.Lookup(name)
			w, wok := want[name]
			if got != w || ok != wok {
				t.Fatalf("Lookup(%q) = %v, %v; want %v, %v", name, got, ok, w, wok)
			}
		}
		if got, w := slices.Collect(maps.Keys(maps.Collect(a.All()))), slices.Sorted(maps.Keys(want)); len(got) != len(w) {
			t.Fatalf("All yields %d names, want %d", len(got), len(w))
		}
		var prev string
		for i, x := range a {
			if i > 0 && x.Name <= prev {
				t.Fatalf("names out of order: %q after %q", x.Name, prev)
			}
			prev = x.Name
		}
	})
}

// Equal unknown masks are shared, and masks that differ are not mixed up.
func TestUnknownsShared(t *testing.T) {
	t.Parallel()
	in := newInterner()
	a := in.unknowns(Attrs{{"id", true}, {"private_ips", []any{false, true}}})
	b := in.unknowns(Attrs{{"id", true}, {"private_ips", []any{false, true}}})
	c := in.unknowns(Attrs{{"id", true}, {"private_ips", []any{true, false}}})
	d := in.unknowns(Attrs{{"id", true}, {"private_ips", []any{map[string]any{"x": true}}}})
	if &a[0] != &b[0] {
		t.Error("equal masks are not shared")
	}
	if &a[0] == &c[0] || c[1].Value.([]any)[0] != true {
		t.Errorf("different masks mixed up: %v", c)
	}
	if len(d) != 2 || &d[0] == &a[0] {
		t.Errorf("a mask of another shape: %v", d)
	}
}

// A variable is decoded when first asked for, and a variable the plan does not
// have, or whose number does not fit a float64, is absent.
func TestVariable(t *testing.T) {
	t.Parallel()
	p := &Plan{
		variables: map[string]jsontext.Value{"region": jsontext.Value(`"cn-hangzhou"`), "big": jsontext.Value(`1e999`)},
	}
	if v, ok := p.Variable("region"); v != "cn-hangzhou" || !ok {
		t.Errorf("region = %v, %v", v, ok)
	}
	for _, name := range []string{"big", "absent"} {
		if v, ok := p.Variable(name); ok {
			t.Errorf("%s = %v, want absent", name, v)
		}
	}
}
