package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// version and commit are set at link time by the release build:
//
//	go build -ldflags "-X main.version=v0.2.0 -X main.commit=$(git rev-parse HEAD)"
//
// Left empty, they come from the module's build information: the tag of a
// "go install ...@v0.2.0", or for a build from a checkout the pseudo-version and VCS
// revision that Go stamps from it.
var (
	version string
	commit  string
)

// A build describes the running binary.
type build struct {
	Version string // v0.2.0, a pseudo-version for a build from a checkout, or "devel" without VCS data
	Commit  string // the VCS revision, with "-dirty" for uncommitted changes; may be empty
	Go      string // the Go version that built it
}

// currentBuild reads the link-time values and the module's build information.
func currentBuild() build {
	b := build{Version: version, Commit: commit, Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if ok {
		if b.Version == "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		if b.Commit == "" {
			dirty := false
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					b.Commit = s.Value
				case "vcs.modified":
					dirty = s.Value == "true"
				}
			}
			if dirty && b.Commit != "" {
				b.Commit += "-dirty"
			}
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// String gives the line "eipassoc version" prints, with the commit shortened to 12
// digits (and a -dirty mark kept).
func (b build) String() string {
	commit, dirty := strings.CutSuffix(b.Commit, "-dirty")
	commit = commit[:min(len(commit), 12)]
	switch {
	case commit == "":
		commit = "unknown"
	case dirty:
		commit += "-dirty"
	}
	return fmt.Sprintf("eipassoc %s (commit %s, %s)", b.Version, commit, b.Go)
}

// versionCmd prints the version, the commit and the Go version.
func versionCmd(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand(
		"version",
		"",
		"Prints the version, the commit and the Go version of this binary (also: eipassoc --version).",
		"",
	)
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	fmt.Fprintln(stdout, currentBuild())
	return exitOK
}
