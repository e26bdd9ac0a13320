package aliyun_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
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
	srv, err := emulator.New(emulator.Config{Backend: bld.MustBuild(), AccessKeys: map[string]string{testKeyID: testKeySecret}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	return strings.TrimPrefix(ts.URL, "http://")
}

// roundTrip is AssociateEipAddress, DescribeEipAddresses and UnassociateEipAddress
// through the SDK: three signed HTTP requests.
func roundTrip(b *testing.B, be backend.Backend, i int64) {
	ctx := b.Context()
	id := eip.ID(fmt.Sprintf("eip-%d", i))
	if err := be.AssociateEIP(ctx, backend.AssociateEIPInput{Region: "cn-shanghai", EIP: id, InstanceID: fmt.Sprintf("eni-%d", i), InstanceType: eip.NetworkInterface, Mode: modes.NAT}); err != nil {
		b.Error(err)
		return
	}
	if page, err := be.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: "cn-shanghai", IDs: []eip.ID{id}}); err != nil || page.EIPs[0].Status != eip.InUse {
		b.Error(err)
		return
	}
	if err := be.UnassociateEIP(ctx, backend.UnassociateEIPInput{Region: "cn-shanghai", EIP: id}); err != nil {
		b.Error(err)
	}
}

// BenchmarkSDKAgainstEmulator measures signed SDK calls to the emulator on loopback,
// one goroutine and then as many as GOMAXPROCS×16; req/s counts HTTP requests.
func BenchmarkSDKAgainstEmulator(b *testing.B) {
	b.Run("serial", func(b *testing.B) {
		be := newBackend(b, benchEndpoint(b, 1), false)
		b.ReportAllocs()
		for b.Loop() {
			roundTrip(b, be, 0)
		}
		b.ReportMetric(float64(3*b.N)/b.Elapsed().Seconds(), "req/s")
	})
	b.Run("parallel", func(b *testing.B) {
		const pairs = 64
		be := newBackend(b, benchEndpoint(b, pairs), false)
		var next atomic.Int64
		b.SetParallelism(16)
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := next.Add(1) % pairs
			for pb.Next() {
				roundTrip(b, be, i)
			}
		})
		b.ReportMetric(float64(3*b.N)/b.Elapsed().Seconds(), "req/s")
	})
}
