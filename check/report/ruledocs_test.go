package report_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
)

const docsDir = "../../docs/rules"

// TestSARIFHelpLinksExist: every rule's helpUri names a page that exists in docs/rules.
func TestSARIFHelpLinksExist(t *testing.T) {
	t.Parallel()
	for _, r := range check.AllRules() {
		uri := report.RuleDocURI(r.Code)
		name, ok := strings.CutPrefix(uri, report.InformationURI+"/blob/main/docs/rules/")
		if !ok {
			t.Fatalf("%s: %s is not under the repository's docs/rules", r.Code, uri)
		}
		if _, err := os.Stat(filepath.Join(docsDir, name)); err != nil {
			t.Errorf("%s: %s does not exist", r.Code, uri)
		}
	}
	if names := slices.Collect(func(yield func(string) bool) {
		for n := range report.RulePages() {
			if !yield(n) {
				return
			}
		}
	}); len(names) < 40 {
		t.Errorf("only %d pages", len(names))
	}
}
