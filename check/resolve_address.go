package check

import (
	"cmp"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// An instanceKey is the key of one instance of a counted or for_each'd block: none, a
// count index or a for_each key.
type instanceKey struct {
	kind keyKind
	i    int
	s    string
}

type keyKind uint8

const (
	noKey keyKind = iota
	intKey
	stringKey
)

// String returns the key as Terraform writes it in addresses: "", "[2]" or `["a"]`.
func (k instanceKey) String() string {
	switch k.kind {
	case intKey:
		return "[" + strconv.Itoa(k.i) + "]"
	case stringKey:
		return "[" + strconv.Quote(k.s) + "]"
	}
	return ""
}

// A moduleStep is one module call of an instance address, with its instance key.
type moduleStep struct {
	name string
	key  instanceKey
}

// An instanceAddress is a parsed resource instance address such as
// module.a["x"].module.b.alicloud_eip_association.this[1].
type instanceAddress struct {
	modules  []moduleStep
	typ      string
	name     string
	key      instanceKey
	instance string // the module instance's address, "" at the root
}

// parseInstanceAddress parses a resource instance address: by hand when it is written
// in the plain subset every generated address uses (ASCII names, whole-number and
// escape-free string keys), else with hcl's traversal parser. Both give the same
// result on that subset (TestAddressSubsetMatchesHCL).
func parseInstanceAddress(addr string) (instanceAddress, bool) {
	steps, keys, ok := splitPlainAddress(addr)
	if !ok {
		steps, keys, ok = splitAddressHCL(addr)
	}
	if !ok || len(steps) < 2 {
		return instanceAddress{}, false
	}
	var out instanceAddress
	i := 0
	var mod strings.Builder
	for i+1 < len(steps) && steps[i] == "module" && keys[i].kind == noKey {
		out.modules = append(out.modules, moduleStep{name: steps[i+1], key: keys[i+1]})
		if mod.Len() > 0 {
			mod.WriteByte('.')
		}
		mod.WriteString("module." + steps[i+1] + keys[i+1].String())
		i += 2
	}
	if len(steps)-i != 2 || keys[i].kind != noKey {
		return instanceAddress{}, false
	}
	out.typ, out.name, out.key, out.instance = steps[i], steps[i+1], keys[i+1], mod.String()
	return out, true
}

// splitAddressHCL splits an address into its names, each with the key that follows it,
// with hcl's traversal parser.
func splitAddressHCL(addr string) (steps []string, keys []instanceKey, ok bool) {
	trav, diags := hclsyntax.ParseTraversalAbs([]byte(addr), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, nil, false
	}
	steps = make([]string, 0, len(trav))
	keys = make([]instanceKey, 0, len(trav))
	for i, t := range trav {
		switch s := t.(type) {
		case hcl.TraverseRoot:
			steps, keys = append(steps, s.Name), append(keys, instanceKey{})
		case hcl.TraverseAttr:
			steps, keys = append(steps, s.Name), append(keys, instanceKey{})
		case hcl.TraverseIndex:
			if i == 0 || keys[len(keys)-1].kind != noKey {
				return nil, nil, false
			}
			k, ok := keyOf(s.Key)
			if !ok {
				return nil, nil, false
			}
			keys[len(keys)-1] = k
		default:
			return nil, nil, false
		}
	}
	return steps, keys, true
}

// splitPlainAddress splits an address written in the plain subset: names of ASCII
// letters, digits, "_" and "-" that start with a letter or "_", joined by dots, each
// followed by at most one key, either a whole number below 2^31 without leading zeros
// or a quoted string of printable ASCII without a backslash, "$" or "%". ok is false
// for anything else, which hcl's parser then reads.
func splitPlainAddress(addr string) (steps []string, keys []instanceKey, ok bool) {
	n := strings.Count(addr, ".") + 1
	steps, keys = make([]string, 0, n), make([]instanceKey, 0, n)
	for i := 0; ; {
		start := i
		for i < len(addr) && isNameByte(addr[i], i > start) {
			i++
		}
		if i == start {
			return nil, nil, false
		}
		steps, keys = append(steps, addr[start:i]), append(keys, instanceKey{})
		if i < len(addr) && addr[i] == '[' {
			k, end, ok := plainKey(addr, i+1)
			if !ok {
				return nil, nil, false
			}
			keys[len(keys)-1], i = k, end
		}
		if i == len(addr) {
			return steps, keys, true
		}
		if addr[i] != '.' {
			return nil, nil, false
		}
		i++
	}
}

// plainKey reads a key of the plain subset that starts at addr[i], just after its
// "[", and returns it with the index just after its "]".
func plainKey(addr string, i int) (instanceKey, int, bool) {
	if i < len(addr) && addr[i] == '"' {
		end := i + 1
		for end < len(addr) && addr[end] != '"' {
			if c := addr[end]; c < ' ' || c > '~' || c == '\\' || c == '$' || c == '%' {
				return instanceKey{}, 0, false
			}
			end++
		}
		if end+1 >= len(addr) || addr[end+1] != ']' {
			return instanceKey{}, 0, false
		}
		return instanceKey{kind: stringKey, s: addr[i+1 : end]}, end + 2, true
	}
	end := i
	for end < len(addr) && addr[end] >= '0' && addr[end] <= '9' {
		end++
	}
	digits := addr[i:end]
	if digits == "" || len(digits) > 10 || (digits[0] == '0' && len(digits) > 1) || end >= len(addr) || addr[end] != ']' {
		return instanceKey{}, 0, false
	}
	v, err := strconv.Atoi(digits)
	if err != nil || v > 1<<31 {
		return instanceKey{}, 0, false
	}
	return instanceKey{kind: intKey, i: v}, end + 1, true
}

// isNameByte reports whether c may appear in a plain name, first or not.
func isNameByte(c byte, notFirst bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		return true
	case notFirst && (c >= '0' && c <= '9' || c == '-'):
		return true
	}
	return false
}

// keyOf turns an index value into a key: a whole number or a string.
func keyOf(v cty.Value) (instanceKey, bool) {
	if !v.IsKnown() || v.IsNull() {
		return instanceKey{}, false
	}
	switch v.Type() {
	case cty.String:
		return instanceKey{kind: stringKey, s: v.AsString()}, true
	case cty.Number:
		bf := v.AsBigFloat()
		if i, acc := bf.Int64(); acc == big.Exact && i >= 0 && i <= 1<<31 {
			return instanceKey{kind: intKey, i: int(i)}, true
		}
	}
	return instanceKey{}, false
}

// configPath returns the module instance address without its keys: module.a.module.b.
func configPath(steps []moduleStep) string {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module." + s.name)
	}
	return b.String()
}

// configAddress strips the instance keys from a resource instance address:
// module.a["x"].t.n[0] gives module.a.t.n.
func configAddress(addr string) string {
	i := strings.IndexByte(addr, '[')
	if i < 0 {
		return addr
	}
	b := make([]byte, 0, len(addr))
	for i := 0; i < len(addr); i++ {
		if addr[i] != '[' {
			b = append(b, addr[i])
			continue
		}
		quoted := false // skip the key as Terraform writes it: a number, or a quoted string with escapes
		for i++; i < len(addr) && (quoted || addr[i] != ']'); i++ {
			switch {
			case addr[i] == '\\' && quoted:
				i++
			case addr[i] == '"':
				quoted = !quoted
			}
		}
	}
	return string(b)
}

// compareAddresses orders resource instance addresses as Terraform lists them: by
// module instances, then type, name and instance key, so that x[1] comes before x[10]
// and x[0] before x2[0]. Addresses that do not parse compare as strings, after the
// ones that do.
func compareAddresses(a, b string) int {
	pa, oka := parseInstanceAddress(a)
	pb, okb := parseInstanceAddress(b)
	switch {
	case oka && !okb:
		return -1
	case okb && !oka:
		return 1
	case !oka:
		return strings.Compare(a, b)
	}
	return compareParsed(pa, pb)
}

// compareParsed orders parsed addresses; see compareAddresses.
func compareParsed(pa, pb instanceAddress) int {
	for i := 0; i < len(pa.modules) && i < len(pb.modules); i++ {
		ma, mb := pa.modules[i], pb.modules[i]
		if c := cmp.Or(strings.Compare(ma.name, mb.name), compareKeys(ma.key, mb.key)); c != 0 {
			return c
		}
	}
	return cmp.Or(cmp.Compare(len(pa.modules), len(pb.modules)), strings.Compare(pa.typ, pb.typ),
		strings.Compare(pa.name, pb.name), compareKeys(pa.key, pb.key))
}

// An addressParser parses the resource instance addresses of one plan with hcl's
// traversal parser, each distinct module instance part and resource part once: a plan
// repeats a few of them thousands of times.
type addressParser struct {
	modules   map[string][]moduleStep
	resources map[string]instanceAddress
}

func newAddressParser() *addressParser {
	return &addressParser{modules: map[string][]moduleStep{}, resources: map[string]instanceAddress{}}
}

// parse parses addr, whose module instance part is moduleAddr (resource_changes gives
// it as module_address).
func (p *addressParser) parse(addr, moduleAddr string) (instanceAddress, bool) {
	rest, ok := strings.CutPrefix(addr, moduleAddr+".")
	if moduleAddr == "" {
		rest, ok = addr, true
	}
	if !ok {
		return parseInstanceAddress(addr)
	}
	mods, ok := p.modules[moduleAddr]
	if !ok && moduleAddr != "" {
		a, parsed := parseInstanceAddress(moduleAddr + ".t.n")
		if !parsed {
			return parseInstanceAddress(addr)
		}
		mods = a.modules
		p.modules[moduleAddr] = mods
	}
	res, ok := p.resources[rest]
	if !ok {
		if res, ok = parseInstanceAddress(rest); !ok || len(res.modules) > 0 {
			return parseInstanceAddress(addr)
		}
		p.resources[rest] = res
	}
	res.modules, res.instance = mods, moduleAddr
	return res, true
}
