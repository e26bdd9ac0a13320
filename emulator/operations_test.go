package emulator

import (
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
	for api, rs := range routes {
		for op := range rs {
			if !declared[api][op] {
				t.Errorf("%s %s is routed but not declared (backend.Declare)", api, op)
			}
		}
	}
}

// Every served operation declares the parameters it takes, in its route: the server
// refuses the others by name before the handler runs.
func TestEveryOperationDeclaresParameters(t *testing.T) {
	t.Parallel()
	for _, o := range backend.Operations() {
		if r, ok := routes[o.API][o.Op]; ok && r.Params.names == nil && r.Params.patterns == nil {
			t.Errorf("%s %s declares no parameters in its route", o.API, o.Op)
		}
	}
}

// addRoutes' promise: an action routed twice for one API, or a route without a
// handler, panics, and the routes stay as they were.
func TestAddRoutesRefusesTwice(t *testing.T) {
	n := len(routes[backend.VPC])
	for _, r := range []route{
		{API: backend.VPC, Op: backend.OpAllocateEIP, Handler: func(s *Server) handler { return s.allocateEIP }},
		{API: backend.VPC, Op: "DescribeNothing"},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("addRoutes(%s %s) did not panic", r.API, r.Op)
				}
			}()
			addRoutes(r)
		}()
	}
	if len(routes[backend.VPC]) != n {
		t.Errorf("%d VPC routes after, %d before", len(routes[backend.VPC]), n)
	}
}
