package aliyun_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
)

// TestEIPSettingsRoundTrip: what AllocateEIP is given beyond the charge types (the line,
// the resource group, the security protection editions: alicloud_eip_address's isp,
// resource_group_id and security_protection_types) goes through the official SDK to
// the emulator and comes back from DescribeEIPs, with the name, description and
// bandwidth; the network mode takes the API's default, public.
func TestEIPSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	b := newBackend(t, startEmulator(t, fake.Options{}), false)
	want := eip.Settings{ISP: "BGP_PRO", Netmode: "public", ResourceGroupID: "rg-fw",
		SecurityProtectionTypes: []string{"AntiDDoS_Enhanced"}}
	a, err := b.AllocateEIP(t.Context(), backend.AllocateEIPInput{Region: "cn-shanghai", Name: "fw-untrust",
		Description: "untrust", Bandwidth: 20, Settings: eip.Settings{ISP: "BGP_PRO", ResourceGroupID: "rg-fw",
			SecurityProtectionTypes: []string{"AntiDDoS_Enhanced"}}})
	if err != nil {
		t.Fatal(err)
	}
	page, err := b.DescribeEIPs(t.Context(), backend.DescribeEIPsInput{Region: "cn-shanghai", IDs: []eip.ID{a.ID}})
	if err != nil || len(page.EIPs) != 1 {
		t.Fatalf("DescribeEIPs: %+v %v", page, err)
	}
	got := page.EIPs[0]
	if diff := cmp.Diff(want, got.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	if got.Name != "fw-untrust" || got.Description != "untrust" || got.Bandwidth != 20 {
		t.Errorf("name %q, description %q, bandwidth %d", got.Name, got.Description, got.Bandwidth)
	}
}
