package eipassoc_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEAddingStepsAreTrue: the README's "Adding a rule" and "Adding an API
// operation" name files and what each holds; every file it names exists and holds it,
// and every test it names exists, so that moving one of them makes this fail until the
// README follows.
func TestREADMEAddingStepsAreTrue(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start, end := strings.Index(text, "**Adding a rule.**"), strings.Index(text, "they all exist.")
	if start < 0 || end < start {
		t.Fatal(`the README has no "Adding a rule" ... "they all exist." passage`)
	}
	steps := text[start:end]
	// What each file the passage names must hold.
	for file, holds := range map[string]string{
		"rules.go":                   "var rules = append([]Rule{",
		"check/rules.go":             "Rule{",
		"rules_advice.go":            "Severity: Advise",
		"backend/fake/monitoring.go": "backend.Declare(",
		"emulator/monitoring.go":     "addRoutes(",
		"doc.go":                     "go:generate",
	} {
		if !strings.Contains(steps, "`"+file+"`") {
			t.Errorf("the passage no longer names %s; update this test with it", file)
		}
		data, err := os.ReadFile(filepath.FromSlash(file))
		if err != nil || !strings.Contains(string(data), holds) {
			t.Errorf("%s: the README says it holds %q: %v", file, holds, err)
		}
	}
	// The tests it names exist.
	for _, name := range regexp.MustCompile("`(Test[A-Za-z]+)`").FindAllStringSubmatch(steps, -1) {
		if !testExists(t, name[1]) {
			t.Errorf("the README names %s, which no test file declares", name[1])
		}
	}
}

// testExists reports whether some _test.go file of the repository declares func name.
func testExists(t *testing.T, name string) bool {
	found := false
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || found || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		found = err == nil && strings.Contains(string(data), "func "+name+"(")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
