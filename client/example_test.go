package client_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/modes"
)

// An account with one vSwitch, a detached ENI with two private addresses, an ENI
// attached to an instance, and two free EIPs. On a real account, the Backend would be
// aliyun.New with credentials; the client is the same.
func exampleAccount() *fake.Backend {
	return fake.NewBuilder(fake.Options{Seed: 1}).
		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
		Instance("i-web", "ecs.g7.large", "vsw-1").
		ENI("eni-free", "vsw-1", 2).
		AttachedENI("eni-busy", "vsw-1", 1, "i-web").
		EIP("eip-1", "cn-hangzhou").
		EIP("eip-2", "cn-hangzhou").
		MustBuild()
}

// Associate checks the rules on the account's live state, calls the API, and waits
// until the EIP is InUse on the ENI.
func ExampleClient_Associate() {
	ctx := context.Background()
	f := exampleAccount()
	c := client.New(f, client.Options{Account: f.Account(), Behaviour: f.Behaviour()})

	a, err := c.Associate(
		ctx,
		client.AssociateRequest{Region: "cn-hangzhou", EIP: "eip-1", ENI: "eni-free", Mode: modes.NAT},
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.ID, a.Status, "on", a.Association.InstanceID, "in", a.Association.Mode, "mode")
	// Output:
	// eip-1 InUse on eni-free in NAT mode
}

// A denied association is refused before any API call: the error is a
// *client.DeniedError with the whole decision, and errors.Is matches each broken
// rule's code.
func ExampleClient_Associate_denied() {
	ctx := context.Background()
	f := exampleAccount()
	c := client.New(f, client.Options{Account: f.Account(), Behaviour: f.Behaviour()})

	// Cut-through mode needs a detached ENI, and eni-busy is attached to i-web.
	_, err := c.Associate(
		ctx,
		client.AssociateRequest{Region: "cn-hangzhou", EIP: "eip-1", ENI: "eni-busy", Mode: modes.Binded},
	)
	var denied *client.DeniedError
	if errors.As(err, &denied) {
		fmt.Println("refused:", denied.Decision.Codes())
		for _, v := range denied.Decision.Violations {
			fmt.Printf("%s: %s (the API would say %s)\n", v.Code, v.Message, v.APICode)
		}
	}
	if errors.Is(err, eipassoc.CodeENIAttached) {
		fmt.Println("detach the ENI first")
	}
	fmt.Println("API calls that change anything:", len(f.Calls())-countDescribes(f))
	fmt.Println("logged:", err) // the error alone keeps the first reason
	// Output:
	// refused: [eni-attached]
	// eni-attached: ENI eni-busy is attached to instance i-web; detach it before associating EIP eip-1 in cut-through mode (the API would say Eni.Attached)
	// detach the ENI first
	// API calls that change anything: 0
	// logged: client: associate eip-1 with eni-busy denied: eni-attached: ENI eni-busy is attached to instance i-web; detach it before associating EIP eip-1 in cut-through mode
}

// Ensure is for services that retry: the association already as asked is returned
// without a call, and one made otherwise is a typed conflict.
func ExampleClient_Ensure() {
	ctx := context.Background()
	f := exampleAccount()
	c := client.New(f, client.Options{Account: f.Account(), Behaviour: f.Behaviour()})
	r := client.AssociateRequest{Region: "cn-hangzhou", EIP: "eip-2", ENI: "eni-free", Mode: modes.NAT}

	for range 2 { // a retry after a success changes nothing
		a, err := c.Ensure(ctx, r)
		fmt.Println(a.ID, a.Status, err)
	}
	r.Mode = modes.MultiBinded
	_, err := c.Ensure(ctx, r)
	fmt.Println(errors.Is(err, client.ErrConflict), err)
	// Output:
	// eip-2 InUse <nil>
	// eip-2 InUse <nil>
	// true client: eip-2 is associated with NetworkInterface eni-free in NAT mode, not with NetworkInterface eni-free in MULTI_BINDED mode
}

// countDescribes counts the read-only calls a fake has answered.
func countDescribes(f *fake.Backend) int {
	n := 0
	for _, call := range f.Calls() {
		if strings.HasPrefix(string(call.Op), "Describe") {
			n++
		}
	}
	return n
}
