package check

import (
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
