package fake_test

import (
	"context"
	"errors"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestFaultsAfterTheChange: an AfterChange fault makes the call and still fails it (the
// EIP exists, the caller was told ServiceUnavailable); a LostAnswer fault makes the call
// and answers ErrAnswerLost; a Rate of a half fails about half the calls it covers,
// the same ones for the same seed.
func TestFaultsAfterTheChange(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	count := func(f *fake.Backend) int {
		page, _ := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region})
		return page.TotalCount
	}
	f := newAccount(fake.Options{})
	if err := f.InjectFault(backend.OpAllocateEIP, fake.Fault{Code: "ServiceUnavailable", AfterChange: true,
		Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	if backend.Code(err) != "ServiceUnavailable" || count(f) != 1 {
		t.Fatalf("AfterChange: %v and %d EIPs, want ServiceUnavailable and 1", err, count(f))
	}
	if err := f.InjectFault(backend.OpAllocateEIP, fake.Fault{LostAnswer: true, Times: 1}); err != nil {
		t.Fatal(err)
	}
	_, err = f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
	if !errors.Is(err, fake.ErrAnswerLost) || count(f) != 2 {
		t.Fatalf("LostAnswer: %v and %d EIPs, want ErrAnswerLost and 2", err, count(f))
	}
	fired := func(seed uint64) []bool {
		f := newAccount(fake.Options{Seed: seed})
		if err := f.InjectFault(backend.OpDescribeEIPs, fake.Fault{Code: "Throttling.User", Rate: 0.5}); err != nil {
			t.Fatal(err)
		}
		out := make([]bool, 1000)
		for i := range out {
			_, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region})
			out[i] = err != nil
		}
		return out
	}
	a, b := fired(7), fired(7)
	n := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("call %d fails with one run of seed 7 and not the other", i)
		}
		if a[i] {
			n++
		}
	}
	if n < 400 || n > 600 { // a binomial(1000, 0.5) is outside this once in about 10^10
		t.Errorf("Rate 0.5 failed %d of 1000 calls", n)
	}
}
