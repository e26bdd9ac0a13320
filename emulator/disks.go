package emulator

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpDescribeDisks backend.Op = "DescribeDisks"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpDescribeDisks},
)

// diskSpec reads a disk of RunInstances: prefix is "SystemDisk." or "DataDisk.N.".
func diskSpec(p *params, prefix string) (fake.DiskSpec, error) {
	d := fake.DiskSpec{
		Category:         p.str(prefix + "Category"),
		Name:             p.str(prefix + "DiskName"),
		Description:      p.str(prefix + "Description"),
		PerformanceLevel: p.str(prefix + "PerformanceLevel"),
		Encrypted:        p.str(prefix+"Encrypted") == "true",
		// Resources of other products, which must exist (fake.ProductResource).
		AutoSnapshotPolicy: p.str(prefix + "AutoSnapshotPolicyId"),
		KMSKey:             p.str(prefix + "KMSKeyId"),
	}
	var err error
	if d.SizeGiB, err = p.integer(prefix + "Size"); err != nil {
		return d, err
	}
	if prefix == "SystemDisk." {
		// A dedicated block storage cluster for the system disk; it goes with the
		// instance (RunInstances has no SystemDisk.DeleteWithInstance) and is made from
		// the image, not a snapshot.
		d.StorageCluster = p.str(prefix + "StorageClusterId")
		return d, nil
	}
	d.Snapshot = p.str(prefix + "SnapshotId")
	if v := p.optional(prefix + "DeleteWithInstance"); v != nil {
		b := *v == "true"
		d.DeleteWithInstance = &b
	}
	return d, nil
}

// dataDisks reads DataDisk.N.*, numbered from 1 without gaps.
func dataDisks(p *params) ([]fake.DiskSpec, error) {
	var out []fake.DiskSpec
	for n := 1; ; n++ {
		prefix := "DataDisk." + strconv.Itoa(n) + "."
		if !p.anyUnder(prefix) {
			return out, nil
		}
		d, err := diskSpec(p, prefix)
		if err != nil {
			return nil, err
		}
		// Data disks are named in order, /dev/xvdb first (describeDisks): a Device
		// parameter must give that name.
		if dev := p.str(prefix + "Device"); dev != "" && dev != deviceName(n) {
			return nil, p.badParam(prefix+"Device", "eipassoc serve names data disk "+strconv.Itoa(n)+" "+deviceName(n))
		}
		out = append(out, d)
	}
}

// deviceName is the device of the instance's disk at index i: the system disk (0) is
// /dev/xvda, the data disks /dev/xvdb, /dev/xvdc and on.
func deviceName(i int) string { return "/dev/xvd" + string(rune('a'+i)) }

// diskJSON is a disk as DescribeDisks answers it.
type diskJSON struct {
	DiskID             string  `json:"DiskId"`
	InstanceID         string  `json:"InstanceId"`
	Type               string  `json:"Type"`
	Category           string  `json:"Category"`
	Size               int     `json:"Size"`
	DiskName           string  `json:"DiskName"`
	Description        string  `json:"Description"`
	PerformanceLevel   string  `json:"PerformanceLevel"`
	Encrypted          bool    `json:"Encrypted"`
	KMSKeyID           string  `json:"KMSKeyId"`
	AutoSnapshotPolicy string  `json:"AutoSnapshotPolicyId"`
	StorageClusterID   string  `json:"StorageClusterId"`
	SourceSnapshotID   string  `json:"SourceSnapshotId"`
	Status             string  `json:"Status"`
	ZoneID             string  `json:"ZoneId"`
	RegionID           string  `json:"RegionId"`
	DeleteWithInstance bool    `json:"DeleteWithInstance"`
	Portable           bool    `json:"Portable"`
	Device             string  `json:"Device"`
	Tags               ecsTags `json:"Tags"`
}

// describeDisks answers for the disks of an instance (InstanceId), narrowed by DiskIds
// (a JSON array) and DiskType (system, data or all).
func (s *Server) describeDisks(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	var ids []string
	if raw := p.str("DiskIds"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &ids); err != nil {
			return nil, p.badParam("DiskIds", "must be a JSON array of disk IDs")
		}
	}
	disks := []diskJSON{}
	instances := []string{p.str("InstanceId")}
	if instances[0] == "" { // no instance named: the disks of every instance of the region
		if instances, err = s.b.InstanceIDs(ctx, r); err != nil {
			return nil, err
		}
	}
	for _, id := range instances {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if err != nil && backend.Code(err) != "InvalidInstanceId.NotFound" {
			return nil, err
		}
		for i, k := range s.b.Disks(r, id) {
			if (len(ids) > 0 && !slices.Contains(ids, k.ID)) ||
				(p.str("DiskType") != "" && p.str("DiskType") != "all" && p.str("DiskType") != k.Type) {
				continue
			}
			disks = append(
				disks,
				diskJSON{DiskID: k.ID, InstanceID: id, Type: k.Type, Category: k.Category, Size: k.SizeGiB,
					DiskName: k.Name, Description: k.Description, PerformanceLevel: k.PerformanceLevel, Encrypted: k.Encrypted,
					Status: "In_use", ZoneID: d.Zone, RegionID: string(r), DeleteWithInstance: k.DeleteWithInstance,
					Portable: k.Type == "data", Device: deviceName(i), Tags: s.ecsTagsOf(k.ID), KMSKeyID: k.KMSKey,
					AutoSnapshotPolicy: k.AutoSnapshotPolicy, StorageClusterID: k.StorageCluster,
					SourceSnapshotID: k.Snapshot},
			)
		}
	}
	page, head, err := pageOf(p, disks)
	if err != nil {
		return nil, err
	}
	out := describeDisksAnswer{pageHead: head}
	out.Disks.Disk = page
	return out, nil
}

// modifyDiskAttribute changes a disk's name, description and DeleteWithInstance. A disk
// ID names one disk in every region, so RegionId may be left out, as the API allows.
func (s *Server) modifyDiskAttribute(ctx context.Context, p *params) (any, error) {
	id, err := p.required("DiskId")
	if err != nil {
		return nil, err
	}
	r := regions.ID(p.str("RegionId"))
	if err := refuseOthers(p, modifyDiskParams); err != nil {
		return nil, err
	}
	in := fake.ModifyDiskInput{
		Region:      r,
		Disk:        id,
		Name:        p.optional("DiskName"),
		Description: p.optional("Description"),
	}
	if v := p.optional("DeleteWithInstance"); v != nil {
		b := *v == "true"
		in.DeleteWithInstance = &b
	}
	if err := s.b.ModifyDisk(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// modifyInstanceNetworkSpec changes the public bandwidth of an instance.
func (s *Server) modifyInstanceNetworkSpec(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	if err := refuseOthers(p, modifyNetworkSpecParams); err != nil {
		return nil, err
	}
	out, err := p.integer("InternetMaxBandwidthOut")
	if err != nil {
		return nil, err
	}
	if err := s.b.ModifyNetworkSpec(ctx, r, id, out); err != nil {
		return nil, err
	}
	return networkSpecAnswer{RequestID: newRequestID()}, nil
}

// networkSpecAnswer is ModifyInstanceNetworkSpec's answer: no order, for a
// pay-as-you-go instance.
type networkSpecAnswer struct {
	RequestID string `json:"RequestId"`
	OrderID   string `json:"OrderId"`
}

// describeDisksAnswer is DescribeDisks' answer.
type describeDisksAnswer struct {
	pageHead
	Disks struct{ Disk []diskJSON }
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: fake.OpModifyDisk, Handler: func(s *Server) handler { return s.modifyDiskAttribute },
		Params: modifyDiskParams},
	route{API: backend.ECS, Op: fake.OpModifyNetworkSpec, Handler: func(s *Server) handler { return s.modifyInstanceNetworkSpec },
		Params: modifyNetworkSpecParams},
	route{API: backend.ECS, Op: OpDescribeDisks, Handler: func(s *Server) handler { return s.describeDisks },
		Params: modelledParams("RegionId", "InstanceId", "DiskIds", "DiskType", "PageNumber", "PageSize")},
)
