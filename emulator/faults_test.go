package emulator_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// TestFaultOnEveryOperation: a fault injected into the fake for an operation fails that
// operation when it comes through the emulator, before its parameters are read (as the
// cloud throttles before it validates), once (Times: 1): the next call gets past it.
// Every operation of backend.Operations is served, and takes a fault.
func TestFaultOnEveryOperation(t *testing.T) {
	t.Parallel()
	for _, o := range backend.Operations() {
		f := fake.New(fake.Options{})
		s, err := emulator.New(emulator.Config{Backend: f})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.InjectFault(o.Op, fake.Fault{Code: "ServiceUnavailable", Times: 1}); err != nil {
			t.Fatalf("%s: InjectFault: %v", o.Op, err)
		}
		q := url.Values{"Action": {string(o.Op)}, "Version": {o.API.Version()}, "RegionId": {"cn-hangzhou"}}.Encode()
		status, body := unsigned(t, s, http.MethodGet, q, nil, "")
		if status != http.StatusServiceUnavailable || body["Code"] != "ServiceUnavailable" {
			t.Errorf("%s %s with a fault: %d %v, want 503 ServiceUnavailable", o.API, o.Op, status, body["Code"])
		}
		if status, body := unsigned(t, s, http.MethodGet, q, nil, ""); body["Code"] == "ServiceUnavailable" {
			t.Errorf("%s %s after the fault's one time: %d %v", o.API, o.Op, status, body["Code"])
		}
	}
}
