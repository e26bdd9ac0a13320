package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/emulator"
	"github.com/eipassoc/eipassoc/modes"
)

// TestCheckLive checks the modules plan with -live against an emulator whose account
// has the ENI the plan names only by ID: with two cut-through EIPs planned and one
// already there, the first planned one is now over capacity too.
func TestCheckLive(t *testing.T) {
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		t.Setenv(k, "")
	}
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "live")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "live-secret")
	account := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
		ENI("eni-bp1existing0000001", "vsw-1", 1).
		AssociatedEIP("eip-already", "cn-hangzhou", "eni-bp1existing0000001", modes.Binded, netip.Addr{}).
		ENI("eni-elsewhere", "vsw-1", 1).
		AssociatedEIP("eip-bp1multi", "cn-hangzhou", "eni-elsewhere", modes.NAT, netip.Addr{}). // InUse
		EIP("eip-bp1local", "cn-hangzhou").
		MustBuild()
	if err := account.Seed(fake.Topology{
		EIPs: []fake.EIPSpec{{ID: "eip-bp1eacha", Region: "cn-hangzhou", LockReasons: []eip.LockReason{eip.Security}}},
	}); err != nil {
		t.Fatal(err)
	}
	srv, err := emulator.New(
		emulator.Config{
			Backend:    account,
			AccessKeys: map[string]string{"live": "live-secret"},
			Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	endpoint := strings.TrimPrefix(ts.URL, "http://")

	var out, errOut bytes.Buffer
	code := runWith(
		t.Context(),
		[]string{
			"check",
			"-live",
			"-endpoint",
			endpoint,
			"-protocol",
			"http",
			"-format",
			"json",
			"../../check/testdata/modules/plan.json",
		},
		strings.NewReader(""),
		&out,
		&errOut,
		os.Getenv,
	)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var doc struct {
		Findings []struct {
			Rule    string `json:"rule_id"`
			Address string `json:"address"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range doc.Findings {
		got[f.Address+" "+f.Rule] = true
	}
	for _, want := range []string{
		`alicloud_eip_association.each["a"] eni-capacity`, // the account's EIP already fills the cut-through ENI
		`alicloud_eip_association.each["a"] eip-locked`,   // the account has the EIP security-locked
		"alicloud_eip_association.multi eip-status",       // InUse on another ENI
	} {
		if !got[want] {
			t.Errorf("-live does not report %s:\n%s", want, out.String())
		}
	}
}

// TestCheckLiveUnreachable: an account that cannot be reached is exit status 3.
func TestCheckLiveUnreachable(t *testing.T) {
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "x")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "y")
	code, _, stderr := runCheck(
		t,
		"",
		nil,
		"-live",
		"-endpoint",
		"127.0.0.1:1",
		"-protocol",
		"http",
		"../../check/testdata/modules/plan.json",
	)
	if code != exitAccount || !strings.Contains(stderr, "-live") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
