package check

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"
)

// A modInst is one instance of a module: the root, or module.a["x"].module.b. Every
// resource instance belongs to exactly one, and references inside it mean objects of
// the same module instance.
type modInst struct {
	addr     string // module.a["x"].module.b, or "" at the root
	path     string // the same without keys: module.a.module.b
	key      instanceKey
	parent   *modInst
	cfg      *tfplan.Module // the plan's configuration of the module, nil if absent
	call     *tfplan.Call   // the call in the parent's configuration
	callName string
	blocks   map[string]*resBlock  // by "type.name"
	children map[string][]*modInst // by call name, sorted by key; nil until the first
}

// A resBlock is one resource block inside one module instance, with its instances.
type resBlock struct {
	typ, name string
	addr      string // its configuration address in the module instance: module.a["x"].type.name
	label     string // "resource type.name", for messages and memo keys
	cfg       *tfplan.Resource
	insts     []*resInst // sorted by key
}

// A resInst is one resource instance of the plan.
type resInst struct {
	*tfplan.Change
	mod     *modInst
	blk     *resBlock
	key     instanceKey
	planned bool // created, updated or replaced by the plan
}

// instanceTree arranges the plan's resource instances by module instance.
type instanceTree struct {
	root  *modInst
	mods  map[string]*modInst
	insts map[string]*resInst
	rank  map[string]int // each instance address's place in Terraform's order
}

func newInstanceTree(p *tfplan.Plan) *instanceTree {
	n := len(p.Changes)
	t := &instanceTree{mods: map[string]*modInst{}, insts: make(map[string]*resInst, n), rank: make(map[string]int, n)}
	type parsed struct {
		addr string
		a    instanceAddress
	}
	order := make([]parsed, 0, n)
	parser := newAddressParser()
	labels := map[string]string{} // "resource type.name", made once for every module instance
	t.root = &modInst{blocks: map[string]*resBlock{}}
	if p.Config != nil {
		t.root.cfg = p.Config.Root
	}
	t.mods[""] = t.root
	for _, c := range p.Changes {
		addr, ok := parser.parse(c.Address, c.ModuleAddress)
		if !ok {
			continue
		}
		mi := t.module(addr.modules)
		bkey := addr.typ + "." + addr.name
		blk := mi.blocks[bkey]
		if blk == nil {
			label, ok := labels[bkey]
			if !ok {
				label = "resource " + bkey
				labels[bkey] = label
			}
			blk = &resBlock{typ: addr.typ, name: addr.name, addr: tfplan.Join(mi.addr, bkey), label: label}
			if mi.cfg != nil {
				blk.cfg = mi.cfg.Resources[bkey]
			}
			mi.blocks[bkey] = blk
		}
		ri := &resInst{Change: c, mod: mi, blk: blk, key: addr.key, planned: changes(c.Actions)}
		blk.insts = append(blk.insts, ri)
		t.insts[c.Address] = ri
		order = append(order, parsed{c.Address, addr})
	}
	slices.SortFunc(order, func(x, y parsed) int { return compareParsed(x.a, y.a) })
	for i, p := range order {
		t.rank[p.addr] = i
	}
	for _, mi := range t.mods {
		for _, blk := range mi.blocks {
			slices.SortFunc(blk.insts, func(a, b *resInst) int { return compareKeys(a.key, b.key) })
		}
		for _, kids := range mi.children {
			slices.SortFunc(kids, func(a, b *modInst) int { return compareKeys(a.key, b.key) })
		}
	}
	return t
}

// module returns the module instance of steps, making it and its ancestors.
func (t *instanceTree) module(steps []moduleStep) *modInst {
	mi := t.root
	for i, s := range steps {
		addr := mi.addr
		if addr != "" {
			addr += "."
		}
		addr += "module." + s.name + s.key.String()
		next := t.mods[addr]
		if next == nil {
			next = &modInst{addr: addr, path: configPath(steps[:i+1]), key: s.key, parent: mi, callName: s.name,
				blocks: map[string]*resBlock{}}
			if mi.cfg != nil {
				next.call = mi.cfg.Calls[s.name]
				if next.call != nil {
					next.cfg = next.call.Module
				}
			}
			t.mods[addr] = next
			if mi.children == nil {
				mi.children = map[string][]*modInst{}
			}
			mi.children[s.name] = append(mi.children[s.name], next)
		}
		mi = next
	}
	return mi
}

func changes(actions []string) bool {
	for _, a := range actions {
		if a == "create" || a == "update" {
			return true
		}
	}
	return false
}

func compareKeys(a, b instanceKey) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.i, b.i), strings.Compare(a.s, b.s))
}
