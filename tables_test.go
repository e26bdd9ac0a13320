package eipassoc_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
	"github.com/google/go-cmp/cmp"
)

// TestAccessorsHandOutCopies: nothing exported hands out a package table that a caller
// can change. Each accessor's result is taken, scribbled over, and taken again.
func TestAccessorsHandOutCopies(t *testing.T) {
	t.Parallel()
	scribble := func(ss []string) {
		for i := range ss {
			ss[i] = "scribbled"
		}
	}
	accessors := map[string]func(mutate bool) any{
		"eipassoc.Rules": func(m bool) any {
			rs := eipassoc.Rules()
			if m {
				for i := range rs {
					scribble(rs[i].APICodes)
					rs[i].Summary = "scribbled"
				}
			}
			return rs
		},
		"Code.Rule": func(m bool) any {
			r, _ := eipassoc.CodeENICapacity.Rule()
			if m {
				scribble(r.APICodes)
			}
			return r
		},
		"eipassoc.AllFacts": func(m bool) any {
			fs := eipassoc.AllFacts()
			if m {
				fs[0] = 0
			}
			return fs
		},
		"check.RuleFor": func(m bool) any {
			r, _ := check.RuleFor(check.CodeModeOnNonENITarget)
			if m {
				scribble(r.APICodes)
			}
			return r
		},
		"check.AllRules": func(m bool) any {
			rs := check.AllRules()
			if m {
				for i := range rs {
					scribble(rs[i].APICodes)
				}
			}
			return rs
		},
		"modes.All": func(m bool) any {
			ms := modes.All()
			if m {
				ms[0] = 0
			}
			return ms
		},
		"Mode.InstanceFamilies": func(m bool) any {
			fs := modes.MultiBinded.InstanceFamilies()
			if m {
				scribble(fs)
			}
			return fs
		},
		"Mode.UnsupportedProtocols": func(m bool) any {
			ps := modes.NAT.UnsupportedProtocols()
			if m {
				scribble(ps)
			}
			return ps
		},
		"ParseError.Want": func(m bool) any {
			_, err := modes.Parse("fast")
			var pe *modes.ParseError
			errors.As(err, &pe)
			if m {
				scribble(pe.Want)
			}
			return pe.Want
		},
		"regions.All": func(m bool) any {
			is := regions.All()
			if m {
				is[0].Name = "scribbled"
			}
			return is
		},
		"regions.ForMode": func(m bool) any {
			ids := regions.ForMode(modes.Binded)
			if m {
				ids[0] = "scribbled"
			}
			return ids
		},
		"Info.Modes": func(m bool) any {
			info, _ := regions.Lookup("cn-shanghai")
			ms := info.Modes()
			if m {
				ms[0] = 0
			}
			return ms
		},
		"eni.BuiltinLimits.Types": func(m bool) any {
			ts := eni.BuiltinLimits().Types()
			if m {
				scribble(ts)
			}
			return ts
		},
		"eip.LockReasons": func(m bool) any {
			ls := eip.LockReasons()
			if m {
				ls[0] = 0
			}
			return ls
		},
		"eip.ChargeTypes": func(m bool) any {
			cs := eip.ChargeTypes()
			if m {
				cs[0] = 0
			}
			return cs
		},
	}
	for name, get := range accessors {
		before := fmt.Sprintf("%+v", get(false)) // a snapshot that shares nothing
		get(true)
		if diff := cmp.Diff(before, fmt.Sprintf("%+v", get(false))); diff != "" {
			t.Errorf("%s hands out its table: a caller's change shows (-before +after):\n%s", name, diff)
		}
	}
	// The values behind the tables are unchanged too.
	if modes.NAT.String() != "NAT" || modes.NAT.SupportsProtocol("SIP") != modes.Unsupported {
		t.Error("a caller changed the modes table")
	}
}
