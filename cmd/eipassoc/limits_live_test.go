package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
	"github.com/eipassoc/eipassoc/eni"
)

// limitsEndpoint serves an account whose DescribeInstanceTypes answers from the
// built-in table plus one newer type.
func limitsEndpoint(t *testing.T) string {
	t.Helper()
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		t.Setenv(k, "")
	}
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "limits")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "limits-secret")
	account := fake.New(fake.Options{Limits: map[string]eni.Limits{"ecs.g8i.large": {ENIs: 3, PrivateIPsPerENI: 15}}})
	srv, err := emulator.New(
		emulator.Config{
			Backend:    account,
			AccessKeys: map[string]string{"limits": "limits-secret"},
			Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return strings.TrimPrefix(ts.URL, "http://")
}

// TestLimitsFromTheAccount runs "eipassoc limits" against the emulator and reads the
// table back with eni.ParseLimits. Expected values: ecs.g7.2xlarge 4 ENIs / 15 IPs is
// the API facts' sample answer; ecs.c5.large 2/6 is the documentation's table; 595 is
// the 594 entries of eni/limits.txt (counted by hand with a script over its lines) plus
// the account's ecs.g8i.large: six pages of 100, so the paging is followed to the end.
func TestLimitsFromTheAccount(t *testing.T) {
	endpoint := limitsEndpoint(t)
	file := filepath.Join(t.TempDir(), "limits.txt")
	var out, errOut bytes.Buffer
	code := runWith(
		t.Context(),
		[]string{"limits", "-endpoint", endpoint, "-protocol", "http", "-region", "cn-shanghai",
			"-types", "ecs.g7.2xlarge,ecs.c5.large", "-types", "ecs.g8i.large", "-o", file},
		strings.NewReader(""),
		&out,
		&errOut,
		os.Getenv,
	)
	if code != exitOK || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "3 instance types written") {
		t.Errorf("summary: %q", errOut.String())
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table, err := eni.ParseLimits(f)
	if err != nil {
		t.Fatalf("the written table does not parse: %v", err)
	}
	for typ, want := range map[string]eni.Limits{
		"ecs.g7.2xlarge": {ENIs: 4, PrivateIPsPerENI: 15},
		"ecs.c5.large":   {ENIs: 2, PrivateIPsPerENI: 6},
		"ecs.g8i.large":  {ENIs: 3, PrivateIPsPerENI: 15},
	} {
		if got, ok := table.Lookup(typ); !ok || got != want {
			t.Errorf("%s: %+v %v, want %+v", typ, got, ok, want)
		}
	}

	out.Reset()
	errOut.Reset()
	code = runWith(
		t.Context(),
		[]string{"limits", "-endpoint", endpoint, "-protocol", "http"},
		strings.NewReader(""),
		&out,
		&errOut,
		os.Getenv,
	)
	if code != exitOK {
		t.Fatalf("all types: exit %d: %s", code, errOut.String())
	}
	all, err := eni.ParseLimits(&out)
	if err != nil || all.Len() != 595 {
		t.Fatalf("all types: %d types, %v", all.Len(), err)
	}
}

// TestLimitsUnreachable: an account that cannot be reached is exit status 3, and no
// file is left behind.
func TestLimitsUnreachable(t *testing.T) {
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "x")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "y")
	file := filepath.Join(t.TempDir(), "limits.txt")
	var out, errOut bytes.Buffer
	code := runWith(
		t.Context(),
		[]string{"limits", "-endpoint", "127.0.0.1:1", "-protocol", "http", "-o", file},
		strings.NewReader(""),
		&out,
		&errOut,
		os.Getenv,
	)
	if code != exitAccount {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a file was written: %v", err)
	}
}
