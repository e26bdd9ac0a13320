package report

import (
	"encoding/json"
	"io"

	"github.com/eipassoc/eipassoc/check"
)

// JSONDocument is the JSON report, schema version "1":
//
//	{
//	  "version": "1",
//	  "tool": {"name": "eipassoc", "version": "..."},
//	  "source": "plan.json",
//	  "summary": {"resources_checked": 7, "errors": 3, "warnings": 1, "notes": 0, "suppressed": 1, "unknown": 1},
//	  "findings": [{
//	    "rule_id": "eni-capacity",          // stable code (eipassoc.Code)
//	    "level": "error",                   // error | warning | note
//	    "status": "fail",                   // fail | unknown | suppressed
//	    "address": "alicloud_eip_association.nat[2]",
//	    "module_address": "",               // omitted at the root
//	    "resource_type": "alicloud_eip_association",
//	    "message": "...", "source": "...", "fix": "...",
//	    "api_code": "InvalidEip.EipQuotaExceeded",          // optional
//	    "location": {"file": "main.tf", "start_line": 58, "end_line": 64}, // optional
//	    "suppression": {"kind": "external", "reason": "...", "expires": "2026-12-31",
//	                    "origin": "waivers.yaml waivers[0]"} // optional
//	  }]
//	}
//
// Fields are only ever added; a change that breaks readers gets a new version.
type JSONDocument struct {
	Version  string          `json:"version"`
	Tool     JSONTool        `json:"tool"`
	Source   string          `json:"source"`
	Summary  check.Summary   `json:"summary"`
	Findings []check.Finding `json:"findings"`
}

// JSONTool names the tool.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSON writes the report as a [JSONDocument].
func JSON(w io.Writer, r *Result) error {
	doc := JSONDocument{
		Version:  "1",
		Tool:     JSONTool{Name: Tool, Version: r.Version},
		Source:   r.Source,
		Summary:  r.Summary(),
		Findings: r.Findings,
	}
	if doc.Findings == nil {
		doc.Findings = []check.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
