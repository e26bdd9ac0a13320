package eni_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/eipassoc/eipassoc/eni"
)

// TestLimitsRoundTrip: what WriteTo writes, ParseLimits reads back as the same table,
// for generated tables and for the built-in one.
func TestLimitsRoundTrip(t *testing.T) {
	t.Parallel()
	roundTrip := func(t interface {
		Fatalf(string, ...any)
	}, table *eni.LimitsTable) {
		var buf bytes.Buffer
		n, err := table.WriteTo(&buf)
		if err != nil || n != int64(buf.Len()) {
			t.Fatalf("WriteTo: %d bytes of %d, %v", n, buf.Len(), err)
		}
		back, err := eni.ParseLimits(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("ParseLimits of the written table: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(limitsOf(table), limitsOf(back)); diff != "" {
			t.Fatalf("round trip changed the table (-before +after):\n%s", diff)
		}
		var again bytes.Buffer
		back.WriteTo(&again)
		if again.String() != buf.String() {
			t.Fatalf("WriteTo is not deterministic:\n%s\n---\n%s", buf.String(), again.String())
		}
	}
	roundTrip(t, eni.BuiltinLimits())
	rapid.Check(t, func(t *rapid.T) {
		types := map[string]eni.Limits{}
		for range rapid.IntRange(0, 30).Draw(t, "types") {
			family := rapid.SampledFrom([]string{"ecs.g7", "ecs.c6", "ecs.gn5i-c8g1", "ecs.r8a"}).Draw(t, "family")
			size := rapid.SampledFrom([]string{"large", "xlarge", "2xlarge", "16xlarge", "small", "c1m2", "8xlarge"}).
				Draw(t, "size")
			l := eni.Limits{
				ENIs:             rapid.IntRange(1, 1000).Draw(t, "enis"),
				PrivateIPsPerENI: rapid.IntRange(0, 1000).Draw(t, "ips"),
			}
			if l.PrivateIPsPerENI == 0 {
				l.PrivateIPsPerENI = eni.Unknown
			}
			types[family+"."+size] = l
		}
		table, err := eni.NewLimitsTable(types)
		if err != nil {
			t.Fatalf("NewLimitsTable: %v", err)
		}
		roundTrip(t, table)
	})
}

func limitsOf(t *eni.LimitsTable) map[string]eni.Limits {
	out := map[string]eni.Limits{}
	for _, typ := range t.Types() {
		out[typ], _ = t.Lookup(typ)
	}
	return out
}

// TestWriteToOrdersSizes: sizes come in their natural order, as in the documentation's
// tables.
func TestWriteToOrdersSizes(t *testing.T) {
	t.Parallel()
	table, err := eni.NewLimitsTable(map[string]eni.Limits{
		"ecs.g7.16xlarge": {ENIs: 8, PrivateIPsPerENI: 30}, "ecs.g7.large": {ENIs: 3, PrivateIPsPerENI: 6},
		"ecs.g7.2xlarge": {ENIs: 4, PrivateIPsPerENI: 15}, "ecs.g7.xlarge": {ENIs: 4, PrivateIPsPerENI: 15},
		"ecs.t5-lc1m1.small": {ENIs: 1, PrivateIPsPerENI: eni.Unknown},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	table.WriteTo(&buf)
	want := "ecs.g7: large 3/6, xlarge 4/15, 2xlarge 4/15, 16xlarge 8/30\necs.t5-lc1m1: small 1/?\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestNewLimitsTableRefuses(t *testing.T) {
	t.Parallel()
	for name, l := range map[string]eni.Limits{
		"g7":                {ENIs: 2, PrivateIPsPerENI: 2},
		"ecs.g7":            {ENIs: 2, PrivateIPsPerENI: 2},
		"ecs.g7.large":      {ENIs: 0, PrivateIPsPerENI: 2},
		"ecs.g7.xlarge":     {ENIs: 2, PrivateIPsPerENI: 0},
		"ecs.g7.2xlarge":    {ENIs: 1001, PrivateIPsPerENI: 2},
		"ecs.g7.la rge":     {ENIs: 2, PrivateIPsPerENI: 2},
		"ecs.g7.":           {ENIs: 2, PrivateIPsPerENI: 2},
		"ecs.g7.large:evil": {ENIs: 2, PrivateIPsPerENI: 2},
	} {
		_, err := eni.NewLimitsTable(map[string]eni.Limits{name: l})
		var le *eni.LimitsError
		if !errors.As(err, &le) || !errors.Is(err, eni.ErrInvalidLimits) || !strings.Contains(err.Error(), name) {
			t.Errorf("NewLimitsTable(%q: %+v) = %v", name, l, err)
		}
	}
}
