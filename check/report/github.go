package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/internal/english"
)

// GitHub caps: at most 10 annotations of each level per step and 50 per job; more are
// dropped silently, so the writer cuts them itself and says so.
const (
	githubPerLevel = 10
	githubPerJob   = 50
)

// GitHub writes GitHub Actions workflow commands (::error, ::warning, ::notice), errors
// first, within GitHub's caps, followed by a plain log of every finding; when summary
// is not nil it also gets a markdown table of all findings for $GITHUB_STEP_SUMMARY.
func GitHub(w io.Writer, summary io.Writer, r *Result) error {
	ew := &errWriter{w: w}
	active := make([]check.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f.Status != check.StatusSuppressed {
			active = append(active, f)
		}
	}
	emitted, cut := 0, 0
	for _, level := range []check.Level{check.LevelError, check.LevelWarning, check.LevelNote} {
		n := 0
		for _, f := range active {
			if f.Level != level {
				continue
			}
			if n >= githubPerLevel || emitted >= githubPerJob {
				cut++
				continue
			}
			n++
			emitted++
			ew.printf("%s\n", annotation(f, r.Source))
		}
	}
	if cut > 0 {
		ew.printf(
			"::notice title=eipassoc::%d more findings are not shown as annotations (GitHub shows at most %d per "+
				"level); see the log or the SARIF report\n",
			cut,
			githubPerLevel,
		)
	}
	ew.printf("::group::eipassoc findings\n")
	if err := Text(w, r); err != nil {
		return err
	}
	ew.printf("::endgroup::\n")
	if summary != nil {
		writeSummary(summary, r)
	}
	return ew.err
}

func annotation(f check.Finding, source string) string {
	kind := map[check.Level]string{
		check.LevelError: "error", check.LevelWarning: "warning", check.LevelNote: "notice",
	}[f.Level]
	file, line, end := source, 1, 1
	if f.Location.File != "" {
		file, line, end = f.Location.File, f.Location.StartLine, max(f.Location.EndLine, f.Location.StartLine)
	}
	return fmt.Sprintf(
		"::%s file=%s,line=%d,endLine=%d,title=%s::%s",
		kind,
		property(file),
		line,
		end,
		property(string(f.Rule)),
		data(f.Address+": "+f.Message),
	)
}

// data escapes a workflow command's message.
func data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// property escapes a workflow command's property value.
func property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func writeSummary(w io.Writer, r *Result) {
	s := r.Summary()
	fmt.Fprintf(
		w,
		"### eipassoc: %s checked\n\n%s, %s, %d unknown, %d suppressed\n\n",
		english.Count(s.Checked, "resource"),
		english.Count(s.Errors, "error"),
		english.Count(s.Warnings, "warning"),
		s.Unknown,
		s.Suppressed,
	)
	if len(r.Findings) == 0 {
		return
	}
	fmt.Fprintln(w, "| status | level | rule | resource | message |\n|---|---|---|---|---|")
	for _, f := range r.Findings {
		fmt.Fprintf(
			w,
			"| %s | %s | `%s` | `%s` | %s |\n",
			f.Status,
			f.Level,
			f.Rule,
			f.Address,
			strings.ReplaceAll(f.Message, "|", "\\|"),
		)
	}
}
