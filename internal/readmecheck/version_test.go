package readmecheck

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/eipassoc/eipassoc/internal/release"
)

// pins match the places a document names a release for the user to install: the
// install script's URL and argument, go install, the Action, the tflint plugin block,
// the Action's default and the container's build argument.
var pins = []*regexp.Regexp{
	regexp.MustCompile(`eipassoc/eipassoc/(v\d+\.\d+\.\d+)/scripts/install\.sh`),
	regexp.MustCompile(`install\.sh \| bash -s (v\d+\.\d+\.\d+)`),
	regexp.MustCompile(`github\.com/eipassoc/eipassoc/cmd/[a-z-]+@(v\d+\.\d+\.\d+)`),
	regexp.MustCompile(`uses: eipassoc/eipassoc@(v\d+\.\d+\.\d+)`),
	regexp.MustCompile(`(?m)^\s*version\s*=\s*"(\d+\.\d+\.\d+)"`),
	regexp.MustCompile(`(?m)^\s*default: (v\d+\.\d+\.\d+)`),
	regexp.MustCompile(`VERSION=(v\d+\.\d+\.\d+)`),
}

// TestInstallPathsNameTheNextRelease: every release a document tells the user to
// install is the one scripts/release.sh publishes next (release.Next of the
// CHANGELOG), so that no install path points at a release without what the document
// describes. The README alone must name it at least six times (script URL and
// argument, go install, the Action, the plugin block, GitLab): a pin the patterns miss
// would make this test pass on nothing.
func TestInstallPathsNameTheNextRelease(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	changelog, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	next, err := release.Next(changelog)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, name := range append([]string{"README.md", "action.yml", "Dockerfile"}, relative(t, root, docs)...) {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pins {
			for _, m := range p.FindAllSubmatch(data, -1) {
				counts[name]++
				if got := string(m[1]); got != next.Tag() && got != next.String() {
					t.Errorf("%s: %q names %s; the next release is %s", name, m[0], got, next.Tag())
				}
			}
		}
	}
	if counts["README.md"] < 6 || counts["action.yml"] != 1 || counts["Dockerfile"] != 1 {
		t.Errorf("pins found: %v; the README has at least 6, action.yml and the Dockerfile one each", counts)
	}
}

func relative(t *testing.T, root string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = r
	}
	return out
}
