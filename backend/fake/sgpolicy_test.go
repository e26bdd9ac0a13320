package fake_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestInnerAccessPolicy: a group's inner access policy is Accept or Drop, and the state
// keeps it.
func TestInnerAccessPolicy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{
		VPCs:           []fake.VPCSpec{{ID: "vpc-a", Region: region, CIDR: netip.MustParsePrefix("10.0.0.0/16")}},
		SecurityGroups: []fake.SecurityGroupSpec{{ID: "sg-a", Region: region, VPC: "vpc-a"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetInnerAccessPolicy(ctx, region, "sg-a", "Maybe"); backend.Code(err) != "InvalidParameter" {
		t.Errorf("policy Maybe: %v", err)
	}
	if err := f.SetInnerAccessPolicy(ctx, region, "sg-a", "Drop"); err != nil {
		t.Fatal(err)
	}
	if got := f.Topology().SecurityGroups[0].InnerAccessPolicy; got != "Drop" {
		t.Errorf("the state's policy: %q, want Drop", got)
	}
}
