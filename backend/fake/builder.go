package fake

import (
	"net/netip"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// A Builder assembles a [Topology] in a few chained calls and builds a seeded fake
// from it:
//
//	f := fake.NewBuilder(fake.Options{Seed: 1}).
//		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
//		Instance("i-1", "ecs.g7.large", "vsw-1").
//		ENI("eni-1", "vsw-1", 3).
//		EIP("eip-1", "cn-hangzhou").
//		MustBuild()
//
// A Builder is not safe for concurrent use.
type Builder struct {
	opts Options
	t    Topology
	bad  string // the first malformed argument, reported by Build
}

// NewBuilder starts a topology for a fake with opts.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// VSwitch adds a vSwitch; cidr is an IPv4 block such as "192.168.0.0/24".
func (b *Builder) VSwitch(id string, region regions.ID, zone, vpc, cidr string) *Builder {
	p, err := netip.ParsePrefix(cidr)
	if err != nil && b.bad == "" {
		b.bad = "vswitch " + id + ": " + err.Error()
	}
	b.t.VSwitches = append(b.t.VSwitches, VSwitchSpec{ID: id, Region: region, Zone: zone, VPC: vpc, CIDR: p})
	return b
}

// Instance adds a running ECS instance of type typ with DHCP enabled; its primary ENI
// is "eni-" + id, with the lowest free address of the vSwitch (see [Builder.ENI]).
func (b *Builder) Instance(id, typ, vswitch string) *Builder {
	b.t.Instances = append(b.t.Instances, InstanceSpec{ID: id, Type: typ, VSwitch: vswitch, DHCP: ecs.DHCPEnabled})
	return b
}

// ENI adds a detached secondary ENI with privateIPs private addresses (the primary
// included).
//
// Addresses are given as the cloud gives them: the lowest free ones of the vSwitch's
// block, skipping the three first and the last, which the cloud reserves. Instances
// (their primary ENIs) are seeded before ENIs, and both in the order they were added,
// so in a fresh 192.168.0.0/24 with no instance the first ENI of three addresses gets
// 192.168.0.3 (primary), .4 and .5, and the next ENI starts at .6.
// [Backend.DescribeENIs] returns what an ENI got.
func (b *Builder) ENI(id eni.ID, vswitch string, privateIPs int) *Builder {
	b.t.ENIs = append(b.t.ENIs, ENISpec{ID: id, VSwitch: vswitch, SecondaryIPCount: max(privateIPs-1, 0)})
	return b
}

// AttachedENI adds a secondary ENI attached to instance.
func (b *Builder) AttachedENI(id eni.ID, vswitch string, privateIPs int, instance string) *Builder {
	b.t.ENIs = append(
		b.t.ENIs,
		ENISpec{ID: id, VSwitch: vswitch, SecondaryIPCount: max(privateIPs-1, 0), Instance: instance},
	)
	return b
}

// EIP adds an Available pay-as-you-go EIP.
func (b *Builder) EIP(id eip.ID, region regions.ID) *Builder {
	b.t.EIPs = append(b.t.EIPs, EIPSpec{ID: id, Region: region})
	return b
}

// AssociatedEIP adds a pay-as-you-go EIP associated with ENI n in mode m, mapped to
// private (zero: the primary address).
func (b *Builder) AssociatedEIP(id eip.ID, region regions.ID, n eni.ID, m modes.Mode, private netip.Addr) *Builder {
	b.t.EIPs = append(
		b.t.EIPs,
		EIPSpec{ID: id, Region: region, Association: &AssociationSpec{ENI: n, Mode: m, PrivateIP: private}},
	)
	return b
}

// Topology returns the topology built so far.
func (b *Builder) Topology() Topology { return b.t }

// Build returns a fake seeded with the topology, or the first error.
func (b *Builder) Build() (*Backend, error) {
	if b.bad != "" {
		return nil, &TopologyError{Where: "builder", Err: errorString(b.bad)}
	}
	f := New(b.opts)
	if err := f.Seed(b.t); err != nil {
		return nil, err
	}
	return f, nil
}

// MustBuild is like Build but panics on error. It is intended for tests and examples.
func (b *Builder) MustBuild() *Backend {
	f, err := b.Build()
	if err != nil {
		panic(err)
	}
	return f
}

type errorString string

func (e errorString) Error() string { return string(e) }
