package ecs_test

import (
	"errors"
	"testing"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
)

// TestFamily: the families are the documentation's and the limits table's spelling
// (family = type without its size suffix), compared case-insensitively.
func TestFamily(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"ecs.g7.large": "ecs.g7", "ecs.gn5i-c8g1.2xlarge": "ecs.gn5i-c8g1", "ecs.g7": "ecs.g7",
		"": "", " ECS.G5.Large ": "ecs.g5",
	} {
		if got := ecs.Family(in); got != want {
			t.Errorf("Family(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInstance(t *testing.T) {
	t.Parallel()
	var zero ecs.Instance
	if zero.ENICount() != 1 {
		t.Errorf("zero Instance has %d ENIs, want 1 (its primary)", zero.ENICount())
	}
	if _, ok := zero.TypeLimits(); ok {
		t.Error("the zero Instance has known limits")
	}
	// ecs.g7.large: 3 ENIs, 6 private IPs per ENI (API facts §5, "ecs.g7: large 3/6").
	g7 := ecs.Instance{Type: "ecs.g7.large", ENIs: []eni.ID{"eni-p", "eni-2"}}
	if l, ok := g7.TypeLimits(); !ok || l.ENIs != 3 || l.PrivateIPsPerENI != 6 {
		t.Errorf("ecs.g7.large limits = %+v, %v; want 3 ENIs, 6 IPs", l, ok)
	}
	if g7.ENICount() != 2 || g7.Family() != "ecs.g7" {
		t.Errorf("ENICount %d, Family %q", g7.ENICount(), g7.Family())
	}
	own := ecs.Instance{Type: "ecs.g7.large", Limits: eni.Limits{ENIs: 8, PrivateIPsPerENI: 20}}
	if l, _ := own.TypeLimits(); l.ENIs != 8 {
		t.Errorf("supplied limits ignored: %+v", l)
	}
}

func TestDHCP(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]ecs.DHCP{
		"": ecs.DHCPUnknown, "Unknown": ecs.DHCPUnknown, " enabled": ecs.DHCPEnabled, "TRUE": ecs.DHCPEnabled,
		"disabled": ecs.DHCPDisabled, "false": ecs.DHCPDisabled,
	} {
		got, err := ecs.ParseDHCP(in)
		if err != nil || got != want {
			t.Errorf("ParseDHCP(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ecs.ParseDHCP("on-ish")
	var de *ecs.DHCPError
	if !errors.As(err, &de) || de.Code() != "dhcp-invalid" || !errors.Is(err, ecs.ErrUnknownDHCP) {
		t.Errorf("ParseDHCP(on-ish) = %v", err)
	}
	for _, d := range []ecs.DHCP{ecs.DHCPUnknown, ecs.DHCPEnabled, ecs.DHCPDisabled} {
		text, err := d.MarshalText()
		var back ecs.DHCP
		if err != nil || back.UnmarshalText(text) != nil || back != d {
			t.Errorf("%v does not round-trip: %q %v", d, text, err)
		}
	}
	if _, err := ecs.DHCP(9).MarshalText(); err == nil {
		t.Error("DHCP(9) marshals")
	}
	if ecs.DHCPUnknown.Known() || !ecs.DHCPDisabled.Known() {
		t.Error("Known is wrong")
	}
}

func FuzzParseDHCP(f *testing.F) {
	for _, s := range []string{"", "enabled", "disabled", "unknown", "true", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ecs.ParseDHCP(s)
		if err != nil {
			if !errors.Is(err, ecs.ErrUnknownDHCP) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if again, err := ecs.ParseDHCP(d.String()); err != nil || again != d {
			t.Fatalf("%q -> %v does not round-trip", s, d)
		}
	})
}
