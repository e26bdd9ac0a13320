package eipassoc_test

import (
	"net/netip"
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/gen"
	"github.com/eipassoc/eipassoc/modes"
)

// addr returns 10.0.0.(10+i), the addresses the generators use too.
var addr = gen.Addr

// secondaryENI returns a detached secondary ENI in cn-hangzhou with n private IPs.
func secondaryENI(n int) eni.Interface {
	e := eni.Interface{
		ID: "eni-1", Kind: eni.Secondary, Status: eni.Available, Region: "cn-hangzhou",
		Zone: "cn-hangzhou-h", VPC: "vpc-1", VSwitch: "vsw-1", PrimaryIP: addr(0),
	}
	for i := 1; i < n; i++ {
		e.SecondaryIPs = append(e.SecondaryIPs, addr(i))
	}
	return e
}

// availableEIP returns an Available pay-as-you-go EIP in cn-hangzhou.
func availableEIP() eip.Address {
	return eip.Address{
		ID: "eip-new", IP: netip.MustParseAddr("47.0.0.1"), Region: "cn-hangzhou", Status: eip.Available,
		ChargeType: eip.PostPaid, InternetChargeType: eip.PayByTraffic, BusinessStatus: eip.Normal,
	}
}

// request returns an allowed request in mode m on a secondary ENI with n private IPs.
func request(m modes.Mode, n int) eipassoc.Request {
	return eipassoc.Request{
		EIP: availableEIP(), ENI: secondaryENI(n), Mode: m,
		Account: eipassoc.Account{MultiBindedAllowed: true},
	}
}

// bind returns k bindings in mode m on the first k private IPs.
func bind(m modes.Mode, k int) []eipassoc.Binding {
	out := make([]eipassoc.Binding, k)
	for i := range out {
		out[i] = eipassoc.Binding{EIP: eip.ID("eip-" + strconv.Itoa(i)), Mode: m, PrivateIP: addr(i)}
	}
	return out
}

func codes(d eipassoc.Decision) []eipassoc.Code {
	if len(d.Violations) == 0 {
		return nil
	}
	return d.Codes()
}
