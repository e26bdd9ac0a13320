package emulator

import (
	"maps"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
)

// params are a request's parameters, from the query string and the form body.
type params struct {
	op backend.Op
	v  url.Values
	// read records the parameters the handler asked for, present or not, for the
	// check against the operation's declared parameters (its route).
	read map[string]bool
}

// get returns a parameter, or "" when it is absent, and records that it was read.
func (p *params) get(name string) string {
	if p.read == nil {
		p.read = map[string]bool{}
	}
	p.read[name] = true
	return p.v.Get(name)
}

// anyUnder reports whether the call sends a parameter whose name starts with prefix
// (a numbered group such as "DataDisk.2." or "NetworkInterface.1.").
func (p *params) anyUnder(prefix string) bool {
	for name := range p.v {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// has says whether the request has a parameter, and records that it was read.
func (p *params) has(name string) bool {
	p.get(name)
	return p.v.Has(name)
}

// strays returns the parameters the handler asked for that its operation does not
// declare, sorted.
func (p *params) strays(declared modelled) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(p.read)) {
		if !declared.has(name) {
			out = append(out, name)
		}
	}
	return out
}

// badParam is the error for a malformed parameter.
func (p *params) badParam(name, why string) error {
	return backend.NewError(string(p.op), "InvalidParameter", "The specified parameter "+name+" is not valid: "+why)
}

func (p *params) missing(name string) error {
	return backend.NewError(
		string(p.op),
		"MissingParameter",
		"The input parameter \""+name+"\" that is mandatory for processing this request is not supplied.",
	)
}

// str returns a parameter, or "" when it is absent.
func (p *params) str(name string) string { return p.get(name) }

// optional returns the parameter's value, or nil when the request does not have it: an
// attribute to change only when given.
func (p *params) optional(name string) *string {
	if !p.has(name) {
		return nil
	}
	v := p.get(name)
	return &v
}

// required returns a parameter that must be present and not empty.
func (p *params) required(name string) (string, error) {
	s := p.get(name)
	if s == "" {
		return "", p.missing(name)
	}
	return s, nil
}

// integer returns an integer parameter, or 0 when it is absent.
func (p *params) integer(name string) (int, error) {
	s := p.get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, p.badParam(name, "not a whole number")
	}
	return n, nil
}

// addr returns an IP address parameter, or the zero address when it is absent.
func (p *params) addr(name string) (netip.Addr, error) {
	s := p.get(name)
	if s == "" {
		return netip.Addr{}, nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, p.badParam(name, "not an IP address")
	}
	return a, nil
}

// list returns a repeated parameter sent as Name.1, Name.2, ...: at most max entries,
// numbered from 1 without gaps.
func (p *params) list(name string, max int) ([]string, error) {
	byIndex := map[int]string{}
	for _, key := range slices.Sorted(maps.Keys(p.v)) { // the same bad index reported every time
		vals := p.v[key]
		rest, ok := strings.CutPrefix(key, name+".")
		if !ok {
			continue
		}
		p.get(key)
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > max {
			return nil, p.badParam(key, "list index out of range 1.."+strconv.Itoa(max))
		}
		byIndex[n] = vals[0]
	}
	out := make([]string, 0, len(byIndex))
	for i := 1; i <= len(byIndex); i++ {
		s, ok := byIndex[i]
		if !ok {
			return nil, p.badParam(name, "lists are numbered from 1 without gaps")
		}
		out = append(out, s)
	}
	return out, nil
}

// addrs returns a repeated IP address parameter.
func (p *params) addrs(name string, max int) ([]netip.Addr, error) {
	items, err := p.list(name, max)
	if err != nil {
		return nil, err
	}
	out := make([]netip.Addr, 0, len(items))
	for i, s := range items {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, p.badParam(name+"."+strconv.Itoa(i+1), "not an IP address")
		}
		out = append(out, a)
	}
	return out, nil
}

// enum parses a parameter with parse, or returns the zero value when it is absent.
func enumParam[T any](p *params, name string, parse func(string) (T, error)) (T, error) {
	var zero T
	s := p.get(name)
	if s == "" {
		return zero, nil
	}
	v, err := parse(s)
	if err != nil {
		return zero, p.badParam(name, err.Error())
	}
	return v, nil
}

// tags returns the tags of a request, sent as Tag.N.Key and Tag.N.Value, numbered from
// 1 without gaps. How many there may be, and what a key may be, is the tag rules' to
// say (backend.CheckTagCall), so that the answer has the API's own error code.
func (p *params) tags() ([]backend.Tag, error) {
	byIndex := map[int]*backend.Tag{}
	for _, key := range slices.Sorted(maps.Keys(p.v)) {
		rest, ok := strings.CutPrefix(key, "Tag.")
		if !ok {
			continue
		}
		p.get(key)
		num, field, ok := strings.Cut(rest, ".")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 1 || n > maxListIndex || (field != "Key" && field != "Value") {
			return nil, p.badParam(key, "tags are sent as Tag.N.Key and Tag.N.Value")
		}
		t := byIndex[n]
		if t == nil {
			t = &backend.Tag{}
			byIndex[n] = t
		}
		if field == "Key" {
			t.Key = p.v.Get(key)
		} else {
			t.Value = p.v.Get(key)
		}
	}
	out := make([]backend.Tag, 0, len(byIndex))
	for i := 1; i <= len(byIndex); i++ {
		t, ok := byIndex[i]
		if !ok {
			return nil, p.badParam("Tag", "tags are numbered from 1 without gaps")
		}
		out = append(out, *t)
	}
	return out, nil
}

// maxListIndex bounds the N of a repeated parameter whose count the API checks with a
// code of its own (NumberExceed.Tags, SizeLimitExceeded.ResourceId), so that the count
// reaches that check.
const maxListIndex = 1000

// terms reads the named parameters (every term, sorted, when none is named) that a
// call gives, each checked against the values terms allows (nil: any value), into a map
// by name. An empty value is an absent one, as everywhere here.
func (p *params) terms(terms map[string][]string, names ...string) (map[string]string, error) {
	if len(names) == 0 {
		names = slices.Sorted(maps.Keys(terms))
	}
	out := map[string]string{}
	for _, name := range names {
		v := p.str(name)
		if v == "" {
			continue
		}
		if allowed := terms[name]; allowed != nil && !slices.Contains(allowed, v) {
			return nil, p.badParam(name, "one of "+strings.Join(allowed, ", "))
		}
		out[name] = v
	}
	return out, nil
}
