package emulator

import (
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestEveryOperationServed: the emulator answers exactly the operations that
// backend.Operations declares, each under its API's version.
func TestEveryOperationServed(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Backend: fake.New(fake.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	declared := map[backend.API]map[backend.Op]bool{}
	for _, o := range backend.Operations() {
		if declared[o.API] == nil {
			declared[o.API] = map[backend.Op]bool{}
		}
		declared[o.API][o.Op] = true
		if s.actions[opKey{o.API.Version(), string(o.Op)}] == nil {
			t.Errorf("%s %s is declared but not served", o.API, o.Op)
		}
	}
	for api, hs := range s.handlers() {
		for op := range hs {
			if !declared[api][op] {
				t.Errorf("%s %s has a handler but is not in backend.Operations", api, op)
			}
		}
	}
}

// Every served operation declares the parameters it takes (declared.go): the server
// refuses the others by name before the handler runs.
func TestEveryOperationDeclaresParameters(t *testing.T) {
	t.Parallel()
	declared := declaredParams()
	for _, o := range backend.Operations() {
		if _, ok := declared[o.API][o.Op]; !ok {
			t.Errorf("%s %s declares no parameters in declared.go", o.API, o.Op)
		}
	}
	for api, ops := range declared {
		for op := range ops {
			if !slices.ContainsFunc(backend.Operations(), func(o backend.Operation) bool {
				return o.Op == op && (o.API == api || api != backend.RAM && o.API != backend.RAM)
			}) {
				t.Errorf("declared.go declares %s %s, which is not served", api, op)
			}
		}
	}
}
