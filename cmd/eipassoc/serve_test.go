package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/netip"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/aliyun"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var endpointRE = regexp.MustCompile(`endpoint=(127\.0\.0\.1:\d+)`)

// TestServe starts "eipassoc serve" on a free port with a topology and a key, drives it
// with the SDK backend and the Client, and stops it through the context.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	var stderr syncBuffer
	endpoint, exit := startServe(
		t,
		ctx,
		cancel,
		&stderr,
		"-topology",
		"testdata/topology.json",
		"-access-key",
		"demo:demo-secret",
	)
	b, err := aliyun.New(
		aliyun.Config{
			Region:          "cn-shanghai",
			AccessKeyID:     "demo",
			AccessKeySecret: "demo-secret",
			Endpoint:        endpoint,
			Protocol:        "http",
			HTTPClient:      &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second},
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	c := client.New(b, client.Options{PollInterval: 5 * time.Millisecond})
	a, err := c.Associate(
		ctx,
		client.AssociateRequest{
			Region:    "cn-shanghai",
			EIP:       "eip-demo-1",
			ENI:       "eni-demo",
			Mode:      modes.NAT,
			PrivateIP: mustSecondary(t, b),
		},
	)
	if err != nil || a.Association.InstanceID != "eni-demo" {
		t.Fatalf("Associate through serve: %+v, %v", a, err)
	}
	wrong, _ := aliyun.New(
		aliyun.Config{
			Region:          "cn-shanghai",
			AccessKeyID:     "demo",
			AccessKeySecret: "wrong",
			Endpoint:        endpoint,
			Protocol:        "http",
			HTTPClient:      &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second},
		},
	)
	if _, err := wrong.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: "cn-shanghai"}); backend.Code(
		err,
	) != "SignatureDoesNotMatch" {
		t.Errorf("wrong secret: %v", err)
	}
	cancel()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit %d\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	for _, want := range []string{
		"action=AssociateEipAddress", "status=200", "code=SignatureDoesNotMatch", "shutting down",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if strings.Contains(stderr.String(), "demo-secret") {
		t.Error("the log shows the secret")
	}
}

// startServe runs "eipassoc serve" on a free port with args and returns its endpoint
// and the channel its exit status arrives on.
func startServe(
	t *testing.T,
	ctx context.Context,
	cancel context.CancelFunc,
	stderr *syncBuffer,
	args ...string,
) (string, chan int) {
	t.Helper()
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), stderr, stderr)
	}()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := endpointRE.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], exit
		}
	}
	cancel()
	t.Fatalf("serve did not announce its endpoint:\n%s", stderr.String())
	return "", nil
}

// TestServeState: with -state, what the API changed survives a restart; the first start
// seeds from -topology, the second from the saved file.
func TestServeState(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	httpc := &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second}
	get := func(url string) string {
		resp, err := httpc.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
		}
		return string(b)
	}
	for round := range 2 {
		ctx, cancel := context.WithCancel(t.Context())
		var stderr syncBuffer
		endpoint, exit := startServe(t, ctx, cancel, &stderr, "-topology", "testdata/topology.json", "-state", state)
		if round == 0 {
			// Release eip-demo-1 (unsigned: the server has no keys).
			get(
				"http://" + endpoint + "/?Action=ReleaseEipAddress&Version=2016-04-28&RegionId=cn-shanghai&AllocationId=eip-demo-1",
			)
		}
		if topo := get("http://" + endpoint + "/_eipassoc/state"); strings.Contains(topo, "eip-demo-1") ||
			!strings.Contains(topo, "eip-demo-2") {
			t.Errorf("round %d: the state has the released EIP, or lost the other:\n%s", round, topo)
		}
		cancel()
		if code := <-exit; code != exitOK {
			t.Fatalf("round %d: exit %d\n%s", round, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "state saved") {
			t.Errorf("round %d: the log does not say the state was saved", round)
		}
	}
}

func mustSecondary(t *testing.T, b backend.Backend) netip.Addr {
	t.Helper()
	page, err := b.DescribeENIs(
		t.Context(),
		backend.DescribeENIsInput{Region: "cn-shanghai", IDs: []eni.ID{"eni-demo"}},
	)
	if err != nil || len(page.ENIs) != 1 || len(page.ENIs[0].SecondaryIPs) != 1 {
		t.Fatalf("DescribeENIs: %+v, %v", page, err)
	}
	return page.ENIs[0].SecondaryIPs[0]
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{nil, exitUsage},
		{[]string{"help"}, exitOK},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"serve", "-nope"}, exitUsage},
		{[]string{"serve", "-h"}, exitOK},
		{[]string{"serve", "extra"}, exitUsage},
		{[]string{"serve", "-access-key", "nocolon"}, exitUsage},
		{[]string{"serve", "-log-format", "xml"}, exitUsage},
		{[]string{"serve", "-eip-quota", "0"}, exitUsage},
		{[]string{"serve", "-topology", "testdata/missing.json"}, exitUsage},
		{[]string{"serve", "-addr", "256.0.0.1:99999"}, exitFail},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		if got := run(t.Context(), tc.args, &out, &errOut); got != tc.want {
			t.Errorf("run(%q) = %d, want %d\n%s", tc.args, got, tc.want, errOut.String())
		}
	}
}
