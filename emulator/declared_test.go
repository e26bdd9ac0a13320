package emulator_test

import (
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/emulator"
)

// A parameter an operation does not declare is refused by name before anything
// changes: CreateVpc with a parameter it does not take creates no VPC. DryRun=false, every
// operation's default, is taken; DryRun=true where dry runs are not modelled is not.
func TestUndeclaredParameterRefusedBeforeTheChange(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	create := "Version=" + emulator.VPCVersion + "&Action=CreateVpc&RegionId=cn-shanghai&CidrBlock=10.0.0.0/16"
	count := func() int {
		_, body := unsigned(t, s, "POST", "Version="+emulator.VPCVersion+"&Action=DescribeVpcs&RegionId=cn-shanghai",
			nil, "")
		n, _ := body["TotalCount"].(float64)
		return int(n)
	}
	before := count()
	for _, tc := range []struct{ extra, refused string }{
		{"&SecondaryCidrMask=16", "SecondaryCidrMask"},
		{"&DryRun=true", "DryRun"},
		{"&EnableDnsHostname=true", "EnableDnsHostname"},
	} {
		code, body := unsigned(t, s, "POST", create+tc.extra, nil, "")
		msg, _ := body["Message"].(string)
		if code != 400 || body["Code"] != "UnsupportedParameter" || !strings.Contains(msg, tc.refused) {
			t.Errorf("CreateVpc%s: %d %v %q; want 400 UnsupportedParameter naming %s", tc.extra, code, body["Code"],
				msg, tc.refused)
		}
	}
	if n := count(); n != before {
		t.Fatalf("refused calls created VPCs: %d, then %d", before, n)
	}
	if code, body := unsigned(t, s, "POST", create+"&DryRun=false&EnableIpv6=false", nil, ""); code != 200 {
		t.Fatalf("CreateVpc with the defaults DryRun=false, EnableIpv6=false: %d %v", code, body)
	}
	if n := count(); n != before+1 {
		t.Fatalf("CreateVpc with the defaults made %d VPCs, want 1", n-before)
	}
}
