// Package gen holds the rapid generators that eipassoc's property tests share: modes,
// regions, EIPs, ENIs and whole association requests, biased so that both allowed and
// denied requests are common. It is for tests only.
package gen

import (
	"net/netip"
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
	"pgregory.net/rapid"
)

// Mode draws a valid mode, or rarely an invalid one.
func Mode() *rapid.Generator[modes.Mode] {
	return rapid.OneOf(
		rapid.SampledFrom(modes.All()),
		rapid.SampledFrom(modes.All()),
		rapid.SampledFrom(modes.All()),
		rapid.SampledFrom([]modes.Mode{0, 7}),
	)
}

// Region draws a region ID: mostly ones that offer every mode, sometimes closing,
// closed, cut-through-only or unknown ones.
func Region() *rapid.Generator[regions.ID] {
	return rapid.OneOf(
		rapid.SampledFrom([]regions.ID{"cn-shanghai", "cn-beijing", "eu-central-1"}),
		rapid.SampledFrom([]regions.ID{"cn-shanghai", "cn-shanghai"}),
		rapid.SampledFrom(
			[]regions.ID{"cn-hangzhou", "cn-guangzhou", "ap-northeast-1", "cn-nanjing", "ap-south-1", "mars-1", ""},
		),
	)
}

// Addr returns the private address 10.0.0.(10+i).
func Addr(i int) netip.Addr { return netip.AddrFrom4([4]byte{10, 0, 0, byte(10 + i)}) }

// ENI draws an ENI in region with 1 to 12 private addresses Addr(0)...; mostly a
// detached secondary ENI in a VPC.
func ENI(region regions.ID) *rapid.Generator[eni.Interface] {
	return rapid.Custom(func(t *rapid.T) eni.Interface {
		n := eni.Interface{
			ID: "eni-1",
			Kind: rapid.SampledFrom([]eni.Kind{eni.Secondary, eni.Secondary, eni.Secondary, eni.Primary, eni.Trunk, 0}).
				Draw(t, "kind"),
			Status: rapid.SampledFrom([]eni.Status{eni.Available, eni.Available, eni.Available, eni.InUse, eni.Attaching, 0}).
				Draw(t, "status"),
			Region:    region,
			VPC:       rapid.SampledFrom([]string{"vpc-1", "vpc-1", "vpc-1", ""}).Draw(t, "vpc"),
			PrimaryIP: Addr(0),
		}
		for i := range rapid.IntRange(0, 11).Draw(t, "secondary") {
			n.SecondaryIPs = append(n.SecondaryIPs, Addr(i+1))
		}
		if n.Status == eni.InUse {
			n.Instance = "i-1"
		}
		return n
	})
}

// EIP draws an EIP in region; mostly Available and unlocked.
func EIP(region regions.ID) *rapid.Generator[eip.Address] {
	return rapid.Custom(func(t *rapid.T) eip.Address {
		a := eip.Address{
			ID:     rapid.SampledFrom([]eip.ID{"eip-new", "eip-new", ""}).Draw(t, "id"),
			IP:     netip.MustParseAddr("47.0.0.1"),
			Region: region,
			Status: rapid.SampledFrom([]eip.Status{eip.Available, eip.Available, eip.Available, eip.InUse, eip.Releasing, 0}).
				Draw(t, "eip status"),
			ChargeType: rapid.SampledFrom([]eip.ChargeType{eip.PostPaid, eip.PrePaid, 0}).Draw(t, "charge"),
		}
		if rapid.IntRange(0, 9).Draw(t, "locked") == 0 {
			a.LockReasons = []eip.LockReason{rapid.SampledFrom(eip.LockReasons()).Draw(t, "lock")}
		}
		return a
	})
}

// Bindings draws up to most bindings on addresses among the first ips of an ENI, in mode
// m (or, when mixed is true, in any mode).
func Bindings(t *rapid.T, m modes.Mode, ips, most int, mixed bool) []eipassoc.Binding {
	k := rapid.IntRange(0, most).Draw(t, "bound")
	out := make([]eipassoc.Binding, 0, k)
	for i := range k {
		b := eipassoc.Binding{EIP: eip.ID("eip-" + strconv.Itoa(i)), Mode: m, PrivateIP: Addr(i % max(ips, 1))}
		if mixed && rapid.IntRange(0, 5).Draw(t, "mixed") == 0 {
			b.Mode = rapid.SampledFrom([]modes.Mode{0, modes.NAT, modes.Binded, modes.MultiBinded}).
				Draw(t, "bound mode")
		}
		out = append(out, b)
	}
	return out
}

// Request draws a whole association request: a request that satisfies every rule, to
// which zero to three perturbations (each of which may break a rule) are applied, so
// that allowed and denied requests are both common.
func Request() *rapid.Generator[eipassoc.Request] {
	return rapid.Custom(func(t *rapid.T) eipassoc.Request {
		region := rapid.SampledFrom([]regions.ID{"cn-shanghai", "cn-beijing", "eu-central-1"}).Draw(t, "region")
		r := eipassoc.Request{
			EIP: eip.Address{
				ID:         "eip-new",
				IP:         netip.MustParseAddr("47.0.0.1"),
				Region:     region,
				Status:     eip.Available,
				ChargeType: rapid.SampledFrom(eip.ChargeTypes()).Draw(t, "charge"),
			},
			ENI: eni.Interface{
				ID:        "eni-1",
				Kind:      eni.Secondary,
				Status:    eni.Available,
				Region:    region,
				VPC:       "vpc-1",
				PrimaryIP: Addr(0),
			},
			Mode:    rapid.SampledFrom(modes.All()).Draw(t, "mode"),
			Account: eipassoc.Account{MultiBindedAllowed: true},
		}
		if r.Mode != modes.Binded || rapid.IntRange(0, 4).Draw(t, "binded extra ips") == 0 {
			for i := range rapid.IntRange(0, 11).Draw(t, "secondary") {
				r.ENI.SecondaryIPs = append(r.ENI.SecondaryIPs, Addr(i+1))
			}
		}
		ips := r.ENI.PrivateIPCount()
		// Bind a random subset of the ENI's addresses, in the request's mode.
		for i := range ips {
			if rapid.IntRange(0, 2).Draw(t, "bind ip") == 0 {
				r.Bound = append(
					r.Bound,
					eipassoc.Binding{EIP: eip.ID("eip-" + strconv.Itoa(i)), Mode: r.Mode, PrivateIP: Addr(i)},
				)
			}
		}
		if rapid.Bool().Draw(t, "pick ip") {
			r.PrivateIP = Addr(rapid.IntRange(0, ips-1).Draw(t, "ip index"))
		}
		for range rapid.SampledFrom([]int{0, 0, 1, 2, 3}).Draw(t, "perturbations") {
			rapid.SampledFrom(perturbations).Draw(t, "perturbation")(t, &r)
		}
		return r
	})
}

// perturbations change one input of a request, each in a way that may break a rule.
var perturbations = []func(*rapid.T, *eipassoc.Request){
	func(t *rapid.T, r *eipassoc.Request) { r.Mode = Mode().Draw(t, "new mode") },
	func(t *rapid.T, r *eipassoc.Request) { r.EIP.Region = Region().Draw(t, "eip region") },
	func(t *rapid.T, r *eipassoc.Request) {
		id := Region().Draw(t, "both regions")
		r.EIP.Region, r.ENI.Region = id, id
	},
	func(t *rapid.T, r *eipassoc.Request) { r.EIP = EIP(r.EIP.Region).Draw(t, "new eip") },
	func(t *rapid.T, r *eipassoc.Request) { r.ENI = ENI(r.ENI.Region).Draw(t, "new eni") },
	func(t *rapid.T, r *eipassoc.Request) {
		r.Bound = Bindings(t, r.Mode, r.ENI.PrivateIPCount(), 12, true)
	},
	func(t *rapid.T, r *eipassoc.Request) {
		r.PrivateIP = rapid.SampledFrom([]netip.Addr{{}, Addr(0), Addr(5), Addr(12), netip.MustParseAddr("192.168.1.1")}).
			Draw(t, "new ip")
	},
	func(t *rapid.T, r *eipassoc.Request) { r.Account.MultiBindedAllowed = false },
	func(t *rapid.T, r *eipassoc.Request) {
		r.Behaviour = eipassoc.Observed
		r.ENI.Status, r.ENI.Instance = eni.InUse, "i-1"
	},
}

// Instance draws an ECS instance in or near region: types with known, partly known
// ('?') and unknown limits, sometimes in another region or VPC, DHCP in any state.
func Instance(region regions.ID) *rapid.Generator[ecs.Instance] {
	return rapid.Custom(func(t *rapid.T) ecs.Instance {
		in := ecs.Instance{
			ID: "i-1",
			Type: rapid.SampledFrom([]string{"ecs.g5.large", "ecs.g7.large", "ecs.c4.xlarge", "ecs.g8i.large", ""}).
				Draw(t, "type"),
			Region: rapid.SampledFrom([]regions.ID{region, region, "cn-beijing"}).Draw(t, "instance region"),
			Zone:   "z", VPC: rapid.SampledFrom([]string{"vpc-1", "vpc-1", "vpc-2", ""}).Draw(t, "vpc"),
			DHCP: rapid.SampledFrom([]ecs.DHCP{ecs.DHCPUnknown, ecs.DHCPEnabled, ecs.DHCPDisabled}).Draw(t, "dhcp"),
		}
		for i := range rapid.IntRange(0, 5).Draw(t, "enis") {
			in.ENIs = append(in.ENIs, eni.ID("eni-on-"+strconv.Itoa(i)))
		}
		if rapid.IntRange(0, 4).Draw(t, "own limits") == 0 {
			in.Limits = eni.Limits{
				ENIs:             rapid.IntRange(1, 8).Draw(t, "limit enis"),
				PrivateIPsPerENI: rapid.IntRange(1, 20).Draw(t, "limit ips"),
			}
		}
		return in
	})
}

// AttachRequest draws a whole attachment request: an ENI, up to 3 bindings in a mode
// (sometimes mixed or invalid) and an instance.
func AttachRequest() *rapid.Generator[eipassoc.AttachRequest] {
	return rapid.Custom(func(t *rapid.T) eipassoc.AttachRequest {
		region := Region().Draw(t, "region")
		r := eipassoc.AttachRequest{
			ENI:      ENI(region).Draw(t, "eni"),
			Bound:    Bindings(t, Mode().Draw(t, "mode"), 3, 3, true),
			Instance: Instance(region).Draw(t, "instance"),
		}
		r.ENI.Zone = rapid.SampledFrom([]string{"z", "z", "y", ""}).Draw(t, "eni zone")
		return r
	})
}
