package eipassoc_test

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// CanAssociate answers with a decision and the codes of every rule the request breaks.
// Here a cut-through EIP is asked for on an ENI that has a secondary private IP and is
// attached to an instance.
func ExampleCanAssociate() {
	d := eipassoc.CanAssociate(eipassoc.Request{
		EIP: eip.Address{ID: "eip-1", Region: "cn-hangzhou", Status: eip.Available, ChargeType: eip.PostPaid},
		ENI: eni.Interface{
			ID: "eni-1", Kind: eni.Secondary, Status: eni.InUse, Instance: "i-1",
			Region: "cn-hangzhou", VPC: "vpc-1",
			PrimaryIP:    netip.MustParseAddr("10.0.0.10"),
			SecondaryIPs: []netip.Addr{netip.MustParseAddr("10.0.0.11")},
		},
		Mode: modes.Binded,
	})
	fmt.Println("allowed:", d.Allowed())
	for _, v := range d.Violations {
		fmt.Printf("%s (API %s)\n", v.Code, v.APICode)
	}
	fmt.Println("advisories:", d.Advisories)
	// Output:
	// allowed: false
	// eni-attached (API Eni.Attached)
	// eni-has-secondary-ips (API Eni.HasSubIp)
	// advisories: cut-through-not-recommended, cut-through-private-network-lost, configuration-fee, outbound-needs-routes
}

// Decision.Err turns a denial into an error that errors.Is matches against codes.
func ExampleDecision_Err() {
	d := eipassoc.CanAssociate(eipassoc.Request{
		EIP: eip.Address{ID: "eip-1", Region: "cn-beijing", Status: eip.Available},
		ENI: eni.Interface{
			ID: "eni-1", Kind: eni.Secondary, Status: eni.Available, Region: "cn-hangzhou", VPC: "vpc-1",
			PrimaryIP: netip.MustParseAddr("10.0.0.10"),
		},
		Mode: modes.NAT,
	})
	err := d.Err()
	fmt.Println(errors.Is(err, eipassoc.CodeRegionMismatch), errors.Is(err, eipassoc.CodeENICapacity))
	fmt.Println(err)
	// Output:
	// true false
	// region-mismatch: EIP eip-1 is in cn-beijing and ENI eni-1 in cn-hangzhou; they must be in the same region
}

// CanAttach checks that an ENI carrying multi-EIP-to-ENI EIPs goes to an instance of a
// listed family with DHCP enabled, and that the instance type has room for it.
func ExampleCanAttach() {
	n := eni.Interface{
		ID: "eni-1", Kind: eni.Secondary, Status: eni.Available, Region: "cn-shanghai",
		Zone: "cn-shanghai-b", VPC: "vpc-1", PrimaryIP: netip.MustParseAddr("10.0.0.10"),
	}
	bound := []eipassoc.Binding{{EIP: "eip-1", Mode: modes.MultiBinded}}
	for _, typ := range []string{"ecs.g5.large", "ecs.g7.large"} {
		d := eipassoc.CanAttach(eipassoc.AttachRequest{
			ENI: n, Bound: bound,
			Instance: ecs.Instance{
				ID:     "i-1",
				Type:   typ,
				Region: "cn-shanghai",
				Zone:   "cn-shanghai-b",
				VPC:    "vpc-1",
				DHCP:   ecs.DHCPEnabled,
			},
		})
		fmt.Println(typ, d.Allowed(), d.Codes())
	}
	// Output:
	// ecs.g5.large true []
	// ecs.g7.large false [instance-family-unsupported]
}

// ConfigurationFee applies the documentation's FAQ on configuration fees.
func ExampleConfigurationFee() {
	for _, r := range []eipassoc.FeeRequest{
		{ChargeType: eip.PrePaid, Target: eipassoc.FeeTargetENI},
		{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetENI, InVPC: true},
		{ChargeType: eip.PostPaid, Target: eipassoc.FeeTargetECS, InVPC: true, AccountEIPs: 150},
	} {
		f := eipassoc.ConfigurationFee(r)
		fmt.Printf("%s on %s: charged=%v (%s)\n", r.ChargeType, r.Target, f.Charged, f.Reason)
	}
	// Output:
	// PrePaid on eni: charged=false (subscription EIPs pay no configuration fee)
	// PostPaid on eni: charged=true (pay-as-you-go EIPs associated through an ENI are always charged)
	// PostPaid on ecs: charged=false (pay-as-you-go EIPs on ECS or ECI instances in a VPC pay none while the account owns at most 2,000 EIPs)
}

// A plan knows that a new ENI will have two private addresses, but not which ones. The
// rules that need only the number decide; the one that must compare addresses says so.
func ExampleFacts() {
	r := eipassoc.Request{
		EIP: eip.Address{ID: "eip-2", Region: "cn-hangzhou", Status: eip.Available, ChargeType: eip.PostPaid},
		ENI: eni.Interface{
			ID:     "eni-1",
			Kind:   eni.Secondary,
			Status: eni.Available,
			Region: "cn-hangzhou",
			VPC:    "vpc-1",
		},
		Mode: modes.NAT,
		// An EIP already maps to 10.0.0.10; this one goes to the primary address, which
		// may or may not be 10.0.0.10.
		Bound: []eipassoc.Binding{
			{EIP: "eip-1", Mode: modes.NAT, PrivateIP: netip.MustParseAddr("10.0.0.10")},
		},
		Unknown:        eipassoc.FactsOf(eipassoc.FactENIAddresses),
		PrivateIPCount: 2,
	}
	d := eipassoc.CanAssociate(r)
	fmt.Println(d.Verdict)
	for _, u := range d.Undecided {
		fmt.Println(u.Code, "needs", u.Missing)
	}
	// A second EIP already bound fills both addresses: that is a denial whatever the
	// addresses are.
	r.Bound = append(
		r.Bound,
		eipassoc.Binding{EIP: "eip-0", Mode: modes.NAT, PrivateIP: netip.MustParseAddr("10.0.0.11")},
	)
	d = eipassoc.CanAssociate(r)
	fmt.Println(d.Verdict, d.Codes())
	// Output:
	// undecided
	// private-ip-in-use needs eni.private_ips
	// denied [eni-capacity]
}

// An EIP for an ECS instance goes to the instance's primary ENI; the rules see the
// instance as the target. An unknown number of EIPs in the account never exempts from
// the configuration fee.
func ExampleRequest_target() {
	primary := eni.Interface{ID: "eni-p", Kind: eni.Primary, Status: eni.InUse, Instance: "i-1",
		Region: "cn-hangzhou", VPC: "vpc-1", PrimaryIP: netip.MustParseAddr("10.0.0.5")}
	r := eipassoc.Request{
		EIP:    eip.Address{ID: "eip-1", Region: "cn-hangzhou", Status: eip.Available, ChargeType: eip.PostPaid},
		ENI:    primary,
		Target: eip.EcsInstance,
		Mode:   modes.NAT,
	}
	d := eipassoc.CanAssociate(r)
	fmt.Println(d.Verdict)
	for code := range d.Advisories.All() {
		fmt.Println(" ", code)
	}
	r.Account.EIPs = 12
	fmt.Println(
		"with 12 EIPs in the account, fee:",
		eipassoc.CanAssociate(r).Advisories.Has(eipassoc.AdviseConfigurationFee),
	)
	// Output:
	// allowed
	//   nat-no-alg-protocols
	//   configuration-fee
	// with 12 EIPs in the account, fee: false
}

// CanRelease carries the documentation's cut-through warning: a subscription EIP in
// cut-through mode, released while its ENI is attached, leaves the ENI without its
// private network. The API releases neither an InUse nor a subscription EIP.
func ExampleCanRelease() {
	d := eipassoc.CanRelease(eipassoc.ReleaseCheck{
		EIP: eip.Address{ID: "eip-1", Region: "cn-hangzhou", Status: eip.InUse, ChargeType: eip.PrePaid,
			Association: eip.Association{InstanceType: eip.NetworkInterface, InstanceID: "eni-1", Mode: modes.Binded}},
		ENI: eni.Interface{ID: "eni-1", Kind: eni.Secondary, Status: eni.InUse, Instance: "i-1"},
	})
	fmt.Println(d.Verdict, d.Codes())
	fmt.Println("advisories:", d.Advisories)
	// Output:
	// denied [eip-prepaid-release eip-status]
	// advisories: cut-through-subscription-release
}

// Decision.Violation finds one violation by its code.
func ExampleDecision_Violation() {
	d := eipassoc.CanAssociate(eipassoc.Request{
		EIP: eip.Address{ID: "eip-3", Region: "cn-hangzhou", Status: eip.Available, ChargeType: eip.PostPaid},
		ENI: eni.Interface{ID: "eni-1", Kind: eni.Secondary, Status: eni.Available, Region: "cn-hangzhou", VPC: "vpc-1",
			PrimaryIP: netip.MustParseAddr("10.0.0.10")},
		Mode: modes.NAT,
		Bound: []eipassoc.Binding{
			eipassoc.BindingOf(
				eip.Address{
					ID:          "eip-1",
					Association: eip.Association{InstanceType: eip.NetworkInterface, InstanceID: "eni-1"},
				},
			),
		},
	})
	if v, ok := d.Violation(eipassoc.CodeENICapacity); ok {
		fmt.Printf("%s: %d of %d used (API %s)\n", v.Code, v.Capacity.Used, v.Capacity.Limit, v.APICode)
	}
	// Output:
	// eni-capacity: 1 of 1 used (API InvalidEip.EipQuotaExceeded)
}
