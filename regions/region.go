package regions

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/internal/enum"
	"github.com/eipassoc/eipassoc/modes"
)

// An ID is an Alibaba Cloud region ID such as "cn-hangzhou". The empty ID names no region.
type ID string

// String returns the ID as a string.
func (id ID) String() string { return string(id) }

// Known reports whether id is in this package's table.
func (id ID) Known() bool { return table.find(id) != nil }

// DataDate is the day the region table was last checked against Alibaba Cloud's
// endpoint pages.
const DataDate = "2026-11-25"

// A Status says whether a region takes new resources.
type Status uint8

// Region statuses. The zero Status is invalid.
const (
	_ Status = iota
	// Open regions take new resources.
	Open
	// Closing regions are marked "Closing Down": existing resources keep working, new
	// ones should not be planned there.
	Closing
	// Closed regions are decommissioned.
	Closed
)

// ErrUnknownStatus is wrapped by the errors that [ParseStatus] returns.
var ErrUnknownStatus = errors.New("regions: unknown status")

// A ParseError reports text that names no value of one of this package's enums. Its
// Code method gives a stable kebab-case code ("region-status-invalid"), and it wraps [ErrUnknownStatus].
type ParseError struct {
	// Type names the enum parsed, e.g. "regions.Status".
	Type string
	// Input is the text given, unmodified.
	Input string
	// Want lists the API spellings that would have been accepted.
	Want []string

	f enum.Failure
}

// Error returns a message that quotes the input and lists the accepted spellings.
func (e *ParseError) Error() string { return e.f.Error() }

// Code returns the stable kebab-case code of the error.
func (e *ParseError) Code() string { return e.f.Code }

// Unwrap returns the enum's sentinel error.
func (e *ParseError) Unwrap() error { return e.f.Sentinel }

// parseError is the tables' Err: it wraps a failure in a *ParseError.
func parseError(f enum.Failure) error {
	return &ParseError{Type: f.Type, Input: f.Input, Want: f.Want, f: f}
}

var statusTable = &enum.Table[Status]{
	Type:     "regions.Status",
	Noun:     "region status",
	Code:     "region-status-invalid",
	Sentinel: ErrUnknownStatus,
	Err:      parseError,
	Names:    []string{"", "open", "closing", "closed"},
	Aliases:  []enum.Alias[Status]{{Name: "closing down", Value: Closing}, {Name: "decommissioned", Value: Closed}},
}

// ParseStatus returns the status spelled s ("open", "closing", "closed"), ignoring case.
func ParseStatus(s string) (Status, error) { return statusTable.Parse(s) }

// IsValid reports whether s is a defined status.
func (s Status) IsValid() bool { return statusTable.Valid(s) }

// String returns "open", "closing" or "closed", or "Status(n)" for an invalid status.
func (s Status) String() string { return statusTable.String(s) }

// MarshalText implements [encoding.TextMarshaler]; the zero Status gives the empty text.
func (s Status) MarshalText() ([]byte, error) { return statusTable.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with the rules of [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error { return statusTable.UnmarshalText(text, s) }

// A Listing says which sources list a mode as available in a region.
type Listing struct {
	// ProductDoc is true when the product documentation (2024) lists the region.
	ProductDoc bool
	// APIDoc is true when the API documentation snapshot (2021) lists the region.
	APIDoc bool
}

// Agree reports whether both sources say the same.
func (l Listing) Agree() bool { return l.ProductDoc == l.APIDoc }

// modeSet is a bit set indexed by modes.Mode.
type modeSet uint8

func (s modeSet) has(m modes.Mode) bool { return m.IsValid() && s&(1<<m) != 0 }

// Info describes one region. The zero Info describes no region and supports no mode.
type Info struct {
	// ID is the region ID, e.g. "cn-hangzhou".
	ID ID `json:"id"`
	// Name is the English display name, e.g. "China (Hangzhou)".
	Name string `json:"name"`
	// Status says whether the region takes new resources.
	Status Status `json:"status"`
	// Note records doubts about the entry, or is empty.
	Note string `json:"note,omitempty"`

	productDoc modeSet // modes the product documentation lists for the region
	apiDoc     modeSet // modes the 2021 API documentation lists for the region
}

// Supports reports whether mode m can be used in the region now: the product
// documentation lists it there and the region is not closed (a closed region takes
// nothing new). Use [Info.Listing] to see what each source lists.
func (i Info) Supports(m modes.Mode) bool { return i.Status != Closed && i.productDoc.has(m) }

// Listing reports which sources list mode m in the region.
func (i Info) Listing(m modes.Mode) Listing {
	return Listing{ProductDoc: i.productDoc.has(m), APIDoc: i.apiDoc.has(m)}
}

// Modes returns the modes the region supports (see [Info.Supports]).
func (i Info) Modes() []modes.Mode {
	var out []modes.Mode
	for _, m := range modes.All() {
		if i.Supports(m) {
			out = append(out, m)
		}
	}
	return out
}

// ErrUnknown is wrapped by every *[UnknownError].
var ErrUnknown = errors.New("regions: unknown region")

// CodeUnknown is the stable code of an *[UnknownError].
const CodeUnknown = "region-unknown"

// An UnknownError reports a region ID that is not in the table.
type UnknownError struct {
	ID ID // the ID looked up, unmodified
}

// Error returns a message that quotes the ID.
func (e *UnknownError) Error() string {
	if e.ID == "" {
		return "regions: lookup \"\": no region ID given"
	}
	return "regions: lookup " + strconv.Quote(string(e.ID)) + ": unknown region ID"
}

// Code returns the stable code "region-unknown".
func (e *UnknownError) Code() string { return CodeUnknown }

// Unwrap returns [ErrUnknown].
func (e *UnknownError) Unwrap() error { return ErrUnknown }

// Lookup returns what is known about the region id. IDs are matched exactly first, then
// in lower case with surrounding white space removed. An ID that is not in the table
// gives an *[UnknownError] wrapping [ErrUnknown]; callers with newer knowledge can treat
// that as "decide by other means".
func Lookup(id ID) (Info, error) {
	if info := table.find(id); info != nil {
		return *info, nil // small enough to inline: the exact match copies once
	}
	return lookupNormalized(id)
}

// lookupNormalized is Lookup's second try, with id in lower case and trimmed.
func lookupNormalized(id ID) (Info, error) {
	if info := table.find(ID(strings.ToLower(strings.TrimSpace(string(id))))); info != nil {
		return *info, nil
	}
	return Info{}, &UnknownError{ID: id}
}

// All returns every region in the table, sorted by ID.
func All() []Info {
	return slices.Clone(table.infos)
}

// ForMode returns the IDs of the regions that support mode m (see [Info.Supports]),
// sorted; closed regions are left out.
func ForMode(m modes.Mode) []ID {
	var out []ID
	for _, info := range All() {
		if info.Supports(m) {
			out = append(out, info.ID)
		}
	}
	return out
}
