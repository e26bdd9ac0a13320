package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// result checks the basic fixture with its .tf files and waivers, as of a fixed day.
func result(t *testing.T) *report.Result {
	t.Helper()
	f, err := os.Open("../testdata/basic/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := check.LoadPlan(f, "plan.json", check.PlanOptions{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	src, err := check.LoadSources("../testdata/basic", m.ModuleDirs)
	if err != nil {
		t.Fatal(err)
	}
	wf, _ := os.Open("../testdata/waivers.yaml")
	ws, err := check.LoadWaivers(wf, "waivers.yaml")
	wf.Close()
	if err != nil {
		t.Fatal(err)
	}
	fs := check.ApplyWaivers(check.Run(m, check.Options{}), src, ws, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	return &report.Result{Version: "test", Source: "plan.json", Findings: fs, Checked: m.Checked()}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("../testdata/golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	r := result(t)
	for _, format := range report.Formats() {
		var out, summary bytes.Buffer
		if err := report.Write(&out, format, r, &summary); err != nil {
			t.Fatal(err)
		}
		golden(t, "basic."+format, out.Bytes())
		if format == "github" {
			golden(t, "basic.github-summary.md", summary.Bytes())
		}
	}
}

func TestSARIFShape(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := report.SARIF(&out, result(t)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "null") {
		t.Error("SARIF has null members")
	}
	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID    string `json:"id"`
						Short struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string            `json:"ruleId"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Locations    []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []map[string]any `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema == "" || len(log.Runs) != 1 {
		t.Fatalf("header %+v", log)
	}
	run := log.Runs[0]
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID == "" || rule.Short.Text == "" || rule.Help.Text == "" {
			t.Errorf("rule %+v lacks text", rule)
		}
	}
	suppressed := 0
	for _, res := range run.Results {
		if len(res.Locations) != 1 || res.Locations[0].Physical.Artifact.URI != "main.tf" ||
			res.Locations[0].Physical.Region.StartLine == 0 ||
			res.Fingerprints["eipassoc/v1"] == "" {
			t.Errorf("result %+v lacks a location or fingerprint", res)
		}
		if len(res.Suppressions) == 1 && res.Suppressions[0]["kind"] == "external" &&
			res.Suppressions[0]["justification"] != "" {
			suppressed++
		}
	}
	if suppressed != 2 {
		t.Errorf("%d suppressed results, want 2", suppressed)
	}
}

func TestJUnitParses(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := report.JUnit(&out, result(t)); err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Suites []struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Skipped  int `xml:"skipped,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	if s := suites.Suites[0]; s.Tests != 10 || s.Failures != 6 || s.Skipped != 2 {
		t.Errorf("suite %+v", s)
	}
}

func TestGitHubCaps(t *testing.T) {
	t.Parallel()
	r := &report.Result{Source: "plan.json"}
	for i := range 25 {
		r.Findings = append(
			r.Findings,
			check.Finding{Rule: "eni-capacity", Level: check.LevelError, Status: check.StatusFail,
				Address: "a[" + string(rune('a'+i)) + "]", Message: "50% full,\nreally: yes"},
		)
	}
	var out bytes.Buffer
	if err := report.GitHub(&out, nil, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if !strings.Contains(out.String(), "15 more findings") ||
		!strings.Contains(out.String(), "50%25 full,%0Areally: yes") {
		t.Errorf("missing cut notice or escaping:\n%s", out.String())
	}
}

func TestParseOutputs(t *testing.T) {
	t.Parallel()
	got, err := report.ParseOutputs("text, sarif=out.sarif,junit=r.xml")
	if err != nil || len(got) != 3 || got[1] != (report.Output{Format: "sarif", Path: "out.sarif"}) {
		t.Fatalf("ParseOutputs = %+v, %v", got, err)
	}
	for _, bad := range []string{"", "xml", "text,json", "sarif=a,nope=b"} {
		if _, err := report.ParseOutputs(bad); err == nil {
			t.Errorf("ParseOutputs(%q) accepted", bad)
		}
	}
}
