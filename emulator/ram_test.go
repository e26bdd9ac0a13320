package emulator_test

import (
	"net/url"
	"testing"

	"github.com/eipassoc/eipassoc/emulator"
)

// TestRAMLifecycle: a role and a custom policy through the RAM API as the alicloud
// provider calls it. The expected codes are RAM's (API reference): a role with a
// policy attached is not deleted (DeleteConflict.Role.Policy), a policy keeps five
// versions unless told to rotate, its default version stays, and a cascading delete
// detaches it. Tags are kept and listed.
func TestRAMLifecycle(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	trust := `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`
	doc := `{"Version":"1","Statement":[{"Action":["vpc:DescribeVpcs"],"Effect":"Allow","Resource":["*"]}]}`
	call := func(action string, params map[string]string) (int, map[string]any) {
		q := url.Values{"Version": {"2015-05-01"}, "Action": {action}}
		for k, v := range params {
			q.Set(k, v)
		}
		return unsigned(t, s, "POST", q.Encode(), nil, "")
	}
	want := func(action string, params map[string]string, code string) map[string]any {
		t.Helper()
		status, body := call(action, params)
		if got, _ := body["Code"].(string); got != code || (code == "") != (status == 200) {
			t.Fatalf("%s %v: %d %v, want code %q", action, params, status, body, code)
		}
		return body
	}
	want("CreateRole", map[string]string{"RoleName": "fw", "AssumeRolePolicyDocument": "not json"}, "MalformedPolicyDocument")
	role := want("CreateRole", map[string]string{"RoleName": "fw", "AssumeRolePolicyDocument": trust,
		"MaxSessionDuration": "7200", "Tag": `[{"Key":"team","Value":"net"}]`}, "")["Role"].(map[string]any)
	if role["Arn"] != "acs:ram::1234567890123456:role/fw" || role["MaxSessionDuration"] != 7200.0 {
		t.Errorf("CreateRole answered %v", role)
	}
	want("CreateRole", map[string]string{"RoleName": "fw", "AssumeRolePolicyDocument": trust}, "EntityAlreadyExists.Role")
	want("UpdateRole", map[string]string{"RoleName": "fw", "NewMaxSessionDuration": "100"}, "InvalidParameter.MaxSessionDuration")
	want("UpdateRole", map[string]string{"RoleName": "fw", "NewDescription": "firewall"}, "")
	if got := want("GetRole", map[string]string{"RoleName": "fw"}, "")["Role"].(map[string]any); got["Description"] != "firewall" {
		t.Errorf("GetRole after UpdateRole: %v", got)
	}
	tags := want("ListTagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["fw"]`}, "")
	if list := tags["TagResources"].([]any); len(list) != 1 || list[0].(map[string]any)["TagValue"] != "net" {
		t.Errorf("ListTagResources: %v", tags)
	}

	want("CreatePolicy", map[string]string{"PolicyName": "read", "PolicyDocument": doc}, "")
	want("AttachPolicyToRole", map[string]string{"PolicyType": "System", "PolicyName": "AliyunECSFullAccess",
		"RoleName": "fw"}, "UnsupportedParameter")
	want("AttachPolicyToRole", map[string]string{"PolicyType": "Custom", "PolicyName": "read", "RoleName": "fw"}, "")
	want("DeleteRole", map[string]string{"RoleName": "fw"}, "DeleteConflict.Role.Policy")
	for range 4 { // v2 to v5
		want("CreatePolicyVersion", map[string]string{"PolicyName": "read", "PolicyDocument": doc, "SetAsDefault": "true"}, "")
	}
	want("CreatePolicyVersion", map[string]string{"PolicyName": "read", "PolicyDocument": doc}, "LimitExceeded.Policy.Version")
	want("CreatePolicyVersion", map[string]string{"PolicyName": "read", "PolicyDocument": doc,
		"RotateStrategy": "DeleteOldestNonDefaultVersionWhenLimitExceeded"}, "")
	versions := want("ListPolicyVersions", map[string]string{"PolicyType": "Custom", "PolicyName": "read"}, "")
	list := versions["PolicyVersions"].(map[string]any)["PolicyVersion"].([]any)
	if len(list) != 5 || list[0].(map[string]any)["VersionId"] != "v2" {
		t.Errorf("after rotation, the versions are %v; want v2 to v6", list)
	}
	want("DeletePolicyVersion", map[string]string{"PolicyName": "read", "VersionId": "v5"}, "DeleteConflict.Policy.Version.Default")
	got := want("GetPolicy", map[string]string{"PolicyType": "Custom", "PolicyName": "read"}, "")
	if got["DefaultPolicyVersion"].(map[string]any)["VersionId"] != "v5" || got["Policy"].(map[string]any)["AttachmentCount"] != 1.0 {
		t.Errorf("GetPolicy: %v", got)
	}
	want("DeletePolicy", map[string]string{"PolicyName": "read"}, "DeleteConflict.Policy.Role")
	want("DeletePolicy", map[string]string{"PolicyName": "read", "CascadingDelete": "true"}, "")
	want("DeleteRole", map[string]string{"RoleName": "fw"}, "")
	want("GetRole", map[string]string{"RoleName": "fw"}, "EntityNotExist.Role")

	// Every RAM action served is listed by the management API.
	found := 0
	for _, a := range s.Actions() {
		if a.Product == "Ram" && a.Served && a.Version == emulator.RAMVersion {
			found++
		}
	}
	if found != 18 {
		t.Errorf("the actions list holds %d RAM actions, want the 18 served", found)
	}
}
