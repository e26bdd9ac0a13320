package modes_test

import (
	"errors"
	"testing"

	"github.com/eipassoc/eipassoc/internal/enumtest"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/google/go-cmp/cmp"
)

func TestModeContract(t *testing.T) {
	t.Parallel()
	enumtest.Check(t, modes.All(), modes.Parse, modes.ErrUnknown, modes.CodeInvalid)
}

func TestParseRapid(t *testing.T) { enumtest.Property(t, modes.Parse) }

func FuzzParse(f *testing.F) {
	enumtest.Fuzz(f, modes.All(), modes.Parse, "cut-through", "Multi-EIP-to-ENI mode", "", "NATT", "binded ")
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want modes.Mode
	}{
		{"NAT", modes.NAT},
		{"nat mode", modes.NAT},
		{"BINDED", modes.Binded},
		{"Cut-Through", modes.Binded},
		{"cut_through", modes.Binded},
		{"MULTI_BINDED", modes.MultiBinded},
		{"multi-EIP-to-ENI", modes.MultiBinded},
		{" multi_binded ", modes.MultiBinded},
	}
	for _, tc := range tests {
		got, err := modes.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "NATS", "BIND", "multi binded", "Mode(1)", "1"} {
		if _, err := modes.Parse(in); !errors.Is(err, modes.ErrUnknown) {
			t.Errorf("Parse(%q) error = %v, want ErrUnknown", in, err)
		}
	}
}

func TestParseErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := modes.Parse("FAST")
	var pe *modes.ParseError
	if !errors.As(err, &pe) || pe.Input != "FAST" || pe.Code() != "mode-invalid" {
		t.Fatalf("Parse(FAST) error = %#v", err)
	}
	if diff := cmp.Diff([]string{"NAT", "BINDED", "MULTI_BINDED"}, pe.Want); diff != "" {
		t.Errorf("Want mismatch (-want +got):\n%s", diff)
	}
}

func TestMustParsePanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("MustParse(bogus) did not panic")
		}
	}()
	modes.MustParse("bogus")
}

// TestProperties pins each mode's facts to the product documentation's comparison table.
func TestProperties(t *testing.T) {
	t.Parallel()
	type row struct {
		visible, primary, keepsPrivate, allIP, recommended, newApps, family, dhcp bool
		primaryCap, secondaryCapWith10IPs                                         int
	}
	want := map[modes.Mode]row{
		modes.NAT: {
			visible:               false,
			primary:               true,
			keepsPrivate:          true,
			allIP:                 false,
			recommended:           true,
			newApps:               true,
			primaryCap:            1,
			secondaryCapWith10IPs: 10,
		},
		modes.Binded: {
			visible:               true,
			primary:               false,
			keepsPrivate:          false,
			allIP:                 true,
			recommended:           false,
			newApps:               true,
			primaryCap:            0,
			secondaryCapWith10IPs: 1,
		},
		modes.MultiBinded: {
			visible:               true,
			primary:               false,
			keepsPrivate:          true,
			allIP:                 true,
			recommended:           true,
			newApps:               false,
			family:                true,
			dhcp:                  true,
			primaryCap:            0,
			secondaryCapWith10IPs: 10,
		},
	}
	for m, w := range want {
		p := m.Properties()
		got := row{
			visible: p.VisibleInOS, primary: p.PrimaryENI.Allows(), keepsPrivate: p.KeepsPrivateNetwork, allIP: p.AllIPProtocols,
			recommended: p.Recommended, newApps: p.AcceptsNewApplications, family: p.InstanceFamilyRestricted,
			dhcp:       p.DHCPRequired,
			primaryCap: p.PrimaryENI.Limit(10), secondaryCapWith10IPs: p.SecondaryENI.Limit(10),
		}
		if diff := cmp.Diff(w, got, cmp.AllowUnexported(row{})); diff != "" {
			t.Errorf("%v properties mismatch (-want +got):\n%s", m, diff)
		}
		if p.Mode != m || !p.DetachedENIRequired || p.Name == "" || p.Visibility == "" {
			t.Errorf("%v: Mode %v, DetachedENIRequired %v, Name %q", m, p.Mode, p.DetachedENIRequired, p.Name)
		}
	}
	if p := modes.Mode(0).Properties(); p.SecondaryENI.Allows() || p.PrimaryENI.Allows() {
		t.Errorf("zero Mode properties allow EIPs: %+v", p)
	}
	if got := modes.NAT.Properties().SecondaryENI.Limit(3); got != 3 {
		t.Errorf("NAT capacity with 3 private IPs = %d, want 3", got)
	}
	if !modes.Binded.Properties().PrimaryPrivateIPOnly || !modes.Binded.Properties().NoSecondaryPrivateIPs {
		t.Error("cut-through must be primary-IP-only with no secondary IPs")
	}
}

func TestCapacityString(t *testing.T) {
	t.Parallel()
	for c, want := range map[modes.Capacity]string{
		{Max: 10}: "10", {PerPrivateIP: true}: "one per private IP", {}: "none", {Max: -3}: "none",
	} {
		if got := c.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", c, got, want)
		}
	}
	if got := (modes.Capacity{Max: -3}).Limit(5); got != 0 {
		t.Errorf("negative capacity limit = %d", got)
	}
}

func TestProtocols(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"H.323", "sip", "DNS", "rtsp", "TFTP"} {
		if modes.NAT.SupportsProtocol(p) != modes.Unsupported {
			t.Errorf("NAT supports %s", p)
		}
		if modes.Binded.SupportsProtocol(p) != modes.Supported ||
			modes.MultiBinded.SupportsProtocol(p) != modes.Supported {
			t.Errorf("cut-through or multi does not support %s", p)
		}
	}
	// The documentation lists ALG protocols "such as" H.323, SIP, DNS and RTSP: HTTP is
	// not on the list, and the list is not exhaustive, so nothing says it works.
	if modes.NAT.SupportsProtocol("HTTP") != modes.Undocumented ||
		modes.Mode(0).SupportsProtocol("HTTP") != modes.Unsupported {
		t.Error("NAT must carry HTTP; the zero mode nothing")
	}
	got := modes.NAT.UnsupportedProtocols()
	got[0] = "changed"
	if modes.NAT.UnsupportedProtocols()[0] != "H.323" {
		t.Error("UnsupportedProtocols returns shared storage")
	}
	if modes.Binded.UnsupportedProtocols() != nil {
		t.Error("cut-through has unsupported protocols")
	}
}

func TestInstanceFamilies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  string
		want bool
	}{
		{"ecs.g5.large", true},
		{"ECS.C5.XLARGE", true},
		{"ecs.gn5i-c8g1.2xlarge", true},
		{"ecs.f1-c28f1.7xlarge", true},
		{"ecs.t5-lc1m2.small", true},
		{"ecs.ebmg5.24xlarge", true},
		{"ecs.g6.large", false},
		{"ecs.g5ne.large", false},
		{"ecs.g7.large", false},
		{"ecs.gn5-c4g1.xlarge", false},
		{"", false},
		{"g5", false},
	}
	for _, tc := range tests {
		if got := modes.MultiBinded.AllowsInstanceType(tc.typ); got != tc.want {
			t.Errorf("MultiBinded.AllowsInstanceType(%q) = %v, want %v", tc.typ, got, tc.want)
		}
		if !modes.NAT.AllowsInstanceType(tc.typ) || !modes.Binded.AllowsInstanceType(tc.typ) {
			t.Errorf("NAT or cut-through restricts %q", tc.typ)
		}
	}
	if len(modes.MultiBinded.InstanceFamilies()) != 21 || modes.NAT.InstanceFamilies() != nil {
		t.Error("the product documentation lists 21 families for MULTI_BINDED and none for the others")
	}
	if modes.Mode(9).AllowsInstanceType("ecs.g5.large") {
		t.Error("an invalid mode allows an instance type")
	}
}

// TestParseAPI: the API takes NAT, BINDED and MULTI_BINDED exactly (facts §1: Mode enum);
// the documentation's names and other cases are Parse's, not the API's.
func TestParseAPI(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]modes.Mode{
		"NAT": modes.NAT, "BINDED": modes.Binded, "MULTI_BINDED": modes.MultiBinded,
	} {
		if got, err := modes.ParseAPI(s); err != nil || got != want {
			t.Errorf("ParseAPI(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"nat", " NAT", "cut-through", "MULTI-BINDED", ""} {
		_, err := modes.ParseAPI(s)
		var pe *modes.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, modes.ErrUnknown) || pe.Input != s ||
			pe.Code() != modes.CodeInvalid {
			t.Errorf("ParseAPI(%q) = %v", s, err)
		}
	}
}
