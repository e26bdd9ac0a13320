package emulator_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

func manage(t *testing.T, s *emulator.Server, method, path, host string) (int, []byte) {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	r.Host = host
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q", method, path, ct)
	}
	return w.Code, w.Body.Bytes()
}

// TestManagementEndpoints: health, the list of actions, the state as a topology that
// seeds the same account, and a reset that undoes the API calls made since start.
func TestManagementEndpoints(t *testing.T) {
	t.Parallel()
	s := newServer(t, map[string]string{keyID: secret})
	const host = "127.0.0.1:8787"

	code, body := manage(t, s, "GET", "/_eipassoc/health", host)
	if code != 200 || !bytes.Contains(body, []byte(`"status":"ok"`)) ||
		!bytes.Contains(body, []byte(`"signatures":true`)) {
		t.Errorf("health: %d %s", code, body)
	}

	code, body = manage(t, s, "GET", "/_eipassoc/actions", host)
	var actions []emulator.Action
	if err := json.Unmarshal(body, &actions); code != 200 || err != nil {
		t.Fatalf("actions: %d %v %s", code, err, body)
	}
	// From the API facts: AssociateEipAddress is VPC 2016-04-28, CreateNetworkInterface
	// is ECS 2014-05-26, both served; DescribeNatGateways and CreateNatGateway (VPC) are
	// real actions the emulator does not model.
	for _, want := range []emulator.Action{
		{"Vpc", "2016-04-28", "AssociateEipAddress", true}, {"Ecs", "2014-05-26", "CreateNetworkInterface", true},
		{"Vpc", "2016-04-28", "DescribeNatGateways", false}, {"Vpc", "2016-04-28", "CreateNatGateway", false},
	} {
		found := false
		for _, a := range actions {
			found = found || a == want
		}
		if !found {
			t.Errorf("actions lack %+v", want)
		}
	}
	served := 0
	for _, a := range actions {
		if a.Served {
			served++
		}
	}
	if served != len(s.Served()) || len(actions) < 500 {
		t.Errorf("%d actions listed, %d served; the server serves %d", len(actions), served, len(s.Served()))
	}

	// Release the seeded EIP through the signed API, see the state without it, then
	// reset and see it again.
	eipsInState := func() int {
		code, body := manage(t, s, "GET", "/_eipassoc/state", host)
		topo, err := fake.LoadTopology(bytes.NewReader(body))
		if code != 200 || err != nil {
			t.Fatalf("state: %d %v %s", code, err, body)
		}
		return len(topo.EIPs)
	}
	if n := eipsInState(); n != 1 {
		t.Fatalf("seeded state has %d EIPs, want 1", n)
	}
	if status, body := serve(s, signedV2(t, "ReleaseEipAddress", map[string]string{
		"RegionId": "cn-shanghai", "AllocationId": "eip-1",
	}, "manage-1")); status != 200 {
		t.Fatalf("ReleaseEipAddress: %d %v", status, body)
	}
	if n := eipsInState(); n != 0 {
		t.Fatalf("after the release the state has %d EIPs", n)
	}
	if code, body := manage(t, s, "POST", "/_eipassoc/reset", host); code != 200 {
		t.Fatalf("reset: %d %s", code, body)
	}
	if n := eipsInState(); n != 1 {
		t.Fatalf("after reset the state has %d EIPs, want 1", n)
	}
}

// TestManagementRefusals: a wrong method, an unknown endpoint and a foreign host get
// JSON errors; the endpoints are unsigned, so the host check holds with keys too.
func TestManagementRefusals(t *testing.T) {
	t.Parallel()
	s := newServer(t, map[string]string{keyID: secret})
	for _, tc := range []struct {
		method, path, host string
		want               int
		code               string
	}{
		{"GET", "/_eipassoc/reset", "127.0.0.1:8787", 405, "UnsupportedHTTPMethod"},
		{"POST", "/_eipassoc/state", "127.0.0.1:8787", 405, "UnsupportedHTTPMethod"},
		{"GET", "/_eipassoc/nope", "127.0.0.1:8787", 404, "InvalidAction.NotFound"},
		{"POST", "/_eipassoc/reset", "attacker.example:8787", 403, "Forbidden"},
		{"GET", "/_eipassoc/state", "attacker.example", 403, "Forbidden"},
	} {
		code, body := manage(t, s, tc.method, tc.path, tc.host)
		var e struct{ Code, RequestId string }
		if err := json.Unmarshal(body, &e); err != nil || code != tc.want || e.Code != tc.code || e.RequestId == "" {
			t.Errorf("%s %s (Host %s): %d %s; want %d %s", tc.method, tc.path, tc.host, code, body, tc.want, tc.code)
		}
	}
}
