package eni

import (
	"bufio"
	"cmp"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// NewLimitsTable returns a table of the given instance types, such as the answer of
// DescribeInstanceTypes. Each type needs a family and a size ("ecs.g7.large"), ENIs
// from 1 to 1000 and private IPs per ENI from 1 to 1000 or [Unknown]; otherwise the
// result is a *[LimitsError] naming the type (its Line is 0).
func NewLimitsTable(types map[string]Limits) (*LimitsTable, error) {
	t := &LimitsTable{types: make(map[string]Limits, len(types))}
	for _, typ := range slices.Sorted(maps.Keys(types)) {
		l := types[typ]
		fail := func(msg string) error { return &LimitsError{Text: typ, Msg: msg} }
		name := strings.ToLower(strings.TrimSpace(typ))
		dot := strings.LastIndexByte(name, '.')
		if dot < 0 || !validName(name) || !strings.Contains(name[:dot], ".") || dot == len(name)-1 {
			return nil, fail("not an instance type such as ecs.g7.large")
		}
		if l.ENIs < 1 || l.ENIs > maxLimit {
			return nil, fail("ENIs " + strconv.Itoa(l.ENIs) + " is not a number from 1 to 1000")
		}
		if l.PrivateIPsPerENI != Unknown && (l.PrivateIPsPerENI < 1 || l.PrivateIPsPerENI > maxLimit) {
			return nil, fail("IPs per ENI " + strconv.Itoa(l.PrivateIPsPerENI) + " is not a number from 1 to 1000")
		}
		if _, dup := t.types[name]; dup {
			return nil, fail("duplicate instance type " + name)
		}
		t.types[name] = l
	}
	return t, nil
}

// WriteTo writes the table in the format [ParseLimits] reads: one line a family, the
// families sorted, retired ones marked, the sizes in their natural order (small, medium,
// large, xlarge, 2xlarge, ...). The output for a table is always the same, so a
// refreshed table diffs cleanly against the old one. It returns the bytes written.
func (t *LimitsTable) WriteTo(w io.Writer) (int64, error) {
	type entry struct {
		size string
		l    Limits
	}
	families := map[string][]entry{}
	if t == nil {
		return 0, nil
	}
	for typ, l := range t.types {
		dot := strings.LastIndexByte(typ, '.')
		key := typ[:dot]
		if l.Retired {
			key += " (retired)"
		}
		families[key] = append(families[key], entry{typ[dot+1:], l})
	}
	bw := bufio.NewWriter(w)
	cw := &countingWriter{w: bw}
	for _, fam := range slices.Sorted(maps.Keys(families)) {
		entries := families[fam]
		slices.SortFunc(entries, func(a, b entry) int { return compareSizes(a.size, b.size) })
		cw.WriteString(fam + ":")
		for i, e := range entries {
			if i > 0 {
				cw.WriteString(",")
			}
			ips := "?"
			if e.l.KnowsPrivateIPs() {
				ips = strconv.Itoa(e.l.PrivateIPsPerENI)
			}
			cw.WriteString(" " + e.size + " " + strconv.Itoa(e.l.ENIs) + "/" + ips)
		}
		cw.WriteString("\n")
	}
	if cw.err == nil {
		cw.err = bw.Flush()
	}
	return cw.n, cw.err
}

// compareSizes orders instance sizes: the named ones (nano to large) first, then
// "xlarge", then "Nxlarge" by N, then anything else by name.
func compareSizes(a, b string) int {
	rank := func(s string) (int, int) {
		named := []string{"nano", "micro", "tiny", "small", "medium", "large", "xlarge"}
		if i := slices.Index(named, s); i >= 0 {
			return 0, i
		}
		if n, ok := strings.CutSuffix(s, "xlarge"); ok {
			if v, err := strconv.Atoi(n); err == nil {
				return 1, v
			}
		}
		return 2, 0
	}
	ca, na := rank(a)
	cb, nb := rank(b)
	return cmp.Or(cmp.Compare(ca, cb), cmp.Compare(na, nb), strings.Compare(a, b))
}

// countingWriter counts what it writes and keeps the first error.
type countingWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countingWriter) WriteString(s string) {
	if c.err != nil {
		return
	}
	n, err := c.w.WriteString(s)
	c.n += int64(n)
	c.err = err
}
