package fake

import (
	"net/netip"
	"testing"

	"pgregory.net/rapid"
)

// TestNextIsTheLowestFree checks the vSwitch's cursor against the plain rule: next gives
// the lowest usable address that is neither used nor in also, whatever was taken and
// given back before.
func TestNextIsTheLowestFree(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		v := &vswitch{CIDR: netip.MustParsePrefix("10.0.0.0/26"), used: map[netip.Addr]string{}}
		lowest := func(also []netip.Addr) (netip.Addr, bool) {
			for a := v.CIDR.Addr(); v.CIDR.Contains(a); a = a.Next() {
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
