package emulator

import (
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// FuzzFaultSpec: any body sent to POST /_eipassoc/faults is a FaultSpec or an error,
// never a panic; a spec that decodes is either injected or refused with a FaultError,
// and one that is injected is listed back with the same fields.
func FuzzFaultSpec(f *testing.F) {
	for _, seed := range []string{
		`{"action":"AssociateEipAddress","code":"Throttling.User","times":1}`,
		`{"action":"AssociateEipAddress","lost_answer":true}`,
		`{"action":"UnassociateEipAddress","code":"ServiceUnavailable","after_change":true,"rate":0.5}`,
		`{"action":"AllocateEipAddress","code":"X","custom":true,"http_status":503,"latency_ms":5}`,
		`{"action":"NoSuchAction"}`, `{"calls":1}`, `{} {}`, `[`, ``, `{"after":-1}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		spec, err := decodeFaultSpec(strings.NewReader(body))
		if err != nil {
			return
		}
		b := fake.New(fake.Options{})
		if err := b.InjectFault(backend.Op(spec.Action), spec.fault()); err != nil {
			return
		}
		got := b.Faults()
		if len(got) != 1 {
			t.Fatalf("%s: injected, %d faults listed", body, len(got))
		}
		back := faultSpec(got[0])
		back.Calls, back.Fired = 0, 0
		if back != spec {
			t.Fatalf("%s: listed %+v, injected %+v", body, back, spec)
		}
	})
}
