package eipassoc

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// A Decision is the outcome of [CanAssociate] or [CanAttach]. The zero Decision denies:
// an unrun check is no permission, and its Err reports [ErrNotChecked].
//
// Decisions from this package satisfy Allowed == (len(Violations) == 0).
type Decision struct {
	// Allowed reports whether the operation satisfies every rule.
	Allowed bool `json:"allowed"`
	// Violations are the rules the operation breaks, sorted by Code, then Subject.
	Violations []Violation `json:"violations,omitempty"`
	// Advisories are facts that do not block the operation.
	Advisories Advisories `json:"advisories,omitzero"`
}

// A Violation is one broken rule.
type Violation struct {
	// Code names the rule; it is stable, so match on it rather than on Message.
	Code Code `json:"code"`
	// Message explains the violation to people; its wording may change.
	Message string `json:"message"`
	// Subject names what the rule looked at, e.g. "eni eni-123" or "eip.region".
	Subject string `json:"subject,omitempty"`
	// Capacity gives the numbers of a capacity rule; nil for other rules.
	Capacity *Capacity `json:"capacity,omitempty"`
	// Source names where the rule comes from (see [Rule.Source]).
	Source string `json:"source"`
	// APICode is the Alibaba Cloud error code the API is expected to return, if any.
	APICode string `json:"api_code,omitempty"`
}

// A Capacity gives the numbers behind a capacity violation.
type Capacity struct {
	// Limit is the most the resource can carry.
	Limit int `json:"limit"`
	// Used is how much it carries already, before the operation.
	Used int `json:"used"`
}

// Error returns "code: message".
func (v *Violation) Error() string { return string(v.Code) + ": " + v.Message }

// Is reports whether target is the violation's [Code], so errors.Is(err, CodeX) finds a
// violation inside [Decision.Err].
func (v *Violation) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == v.Code
}

// ErrNotChecked is what the zero Decision's Err returns.
var ErrNotChecked = errors.New("eipassoc: decision not checked")

// Err returns nil if the decision allows the operation. Otherwise it returns an error
// joining every violation (each a *[Violation] and matched by errors.Is against its
// [Code]), or [ErrNotChecked] for the zero Decision.
func (d Decision) Err() error {
	if d.Allowed {
		return nil
	}
	if len(d.Violations) == 0 {
		return ErrNotChecked
	}
	errs := make([]error, len(d.Violations))
	for i := range d.Violations {
		errs[i] = &d.Violations[i]
	}
	return errors.Join(errs...)
}

// Has reports whether the decision holds a violation or an advisory with code c.
func (d Decision) Has(c Code) bool {
	for i := range d.Violations {
		if d.Violations[i].Code == c {
			return true
		}
	}
	return d.Advisories.Has(c)
}

// Codes returns the codes of the violations, in order.
func (d Decision) Codes() []Code {
	out := make([]Code, len(d.Violations))
	for i, v := range d.Violations {
		out[i] = v.Code
	}
	return out
}

// String formats the decision for people: a first line "allowed" or "denied", then one
// indented line for each violation and advisory.
func (d Decision) String() string {
	var b strings.Builder
	switch {
	case d.Allowed:
		b.WriteString("allowed")
	case len(d.Violations) == 0:
		b.WriteString("denied: not checked")
	default:
		b.WriteString("denied")
	}
	for _, v := range d.Violations {
		b.WriteString("\n  ✗ ")
		b.WriteString(string(v.Code))
		b.WriteString(": ")
		b.WriteString(v.Message)
		if v.Capacity != nil {
			b.WriteString(" [" + strconv.Itoa(v.Capacity.Used) + " of " + strconv.Itoa(v.Capacity.Limit) + " used]")
		}
		if v.APICode != "" {
			b.WriteString(" (API: " + v.APICode + ")")
		}
	}
	for _, a := range d.Advisories.List() {
		b.WriteString("\n  ! ")
		b.WriteString(string(a.Code))
		b.WriteString(": ")
		b.WriteString(a.Message)
	}
	return b.String()
}

// finish sorts the violations and sets Allowed.
func (d *Decision) finish() {
	d.Allowed = len(d.Violations) == 0
	if len(d.Violations) > 1 {
		slices.SortStableFunc(d.Violations, func(a, b Violation) int {
			return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Subject, b.Subject))
		})
	}
}

// deny adds a violation of rule c. apiCode, when empty, defaults to the rule's first
// API code.
func (d *Decision) deny(c Code, subject, message, apiCode string) *Violation {
	r := ruleIndex[c]
	if apiCode == "" && len(r.APICodes) > 0 {
		apiCode = r.APICodes[0]
	}
	d.Violations = append(d.Violations, Violation{Code: c, Message: message, Subject: subject, Source: r.Source, APICode: apiCode})
	return &d.Violations[len(d.Violations)-1]
}
