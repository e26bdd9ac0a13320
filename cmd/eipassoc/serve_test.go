package main

import (
	"bytes"
	"context"
	"net/http"
	"net/netip"
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
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-topology", "testdata/topology.json", "-access-key", "demo:demo-secret"}, &stderr, &stderr)
	}()
	var endpoint string
	for deadline := time.Now().Add(10 * time.Second); endpoint == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := endpointRE.FindStringSubmatch(stderr.String()); m != nil {
			endpoint = m[1]
		}
	}
	if endpoint == "" {
		cancel()
		t.Fatalf("serve did not announce its endpoint:\n%s", stderr.String())
	}
	b, err := aliyun.New(aliyun.Config{Region: "cn-shanghai", AccessKeyID: "demo", AccessKeySecret: "demo-secret", Endpoint: endpoint, Protocol: "http",
		HTTPClient: &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	c := client.New(b, client.Options{PollInterval: 5 * time.Millisecond})
	a, err := c.Associate(ctx, client.AssociateRequest{Region: "cn-shanghai", EIP: "eip-demo-1", ENI: "eni-demo", Mode: modes.NAT, PrivateIP: mustSecondary(t, b)})
	if err != nil || a.Association.InstanceID != "eni-demo" {
		t.Fatalf("Associate through serve: %+v, %v", a, err)
	}
	wrong, _ := aliyun.New(aliyun.Config{Region: "cn-shanghai", AccessKeyID: "demo", AccessKeySecret: "wrong", Endpoint: endpoint, Protocol: "http",
		HTTPClient: &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second}})
	if _, err := wrong.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: "cn-shanghai"}); backend.Code(err) != "SignatureDoesNotMatch" {
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
	for _, want := range []string{"action=AssociateEipAddress", "status=200", "code=SignatureDoesNotMatch", "shutting down"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if strings.Contains(stderr.String(), "demo-secret") {
		t.Error("the log shows the secret")
	}
}

func mustSecondary(t *testing.T, b backend.Backend) netip.Addr {
	t.Helper()
	page, err := b.DescribeENIs(t.Context(), backend.DescribeENIsInput{Region: "cn-shanghai", IDs: []eni.ID{"eni-demo"}})
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
