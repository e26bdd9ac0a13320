// Package report writes the findings of "eipassoc check" in the formats CI systems
// read: text for people, JSON (schema version 1, see [JSON]), SARIF 2.1.0 for GitHub
// code scanning, GitHub Actions workflow commands with a step summary, and JUnit XML.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/check"
)

// Tool names the program in reports.
const Tool = "eipassoc"

// A Result is one run of the checker.
type Result struct {
	// Version is the checker's version.
	Version string
	// Source names the input, e.g. "plan.json".
	Source string
	// Checked lists the addresses of the planned associations and attachments checked.
	Checked []string
	// Findings are the findings, suppressed ones included.
	Findings []check.Finding
	// RepoRoot, when set, is the absolute directory of the repository that Source and
	// the findings' files are relative to; SARIF declares it as %SRCROOT%, so code
	// scanning attaches the findings to the repository's files.
	RepoRoot string
}

// Summary counts the result's findings.
func (r *Result) Summary() check.Summary { return check.Summarize(len(r.Checked), r.Findings) }

// Formats lists the format names Write accepts.
func Formats() []string { return []string{"text", "json", "sarif", "github", "junit"} }

// Write writes r to w in format. For "github", summary (which may be nil) receives the
// markdown step summary.
func Write(w io.Writer, format string, r *Result, summary io.Writer) error {
	switch format {
	case "text":
		return Text(w, r)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r)
	case "github":
		return GitHub(w, summary, r)
	case "junit":
		return JUnit(w, r)
	}
	return fmt.Errorf("report: unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// An Output is one requested format and where it goes ("" for standard output).
type Output struct {
	Format string
	Path   string
}

// ParseOutputs reads a -format value such as "text" or "sarif=out.sarif,text,junit=r.xml".
func ParseOutputs(s string) ([]Output, error) {
	var out []Output
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		format, path, _ := strings.Cut(part, "=")
		if !slices.Contains(Formats(), format) {
			return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
		}
		if path == "-" {
			path = "" // "json=-" means standard output
		}
		out = append(out, Output{Format: format, Path: path})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given")
	}
	stdout := 0
	for _, o := range out {
		if o.Path == "" {
			stdout++
		}
	}
	if stdout > 1 {
		return nil, fmt.Errorf("only one format can go to standard output; give the others a file (format=path)")
	}
	return out, nil
}

// grouped returns the findings by address, in address order.
func grouped(fs []check.Finding) ([]string, map[string][]check.Finding) {
	by := map[string][]check.Finding{}
	var order []string
	for _, f := range fs {
		if _, ok := by[f.Address]; !ok {
			order = append(order, f.Address)
		}
		by[f.Address] = append(by[f.Address], f)
	}
	slices.Sort(order)
	return order, by
}

// where formats a finding's location, or "".
func where(f check.Finding) string {
	if f.Location.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", f.Location.File, f.Location.StartLine)
}
