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
	// region-mismatch: the EIP is in cn-beijing and the ENI in cn-hangzhou; they must be in the same region
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
			Instance: ecs.Instance{ID: "i-1", Type: typ, Region: "cn-shanghai", Zone: "cn-shanghai-b", VPC: "vpc-1", DHCP: ecs.DHCPEnabled},
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
