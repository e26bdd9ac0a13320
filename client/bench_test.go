package client_test

import (
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/modes"
)

// BenchmarkClientAssociate is a checked association through the Client on the fake:
// three reads, the decision, the call and one status read; then the disassociation
// (one read, the decision, the call, one status read).
func BenchmarkClientAssociate(b *testing.B) {
	f := account(b, fake.Options{NoCallLog: true})
	c := client.New(f, client.Options{})
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Associate(ctx, client.AssociateRequest{
			Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT,
		}); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Unassociate(ctx, client.UnassociateRequest{Region: sh, EIP: "eip-1"}); err != nil {
			b.Fatal(err)
		}
	}
}
