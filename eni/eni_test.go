package eni_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/enumtest"
)

func TestKindContract(t *testing.T) {
	t.Parallel()
	enumtest.Check(t, eni.Kinds(), eni.ParseKind, eni.ErrUnknownKind, "eni-kind-invalid")
}

func TestStatusContract(t *testing.T) {
	t.Parallel()
	enumtest.Check(t, eni.Statuses(), eni.ParseStatus, eni.ErrUnknownStatus, "eni-status-invalid")
}

func FuzzParseKind(f *testing.F) { enumtest.Fuzz(f, eni.Kinds(), eni.ParseKind, "secondary ENI") }

func FuzzParseStatus(f *testing.F) { enumtest.Fuzz(f, eni.Statuses(), eni.ParseStatus, "in use") }

func TestInterfaceAddresses(t *testing.T) {
	t.Parallel()
	n := eni.Interface{
		PrimaryIP:    netip.MustParseAddr("10.0.0.10"),
		SecondaryIPs: []netip.Addr{netip.MustParseAddr("10.0.0.11"), netip.MustParseAddr("10.0.0.12")},
	}
	if got := n.PrivateIPCount(); got != 3 {
		t.Errorf("PrivateIPCount = %d, want 3", got)
	}
	if got := n.PrivateIPs(); len(got) != 3 || got[0] != n.PrimaryIP {
		t.Errorf("PrivateIPs = %v", got)
	}
	for a, want := range map[string]bool{
		"10.0.0.10": true, "10.0.0.12": true, "10.0.0.13": false, "::ffff:10.0.0.10": false,
	} {
		if got := n.HasPrivateIP(netip.MustParseAddr(a)); got != want {
			t.Errorf("HasPrivateIP(%s) = %v, want %v", a, got, want)
		}
	}
	if n.HasPrivateIP(netip.Addr{}) {
		t.Error("the zero address is on the ENI")
	}
	if (&eni.Interface{}).PrivateIPCount() != 0 {
		t.Error("the zero Interface has addresses")
	}
}

func TestAttached(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		n    eni.Interface
		want bool
	}{
		{"available secondary", eni.Interface{Kind: eni.Secondary, Status: eni.Available}, false},
		{"in use", eni.Interface{Kind: eni.Secondary, Status: eni.InUse}, true},
		{"attaching", eni.Interface{Kind: eni.Secondary, Status: eni.Attaching}, true},
		{"detaching", eni.Interface{Kind: eni.Secondary, Status: eni.Detaching}, true},
		{"names an instance", eni.Interface{Kind: eni.Secondary, Status: eni.Available, Instance: "i-1"}, true},
		{"primary", eni.Interface{Kind: eni.Primary}, true},
	}
	for _, tc := range tests {
		if got := tc.n.Attached(); got != tc.want {
			t.Errorf("%s: Attached() = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestBuiltinLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  string
		want eni.Limits
	}{
		{"ecs.c6.large", eni.Limits{ENIs: 2, PrivateIPsPerENI: 6}},
		{"ecs.g7.2xlarge", eni.Limits{ENIs: 4, PrivateIPsPerENI: 15}},
		{"ECS.G7.2XLARGE", eni.Limits{ENIs: 4, PrivateIPsPerENI: 15}},
		{"ecs.i3.4xlarge", eni.Limits{ENIs: 8, PrivateIPsPerENI: 300}},
		{"ecs.gn5i-c16g1.4xlarge", eni.Limits{ENIs: 8, PrivateIPsPerENI: 20}},
		{"ecs.c4.xlarge", eni.Limits{ENIs: 3, PrivateIPsPerENI: eni.Unknown, Retired: true}},
		{"ecs.ebmgn7i.32xlarge", eni.Limits{ENIs: 32, PrivateIPsPerENI: eni.Unknown}},
	}
	for _, tc := range tests {
		got, ok := eni.LimitsFor(tc.typ)
		if !ok || got != tc.want {
			t.Errorf("LimitsFor(%q) = %+v, %v; want %+v", tc.typ, got, ok, tc.want)
		}
	}
	for _, typ := range []string{"ecs.g8i.large", "", "ecs.g7", "g7.large"} {
		if got, ok := eni.LimitsFor(typ); ok || got != (eni.Limits{}) {
			t.Errorf("LimitsFor(%q) = %+v, %v; want unknown", typ, got, ok)
		}
	}
	table := eni.BuiltinLimits()
	if table.Len() < 500 || len(table.Types()) != table.Len() {
		t.Errorf("built-in table has %d types", table.Len())
	}
	for _, typ := range table.Types() {
		l, _ := table.Lookup(typ)
		if l.ENIs < 1 || (l.KnowsPrivateIPs() && l.PrivateIPsPerENI < 1) {
			t.Errorf("%s: bad limits %+v", typ, l)
		}
		if l.SecondaryENIs() != l.ENIs-1 {
			t.Errorf("%s: SecondaryENIs %d", typ, l.SecondaryENIs())
		}
	}
}

func TestParseLimitsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		line     int
	}{
		{"no colon", "ecs.g7 large 3/6", 1},
		{"bad family", "g7: large 3/6", 1},
		{"bad entry", "ecs.g7: large", 1},
		{"no slash", "ecs.g7: large 3-6", 1},
		{"unknown ENIs", "ecs.g7: large ?/6", 1},
		{"zero", "ecs.g7: large 0/6", 1},
		{"too big", "ecs.g7: large 3/1001", 1},
		{"duplicate", "ecs.g7: large 3/6\necs.g7: large 3/6", 2},
		{"size with dot", "ecs.g7: la.rge 3/6", 1},
		{"after comment", "# c\n\necs.g7: large x/6", 3},
	}
	for _, tc := range tests {
		table, err := eni.ParseLimits(strings.NewReader(tc.in))
		var le *eni.LimitsError
		if table != nil || !errors.As(err, &le) || !errors.Is(err, eni.ErrInvalidLimits) || le.Line != tc.line ||
			le.Code() != "limits-invalid" {
			t.Errorf("%s: ParseLimits = %v, %v; want a LimitsError on line %d", tc.name, table, err, tc.line)
		}
	}
	table, err := eni.ParseLimits(strings.NewReader("# newer types\necs.g8i (retired): large 3/15, xlarge 4/15\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := table.Lookup("ecs.g8i.xlarge"); !ok || l != (eni.Limits{ENIs: 4, PrivateIPsPerENI: 15, Retired: true}) {
		t.Errorf("Lookup = %+v, %v", l, ok)
	}
	var nilTable *eni.LimitsTable
	if _, ok := nilTable.Lookup("ecs.g7.large"); ok || nilTable.Len() != 0 || nilTable.Types() != nil {
		t.Error("the nil table is not empty")
	}
}

func FuzzParseLimits(f *testing.F) {
	f.Add("ecs.g7: large 3/6, xlarge 4/15")
	f.Add("ecs.c4 (retired): xlarge 3/?")
	f.Add("# comment\n\necs.g7: large 3/6\necs.g7: large 3/6")
	f.Add("ecs.g7: large 0/6")
	f.Fuzz(func(t *testing.T, in string) {
		table, err := eni.ParseLimits(strings.NewReader(in))
		if err != nil {
			if table != nil || !errors.Is(err, eni.ErrInvalidLimits) {
				t.Fatalf("ParseLimits(%q) = %v, %v", in, table, err)
			}
			return
		}
		for _, typ := range table.Types() {
			l, ok := table.Lookup(typ)
			if !ok || l.ENIs < 1 || l.ENIs > 1000 ||
				(l.KnowsPrivateIPs() && (l.PrivateIPsPerENI < 1 || l.PrivateIPsPerENI > 1000)) {
				t.Fatalf("ParseLimits(%q): %s = %+v", in, typ, l)
			}
		}
	})
}

func TestParseRapid(t *testing.T) {
	t.Parallel()
	t.Run("Kind", func(t *testing.T) { enumtest.Property(t, eni.ParseKind) })
	t.Run("Status", func(t *testing.T) { enumtest.Property(t, eni.ParseStatus) })
}
