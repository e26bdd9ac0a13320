package fake

import (
	"fmt"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// A Catalog is what the cloud offers, as the ECS describes of zones, instance types and
// images report it (DescribeZones, DescribeAvailableResource, DescribeInstanceTypes,
// DescribeImages): not resources of the account, so no call changes it. Data sources
// such as alicloud_zones, alicloud_instance_types and alicloud_images read it.
type Catalog struct {
	Zones         []ZoneSpec         `json:"zones,omitempty"`
	InstanceTypes []InstanceTypeSpec `json:"instance_types,omitempty"`
	Images        []ImageSpec        `json:"images,omitempty"`
}

// A ZoneSpec is a zone of a region. InstanceTypes lists the catalog's instance types
// sold in it (empty: all of them); DiskCategories the disk categories (empty:
// cloud_efficiency, cloud_ssd and cloud_essd).
type ZoneSpec struct {
	ID             string     `json:"id"`
	Region         regions.ID `json:"region"`
	Name           string     `json:"name,omitempty"`
	InstanceTypes  []string   `json:"instance_types,omitempty"`
	DiskCategories []string   `json:"disk_categories,omitempty"`
}

// An InstanceTypeSpec is an instance type: its vCPUs, memory and ENI limits (ENIs
// counts the primary ENI; PrivateIPsPerENI the primary address, 0 when not known).
type InstanceTypeSpec struct {
	Type             string  `json:"type"`
	Cores            int     `json:"cores"`
	MemoryGiB        float64 `json:"memory_gib"`
	ENIs             int     `json:"enis"`
	PrivateIPsPerENI int     `json:"private_ips_per_eni,omitempty"`
	// IPv6PerENI is the IPv6 addresses one ENI can hold (0: none).
	IPv6PerENI int `json:"ipv6_per_eni,omitempty"`
	// Trunk says whether the type takes a trunk ENI (EniTrunkSupported), and
	// ENITotal is EniTotalQuantity: its ENIs with the member ENIs of its trunk, so
	// that it takes ENITotal - ENIs members.
	Trunk    bool `json:"trunk,omitempty"`
	ENITotal int  `json:"eni_total,omitempty"`
}

// An ImageSpec is a public (system) image of a region (every region when Region is
// empty).
type ImageSpec struct {
	ID           string     `json:"id"`
	Region       regions.ID `json:"region,omitempty"`
	Name         string     `json:"name"`
	OSName       string     `json:"os_name,omitempty"`
	OSType       string     `json:"os_type,omitempty"`      // default linux
	Platform     string     `json:"platform,omitempty"`     // e.g. Ubuntu
	Architecture string     `json:"architecture,omitempty"` // default x86_64
	SizeGiB      int        `json:"size_gib,omitempty"`     // default 20
	// Owner is the image's owner alias as DescribeImages filters it: system (the
	// default), marketplace, self or others; OwnerID the account that owns it, for an
	// image shared with this one (ImageOwnerId).
	Owner   string `json:"owner,omitempty"`
	OwnerID string `json:"owner_id,omitempty"`
	// Family is the image family it belongs to (ImageFamily), and Snapshot the
	// snapshot its system disk is made from (SnapshotId), if any.
	Family   string `json:"family,omitempty"`
	Snapshot string `json:"snapshot_id,omitempty"`
	// InstanceTypes are the types it runs on (DescribeImageSupportInstanceTypes);
	// none listed: every type of the catalog.
	InstanceTypes []string `json:"instance_types,omitempty"`
}

// OwnerOrSystem returns the image's owner alias, system when it names none.
func (im ImageSpec) OwnerOrSystem() string {
	if im.Owner == "" {
		return "system"
	}
	return im.Owner
}

// defaultDiskCategories are the disk categories of a zone that names none.
var defaultDiskCategories = []string{"cloud_efficiency", "cloud_essd", "cloud_ssd"}

// checkCatalog checks a catalog: known regions, zones unique, instance types that name
// a family and a size with at least one ENI, images with IDs; and that every instance
// type a zone names is in the catalog.
func checkCatalog(c Catalog) error {
	types := map[string]bool{}
	for i, t := range c.InstanceTypes {
		switch {
		case ecs.Family(t.Type) == "" || t.Type == ecs.Family(t.Type):
			return fmt.Errorf("instance_types[%d]: %q is not an instance type such as ecs.g7.large", i, t.Type)
		case t.Cores < 1 || t.MemoryGiB <= 0 || t.ENIs < 1 || t.PrivateIPsPerENI < 0:
			return fmt.Errorf("instance_types[%d] %s: cores, memory_gib and enis must be positive", i, t.Type)
		case types[t.Type]:
			return fmt.Errorf("instance_types[%d]: %s is listed twice", i, t.Type)
		}
		types[t.Type] = true
	}
	zones := map[string]bool{}
	for i, z := range c.Zones {
		if _, err := regions.Lookup(z.Region); err != nil {
			return fmt.Errorf("zones[%d] %s: %w", i, z.ID, err)
		}
		if z.ID == "" || zones[z.ID] {
			return fmt.Errorf("zones[%d]: the zone ID is empty or listed twice", i)
		}
		zones[z.ID] = true
		for _, t := range z.InstanceTypes {
			if !types[t] {
				return fmt.Errorf("zones[%d] %s: instance type %s is not in the catalog", i, z.ID, t)
			}
		}
	}
	for i, im := range c.Images {
		if o := im.OwnerOrSystem(); o != "system" && o != "marketplace" && o != "self" && o != "others" {
			return fmt.Errorf("images[%d]: owner %q is not system, marketplace, self or others", i, im.Owner)
		}
		if im.ID == "" || im.Name == "" {
			return fmt.Errorf("images[%d]: id and name are required", i)
		}
	}
	return nil
}

// ZonesOf returns the catalog's zones of a region, sorted by ID.
func (c Catalog) ZonesOf(r regions.ID) []ZoneSpec {
	var out []ZoneSpec
	for _, z := range c.Zones {
		if z.Region == r {
			out = append(out, z)
		}
	}
	slices.SortFunc(out, func(a, b ZoneSpec) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// TypesIn returns the instance types sold in a zone, sorted by name.
func (c Catalog) TypesIn(z ZoneSpec) []InstanceTypeSpec {
	var out []InstanceTypeSpec
	for _, t := range c.InstanceTypes {
		if len(z.InstanceTypes) == 0 || slices.Contains(z.InstanceTypes, t.Type) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b InstanceTypeSpec) int { return strings.Compare(a.Type, b.Type) })
	return out
}

// DiskCategoriesIn returns the disk categories of a zone.
func (c Catalog) DiskCategoriesIn(z ZoneSpec) []string {
	if len(z.DiskCategories) == 0 {
		return defaultDiskCategories
	}
	return z.DiskCategories
}

// ImagesOf returns the images of a region, sorted by ID.
func (c Catalog) ImagesOf(r regions.ID) []ImageSpec {
	var out []ImageSpec
	for _, im := range c.Images {
		if im.Region == "" || im.Region == r {
			out = append(out, im)
		}
	}
	slices.SortFunc(out, func(a, b ImageSpec) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// instanceType returns the catalog's entry for a type.
func (c Catalog) instanceType(typ string) (InstanceTypeSpec, bool) {
	i := slices.IndexFunc(c.InstanceTypes, func(t InstanceTypeSpec) bool { return strings.EqualFold(t.Type, typ) })
	if i < 0 {
		return InstanceTypeSpec{}, false
	}
	return c.InstanceTypes[i], true
}

// limits returns the ENI limits of a catalog instance type.
func (t InstanceTypeSpec) limits() eni.Limits {
	l := eni.Limits{ENIs: t.ENIs, PrivateIPsPerENI: t.PrivateIPsPerENI}
	if l.PrivateIPsPerENI == 0 {
		l.PrivateIPsPerENI = eni.Unknown
	}
	return l
}

// Catalog returns what the account's cloud offers: zones, instance types and images.
func (b *Backend) Catalog() Catalog {
	b.mu.Lock()
	defer b.mu.Unlock()
	return Catalog{
		Zones:         slices.Clone(b.catalog.Zones),
		InstanceTypes: slices.Clone(b.catalog.InstanceTypes),
		Images:        slices.Clone(b.catalog.Images),
	}
}
