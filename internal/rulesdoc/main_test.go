package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocsFresh: the rules tables of doc.go, docs/rules and the README's table are what
// the rules list generates. When it fails, run go generate in the repository's root
// and review the diff.
func TestDocsFresh(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	files, stale, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Errorf("%s is missing: run go generate in the repository's root", name)
			continue
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is out of step with the rules: run go generate in the repository's root "+
				"(-want +got):\n%s", name, diff)
		}
	}
	for _, name := range stale {
		t.Errorf("%s documents no rule: run go generate in the repository's root", name)
	}
}

func TestWrap(t *testing.T) {
	t.Parallel()
	got := wrap("aa bb cc dd-long-word e", 5)
	want := []string{"aa bb", "cc", "dd-long-word", "e"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("wrap (-want +got):\n%s", diff)
	}
}
