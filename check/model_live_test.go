package check_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/check"
)

// TestLiveVSwitchDecidesPlacement: testdata/v25/live-vswitch-zone-bad places ENI pub
// and instance fw in existing vSwitches named by ID only. From the plan, zone-mismatch
// and vpc-mismatch are undecided, with DescribeVSwitches as what decides them; with an
// account whose vsw-live-h is in cn-hangzhou-h and vsw-live-i in cn-hangzhou-i (one
// VPC), Enrich reads both and the attachment is refused: an ENI attaches only to an
// instance of its zone (AttachNetworkInterface); with both in one zone, nothing is
// left open and nothing fails.
func TestLiveVSwitchDecidesPlacement(t *testing.T) {
	t.Parallel()
	dir := "testdata/v25/live-vswitch-zone-bad"
	const attachment = "alicloud_ecs_network_interface_attachment.pub"
	m, err := loadIn(dir, "plan alone")
	if err != nil {
		t.Fatal(err)
	}
	fs := check.Run(m, v9Options)
	if !slices.ContainsFunc(fs, func(f check.Finding) bool {
		return f.Address == attachment && f.Rule == check.CodeUnknown && strings.Contains(f.Message, "zone-mismatch") &&
			strings.Contains(f.Message, "DescribeVSwitches")
	}) {
		t.Errorf("from the plan alone, zone-mismatch is not undecided by DescribeVSwitches: %v", brief(fs))
	}
	for _, tc := range []struct {
		zoneI string
		want  []string
	}{
		{"cn-hangzhou-i", []string{attachment + " zone-mismatch fail"}},
		{"cn-hangzhou-h", nil},
	} {
		account := fake.NewBuilder(fake.Options{}).
			VSwitch("vsw-live-h", "cn-hangzhou", "cn-hangzhou-h", "vpc-live", "192.168.0.0/24").
			VSwitch("vsw-live-i", "cn-hangzhou", tc.zoneI, "vpc-live", "192.168.1.0/24").
			MustBuild()
		m, err := loadIn(dir, "plan alone")
		if err != nil {
			t.Fatal(err)
		}
		if err := check.Enrich(t.Context(), m, account); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range check.Run(m, v9Options) {
			got = append(got, f.Address+" "+string(f.Rule)+" "+string(f.Status))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("vsw-live-i in %s: %v, want %v", tc.zoneI, got, tc.want)
		}
	}
}
