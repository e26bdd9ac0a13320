package emulator

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpDescribeTags              backend.Op = "DescribeTags"
	OpDescribeZones             backend.Op = "DescribeZones"
	OpDescribeRegions           backend.Op = "DescribeRegions"
	OpDescribeAvailableResource backend.Op = "DescribeAvailableResource"
	OpDescribeImages            backend.Op = "DescribeImages"
	OpDescribeImageTypes        backend.Op = "DescribeImageSupportInstanceTypes"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpDescribeTags},
	backend.Operation{API: backend.ECS, Op: OpDescribeZones},
	backend.Operation{API: backend.ECS, Op: OpDescribeRegions},
	backend.Operation{API: backend.ECS, Op: OpDescribeAvailableResource},
	backend.Operation{API: backend.ECS, Op: OpDescribeImages},
	backend.Operation{API: backend.ECS, Op: OpDescribeImageTypes},
)

// The ECS describes of what the cloud offers (zones, instance types, images), served
// from the account's catalog (backend/fake.Catalog) for data sources such as alicloud_zones,
// alicloud_instance_types and alicloud_images.

// supportedResource is one entry of DescribeAvailableResource.
type supportedResource struct {
	Value          string `json:"Value"`
	Status         string `json:"Status"`
	StatusCategory string `json:"StatusCategory"`
}

// availableResource lists what a zone offers of one kind.
type availableResource struct {
	Type               string `json:"Type"`
	SupportedResources struct {
		SupportedResource []supportedResource `json:"SupportedResource"`
	} `json:"SupportedResources"`
}

// availableZone is one zone of DescribeAvailableResource.
type availableZone struct {
	ZoneID             string `json:"ZoneId"`
	RegionID           string `json:"RegionId"`
	Status             string `json:"Status"`
	StatusCategory     string `json:"StatusCategory"`
	AvailableResources struct {
		AvailableResource []availableResource `json:"AvailableResource"`
	} `json:"AvailableResources"`
}

// availableResourceAnswer is the answer of DescribeAvailableResource.
type availableResourceAnswer struct {
	RequestID      string `json:"RequestId"`
	AvailableZones struct {
		AvailableZone []availableZone `json:"AvailableZone"`
	} `json:"AvailableZones"`
}

// describeAvailableResource answers the destinations Zone, InstanceType, SystemDisk and
// DataDisk from the catalog, every resource in stock; ZoneId, InstanceType, Cores and
// Memory narrow the answer. Other destinations (ddh, Network, ...) are refused, named.
func (s *Server) describeAvailableResource(_ context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	if err := checkSaleTerms(p, "IoOptimized"); err != nil {
		return nil, err
	}
	dest, err := p.required("DestinationResource")
	if err != nil {
		return nil, err
	}
	cores, err := p.integer("Cores")
	if err != nil {
		return nil, err
	}
	memory := 0.0
	if m := p.str("Memory"); m != "" {
		if memory, err = strconv.ParseFloat(m, 64); err != nil {
			return nil, p.badParam("Memory", "not a number of GiB")
		}
	}
	c := s.b.Catalog()
	out := availableResourceAnswer{RequestID: newRequestID()}
	out.AvailableZones.AvailableZone = []availableZone{}
	// Every zone's network is VPC (NetworkCategory vpc narrows nothing, classic leaves
	// none); SystemDiskCategory keeps the zones that sell it.
	network := strings.ToLower(p.str("NetworkCategory"))
	if network != "" && network != "vpc" && network != "classic" {
		return nil, p.badParam("NetworkCategory", "vpc or classic")
	}
	for _, z := range c.ZonesOf(r) {
		if id := p.str("ZoneId"); (id != "" && id != z.ID) || network == "classic" ||
			(p.str("SystemDiskCategory") != "" && !slices.Contains(c.DiskCategoriesIn(z), p.str("SystemDiskCategory"))) {
			continue
		}
		var values []string
		switch dest {
		case "Zone":
			values = []string{z.ID}
		case "InstanceType":
			for _, t := range c.TypesIn(z) {
				if (cores == 0 || t.Cores == cores) && (memory == 0 || t.MemoryGiB == memory) &&
					(p.str("InstanceType") == "" || p.str("InstanceType") == t.Type) {
					values = append(values, t.Type)
				}
			}
		case "SystemDisk", "DataDisk":
			values = c.DiskCategoriesIn(z)
		default:
			return nil, p.badParam(
				"DestinationResource",
				fmt.Sprintf("eipassoc serve answers Zone, InstanceType, SystemDisk and DataDisk, not %q", dest),
			)
		}
		zone := availableZone{ZoneID: z.ID, RegionID: string(r), Status: "Available", StatusCategory: "WithStock"}
		res := availableResource{Type: dest}
		res.SupportedResources.SupportedResource = []supportedResource{}
		for _, v := range values {
			res.SupportedResources.SupportedResource = append(res.SupportedResources.SupportedResource,
				supportedResource{Value: v, Status: "Available", StatusCategory: "WithStock"})
		}
		zone.AvailableResources.AvailableResource = []availableResource{res}
		out.AvailableZones.AvailableZone = append(out.AvailableZones.AvailableZone, zone)
	}
	return out, nil
}

// stringList is a list member such as {"ResourceTypes": ["Instance", ...]}.
type stringList map[string][]string

// zoneJSON is one zone of DescribeZones.
type zoneJSON struct {
	ZoneID                    string     `json:"ZoneId"`
	LocalName                 string     `json:"LocalName"`
	ZoneType                  string     `json:"ZoneType"`
	AvailableResourceCreation stringList `json:"AvailableResourceCreation"`
	AvailableInstanceTypes    stringList `json:"AvailableInstanceTypes"`
	AvailableDiskCategories   stringList `json:"AvailableDiskCategories"`
	AvailableVolumeCategories stringList `json:"AvailableVolumeCategories"`
}

// describeZones answers DescribeZones from the catalog: every zone takes instances,
// disks and vSwitches.
func (s *Server) describeZones(_ context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	if err := checkSaleTerms(p); err != nil {
		return nil, err
	}
	c := s.b.Catalog()
	zones := []zoneJSON{}
	for _, z := range c.ZonesOf(r) {
		var types []string
		for _, t := range c.TypesIn(z) {
			types = append(types, t.Type)
		}
		zones = append(zones, zoneJSON{ZoneID: z.ID, LocalName: cmp.Or(z.Name, z.ID), ZoneType: "AvailabilityZone",
			AvailableResourceCreation: stringList{"ResourceTypes": {"VSwitch", "IoOptimized", "Instance", "Disk"}},
			AvailableInstanceTypes:    stringList{"InstanceTypes": orEmpty(types)},
			AvailableDiskCategories:   stringList{"DiskCategories": c.DiskCategoriesIn(z)},
			AvailableVolumeCategories: stringList{"VolumeCategories": {}}})
	}
	out := zonesAnswer{RequestID: newRequestID()}
	out.Zones.Zone = zones
	return out, nil
}

// describeRegions answers ECS DescribeRegions (data "alicloud_regions"): every region of
// the table in package regions that takes new resources, with its English name. The
// region the request names, if any, must be known; AcceptLanguage, InstanceChargeType
// and ResourceType narrow nothing here (every open region offers instances and ENIs).
func (s *Server) describeRegions(_ context.Context, p *params) (any, error) {
	if p.str("RegionId") != "" {
		if _, err := region(p); err != nil {
			return nil, err
		}
	}
	if err := refuseOthers(p, describeRegionsParams); err != nil {
		return nil, err
	}
	out := regionsAnswer{RequestID: newRequestID()}
	out.Regions.Region = []regionJSON{}
	for _, r := range regions.All() {
		if r.Status == regions.Closed {
			continue
		}
		out.Regions.Region = append(out.Regions.Region, regionJSON{RegionID: string(r.ID), LocalName: r.Name,
			RegionEndpoint: "ecs." + string(r.ID) + ".aliyuncs.com", Status: "available"})
	}
	return out, nil
}

// regionsAnswer is DescribeRegions' answer.
type regionsAnswer struct {
	RequestID string `json:"RequestId"`
	Regions   struct{ Region []regionJSON }
}

// regionJSON is one region of DescribeRegions.
type regionJSON struct {
	RegionID       string `json:"RegionId"`
	LocalName      string
	RegionEndpoint string
	Status         string
}

// zonesAnswer is DescribeZones' answer.
type zonesAnswer struct {
	RequestID string `json:"RequestId"`
	Zones     struct{ Zone []zoneJSON }
}

// imageJSON is one image of DescribeImages.
type imageJSON struct {
	ImageID              string `json:"ImageId"`
	ImageName            string `json:"ImageName"`
	ImageVersion         string `json:"ImageVersion"`
	ImageOwnerAlias      string `json:"ImageOwnerAlias"`
	Description          string `json:"Description"`
	OSName               string `json:"OSName"`
	OSNameEn             string `json:"OSNameEn"`
	OSType               string `json:"OSType"`
	Platform             string `json:"Platform"`
	Architecture         string `json:"Architecture"`
	Size                 int    `json:"Size"`
	Status               string `json:"Status"`
	Usage                string `json:"Usage"`
	Progress             string `json:"Progress"`
	CreationTime         string `json:"CreationTime"`
	IsSupportIoOptimized bool   `json:"IsSupportIoOptimized"`
	IsSupportCloudinit   bool   `json:"IsSupportCloudinit"`
	IsCopied             bool   `json:"IsCopied"`
	IsSelfShared         string `json:"IsSelfShared"`
	IsSubscribed         bool   `json:"IsSubscribed"`
	ProductCode          string `json:"ProductCode"`
	ImageFamily          string `json:"ImageFamily"`
	ImageOwnerID         string `json:"ImageOwnerId,omitempty"`
	DiskDeviceMappings   struct {
		DiskDeviceMapping []diskMappingJSON `json:"DiskDeviceMapping"`
	} `json:"DiskDeviceMappings"`
	Tags ecsTags `json:"Tags"`
}

// A diskMappingJSON is the system disk of an image and the snapshot it is made from.
type diskMappingJSON struct {
	Device     string
	Size       string
	SnapshotID string `json:"SnapshotId"`
	Type       string
}

// describeImages answers DescribeImages from the catalog's system images: ImageId,
// ImageName (a pattern with *), ImageOwnerAlias (system, or nothing), OSType and
// Architecture narrow the answer; InstanceType is accepted and every image runs on
// every type. One page holds them all.
func (s *Server) describeImages(_ context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	owner := cmp.Or(p.str("ImageOwnerAlias"), "system")
	if p.str("ImageOwnerAlias") == "" && p.str("ImageOwnerId") != "" {
		owner = "" // the images that account shares, whatever their alias
	}
	images := s.b.Catalog().ImagesOf(r)
	if !slices.ContainsFunc(images, func(im fake.ImageSpec) bool { return im.OwnerOrSystem() == owner }) &&
		owner != "system" && owner != "" {
		// An empty list would read as "no such image", and a configuration would fail
		// on an index far from the cause: say what the catalog lacks.
		return nil, p.badParam("ImageOwnerAlias", "the catalog has no "+owner+" images in "+string(r)+
			": seed them through the topology (catalog.images with \"owner\": \""+owner+"\")")
	}
	var name *regexp.Regexp
	if n := p.str("ImageName"); n != "" {
		name = regexp.MustCompile("^" + strings.ReplaceAll(regexp.QuoteMeta(n), `\*`, ".*") + "$")
	}
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	// Every catalog image supports cloud-init and I/O optimization, serves instances
	// (Usage instance) and any action type, and is in no resource group.
	if _, err := p.terms(imageTerms); err != nil {
		return nil, err
	}
	var out []imageJSON
	for _, im := range images {
		switch {
		case !matches(p, "IsSupportCloudinit", "true"), !matches(p, "IsSupportIoOptimized", "true"),
			!matches(p, "Usage", "instance"), !inGroup(p, ""), !tagged(im.ID):
			continue
		case owner != "" && im.OwnerOrSystem() != owner, !matches(p, "ImageOwnerId", im.OwnerID),
			!matches(p, "ImageFamily", im.Family), !matches(p, "SnapshotId", im.Snapshot),
			p.str("ImageId") != "" && p.str("ImageId") != im.ID,
			name != nil && !name.MatchString(im.Name),
			p.str("OSType") != "" && !strings.EqualFold(p.str("OSType"), cmp.Or(im.OSType, "linux")),
			p.str("Architecture") != "" && p.str("Architecture") != cmp.Or(im.Architecture, "x86_64"),
			p.str("Status") != "" && !slices.Contains(strings.Split(p.str("Status"), ","), "Available"):
			continue
		}
		j := imageJSON{
			ImageID:         im.ID,
			ImageName:       im.Name,
			ImageOwnerAlias: im.OwnerOrSystem(),
			OSName:          im.OSName,
			OSNameEn:        im.OSName,
			OSType:          cmp.Or(im.OSType, "linux"),
			Platform:        im.Platform,
			Architecture:    cmp.Or(im.Architecture, "x86_64"),
			Size: max(
				im.SizeGiB,
				20,
			),
			Status:               "Available",
			Usage:                "instance",
			Progress:             "100%",
			CreationTime:         "2024-01-01T00:00:00Z",
			IsSupportIoOptimized: true,
			IsSupportCloudinit:   true,
			IsSelfShared:         "",
			Tags:                 ecsTags{Tag: []ecsTagJSON{}},
		}
		j.ImageFamily, j.ImageOwnerID = im.Family, im.OwnerID
		j.DiskDeviceMappings.DiskDeviceMapping = []diskMappingJSON{{Device: "/dev/xvda",
			Size: strconv.Itoa(max(im.SizeGiB, 20)), SnapshotID: im.Snapshot, Type: "system"}}
		out = append(out, j)
	}
	return newImagesAnswer(out), nil
}

// describeImageTypes answers DescribeImageSupportInstanceTypes: the catalog types an
// image runs on (fake.ImageSpec.InstanceTypes; every type when it lists none).
func (s *Server) describeImageTypes(_ context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	id, err := p.required("ImageId")
	if err != nil {
		return nil, err
	}
	c := s.b.Catalog()
	i := slices.IndexFunc(c.ImagesOf(r), func(im fake.ImageSpec) bool { return im.ID == id })
	if i < 0 {
		return nil, backend.NewError(string(p.op), "InvalidImageId.NotFound", "The image "+id+" does not exist in "+
			string(r)+".")
	}
	im := c.ImagesOf(r)[i]
	type typeJSON struct {
		InstanceTypeID     string `json:"InstanceTypeId"`
		InstanceTypeFamily string
		CPUCoreCount       int     `json:"CpuCoreCount"`
		MemorySize         float64 `json:"MemorySize"`
	}
	out := struct {
		RequestID     string `json:"RequestId"`
		RegionID      string `json:"RegionId"`
		ImageID       string `json:"ImageId"`
		InstanceTypes struct{ InstanceType []typeJSON }
	}{RequestID: newRequestID(), RegionID: string(r), ImageID: id}
	out.InstanceTypes.InstanceType = []typeJSON{}
	for _, t := range c.InstanceTypes {
		if len(im.InstanceTypes) == 0 || slices.Contains(im.InstanceTypes, t.Type) {
			out.InstanceTypes.InstanceType = append(out.InstanceTypes.InstanceType,
				typeJSON{t.Type, ecs.Family(t.Type), t.Cores, t.MemoryGiB})
		}
	}
	return out, nil
}

// newImagesAnswer returns DescribeImages' answer, all images in one page.
func newImagesAnswer(images []imageJSON) imagesAnswer {
	out := imagesAnswer{pageHead: onePage(len(images), max(len(images), 10))}
	out.Images.Image = orEmpty(images)
	return out
}

// imagesAnswer is DescribeImages' answer.
type imagesAnswer struct {
	pageHead
	Images struct{ Image []imageJSON }
}

// describeTagsAnswer is DescribeTags' answer.
type describeTagsAnswer struct {
	pageHead
	Tags struct{ Tag []ecsTagJSON }
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// describeTags answers the classic DescribeTags of ECS for one resource, from the
// account's tags; images and other catalog entries carry none.
func (s *Server) describeTags(_ context.Context, p *params) (any, error) {
	if _, err := region(p); err != nil {
		return nil, err
	}
	tags := []ecsTagJSON{}
	if id := p.str("ResourceId"); id != "" {
		for _, t := range s.b.Tags(id) {
			tags = append(tags, ecsTagJSON{TagKey: t.Key, TagValue: t.Value})
		}
	}
	out := describeTagsAnswer{pageHead: onePage(len(tags), 50)}
	out.Tags.Tag = tags
	return out, nil
}

// saleTerms are the values of the terms a catalog query may name: the emulator's
// catalog sells every zone's resources on all of them, so a valid term narrows
// nothing, and an unknown one is refused by name.
var saleTerms = map[string][]string{
	"InstanceChargeType": {"PrePaid", "PostPaid"},
	"SpotStrategy":       {"NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"},
	"IoOptimized":        {"optimized", "none"},
}

// imageTerms are the values of the image data source's terms.
var imageTerms = map[string][]string{"IsSupportCloudinit": {"true", "false"}, "IsSupportIoOptimized": {"true", "false"},
	"Usage": {"instance", "none"}, "ActionType": {"CreateEcs", "ChangeOS"}}

// checkSaleTerms checks InstanceChargeType, SpotStrategy and the other named terms of
// a catalog query.
func checkSaleTerms(p *params, others ...string) error {
	_, err := p.terms(saleTerms, append([]string{"InstanceChargeType", "SpotStrategy"}, others...)...)
	return err
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: OpDescribeAvailableResource, Handler: func(s *Server) handler { return s.describeAvailableResource },
		Params: modelledParams("RegionId", "DestinationResource", "ZoneId", "InstanceType", "Cores", "Memory",
			"InstanceChargeType", "SpotStrategy", "IoOptimized", "NetworkCategory", "SystemDiskCategory")},
	route{API: backend.ECS, Op: OpDescribeZones, Handler: func(s *Server) handler { return s.describeZones },
		Params: modelledParams("RegionId", "InstanceChargeType", "SpotStrategy")},
	route{API: backend.ECS, Op: OpDescribeRegions, Handler: func(s *Server) handler { return s.describeRegions },
		Params: describeRegionsParams},
	route{API: backend.ECS, Op: OpDescribeImages, Handler: func(s *Server) handler { return s.describeImages },
		Params: modelledParams("RegionId", "ImageId", "ImageName", "ImageOwnerAlias", "ImageOwnerId", "ImageFamily",
			"SnapshotId", "OSType", "Architecture", "InstanceType", "Status", "PageNumber", "PageSize",
			"ActionType", "IsSupportCloudinit", "IsSupportIoOptimized", "Usage", "ResourceGroupId", tagParams)},
	route{API: backend.ECS, Op: OpDescribeImageTypes, Handler: func(s *Server) handler { return s.describeImageTypes },
		Params: modelledParams("RegionId", "ImageId")},
	route{API: backend.ECS, Op: OpDescribeTags, Handler: func(s *Server) handler { return s.describeTags },
		Params: modelledParams("RegionId", "ResourceId", "ResourceType", tagParams)},
)
