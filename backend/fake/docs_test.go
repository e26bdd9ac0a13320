package fake_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"regexp"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// TestEmulatorDocTopologies: every json block of docs/emulator.md is a topology that
// loads and seeds, and the minimal one does what the page says: eni-1 has two private
// IPs (secondary_ip_count 1 and the primary), so two NAT EIPs fit on it (one per private
// IP: doc, comparison table) and a third is refused with InvalidEip.EipQuotaExceeded
// (API facts, AssociateEipAddress errors).
func TestEmulatorDocTopologies(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile("../../docs/emulator.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```json\n(.*?)```").FindAllSubmatch(page, -1)
	if len(blocks) == 0 {
		t.Fatal("docs/emulator.md has no json block")
	}
	ctx := context.Background()
	minimal := 0
	for i, b := range blocks {
		topo, err := fake.LoadTopology(bytes.NewReader(b[1]))
		if err != nil {
			t.Fatalf("block %d: %v", i, err)
		}
		f := fake.New(fake.Options{})
		if err := f.Seed(topo); err != nil {
			t.Fatalf("block %d: %v", i, err)
		}
		if len(topo.ENIs) != 1 || topo.ENIs[0].ID != "eni-1" {
			continue
		}
		minimal++
		got, err := f.DescribeENIs(ctx, backend.DescribeENIsInput{Region: "cn-shanghai", IDs: []eni.ID{"eni-1"}})
		if err != nil || len(got.ENIs) != 1 {
			t.Fatalf("eni-1: %v, %v", got, err)
		}
		n := got.ENIs[0]
		if n.PrivateIPCount() != 2 || n.Attached() {
			t.Fatalf("eni-1 has %d private IPs, attached %v; the page says 2, detached", n.PrivateIPCount(), n.Attached())
		}
		ids := []eip.ID{"eip-1"}
		for range 2 {
			a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: "cn-shanghai"})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		targets := append(n.PrivateIPs(), n.PrimaryIP) // the third asks for an address already taken
		for j, id := range ids {
			err := f.AssociateEIP(ctx, backend.AssociateEIPInput{Region: "cn-shanghai", EIP: id, InstanceID: "eni-1",
				InstanceType: eip.NetworkInterface, Mode: modes.NAT, PrivateIP: targets[j]})
			var apiErr *backend.Error
			switch {
			case j < 2 && err != nil:
				t.Errorf("NAT EIP %d on eni-1: %v", j+1, err)
			case j == 2 && (!errors.As(err, &apiErr) || apiErr.Code != "InvalidEip.EipQuotaExceeded"):
				t.Errorf("a third NAT EIP on eni-1: %v, want InvalidEip.EipQuotaExceeded", err)
			}
		}
	}
	if minimal != 1 {
		t.Errorf("%d minimal topologies (one ENI, eni-1) on the page, want 1", minimal)
	}
}
