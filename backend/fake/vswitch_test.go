package fake

import (
	"net/netip"
	"testing"

	"pgregory.net/rapid"
)

// TestNextIsTheLowestFree checks the vSwitch's cursor against the plain rule of the
// allocation order: next gives the lowest usable address from the fourth up that is
// neither used nor in also, else the second or the third, whatever was taken and given
// back before.
func TestNextIsTheLowestFree(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		v := &vswitch{CIDR: netip.MustParsePrefix("10.0.0.0/26"), used: map[netip.Addr]string{}}
		lowest := func(also []netip.Addr) (netip.Addr, bool) {
			order := []int{}
			for i := 3; i < 64; i++ {
				order = append(order, i)
			}
			for _, i := range append(order, 1, 2) {
				a := netip.AddrFrom4([4]byte{10, 0, 0, byte(i)})
				taken := v.used[a] != ""
				for _, x := range also {
					taken = taken || x == a
				}
				if v.usable(a) && !taken {
					return a, true
				}
			}
			return netip.Addr{}, false
		}
		for range rapid.IntRange(1, 200).Draw(t, "ops") {
			var also []netip.Addr
			for range rapid.IntRange(0, 2).Draw(t, "also") {
				also = append(also, netip.AddrFrom4([4]byte{10, 0, 0, byte(rapid.IntRange(0, 63).Draw(t, "a"))}))
			}
			want, wantOK := lowest(also)
			got, ok := v.next(also)
			if got != want || ok != wantOK {
				t.Fatalf("next(%v) = %v %v, want %v %v", also, got, ok, want, wantOK)
			}
			if rapid.Bool().Draw(t, "take") && ok {
				v.used[got] = "eni"
			}
			if rapid.IntRange(0, 3).Draw(t, "give back") == 0 {
				v.free(netip.AddrFrom4([4]byte{10, 0, 0, byte(rapid.IntRange(0, 63).Draw(t, "freed"))}))
			}
		}
	})
}

// TestReservedAddresses: a vSwitch reserves its first and its last three addresses
// (VPC API reference, CreateDefaultVSwitch: for 192.168.1.0/24, .0, .253, .254 and
// .255); every other address of the block is usable, the second and third included.
func TestReservedAddresses(t *testing.T) {
	t.Parallel()
	v := &vswitch{CIDR: netip.MustParsePrefix("192.168.1.0/24"), used: map[netip.Addr]string{}}
	for i := 0; i < 256; i++ {
		a := netip.AddrFrom4([4]byte{192, 168, 1, byte(i)})
		want := i != 0 && i != 253 && i != 254 && i != 255
		if got := v.usable(a); got != want {
			t.Errorf("usable(%v) = %v, want %v", a, got, want)
		}
	}
}
