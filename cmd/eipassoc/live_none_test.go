//go:build !live

package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckLiveNeedsTheTag: a binary built without the live tag refuses -live as a
// usage error (exit 2) that says how to get one that reads accounts, before it reads
// the plan.
func TestCheckLiveNeedsTheTag(t *testing.T) {
	code, stdout, stderr := runCheck(t, "", nil, "-live", "does-not-exist.json")
	if code != exitUsage || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want exit %d and nothing on stdout", code, stdout, exitUsage)
	}
	for _, want := range []string{"-tags live", "release binary"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not say %q", stderr, want)
		}
	}
}

// TestLimitsNeedsTheTag: "limits" reads an account, so without the live tag it is a
// usage error that says how to get a binary that can.
func TestLimitsNeedsTheTag(t *testing.T) {
	var out, errOut bytes.Buffer
	code := runWith(
		t.Context(),
		[]string{"limits"},
		strings.NewReader(""),
		&out,
		&errOut,
		func(string) string { return "" },
	)
	if code != exitUsage || out.Len() != 0 || !strings.Contains(errOut.String(), "-tags live") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
