package emulator

import (
	"cmp"
	"context"
	"encoding/json"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpModifyMetadataOptions     backend.Op = "ModifyInstanceMetadataOptions"
	OpDescribeInstanceAttribute backend.Op = "DescribeInstanceAttribute"
	OpDescribeUserData          backend.Op = "DescribeUserData"
	OpDescribeInstanceRAMRole   backend.Op = "DescribeInstanceRamRole"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpModifyMetadataOptions, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpDescribeInstanceAttribute},
	backend.Operation{API: backend.ECS, Op: OpDescribeUserData},
	backend.Operation{API: backend.ECS, Op: OpDescribeInstanceRAMRole},
)

// The ECS instance API: what eipassoc's backend reads (DescribeInstances) and what the
// Terraform provider needs for alicloud_instance. Attributes the emulator does not
// model are answered with the cloud's defaults for a pay-as-you-go instance in a VPC.

// none is an element of a list the emulator always answers empty.
type none struct{}

// An instanceJSON is an instance as DescribeInstances (one of its list) and
// DescribeInstanceAttribute (with a RequestId) answer it.
type instanceJSON struct {
	RequestID               string `json:"RequestId,omitempty"`
	InstanceID              string `json:"InstanceId"`
	InstanceName            string
	Description             string
	HostName                string
	KeyPairName             string
	ImageID                 string `json:"ImageId"`
	InstanceType            string
	RegionID                string `json:"RegionId"`
	ZoneID                  string `json:"ZoneId"`
	Status                  string
	InstanceNetworkType     string
	InstanceChargeType      string
	InternetChargeType      string
	InternetMaxBandwidthIn  int
	InternetMaxBandwidthOut int
	SpotStrategy            string
	StoppedMode             string
	DeletionProtection      bool
	CreationTime            string
	StartTime               string
	ExpiredTime             string
	ResourceGroupID         string `json:"ResourceGroupId"`
	OSType                  string
	OSName                  string
	CPU                     int `json:"Cpu"`
	Memory                  int
	VpcAttributes           struct {
		VpcID            string `json:"VpcId"`
		VSwitchID        string `json:"VSwitchId"`
		NatIPAddress     string `json:"NatIpAddress"`
		PrivateIPAddress ipList `json:"PrivateIpAddress"`
	}
	SecurityGroupIDs struct {
		SecurityGroupID []string `json:"SecurityGroupId"`
	} `json:"SecurityGroupIds"`
	NetworkInterfaces struct{ NetworkInterface []instanceENIJSON }
	PublicIPAddress   ipList `json:"PublicIpAddress"`
	InnerIPAddress    ipList `json:"InnerIpAddress"`
	EipAddress        struct {
		IPAddress    string `json:"IpAddress"`
		AllocationID string `json:"AllocationId"`
	}
	Tags            ecsTags
	MetadataOptions struct {
		HTTPEndpoint            string `json:"HttpEndpoint"`
		HTTPTokens              string `json:"HttpTokens"`
		HTTPPutResponseHopLimit int    `json:"HttpPutResponseHopLimit"`
	}
	ImageOptions struct{ LoginAsNonRoot bool }
	CPUOptions   struct {
		CoreCount      int
		ThreadsPerCore int
		TopologyType   string
	} `json:"CpuOptions"`
	CreditSpecification      string
	AutoReleaseTime          string
	SpotDuration             int
	SpotInterruptionBehavior string
	EnableJumboFrame         bool
	// Resources of other products it was launched with (fake.ProductResource).
	DeploymentSetID        string `json:"DeploymentSetId"`
	HpcClusterID           string `json:"HpcClusterId"`
	DedicatedHostAttribute struct {
		DedicatedHostID string `json:"DedicatedHostId"`
	}
}

// An ipList is a list of addresses as ECS nests them: {"IpAddress": [...]}.
type ipList struct {
	IPAddress []string `json:"IpAddress"`
}

// An instanceENIJSON is one of an instance's ENIs in its NetworkInterfaces.
type instanceENIJSON struct {
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	Type               string
	MacAddress         string
	PrimaryIPAddress   string `json:"PrimaryIpAddress,omitempty"`
}

// newInstanceJSON returns d with its tags, as DescribeInstances answers it.
func newInstanceJSON(d fake.InstanceDetail, tags ecsTags) instanceJSON {
	out := instanceJSON{InstanceID: d.ID, InstanceName: d.Name, Description: d.Description,
		HostName: cmp.Or(d.HostName, d.ID), KeyPairName: d.KeyPairName,
		ImageID: d.Image, InstanceType: d.Type, RegionID: string(d.Region), ZoneID: d.Zone, Status: d.Status,
		InstanceNetworkType: "vpc", InstanceChargeType: "PostPaid", InternetChargeType: "PayByTraffic",
		InternetMaxBandwidthOut: d.BandwidthOut, SpotStrategy: "NoSpot", StoppedMode: map[bool]string{true: "KeepCharging", false: "Not-applicable"}[d.Status == "Stopped"],
		CreationTime: cloudTime(d.Created), StartTime: cloudTime(d.Created), ExpiredTime: "2099-12-31T15:59Z",
		OSType: "linux", CPU: 2, Memory: 8192, Tags: tags}
	out.NetworkInterfaces.NetworkInterface = []instanceENIJSON{}
	for i, n := range d.ENIs {
		nic := instanceENIJSON{NetworkInterfaceID: string(n), Type: "Secondary", MacAddress: macOf(n)}
		if i == 0 {
			nic.Type = "Primary"
			if d.PrimaryIP.IsValid() {
				nic.PrimaryIPAddress = d.PrimaryIP.String()
			}
		}
		out.NetworkInterfaces.NetworkInterface = append(out.NetworkInterfaces.NetworkInterface, nic)
	}
	out.VpcAttributes.VpcID, out.VpcAttributes.VSwitchID = d.VPC, d.VSwitch
	out.VpcAttributes.PrivateIPAddress.IPAddress = []string{}
	if d.PrimaryIP.IsValid() {
		out.VpcAttributes.PrivateIPAddress.IPAddress = []string{d.PrimaryIP.String()}
	}
	out.SecurityGroupIDs.SecurityGroupID = append([]string{}, d.SecurityGroups...)
	out.PublicIPAddress.IPAddress, out.InnerIPAddress.IPAddress = []string{}, []string{}
	// What RunInstances kept (keptOptions), or the cloud's defaults.
	o := d.Options
	out.MetadataOptions.HTTPEndpoint = cmp.Or(o["HttpEndpoint"], "enabled")
	out.MetadataOptions.HTTPTokens = cmp.Or(o["HttpTokens"], "optional")
	out.MetadataOptions.HTTPPutResponseHopLimit = optionInt(o, "HttpPutResponseHopLimit", 1)
	out.CPUOptions.CoreCount = optionInt(o, "CpuOptions.Core", 1)
	out.CPUOptions.ThreadsPerCore = optionInt(o, "CpuOptions.ThreadsPerCore", 2)
	out.CPUOptions.TopologyType = o["CpuOptions.TopologyType"]
	out.ImageOptions.LoginAsNonRoot = o["ImageOptions.LoginAsNonRoot"] == "true"
	out.DeletionProtection = d.DeletionProtected()
	out.ResourceGroupID = o["ResourceGroupId"]
	out.CreditSpecification = o["CreditSpecification"]
	out.AutoReleaseTime = o["AutoReleaseTime"]
	out.SpotDuration = optionInt(o, "SpotDuration", 0)
	out.SpotInterruptionBehavior = cmp.Or(o["SpotInterruptionBehavior"], "Terminate")
	out.EnableJumboFrame = o["NetworkOptions.EnableJumboFrame"] == "true"
	out.DeploymentSetID, out.HpcClusterID = o["DeploymentSetId"], o["HpcClusterId"]
	out.DedicatedHostAttribute.DedicatedHostID = o["DedicatedHostId"]
	return out
}

// describeInstancesAnswer is DescribeInstances' answer.
type describeInstancesAnswer struct {
	pageHead
	Instances struct{ Instance []instanceJSON }
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
	if len(ids) == 0 && p.str("InstanceIds") == "" { // no IDs: every instance of the region
		if ids, err = s.b.InstanceIDs(ctx, r); err != nil {
			return nil, err
		}
	}
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	list := []instanceJSON{}
	for _, id := range ids {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if backend.Code(err) == "InvalidInstanceId.NotFound" {
			continue // DescribeInstances leaves unknown IDs out
		}
		if err != nil {
			return nil, err
		}
		if tagged(id) && matches(p, "InstanceName", d.Name) && matches(p, "VpcId", d.VPC) &&
			matches(p, "VSwitchId", d.VSwitch) && matches(p, "ZoneId", d.Zone) && matches(p, "Status", d.Status) &&
			matches(p, "RamRoleName", d.RAMRoleName) && matches(p, "ImageId", d.Image) && inGroup(p, d.Options["ResourceGroupId"]) {
			list = append(list, newInstanceJSON(d, s.ecsTagsOf(id)))
		}
	}
	page, head, err := pageOf(p, list)
	if err != nil {
		return nil, err
	}
	out := describeInstancesAnswer{pageHead: head}
	out.Instances.Instance = page
	return out, nil
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
		InstanceSettings: fake.InstanceSettings{HostName: p.str("HostName"), UserData: p.str("UserData"),
			KeyPairName: p.str("KeyPairName"), RAMRoleName: p.str("RamRoleName")},
	}
	// Password is write-only, as in the cloud: taken, never answered, kept nowhere.
	if err := checkPassword(p); err != nil {
		return nil, err
	}
	// PasswordInherit takes the password the image presets instead: write-only too,
	// and not with a Password of its own (ECS API reference, RunInstances).
	switch inherit := p.str("PasswordInherit"); {
	case inherit != "" && inherit != "true" && inherit != "false":
		return nil, p.badParam("PasswordInherit", "true or false")
	case inherit == "true" && p.str("Password") != "":
		return nil, backend.NewError(string(p.op), "InvalidParameter.Conflict",
			"Password and PasswordInherit=true are mutually exclusive: the instance takes the image's password.")
	}
	if in.Options, err = p.terms(keptOptions); err != nil {
		return nil, err
	}
	in.LaunchTemplate = fake.LaunchTemplateRef{ID: p.str("LaunchTemplateId"), Name: p.str("LaunchTemplateName")}
	if in.LaunchTemplate.Version, err = p.integer("LaunchTemplateVersion"); err != nil {
		return nil, err
	}
	if in.PrivateIP, err = p.addr("PrivateIpAddress"); err != nil {
		return nil, err
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
	if in.IPv6, in.IPv6Count, err = ipv6Params(p, ""); err != nil {
		return nil, err
	}
	primary, err := launchInterfaces(p, &in)
	if err != nil {
		return nil, err
	}
	id, err := s.b.RunInstance(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "instance", id, tags); err != nil {
		return nil, err
	}
	if len(primary) > 0 {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if err != nil {
			return nil, err
		}
		if err := s.b.SetENIOptions(ctx, r, d.ENIs[0], primary); err != nil {
			return nil, err
		}
	}
	out := runInstancesAnswer{RequestID: newRequestID()}
	out.InstanceIDSets.InstanceIDSet = []string{id}
	return out, nil
}

// runInstancesAnswer is RunInstances' answer.
type runInstancesAnswer struct {
	RequestID      string `json:"RequestId"`
	InstanceIDSets struct {
		InstanceIDSet []string `json:"InstanceIdSet"`
	} `json:"InstanceIdSets"`
}

// stopInstance answers StopInstance. ForceStop and ConfirmStop change nothing here (no
// operating system runs); StoppedMode must be KeepCharging or Not-applicable (the
// provider sends back the mode DescribeInstances reported), which DescribeInstances
// then reports as KeepCharging.
func (s *Server) stopInstance(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, stopInstanceParams); err != nil {
		return nil, err
	}
	if m := p.str("StoppedMode"); m != "" && m != "KeepCharging" && m != "Not-applicable" {
		return nil, p.badParam("StoppedMode", "eipassoc serve keeps stopped instances charging (KeepCharging) only")
	}
	if p.str("DryRun") == "true" {
		return nil, p.badParam("DryRun", "eipassoc serve does not answer dry runs")
	}
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	if err := s.b.StopInstance(ctx, r, id); err != nil {
		return nil, err
	}
	return ok()
}

// startInstance answers StartInstance.
func (s *Server) startInstance(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, startInstanceParams); err != nil {
		return nil, err
	}
	if p.str("DryRun") == "true" || p.str("InitLocalDisk") == "true" {
		return nil, p.badParam("DryRun", "eipassoc serve does not answer dry runs or initialise local disks")
	}
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	if err := s.b.StartInstance(ctx, r, id); err != nil {
		return nil, err
	}
	return ok()
}

// deleteInstance answers DeleteInstance. Without Force=true, only a stopped instance
// may go (IncorrectInstanceStatus otherwise, as in the cloud); with it, a running one
// too.
func (s *Server) deleteInstance(ctx context.Context, p *params) (any, error) {
	r, id, err := s.instanceAndRegion(p)
	if err != nil {
		return nil, err
	}
	if p.str("Force") != "true" {
		if d, err := s.b.DescribeInstanceDetail(ctx, r, id); err == nil && d.Status != "Stopped" {
			return nil, backend.NewError(string(p.op), "IncorrectInstanceStatus",
				"The current status of the instance does not support this operation: stop it, or delete it with Force=true.")
		}
	}
	if err := s.b.DeleteInstance(ctx, r, id); err != nil {
		return nil, err
	}
	return ok()
}

// instanceAndRegion reads InstanceId and the instance's region, for the actions that
// take no RegionId (DeleteInstance, ModifyInstanceAttribute: the official SDK sends
// none, the provider's older SDK one): without it, the instance's own region.
func (s *Server) instanceAndRegion(p *params) (regions.ID, string, error) {
	id, err := p.required("InstanceId")
	if err != nil {
		return "", "", err
	}
	if p.str("RegionId") != "" {
		r, err := region(p)
		return r, id, err
	}
	r, found := s.b.InstanceRegion(id)
	if !found {
		return "", "", backend.NewError(string(p.op), "InvalidInstanceId.NotFound", "")
	}
	return r, id, nil
}

// instanceDetail reads the instance an instance-level describe names: the cloud's
// InvalidInstanceId.NotFound when the account has none.
func (s *Server) instanceDetail(ctx context.Context, p *params) (fake.InstanceDetail, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return fake.InstanceDetail{}, err
	}
	return s.b.DescribeInstanceDetail(ctx, r, id)
}

func (s *Server) describeUserData(ctx context.Context, p *params) (any, error) {
	d, err := s.instanceDetail(ctx, p)
	if err != nil {
		return nil, err
	}
	return userDataAnswer{RequestID: newRequestID(), InstanceID: d.ID, RegionID: string(d.Region),
		UserData: d.UserData}, nil
}

// userDataAnswer is DescribeUserData's answer: the user data RunInstances took, Base64.
type userDataAnswer struct {
	RequestID  string `json:"RequestId"`
	InstanceID string `json:"InstanceId"`
	RegionID   string `json:"RegionId"`
	UserData   string
}

// describeInstanceRamRole answers the RAM role of each instance of InstanceIds (a JSON
// array, as the provider sends it) that has one, as RunInstances took it.
func (s *Server) describeInstanceRamRole(ctx context.Context, p *params) (any, error) {
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
	out := ramRolesAnswer{RequestID: newRequestID(), RegionID: string(r)}
	out.InstanceRAMRoleSets.InstanceRAMRoleSet = []instanceRAMRole{}
	for _, id := range ids {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if backend.Code(err) == "InvalidInstanceId.NotFound" {
			continue
		}
		if err != nil {
			return nil, err
		}
		if d.RAMRoleName != "" {
			out.InstanceRAMRoleSets.InstanceRAMRoleSet = append(out.InstanceRAMRoleSets.InstanceRAMRoleSet,
				instanceRAMRole{InstanceID: id, RAMRoleName: d.RAMRoleName})
		}
	}
	out.TotalCount = len(out.InstanceRAMRoleSets.InstanceRAMRoleSet)
	return out, nil
}

// ramRolesAnswer is DescribeInstanceRamRole's answer.
type ramRolesAnswer struct {
	RequestID           string `json:"RequestId"`
	RegionID            string `json:"RegionId"`
	TotalCount          int
	InstanceRAMRoleSets struct {
		InstanceRAMRoleSet []instanceRAMRole `json:"InstanceRamRoleSet"`
	} `json:"InstanceRamRoleSets"`
}

// instanceRAMRole is one instance's RAM role.
type instanceRAMRole struct {
	InstanceID  string `json:"InstanceId"`
	RAMRoleName string `json:"RamRoleName"`
}

func (s *Server) describeInstanceAttribute(ctx context.Context, p *params) (any, error) {
	d, err := s.instanceDetail(ctx, p)
	if err != nil {
		return nil, err
	}
	out := newInstanceJSON(d, s.ecsTagsOf(d.ID))
	out.RequestID = newRequestID()
	return out, nil
}

// keptOptions are the RunInstances parameters kept and given back as sent
// (InstanceSettings.Options), with the values the ECS API reference allows (nil: any).
var keptOptions = map[string][]string{
	"DeletionProtection":               {"true", "false"},
	"AutoReleaseTime":                  nil,
	"CreditSpecification":              {"Standard", "Unlimited"},
	"HttpEndpoint":                     {"enabled", "disabled"},
	"HttpTokens":                       {"optional", "required"},
	"HttpPutResponseHopLimit":          nil,
	"ImageOptions.LoginAsNonRoot":      {"true", "false"},
	"SpotDuration":                     {"0", "1", "2", "3", "4", "5", "6"},
	"SpotInterruptionBehavior":         {"Terminate", "Stop"},
	"NetworkOptions.EnableJumboFrame":  {"true", "false"},
	"CpuOptions.Core":                  nil,
	"CpuOptions.ThreadsPerCore":        {"1", "2"},
	"CpuOptions.TopologyType":          {"ContinuousCoreToHTMapping", "DiscreteCoreToHTMapping"},
	"SystemDisk.BurstingEnabled":       {"true", "false"},
	"SystemDisk.EncryptAlgorithm":      {"aes-256", "sm4-128"},
	"SystemDisk.ProvisionedIops":       nil,
	"ResourceGroupId":                  nil,
	"PrivatePoolOptions.MatchCriteria": {"Open", "Target", "None"},
	// Resources of other products, which must exist (fake.ProductResource).
	"DedicatedHostId":       nil,
	"DeploymentSetId":       nil,
	"HpcClusterId":          nil,
	"PrivatePoolOptions.Id": nil,
}

// optionInt returns an integer option, or def when it is not set.
func optionInt(o map[string]string, name string, def int) int {
	if n, err := strconv.Atoi(o[name]); err == nil {
		return n
	}
	return def
}

// modifyMetadataOptions answers ModifyInstanceMetadataOptions: HttpEndpoint, HttpTokens
// and HttpPutResponseHopLimit, kept with what RunInstances kept (keptOptions).
func (s *Server) modifyMetadataOptions(ctx context.Context, p *params) (any, error) {
	r, id, err := s.instanceAndRegion(p)
	if err != nil {
		return nil, err
	}
	options, err := p.terms(keptOptions, "HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit")
	if err != nil {
		return nil, err
	}
	if err := s.b.ModifyInstance(ctx, fake.ModifyInstanceInput{Region: r, Instance: id, Options: options}); err != nil {
		return nil, err
	}
	return ok()
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: backend.OpDescribeInstance, Handler: func(s *Server) handler { return s.describeInstances },
		Params: modelledParams("RegionId", "InstanceId", "InstanceIds", `^AdditionalAttributes\.[^.]+$`, tagParams,
			"InstanceName", "VpcId", "VSwitchId", "ZoneId", "Status", "RamRoleName", "ImageId", "ResourceGroupId",
			"PageNumber", "PageSize")},
	route{API: backend.ECS, Op: fake.OpStopInstance, Handler: func(s *Server) handler { return s.stopInstance },
		Params: stopInstanceParams},
	route{API: backend.ECS, Op: fake.OpStartInstance, Handler: func(s *Server) handler { return s.startInstance },
		Params: startInstanceParams},
	route{API: backend.ECS, Op: fake.OpRunInstances, Handler: func(s *Server) handler { return s.runInstances },
		Params: runInstancesParams},
	route{API: backend.ECS, Op: fake.OpDeleteInstance, Handler: func(s *Server) handler { return s.deleteInstance },
		Params: modelledParams("RegionId", "InstanceId", "Force")},
	route{API: backend.ECS, Op: OpDescribeUserData, Handler: func(s *Server) handler { return s.describeUserData },
		Params: modelledParams("RegionId", "InstanceId")},
	route{API: backend.ECS, Op: OpDescribeInstanceRAMRole, Handler: func(s *Server) handler { return s.describeInstanceRamRole },
		Params: modelledParams("RegionId", "InstanceIds")},
	route{API: backend.ECS, Op: OpDescribeInstanceAttribute, Handler: func(s *Server) handler { return s.describeInstanceAttribute },
		Params: modelledParams("RegionId", "InstanceId")},
	route{API: backend.ECS, Op: OpModifyMetadataOptions, Handler: func(s *Server) handler { return s.modifyMetadataOptions },
		Params: modelledParams("RegionId", "InstanceId", "HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit")},
)
