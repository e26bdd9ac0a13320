package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionEverywhere: the link-time version and commit are what "version" and
// "--version" print and what the JSON and SARIF reports name as the tool's version.
func TestVersionEverywhere(t *testing.T) {
	oldVersion, oldCommit := version, commit
	t.Cleanup(func() { version, commit = oldVersion, oldCommit })
	version, commit = "v9.8.7", "0123456789abcdef0123456789abcdef01234567"

	want := "eipassoc v9.8.7 (commit 0123456789ab, " + runtime.Version() + ")\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out, errOut bytes.Buffer
		code := runWith(t.Context(), args, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if code != exitOK || out.String() != want {
			t.Errorf("%v: exit %d, %q; want %q", args, code, out.String(), want)
		}
	}

	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	_, stdout, stderr := runCheck(t, "", nil, "-fail-on", "never", "-format", "json=-,sarif="+sarifPath, basicPlan)
	var doc struct {
		Tool struct{ Version string } `json:"tool"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, stderr)
	}
	if doc.Tool.Version != "v9.8.7" {
		t.Errorf("JSON tool.version = %q, want v9.8.7", doc.Tool.Version)
	}
	raw, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Version string } `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &sarif); err != nil || len(sarif.Runs) != 1 {
		t.Fatalf("SARIF report: %v, %d runs", err, len(sarif.Runs))
	}
	if got := sarif.Runs[0].Tool.Driver.Version; got != "v9.8.7" {
		t.Errorf("SARIF driver version = %q, want v9.8.7", got)
	}
}

// TestBuildString: the commit is shortened to 12 digits, a dirty mark is kept, and a
// binary without VCS information says so.
func TestBuildString(t *testing.T) {
	tests := []struct {
		b    build
		want string
	}{
		{build{"v0.1.0", "0123456789abcdef", "go1.26.0"}, "eipassoc v0.1.0 (commit 0123456789ab, go1.26.0)"},
		{build{"devel", "0123456789abcdef-dirty", "go1.26.0"}, "eipassoc devel (commit 0123456789ab-dirty, go1.26.0)"},
		{build{"devel", "", "go1.26.0"}, "eipassoc devel (commit unknown, go1.26.0)"},
		{build{"devel", "abc", "go1.26.0"}, "eipassoc devel (commit abc, go1.26.0)"},
	}
	for _, tt := range tests {
		if got := tt.b.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.b, got, tt.want)
		}
	}
}
