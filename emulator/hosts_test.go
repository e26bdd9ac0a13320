package emulator_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

const describe = "/?Action=DescribeEipAddresses&Version=" + emulator.VPCVersion + "&RegionId=cn-shanghai"

// TestHostsWithoutKeys: with no access keys, a request that names another host, as a
// web page does after DNS rebinding, or comes from another web origin, is refused.
func TestHostsWithoutKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		hosts        []string
		host, origin string
		want         int
	}{
		{nil, "127.0.0.1:8787", "", 200},
		{nil, "localhost:8787", "", 200},
		{nil, "[::1]:8787", "", 200},
		{nil, "127.0.0.1:8787", "http://127.0.0.1:8787", 200},
		{nil, "attacker.example:8787", "", 403},
		{nil, "127.0.0.1:8787", "http://attacker.example", 403},
		{nil, "10.0.0.5:8787", "", 403},
		{[]string{"emulator"}, "emulator:8787", "", 200},
		{[]string{"emulator:9000"}, "emulator:8787", "", 403},
		{[]string{"EMULATOR:9000"}, "emulator:9000", "", 200},
		{[]string{"emulator"}, "127.0.0.1:8787", "", 403}, // a list replaces the default
	}
	for _, tc := range tests {
		f := fake.NewBuilder(fake.Options{}).EIP("eip-1", "cn-shanghai").MustBuild()
		s, err := emulator.New(
			emulator.Config{Backend: f, Hosts: tc.hosts, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
		)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("POST", describe, nil)
		r.Host = tc.host
		if tc.origin != "" {
			r.Header.Set("Origin", tc.origin)
		}
		status, body := serve(s, r)
		if status != tc.want || (tc.want == 403 && body["Code"] != "Forbidden") {
			t.Errorf(
				"hosts %v, Host %s, Origin %q: %d %v; want %d",
				tc.hosts,
				tc.host,
				tc.origin,
				status,
				body,
				tc.want,
			)
		}
	}
	// With keys, the Host is whatever the signer signed; the signature decides.
	s := newServer(t, map[string]string{keyID: secret})
	r := v3Request(t, map[string]string{"RegionId": "cn-shanghai"}, "hosts-1")
	if status, body := serve(s, r); status != 200 {
		t.Errorf("signed request: %d %v", status, body)
	}
}

// TestHeaderLimitAnswersJSON: a request line or headers over the limit get the cloud's
// JSON error body with 431, over a real connection, not net/http's plain text.
func TestHeaderLimitAnswersJSON(t *testing.T) {
	t.Parallel()
	f := fake.NewBuilder(fake.Options{}).EIP("eip-1", "cn-shanghai").MustBuild()
	s, err := emulator.New(
		emulator.Config{Backend: f, MaxHeaderBytes: 4 << 10, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
	)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(s)
	ts.Config.MaxHeaderBytes = emulator.TransportHeaderBytes
	ts.Start()
	defer ts.Close()
	for name, mutate := range map[string]func(*http.Request){
		"long URL":    func(r *http.Request) { r.URL.RawQuery += "&Pad=" + strings.Repeat("a", 8<<10) },
		"long header": func(r *http.Request) { r.Header.Set("X-Pad", strings.Repeat("b", 8<<10)) },
	} {
		r, _ := http.NewRequest("POST", ts.URL+describe, nil)
		mutate(r)
		resp, err := ts.Client().Do(r)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") ||
			!strings.Contains(string(b), `"Code":"InvalidParameter"`) ||
			!strings.Contains(string(b), `"RequestId"`) {
			t.Errorf("%s: %d %s %s", name, resp.StatusCode, resp.Header.Get("Content-Type"), b)
		}
	}
}
