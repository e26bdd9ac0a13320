package emulator_test

import (
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
)

// TestHDMonitor: through the official VPC SDK, SetHighDefinitionMonitorLogStatus takes
// a Status (required by the VPC API reference); on needs a Log Service project and
// store, which are kept as named and given back by
// DescribeHighDefinitionMonitorLogAttribute; turning it off keeps them.
func TestHDMonitor(t *testing.T) {
	t.Parallel()
	v, _, _, _ := sdkServer(t)
	describe := func() *vpc.DescribeHighDefinitionMonitorLogAttributeResponseBody {
		t.Helper()
		out, err := v.DescribeHighDefinitionMonitorLogAttribute(&vpc.DescribeHighDefinitionMonitorLogAttributeRequest{
			RegionId: tea.String("cn-shanghai"), InstanceId: tea.String("eip-t")})
		if err != nil {
			t.Fatal(err)
		}
		return out.Body
	}
	set := func(status, project, store *string) error {
		_, err := v.SetHighDefinitionMonitorLogStatus(&vpc.SetHighDefinitionMonitorLogStatusRequest{
			RegionId: tea.String("cn-shanghai"), InstanceId: tea.String("eip-t"), InstanceType: tea.String("EIP"),
			Status: status, LogProject: project, LogStore: store})
		return err
	}
	if got := describe(); tea.StringValue(got.LogProject) != "" || tea.StringValue(got.Success) != "true" {
		t.Errorf("monitoring of a new EIP: %v", got)
	}
	wantCode(t, "no status", set(nil, tea.String("proj"), tea.String("store")), "MissingParameter")
	wantCode(t, "on without a store", set(tea.String("ON"), tea.String("proj"), nil), "InvalidParameter")
	if err := set(tea.String("ON"), tea.String("proj"), tea.String("store")); err != nil {
		t.Fatal(err)
	}
	if err := set(tea.String("OFF"), nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := describe(); tea.StringValue(got.LogProject) != "proj" ||
		tea.StringValue(got.LogStore) != "store" || tea.StringValue(got.InstanceType) != "EIP" {
		t.Errorf("after on, then off: %v", got)
	}
	_, err := v.DescribeHighDefinitionMonitorLogAttribute(&vpc.DescribeHighDefinitionMonitorLogAttributeRequest{
		RegionId: tea.String("cn-shanghai"), InstanceId: tea.String("eip-none")})
	wantCode(t, "an EIP that does not exist", err, "InvalidAllocationId.NotFound")
}
