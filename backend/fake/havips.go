package fake

import (
	"context"
	"maps"
	"net/netip"
	"slices"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateHaVip      backend.Op = "CreateHaVip"
	OpDescribeHaVips   backend.Op = "DescribeHaVips"
	OpAssociateHaVip   backend.Op = "AssociateHaVip"
	OpUnassociateHaVip backend.Op = "UnassociateHaVip"
	OpModifyHaVip      backend.Op = "ModifyHaVipAttribute"
	OpDeleteHaVip      backend.Op = "DeleteHaVip"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpCreateHaVip, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDescribeHaVips},
	backend.Operation{API: backend.VPC, Op: OpAssociateHaVip, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpUnassociateHaVip, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpModifyHaVip, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDeleteHaVip, Mutates: true},
)

// A HaVip is a high-availability virtual IP address: a private address of a vSwitch
// that follows the instance or ENI holding it, as HA pairs of appliances fail over. No
// rule of eipassoc reads it; the fake keeps it so that alicloud_havip and
// alicloud_havip_attachment apply.
type HaVip struct {
	ID          string     `json:"id"`
	Region      regions.ID `json:"region"`
	VSwitch     string     `json:"vswitch"`
	VPC         string     `json:"-"` // the vSwitch's, set when the HaVip is made
	IP          netip.Addr `json:"ip"`
	Name        string     `json:"name,omitempty"`
	Description string     `json:"description,omitempty"`
	// Instances are the IDs of the ECS instances or ENIs it is associated with, all of
	// InstanceType (EcsInstance or NetworkInterface).
	Instances    []string  `json:"instances,omitempty"`
	InstanceType string    `json:"instance_type,omitempty"`
	Created      time.Time `json:"-"`
	// ResourceGroupID is its resource group, or none.
	ResourceGroupID string `json:"resource_group_id,omitempty"`
}

// Status is Available, or InUse once associated.
func (h HaVip) Status() string {
	if len(h.Instances) > 0 {
		return "InUse"
	}
	return "Available"
}

// CreateHaVipInput creates a HaVip in a vSwitch, at IP or at a free address.
type CreateHaVipInput struct {
	Region          regions.ID
	VSwitch         string
	IP              netip.Addr
	Name            string
	Description     string
	ResourceGroupID string // rg-..., or none
}

// CreateHaVip implements VPC CreateHaVip: the address is checked and taken like an
// ENI's.
func (b *Backend) CreateHaVip(ctx context.Context, in CreateHaVipInput) (h HaVip, err error) {
	const op = OpCreateHaVip
	if err := begin(ctx, b, op, in); err != nil {
		return HaVip{}, err
	}
	defer func() { err = end(b, op, in, err) }()
	vsw, err := b.lookupVSwitch(op, in.Region, in.VSwitch)
	if err != nil {
		return HaVip{}, err
	}
	if err := checkResourceGroup(op, in.ResourceGroupID); err != nil {
		return HaVip{}, err
	}
	return b.addHaVip(op, vsw, HaVip{ID: b.newID("havip"), Region: vsw.Region, VSwitch: vsw.ID, IP: in.IP,
		Name: in.Name, Description: in.Description, Created: b.clock().UTC(), ResourceGroupID: in.ResourceGroupID})
}

// addHaVip takes h's address in vsw (a free one when h has none) and keeps h.
func (b *Backend) addHaVip(op backend.Op, vsw *vswitch, h HaVip) (HaVip, error) {
	if h.IP.IsValid() {
		if err := vsw.checkFree(op, []netip.Addr{h.IP}); err != nil {
			return HaVip{}, err
		}
	} else {
		a, ok := vsw.next(nil)
		if !ok {
			return HaVip{}, fail(op, "InvalidVSwitchId.IpNotEnough", "")
		}
		h.IP = a
	}
	vsw.used[h.IP], h.VPC = h.ID, vsw.VPC
	b.s.havips[h.ID] = &h
	return h.clone(), nil
}

func (h HaVip) clone() HaVip {
	h.Instances = slices.Clone(h.Instances)
	return h
}

// lookupHaVip returns the HaVip id of region.
func (b *Backend) lookupHaVip(op backend.Op, region regions.ID, id string) (*HaVip, error) {
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	h := b.s.havips[id]
	if h == nil || h.Region != region {
		return nil, fail(op, "InvalidHaVipId.NotFound", "The HaVip "+id+" does not exist.")
	}
	return h, nil
}

// HaVips implements VPC DescribeHaVips: the region's HaVips, sorted by ID.
func (b *Backend) HaVips(ctx context.Context, region regions.ID) (out []HaVip, err error) {
	const op = OpDescribeHaVips
	if err := begin(ctx, b, op, region); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, region, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.havips)) {
		if h := b.s.havips[id]; h.Region == region {
			out = append(out, h.clone())
		}
	}
	return out, nil
}

// HaVipAssociation associates a HaVip with an ECS instance or an ENI, or removes it.
type HaVipAssociation struct {
	Region       regions.ID
	HaVip        string
	Instance     string
	InstanceType string // EcsInstance (the default) or NetworkInterface
}

// AssociateHaVip implements VPC AssociateHaVip: the instance or ENI must be in the
// HaVip's vSwitch (the HaVip documentation's condition), and all of a HaVip's targets
// of one type.
func (b *Backend) AssociateHaVip(ctx context.Context, in HaVipAssociation) (err error) {
	const op = OpAssociateHaVip
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	return b.associateHaVip(op, in)
}

// associateHaVip associates in's HaVip with its target.
func (b *Backend) associateHaVip(op backend.Op, in HaVipAssociation) error {
	h, err := b.lookupHaVip(op, in.Region, in.HaVip)
	if err != nil {
		return err
	}
	if in.InstanceType == "" {
		in.InstanceType = "EcsInstance"
	}
	var vsw string
	switch in.InstanceType {
	case "EcsInstance":
		inst := b.s.instances[in.Instance]
		if inst == nil || inst.Region != in.Region {
			return fail(op, "InvalidInstanceId.NotFound", "")
		}
		if p := b.s.enis[inst.ENIs[0]]; p != nil {
			vsw = p.iface.VSwitch
		}
	case "NetworkInterface":
		n := b.s.enis[eni.ID(in.Instance)]
		if n == nil || n.iface.Region != in.Region {
			return fail(op, "InvalidEniId.NotFound", "")
		}
		vsw = n.iface.VSwitch
	default:
		return fail(op, "InvalidParameter", "The InstanceType is EcsInstance or NetworkInterface.")
	}
	switch {
	case vsw != h.VSwitch:
		return fail(op, "InvalidParameter", "The "+in.InstanceType+" "+in.Instance+" is not in the HaVip's vSwitch "+
			h.VSwitch+".")
	case len(h.Instances) > 0 && h.InstanceType != in.InstanceType:
		return fail(op, "InvalidParameter", "The HaVip is associated with a "+h.InstanceType+" already.")
	case slices.Contains(h.Instances, in.Instance):
		return nil // associated already
	}
	h.Instances, h.InstanceType = append(h.Instances, in.Instance), in.InstanceType
	return nil
}

// UnassociateHaVip implements VPC UnassociateHaVip; a target the HaVip does not have is
// left alone.
func (b *Backend) UnassociateHaVip(ctx context.Context, in HaVipAssociation) (err error) {
	const op = OpUnassociateHaVip
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	h, err := b.lookupHaVip(op, in.Region, in.HaVip)
	if err != nil {
		return err
	}
	h.Instances = slices.DeleteFunc(h.Instances, func(id string) bool { return id == in.Instance })
	if len(h.Instances) == 0 {
		h.InstanceType = ""
	}
	return nil
}

// ModifyHaVip implements VPC ModifyHaVipAttribute: the name and the description.
func (b *Backend) ModifyHaVip(ctx context.Context, region regions.ID, id string, name, description *string) (err error) {
	const op = OpModifyHaVip
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	h, err := b.lookupHaVip(op, region, id)
	if err != nil {
		return err
	}
	if name != nil {
		h.Name = *name
	}
	if description != nil {
		h.Description = *description
	}
	return nil
}

// DeleteHaVip implements VPC DeleteHaVip: an associated HaVip is IncorrectHaVipStatus.
func (b *Backend) DeleteHaVip(ctx context.Context, region regions.ID, id string) (err error) {
	const op = OpDeleteHaVip
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	h, err := b.lookupHaVip(op, region, id)
	if err != nil {
		return err
	}
	if len(h.Instances) > 0 {
		return fail(op, "IncorrectHaVipStatus", "The HaVip is associated; unassociate it first.")
	}
	if vsw := b.s.vswitches[h.VSwitch]; vsw != nil {
		vsw.free(h.IP)
	}
	delete(b.s.havips, id)
	delete(b.s.tags, id)
	return nil
}

// haVipHolding returns a HaVip associated with target, for the refusal to delete it.
func (b *Backend) haVipHolding(target string) (string, bool) {
	for _, id := range slices.Sorted(maps.Keys(b.s.havips)) {
		if slices.Contains(b.s.havips[id].Instances, target) {
			return id, true
		}
	}
	return "", false
}
