package emulator_test

import (
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// TestCallerIdentity: STS GetCallerIdentity (data "alicloud_account") answers the
// emulated account, the caller of every key the server takes.
func TestCallerIdentity(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	status, body := unsigned(t, s, "POST", "Version="+emulator.STSVersion+"&Action=GetCallerIdentity&RegionId=cn-shanghai",
		nil, "")
	if status != 200 || body["AccountId"] != fake.AccountID || body["IdentityType"] != "Account" ||
		body["Arn"] != "acs:ram::"+fake.AccountID+":root" {
		t.Errorf("GetCallerIdentity: %d %v", status, body)
	}
}
