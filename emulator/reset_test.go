package emulator_test

import (
	"net/http"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
)

// TestResetForgetsClientTokens: through the official VPC SDK, an association made with
// a ClientToken, then POST /_eipassoc/reset, then the same call with the same token:
// the call is made again (the EIP is InUse on the ENI), not answered as a replay of an
// association the reset undid.
func TestResetForgetsClientTokens(t *testing.T) {
	t.Parallel()
	v, _, _, base := sdkServer(t)
	associate := func() {
		t.Helper()
		if _, err := v.AssociateEipAddress(&vpc.AssociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: tea.String("eip-t"), InstanceId: tea.String("eni-t"),
			InstanceType: tea.String("NetworkInterface"), ClientToken: tea.String("reset-tok")}); err != nil {
			t.Fatal(err)
		}
	}
	status := func() string {
		t.Helper()
		out, err := v.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: tea.String("eip-t")})
		if err != nil || len(out.Body.EipAddresses.EipAddress) != 1 {
			t.Fatalf("DescribeEipAddresses: %v", err)
		}
		return tea.StringValue(out.Body.EipAddresses.EipAddress[0].Status)
	}
	associate()
	if got := status(); got != "InUse" {
		t.Fatalf("after the association: %s", got)
	}
	resp, err := http.Post(base+"/_eipassoc/reset", "application/json", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("reset: %v %v", resp, err)
	}
	resp.Body.Close()
	if got := status(); got != "Available" {
		t.Fatalf("after the reset: %s", got)
	}
	associate()
	if got := status(); got != "InUse" {
		t.Errorf("the same token after a reset: the EIP is %s, want InUse (the call made, not replayed)", got)
	}
}
