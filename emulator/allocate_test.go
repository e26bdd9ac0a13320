package emulator_test

import (
	"strings"
	"testing"
)

// TestAllocateRefusesByName: AllocateEipAddress models, keeps or refuses each parameter:
// one it does not know is UnsupportedParameter, naming it; an IP address pool or an
// address that is in none of the account's pools are refused by name (the account
// here has no pool), and so is an EIP to take back that the account never released;
// a promotion (ActivityId) is taken, write-only; the
// provider's own empty InstanceId is taken.
func TestAllocateRefusesByName(t *testing.T) {
	t.Parallel()
	s := newServer(t, map[string]string{keyID: secret})
	for i, tc := range []struct {
		params map[string]string
		code   string
		names  string
	}{
		{map[string]string{"Foo": "1"}, "UnsupportedParameter", "Foo"},
		{map[string]string{"PublicIpAddressPoolId": "pippool-1"}, "InvalidPublicIpAddressPoolId.NotFound", "pippool-1"},
		{map[string]string{"IpAddress": "47.100.0.1"}, "InvalidIpAddress.NotInPool", "47.100.0.1"},
		{map[string]string{"ActivityId": "7"}, "", ""},
		{map[string]string{"InstanceId": "eip-never"}, "InvalidInstanceId.NotFound", "eip-never"},
		{map[string]string{"InstanceId": "", "SecurityProtectionTypes.1": "AntiDDoS_Enhanced", "ISP": "BGP"}, "", ""},
	} {
		q := map[string]string{"RegionId": "cn-shanghai"}
		for k, v := range tc.params {
			q[k] = v
		}
		status, body := serve(s, signedV2(t, "AllocateEipAddress", q, "alloc-"+string(rune('a'+i))))
		code, _ := body["Code"].(string)
		msg, _ := body["Message"].(string)
		if code != tc.code || !strings.Contains(msg, tc.names) {
			t.Errorf("%v: %d %s %q, want %s naming %s", tc.params, status, code, msg, tc.code, tc.names)
		}
	}
}
