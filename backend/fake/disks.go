package fake

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpModifyNetworkSpec backend.Op = "ModifyInstanceNetworkSpec"
	OpModifyDisk        backend.Op = "ModifyDiskAttribute"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpModifyNetworkSpec, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifyDisk, Mutates: true},
)

// A Disk is a cloud disk of an instance: its system disk, or a data disk made with it.
type Disk struct {
	ID                 string `json:"id"`
	Type               string `json:"type"` // "system" or "data"
	Category           string `json:"category"`
	SizeGiB            int    `json:"size_gib"`
	Name               string `json:"name,omitempty"`
	Description        string `json:"description,omitempty"`
	Encrypted          bool   `json:"encrypted,omitempty"`
	PerformanceLevel   string `json:"performance_level,omitempty"`
	DeleteWithInstance bool   `json:"delete_with_instance"`
	// AutoSnapshotPolicy, KMSKey, StorageCluster and Snapshot are the resources of
	// other products the disk names (ProductResource): its snapshot policy, the key
	// it is encrypted with, its dedicated block storage cluster, the snapshot it is
	// made from.
	AutoSnapshotPolicy string `json:"auto_snapshot_policy_id,omitempty"`
	KMSKey             string `json:"kms_key_id,omitempty"`
	StorageCluster     string `json:"storage_cluster_id,omitempty"`
	Snapshot           string `json:"snapshot_id,omitempty"`
}

// A DiskSpec is a disk RunInstances makes (SystemDisk.*, DataDisk.N.*). Category
// defaults to cloud_efficiency, SizeGiB to 40 for a system disk, DeleteWithInstance to
// true.
type DiskSpec struct {
	Category           string
	SizeGiB            int
	Name               string
	Description        string
	Encrypted          bool
	PerformanceLevel   string
	DeleteWithInstance *bool
	// The resources of other products the disk names (see Disk).
	AutoSnapshotPolicy, KMSKey, StorageCluster, Snapshot string
}

// newDisk makes disk n (0 for the system disk) of an instance. Its ID is derived from
// the instance's, so that making disks does not change the IDs the account hands out
// after it (recorded contracts replay against those).
func newDisk(instance string, n int, typ string, s DiskSpec) Disk {
	id := "d-" + strings.TrimPrefix(instance, "i-")
	if n > 0 {
		id += "-" + strconv.Itoa(n)
	}
	d := Disk{ID: id, Type: typ, Category: s.Category, SizeGiB: s.SizeGiB, Name: s.Name, Description: s.Description,
		Encrypted: s.Encrypted || s.KMSKey != "", PerformanceLevel: s.PerformanceLevel, DeleteWithInstance: true,
		AutoSnapshotPolicy: s.AutoSnapshotPolicy, KMSKey: s.KMSKey, StorageCluster: s.StorageCluster, Snapshot: s.Snapshot}
	if d.Category == "" {
		d.Category = "cloud_efficiency"
	}
	if d.SizeGiB == 0 && typ == "system" {
		d.SizeGiB = 40
	}
	if d.PerformanceLevel == "" && d.Category == "cloud_essd" {
		d.PerformanceLevel = "PL1"
	}
	if s.DeleteWithInstance != nil {
		d.DeleteWithInstance = *s.DeleteWithInstance
	}
	return d
}

// checkDisk checks a disk spec as RunInstances does: a known category, and a size in
// its range (system disks 20 to 2048 GiB, data disks 20 to 32768 GiB for ESSDs).
func checkDisk(op backend.Op, typ string, s DiskSpec) error {
	if s.Category != "" &&
		!slices.Contains(
			[]string{"cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto", "cloud_essd_entry"},
			s.Category,
		) {
		return fail(
			op,
			"InvalidDiskCategory.NotSupported",
			"The specified disk category "+s.Category+" is not supported.",
		)
	}
	maxSize := 32768
	if typ == "system" {
		maxSize = 2048
	}
	if s.SizeGiB != 0 && (s.SizeGiB < 20 || s.SizeGiB > maxSize) {
		return fail(op, "InvalidParameter", "The disk size is out of range.")
	}
	return nil
}

// Disks returns the disks of an instance, the system disk first; unknown instances have
// none.
func (b *Backend) Disks(region regions.ID, instance string) []Disk {
	b.mu.Lock()
	defer b.mu.Unlock()
	in := b.s.instances[instance]
	m := b.s.instMeta[instance]
	if in == nil || in.Region != region || m == nil {
		return nil
	}
	return slices.Clone(m.Disks)
}

// ModifyDiskInput changes a disk's name, description or whether it goes with its
// instance; a nil field is left as it is. An empty Region looks in every region.
type ModifyDiskInput struct {
	Region             regions.ID
	Disk               string
	Name               *string
	Description        *string
	DeleteWithInstance *bool
}

// ModifyDisk implements ModifyDiskAttribute.
func (b *Backend) ModifyDisk(ctx context.Context, in ModifyDiskInput) (err error) {
	const op = OpModifyDisk
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if in.Region != "" {
		if err := checkRegion(op, in.Region); err != nil {
			return err
		}
	}
	for id, m := range b.s.instMeta {
		if inst := b.s.instances[id]; inst == nil || (in.Region != "" && inst.Region != in.Region) {
			continue
		}
		for i := range m.Disks {
			d := &m.Disks[i]
			if d.ID != in.Disk {
				continue
			}
			if in.Name != nil {
				d.Name = *in.Name
			}
			if in.Description != nil {
				d.Description = *in.Description
			}
			if in.DeleteWithInstance != nil {
				d.DeleteWithInstance = *in.DeleteWithInstance
			}
			return nil
		}
	}
	return fail(op, "InvalidDiskId.NotFound", "The specified disk does not exist.")
}

// ModifyNetworkSpec implements ModifyInstanceNetworkSpec for the public bandwidth of a
// VPC instance (0 to 100 Mbit/s).
func (b *Backend) ModifyNetworkSpec(
	ctx context.Context,
	region regions.ID,
	instance string,
	bandwidthOut int,
) (err error) {
	const op = OpModifyNetworkSpec
	if err := begin(ctx, b, op, instance); err != nil {
		return err
	}
	defer func() { err = end(b, op, instance, err) }()
	if err := checkRegion(op, region); err != nil {
		return err
	}
	in := b.s.instances[instance]
	if in == nil || in.Region != region {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	if bandwidthOut < 0 || bandwidthOut > 100 {
		return fail(op, "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut is 0 to 100.")
	}
	m := b.s.instMeta[instance]
	if m == nil {
		m = &instanceMeta{}
		b.s.instMeta[instance] = m
	}
	m.BandwidthOut = bandwidthOut
	return nil
}

// diskIn reports whether a disk of an instance in region r has the ID.
func (s *state) diskIn(r regions.ID, id string) bool {
	for inst, m := range s.instMeta {
		if in := s.instances[inst]; in != nil && in.Region == r &&
			slices.ContainsFunc(m.Disks, func(d Disk) bool { return d.ID == id }) {
			return true
		}
	}
	return false
}

// diskIDTaken reports whether a disk ID is in use. Only a seeded disk can name its own
// ID; the others derive theirs from their instance's, which is unique.
func (s *state) diskIDTaken(id string) bool {
	for _, m := range s.instMeta {
		if slices.ContainsFunc(m.Disks, func(d Disk) bool { return d.ID == id }) {
			return true
		}
	}
	return false
}
