package fake

import (
	"cmp"
	"maps"
	"net/netip"
	"slices"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// state is the account's resources. Every map value is owned by the state; copies leave
// through the describe methods and Snapshot only.
type state struct {
	eips      map[eip.ID]*eipRec
	eipList   map[regions.ID]*listing[eip.ID] // per region, in allocation order
	enis      map[eni.ID]*eniRec
	eniList   map[regions.ID]*listing[eni.ID] // per region, in creation order
	vswitches map[string]*vswitch
	vpcs      map[string]*vpcRec
	groups    map[string]*SecurityGroup
	keyPairs  map[string]*KeyPair // by keyPairKey
	havips    map[string]*HaVip
	instMeta  map[string]*instanceMeta // instances made through the API
	instances map[string]*ecs.Instance
	publicIPs map[netip.Addr]bool
	// tags are every resource's tags, by resource ID, sorted by key; a resource's
	// entry goes with it.
	tags map[string][]backend.Tag
	// roles and policies are RAM's, by name: global, in no region.
	roles    map[string]*RAMRole
	policies map[string]*RAMPolicy
	// products are the seeded resources of other products and accounts.
	products
	// released are the EIPs released last, oldest first (at most maxReleased): an
	// allocation may take one back (AllocateEipAddress InstanceId).
	released []ReleasedEIP
	// pending lists resources in a transitional status; settle finishes them.
	pendingEIPs map[eip.ID]bool
	pendingENIs map[eni.ID]bool
}

func newState() state {
	return state{
		eips: map[eip.ID]*eipRec{}, enis: map[eni.ID]*eniRec{}, vswitches: map[string]*vswitch{}, vpcs: map[string]*vpcRec{},
		groups: map[string]*SecurityGroup{}, keyPairs: map[string]*KeyPair{}, havips: map[string]*HaVip{}, instMeta: map[string]*instanceMeta{},
		instances: map[string]*ecs.Instance{}, publicIPs: map[netip.Addr]bool{}, tags: map[string][]backend.Tag{},
		roles: map[string]*RAMRole{}, policies: map[string]*RAMPolicy{},
		eipList: map[regions.ID]*listing[eip.ID]{}, eniList: map[regions.ID]*listing[eni.ID]{},
		pendingEIPs: map[eip.ID]bool{}, pendingENIs: map[eni.ID]bool{},
		products: products{prefixLists: map[string]PrefixList{}, peerGroups: map[string]PeerGroup{},
			ipamPools: map[string]IPAMPool{}, ipPools: map[string]PublicIPPool{}, resources: map[string]ProductResource{},
			templates: map[string]LaunchTemplate{}},
	}
}

// eipRec is one EIP. While until is non-zero the EIP is in a transitional status that
// becomes next at until; next == 0 after Releasing means the EIP disappears.
type eipRec struct {
	addr    eip.Address
	until   time.Time
	next    eip.Status
	monitor HDMonitor
}

// eniRec is one ENI. bound lists the EIPs associated with it, in association order.
type eniRec struct {
	iface   eni.Interface
	bound   []eip.ID
	until   time.Time
	next    eni.Status
	pending string // instance being attached to or detached from
	// options are CreateNetworkInterface parameters kept as sent (SetENIOptions).
	options map[string]string
	// launched marks an ENI made by RunInstances beside the primary: it goes with
	// the instance.
	launched bool
}

// vswitch is a subnet of a VPC in one zone; used maps its taken addresses to owners.
type vswitch struct {
	ID     string
	Region regions.ID
	Zone   string
	VPC    string
	CIDR   netip.Prefix
	// Name, Description and Created are what DescribeVSwitchAttributes reports.
	Name, Description string
	Created           time.Time
	used              map[netip.Addr]string
	// IPv6CIDR is the vSwitch's IPv6 block, if IPv6 is on; used6 maps its taken
	// addresses to owners.
	IPv6CIDR netip.Prefix
	used6    map[netip.Addr]string
	// low is at or below the lowest free usable address: every address under it is
	// used or reserved, so next starts there instead of at the start of the block.
	low netip.Addr
}

// free gives address a back to the vSwitch.
func (v *vswitch) free(a netip.Addr) {
	delete(v.used, a)
	if !v.low.IsValid() || a.Less(v.low) {
		v.low = a
	}
}

// eipsIn returns the listing of a region's EIPs, creating it when needed.
func (s *state) eipsIn(r regions.ID) *listing[eip.ID] {
	l := s.eipList[r]
	if l == nil {
		l = &listing[eip.ID]{}
		s.eipList[r] = l
	}
	return l
}

// enisIn returns the listing of a region's ENIs, creating it when needed.
func (s *state) enisIn(r regions.ID) *listing[eni.ID] {
	l := s.eniList[r]
	if l == nil {
		l = &listing[eni.ID]{}
		s.eniList[r] = l
	}
	return l
}

func (s *state) idTaken(id string) bool {
	_, e := s.eips[eip.ID(id)]
	_, n := s.enis[eni.ID(id)]
	_, v := s.vswitches[id]
	_, i := s.instances[id]
	_, p := s.vpcs[id]
	_, g := s.groups[id]
	_, h := s.havips[id]
	t := false
	for _, vpc := range s.vpcs {
		t = t || slices.ContainsFunc(vpc.RouteTables, func(r RouteTable) bool { return r.ID == id })
	}
	return e || n || v || i || p || g || h || t
}

// settle completes the transitions that are due at now, in the order they end (then
// by ID), so that the order they leave behind (an instance's ENI list) never depends on
// map iteration.
func (b *Backend) settle(now time.Time) {
	for _, id := range dueFirst(b.s.pendingEIPs, func(id eip.ID) time.Time { return b.s.eips[id].until }) {
		r := b.s.eips[id]
		if r == nil || now.Before(r.until) {
			continue
		}
		delete(b.s.pendingEIPs, id)
		r.until = time.Time{}
		if r.next == 0 {
			b.removeEIP(id)
			continue
		}
		r.addr.Status = r.next
	}
	for _, id := range dueFirst(b.s.pendingENIs, func(id eni.ID) time.Time { return b.s.enis[id].until }) {
		r := b.s.enis[id]
		if r == nil || now.Before(r.until) {
			continue
		}
		delete(b.s.pendingENIs, id)
		r.until = time.Time{}
		b.finishENI(r)
	}
}

// transitionEIP moves an EIP to a transitional status that ends in next (0: gone).
func (b *Backend) transitionEIP(r *eipRec, during, next eip.Status) {
	if b.opts.TransitionDelay <= 0 {
		r.addr.Status = next
		if next == 0 {
			b.removeEIP(r.addr.ID)
		}
		return
	}
	r.addr.Status, r.next, r.until = during, next, b.clock().Add(b.opts.TransitionDelay)
	b.s.pendingEIPs[r.addr.ID] = true
}

// transitionENI moves an ENI to a transitional status that ends in next (0: gone).
func (b *Backend) transitionENI(r *eniRec, during, next eni.Status, instance string) {
	r.next, r.pending = next, instance
	if b.opts.TransitionDelay <= 0 {
		b.finishENI(r)
		return
	}
	r.iface.Status, r.until = during, b.clock().Add(b.opts.TransitionDelay)
	b.s.pendingENIs[r.iface.ID] = true
}

// finishENI applies the end of an ENI transition.
func (b *Backend) finishENI(r *eniRec) {
	switch r.next {
	case eni.InUse:
		r.iface.Instance = r.pending
		if in := b.s.instances[r.pending]; in != nil && !slices.Contains(in.ENIs, r.iface.ID) {
			in.ENIs = append(in.ENIs, r.iface.ID)
		}
	case eni.Available:
		if in := b.s.instances[r.pending]; in != nil {
			in.ENIs = slices.DeleteFunc(in.ENIs, func(id eni.ID) bool { return id == r.iface.ID })
		}
		r.iface.Instance = ""
	case 0:
		b.removeENI(r.iface.ID)
		return
	}
	r.iface.Status, r.pending = r.next, ""
}

func (b *Backend) removeEIP(id eip.ID) {
	if r := b.s.eips[id]; r != nil {
		delete(b.s.publicIPs, r.addr.IP)
		b.s.eipsIn(r.addr.Region).remove(id)
		b.s.remember(ReleasedEIP{ID: id, Region: r.addr.Region, IP: r.addr.IP})
	}
	delete(b.s.eips, id)
	delete(b.s.tags, string(id))
}

func (b *Backend) removeENI(id eni.ID) {
	r := b.s.enis[id]
	if r == nil {
		return
	}
	if vsw := b.s.vswitches[r.iface.VSwitch]; vsw != nil {
		for _, a := range r.iface.PrivateIPs() {
			vsw.free(a)
		}
		vsw.release(r.iface.IPv4Prefixes, r.iface.IPv6)
	}
	delete(b.s.enis, id)
	delete(b.s.tags, string(id))
	b.s.enisIn(r.iface.Region).remove(id)
}

// A Snapshot is a copy of a fake account's resources, taken by [Backend.Snapshot].
type Snapshot struct {
	s state
}

// Snapshot returns a deep copy of the account's resources. Recorded calls, faults and
// idempotency tokens are not part of it.
func (b *Backend) Snapshot() Snapshot {
	b.mu.Lock()
	defer b.mu.Unlock()
	return Snapshot{s: b.s.clone()}
}

// Restore replaces the account's resources with a copy of s and forgets the
// ClientTokens: a remembered result describes the account being replaced, so a call
// that repeats a token after a Restore is made afresh, not answered as a replay of
// something that no longer exists.
func (b *Backend) Restore(s Snapshot) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.s = s.s.clone()
	b.tokens = tokenTable{}
}

func (s *state) clone() state {
	c := newState()
	for id, t := range s.tags {
		c.tags[id] = slices.Clone(t)
	}
	for name, r := range s.roles {
		cp := r.clone()
		c.roles[name] = &cp
	}
	for name, p := range s.policies {
		cp := p.clone()
		c.policies[name] = &cp
	}
	for id, r := range s.eips {
		cp := *r
		cp.addr.LockReasons, cp.addr.Settings = slices.Clone(r.addr.LockReasons), r.addr.Settings.Clone()
		c.eips[id] = &cp
	}
	for id, r := range s.enis {
		cp := *r
		cp.iface = copyENI(r.iface)
		cp.bound = slices.Clone(r.bound)
		cp.options = maps.Clone(r.options)
		c.enis[id] = &cp
	}
	for id, v := range s.vswitches {
		cp := *v
		cp.used, cp.used6 = maps.Clone(v.used), maps.Clone(v.used6)
		c.vswitches[id] = &cp
	}
	for id, v := range s.vpcs {
		cp := *v
		cp.Routes = slices.Clone(v.Routes)
		cp.SecondaryCIDRs, cp.UserCIDRs = slices.Clone(v.SecondaryCIDRs), slices.Clone(v.UserCIDRs)
		cp.RouteTables = nil
		for _, t := range v.RouteTables {
			cp.RouteTables = append(cp.RouteTables, t.clone())
		}
		c.vpcs[id] = &cp
	}
	for id, h := range s.havips {
		cp := h.clone()
		c.havips[id] = &cp
	}
	for id, k := range s.keyPairs {
		cp := *k
		c.keyPairs[id] = &cp
	}
	for id, g := range s.groups {
		cp := *g
		cp.Rules = slices.Clone(g.Rules)
		c.groups[id] = &cp
	}
	for id, m := range s.instMeta {
		cp := *m
		cp.SecurityGroups = slices.Clone(m.SecurityGroups)
		cp.Disks = slices.Clone(m.Disks)
		c.instMeta[id] = &cp
	}
	for id, in := range s.instances {
		cp := *in
		cp.ENIs = slices.Clone(in.ENIs)
		c.instances[id] = &cp
	}
	for r, l := range s.eipList {
		c.eipList[r] = l.clone()
	}
	for r, l := range s.eniList {
		c.eniList[r] = l.clone()
	}
	c.products = s.products
	c.released = slices.Clone(s.released)
	c.publicIPs = maps.Clone(s.publicIPs)
	c.pendingEIPs = maps.Clone(s.pendingEIPs)
	c.pendingENIs = maps.Clone(s.pendingENIs)
	return c
}

// dueFirst returns the keys of a pending set sorted by when their transitions end, then
// by ID.
func dueFirst[K ~string, V any](pending map[K]V, until func(K) time.Time) []K {
	ids := make([]K, 0, len(pending))
	for id := range pending {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b K) int { return cmp.Or(until(a).Compare(until(b)), cmp.Compare(a, b)) })
	return ids
}
