package fake_test

import (
	"context"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestEIPDeletionProtection: while an EIP's deletion protection is on, it is not
// released; once it is off, it is; the state keeps the flag.
func TestEIPDeletionProtection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := fake.New(fake.Options{})
	a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetEIPDeletionProtection(ctx, region, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if !f.Topology().EIPs[0].Settings.DeletionProtection {
		t.Error("the state lost the deletion protection")
	}
	release := backend.ReleaseEIPInput{Region: region, EIP: a.ID}
	if err := f.ReleaseEIP(ctx, release); backend.Code(err) != "OperationDenied.DeletionProtection" {
		t.Errorf("ReleaseEIP of a protected EIP: %v", err)
	}
	if err := f.SetEIPDeletionProtection(ctx, region, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := f.ReleaseEIP(ctx, release); err != nil {
		t.Errorf("ReleaseEIP once protection is off: %v", err)
	}
}
