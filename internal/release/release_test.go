package release_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/internal/release"
)

// changelog writes a CHANGELOG whose Unreleased section holds the given subsections
// (kind -> entries) over the released versions given, newest first.
func changelog(unreleased map[string][]string, versions ...string) string {
	var b strings.Builder
	b.WriteString("# Changelog\n\nSome prose.\n\n## [Unreleased]\n\n")
	for _, k := range []string{"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"} {
		if es, ok := unreleased[k]; ok {
			b.WriteString("### " + k + "\n")
			for _, e := range es {
				b.WriteString("- " + e + "\n  continued on a second line\n")
			}
			b.WriteString("\n")
		}
	}
	for _, v := range versions {
		b.WriteString("## [" + v + "] - 2026-12-01\n\n### Added\n- everything\n\n### Removed\n- x\n\n")
	}
	b.WriteString("[Unreleased]: https://example.invalid/compare\n")
	return b.String()
}

// TestNext: the bumps of semantic versioning (semver.org, items 6 to 8, and item 4 for
// 0.y.z), worked by hand for each kind of change.
func TestNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		unreleased map[string][]string
		versions   []string
		want       string
	}{
		{"nothing new", nil, []string{"0.1.0"}, "v0.1.0"},
		{"0.x: an addition", map[string][]string{"Added": {"a"}}, []string{"0.1.0"}, "v0.2.0"},
		{"0.x: a fix", map[string][]string{"Fixed": {"a"}}, []string{"0.1.3"}, "v0.1.4"},
		{"0.x: security alone", map[string][]string{"Security": {"a"}}, []string{"0.3.0"}, "v0.3.1"},
		{"0.x: a removal stays minor", map[string][]string{"Removed": {"a"}}, []string{"0.9.2"}, "v0.10.0"},
		{"0.x: breaking stays minor", map[string][]string{"Changed": {"**Breaking** a"}}, []string{"0.1.0"}, "v0.2.0"},
		{"1.x: a fix", map[string][]string{"Fixed": {"a"}}, []string{"1.4.2"}, "v1.4.3"},
		{"1.x: a change", map[string][]string{"Changed": {"a"}, "Fixed": {"b"}}, []string{"1.4.2"}, "v1.5.0"},
		{"1.x: a deprecation", map[string][]string{"Deprecated": {"a"}}, []string{"1.4.2"}, "v1.5.0"},
		{"1.x: a removal", map[string][]string{"Removed": {"a"}, "Added": {"b"}}, []string{"1.4.2"}, "v2.0.0"},
		{"1.x: breaking", map[string][]string{"Changed": {"**Breaking** a"}}, []string{"1.4.2"}, "v2.0.0"},
		{"the newest release counts", map[string][]string{"Fixed": {"a"}}, []string{"0.2.0", "0.1.0"}, "v0.2.1"},
		{"an empty subsection", map[string][]string{"Added": nil}, []string{"0.2.0"}, "v0.2.0"},
	}
	for _, tc := range tests {
		got, err := release.Next([]byte(changelog(tc.unreleased, tc.versions...)))
		if err != nil || got.Tag() != tc.want {
			t.Errorf("%s: Next = %v, %v; want %s", tc.name, got, err, tc.want)
		}
	}
}

// TestNextErrors: a heading of another form is an error naming its line, never a
// silent change of version.
func TestNextErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want string
	}{
		{"## [Unreleased]\n### Added\n- a\n", ""}, // no release: ErrNoRelease
		{"## [Unreleased]\n### Added\n- a\n## [0.1] - 2026-12-01\n", "line 4"},
		{"## [Unreleased]\n### Addded\n- a\n## [0.1.0] - 2026-12-01\n", "line 2"},
		{"## [Unreleased]\n## 0.1.0\n", "line 2"},
	} {
		_, err := release.Next([]byte(tc.text))
		switch {
		case tc.want == "" && !errors.Is(err, release.ErrNoRelease):
			t.Errorf("%q: %v, want ErrNoRelease", tc.text, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: %v, want an error naming %s", tc.text, err, tc.want)
		}
	}
}

// TestThisChangelogReads: the project's CHANGELOG is of the form Next reads, so that
// the release script and the documentation checks agree on its next version.
func TestThisChangelogReads(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := release.Next(data); err != nil {
		t.Fatal(err)
	}
}

// FuzzNext: no text makes Next panic, and a version it gives is never below the
// newest release it read.
func FuzzNext(f *testing.F) {
	f.Add(changelog(map[string][]string{"Added": {"a"}}, "0.1.0"))
	f.Add(changelog(nil, "1.2.3"))
	f.Add("## [Unreleased]\n### Removed\n- x\n## [1.0.0] - 2026-01-01\n")
	f.Add("## [0.1.0] - 2026-01-01\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		v, err := release.Next([]byte(text))
		if err != nil {
			return
		}
		if v.Major < 0 || v.Minor < 0 || v.Patch < 0 {
			t.Fatalf("negative version %v", v)
		}
	})
}
