package emulator_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestTrunkENIs: through the official ECS SDK, a secondary ENI attached with
// TrunkNetworkInstanceId becomes a member (Type Member, its trunk in the attachment)
// of a trunk ENI the instance holds; the type takes EniTotalQuantity - EniQuantity
// members (5 - 3 = 2 here); a trunk with members stays attached; a detached member is
// a secondary ENI again.
func TestTrunkENIs(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	if err := account.Seed(fake.Topology{Catalog: fake.Catalog{InstanceTypes: []fake.InstanceTypeSpec{
		{Type: "ecs.g7.large", Cores: 2, MemoryGiB: 8, ENIs: 3, PrivateIPsPerENI: 6, Trunk: true, ENITotal: 5}}}}); err != nil {
		t.Fatal(err)
	}
	inst := launch(t, e)
	create := func(kind string) string {
		t.Helper()
		out, err := e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
			VSwitchId: tea.String("vsw-t"), SecurityGroupId: tea.String("sg-t"), InstanceType: tea.String(kind)})
		if err != nil {
			t.Fatal(err)
		}
		return tea.StringValue(out.Body.NetworkInterfaceId)
	}
	attach := func(id, trunk string) error {
		req := &ecs.AttachNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"), InstanceId: tea.String(inst),
			NetworkInterfaceId: tea.String(id)}
		if trunk != "" {
			req.TrunkNetworkInstanceId = tea.String(trunk)
		}
		_, err := e.AttachNetworkInterface(req)
		return err
	}
	detach := func(id, trunk string) error {
		req := &ecs.DetachNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"), InstanceId: tea.String(inst),
			NetworkInterfaceId: tea.String(id)}
		if trunk != "" {
			req.TrunkNetworkInstanceId = tea.String(trunk)
		}
		_, err := e.DetachNetworkInterface(req)
		return err
	}
	trunk, m1, m2, m3 := create("Trunk"), create("Secondary"), create("Secondary"), create("Secondary")
	wantCode(t, "a member of a trunk the instance does not hold", attach(m1, trunk), "InvalidOperation.InvalidEniState")
	if err := attach(trunk, ""); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{m1, m2} {
		if err := attach(m, trunk); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, "a third member on a type that takes two", attach(m3, trunk), "EniPerInstanceLimitExceeded")
	byID := map[string]*ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet{}
	for _, n := range allENIs(t, e) {
		byID[tea.StringValue(n.NetworkInterfaceId)] = n
	}
	if n := byID[m1]; tea.StringValue(n.Type) != "Member" || n.Attachment == nil ||
		tea.StringValue(n.Attachment.TrunkNetworkInterfaceId) != trunk || tea.StringValue(n.InstanceId) != inst {
		t.Errorf("the member ENI: %v", n)
	}
	wantCode(t, "detaching a trunk that carries members", detach(trunk, ""), "InvalidOperation.InvalidEniState")
	if err := detach(m1, trunk); err != nil {
		t.Fatal(err)
	}
	for _, n := range allENIs(t, e) {
		if tea.StringValue(n.NetworkInterfaceId) == m1 &&
			(tea.StringValue(n.Type) != "Secondary" || tea.StringValue(n.Status) != "Available") {
			t.Errorf("the detached member: %v", n)
		}
	}
}
