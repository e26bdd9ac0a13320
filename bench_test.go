package eipassoc_test

import (
	"net/netip"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/modes"
)

// benchRequest is a NAT request on a secondary ENI with 10 private IPs, 9 of which
// already carry EIPs; the tenth is free.
func benchRequest() eipassoc.Request {
	r := request(modes.NAT, 10)
	r.Bound = bind(modes.NAT, 9)
	r.PrivateIP = addr(9)
	return r
}

var sink eipassoc.Decision

func BenchmarkCanAssociate(b *testing.B) {
	b.Run("allowed", func(b *testing.B) {
		r := benchRequest()
		if d := eipassoc.CanAssociate(r); !d.Allowed() {
			b.Fatalf("benchmark request denied: %v", d)
		}
		b.ReportAllocs()
		for b.Loop() {
			sink = eipassoc.CanAssociate(r)
		}
	})
	b.Run("denied", func(b *testing.B) {
		r := benchRequest()
		r.PrivateIP = addr(3) // already carries an EIP
		r.EIP.Region = "cn-beijing"
		if d := eipassoc.CanAssociate(r); len(d.Violations) != 2 {
			b.Fatalf("benchmark request: %v", d)
		}
		b.ReportAllocs()
		for b.Loop() {
			sink = eipassoc.CanAssociate(r)
		}
	})
	// As a plan sees it: the addresses' values and the EIP's status unknown, so two
	// rule groups are undecided and explained.
	b.Run("undecided", func(b *testing.B) {
		r := benchRequest()
		r.PrivateIP = netip.Addr{}
		r.Bound = r.Bound[:5]
		r.Unknown = eipassoc.FactsOf(eipassoc.FactENIAddresses, eipassoc.FactEIPStatus)
		r.PrivateIPCount = 10
		if d := eipassoc.CanAssociate(r); d.Verdict != eipassoc.Undecided {
			b.Fatalf("benchmark request: %v", d)
		}
		b.ReportAllocs()
		for b.Loop() {
			sink = eipassoc.CanAssociate(r)
		}
	})
}

func BenchmarkCanAttach(b *testing.B) {
	r := attachRequest("ecs.g7.2xlarge", bind(modes.NAT, 2)...)
	if d := eipassoc.CanAttach(r); !d.Allowed() {
		b.Fatalf("benchmark request denied: %v", d)
	}
	b.ReportAllocs()
	for b.Loop() {
		sink = eipassoc.CanAttach(r)
	}
}
