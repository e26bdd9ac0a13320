package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

// InformationURI is the checker's home page.
const InformationURI = "https://github.com/eipassoc/eipassoc"

// srcRoot is the uriBaseId of paths relative to the repository root.
const srcRoot = "%SRCROOT%"

// RuleDocURI is the page that documents a rule: docs/rules/CODE.md of the repository
// (generated from the rules table and kept in step by a test).
func RuleDocURI(code eipassoc.Code) string {
	return InformationURI + "/blob/main/docs/rules/" + string(code) + ".md"
}

// SARIF writes a SARIF 2.1.0 log with one run: every rule with its help text and
// default level, and every finding with a location (the .tf block when known, else the
// input file), the resource address as a logical location, a stable fingerprint (rule
// and address), and a suppression for waived findings. GitHub code scanning accepts it.
func SARIF(w io.Writer, r *Result) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI(Tool, InformationURI)
	if r.RepoRoot != "" {
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(r.RepoRoot) + "/"}).String()
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{srcRoot: sarif.NewSimpleArtifactLocation(root)})
	}
	if r.Version != "" {
		v := r.Version
		run.Tool.Driver.Version = &v
	}
	for _, rule := range check.AllRules() {
		level := "error"
		switch {
		case rule.Code == check.CodeUnknown:
			level = "warning"
		case rule.Severity != eipassoc.Deny:
			level = "note" // nat-attached-eni
		}
		api := ""
		if len(rule.APICodes) > 0 {
			api = " Alibaba Cloud error codes: " + strings.Join(rule.APICodes, ", ") + "."
		}
		run.AddRule(string(rule.Code)).
			WithName(ruleName(string(rule.Code))).
			WithShortDescription(sarif.NewMultiformatMessageString(rule.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString(rule.Summary + " Source: " + rule.Source + "." + api)).
			WithHelp(sarif.NewMultiformatMessageString(rule.Fix).
				WithMarkdown("**Fix:** " + rule.Fix + "\n\n**Source:** " + rule.Source)).
			WithHelpURI(RuleDocURI(rule.Code)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level)).
			WithProperties(sarif.Properties{"tags": []string{"alicloud", "eip", "eni"}, "precision": "high"})
	}
	for _, f := range r.Findings {
		res := run.CreateResultForRule(string(f.Rule)).
			WithLevel(string(f.Level)).
			WithMessage(sarif.NewTextMessage(f.Address + ": " + f.Message))
		file, region := r.Source, sarif.NewRegion().WithStartLine(1)
		if f.Location.File != "" {
			file = f.Location.File
			region = sarif.NewRegion().
				WithStartLine(f.Location.StartLine).
				WithEndLine(max(f.Location.EndLine, f.Location.StartLine))
		}
		artifact := sarif.NewSimpleArtifactLocation(file)
		if r.RepoRoot != "" {
			artifact.WithUriBaseId(srcRoot)
		}
		loc := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(artifact).WithRegion(region))
		loc.AddLogicalLocations(sarif.NewLogicalLocation().WithFullyQualifiedName(f.Address).WithKind("resource"))
		res.AddLocation(loc)
		res.WithPartialFingerPrints(map[string]any{"eipassoc/v1": fingerprint(f)})
		if f.Suppression != nil {
			res.AddSuppression(sarif.NewSuppression(f.Suppression.Kind).WithJustifcation(f.Suppression.Reason))
		}
	}
	report.AddRun(run)
	var buf bytes.Buffer
	if err := report.Write(&buf); err != nil {
		return err
	}
	return writeWithoutNulls(w, buf.Bytes())
}

// fingerprint identifies a finding across runs: the rule and the address.
func fingerprint(f check.Finding) string {
	sum := sha256.Sum256([]byte(string(f.Rule) + "\x00" + f.Address))
	return hex.EncodeToString(sum[:16])
}

// ruleName turns "eni-capacity" into "EniCapacity".
func ruleName(code string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(code, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// writeWithoutNulls re-encodes JSON without null members: go-sarif writes
// "status":null (and others) in suppressions, which strict SARIF validators reject.
func writeWithoutNulls(w io.Writer, data []byte) error {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(dropNulls(doc))
}

func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = dropNulls(e)
		}
	case []any:
		for i := range x {
			x[i] = dropNulls(x[i])
		}
	}
	return v
}
