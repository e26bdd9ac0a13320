package check

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// TestAddressSubsetMatchesHCL: wherever the hand parser of the plain subset reads an
// address, it reads what hcl's traversal parser reads; the generator mixes plain parts
// with ones outside the subset (escapes, templates, non-ASCII names, leading zeros,
// spaces, legacy .0 indexes), and plain addresses must take the hand path.
func TestAddressSubsetMatchesHCL(t *testing.T) {
	plainName := rapid.StringMatching(`[A-Za-z_][A-Za-z0-9_-]{0,8}`)
	oddName := rapid.SampledFrom([]string{"0", "é", "a b", "-a", "", "a\u00e9", "module "})
	plainKey := rapid.OneOf(
		rapid.Just(""),
		rapid.Map(rapid.IntRange(0, 1<<31+5), func(i int) string { return "[" + strconv.Itoa(i) + "]" }),
		rapid.Map(rapid.StringMatching(`[ -!#&-\[\]-~]{0,6}`), func(s string) string { return `["` + s + `"]` }),
	)
	oddKey := rapid.SampledFrom([]string{
		"[01]", "[-1]", `["a\"b"]`, `["\n"]`, `["${x}"]`, `["%{x}"]`, `["$"]`, `["é"]`, "[1.5]", "[ 1 ]", "[]", `["a"`, "[1", `["a"]["b"]`,
	})
	rapid.Check(t, func(t *rapid.T) {
		plain := rapid.Bool().Draw(t, "plain")
		n := rapid.IntRange(1, 6).Draw(t, "parts")
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte('.')
			}
			if plain || rapid.IntRange(0, 3).Draw(t, "oddName") > 0 {
				b.WriteString(plainName.Draw(t, "name"))
			} else {
				b.WriteString(oddName.Draw(t, "name"))
			}
			if plain || rapid.IntRange(0, 3).Draw(t, "oddKey") > 0 {
				b.WriteString(plainKey.Draw(t, "key"))
			} else {
				b.WriteString(oddKey.Draw(t, "key"))
			}
		}
		addr := b.String()
		steps, keys, ok := splitPlainAddress(addr)
		hsteps, hkeys, hok := splitAddressHCL(addr)
		if plain && !ok && hok {
			t.Fatalf("%q is plain, but the hand parser left it to hcl", addr)
		}
		if !ok {
			return
		}
		if !hok {
			t.Fatalf("%q: the hand parser read %q %v, hcl's refuses it", addr, steps, keys)
		}
		if diff := cmp.Diff(hsteps, steps); diff != "" {
			t.Fatalf("%q: names (-hcl +hand):\n%s", addr, diff)
		}
		if diff := cmp.Diff(hkeys, keys, cmp.AllowUnexported(instanceKey{})); diff != "" {
			t.Fatalf("%q: keys (-hcl +hand):\n%s", addr, diff)
		}
	})
}

// TestAddressPlainPath pins the hand path on addresses Terraform writes, with their
// parts worked out by hand.
func TestAddressPlainPath(t *testing.T) {
	for addr, want := range map[string]instanceAddress{
		`module.edge["s12"].module.eip_pool.alicloud_eip_address.this[3]`: {
			modules:  []moduleStep{{name: "edge", key: instanceKey{kind: stringKey, s: "s12"}}, {name: "eip_pool"}},
			typ:      "alicloud_eip_address",
			name:     "this",
			key:      instanceKey{kind: intKey, i: 3},
			instance: `module.edge["s12"].module.eip_pool`,
		},
		`alicloud_eip_association.a-b_2["x y"]`: {typ: "alicloud_eip_association", name: "a-b_2", key: instanceKey{kind: stringKey, s: "x y"}},
	} {
		if _, _, ok := splitPlainAddress(addr); !ok {
			t.Errorf("%s: not read by the hand parser", addr)
		}
		got, ok := parseInstanceAddress(addr)
		if !ok {
			t.Fatalf("%s: not parsed", addr)
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(instanceAddress{}, moduleStep{}, instanceKey{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", addr, diff)
		}
	}
}

// FuzzPlainAddress: on any input the hand parser never panics, and wherever it reads
// an address, hcl's traversal parser reads the same names and keys.
func FuzzPlainAddress(f *testing.F) {
	for _, seed := range []string{
		`module.edge["s12"].module.eip_pool.alicloud_eip_address.this[3]`, `a.b[01]`, `a["\n"]`, `a.0`, `a["$"]`,
		`a.b[2147483648]`, `a.b[2147483649]`, `é.b`, `a..b`, `a[`, `a["x"]["y"]`, ``,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, addr string) {
		steps, keys, ok := splitPlainAddress(addr)
		if !ok {
			return
		}
		hsteps, hkeys, hok := splitAddressHCL(addr)
		if !hok {
			t.Fatalf("%q: the hand parser read %q %v, hcl's refuses it", addr, steps, keys)
		}
		if diff := cmp.Diff(hsteps, steps); diff != "" {
			t.Fatalf("%q: names (-hcl +hand):\n%s", addr, diff)
		}
		if diff := cmp.Diff(hkeys, keys, cmp.AllowUnexported(instanceKey{})); diff != "" {
			t.Fatalf("%q: keys (-hcl +hand):\n%s", addr, diff)
		}
	})
}
