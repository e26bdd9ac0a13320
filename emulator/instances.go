package emulator

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The ECS instance API: what eipassoc's backend reads (DescribeInstances) and what the
// Terraform provider needs for alicloud_instance. Attributes the emulator does not
// model are answered with the cloud's defaults for a pay-as-you-go instance in a VPC.

// none is an element of a list the emulator always answers empty.
type none struct{}

// instanceJSON is an instance as DescribeInstances answers it.
func instanceJSON(d fake.InstanceDetail, tags ecsTags) map[string]any {
	nics := []any{}
	for i, n := range d.ENIs {
		kind := "Secondary"
		if i == 0 {
			kind = "Primary"
		}
		nic := map[string]any{"NetworkInterfaceId": string(n), "Type": kind, "MacAddress": macOf(n)}
		if i == 0 && d.PrimaryIP.IsValid() {
			nic["PrimaryIpAddress"] = d.PrimaryIP.String()
		}
		nics = append(nics, nic)
	}
	private := []string{}
	if d.PrimaryIP.IsValid() {
		private = append(private, d.PrimaryIP.String())
	}
	return map[string]any{
		"InstanceId": d.ID, "InstanceName": d.Name, "Description": d.Description, "HostName": d.ID, "ImageId": d.Image,
		"InstanceType": d.Type, "RegionId": string(d.Region), "ZoneId": d.Zone, "Status": d.Status,
		"InstanceNetworkType": "vpc", "InstanceChargeType": "PostPaid", "InternetChargeType": "PayByTraffic",
		"InternetMaxBandwidthIn": 0, "InternetMaxBandwidthOut": d.BandwidthOut, "SpotStrategy": "NoSpot",
		"StoppedMode":        "Not-applicable",
		"DeletionProtection": false, "CreationTime": cloudTime(d.Created), "StartTime": cloudTime(d.Created),
		"ExpiredTime": "2099-12-31T15:59Z", "ResourceGroupId": "", "OSType": "linux", "OSName": "", "Cpu": 2, "Memory": 8192,
		"VpcAttributes": map[string]any{"VpcId": d.VPC, "VSwitchId": d.VSwitch, "NatIpAddress": "",
			"PrivateIpAddress": map[string]any{"IpAddress": private}},
		"SecurityGroupIds":  map[string]any{"SecurityGroupId": append([]string{}, d.SecurityGroups...)},
		"NetworkInterfaces": map[string]any{"NetworkInterface": nics},
		"PublicIpAddress":   map[string]any{"IpAddress": []string{}},
		"InnerIpAddress":    map[string]any{"IpAddress": []string{}},
		"EipAddress":        map[string]any{"IpAddress": "", "AllocationId": ""},
		"Tags":              tags,
		"MetadataOptions": map[string]any{
			"HttpEndpoint":            "enabled",
			"HttpTokens":              "optional",
			"HttpPutResponseHopLimit": 1,
		},
		"ImageOptions": map[string]any{"LoginAsNonRoot": false},
		"CpuOptions":   map[string]any{"CoreCount": 1, "ThreadsPerCore": 2},
	}
}

func (s *Server) describeInstances(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	var ids []string
	if raw := p.str("InstanceIds"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &ids); err != nil || len(ids) > 100 {
			return nil, p.badParam("InstanceIds", "must be a JSON array of at most 100 instance IDs")
		}
	}
	if id := p.str("InstanceId"); id != "" {
		ids = append(ids, id)
	}
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, id := range ids {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if backend.Code(err) == "InvalidInstanceId.NotFound" {
			continue // DescribeInstances leaves unknown IDs out
		}
		if err != nil {
			return nil, err
		}
		if tagged(id) {
			list = append(list, instanceJSON(d, s.ecsTagsOf(id)))
		}
	}
	return map[string]any{"RequestId": newRequestID(), "TotalCount": len(list), "PageNumber": 1, "PageSize": 10,
		"Instances": map[string]any{"Instance": list}}, nil
}

func (s *Server) runInstances(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.ECS, p)
	if err != nil {
		return nil, err
	}
	// What RunInstances takes beyond these is refused, named, not dropped.
	if err := refuseOthers(p, runInstancesParams); err != nil {
		return nil, err
	}
	switch {
	case p.str("DryRun") == "true":
		return nil, p.badParam("DryRun", "eipassoc serve does not answer dry runs")
	case p.str("InstanceChargeType") != "" && p.str("InstanceChargeType") != "PostPaid":
		return nil, p.badParam("InstanceChargeType", "eipassoc serve runs pay-as-you-go (PostPaid) instances only")
	case p.str("InternetChargeType") != "" && p.str("InternetChargeType") != "PayByTraffic":
		return nil, p.badParam("InternetChargeType", "eipassoc serve bills public bandwidth by traffic only")
	case p.str("DeletionProtection") == "true":
		return nil, p.badParam("DeletionProtection", "eipassoc serve does not model deletion protection")
	case p.str("SpotStrategy") != "" && p.str("SpotStrategy") != "NoSpot":
		return nil, p.badParam("SpotStrategy", "eipassoc serve runs no spot instances")
	}
	in := fake.RunInstanceInput{
		Region:      r,
		Type:        p.str("InstanceType"),
		VSwitch:     p.str("VSwitchId"),
		Image:       p.str("ImageId"),
		Name:        p.str("InstanceName"),
		Description: p.str("Description"),
		Zone:        p.str("ZoneId"),
	}
	if in.SystemDisk, err = diskSpec(p, "SystemDisk."); err != nil {
		return nil, err
	}
	if in.DataDisks, err = dataDisks(p); err != nil {
		return nil, err
	}
	if in.BandwidthOut, err = p.integer("InternetMaxBandwidthOut"); err != nil {
		return nil, err
	}
	if in.SecurityGroups, err = p.list("SecurityGroupIds", 10); err != nil {
		return nil, err
	}
	if one := p.str("SecurityGroupId"); one != "" {
		in.SecurityGroups = append([]string{one}, in.SecurityGroups...)
	}
	if n, err := p.integer("Amount"); err != nil || n > 1 {
		return nil, p.badParam("Amount", "the emulator runs one instance a call")
	}
	id, err := s.b.RunInstance(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "instance", id, tags); err != nil {
		return nil, err
	}
	return map[string]any{
		"RequestId":      newRequestID(),
		"InstanceIdSets": map[string]any{"InstanceIdSet": []string{id}},
	}, nil
}

func (s *Server) deleteInstance(ctx context.Context, p *params) (any, error) {
	return deleteBy(ctx, p, "InstanceId", s.b.DeleteInstance)
}

// instanceAnswer answers an instance-level describe with fields for an instance the
// account has, or the cloud's InvalidInstanceId.NotFound.
func (s *Server) instanceAnswer(
	ctx context.Context,
	p *params,
	fields func(fake.InstanceDetail) map[string]any,
) (any, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	d, err := s.b.DescribeInstanceDetail(ctx, r, id)
	if err != nil {
		return nil, err
	}
	out := fields(d)
	out["RequestId"] = newRequestID()
	return out, nil
}

func (s *Server) describeUserData(ctx context.Context, p *params) (any, error) {
	return s.instanceAnswer(ctx, p, func(d fake.InstanceDetail) map[string]any {
		return map[string]any{"InstanceId": d.ID, "RegionId": string(d.Region), "UserData": ""}
	})
}

// describeInstanceRamRole answers that no instance has a RAM role: the emulator has
// none. InstanceIds is a JSON array, as the provider sends it.
func (s *Server) describeInstanceRamRole(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	return map[string]any{"RequestId": newRequestID(), "RegionId": string(r), "TotalCount": 0,
		"InstanceRamRoleSets": map[string]any{"InstanceRamRoleSet": []none{}}}, nil
}

func (s *Server) describeInstanceAttribute(ctx context.Context, p *params) (any, error) {
	return s.instanceAnswer(
		ctx,
		p,
		func(d fake.InstanceDetail) map[string]any { return instanceJSON(d, s.ecsTagsOf(d.ID)) },
	)
}

func (s *Server) describeMaintenanceAttributes(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	ids, err := p.list("InstanceId", 100)
	if err != nil {
		return nil, err
	}
	list := []any{}
	for _, id := range ids {
		if _, err := s.b.DescribeInstanceDetail(ctx, r, id); err != nil {
			continue
		}
		list = append(list, map[string]any{"InstanceId": id, "NotifyOnMaintenance": false,
			"ActionOnMaintenance": map[string]any{
				"Value":           "AutoRecover",
				"DefaultValue":    "AutoRecover",
				"SupportedValues": map[string]any{"SupportedValue": []string{"AutoRecover"}},
			},
			"MaintenanceWindows": map[string]any{"MaintenanceWindow": []none{}}})
	}
	return map[string]any{"RequestId": newRequestID(), "TotalCount": len(list), "PageNumber": 1, "PageSize": 10,
		"MaintenanceAttributes": map[string]any{"MaintenanceAttribute": list}}, nil
}

func (s *Server) describeAttachmentAttributes(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	var ids []string
	if raw := p.str("InstanceIds"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &ids); err != nil {
			return nil, p.badParam("InstanceIds", "must be a JSON array of instance IDs")
		}
	}
	list := []any{}
	for _, id := range ids {
		if _, err := s.b.DescribeInstanceDetail(ctx, r, id); err == nil {
			list = append(
				list,
				map[string]any{"InstanceId": id, "PrivatePoolOptionsMatchCriteria": "None", "PrivatePoolOptionsId": ""},
			)
		}
	}
	return map[string]any{"RequestId": newRequestID(), "TotalCount": len(list), "PageNumber": 1, "PageSize": 10,
		"Instances": map[string]any{"Instance": list}}, nil
}

// modifyInstanceAttribute changes an instance's name and description. Other attributes
// (host name, password, user data, ...) are refused as UnsupportedParameter rather
// than ignored, so that an update never seems to pass.
func (s *Server) modifyInstanceAttribute(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	in := fake.ModifyInstanceInput{Region: r, Instance: id}
	for name := range p.v {
		if slices.Contains(signingParams, name) {
			continue
		}
		switch name {
		case "RegionId", "InstanceId", "ClientToken":
		case "InstanceName":
			in.Name = p.optional(name)
		case "Description":
			in.Description = p.optional(name)
		default:
			e := backend.NewError(
				string(p.op),
				"UnsupportedParameter",
				"eipassoc serve does not change "+name+" of an instance.",
			)
			return nil, e
		}
	}
	if err := s.b.ModifyInstance(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}
