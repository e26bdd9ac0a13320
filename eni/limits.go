package eni

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Limits are what one ECS instance type allows for ENIs. The zero Limits allows no ENIs
// and no addresses: an unset limit fails closed.
type Limits struct {
	// ENIs is the most ENIs an instance can have, the primary included (the API's
	// EniQuantity).
	ENIs int `json:"enis"`
	// PrivateIPsPerENI is the most private IPv4 addresses one attached ENI can hold, the
	// primary address included (EniPrivateIpAddressQuantity), or [Unknown] where the
	// source has no value.
	PrivateIPsPerENI int `json:"private_ips_per_eni"`
	// Retired reports whether the documentation lists the type as retired.
	Retired bool `json:"retired,omitempty"`
}

// Unknown marks a limit the source table does not give.
const Unknown = -1

// MaxUnattachedSecondaryIPs is the most secondary private IPv4 addresses an ENI that is
// not attached to an instance can hold, whatever the instance type
// (CreateNetworkInterface and AssignPrivateIpAddresses documentation).
const MaxUnattachedSecondaryIPs = 49

// LimitsDate is the date of the snapshot the built-in limits table comes from.
const LimitsDate = "2021-07-19"

// SecondaryENIs returns how many secondary ENIs the type takes besides the primary one.
func (l Limits) SecondaryENIs() int { return max(l.ENIs-1, 0) }

// KnowsPrivateIPs reports whether PrivateIPsPerENI holds a value from the source.
func (l Limits) KnowsPrivateIPs() bool { return l.PrivateIPsPerENI != Unknown }

// A LimitsTable maps instance types such as "ecs.g7.large" to their [Limits]. The zero
// LimitsTable is empty. A LimitsTable is read-only after [ParseLimits] and safe for
// concurrent use.
type LimitsTable struct {
	types map[string]Limits
}

// Lookup returns the limits of instanceType (e.g. "ecs.g7.large", case-insensitive) and
// reports whether the table has it. A missing type gives ok=false and the zero Limits.
func (t *LimitsTable) Lookup(instanceType string) (Limits, bool) {
	if t == nil {
		return Limits{}, false
	}
	if l, ok := t.types[instanceType]; ok {
		return l, true
	}
	l, ok := t.types[strings.ToLower(strings.TrimSpace(instanceType))]
	return l, ok
}

// Len returns the number of instance types in the table.
func (t *LimitsTable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.types)
}

// Types returns the instance types in the table, sorted, in a new slice.
func (t *LimitsTable) Types() []string {
	if t == nil {
		return nil
	}
	out := make([]string, 0, len(t.types))
	for k := range t.types {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

//go:embed limits.txt
var builtinLimits []byte

var builtin = sync.OnceValue(func() *LimitsTable {
	t, err := ParseLimits(bytes.NewReader(builtinLimits))
	if err != nil {
		// The embedded file is checked by the package's tests; an error here is a
		// build defect, and an empty table still fails closed.
		return &LimitsTable{}
	}
	return t
})

// LimitsFor returns the limits of instanceType from the built-in table dated
// [LimitsDate], and reports whether the type is in it. Newer families (g8i, c8i, ...)
// are not: take their limits from DescribeInstanceTypes.
func LimitsFor(instanceType string) (Limits, bool) { return builtin().Lookup(instanceType) }

// BuiltinLimits returns the built-in limits table.
func BuiltinLimits() *LimitsTable { return builtin() }

// ErrInvalidLimits is wrapped by every *[LimitsError].
var ErrInvalidLimits = errors.New("eni: invalid limits table")

// A LimitsError reports a line of a limits table that [ParseLimits] cannot read.
type LimitsError struct {
	Line int    // 1-based line number; 0 for an error of NewLimitsTable
	Text string // the offending line, or the instance type given to NewLimitsTable
	Msg  string // what is wrong with it
}

// Error returns a message naming the line and the problem.
func (e *LimitsError) Error() string {
	if e.Line == 0 {
		return "eni: limits table: " + strconv.Quote(e.Text) + ": " + e.Msg
	}
	return "eni: limits table line " + strconv.Itoa(e.Line) + ": " + e.Msg + ": " + strconv.Quote(e.Text)
}

// Code returns the stable code "limits-invalid".
func (e *LimitsError) Code() string { return "limits-invalid" }

// Unwrap returns [ErrInvalidLimits].
func (e *LimitsError) Unwrap() error { return ErrInvalidLimits }

// maxLimit bounds the numbers a table may give, so a typo cannot claim a million ENIs.
const maxLimit = 1000

// ParseLimits reads a limits table, one instance family a line:
//
//	# comment
//	ecs.g7: large 3/6, xlarge 4/15
//	ecs.n1 (retired): small 1/?
//
// Each entry is a size, the ENIs per instance and the private IPs per ENI; "?" stands
// for a value the source does not give. Blank lines and lines starting with # are
// skipped. Any other malformed line, a duplicate type, or a number outside 1..1000 gives
// a *[LimitsError]; nothing is returned then.
func ParseLimits(r io.Reader) (*LimitsTable, error) {
	t := &LimitsTable{types: make(map[string]Limits)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		fail := func(msg string) error { return &LimitsError{Line: line, Text: text, Msg: msg} }
		head, body, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fail("missing ':' after the family")
		}
		family, retired := strings.TrimSpace(head), false
		if f, ok := strings.CutSuffix(family, "(retired)"); ok {
			family, retired = strings.TrimSpace(f), true
		}
		if !validName(family) || !strings.Contains(family, ".") {
			return nil, fail("bad family name")
		}
		for entry := range strings.SplitSeq(body, ",") {
			size, counts, ok := strings.Cut(strings.TrimSpace(entry), " ")
			if !ok || !validName(size) || strings.Contains(size, ".") {
				return nil, fail("entry " + strconv.Quote(entry) + " is not 'size ENIs/IPs'")
			}
			enis, ips, ok := strings.Cut(strings.TrimSpace(counts), "/")
			if !ok {
				return nil, fail("entry " + strconv.Quote(entry) + " is not 'size ENIs/IPs'")
			}
			l := Limits{Retired: retired}
			var err error
			if l.ENIs, err = count(enis, false); err != nil {
				return nil, fail("ENIs of " + size + ": " + err.Error())
			}
			if l.PrivateIPsPerENI, err = count(ips, true); err != nil {
				return nil, fail("IPs per ENI of " + size + ": " + err.Error())
			}
			typ := strings.ToLower(family + "." + size)
			if _, dup := t.types[typ]; dup {
				return nil, fail("duplicate instance type " + typ)
			}
			t.types[typ] = l
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &LimitsError{Line: line + 1, Msg: err.Error()}
	}
	return t, nil
}

func count(s string, unknownOK bool) (int, error) {
	s = strings.TrimSpace(s)
	if s == "?" {
		if unknownOK {
			return Unknown, nil
		}
		return 0, errors.New("must be a number")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, errors.New(strconv.Quote(s) + " is not a number from 1 to 1000")
	}
	return n, nil
}

// validName reports whether s is a non-empty run of lower-case letters, digits, dots and
// dashes.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(strings.ToLower(s)) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
