package emulator_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/emulator"
)

// unsigned sends an unsigned request (the server has no keys) and decodes the answer.
func unsigned(
	t *testing.T,
	s *emulator.Server,
	method, query string,
	header map[string]string,
	body string,
) (int, map[string]any) {
	t.Helper()
	r := httptest.NewRequest(method, "http://127.0.0.1:8787/?"+query, strings.NewReader(body))
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var out map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("answer is not JSON: %q", w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	return w.Code, out
}

func TestDecodingErrors(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	vpc := "Version=" + emulator.VPCVersion + "&"
	tests := []struct {
		name, method, query string
		header              map[string]string
		body                string
		status              int
		code                string
	}{
		{"no action", "POST", "RegionId=cn-shanghai", nil, "", 400, "MissingParameter"},
		// A real action (the official SDKs have it) that the emulator lacks is 400
		// UnsupportedOperation, a deliberate departure from the cloud's 404: the
		// Terraform provider reads any 404 as "gone" (emulator.unsupported says why).
		// ECS 2014-05-26 has a DescribeEipAddresses of its own (the classic network's).
		{"unserved action", "POST", vpc + "Action=DescribeNatGateways", nil, "", 400, "UnsupportedOperation"},
		{
			"action of the other product",
			"POST",
			"Action=DescribeEipAddresses&Version=2014-05-26",
			nil,
			"",
			400,
			"UnsupportedOperation",
		},
		// An action no SDK has does not exist: the cloud's 404 (API facts, common errors).
		{"no such action", "POST", vpc + "Action=AssociateEipAdress", nil, "", 404, "InvalidAction.NotFound"},
		{
			"VPC action asked of ECS",
			"POST",
			"Action=ModifyEipForwardMode&Version=2014-05-26",
			nil,
			"",
			404,
			"InvalidAction.NotFound",
		},
		{
			"unknown version",
			"POST",
			"Action=DescribeEipAddresses&Version=2099-01-01",
			nil,
			"",
			404,
			"InvalidAction.NotFound",
		},
		{"missing region", "POST", vpc + "Action=DescribeEipAddresses", nil, "", 400, "MissingParameter"},
		{
			"bad number",
			"POST",
			vpc + "Action=DescribeEipAddresses&RegionId=cn-shanghai&PageSize=ten",
			nil,
			"",
			400,
			"InvalidParameter",
		},
		{
			"bad enum",
			"POST",
			vpc + "Action=DescribeEipAddresses&RegionId=cn-shanghai&Status=Weird",
			nil,
			"",
			400,
			"InvalidParameter",
		},
		{
			"bad mode",
			"POST",
			vpc + "Action=AssociateEipAddress&RegionId=cn-shanghai&AllocationId=eip-1&InstanceId=eni-1&Mode=nat",
			nil,
			"",
			400,
			"IllegalParam.Mode",
		},
		{
			"bad address",
			"POST",
			vpc + "Action=AssociateEipAddress&RegionId=cn-shanghai&AllocationId=eip-1&InstanceId=eni-1&PrivateIpAddress=10.0.0",
			nil,
			"",
			400,
			"InvalidParameter",
		},
		{
			"list gap",
			"POST",
			"Version=" + emulator.ECSVersion + "&Action=DescribeNetworkInterfaces&RegionId=cn-shanghai" +
				"&NetworkInterfaceId.2=eni-1",
			nil,
			"",
			400,
			"InvalidParameter",
		},
		{
			"list index",
			"POST",
			"Version=" + emulator.ECSVersion + "&Action=DescribeNetworkInterfaces&RegionId=cn-shanghai" +
				"&NetworkInterfaceId.x=eni-1",
			nil,
			"",
			400,
			"InvalidParameter",
		},
		{"bad query", "POST", "%zz", nil, "", 400, "InvalidParameter"},
		{"method", "DELETE", vpc + "Action=DescribeEipAddresses", nil, "", 405, "UnsupportedHTTPMethod"},
		{
			"body too large",
			"POST",
			vpc + "Action=DescribeEipAddresses",
			nil,
			strings.Repeat("x", 2<<20),
			413,
			"InvalidParameter",
		},
		{
			"not found from the fake",
			"POST",
			vpc + "Action=ReleaseEipAddress&RegionId=cn-shanghai&AllocationId=eip-nope",
			nil,
			"",
			404,
			"InvalidAllocationId.NotFound",
		},
	}
	for _, tc := range tests {
		status, body := unsigned(t, s, tc.method, tc.query, tc.header, tc.body)
		if status != tc.status || body["Code"] != tc.code || body["RequestId"] == "" {
			t.Errorf("%s: %d %v; want %d %s", tc.name, status, body, tc.status, tc.code)
		}
	}
}

func TestFormBodyAndHeaderDispatch(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	form := url.Values{"RegionId": {"cn-shanghai"}, "AllocationId": {"eip-1"}}.Encode()
	status, body := unsigned(t, s, "POST", "", map[string]string{
		"X-Acs-Action": "DescribeEipAddresses", "X-Acs-Version": emulator.VPCVersion,
		"Content-Type": "application/x-www-form-urlencoded",
	}, form)
	if status != http.StatusOK || body["TotalCount"] != float64(1) {
		t.Fatalf("%d %v", status, body)
	}
	list := body["EipAddresses"].(map[string]any)["EipAddress"].([]any)
	if list[0].(map[string]any)["Status"] != "Available" {
		t.Errorf("EIP entry %v", list[0])
	}
}

// FuzzRequest sends arbitrary queries, headers and bodies. The server must answer every
// one with the cloud's JSON error body or a success, never a panic and never a 500.
func FuzzRequest(f *testing.F) {
	f.Add("Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-shanghai", "", "")
	f.Add(
		"Action=AssociateEipAddress&Version=2016-04-28&RegionId=cn-shanghai&AllocationId=eip-1&InstanceId=eni-1"+
			"&InstanceType=NetworkInterface&Mode=BINDED",
		"",
		"",
	)
	f.Add(
		"Action=CreateNetworkInterface&Version=2014-05-26&RegionId=cn-shanghai&VSwitchId=vsw-1"+
			"&PrivateIpAddress.1=192.168.0.9",
		"",
		"",
	)
	f.Add("Action=DescribeInstances&Version=2014-05-26&RegionId=cn-shanghai&InstanceIds=%5B%22i-1%22%5D", "", "")
	f.Add("Action=DescribeInstanceTypes&Version=2014-05-26&InstanceTypes.1=ecs.g7.large", "", "")
	f.Add(
		"",
		"AssignPrivateIpAddresses",
		"RegionId=cn-shanghai&NetworkInterfaceId=eni-1&SecondaryPrivateIpAddressCount=99999999",
	)
	// The operations served for the Terraform provider.
	f.Add("Action=CreateVpc&Version=2016-04-28&RegionId=cn-shanghai&CidrBlock=10.0.0.0/8", "", "")
	f.Add(
		"Action=CreateVSwitch&Version=2016-04-28&RegionId=cn-shanghai&VpcId=vpc-x&ZoneId=cn-shanghai-b&CidrBlock=::/0",
		"",
		"",
	)
	f.Add("Action=DescribeVpcAttribute&Version=2016-04-28&RegionId=cn-shanghai&VpcId=vpc-nope", "", "")
	f.Add("Action=ModifyEipForwardMode&Version=2016-04-28&RegionId=cn-shanghai&InstanceId=eip-1&Mode=BINDED", "", "")
	f.Add(
		"Action=ModifyEipAddressAttribute&Version=2016-04-28&RegionId=cn-shanghai&AllocationId=eip-1&Bandwidth=-3",
		"",
		"",
	)
	f.Add(
		"",
		"RunInstances",
		"RegionId=cn-shanghai&VSwitchId=vsw-1&ImageId=img&InstanceType=ecs.g7.large&SecurityGroupIds.1=sg-1&Amount=1",
	)
	f.Add("", "DescribeInstanceTypes", "MaxResults=100&NextToken=599")
	f.Add("", "DescribeInstanceMaintenanceAttributes", "RegionId=cn-shanghai&InstanceId.1=i-1")
	f.Add("", "ModifyInstanceAttribute", "RegionId=cn-shanghai&InstanceId=i-1&HostName=x")
	f.Add("", "DeleteSecurityGroup", "RegionId=cn-shanghai&SecurityGroupId=sg-1")
	// IPv6, prefixes, trunks, ENIs at launch, pools, other products.
	f.Add("", "CreateNetworkInterface", "RegionId=cn-shanghai&VSwitchId=vsw-1&Ipv6AddressCount=3&Ipv4PrefixCount=2")
	f.Add("", "CreateNetworkInterface", "RegionId=cn-shanghai&VSwitchId=vsw-1&Ipv4Prefix.1=192.168.0.16/28&Ipv6Address.1=::1")
	f.Add("", "AssignIpv6Addresses", "RegionId=cn-shanghai&NetworkInterfaceId=eni-1&Ipv6AddressCount=-1")
	f.Add("", "UnassignIpv6Addresses", "RegionId=cn-shanghai&NetworkInterfaceId=eni-1&Ipv6Address.1=2001:db8::1")
	f.Add("", "AssignPrivateIpAddresses", "RegionId=cn-shanghai&NetworkInterfaceId=eni-1&Ipv4Prefix.1=10.0.0.0/0")
	f.Add("", "UnassignPrivateIpAddresses", "RegionId=cn-shanghai&NetworkInterfaceId=eni-1&Ipv4Prefix.1=x")
	f.Add("", "AttachNetworkInterface", "RegionId=cn-shanghai&NetworkInterfaceId=eni-1&InstanceId=i-1&TrunkNetworkInstanceId=eni-1")
	f.Add("", "RunInstances", "RegionId=cn-shanghai&VSwitchId=vsw-1&ImageId=img&InstanceType=ecs.g7.large"+
		"&NetworkInterface.1.InstanceType=Secondary&NetworkInterface.1.VSwitchId=vsw-1&NetworkInterface.2.NetworkInterfaceId=eni-1"+
		"&Ipv6AddressCount=2&LaunchTemplateVersion=3")
	f.Add("", "CreateVpc", "RegionId=cn-shanghai&EnableIpv6=true&Ipv6CidrBlock=2408::/56&Ipv4IpamPoolId=p&Ipv4CidrMask=40")
	f.Add("", "CreateVSwitch", "RegionId=cn-shanghai&VpcId=vpc-1&ZoneId=cn-shanghai-b&CidrBlock=192.168.9.0/24&Ipv6CidrBlock=999")
	f.Add("", "AllocateEipAddress", "RegionId=cn-shanghai&InstanceId=eip-1&IpAddress=47.1.1.1&PublicIpAddressPoolId=x")
	f.Add("", "AssociateEipAddress", "RegionId=cn-shanghai&AllocationId=eip-1&InstanceId=10.0.0.1&InstanceType=IpAddress&VpcId=vpc-1")
	f.Add("", "SetHighDefinitionMonitorLogStatus", "RegionId=cn-shanghai&InstanceId=eip-1&Status=ON&LogProject=p")
	f.Add("Action=Decrypt&Version=2016-01-20&RegionId=cn-shanghai&CiphertextBlob=eipassoc-kms:e30%3D&EncryptionContext=%7B", "", "")
	f.Add("Action=GetCallerIdentity&Version=2015-04-01", "", "")
	f.Fuzz(func(t *testing.T, query, action, body string) {
		s := newServer(t, nil)
		r, err := http.NewRequest("POST", "http://127.0.0.1:8787/", strings.NewReader(body))
		if err != nil {
			t.Skip()
		}
		r.URL.RawQuery = query
		if action != "" {
			r.Header.Set("X-Acs-Action", action)
			r.Header.Set("X-Acs-Version", emulator.ECSVersion)
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var out map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer is not JSON: %q", w.Body.String())
		}
		if w.Code >= 500 || (w.Code != 200 && (out["Code"] == "" || out["RequestId"] == "")) {
			t.Fatalf("status %d, body %v", w.Code, out)
		}
	})
}

// TestBadListIndexIsStable: with several bad list indexes, the one reported is the same
// every time (the first in byte order), whatever the map order of the parameters.
func TestBadListIndexIsStable(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	q := "Version=" + emulator.ECSVersion + "&Action=DescribeNetworkInterfaces&RegionId=cn-shanghai" +
		"&NetworkInterfaceId.x=eni-1&NetworkInterfaceId.0=eni-2&NetworkInterfaceId.999=eni-3&NetworkInterfaceId.y=eni-4"
	for range 50 {
		_, body := unsigned(t, s, "POST", q, nil, "")
		if msg, _ := body["Message"].(string); !strings.Contains(msg, "NetworkInterfaceId.0") {
			t.Fatalf("reported %q; want the first bad index in byte order, NetworkInterfaceId.0", msg)
		}
	}
}
