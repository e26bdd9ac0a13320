package aliyun_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/emulator"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// benchEndpoint serves n ENI/EIP pairs (eni-i, eip-i) through a signed emulator.
func benchEndpoint(b *testing.B, n int) string {
	bld := fake.NewBuilder(fake.Options{NoCallLog: true, EIPQuota: n}).
		VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "10.0.0.0/16")
	for i := range n {
		bld.ENI(eni.ID(fmt.Sprintf("eni-%d", i)), "vsw-1", 2).EIP(eip.ID(fmt.Sprintf("eip-%d", i)), "cn-shanghai")
	}
	srv, err := emulator.New(
		emulator.Config{
			Backend:    bld.MustBuild(),
			AccessKeys: map[string]string{testKeyID: testKeySecret},
			Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		},
	)
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	return strings.TrimPrefix(ts.URL, "http://")
}

// roundTrip is AssociateEipAddress, DescribeEipAddresses and UnassociateEipAddress
// through the SDK: three signed HTTP requests. It returns how many of them succeeded;
// a failure is reported on b.
func roundTrip(b *testing.B, be backend.Backend, i int64) int64 {
	ctx := b.Context()
	id := eip.ID(fmt.Sprintf("eip-%d", i))
	if err := be.AssociateEIP(ctx, backend.AssociateEIPInput{
		Region: "cn-shanghai", EIP: id, InstanceID: fmt.Sprintf("eni-%d", i), InstanceType: eip.NetworkInterface,
		Mode: modes.NAT,
	}); err != nil {
		b.Error(err)
		return 0
	}
	if page, err := be.DescribeEIPs(ctx, backend.DescribeEIPsInput{
		Region: "cn-shanghai", IDs: []eip.ID{id},
	}); err != nil ||
		len(page.EIPs) != 1 ||
		page.EIPs[0].Status != eip.InUse {
		b.Errorf("DescribeEIPs(%s) = %+v, %v", id, page, err)
		return 1
	}
	if err := be.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: "cn-shanghai", EIP: id}); err != nil {
		b.Error(err)
		return 2
	}
	return 3
}

// BenchmarkSDKAgainstEmulator measures signed SDK calls to the emulator on loopback,
// one goroutine and then GOMAXPROCS×16 of them, each with its own ENI/EIP pair so that
// they never contend for one (at any -cpu). req/s counts the requests that succeeded.
func BenchmarkSDKAgainstEmulator(b *testing.B) {
	b.Run("serial", func(b *testing.B) {
		be := newBackend(b, benchEndpoint(b, 1), false)
		b.ReportAllocs()
		var ok int64
		for b.Loop() {
			ok += roundTrip(b, be, 0)
		}
		b.ReportMetric(float64(ok)/b.Elapsed().Seconds(), "req/s")
	})
	b.Run("parallel", func(b *testing.B) {
		const perProc = 16
		goroutines := runtime.GOMAXPROCS(0) * perProc
		be := newBackend(b, benchEndpoint(b, goroutines), false)
		var next, ok atomic.Int64
		b.SetParallelism(perProc)
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := next.Add(1) - 1 // 0 to goroutines-1: a pair of its own
			for pb.Next() {
				ok.Add(roundTrip(b, be, i))
			}
		})
		b.ReportMetric(float64(ok.Load())/b.Elapsed().Seconds(), "req/s")
	})
}
