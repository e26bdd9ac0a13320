package emulator_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipassoc/eipassoc/emulator"
)

// TestFaultsOverHTTP: faults injected, listed and cleared over /_eipassoc/faults are
// seen by the official VPC SDK: a throttle once (the API's Throttling.User), an error
// answered after the change took effect, and a lost answer (the connection closes, the
// association is made); malformed faults are InvalidParameter.
func TestFaultsOverHTTP(t *testing.T) {
	t.Parallel()
	v, _, _, base := sdkServer(t)
	// call sends method to the faults endpoint: the body for POST, the query for DELETE.
	call := func(method, arg string) (int, string) {
		t.Helper()
		url, body := base+"/_eipassoc/faults", ""
		switch method {
		case http.MethodPost:
			body = arg
		case http.MethodDelete:
			if arg != "" {
				url += "?" + arg
			}
		}
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	list := func() []emulator.FaultSpec {
		t.Helper()
		_, body := call("GET", "")
		var out []emulator.FaultSpec
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatalf("faults: %v %s", err, body)
		}
		return out
	}
	sdkCode := func(err error) string {
		var e *tea.SDKError
		if errors.As(err, &e) {
			return tea.StringValue(e.Code)
		}
		return ""
	}
	associate := func() error {
		_, err := v.AssociateEipAddress(&vpc.AssociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: tea.String("eip-t"), InstanceId: tea.String("eni-t"), InstanceType: tea.String("NetworkInterface")})
		return err
	}
	unassociate := func() error {
		_, err := v.UnassociateEipAddress(&vpc.UnassociateEipAddressRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: tea.String("eip-t"), InstanceId: tea.String("eni-t"), InstanceType: tea.String("NetworkInterface")})
		return err
	}
	status := func() string {
		t.Helper()
		out, err := v.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-shanghai"),
			AllocationId: tea.String("eip-t")})
		if err != nil {
			t.Fatal(err)
		}
		return tea.StringValue(out.Body.EipAddresses.EipAddress[0].Status)
	}

	if code, body := call("POST", `{"action":"AssociateEipAddress","code":"Throttling.User","times":1}`); code != 200 {
		t.Fatalf("inject: %d %s", code, body)
	}
	if got := sdkCode(associate()); got != "Throttling.User" {
		t.Fatalf("the first association: code %q, want Throttling.User", got)
	}
	if status() != "Available" {
		t.Fatal("a throttled association took effect")
	}
	if err := associate(); err != nil {
		t.Fatalf("the retry: %v", err)
	}
	if got := list(); len(got) != 1 || got[0].Calls != 2 || got[0].Fired != 1 {
		t.Errorf("listed: %+v, want 2 calls and 1 fired", got)
	}

	// After the change: the EIP is disassociated, the SDK is told ServiceUnavailable.
	if code, body := call("POST", `{"action":"UnassociateEipAddress","code":"ServiceUnavailable","after_change":true,"times":1}`); code != 200 {
		t.Fatalf("inject: %d %s", code, body)
	}
	if got := sdkCode(unassociate()); got != "ServiceUnavailable" {
		t.Fatalf("the disassociation: code %q, want ServiceUnavailable", got)
	}
	if got := status(); got != "Available" {
		t.Errorf("after an answer lost to ServiceUnavailable the EIP is %s; the change should have taken effect", got)
	}

	// A lost answer: the connection closes, and the association is made.
	if code, body := call("POST", `{"action":"AssociateEipAddress","lost_answer":true,"times":1}`); code != 200 {
		t.Fatalf("inject: %d %s", code, body)
	}
	if err := associate(); err == nil || sdkCode(err) != "" {
		t.Fatalf("a lost answer: %v, want a transport error", err)
	}
	if got := status(); got != "InUse" {
		t.Errorf("after a lost answer the EIP is %s, want InUse", got)
	}

	if code, _ := call("DELETE", "action=AssociateEipAddress"); code != 200 || len(list()) != 1 {
		t.Errorf("clearing one fault left %+v", list())
	}
	if code, _ := call("DELETE", ""); code != 200 || len(list()) != 0 {
		t.Errorf("clearing every fault left %+v", list())
	}
	for _, bad := range []string{
		`{"action":"AssociateEipAddress","code":"Throttling.Usr"}`,
		`{"action":"NoSuchAction","code":"Throttling.User"}`,
		`{"action":"AssociateEipAddress","code":"Throttling.User","speed":1}`,
		`{"action":"AssociateEipAddress","lost_answer":true,"code":"Throttling.User"}`,
		`{"action":"AssociateEipAddress","code":"Throttling.User"} {}`,
		`{"action":"AssociateEipAddress","rate":2,"code":"Throttling.User"}`,
	} {
		if code, body := call("POST", bad); code != 400 || !strings.Contains(body, "InvalidParameter") {
			t.Errorf("%s: %d %s, want 400 InvalidParameter", bad, code, body)
		}
	}
	if code, _ := call("DELETE", "action=NoSuchAction"); code != 400 {
		t.Errorf("clearing the fault of an unknown action: %d", code)
	}
}
