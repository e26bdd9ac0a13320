package report

import (
	"fmt"
	"io"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/internal/english"
)

// Text writes the findings grouped by resource address, each with its code, message,
// the source of the rule and how to fix it, and a summary line.
func Text(w io.Writer, r *Result) error {
	order, by := grouped(r.Findings)
	ew := &errWriter{w: w}
	for _, addr := range order {
		fs := by[addr]
		head := addr
		if loc := where(fs[0]); loc != "" {
			head += "  (" + loc + ")"
		}
		ew.printf("%s\n", head)
		for _, f := range fs {
			mark := map[check.Status]string{
				check.StatusFail: "✗", check.StatusUnknown: "?", check.StatusSuppressed: "~",
			}[f.Status]
			ew.printf("  %s %-7s %s: %s\n", mark, f.Level, f.Rule, f.Message)
			if f.Suppression != nil {
				ew.printf("      waived (%s): %s\n", f.Suppression.Origin, f.Suppression.Reason)
				continue
			}
			ew.printf("      rule source: %s\n", f.Source)
			if f.Fix != "" {
				ew.printf("      fix: %s\n", f.Fix)
			}
		}
	}
	s := r.Summary()
	ew.printf(
		"%s: %s checked, %s, %s, %s, %d unknown, %d suppressed\n",
		r.Source,
		english.Count(
			s.Checked,
			"resource",
		),
		english.Count(s.Errors, "error"),
		english.Count(s.Warnings, "warning"),
		english.Count(s.Notes, "note"),
		s.Unknown,
		s.Suppressed,
	)
	return ew.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
