//go:build !live

package main

import (
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
