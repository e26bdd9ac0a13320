// Command quickstart prints eipassoc's decisions for the scenarios of Alibaba Cloud's
// "Associate an EIP with a secondary ENI" documentation: NAT mode up to one EIP per
// private IP, cut-through mode on a detached ENI with no secondary IPs, multi-EIP-to-ENI
// mode up to 10 EIPs for allowlisted accounts, attaching the ENI to an instance, and the
// configuration fee.
//
// Usage:
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// scenario is one question asked of the rules.
type scenario struct {
	title string
	d     eipassoc.Decision
}

func run(w io.Writer) error {
	for _, s := range scenarios() {
		if _, err := fmt.Fprintf(w, "== %s\n%s\n\n", s.title, s.d); err != nil {
			return err
		}
	}
	fee := eipassoc.ConfigurationFee(
		eipassoc.FeeRequest{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetENI, InVPC: true},
	)
	_, err := fmt.Fprintf(
		w,
		"== Configuration fee, pay-as-you-go EIP through an ENI\ncharged: %v (%s)\n",
		fee.Charged,
		fee.Reason,
	)
	return err
}

func ip(i int) netip.Addr { return netip.AddrFrom4([4]byte{192, 168, 0, byte(10 + i)}) }

// secondary returns a detached secondary ENI in region with n private IPs.
func secondary(region regions.ID, n int) eni.Interface {
	e := eni.Interface{ID: "eni-demo", Kind: eni.Secondary, Status: eni.Available, Region: region,
		Zone: string(region) + "-b", VPC: "vpc-demo", VSwitch: "vsw-demo", PrimaryIP: ip(0)}
	for i := 1; i < n; i++ {
		e.SecondaryIPs = append(e.SecondaryIPs, ip(i))
	}
	return e
}

func newEIP(region regions.ID) eip.Address {
	return eip.Address{ID: "eip-new", IP: netip.MustParseAddr("47.95.0.10"), Region: region,
		Status: eip.Available, ChargeType: eip.PostPaid, InternetChargeType: eip.PayByTraffic}
}

func bindings(m modes.Mode, k int) []eipassoc.Binding {
	out := make([]eipassoc.Binding, k)
	for i := range out {
		out[i] = eipassoc.Binding{EIP: eip.ID("eip-" + strconv.Itoa(i)), Mode: m, PrivateIP: ip(i)}
	}
	return out
}

func scenarios() []scenario {
	const hz, sh = regions.ID("cn-hangzhou"), regions.ID("cn-shanghai")
	var out []scenario
	add := func(title string, d eipassoc.Decision) { out = append(out, scenario{title, d}) }

	add("NAT mode: second EIP on a secondary ENI with 2 private IPs", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(hz), ENI: secondary(hz, 2), Mode: modes.NAT, PrivateIP: ip(1), Bound: bindings(modes.NAT, 1)}))
	add("NAT mode: third EIP on the same ENI", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(hz), ENI: secondary(hz, 2), Mode: modes.NAT, Bound: bindings(modes.NAT, 2)}))

	attached := secondary(hz, 2)
	attached.Status, attached.Instance = eni.InUse, "i-demo"
	add("NAT mode on an attached ENI, documented behaviour", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(hz), ENI: attached, Mode: modes.NAT, PrivateIP: ip(1)}))
	add("NAT mode on an attached ENI, observed API behaviour", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(hz), ENI: attached, Mode: modes.NAT, PrivateIP: ip(1), Behaviour: eipassoc.Observed}))

	add("Cut-through mode on a detached ENI without secondary IPs", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(hz), ENI: secondary(hz, 1), Mode: modes.Binded}))
	add("Cut-through mode on an ENI with a secondary IP, in Tokyo", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP("ap-northeast-1"), ENI: secondary("ap-northeast-1", 2), Mode: modes.Binded}))

	add("Multi-EIP-to-ENI mode: tenth EIP, allowlisted account", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(sh), ENI: secondary(sh, 1), Mode: modes.MultiBinded, Bound: bindings(modes.MultiBinded, 9),
		Account: eipassoc.Account{MultiBindedAllowed: true}}))
	add("Multi-EIP-to-ENI mode: eleventh EIP, account not allowlisted", eipassoc.CanAssociate(eipassoc.Request{
		EIP: newEIP(sh), ENI: secondary(sh, 1), Mode: modes.MultiBinded, Bound: bindings(modes.MultiBinded, 10)}))

	for _, typ := range []string{"ecs.g5.large", "ecs.g7.large"} {
		add("Attach an ENI with multi-EIP-to-ENI EIPs to "+typ, eipassoc.CanAttach(eipassoc.AttachRequest{
			ENI: secondary(sh, 1), Bound: bindings(modes.MultiBinded, 3),
			Instance: ecs.Instance{
				ID:     "i-demo",
				Type:   typ,
				Region: sh,
				Zone:   "cn-shanghai-b",
				VPC:    "vpc-demo",
				DHCP:   ecs.DHCPEnabled,
			}}))
	}
	return out
}
