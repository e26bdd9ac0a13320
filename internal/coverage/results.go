package coverage

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Outcome is what one step of a coverage run did to one argument's block.
type Outcome string

// The outcomes of a step.
const (
	OK      Outcome = "ok"      // applied, or destroyed
	Failed  Outcome = "failed"  // the step failed on the block; Result.Error says how
	Clean   Outcome = "clean"   // the plan after it shows no change
	Changes Outcome = "changes" // the plan after it shows a change
	Skipped Outcome = "-"       // not run: an earlier step failed, or nothing to update
)

// A Result is what a coverage run did with one argument: the first apply, the plan
// after it, the update, the plan after that, and the destroy.
type Result struct {
	Key                                  string // the argument's key, as [Argument.Key]
	Apply, Replan, Update, Replan2, Gone Outcome
	// Error is the first error the provider reported for the block, on one line.
	Error string
}

// Passed says whether the argument applied, re-planned clean, updated where it had
// an update and re-planned clean again, and was destroyed.
func (r Result) Passed() bool {
	return r.Apply == OK && r.Replan == Clean && r.Update != Failed && r.Replan2 != Changes && r.Gone == OK
}

const resultsHeader = "argument\tapply\treplan\tupdate\treplan2\tdestroy\terror"

// FormatResults writes results as the TSV of testdata/results.tsv, sorted by key.
func FormatResults(results []Result) string {
	results = slices.Clone(results)
	slices.SortFunc(results, func(a, b Result) int { return cmp.Compare(a.Key, b.Key) })
	var b strings.Builder
	b.WriteString(resultsHeader + "\n")
	for _, r := range results {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Key, r.Apply, r.Replan, r.Update, r.Replan2, r.Gone,
			oneLine(r.Error))
	}
	return b.String()
}

// ParseResults reads what FormatResults writes.
func ParseResults(text string) ([]Result, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) == 0 || lines[0] != resultsHeader {
		return nil, fmt.Errorf("coverage: results: the first line must be %q", resultsHeader)
	}
	var out []Result
	for n, line := range lines[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) != 7 {
			return nil, fmt.Errorf("coverage: results line %d: %d columns, want 7", n+2, len(cols))
		}
		out = append(out, Result{Key: cols[0], Apply: Outcome(cols[1]), Replan: Outcome(cols[2]),
			Update: Outcome(cols[3]), Replan2: Outcome(cols[4]), Gone: Outcome(cols[5]), Error: cols[6]})
	}
	return out, nil
}

// oneLine folds an error onto one line of at most 300 bytes, with no tabs.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}
