package emulator_test

import (
	"net/url"
	"testing"

	"github.com/eipassoc/eipassoc/emulator"
)

// TestDescribeFilters: the describes that data sources call narrow by the filters they
// send, and page by page number. Expected counts come from the account: one VPC made
// here, the seeded vSwitch and EIP, none in a resource group.
func TestDescribeFilters(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	count := func(version, action string, params map[string]string, list ...string) int {
		t.Helper()
		q := url.Values{"Version": {version}, "Action": {action}, "RegionId": {"cn-shanghai"}}
		for k, v := range params {
			q.Set(k, v)
		}
		status, body := unsigned(t, s, "POST", q.Encode(), nil, "")
		if status != 200 {
			t.Fatalf("%s %v: %d %v", action, params, status, body)
		}
		var v any = body
		for _, k := range list {
			v = v.(map[string]any)[k]
		}
		return len(v.([]any))
	}
	vpc, ecs := emulator.VPCVersion, emulator.ECSVersion
	if status, body := unsigned(t, s, "POST", "Version="+vpc+"&Action=CreateVpc&RegionId=cn-shanghai&CidrBlock=10.0.0.0/16",
		nil, ""); status != 200 {
		t.Fatalf("CreateVpc: %d %v", status, body)
	}
	for _, tc := range []struct {
		version, action string
		params          map[string]string
		path            []string
		want            int
	}{
		{vpc, "DescribeVpcs", nil, []string{"Vpcs", "Vpc"}, 1},
		{vpc, "DescribeVpcs", map[string]string{"ResourceGroupId": "rg-1"}, []string{"Vpcs", "Vpc"}, 0},
		{vpc, "DescribeVpcs", map[string]string{"Tag.1.Key": "team", "Tag.1.Value": "net"}, []string{"Vpcs", "Vpc"}, 0},
		{vpc, "DescribeVpcs", map[string]string{"PageNumber": "2", "PageSize": "1"}, []string{"Vpcs", "Vpc"}, 0},
		{vpc, "DescribeVSwitches", map[string]string{"IsDefault": "false"}, []string{"VSwitches", "VSwitch"}, 1},
		{vpc, "DescribeVSwitches", map[string]string{"IsDefault": "true"}, []string{"VSwitches", "VSwitch"}, 0},
		{vpc, "DescribeEipAddresses", map[string]string{"ISP": "BGP"}, []string{"EipAddresses", "EipAddress"}, 1},
		{vpc, "DescribeEipAddresses", map[string]string{"EipName": "none"}, []string{"EipAddresses", "EipAddress"}, 0},
		// The account's resources are its own (fake.AccountID), in no DHCP options set
		// and no contiguous EIP group, none of which the emulator makes.
		{vpc, "DescribeVpcs", map[string]string{"VpcOwnerId": "1234567890123456"}, []string{"Vpcs", "Vpc"}, 1},
		{vpc, "DescribeVpcs", map[string]string{"VpcOwnerId": "1234567890"}, []string{"Vpcs", "Vpc"}, 0},
		{vpc, "DescribeVpcs", map[string]string{"DhcpOptionsSetId": "dopt-1"}, []string{"Vpcs", "Vpc"}, 0},
		{vpc, "DescribeVSwitches", map[string]string{"VSwitchOwnerId": "1234567890123456"}, []string{"VSwitches", "VSwitch"}, 1},
		{vpc, "DescribeVSwitches", map[string]string{"VSwitchOwnerId": "1"}, []string{"VSwitches", "VSwitch"}, 0},
		{vpc, "DescribeEipAddresses", map[string]string{"SegmentInstanceId": "eipsg-1"}, []string{"EipAddresses", "EipAddress"}, 0},
		{ecs, "DescribeNetworkInterfaces", map[string]string{"PageNumber": "1", "PageSize": "10", "ServiceManaged": "true"},
			[]string{"NetworkInterfaceSets", "NetworkInterfaceSet"}, 0},
		{ecs, "DescribeAvailableResource", map[string]string{"DestinationResource": "Zone", "NetworkCategory": "classic"},
			[]string{"AvailableZones", "AvailableZone"}, 0},
	} {
		if got := count(tc.version, tc.action, tc.params, tc.path...); got != tc.want {
			t.Errorf("%s %v: %d found, want %d", tc.action, tc.params, got, tc.want)
		}
	}
}
