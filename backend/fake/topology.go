package fake

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
	"golang.org/x/crypto/ssh"
)

// A Topology lists resources to seed a fake account with: vSwitches, ECS instances
// (each with its primary ENI), secondary ENIs (attached or not) and EIPs (associated or
// not). It is also the JSON format of "eipassoc serve --topology". IDs left empty are
// generated from the seed.
type Topology struct {
	VPCs      []VPCSpec     `json:"vpcs,omitempty"`
	VSwitches []VSwitchSpec `json:"vswitches,omitempty"`
	// SecurityGroups are security groups; ENIs may also name groups not listed.
	SecurityGroups []SecurityGroupSpec `json:"security_groups,omitempty"`
	// HaVips are high-availability virtual IPs, seeded after the instances and ENIs
	// they are associated with.
	HaVips []HaVip `json:"havips,omitempty"`
	// KeyPairs are SSH key pairs (name, region, public_key in authorized_keys form;
	// the fingerprint is worked out), seeded before the instances that name them.
	KeyPairs  []KeyPair      `json:"key_pairs,omitempty"`
	Instances []InstanceSpec `json:"instances,omitempty"`
	ENIs      []ENISpec      `json:"enis,omitempty"`
	EIPs      []EIPSpec      `json:"eips,omitempty"`
	// PrefixLists, PeerGroups (security groups of other accounts), IPAMPools and
	// PublicIPPools are resources of other products and accounts that rules, VPCs and
	// EIPs may name.
	PrefixLists   []PrefixList   `json:"prefix_lists,omitempty"`
	PeerGroups    []PeerGroup    `json:"peer_groups,omitempty"`
	IPAMPools     []IPAMPool     `json:"ipam_pools,omitempty"`
	PublicIPPools []PublicIPPool `json:"public_ip_pools,omitempty"`
	// Resources are resources of other products an instance or its disks may name
	// (dedicated hosts, deployment sets, KMS keys, snapshots...).
	Resources []ProductResource `json:"resources,omitempty"`
	// LaunchTemplates are ECS launch templates RunInstances may name.
	LaunchTemplates []LaunchTemplate `json:"launch_templates,omitempty"`
	// ReleasedEIPs are EIPs the account released, which an allocation may take back.
	ReleasedEIPs []ReleasedEIP `json:"released_eips,omitempty"`
	// Catalog is what the cloud offers (zones, instance types, images); a topology
	// that gives one replaces the account's.
	Catalog Catalog `json:"catalog,omitzero"`
}

// A VPCSpec is a VPC. A vSwitch may name a VPC the topology does not list; creating
// vSwitches through the API needs a listed one.
type VPCSpec struct {
	ID          string       `json:"id"`
	Region      regions.ID   `json:"region"`
	CIDR        netip.Prefix `json:"cidr"`
	Name        string       `json:"name,omitempty"`
	Description string       `json:"description,omitempty"`
	// Default marks the region's default VPC, as DescribeVpcs IsDefault reports it.
	Default bool `json:"default,omitempty"`
	// Routes are the custom routes of its system route table, checked as
	// CreateRouteEntry checks them once the instances and ENIs are in place;
	// RouteTables its custom route tables, with their vSwitches and routes.
	Routes      []RouteEntry `json:"routes,omitempty"`
	RouteTables []RouteTable `json:"route_tables,omitempty"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
	// SystemTableName and SystemTableDescription name and describe its system route
	// table.
	SystemTableName        string `json:"system_route_table_name,omitempty"`
	SystemTableDescription string `json:"system_route_table_description,omitempty"`
	// SecondaryCIDRs are blocks its vSwitches may take from too; UserCIDRs the blocks
	// its users take.
	SecondaryCIDRs []netip.Prefix `json:"secondary_cidrs,omitempty"`
	UserCIDRs      []netip.Prefix `json:"user_cidrs,omitempty"`
	// ResourceGroupID is its resource group (rg-...), or none.
	ResourceGroupID string `json:"resource_group_id,omitempty"`
	// IPv4Gateway is the ID of its IPv4 gateway, if it has one: EIPs may then be
	// associated with its addresses (InstanceType IpAddress).
	IPv4Gateway string `json:"ipv4_gateway,omitempty"`
}

// A SecurityGroupSpec is a security group in a VPC; Type defaults to normal.
type SecurityGroupSpec struct {
	ID          string     `json:"id"`
	Region      regions.ID `json:"region"`
	VPC         string     `json:"vpc,omitempty"`
	Name        string     `json:"name,omitempty"`
	Description string     `json:"description,omitempty"`
	Type        string     `json:"type,omitempty"`
	// InnerAccessPolicy is Accept (empty reads so) or Drop.
	InnerAccessPolicy string `json:"inner_access_policy,omitempty"`
	// ResourceGroupID is its resource group (rg-...), or none.
	ResourceGroupID string `json:"resource_group_id,omitempty"`
	// Rules are the group's permissions, checked as AuthorizeSecurityGroup checks them;
	// a peer group must come earlier in the list of groups.
	Rules []SecurityGroupRule `json:"rules,omitempty"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
}

// A VSwitchSpec is a subnet of a VPC in one zone.
type VSwitchSpec struct {
	ID          string       `json:"id"`
	Region      regions.ID   `json:"region"`
	Zone        string       `json:"zone"`
	VPC         string       `json:"vpc"`
	CIDR        netip.Prefix `json:"cidr"`
	Name        string       `json:"name,omitempty"`
	Description string       `json:"description,omitempty"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
}

// An InstanceSpec is an ECS instance in a vSwitch. Its primary ENI gets the ID
// PrimaryENI (default "eni-" + ID) and the address PrimaryIP (default: the vSwitch's
// first free one).
type InstanceSpec struct {
	// InstanceSettings are the host name, user data, key pair and RAM role the
	// instance reports.
	InstanceSettings
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	VSwitch    string     `json:"vswitch"`
	Status     string     `json:"status,omitempty"` // default "Running"
	DHCP       ecs.DHCP   `json:"dhcp,omitempty"`
	PrimaryENI eni.ID     `json:"primary_eni,omitempty"`
	PrimaryIP  netip.Addr `json:"primary_ip,omitzero"`
	// SecondaryIPs are secondary private IPs of the primary ENI.
	SecondaryIPs []netip.Addr `json:"secondary_ips,omitempty"`
	// Name, Description, Image and SecurityGroups are what DescribeInstances reports
	// beside what the rules read.
	Name           string   `json:"name,omitempty"`
	Description    string   `json:"description,omitempty"`
	Image          string   `json:"image,omitempty"`
	SecurityGroups []string `json:"security_groups,omitempty"`
	// Disks are the instance's disks, the system disk first (default: a 40 GiB
	// cloud_efficiency system disk); BandwidthOut its public bandwidth in Mbit/s.
	Disks        []Disk `json:"disks,omitempty"`
	BandwidthOut int    `json:"internet_max_bandwidth_out,omitempty"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
}

// An ENISpec is a secondary or trunk ENI, attached to Instance when that is set.
type ENISpec struct {
	ID               eni.ID       `json:"id,omitempty"`
	VSwitch          string       `json:"vswitch"`
	Kind             eni.Kind     `json:"kind,omitempty"` // default Secondary
	PrimaryIP        netip.Addr   `json:"primary_ip,omitzero"`
	SecondaryIPs     []netip.Addr `json:"secondary_ips,omitempty"`
	SecondaryIPCount int          `json:"secondary_ip_count,omitempty"`
	Instance         string       `json:"instance,omitempty"`
	Name             string       `json:"name,omitempty"`
	Description      string       `json:"description,omitempty"`
	SecurityGroups   []string     `json:"security_groups,omitempty"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
}

// An EIPSpec is an EIP, associated as Association says when that is set.
type EIPSpec struct {
	ID             eip.ID             `json:"id,omitempty"`
	Region         regions.ID         `json:"region"`
	IP             netip.Addr         `json:"ip,omitzero"`
	ChargeType     eip.ChargeType     `json:"charge_type,omitempty"`
	BusinessStatus eip.BusinessStatus `json:"business_status,omitempty"`
	LockReasons    []eip.LockReason   `json:"lock_reasons,omitempty"`
	Association    *AssociationSpec   `json:"association,omitempty"`
	Bandwidth      int                `json:"bandwidth,omitempty"` // Mbit/s; default 5
	Name           string             `json:"name,omitempty"`
	Description    string             `json:"description,omitempty"`
	// Settings are what AllocateEipAddress takes beyond that (line, network mode,
	// resource group, security protection, zone, subscription term).
	Settings eip.Settings `json:"settings,omitzero"`
	// Tags are the resource's tags, checked as TagResources checks them.
	Tags map[string]string `json:"tags,omitempty"`
}

// An AssociationSpec says where a seeded EIP is associated: with an ENI in a mode, or
// with an instance's primary ENI.
type AssociationSpec struct {
	ENI       eni.ID     `json:"eni,omitempty"`
	Instance  string     `json:"instance,omitempty"`
	Mode      modes.Mode `json:"mode,omitempty"`
	PrivateIP netip.Addr `json:"private_ip,omitzero"`
}

// ErrTopology is wrapped by every error of [LoadTopology] and [Backend.Seed].
var ErrTopology = errors.New("fake: invalid topology")

// A TopologyError reports a topology that cannot be read or seeded.
type TopologyError struct {
	// Where names the resource or the JSON position, e.g. "eips[2]".
	Where string
	// Err is the cause; backend errors keep their Alibaba Cloud code.
	Err error
}

// Error returns "fake: topology: WHERE: CAUSE".
func (e *TopologyError) Error() string { return "fake: topology: " + e.Where + ": " + e.Err.Error() }

// Unwrap returns the cause and [ErrTopology].
func (e *TopologyError) Unwrap() []error { return []error{ErrTopology, e.Err} }

// Code returns the stable code "topology-invalid".
func (e *TopologyError) Code() string { return "topology-invalid" }

// LoadTopology decodes a JSON topology. Unknown fields, trailing data and values of the
// wrong type are errors (*TopologyError wrapping [ErrTopology]).
func LoadTopology(r io.Reader) (Topology, error) {
	dec := json.NewDecoder(io.LimitReader(r, 64<<20))
	dec.DisallowUnknownFields()
	var t Topology
	if err := dec.Decode(&t); err != nil {
		return Topology{}, &TopologyError{Where: "json", Err: err}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Topology{}, &TopologyError{Where: "json", Err: errors.New("data after the topology object")}
	}
	return t, nil
}

// Seed adds the resources of t to the account, in order: VPCs, vSwitches, security
// groups, instances, ENIs, EIPs (with their associations), then the ENIs' attachments.
// Each goes through the same checks as the API call that creates it (quota, addresses,
// attachment and association rules), and every status is final at once, also when
// Options.TransitionDelay is set. On error, the account is left as it was.
func (b *Backend) Seed(t Topology) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	saved, catalog := b.s.clone(), b.catalog
	delay := b.opts.TransitionDelay
	b.opts.TransitionDelay = 0
	defer func() { b.opts.TransitionDelay = delay }()
	if err := b.seed(t); err != nil {
		b.s, b.catalog = saved, catalog
		return err
	}
	return nil
}

func (b *Backend) seed(t Topology) error {
	if err := checkCatalog(t.Catalog); err != nil {
		return &TopologyError{Where: "catalog", Err: err}
	}
	if len(t.Catalog.Zones)+len(t.Catalog.InstanceTypes)+len(t.Catalog.Images) > 0 {
		b.catalog = t.Catalog
	}
	if err := b.seedProducts(t); err != nil {
		return err
	}
	for i, r := range t.ReleasedEIPs {
		if _, err := regions.Lookup(r.Region); err != nil || r.ID == "" || !r.IP.Is4() {
			return &TopologyError{Where: fmt.Sprintf("released_eips[%d] %s", i, r.ID),
				Err: errors.New("a released EIP needs an id, a known region and an IPv4 address")}
		}
		b.s.remember(r)
	}
	for i, v := range t.VPCs {
		if err := b.seedVPC(v); err != nil {
			return &TopologyError{Where: fmt.Sprintf("vpcs[%d] %s", i, v.ID), Err: err}
		}
	}
	for i, v := range t.VSwitches {
		if err := b.seedVSwitch(v); err != nil {
			return &TopologyError{Where: fmt.Sprintf("vswitches[%d] %s", i, v.ID), Err: err}
		}
	}
	for i, g := range t.SecurityGroups {
		if err := b.seedSecurityGroup(g); err != nil {
			return &TopologyError{Where: fmt.Sprintf("security_groups[%d] %s", i, g.ID), Err: err}
		}
	}
	for i, k := range t.KeyPairs {
		pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(k.PublicKey))
		if err != nil {
			return &TopologyError{Where: fmt.Sprintf("key_pairs[%d] %s", i, k.Name), Err: errors.New("public_key: " +
				err.Error())}
		}
		if _, err := b.addKeyPair(OpImportKeyPair, k.Region, k.Name, k.ResourceGroupID, pub); err != nil {
			return &TopologyError{Where: fmt.Sprintf("key_pairs[%d] %s", i, k.Name), Err: err}
		}
	}
	for i, in := range t.Instances {
		if err := b.seedInstance(in); err != nil {
			return &TopologyError{Where: fmt.Sprintf("instances[%d] %s", i, in.ID), Err: err}
		}
	}
	attached := make([]*eniRec, len(t.ENIs))
	for i, n := range t.ENIs {
		r, err := b.seedENI(n)
		if err != nil {
			return &TopologyError{Where: fmt.Sprintf("enis[%d] %s", i, n.ID), Err: err}
		}
		attached[i] = r
	}
	for i, a := range t.EIPs {
		if err := b.seedEIP(a); err != nil {
			return &TopologyError{Where: fmt.Sprintf("eips[%d] %s", i, a.ID), Err: err}
		}
	}
	// ENIs are attached after the EIPs are associated: cut-through and
	// multi-EIP-to-ENI associations need a detached ENI, and an ENI may have been
	// attached after its association (the API allows that order), so this order can
	// rebuild every state the API can reach.
	for i, n := range t.ENIs {
		if n.Instance == "" {
			continue
		}
		if err := b.attach(backend.OpAttachENI, attached[i], n.Instance, attached[i].iface.Region); err != nil {
			return &TopologyError{Where: fmt.Sprintf("enis[%d] %s", i, n.ID), Err: err}
		}
	}
	for i, h := range t.HaVips {
		if err := b.seedHaVip(h); err != nil {
			return &TopologyError{Where: fmt.Sprintf("havips[%d] %s", i, h.ID), Err: err}
		}
	}
	// Routes last: their next hops are instances and ENIs.
	for i, v := range t.VPCs {
		if err := b.seedRouteTables(v); err != nil {
			return &TopologyError{Where: fmt.Sprintf("vpcs[%d] %s", i, v.ID), Err: err}
		}
	}
	for i, v := range t.VPCs {
		if len(v.Routes) > 0 && b.s.vpcs[v.ID] == nil {
			return &TopologyError{Where: fmt.Sprintf("vpcs[%d]", i), Err: errors.New("a VPC with routes needs an id")}
		}
		for j, r := range v.Routes {
			if err := b.addRoute(OpCreateRouteEntry, v.ID, &b.s.vpcs[v.ID].Routes, r); err != nil {
				return &TopologyError{Where: fmt.Sprintf("vpcs[%d] %s routes[%d]", i, v.ID, j), Err: err}
			}
		}
	}
	return nil
}

func (b *Backend) seedVSwitch(v VSwitchSpec) error {
	if _, err := regions.Lookup(v.Region); err != nil {
		return err
	}
	switch {
	case v.Zone == "" || v.VPC == "":
		return errors.New("zone and vpc are required")
	case !v.CIDR.IsValid() || !v.CIDR.Addr().Is4() || v.CIDR.Bits() > 29 || v.CIDR.Bits() < 16:
		return errors.New("cidr must be an IPv4 block from /16 to /29")
	}
	if v.ID == "" {
		v.ID = b.newID("vsw")
	}
	if b.s.idTaken(v.ID) {
		return errors.New("duplicate ID")
	}
	b.s.vswitches[v.ID] = &vswitch{ID: v.ID, Region: v.Region, Zone: v.Zone, VPC: v.VPC, CIDR: v.CIDR.Masked(),
		Name: v.Name, Description: v.Description, Created: b.clock().UTC(), used: map[netip.Addr]string{}}
	return b.seedTags(backend.VPC, v.ID, v.Tags)
}

func (b *Backend) seedSecurityGroup(g SecurityGroupSpec) error {
	if _, err := regions.Lookup(g.Region); err != nil {
		return err
	}
	if g.Type == "" {
		g.Type = "normal"
	}
	if g.Type != "normal" && g.Type != "enterprise" {
		return errors.New("type must be normal or enterprise")
	}
	if g.ID == "" {
		g.ID = b.newID("sg")
	}
	if b.s.idTaken(g.ID) {
		return errors.New("duplicate ID")
	}
	rules := slices.Clone(g.Rules)
	for i := range rules {
		if err := rules[i].normalize(OpAuthorizeSecurityGroup, rules[i].Direction); err != nil {
			return fmt.Errorf("rules[%d]: %w", i, err)
		}
		if rules[i].Direction != "ingress" && rules[i].Direction != "egress" {
			return fmt.Errorf("rules[%d]: the direction is ingress or egress", i)
		}
		if p := rules[i].PeerGroup; p != "" && b.s.groups[p] == nil && p != g.ID {
			return fmt.Errorf("rules[%d]: the peer group %s is not an earlier group", i, p)
		}
		if rules[i].ID == "" {
			rules[i].ID = b.newID("sgr")
		}
	}
	b.s.groups[g.ID] = &SecurityGroup{
		ID:          g.ID,
		Region:      g.Region,
		VPC:         g.VPC,
		Name:        g.Name,
		Description: g.Description,
		Type:        g.Type,
		Created:     b.clock().UTC(),
		Rules:       rules,

		InnerAccessPolicy: g.InnerAccessPolicy,
		ResourceGroupID:   g.ResourceGroupID,
	}
	return b.seedTags(backend.ECS, g.ID, g.Tags)
}

func (b *Backend) seedVPC(v VPCSpec) error {
	if _, err := regions.Lookup(v.Region); err != nil {
		return err
	}
	if !v.CIDR.IsValid() || !v.CIDR.Addr().Is4() || v.CIDR.Bits() < 8 || v.CIDR.Bits() > 28 {
		return errors.New("cidr must be an IPv4 block from /8 to /28")
	}
	if v.ID == "" {
		v.ID = b.newID("vpc")
	}
	if b.s.idTaken(v.ID) {
		return errors.New("duplicate ID")
	}
	b.s.vpcs[v.ID] = &vpcRec{
		VPC{
			ID:          v.ID,
			Region:      v.Region,
			CIDR:        v.CIDR.Masked(),
			Name:        v.Name,
			Description: v.Description,
			Created:     b.clock().UTC(),
			Default:     v.Default,

			SystemTableName:        v.SystemTableName,
			SystemTableDescription: v.SystemTableDescription,
			SecondaryCIDRs:         slices.Clone(v.SecondaryCIDRs),
			UserCIDRs:              slices.Clone(v.UserCIDRs),
			ResourceGroupID:        v.ResourceGroupID,
			IPv4Gateway:            v.IPv4Gateway,
		},
	}
	return b.seedTags(backend.VPC, v.ID, v.Tags)
}

func (b *Backend) seedInstance(in InstanceSpec) error {
	vsw := b.s.vswitches[in.VSwitch]
	if vsw == nil {
		return fmt.Errorf("vswitch %q not found", in.VSwitch)
	}
	if _, ok := b.limits(in.Type); !ok {
		return fmt.Errorf("instance type %q has no known ENI limits; add it to Options.Limits", in.Type)
	}
	if n := in.KeyPairName; n != "" && b.s.keyPairs[keyPairKey(vsw.Region, n)] == nil {
		return fmt.Errorf("key pair %q is not among the topology's key_pairs", n)
	}
	if in.ID == "" {
		in.ID = b.newID("i")
	}
	if in.PrimaryENI == "" {
		in.PrimaryENI = eni.ID("eni-" + in.ID)
	}
	if in.Status == "" {
		in.Status = "Running"
	}
	if b.s.idTaken(in.ID) || b.s.idTaken(string(in.PrimaryENI)) {
		return errors.New("duplicate ID")
	}
	r, err := b.createENI(
		backend.OpCreateENI,
		backend.CreateENIInput{
			Region:         vsw.Region,
			VSwitch:        vsw.ID,
			PrimaryIP:      in.PrimaryIP,
			SecondaryIPs:   in.SecondaryIPs,
			Kind:           eni.Primary,
			SecurityGroups: in.SecurityGroups,
		},
		in.PrimaryENI,
	)
	if err != nil {
		return err
	}
	r.iface.Status, r.iface.Instance = eni.InUse, in.ID
	b.s.instances[in.ID] = &ecs.Instance{
		ID: in.ID, Type: in.Type, Region: vsw.Region, Zone: vsw.Zone, VPC: vsw.VPC, Status: in.Status, DHCP: in.DHCP,
		ENIs: []eni.ID{in.PrimaryENI},
	}
	if err := in.InstanceSettings.check(OpRunInstances); err != nil {
		return err
	}
	m := &instanceMeta{InstanceSettings: in.InstanceSettings, Name: in.Name, Description: in.Description, Image: in.Image,
		SecurityGroups: slices.Clone(
			in.SecurityGroups,
		), Created: b.clock().UTC(), BandwidthOut: in.BandwidthOut, Disks: slices.Clone(in.Disks)}
	seen := map[string]bool{}
	for _, d := range m.Disks {
		if d.ID == "" || seen[d.ID] || b.s.idTaken(d.ID) || b.s.diskIDTaken(d.ID) ||
			(d.Type != "system" && d.Type != "data") {
			return fmt.Errorf("disk %q: a disk needs a unique id and the type system or data", d.ID)
		}
		seen[d.ID] = true
	}
	if len(m.Disks) == 0 || m.Disks[0].Type != "system" {
		m.Disks = append([]Disk{newDisk(in.ID, 0, "system", DiskSpec{})}, m.Disks...)
	}
	b.s.instMeta[in.ID] = m
	return b.seedTags(backend.ECS, in.ID, in.Tags)
}

// seedENI creates the ENI of n; seed attaches it afterwards.
func (b *Backend) seedENI(n ENISpec) (*eniRec, error) {
	vsw := b.s.vswitches[n.VSwitch]
	if vsw == nil {
		return nil, fmt.Errorf("vswitch %q not found", n.VSwitch)
	}
	if n.Kind == eni.Primary {
		return nil, errors.New("primary ENIs come with their instance")
	}
	if n.ID != "" && b.s.idTaken(string(n.ID)) {
		return nil, errors.New("duplicate ID")
	}
	r, err := b.createENI(backend.OpCreateENI, backend.CreateENIInput{
		Region: vsw.Region, VSwitch: vsw.ID, PrimaryIP: n.PrimaryIP, SecondaryIPs: n.SecondaryIPs,
		SecondaryIPCount: n.SecondaryIPCount, Kind: n.Kind, Name: n.Name, Description: n.Description,
		SecurityGroups: n.SecurityGroups,
	}, n.ID)
	if err != nil {
		return nil, err
	}
	return r, b.seedTags(backend.ECS, string(r.iface.ID), n.Tags)
}

func (b *Backend) seedEIP(s EIPSpec) error {
	if err := checkRegion(backend.OpAllocateEIP, s.Region); err != nil {
		return err
	}
	if s.ID != "" && b.s.idTaken(string(s.ID)) {
		return errors.New("duplicate ID")
	}
	if s.IP.IsValid() && !s.IP.Is4() {
		return fmt.Errorf("ip %s is not an IPv4 address; an EIP is a public IPv4 address", s.IP)
	}
	if s.IP.IsValid() && b.s.publicIPs[s.IP] {
		return fmt.Errorf("address %s is taken", s.IP)
	}
	charge := s.ChargeType
	internet := eip.InternetChargeType(0)
	if charge == eip.PrePaid {
		internet = eip.PayByBandwidth
	}
	a, err := b.allocate(
		backend.OpAllocateEIP,
		backend.AllocateEIPInput{Region: s.Region, ChargeType: charge, InternetChargeType: internet,
			Bandwidth: s.Bandwidth, Name: s.Name, Description: s.Description, Settings: s.Settings},
		s.ID,
		s.IP,
	)
	if err != nil {
		return err
	}
	if as := s.Association; as != nil {
		in := backend.AssociateEIPInput{Region: s.Region, EIP: a.ID, Mode: as.Mode, PrivateIP: as.PrivateIP}
		switch {
		case as.ENI != "" && as.Instance == "":
			in.InstanceID, in.InstanceType = string(as.ENI), eip.NetworkInterface
		case as.Instance != "" && as.ENI == "":
			in.InstanceID, in.InstanceType = as.Instance, eip.EcsInstance
		default:
			return errors.New("an association names either an ENI or an instance")
		}
		if err := b.associate(backend.OpAssociateEIP, in); err != nil {
			return err
		}
	}
	r := b.s.eips[a.ID]
	if s.BusinessStatus != 0 {
		r.addr.BusinessStatus = s.BusinessStatus
	}
	r.addr.LockReasons = append([]eip.LockReason(nil), s.LockReasons...)
	return b.seedTags(backend.VPC, string(a.ID), s.Tags)
}

// seedHaVip creates h at its address and associates it with its instances.
func (b *Backend) seedHaVip(h HaVip) error {
	vsw := b.s.vswitches[h.VSwitch]
	if vsw == nil || vsw.Region != h.Region {
		return fmt.Errorf("vswitch %q not found in %s", h.VSwitch, h.Region)
	}
	if h.ID == "" {
		h.ID = b.newID("havip")
	}
	if b.s.idTaken(h.ID) {
		return errors.New("duplicate ID")
	}
	targets, typ := h.Instances, h.InstanceType
	h.Instances, h.InstanceType, h.Created = nil, "", b.clock().UTC()
	if _, err := b.addHaVip(OpCreateHaVip, vsw, h); err != nil {
		return err
	}
	for _, target := range targets {
		if err := b.associateHaVip(OpAssociateHaVip, HaVipAssociation{Region: h.Region, HaVip: h.ID,
			Instance: target, InstanceType: typ}); err != nil {
			return err
		}
	}
	return nil
}

// seedRouteTables creates the custom route tables of v with their vSwitches and routes.
func (b *Backend) seedRouteTables(v VPCSpec) error {
	rec := b.s.vpcs[v.ID]
	if len(v.RouteTables) > 0 && rec == nil {
		return errors.New("a VPC with route tables needs an id")
	}
	for i, t := range v.RouteTables {
		if t.ID == "" || b.s.idTaken(t.ID) {
			return fmt.Errorf("route_tables[%d]: a route table needs a unique id", i)
		}
		table := RouteTable{ID: t.ID, Name: t.Name, Description: t.Description, Created: b.clock().UTC()}
		for _, sw := range t.VSwitches {
			if s := b.s.vswitches[sw]; s == nil || s.VPC != v.ID {
				return fmt.Errorf("route_tables[%d]: vswitch %q is not in %s", i, sw, v.ID)
			}
			table.VSwitches = append(table.VSwitches, sw)
		}
		for j, r := range t.Routes {
			if err := b.addRoute(OpCreateRouteEntry, v.ID, &table.Routes, r); err != nil {
				return fmt.Errorf("route_tables[%d] routes[%d]: %w", i, j, err)
			}
		}
		rec.RouteTables = append(rec.RouteTables, table)
	}
	return nil
}
