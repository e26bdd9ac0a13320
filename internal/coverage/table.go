// Package coverage says what "eipassoc serve" does with each argument of the alicloud
// Terraform provider's networking resources and data sources, measured against the
// provider's own schema.
//
// arguments.txt holds, per argument, its status (modelled, kept, write-only, client or
// refused, with the reason for the last two) and the values a coverage run sets;
// templates.tf.txt the configuration each value is set in. [Config] writes the
// configuration of one type, with one block per argument; tools/tfcoverage applies it
// with the real provider against serve and records what happened in
// testdata/results.tsv; [Table] writes the table in docs/serve-coverage.md. The tests
// hold the three against the schema in testdata/schema.json.
package coverage

import (
	_ "embed"
	"fmt"
	"strings"
)

// A Status says what the emulator does with an argument.
type Status string

// The statuses an argument can have.
const (
	// Modelled: the value changes the networking facts the rules read (addresses,
	// ENIs, vSwitches, security groups, modes, next hops) or, for a data source, the
	// emulator filters by it.
	Modelled Status = "modelled"
	// Kept: stored and returned as the API does, with no effect on the rules.
	Kept Status = "kept"
	// WriteOnly: accepted and never returned, as the API does with passwords.
	WriteOnly Status = "write-only"
	// Client: handled by Terraform or the provider alone; at most its default (such as
	// DryRun=false) reaches the API.
	Client Status = "client"
	// Refused: the emulator refuses it by name; the entry's note says why.
	Refused Status = "refused"
	// CloudRefuses: the API refuses what the provider sends for it, as the API facts
	// document, and the emulator does the same; the note names the source.
	CloudRefuses Status = "cloud-refuses"
	// Removed: the provider refuses it itself, a field removed from it that its schema
	// still lists.
	Removed Status = "removed"
)

var statuses = []Status{Modelled, Kept, WriteOnly, Client, Refused, CloudRefuses, Removed}

// An Entry is one line of arguments.txt: an argument's status and the values the
// coverage run sets.
type Entry struct {
	Kind   Kind
	Type   string
	Path   string
	Status Status
	// Value is an HCL expression, or with a leading @ a whole fragment of the block.
	Value string
	// Update is the value of the update step; empty when the step leaves it.
	Update string
	// Note is what the argument does, or why it is refused or never sent.
	Note string
	// Drop lists the template's lines ("key = ...") the argument replaces.
	Drop []string
	// With is HCL the argument needs beside its block (another resource).
	With string
	// Index numbers the entries of a type from 1, for values that must differ
	// between blocks ({i} in templates and values).
	Index int
}

// Key is the entry's argument's key, as [Argument.Key].
func (e Entry) Key() string { return string(e.Kind) + " " + e.Type + " " + e.Path }

//go:embed arguments.txt
var argumentsText string

// Entries returns the entries of arguments.txt, in its order.
func Entries() ([]Entry, error) { return parseEntries(argumentsText) }

func parseEntries(text string) ([]Entry, error) {
	var (
		out        []Entry
		kind       Kind
		typ        string
		seen       = map[string]bool{}
		lineNumber int
		index      int
	)
	for line := range strings.SplitSeq(text, "\n") {
		lineNumber++
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("coverage: arguments.txt:%d: %s", lineNumber, fmt.Sprintf(format, args...))
		}
		if rest, ok := strings.CutPrefix(line, "== "); ok {
			k, t, ok := strings.Cut(rest, " ")
			if !ok || (Kind(k) != Resource && Kind(k) != Data) {
				return nil, fail("a section is \"== resource TYPE\" or \"== data TYPE\", not %q", line)
			}
			kind, typ, index = Kind(k), t, 0
			continue
		}
		if typ == "" {
			return nil, fail("an entry before the first section")
		}
		if strings.HasSuffix(line, " |") {
			line += " " // an empty last column
		}
		cols := strings.Split(line, " | ")
		if len(cols) < 4 {
			return nil, fail("want PATH | STATUS | VALUE | UPDATE | NOTE, got %q", line)
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		index++
		e := Entry{Kind: kind, Type: typ, Path: cols[0], Status: Status(cols[1]), Value: unescape(cols[2]),
			Index: index}
		if cols[3] != "-" {
			e.Update = unescape(cols[3])
		}
		if len(cols) > 4 {
			e.Note = cols[4]
		}
		for _, opt := range cols[min(len(cols), 5):] {
			switch {
			case strings.HasPrefix(opt, "drop="):
				e.Drop = strings.Split(strings.TrimPrefix(opt, "drop="), ",")
			case strings.HasPrefix(opt, "with="):
				e.With = strings.ReplaceAll(strings.TrimPrefix(opt, "with="), `\n`, "\n")
			default:
				return nil, fail("unknown option %q: drop= or with=", opt)
			}
		}
		switch {
		case !isStatus(e.Status):
			return nil, fail("status %q: one of %v", e.Status, statuses)
		case e.Value == "":
			return nil, fail("%s has no value", e.Path)
		case (e.Status == Refused || e.Status == Client || e.Status == CloudRefuses) && e.Note == "":
			return nil, fail("%s is %s without a reason", e.Path, e.Status)
		case seen[e.Key()]:
			return nil, fail("%s listed twice", e.Key())
		}
		seen[e.Key()] = true
		out = append(out, e)
	}
	return out, nil
}

func isStatus(s Status) bool {
	for _, known := range statuses {
		if s == known {
			return true
		}
	}
	return false
}

// unescape turns the two-character sequence \n of a value cell into a new line when
// the cell is a fragment (@...); in an HCL string the sequence stays, as HCL reads it.
func unescape(cell string) string {
	if strings.HasPrefix(cell, "@") {
		return strings.ReplaceAll(cell, `\n`, "\n")
	}
	return cell
}

// ByType splits entries by type (kind and type), keeping their order.
func ByType(entries []Entry) [][]Entry {
	var out [][]Entry
	for _, e := range entries {
		if n := len(out); n > 0 && out[n-1][0].Type == e.Type && out[n-1][0].Kind == e.Kind {
			out[n-1] = append(out[n-1], e)
			continue
		}
		out = append(out, []Entry{e})
	}
	return out
}
