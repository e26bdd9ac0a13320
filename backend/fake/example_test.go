package fake_test

import (
	"context"
	"fmt"
	"log"
	"net/netip"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// publish is the code a user wants to test: it gives an ENI a public address by
// allocating an EIP and associating it in NAT mode with one of the ENI's addresses.
func publish(
	ctx context.Context,
	b backend.Backend,
	region regions.ID,
	n eni.ID,
	private netip.Addr,
) (netip.Addr, error) {
	a, err := b.AllocateEIP(
		ctx,
		backend.AllocateEIPInput{Region: region, ClientToken: "publish-" + string(n) + "-" + private.String()},
	)
	if err != nil {
		return netip.Addr{}, err
	}
	c := client.New(b, client.Options{})
	if _, err := c.Associate(ctx, client.AssociateRequest{
		Region: region, EIP: a.ID, ENI: n, Mode: modes.NAT, PrivateIP: private,
	}); err != nil {
		return netip.Addr{}, err
	}
	return a.IP, nil
}

// A user's unit test runs publish against a seeded fake instead of a real account,
// then inspects the calls it made. Publishing again reuses the ClientToken, so the
// fake hands back the same EIP, now InUse, and the Client refuses before calling.
func Example_unitTest() {
	ctx := context.Background()
	f := fake.NewBuilder(fake.Options{Seed: 7}).
		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
		ENI("eni-web", "vsw-1", 2).
		MustBuild()
	second := netip.MustParseAddr("192.168.0.4") // the ENI's secondary address

	ip, err := publish(ctx, f, "cn-hangzhou", "eni-web", second)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("public address:", ip)
	for _, c := range f.Calls() {
		fmt.Println(" ", c.Op)
	}

	_, err = publish(ctx, f, "cn-hangzhou", "eni-web", second)
	fmt.Println("again:", err)
	// Output:
	// public address: 47.98.249.45
	//   AllocateEipAddress
	//   DescribeEipAddresses
	//   DescribeNetworkInterfaces
	//   DescribeEipAddresses
	//   AssociateEipAddress
	//   DescribeEipAddresses
	// again: client: associate eip-4h26oqcar59i with eni-web denied: eip-status: EIP eip-4h26oqcar59i is InUse: it is associated with NetworkInterface eni-web; disassociate it first (and private-ip-in-use)
}

// The builder gives addresses as the cloud does: the lowest free ones of the vSwitch,
// after the three it reserves at the start of the block, instances' primary ENIs
// first.
func ExampleBuilder_ENI() {
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
		ENI("eni-a", "vsw-1", 3).
		ENI("eni-b", "vsw-1", 1).
		Instance("i-1", "ecs.g7.large", "vsw-1").
		MustBuild()
	page, err := f.DescribeENIs(context.Background(), backend.DescribeENIsInput{Region: "cn-hangzhou"})
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range page.ENIs {
		fmt.Println(n.ID, n.PrimaryIP, n.SecondaryIPs)
	}
	// Output:
	// eni-i-1 192.168.0.3 []
	// eni-a 192.168.0.4 [192.168.0.5 192.168.0.6]
	// eni-b 192.168.0.7 []
}
