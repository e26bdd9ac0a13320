package eipassoc

import (
	"cmp"
	"errors"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// A Verdict is what a [Decision] concludes. The zero Verdict, NotChecked, denies: an
// unrun check is no permission.
type Verdict uint8

// Verdicts.
const (
	// NotChecked is the zero Verdict: no rule was run.
	NotChecked Verdict = iota
	// Allowed: every rule holds on the facts given, and every fact a rule read is known.
	Allowed
	// Denied: some rule is broken on the known facts alone; no value of the unknown
	// facts can change that.
	Denied
	// Undecided: no rule is broken on the known facts, but some rule needs a fact
	// marked unknown; [Decision.Undecided] says which rules and which facts.
	Undecided
)

var verdictNames = [...]string{"not-checked", "allowed", "denied", "undecided"}

// String returns "allowed", "denied", "undecided", "not-checked" or "Verdict(n)".
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "Verdict(" + strconv.Itoa(int(v)) + ")"
}

// MarshalText implements [encoding.TextMarshaler].
func (v Verdict) MarshalText() ([]byte, error) {
	if int(v) >= len(verdictNames) {
		return nil, &CodeError{Code: Code(v.String())}
	}
	return []byte(v.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown verdict is an error
// wrapping [ErrUnknownCode].
func (v *Verdict) UnmarshalText(text []byte) error {
	i := slices.Index(verdictNames[:], string(text))
	if i < 0 {
		return &CodeError{Code: Code(text)}
	}
	*v = Verdict(i)
	return nil
}

// A Decision is the outcome of [CanAssociate], [CanAttach], [CanUnassociate] or
// [CanRelease]. The zero Decision denies: its Verdict is NotChecked and its Err reports
// [ErrNotChecked].
//
// Decisions from this package satisfy: Verdict is Denied iff Violations is not empty;
// Undecided iff Violations is empty and Undecided is not; Allowed iff both are empty.
type Decision struct {
	// Verdict is the conclusion.
	Verdict Verdict `json:"verdict"`
	// Violations are the rules broken on the known facts, sorted by Code, then Subject.
	Violations []Violation `json:"violations,omitempty"`
	// Undecided are the rules that need a fact marked unknown, sorted like Violations.
	Undecided []UndecidedRule `json:"undecided,omitempty"`
	// Advisories are facts that do not block the operation.
	Advisories Advisories `json:"advisories,omitzero"`
}

// Allowed reports whether the verdict is [Allowed].
func (d Decision) Allowed() bool { return d.Verdict == Allowed }

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
	// Fix says how to fix this case, naming the resources it concerns where the rule's
	// general fix ([Rule.Fix]) would not fit it (a mode, an attachment); otherwise it is
	// the rule's Fix.
	Fix string `json:"fix,omitempty"`
}

// An UndecidedRule is a rule that could not be decided because it needs facts that the
// request marks unknown.
type UndecidedRule struct {
	// Code names the rule.
	Code Code `json:"code"`
	// Missing are the unknown facts the rule needed; knowing them would decide it.
	Missing Facts `json:"missing"`
	// Subject names what the rule looks at, as in [Violation].
	Subject string `json:"subject,omitempty"`
	// Message says, for people, what the rule checks and what would decide it.
	Message string `json:"message"`
	// Source names where the rule comes from.
	Source string `json:"source"`
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

// Error returns "code undecided: message".
func (u *UndecidedRule) Error() string { return string(u.Code) + " undecided: " + u.Message }

// Is reports whether target is [ErrUndecided] or the rule's [Code].
func (u *UndecidedRule) Is(target error) bool {
	if target == ErrUndecided {
		return true
	}
	c, ok := target.(Code)
	return ok && c == u.Code
}

// ErrNotChecked is what the zero Decision's Err returns.
var ErrNotChecked = errors.New("eipassoc: decision not checked")

// ErrUndecided is matched by errors.Is on the error of an undecided Decision.
var ErrUndecided = errors.New("eipassoc: undecided")

// Err returns nil if the decision allows the operation. A denied decision gives an
// error joining every violation (each a *[Violation], matched by errors.Is against its
// [Code]); an undecided one joins every *[UndecidedRule] (matched against [ErrUndecided] and
// the rule's Code); the zero Decision gives [ErrNotChecked].
func (d Decision) Err() error {
	switch d.Verdict {
	case Allowed:
		return nil
	case Denied:
		errs := make([]error, len(d.Violations))
		for i := range d.Violations {
			errs[i] = &d.Violations[i]
		}
		return errors.Join(errs...)
	case Undecided:
		errs := make([]error, len(d.Undecided))
		for i := range d.Undecided {
			errs[i] = &d.Undecided[i]
		}
		return errors.Join(errs...)
	}
	return ErrNotChecked
}

// Violation returns the first violation of rule c and reports whether there is one.
func (d Decision) Violation(c Code) (Violation, bool) {
	for _, v := range d.Violations {
		if v.Code == c {
			return v, true
		}
	}
	return Violation{}, false
}

// Has reports whether the decision holds a violation, an undecided rule or an advisory
// with code c.
func (d Decision) Has(c Code) bool {
	if _, ok := d.Violation(c); ok {
		return true
	}
	for _, u := range d.Undecided {
		if u.Code == c {
			return true
		}
	}
	return d.Advisories.Has(c)
}

// Codes returns the codes of the broken rules, each once, in the order of Violations
// (sorted by code): a rule broken for two subjects (the EIP and the ENI in different
// regions, say) is one code.
func (d Decision) Codes() []Code {
	return uniqueCodes(d.Violations, func(v Violation) Code { return v.Code })
}

// UndecidedCodes returns the codes of the rules left undecided, each once, sorted
// like Codes.
func (d Decision) UndecidedCodes() []Code {
	return uniqueCodes(d.Undecided, func(u UndecidedRule) Code { return u.Code })
}

func uniqueCodes[T any](items []T, code func(T) Code) []Code {
	out := make([]Code, 0, len(items))
	for _, x := range items {
		out = append(out, code(x))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Missing returns every unknown fact that some undecided rule needed: the facts that,
// once known, would decide the request.
func (d Decision) Missing() Facts {
	var s Facts
	for _, u := range d.Undecided {
		s = s.Union(u.Missing)
	}
	return s
}

// String formats the decision for people: a first line with the verdict, then one
// indented line for each violation (✗), undecided rule (?) and advisory (!).
func (d Decision) String() string {
	var b strings.Builder
	b.WriteString(d.Verdict.String())
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
	for _, u := range d.Undecided {
		b.WriteString("\n  ? ")
		b.WriteString(string(u.Code))
		b.WriteString(": ")
		b.WriteString(u.Message)
	}
	for a := range d.Advisories.All() {
		b.WriteString("\n  ! ")
		b.WriteString(string(a))
		b.WriteString(": ")
		b.WriteString(ruleIndex[a].Summary)
	}
	return b.String()
}

// finish writes the undecided rules' messages (naming what each is about by the names
// the request gives), sorts the violations and undecided rules, and sets the verdict.
// Its caller has n built only when there are undecided rules: the allowed path pays
// nothing for names.
func (d *Decision) finish(n func() names) {
	if len(d.Undecided) > 0 {
		names := n()
		for i := range d.Undecided {
			u := &d.Undecided[i]
			u.Message = undecidedMessage(u.Code, u.Missing, names.words(u.Subject))
		}
	}
	bySubject := func(c1, c2 Code, s1, s2 string) int { return cmp.Or(cmp.Compare(c1, c2), cmp.Compare(s1, s2)) }
	if len(d.Violations) > 1 {
		slices.SortStableFunc(
			d.Violations,
			func(a, b Violation) int { return bySubject(a.Code, b.Code, a.Subject, b.Subject) },
		)
	}
	if len(d.Undecided) > 1 {
		slices.SortStableFunc(
			d.Undecided,
			func(a, b UndecidedRule) int { return bySubject(a.Code, b.Code, a.Subject, b.Subject) },
		)
	}
	switch {
	case len(d.Violations) > 0:
		d.Verdict = Denied
	case len(d.Undecided) > 0:
		d.Verdict = Undecided
	default:
		d.Verdict = Allowed
	}
}

// deny adds a violation of rule c. apiCode, when empty, defaults to the rule's first
// API code; noAPICode predicts none.
func (d *Decision) deny(c Code, s subj, message, apiCode string) *Violation {
	r := ruleIndex[c]
	switch {
	case apiCode == noAPICode:
		apiCode = ""
	case apiCode == "" && len(r.APICodes) > 0:
		apiCode = r.APICodes[0]
	}
	d.Violations = append(
		d.Violations,
		Violation{Code: c, Message: message, Subject: s.String(), Source: r.Source, APICode: apiCode, Fix: r.Fix},
	)
	return &d.Violations[len(d.Violations)-1]
}

// noAPICode tells deny that no public source gives the API's error code.
const noAPICode = "-"

// needs reports whether every fact in need is known. If not, it records rule c as
// undecided for the unknown ones and returns false, so the caller skips the rule.
//
// needs is small enough to inline, so a request with nothing unknown pays one AND and
// one branch per rule for the unknown-fact machinery.
func (d *Decision) needs(unknown Facts, need Facts, c Code, s subj) bool {
	if unknown&need == 0 {
		return true
	}
	d.undecided(unknown&need, c, s)
	return false
}

// undecided records rule c as undecided for the unknown facts missing.
func (d *Decision) undecided(missing Facts, c Code, s subj) {
	subject := s.String()
	for i := range d.Undecided {
		if u := &d.Undecided[i]; u.Code == c && u.Subject == subject {
			u.Missing = u.Missing.Union(missing) // one entry per rule and subject; finish writes the message
			return
		}
	}
	d.Undecided = append(
		d.Undecided,
		UndecidedRule{
			Code:    c,
			Missing: missing,
			Subject: subject,
			Source:  ruleIndex[c].Source,
		},
	)
}

// undecidedMessage says what rule c checks, what it was not decided for (about, in
// words) and which unknown facts would decide it.
func undecidedMessage(c Code, missing Facts, about string) string {
	var msg strings.Builder
	msg.WriteString(ruleIndex[c].Summary)
	msg.WriteString(" Not decided for ")
	msg.WriteString(about)
	msg.WriteString(": unknown ")
	first := true
	for f := range missing.All() {
		if !first {
			msg.WriteString("; ")
		}
		first = false
		msg.WriteString(f.Decider())
	}
	msg.WriteByte('.')
	return msg.String()
}

// A subj names what a rule looks at; it is turned into a string only when a violation
// or an undecided rule is reported, so that the allowed path allocates nothing.
type subj struct {
	kind, id string
	ip       netip.Addr
}

// String returns "kind id", "kind ip", or "kind" when there is neither.
func (s subj) String() string {
	switch {
	case s.ip.IsValid():
		return s.kind + " " + s.ip.String()
	case s.id != "":
		return s.kind + " " + s.id
	}
	return s.kind
}

// names are the IDs a request gives its EIP, ENI and instance, so that a message can
// name what its subject belongs to when the subject itself carries no ID ("eip.region").
type names struct{ eip, eni, instance string }

// words names, for people, what a subject (a [subj] string) is about: "ENI eni-1", "EIP
// eip-1", "instance i-1", "private IP 10.0.0.3 of ENI eni-1", "EIP eip-1 on ENI eni-1"
// (the mode or the target of an association), "the account".
func (n names) words(subject string) string {
	kind, id, _ := strings.Cut(subject, " ")
	resource, _, _ := strings.Cut(kind, ".")
	switch resource {
	case "eni":
		return eniName(cmp.Or(id, n.eni))
	case "eip":
		return eipName(cmp.Or(id, n.eip))
	case "bound":
		return "bound " + eipName(id)
	case "instance":
		return instanceName(cmp.Or(id, n.instance))
	case "private_ip":
		return "private IP " + id + " of " + eniName(n.eni)
	case "mode", "target":
		return eipName(n.eip) + " on " + eniName(n.eni)
	case "account":
		return "the account"
	}
	return subject
}

// eniName names an ENI in a message: "ENI eni-1", or "the ENI" when it has no ID.
func eniName(id string) string { return named("ENI", id) }

// eipName names an EIP in a message: "EIP eip-1", or "the EIP".
func eipName(id string) string { return named("EIP", id) }

// instanceName names an ECS instance in a message: "instance i-1", or "the instance".
func instanceName(id string) string { return named("instance", id) }

func named(noun, id string) string {
	if id == "" {
		return "the " + noun
	}
	return noun + " " + id
}

// attachedTo names the instance an ENI is attached to: "instance i-1", or "an
// instance" when the request does not say which.
func attachedTo(instance string) string {
	if instance == "" {
		return "an instance"
	}
	return instanceName(instance)
}
