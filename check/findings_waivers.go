package check

import (
	"bytes"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc"
	"go.yaml.in/yaml/v3"
)

// A Waiver accepts a rule's finding on matching resources, for a reason, until a date.
type Waiver struct {
	// Address is a resource address pattern; * matches any run of characters,
	// e.g. "module.edge.*" or "alicloud_eip_association.legacy[*]". Empty matches all.
	Address string `yaml:"address"           json:"address"`
	// Rule is the code waived, or "*" for every rule.
	Rule string `yaml:"rule"              json:"rule"`
	// Reason says why; it is required.
	Reason string `yaml:"reason"            json:"reason"`
	// Expires, "YYYY-MM-DD", ends the waiver after that day; empty means never.
	Expires string `yaml:"expires,omitempty" json:"expires,omitempty"`

	origin string // file and line (inline) or file and index (waiver file)
	inline bool
}

// LoadWaivers reads a waiver file, YAML or JSON:
//
//	waivers:
//	  - address: alicloud_eip_association.legacy[*]
//	    rule: plan-eni-target-not-network-interface
//	    reason: migrated next sprint (JIRA-123)
//	    expires: 2026-12-31
//
// Unknown fields, a missing reason, an unknown rule code and a malformed date are
// *InputErrors.
func LoadWaivers(r io.Reader, name string) ([]Waiver, error) {
	data, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	var doc struct {
		Waivers []Waiver `yaml:"waivers"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, &InputError{File: name, Msg: "not a waiver file: " + err.Error()}
	}
	for i := range doc.Waivers {
		w := &doc.Waivers[i]
		w.origin = name + " waivers[" + strconv.Itoa(i) + "]"
		if err := w.validate(); err != nil {
			return nil, &InputError{File: name, Where: "waivers[" + strconv.Itoa(i) + "]", Msg: err.Error()}
		}
	}
	return doc.Waivers, nil
}

type waiverError string

func (e waiverError) Error() string { return string(e) }

func (w *Waiver) validate() error {
	switch {
	case strings.TrimSpace(w.Reason) == "":
		return waiverError("a waiver needs a reason")
	case w.Rule == "":
		return waiverError("a waiver needs a rule code, or \"*\"")
	case w.Rule != "*":
		if _, ok := RuleFor(eipassoc.Code(w.Rule)); !ok {
			return waiverError("unknown rule code " + strconv.Quote(w.Rule))
		}
	}
	if w.Expires != "" {
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			return waiverError("expires must be YYYY-MM-DD, not " + strconv.Quote(w.Expires))
		}
	}
	return nil
}

func (w *Waiver) matches(f *Finding) bool {
	if w.Rule != "*" && w.Rule != string(f.Rule) {
		return false
	}
	if w.inline || w.Address == "" {
		return true
	}
	return glob(w.Address, f.Address)
}

// glob matches s against a pattern in which * stands for any run of characters.
func glob(pattern, s string) bool {
	// path.Match treats [ ] specially; escape them so addresses match literally.
	p := strings.NewReplacer("[", `\[`, "]", `\]`, "?", `\?`).Replace(pattern)
	p = strings.ReplaceAll(p, "/", "\x00")
	ok, err := path.Match(p, strings.ReplaceAll(s, "/", "\x00"))
	return err == nil && ok
}

// expired reports whether the waiver ended before today.
func (w *Waiver) expired(today time.Time) bool {
	if w.Expires == "" {
		return false
	}
	end, err := time.Parse(time.DateOnly, w.Expires)
	return err == nil && today.After(end)
}

// ApplyWaivers sets the locations of the findings from src (which may be nil), then applies
// the inline waivers and the file waivers: a matching live waiver suppresses a
// finding; a matching expired one leaves it active and adds a waiver-expired finding.
// An inline waiver that cannot be read becomes a waiver-invalid finding. today decides expiry.
func ApplyWaivers(fs []Finding, src *Sources, file []Waiver, today time.Time) []Finding {
	out := make([]Finding, 0, len(fs))
	seenBad := map[string]bool{}
	for _, f := range fs {
		var candidates []Waiver
		if b := src.locate(f.Address); b != nil {
			f.Location = b.loc
			for _, w := range b.waivers {
				if err := w.validate(); err != nil {
					if !seenBad[w.origin] {
						seenBad[w.origin] = true
						out = append(
							out,
							waiverFinding(
								CodeWaiverInvalid,
								f,
								"inline waiver at "+w.origin+" is not valid: "+err.Error(),
							),
						)
					}
					continue
				}
				candidates = append(candidates, w)
			}
		}
		candidates = append(candidates, file...)
		for _, w := range candidates {
			if !w.matches(&f) {
				continue
			}
			if w.expired(today) {
				out = append(
					out,
					waiverFinding(
						CodeWaiverExpired,
						f,
						"the waiver at "+w.origin+" for "+string(f.Rule)+" expired on "+w.Expires+" ("+w.Reason+")",
					),
				)
				break
			}
			kind := "external"
			if w.inline {
				kind = "inSource"
			}
			f.Status, f.Suppression = StatusSuppressed, &Suppression{
				Kind:    kind,
				Reason:  w.Reason,
				Expires: w.Expires,
				Origin:  w.origin,
			}
			break
		}
		out = append(out, f)
	}
	return out
}

func waiverFinding(code eipassoc.Code, f Finding, msg string) Finding {
	r, _ := RuleFor(code)
	return Finding{Rule: code, Level: LevelError, Status: StatusFail, Address: f.Address, Module: f.Module,
		ResourceType: f.ResourceType, Message: msg, Source: r.Source, Fix: r.Fix, Location: f.Location}
}
