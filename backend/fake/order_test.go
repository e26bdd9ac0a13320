package fake_test

import (
	"slices"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eni"
)

// TestSettleOrderIsStable: transitions complete in the order they end, then by ID, so an
// instance's ENI list never depends on map order. Each case runs 50 times on new fakes.
func TestSettleOrderIsStable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		stagger time.Duration
		want    []eni.ID // after the primary ENI
	}{
		// Attached one second apart: they finish in the order they were attached.
		{"staggered", time.Second, []eni.ID{"eni-d", "eni-b", "eni-c", "eni-a"}},
		// Attached at the same instant: they finish together, in ID order.
		{"simultaneous", 0, []eni.ID{"eni-a", "eni-b", "eni-c", "eni-d"}},
	}
	for _, tc := range tests {
		for run := range 50 {
			clock := fake.NewManualClock(time.Unix(0, 0))
			f := fake.NewBuilder(fake.Options{Clock: clock.Now, TransitionDelay: time.Minute}).
				VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
				Instance("i-1", "ecs.g7.4xlarge", "vsw-1"). // 8 ENIs (API facts §5)
				ENI("eni-a", "vsw-1", 1).ENI("eni-b", "vsw-1", 1).ENI("eni-c", "vsw-1", 1).ENI("eni-d", "vsw-1", 1).
				MustBuild()
			for _, id := range []eni.ID{"eni-d", "eni-b", "eni-c", "eni-a"} {
				if err := f.AttachENI(t.Context(), backend.AttachENIInput{
					Region: "cn-shanghai", ENI: id, Instance: "i-1",
				}); err != nil {
					t.Fatal(err)
				}
				clock.Advance(tc.stagger)
			}
			clock.Advance(time.Hour)
			in, err := f.DescribeInstance(
				t.Context(),
				backend.DescribeInstanceInput{Region: "cn-shanghai", Instance: "i-1"},
			)
			if err != nil {
				t.Fatal(err)
			}
			if len(in.ENIs) != 5 || !slices.Equal(in.ENIs[1:], tc.want) {
				t.Fatalf("%s, run %d: ENIs %v, want the primary then %v", tc.name, run, in.ENIs, tc.want)
			}
		}
	}
}
