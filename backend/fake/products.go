package fake

import (
	"errors"
	"maps"
	"net/netip"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// Resources of other products and other accounts that EIP and ENI configurations name:
// the fake does not create them through the API, a topology seeds them, and the
// operations that name them check them.

// A PrefixList is a VPC prefix list: a named set of blocks a security group rule may
// take as its peer (SourcePrefixListId, DestPrefixListId).
type PrefixList struct {
	ID      string         `json:"id"`
	Region  regions.ID     `json:"region"`
	Name    string         `json:"name,omitempty"`
	Entries []netip.Prefix `json:"entries"`
}

// A PeerGroup is a security group of another account, which a rule may take as its
// peer when it names the owner (SourceGroupOwnerAccount, DestGroupOwnerAccount).
type PeerGroup struct {
	ID      string     `json:"id"`
	Region  regions.ID `json:"region"`
	Account string     `json:"account"`
}

// An IPAMPool is an IP address manager's pool of IPv4 blocks: a VPC created with it
// (Ipv4IpamPoolId) takes its block from them, and no two VPCs' blocks from one pool
// overlap.
type IPAMPool struct {
	ID     string         `json:"id"`
	Region regions.ID     `json:"region"`
	CIDRs  []netip.Prefix `json:"cidrs"`
}

// A PublicIPPool is a pool of public IPv4 addresses an EIP may be allocated from
// (AllocateEipAddress PublicIpAddressPoolId, or IpAddress inside it).
type PublicIPPool struct {
	ID     string         `json:"id"`
	Region regions.ID     `json:"region"`
	CIDRs  []netip.Prefix `json:"cidrs"`
}

// products are the seeded resources of other products and accounts, by ID. They never
// change after seeding, so copies of the state may share them (seeding adds to copies
// of the maps: see seedProducts).
type products struct {
	prefixLists map[string]PrefixList
	peerGroups  map[string]PeerGroup
	ipamPools   map[string]IPAMPool
	ipPools     map[string]PublicIPPool
	resources   map[string]ProductResource
	templates   map[string]LaunchTemplate
}

// seedProducts checks and adds the topology's resources of other products.
func (b *Backend) seedProducts(t Topology) error {
	p := &b.s.products
	*p = products{maps.Clone(p.prefixLists), maps.Clone(p.peerGroups), maps.Clone(p.ipamPools), maps.Clone(p.ipPools),
		maps.Clone(p.resources), maps.Clone(p.templates)}
	for _, lt := range t.LaunchTemplates {
		ok := lt.Name != "" && len(lt.Versions) > 0
		if err := seedOne(p.templates, lt.ID, lt.Region, lt, ok); err != nil {
			return &TopologyError{Where: "launch_templates " + lt.ID, Err: err}
		}
	}
	for _, r := range t.Resources {
		if err := seedOne(p.resources, r.ID, r.Region, r, notFound[r.Kind] != ""); err != nil {
			return &TopologyError{Where: "resources " + r.ID, Err: err}
		}
	}
	for _, l := range t.PrefixLists {
		if err := seedOne(p.prefixLists, l.ID, l.Region, l, len(l.Entries) > 0); err != nil {
			return &TopologyError{Where: "prefix_lists " + l.ID, Err: err}
		}
	}
	for _, g := range t.PeerGroups {
		if err := seedOne(p.peerGroups, g.ID, g.Region, g, g.Account != "" && g.Account != AccountID); err != nil {
			return &TopologyError{Where: "peer_groups " + g.ID, Err: err}
		}
	}
	for _, pool := range t.IPAMPools {
		ok := len(pool.CIDRs) > 0 && !slices.ContainsFunc(pool.CIDRs, func(c netip.Prefix) bool { return !c.Addr().Is4() })
		if err := seedOne(p.ipamPools, pool.ID, pool.Region, pool, ok); err != nil {
			return &TopologyError{Where: "ipam_pools " + pool.ID, Err: err}
		}
	}
	for _, pool := range t.PublicIPPools {
		ok := len(pool.CIDRs) > 0 && !slices.ContainsFunc(pool.CIDRs, func(c netip.Prefix) bool { return !c.Addr().Is4() })
		if err := seedOne(p.ipPools, pool.ID, pool.Region, pool, ok); err != nil {
			return &TopologyError{Where: "public_ip_pools " + pool.ID, Err: err}
		}
	}
	return nil
}

// seedOne adds v under id after checking its region and what valid says of the rest.
func seedOne[T any](m map[string]T, id string, region regions.ID, v T, valid bool) error {
	if _, err := regions.Lookup(region); err != nil {
		return err
	}
	switch {
	case id == "":
		return errors.New("an id is required")
	case !valid:
		return errors.New("incomplete: see the fields its type documents")
	}
	if _, dup := m[id]; dup {
		return errors.New("seeded twice")
	}
	m[id] = v
	return nil
}

// inRegion returns m[id] when it is in region r.
func inRegion[T interface{ region() regions.ID }](m map[string]T, id string, r regions.ID) (T, bool) {
	v, ok := m[id]
	if !ok || v.region() != r {
		var zero T
		return zero, false
	}
	return v, true
}

func (l PrefixList) region() regions.ID   { return l.Region }
func (g PeerGroup) region() regions.ID    { return g.Region }
func (p IPAMPool) region() regions.ID     { return p.Region }
func (p PublicIPPool) region() regions.ID { return p.Region }

// poolAddress picks the address of a new EIP from the region's public IP address
// pools: in.IP, which must lie in the pool named or, with none named, in one of the
// region's pools (the addresses the account may ask for); or the named pool's first
// free address after the first of its block. With neither, the fake picks the address
// (zero). The EIP reports the pool the call names, and no other: an address asked for
// alone reports none.
func (b *Backend) poolAddress(op backend.Op, in backend.AllocateEIPInput) (netip.Addr, error) {
	id := in.Settings.PublicIPPool
	if id == "" && !in.IP.IsValid() {
		return netip.Addr{}, nil
	}
	var pools []PublicIPPool
	if id != "" {
		pool, ok := inRegion(b.s.ipPools, id, in.Region)
		if !ok {
			return netip.Addr{}, fail(op, "InvalidPublicIpAddressPoolId.NotFound", "The IP address pool "+id+
				" does not exist in "+string(in.Region)+".")
		}
		pools = []PublicIPPool{pool}
	} else {
		for _, k := range slices.Sorted(maps.Keys(b.s.ipPools)) {
			if pool := b.s.ipPools[k]; pool.Region == in.Region {
				pools = append(pools, pool)
			}
		}
	}
	for _, pool := range pools {
		for _, c := range pool.CIDRs {
			if in.IP.IsValid() {
				if !c.Contains(in.IP) {
					continue
				}
				if b.s.publicIPs[in.IP] {
					return netip.Addr{}, fail(op, "InvalidIpAddress.AlreadyExist", in.IP.String()+" is another EIP's.")
				}
				return in.IP, nil
			}
			for a := c.Masked().Addr().Next(); c.Contains(a); a = a.Next() { // not the block's own address
				if !b.s.publicIPs[a] {
					return a, nil
				}
			}
		}
	}
	if in.IP.IsValid() {
		return netip.Addr{}, fail(op, "InvalidIpAddress.NotInPool", in.IP.String()+
			" is in no IP address pool of the account in "+string(in.Region)+".")
	}
	return netip.Addr{}, fail(op, "QuotaExceeded.PublicIpAddressPool", "IP address pool "+id+" has no free address.")
}

// A ProductKind is a kind of resource of another product that an instance or its disks
// may name.
type ProductKind string

// The kinds of [ProductResource].
const (
	DedicatedHost  ProductKind = "dedicated_host"  // DedicatedHostId
	DeploymentSet  ProductKind = "deployment_set"  // DeploymentSetId
	HPCCluster     ProductKind = "hpc_cluster"     // HpcClusterId
	PrivatePool    ProductKind = "private_pool"    // PrivatePoolOptions.Id: an elasticity assurance or capacity reservation
	SnapshotPolicy ProductKind = "snapshot_policy" // SystemDisk.AutoSnapshotPolicyId, DataDisk.N.AutoSnapshotPolicyId
	KMSKey         ProductKind = "kms_key"         // SystemDisk.KMSKeyId, DataDisk.N.KMSKeyId
	StorageCluster ProductKind = "storage_cluster" // SystemDisk.StorageClusterId: a dedicated block storage cluster
	DiskSnapshot   ProductKind = "snapshot"        // DataDisk.N.SnapshotId
)

// notFound are the codes a reference to a resource that does not exist gets, by kind,
// in the ECS API's style (Invalid<Parameter>.NotFound).
var notFound = map[ProductKind]string{
	DedicatedHost:  "InvalidDedicatedHostId.NotFound",
	DeploymentSet:  "InvalidDeploymentSetId.NotFound",
	HPCCluster:     "InvalidHpcClusterId.NotFound",
	PrivatePool:    "InvalidPrivatePoolOptions.Id.NotFound",
	SnapshotPolicy: "InvalidAutoSnapshotPolicyId.NotFound",
	KMSKey:         "InvalidKMSKeyId.NotFound",
	StorageCluster: "InvalidStorageClusterId.NotFound",
	DiskSnapshot:   "InvalidSnapshotId.NotFound",
}

// A ProductResource is a resource of another product, of one of the kinds above, that
// RunInstances may name: it must exist in the instance's region, and the instance or
// disk keeps its ID and gives it back.
type ProductResource struct {
	Kind   ProductKind `json:"kind"`
	ID     string      `json:"id"`
	Region regions.ID  `json:"region"`
}

func (r ProductResource) region() regions.ID { return r.Region }

// instanceReferences are the RunInstances options that name another product's
// resource, by kind.
var instanceReferences = map[string]ProductKind{
	"DedicatedHostId":       DedicatedHost,
	"DeploymentSetId":       DeploymentSet,
	"HpcClusterId":          HPCCluster,
	"PrivatePoolOptions.Id": PrivatePool,
}

// checkReference reports an error unless id, when set, is a seeded resource of kind in
// region r.
func (b *Backend) checkReference(op backend.Op, kind ProductKind, id string, r regions.ID) error {
	if id == "" {
		return nil
	}
	if res, ok := inRegion(b.s.resources, id, r); !ok || res.Kind != kind {
		return fail(op, notFound[kind], "The "+strings.ReplaceAll(string(kind), "_", " ")+" "+id+" does not exist in "+
			string(r)+".")
	}
	return nil
}

// checkReferences checks every resource of another product a new instance names: in
// its options and on its disks.
func (b *Backend) checkReferences(op backend.Op, in RunInstanceInput, r regions.ID) error {
	for _, name := range slices.Sorted(maps.Keys(instanceReferences)) {
		if err := b.checkReference(op, instanceReferences[name], in.Options[name], r); err != nil {
			return err
		}
	}
	for _, d := range append([]DiskSpec{in.SystemDisk}, in.DataDisks...) {
		for _, ref := range []struct {
			kind ProductKind
			id   string
		}{{SnapshotPolicy, d.AutoSnapshotPolicy}, {KMSKey, d.KMSKey}, {StorageCluster, d.StorageCluster},
			{DiskSnapshot, d.Snapshot}} {
			if err := b.checkReference(op, ref.kind, ref.id, r); err != nil {
				return err
			}
		}
	}
	return nil
}
