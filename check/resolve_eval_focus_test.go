package check

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc/check/tfplan"
)

// TestFocusHoldsOneModuleInstance: while the evaluator works on the resources of one
// module instance under the root, it holds no value of another (focus drops them, and
// the objects of one name made from them), and
// what it works out again after dropping it is what it worked out the first time: the
// associations of the nested shape's three sites, evaluated in the plan's order and
// then interleaved across the sites (each step a move to another site), resolve their
// allocation_id to the same values.
func TestFocusHoldsOneModuleInstance(t *testing.T) {
	dir := filepath.Join("testdata", "scale-nested")
	f, err := os.Open(filepath.Join(dir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := tfplan.Decode(f, interestingAttrs)
	if err != nil {
		t.Fatal(err)
	}
	tree := newInstanceTree(p)
	var assocs []*resInst
	for _, c := range p.Changes {
		if c.Type == TypeAssociation {
			assocs = append(assocs, tree.insts[c.Address])
		}
	}
	if len(assocs) != 15 {
		t.Fatalf("%d associations in the fixture, want 3 sites of 5", len(assocs))
	}
	e := newEvaluator(tree, p, newSourceTree(dir))
	first := map[*resInst]string{}
	for _, ri := range assocs {
		v, why, ok := e.attr(ri, "allocation_id")
		if !ok || why != "" {
			t.Fatalf("%s: allocation_id not evaluated: %s", ri.Address, why)
		}
		first[ri] = v.GoString()
		for k := range e.memo {
			if top := topOf(k.mi); top != nil && top != topOf(ri.mod) {
				t.Fatalf("evaluating %s, the evaluator holds %s of %s", ri.Address, k, k.mi.addr)
			}
		}
		for k := range e.single {
			if top := topOf(k.mi); top != nil && top != topOf(ri.mod) {
				t.Fatalf("evaluating %s, the evaluator holds the object of %s of %s", ri.Address, k, k.mi.addr)
			}
		}
		if len(e.single) == 0 {
			t.Fatalf("evaluating %s made no object of one name (module.eip_pool is one)", ri.Address)
		}
	}
	if n := len(slices.Compact(slices.Sorted(func(yield func(string) bool) {
		for _, s := range first {
			if !yield(s) {
				return
			}
		}
	}))); n != 15 {
		t.Fatalf("%d distinct allocation_ids among 15 associations, want 15", n)
	}
	interleaved := make([]*resInst, 0, len(assocs))
	for i := range 5 {
		for site := range 3 {
			interleaved = append(interleaved, assocs[site*5+i])
		}
	}
	for _, ri := range interleaved {
		v, why, ok := e.attr(ri, "allocation_id")
		if !ok || why != "" || v.GoString() != first[ri] {
			t.Errorf("%s evaluated again: %s (%s), first %s", ri.Address, v.GoString(), why, first[ri])
		}
	}
}
