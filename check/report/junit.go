package report

import (
	"encoding/xml"
	"io"

	"github.com/eipassoc/eipassoc/check"
)

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes JUnit XML: one test suite for the input, one test case per finding
// (a failure for errors and warnings, skipped when waived), and one passing test case
// for each checked association without findings.
func JUnit(w io.Writer, r *Result) error {
	suite := junitSuite{Name: r.Source}
	for _, f := range r.Findings {
		c := junitCase{Name: f.Address + ": " + string(f.Rule), ClassName: string(f.Rule)}
		switch {
		case f.Status == check.StatusSuppressed:
			c.Skipped = &junitSkipped{Message: "waived: " + f.Suppression.Reason}
			suite.Skipped++
		case f.Level == check.LevelError || f.Level == check.LevelWarning:
			c.Failure = &junitFailure{
				Message: f.Message,
				Type:    string(f.Rule),
				Text:    f.Address + ": " + f.Message + "\nfix: " + f.Fix,
			}
			suite.Failures++
		}
		suite.Cases = append(suite.Cases, c)
	}
	with := map[string]bool{}
	for _, f := range r.Findings {
		with[f.Address] = true
	}
	for _, addr := range r.Checked {
		if !with[addr] {
			suite.Cases = append(suite.Cases, junitCase{Name: addr + ": all rules", ClassName: "eipassoc"})
		}
	}
	suite.Tests = len(suite.Cases)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(junitSuites{Suites: []junitSuite{suite}}); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
