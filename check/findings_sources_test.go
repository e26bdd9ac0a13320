package check_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// sourceFixtures are the fixtures whose plans come with their .tf sources.
func sourceFixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{
		"testdata/v9/*", "testdata/v19/*", "testdata/basic", "testdata/modules", "testdata/scale",
	} {
		dirs, _ := filepath.Glob(pattern)
		for _, d := range dirs {
			if tf, _ := filepath.Glob(filepath.Join(d, "*.tf")); len(tf) > 0 {
				if _, err := os.Stat(filepath.Join(d, "plan.json")); err == nil {
					out = append(out, d)
				}
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d fixtures with sources", len(out))
	}
	return out
}

// decided lists the findings that decide something: failures, by address and rule.
func decided(fs []check.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Status == check.StatusFail {
			out = append(out, f.Address+" "+string(f.Rule))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// copyTree copies the fixture dir (sources, modules, plan) to a new directory.
func copyTree(t *rapid.T, dir string) string {
	dst, err := os.MkdirTemp("", "eipassoc-sources")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// mutate edits the sources in dir as a user may after making the plan: a line
// removed, a digit changed, a word changed, or a file gone.
func mutate(t *rapid.T, dir string) {
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, _ error) error {
		if !d.IsDir() && strings.HasSuffix(path, ".tf") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		return
	}
	file := rapid.SampledFrom(files).Draw(t, "file")
	data, _ := os.ReadFile(file)
	lines := strings.Split(string(data), "\n")
	i := rapid.IntRange(0, len(lines)-1).Draw(t, "line")
	switch rapid.IntRange(0, 3).Draw(t, "edit") {
	case 0:
		lines = slices.Delete(lines, i, i+1)
	case 1:
		lines[i] = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0' + (r-'0'+1)%10
			}
			return r
		}, lines[i])
	case 2:
		lines[i] = strings.Replace(lines[i], "a", "b", 1)
	case 3:
		_ = os.Remove(file)
		return
	}
	_ = os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644)
}

func runWithSources(t *rapid.T, dir, sources string) []check.Finding {
	f, err := os.Open(filepath.Join(dir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := check.LoadPlan(
		f,
		"plan.json",
		check.PlanOptions{Getenv: func(string) string { return "" }, SourceDir: sources},
	)
	if err != nil {
		t.Fatalf("%s with sources %q: %v", dir, sources, err)
	}
	return check.Run(m, v9Options)
}

// TestSourcesOnlyAddKnowledge: whatever the sources next to a plan say (the plan's own,
// or edited after it was made: a line gone, a number changed, a file gone), every
// finding the plan decides without sources is decided the same way with them.
func TestSourcesOnlyAddKnowledge(t *testing.T) {
	t.Parallel()
	fixtures := sourceFixtures(t)
	rapid.Check(t, func(t *rapid.T) {
		dir := rapid.SampledFrom(fixtures).Draw(t, "fixture")
		without := decided(runWithSources(t, dir, ""))
		sources := copyTree(t, dir)
		defer os.RemoveAll(sources)
		if rapid.Bool().Draw(t, "edited") {
			mutate(t, sources)
		}
		with := decided(runWithSources(t, dir, sources))
		for _, f := range without {
			if !slices.Contains(with, f) {
				t.Fatalf("%s: %s is decided without sources and not with them (%v)", dir, f, with)
			}
		}
	})
}

// TestSourcesOnDemand: with PlanOptions.SourcesOnDemand the findings (and what is
// checked) are those of evaluating the sources at once, on every fixture that comes
// with its sources, under each policy for undecided rules; the sources are evaluated
// only when the plan alone leaves a rule undecided.
func TestSourcesOnDemand(t *testing.T) {
	t.Parallel()
	load := func(dir string, onDemand bool) *check.Model {
		f, err := os.Open(filepath.Join(dir, "plan.json"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := check.LoadPlan(
			f,
			"plan.json",
			check.PlanOptions{Getenv: func(string) string { return "" }, SourceDir: dir, SourcesOnDemand: onDemand},
		)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	fixtures := append(
		sourceFixtures(t),
		"testdata/v14/typed-set-bad",
		"testdata/v14/provider-alias-bad",
		"testdata/scale-map",
		"testdata/scale-nested",
	)
	for _, dir := range fixtures {
		for _, policy := range []check.UnknownPolicy{check.UnknownWarn, check.UnknownIgnore, check.UnknownFail} {
			opts := v9Options
			opts.Unknown = policy
			eager, lazy := load(dir, false), load(dir, true)
			want, got := check.Run(eager, opts), check.Run(lazy, opts)
			if diff := cmp.Diff(brief(want), brief(got)); diff != "" {
				t.Errorf("%s (%s) (-at once +on demand):\n%s", dir, policy, diff)
			}
			if diff := cmp.Diff(eager.Checked(), lazy.Checked()); diff != "" {
				t.Errorf("%s (%s): checked (-at once +on demand):\n%s", dir, policy, diff)
			}
		}
	}
}
