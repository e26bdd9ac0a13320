package check

// Stage findings: the Finding type, and how findings are made, placed, named and
// waived (findings_*.go). See the package documentation.

import (
	"cmp"

	"github.com/eipassoc/eipassoc"
)

// A Level is how serious a finding is.
type Level string

// Levels, as SARIF names them.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// rank orders levels for -fail-on.
func (l Level) rank() int {
	switch l {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	}
	return 0
}

// AtLeast reports whether l is as serious as min.
func (l Level) AtLeast(min Level) bool { return l.rank() >= min.rank() && min.rank() > 0 }

// A Status says what a finding means.
type Status string

// Statuses.
const (
	// StatusFail: the rule is broken.
	StatusFail Status = "fail"
	// StatusUnknown: the rule could not be decided.
	StatusUnknown Status = "unknown"
	// StatusSuppressed: the rule is broken but a waiver covers it.
	StatusSuppressed Status = "suppressed"
)

// A Finding is one rule applied to one resource.
type Finding struct {
	Rule         eipassoc.Code `json:"rule_id"`
	Level        Level         `json:"level"`
	Status       Status        `json:"status"`
	Address      string        `json:"address"`
	Module       string        `json:"module_address,omitempty"`
	ResourceType string        `json:"resource_type"`
	Message      string        `json:"message"`
	Source       string        `json:"source"`
	Fix          string        `json:"fix,omitempty"`
	APICode      string        `json:"api_code,omitempty"`
	Location     Location      `json:"location,omitzero"`
	Suppression  *Suppression  `json:"suppression,omitempty"`
}

// A Suppression records the waiver that covers a finding.
type Suppression struct {
	// Kind is "external" for a waiver file and "inSource" for an inline comment.
	Kind    string `json:"kind"`
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	Origin  string `json:"origin"`
}

// Counts for the exit code and summaries.
func (f *Finding) counts() bool { return f.Status != StatusSuppressed }

// Summary counts the findings of a run; Checked is the number of planned associations
// and attachments checked, and Unknown the number of resources with at least one rule
// that could not be decided (so their verdict rests on an unknown).
type Summary struct {
	Checked    int `json:"resources_checked"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
	Unknown    int `json:"unknown"`
}

// Summarize counts findings; suppressed ones count only as suppressed.
func Summarize(checked int, fs []Finding) Summary {
	s := Summary{Checked: checked}
	undecided := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		if !f.counts() {
			s.Suppressed++
			continue
		}
		if f.Status == StatusUnknown && !undecided[f.Address] {
			undecided[f.Address] = true
			s.Unknown++
		}
		switch f.Level {
		case LevelError:
			s.Errors++
		case LevelWarning:
			s.Warnings++
		case LevelNote:
			s.Notes++
		}
	}
	return s
}

// Failed reports whether any active finding is at or above min.
func Failed(fs []Finding, min Level) bool {
	for i := range fs {
		if fs[i].counts() && fs[i].Level.AtLeast(min) {
			return true
		}
	}
	return false
}

// add files a finding of rule code on the association, or on the resource a blame
// puts it on; fix, when not empty, says how to fix this case instead of the rule's Fix.
func (c *checker) add(code eipassoc.Code, level Level, status Status, msg, apiCode, fix string) {
	var f Finding
	if b := c.blame; b != nil {
		if !c.keeps(code) {
			return
		}
		f = finding(b.address, "", b.resourceType, Location{}, code, level, status, b.prefix+msg, apiCode)
	} else {
		f = finding(c.a.Address, c.a.Module, c.a.ResourceType, c.a.Location, code, level, status, msg, apiCode)
	}
	f.Fix = cmp.Or(fix, f.Fix)
	c.out = append(c.out, f)
}

// finding builds one finding with its rule's source and fix.
func finding(
	address, module, resourceType string,
	loc Location,
	code eipassoc.Code,
	level Level,
	status Status,
	msg, apiCode string,
) Finding {
	r, _ := RuleFor(code)
	return Finding{Rule: code, Level: level, Status: status, Address: address, Module: module,
		ResourceType: resourceType, Message: msg, Source: r.Source, Fix: r.Fix, APICode: apiCode, Location: loc}
}

// unknownFinding turns an undecided question into a plan-value-unknown finding, or
// nothing, as the policy says.
func unknownFinding(policy UnknownPolicy, f Finding) (Finding, bool) {
	switch policy {
	case UnknownIgnore:
		return Finding{}, false
	case UnknownFail:
		f.Level = LevelError
	default:
		f.Level = LevelWarning
	}
	f.Rule, f.Status = CodeUnknown, StatusUnknown
	r, _ := RuleFor(CodeUnknown)
	f.Source, f.Fix, f.APICode = r.Source, r.Fix, ""
	return f, true
}

func (c *checker) unknown(msg string) {
	address, module, typ, loc := c.a.Address, c.a.Module, c.a.ResourceType, c.a.Location
	if b := c.blame; b != nil {
		address, module, typ, loc, msg = b.address, "", b.resourceType, Location{}, b.prefix+msg
	}
	if f, ok := unknownFinding(c.opts.Unknown, finding(address, module, typ, loc, CodeUnknown, "", "", msg, "")); ok {
		c.out = append(c.out, f)
	}
}
