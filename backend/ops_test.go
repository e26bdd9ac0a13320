package backend_test

import (
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
)

// Declare's promise: an action declared twice for one API, or an operation without an
// action or API, panics, and the operations declared stay as they were.
func TestDeclareRefusesTwice(t *testing.T) {
	before := backend.Operations()
	for _, o := range []backend.Operation{
		{API: backend.VPC, Op: backend.OpAllocateEIP},
		{API: backend.VPC},
		{Op: "DescribeSomething"},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Declare(%+v) did not panic", o)
				}
			}()
			backend.Declare(o)
		}()
	}
	if after := backend.Operations(); !slices.Equal(before, after) {
		t.Errorf("the operations changed: %d before, %d after", len(before), len(after))
	}
}

// Without the fake or the emulator linked in, the operations are the Backend
// interface's, VPC ones first, and the reads are the describes.
func TestOperationsOfTheInterface(t *testing.T) {
	ops := backend.Operations()
	if len(ops) != len(backend.Ops()) {
		t.Fatalf("%d operations, want the interface's %d", len(ops), len(backend.Ops()))
	}
	for i, o := range ops {
		if i > 0 && o.API < ops[i-1].API {
			t.Errorf("%s %s is listed after %s", o.API, o.Op, ops[i-1].API)
		}
		if describe := len(o.Op) > 8 && o.Op[:8] == "Describe"; o.Mutates == describe || o.Op.Mutates() != o.Mutates {
			t.Errorf("%s: Mutates %v", o.Op, o.Mutates)
		}
	}
}
