package aliyun_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/aliyun"
	"github.com/eipassoc/eipassoc/backend/backendtest"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
	"github.com/eipassoc/eipassoc/regions"
)

const (
	testKeyID     = "eipassoc-test"
	testKeySecret = "eipassoc-test-secret"
)

// startEmulator serves a seeded fake account over real HTTP on 127.0.0.1 and returns
// the endpoint ("127.0.0.1:PORT").
func startEmulator(t testing.TB, opts fake.Options) string {
	t.Helper()
	f := fake.NewBuilder(opts).
		VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		Instance("i-1", "ecs.g7.large", "vsw-1").
		MustBuild()
	srv, err := emulator.New(emulator.Config{
		Backend: f, AccessKeys: map[string]string{testKeyID: testKeySecret},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return strings.TrimPrefix(ts.URL, "http://")
}

func newBackend(t testing.TB, endpoint string, v2 bool) *aliyun.Backend {
	t.Helper()
	b, err := aliyun.New(aliyun.Config{
		Region: "cn-shanghai", AccessKeyID: testKeyID, AccessKeySecret: testKeySecret,
		Endpoint: endpoint, Protocol: "http", SignatureV2: v2, Timeout: 10 * time.Second,
		HTTPClient: &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestConformanceAgainstEmulator runs the conformance suite on the SDK backend talking
// to the emulator over HTTP, with each signature version.
func TestConformanceAgainstEmulator(t *testing.T) {
	for _, v2 := range []bool{false, true} {
		name := "ACS3-HMAC-SHA256"
		if v2 {
			name = "HMAC-SHA1"
		}
		t.Run(name, func(t *testing.T) {
			backendtest.Run(t, func(t *testing.T) backendtest.Setup {
				endpoint := startEmulator(t, fake.Options{Seed: 5, Account: eipassoc.Account{MultiBindedAllowed: true}})
				return backendtest.Setup{
					Backend: newBackend(t, endpoint, v2), Region: "cn-shanghai", VSwitch: "vsw-1", Instance: "i-1",
					MultiBindedAllowed: true, EIPQuota: 20, Prepaid: true, Timeout: 10 * time.Second,
				}
			})
		})
	}
}

// TestConformanceLive runs the suite against a real account. It needs
// EIPASSOC_LIVE=1, credentials in the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, or another source of the default chain), and the
// resources named by EIPASSOC_LIVE_REGION, EIPASSOC_LIVE_VSWITCH and
// EIPASSOC_LIVE_INSTANCE. It creates and deletes ENIs and pay-as-you-go EIPs, which
// costs a little money.
func TestConformanceLive(t *testing.T) {
	if os.Getenv("EIPASSOC_LIVE") != "1" {
		t.Skip(
			"live test skipped: set EIPASSOC_LIVE=1, credentials, EIPASSOC_LIVE_REGION, EIPASSOC_LIVE_VSWITCH and " +
				"EIPASSOC_LIVE_INSTANCE to run it against a real account",
		)
	}
	region, vsw, inst := os.Getenv(
		"EIPASSOC_LIVE_REGION",
	), os.Getenv(
		"EIPASSOC_LIVE_VSWITCH",
	), os.Getenv(
		"EIPASSOC_LIVE_INSTANCE",
	)
	if region == "" || vsw == "" || inst == "" {
		t.Fatal("EIPASSOC_LIVE=1 needs EIPASSOC_LIVE_REGION, EIPASSOC_LIVE_VSWITCH and EIPASSOC_LIVE_INSTANCE")
	}
	b, err := aliyun.New(aliyun.Config{Region: regions.ID(region)})
	if err != nil {
		t.Fatal(err)
	}
	backendtest.Run(t, func(t *testing.T) backendtest.Setup {
		return backendtest.Setup{
			Backend:  b,
			Region:   regions.ID(region),
			VSwitch:  vsw,
			Instance: inst,
			Timeout:  3 * time.Minute,
		}
	})
}

// TestDeadlineCutsSlowCalls: a call to a slow endpoint ends at the context's deadline
// with the context's error, for a VPC call (no context in the SDK) and an ECS call.
func TestDeadlineCutsSlowCalls(t *testing.T) {
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		MustBuild()
	for _, op := range []backend.Op{backend.OpDescribeEIPs, backend.OpDescribeENIs} {
		_ = f.InjectFault(op, fake.Fault{Latency: 3 * time.Second})
	}
	srv, _ := emulator.New(emulator.Config{Backend: f, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	b := newBackend(t, strings.TrimPrefix(ts.URL, "http://"), false)
	for name, call := range map[string]func(context.Context) error{
		"vpc": func(ctx context.Context) error {
			_, err := b.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: "cn-shanghai"})
			return err
		},
		"ecs": func(ctx context.Context) error {
			_, err := b.DescribeENIs(ctx, backend.DescribeENIsInput{Region: "cn-shanghai"})
			return err
		},
	} {
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		start := time.Now()
		err := call(ctx)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
			t.Errorf("%s: %v after %v", name, err, time.Since(start))
		}
	}
}
