package fake

import (
	"context"
	"encoding/base64"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpRunInstances      backend.Op = "RunInstances"
	OpDeleteInstance    backend.Op = "DeleteInstance"
	OpModifyInstance    backend.Op = "ModifyInstanceAttribute"
	OpModifyMaintenance backend.Op = "ModifyInstanceMaintenanceAttributes"
	OpStopInstance      backend.Op = "StopInstance"
	OpStartInstance     backend.Op = "StartInstance"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpRunInstances, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpDeleteInstance, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifyInstance, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifyMaintenance, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpStopInstance, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpStartInstance, Mutates: true},
)

// An InstanceDetail is an instance with the attributes the API reports beside what the
// rules read.
type InstanceDetail struct {
	ecs.Instance
	InstanceSettings
	Name           string
	Description    string
	Image          string
	VSwitch        string
	SecurityGroups []string
	PrimaryIP      netip.Addr
	Created        time.Time
	BandwidthOut   int // public bandwidth, Mbit/s
}

// InstanceSettings are what an instance keeps and reports without the rules reading
// them: RunInstances takes them, DescribeInstances (HostName, KeyPairName),
// DescribeUserData and DescribeInstanceRamRole give them back. RunInstances takes only
// a key pair of the region (KeyPairs); the RAM role is kept as given, not checked
// against the account's RAM roles.
type InstanceSettings struct {
	// HostName is the OS host name; empty reports the instance ID.
	HostName string `json:"host_name,omitempty"`
	// UserData is the instance's user data, Base64 as RunInstances takes it (at most
	// 32 KiB decoded).
	UserData    string `json:"user_data,omitempty"`
	KeyPairName string `json:"key_pair_name,omitempty"`
	RAMRoleName string `json:"ram_role_name,omitempty"`
	// Maintenance is what the instance does on a maintenance event, and when.
	Maintenance Maintenance `json:"maintenance,omitzero"`
	// Options are RunInstances parameters kept and given back as they were sent
	// (metadata and CPU options, credit specification, resource group...), by
	// parameter name. DeletionProtection "true" keeps the instance from DeleteInstance.
	Options map[string]string `json:"options,omitempty"`
}

// DeletionProtected says whether deletion protection is on.
func (s InstanceSettings) DeletionProtected() bool { return s.Options["DeletionProtection"] == "true" }

// Maintenance is what an instance does on a maintenance event and when
// (ModifyInstanceMaintenanceAttributes). The zero value is the cloud's default:
// AutoRecover, no notice, no window.
type Maintenance struct {
	// Action is Stop, AutoRecover or AutoRedeploy; empty is AutoRecover.
	Action  string              `json:"action,omitempty"`
	Notify  bool                `json:"notify,omitempty"`
	Windows []MaintenanceWindow `json:"windows,omitempty"`
}

// MaintenanceActions are the values of Maintenance.Action (ECS API reference,
// ModifyInstanceMaintenanceAttributes, ActionOnMaintenance).
var MaintenanceActions = []string{"Stop", "AutoRecover", "AutoRedeploy"}

// A MaintenanceWindow is a daily window, its ends in UTC as HH:mm:ssZ.
type MaintenanceWindow struct {
	Start string `json:"start_time"`
	End   string `json:"end_time"`
}

// ModifyMaintenanceInput changes the maintenance attributes of instances; a nil field
// is left as it is, and Windows replaces the windows when not nil.
type ModifyMaintenanceInput struct {
	Region    regions.ID
	Instances []string
	Action    *string
	Notify    *bool
	Windows   []MaintenanceWindow
}

// ModifyMaintenance implements ModifyInstanceMaintenanceAttributes: every instance must
// exist, the action be one of MaintenanceActions and each window's ends times of day.
func (b *Backend) ModifyMaintenance(ctx context.Context, in ModifyMaintenanceInput) (err error) {
	const op = OpModifyMaintenance
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return err
	}
	if len(in.Instances) == 0 {
		return fail(op, "MissingParameter", "InstanceId.N names no instance.")
	}
	if in.Action != nil && !slices.Contains(MaintenanceActions, *in.Action) {
		return fail(op, "InvalidParameter", "ActionOnMaintenance is one of Stop, AutoRecover, AutoRedeploy.")
	}
	for _, w := range in.Windows {
		s, err1 := time.Parse("15:04:05Z", w.Start)
		e, err2 := time.Parse("15:04:05Z", w.End)
		if err1 != nil || err2 != nil || !e.After(s) {
			return fail(op, "InvalidParameter", "A maintenance window is two times of day, HH:mm:ssZ, the end after the start.")
		}
	}
	for _, id := range in.Instances {
		if inst := b.s.instances[id]; inst == nil || inst.Region != in.Region {
			return fail(op, "InvalidInstanceId.NotFound", "The instance "+id+" does not exist.")
		}
	}
	for _, id := range in.Instances {
		m := b.s.instMeta[id]
		if m == nil {
			m = &instanceMeta{}
			b.s.instMeta[id] = m
		}
		if in.Action != nil {
			m.Maintenance.Action = *in.Action
		}
		if in.Notify != nil {
			m.Maintenance.Notify = *in.Notify
		}
		if in.Windows != nil {
			m.Maintenance.Windows = slices.Clone(in.Windows)
		}
	}
	return nil
}

// maxUserData bounds decoded user data (ECS RunInstances: 32 KB).
const maxUserData = 32 << 10

// check validates the settings as RunInstances does.
func (s InstanceSettings) check(op backend.Op) error {
	if s.UserData == "" {
		return nil
	}
	raw, err := base64.StdEncoding.DecodeString(s.UserData)
	switch {
	case err != nil:
		return fail(op, "InvalidUserData.NotBase64", "The specified UserData is not encoded in Base64.")
	case len(raw) > maxUserData:
		return fail(op, "InvalidUserData.SizeExceeded", "The specified UserData exceeds 32 KB.")
	}
	return nil
}

// instanceMeta is what an instance made through the API keeps beside ecs.Instance.
type instanceMeta struct {
	InstanceSettings
	Name, Description, Image string
	SecurityGroups           []string
	Created                  time.Time
	Disks                    []Disk // the system disk first
	BandwidthOut             int    // public bandwidth, Mbit/s
}

// RunInstanceInput creates one instance in a vSwitch, with its primary ENI.
type RunInstanceInput struct {
	InstanceSettings
	Region  regions.ID
	Type    string
	VSwitch string
	// PrivateIP is the primary ENI's address; zero lets the vSwitch pick one.
	PrivateIP      netip.Addr
	SecurityGroups []string
	Image          string
	Name           string
	Description    string
	// SystemDisk and DataDisks are the instance's disks (at most 16 data disks);
	// BandwidthOut its public bandwidth (Mbit/s, 0 to 100).
	SystemDisk   DiskSpec
	DataDisks    []DiskSpec
	BandwidthOut int
	// Zone, when set, must be the vSwitch's zone.
	Zone string
	// IPv6 and IPv6Count (mutually exclusive) give the primary ENI IPv6 addresses,
	// within the type's IPv6 addresses per ENI.
	IPv6      []netip.Addr
	IPv6Count int
	// ENIs are the secondary ENIs the instance is launched with, attached in order.
	ENIs []LaunchENI
	// LaunchTemplate names a launch template whose version gives the image, type,
	// vSwitch, security groups, name and description the call leaves out.
	LaunchTemplate LaunchTemplateRef
}

// A LaunchENI is a secondary ENI of RunInstances (NetworkInterface.N): an existing
// ENI, by ID, or a new one in a vSwitch, which goes with the instance when it is
// deleted (the API's DeleteOnRelease default).
type LaunchENI struct {
	ID             eni.ID
	VSwitch        string
	SecurityGroups []string
	// Options are what a new ENI keeps (SetENIOptions), as sent.
	Options map[string]string
}

// RunInstance implements RunInstances for one instance: the type must have known ENI
// limits, the vSwitch must exist in the region, and the instance starts Running.
func (b *Backend) RunInstance(ctx context.Context, in RunInstanceInput) (id string, err error) {
	const op = OpRunInstances
	if err := begin(ctx, b, op, in); err != nil {
		return "", err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := b.applyTemplate(op, &in); err != nil {
		return "", err
	}
	switch {
	case in.Image == "":
		return "", fail(
			op,
			"MissingParameter",
			"The input parameter ImageId that is mandatory for processing this request is not supplied.",
		)
	case in.Type == "":
		return "", fail(
			op,
			"MissingParameter",
			"The input parameter InstanceType that is mandatory for processing this request is not supplied.",
		)
	}
	vsw, err := b.lookupVSwitch(op, in.Region, in.VSwitch)
	if err != nil {
		return "", err
	}
	if _, ok := b.limits(in.Type); !ok {
		return "", fail(
			op,
			"InvalidInstanceType.NotFound",
			"The instance type "+in.Type+" is not known to this account.",
		)
	}
	if in.Zone != "" && in.Zone != vsw.Zone {
		return "", fail(
			op,
			"InvalidVSwitchId.NotFound",
			"The vSwitch "+vsw.ID+" is in zone "+vsw.Zone+", not "+in.Zone+".",
		)
	}
	if len(in.DataDisks) > 16 {
		return "", fail(op, "InvalidDataDiskSize.ValueNotSupported", "An instance takes at most 16 data disks.")
	}
	if err := in.InstanceSettings.check(op); err != nil {
		return "", err
	}
	if n := in.KeyPairName; n != "" && b.s.keyPairs[keyPairKey(vsw.Region, n)] == nil {
		return "", fail(op, "InvalidKeyPair.NotFound", "The key pair "+n+" does not exist in "+string(vsw.Region)+".")
	}
	if in.BandwidthOut < 0 || in.BandwidthOut > 100 {
		return "", fail(op, "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut is 0 to 100.")
	}
	if err := checkDisk(op, "system", in.SystemDisk); err != nil {
		return "", err
	}
	for _, d := range in.DataDisks {
		if err := checkDisk(op, "data", d); err != nil {
			return "", err
		}
	}
	if err := b.checkReferences(op, in, vsw.Region); err != nil {
		return "", err
	}
	id = b.newID("i")
	primary := eni.ID(b.newID("eni"))
	r, err := b.createENI(
		backend.OpCreateENI,
		backend.CreateENIInput{
			Region:         vsw.Region,
			VSwitch:        vsw.ID,
			Kind:           eni.Primary,
			SecurityGroups: in.SecurityGroups,
			PrimaryIP:      in.PrivateIP,
			IPv6:           in.IPv6,
			IPv6Count:      in.IPv6Count,
		},
		primary,
	)
	if err != nil {
		return "", err
	}
	if t, ok := b.catalog.instanceType(in.Type); ok && len(r.iface.IPv6) > t.IPv6PerENI {
		b.removeENI(primary)
		return "", fail(op, "InvalidOperation.Ipv6CountExceeded", "An ENI of "+in.Type+" holds at most "+
			strconv.Itoa(t.IPv6PerENI)+" IPv6 addresses.")
	}
	r.iface.Status, r.iface.Instance = eni.InUse, id
	b.s.instances[id] = &ecs.Instance{
		ID:     id,
		Type:   in.Type,
		Region: vsw.Region,
		Zone:   vsw.Zone,
		VPC:    vsw.VPC,
		Status: "Running",
		ENIs:   []eni.ID{primary},
	}
	m := &instanceMeta{
		InstanceSettings: in.InstanceSettings,
		Name:             in.Name,
		Description:      in.Description,
		Image:            in.Image,
		SecurityGroups:   slices.Clone(in.SecurityGroups),
		Created:          b.clock().UTC(),
		BandwidthOut:     in.BandwidthOut,
		Disks:            []Disk{newDisk(id, 0, "system", in.SystemDisk)},
	}
	m.Options = maps.Clone(in.Options)
	for i, d := range in.DataDisks {
		m.Disks = append(m.Disks, newDisk(id, i+1, "data", d))
	}
	b.s.instMeta[id] = m
	if err := b.launchENIs(op, id, in.ENIs); err != nil {
		b.unlaunch(id)
		return "", err
	}
	return id, nil
}

// launchENIs creates or takes the secondary ENIs of a new instance and attaches them at
// once, with the checks of AttachNetworkInterface.
func (b *Backend) launchENIs(op backend.Op, instance string, list []LaunchENI) error {
	inst := b.s.instances[instance]
	for _, l := range list {
		var r *eniRec
		if l.ID != "" {
			if r = b.s.enis[l.ID]; r == nil || r.iface.Region != inst.Region {
				return fail(op, "InvalidEniId.NotFound", "ENI "+string(l.ID)+" does not exist in "+string(inst.Region)+".")
			}
		} else {
			var err error
			in := backend.CreateENIInput{Region: inst.Region, VSwitch: l.VSwitch, SecurityGroups: l.SecurityGroups,
				Kind: eni.Secondary}
			if r, err = b.createENI(op, in, ""); err != nil {
				return err
			}
			r.launched, r.options = true, maps.Clone(l.Options)
		}
		if err := b.checkAttach(op, r, inst); err != nil {
			if r.launched {
				b.removeENI(r.iface.ID)
			}
			return err
		}
		r.iface.Status, r.iface.Instance = eni.InUse, instance
		inst.ENIs = append(inst.ENIs, r.iface.ID)
	}
	return nil
}

// unlaunch takes back an instance whose launch failed: its primary ENI and the ENIs
// made for it go, the ENIs it took are available again.
func (b *Backend) unlaunch(id string) {
	for i, nid := range b.s.instances[id].ENIs {
		r := b.s.enis[nid]
		if i == 0 || r.launched {
			b.removeENI(nid)
			continue
		}
		r.iface.Status, r.iface.Instance = eni.Available, ""
	}
	delete(b.s.instances, id)
	delete(b.s.instMeta, id)
}

// DeleteInstance implements DeleteInstance with Force: secondary ENIs are detached and
// the primary ENI and the ENIs made at launch go with the instance. EIPs still on the primary ENI are refused
// (DependencyViolation), so that an association is never dropped silently.
func (b *Backend) DeleteInstance(ctx context.Context, region regions.ID, id string) (err error) {
	const op = OpDeleteInstance
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	if err := checkRegion(op, region); err != nil {
		return err
	}
	in := b.s.instances[id]
	if in == nil || in.Region != region {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	if m := b.s.instMeta[id]; m != nil && m.DeletionProtected() {
		return fail(op, "InvalidOperation.DeletionProtection",
			"The instance has deletion protection; turn it off (ModifyInstanceAttribute DeletionProtection=false) first.")
	}
	if h, ok := b.haVipHolding(id); ok {
		return fail(op, "DependencyViolation", "The instance holds HaVip "+h+"; unassociate it first.")
	}
	if route, ok := b.routeThrough(id); ok {
		return fail(op, "DependencyViolation", "The instance is the next hop of the route to "+
			route.Destination.String()+"; delete the route first.")
	}
	for i, nid := range in.ENIs {
		if r := b.s.enis[nid]; r != nil && (i == 0 || r.launched) && len(r.bound) > 0 {
			return fail(
				op,
				"DependencyViolation",
				"EIP "+string(r.bound[0])+" is associated with ENI "+string(nid)+", which goes with the instance.",
			)
		}
	}
	for _, nid := range in.ENIs { // the members of its trunk ENI are detached first
		for _, m := range b.membersOf(nid) {
			_ = b.detachMember(op, b.s.enis[m], nid)
		}
	}
	for i, nid := range in.ENIs {
		r := b.s.enis[nid]
		if r == nil {
			continue
		}
		if i == 0 || r.launched {
			b.removeENI(nid)
			continue
		}
		r.iface.Status, r.iface.Instance = eni.Available, ""
	}
	if m := b.s.instMeta[id]; m != nil {
		for _, d := range m.Disks {
			delete(b.s.tags, d.ID) // the disks go with the instance
		}
	}
	delete(b.s.instances, id)
	delete(b.s.tags, id)
	delete(b.s.instMeta, id)
	return nil
}

// DescribeInstanceDetail reports an instance with its name, image, vSwitch, security
// groups and primary address.
func (b *Backend) DescribeInstanceDetail(
	ctx context.Context,
	region regions.ID,
	id string,
) (d InstanceDetail, err error) {
	inst, err := b.DescribeInstance(ctx, backend.DescribeInstanceInput{Region: region, Instance: id})
	if err != nil {
		return InstanceDetail{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	d = InstanceDetail{Instance: inst}
	if m := b.s.instMeta[id]; m != nil {
		d.Name, d.Description, d.Image, d.Created, d.BandwidthOut = m.Name, m.Description, m.Image, m.Created, m.BandwidthOut
		d.InstanceSettings = m.InstanceSettings
		d.SecurityGroups = slices.Clone(m.SecurityGroups)
	}
	if len(inst.ENIs) > 0 {
		if p := b.s.enis[inst.ENIs[0]]; p != nil {
			d.VSwitch, d.PrimaryIP = p.iface.VSwitch, p.iface.PrimaryIP
			if len(d.SecurityGroups) == 0 {
				d.SecurityGroups = slices.Clone(p.iface.SecurityGroups)
			}
		}
	}
	return d, nil
}

// InstanceRegion returns the region of instance id, for an action that names an
// instance without a RegionId (ECS ModifyInstanceAttribute takes none). It is a
// lookup, not a call: it is not recorded and takes no fault.
func (b *Backend) InstanceRegion(id string) (regions.ID, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if in := b.s.instances[id]; in != nil {
		return in.Region, true
	}
	return "", false
}

// ModifyInstanceInput renames an instance or changes its description; a nil field is
// left as it is.
type ModifyInstanceInput struct {
	Region      regions.ID
	Instance    string
	Name        *string
	Description *string
	// HostName and UserData change the settings of that name (InstanceSettings).
	HostName *string
	UserData *string
	// DeletionProtection turns deletion protection on or off.
	DeletionProtection *bool
	// Options are merged into the kept options (InstanceSettings.Options).
	Options map[string]string
}

// ModifyInstance implements ModifyInstanceAttribute for the name, the description, the
// host name and the user data.
func (b *Backend) ModifyInstance(ctx context.Context, in ModifyInstanceInput) (err error) {
	const op = OpModifyInstance
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return err
	}
	inst := b.s.instances[in.Instance]
	if inst == nil || inst.Region != in.Region {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	if in.UserData != nil {
		if err := (InstanceSettings{UserData: *in.UserData}).check(op); err != nil {
			return err
		}
	}
	m := b.s.instMeta[in.Instance]
	if m == nil {
		m = &instanceMeta{}
		b.s.instMeta[in.Instance] = m
	}
	if in.HostName != nil {
		m.HostName = *in.HostName
	}
	if in.UserData != nil {
		m.UserData = *in.UserData
	}
	if in.Name != nil {
		m.Name = *in.Name
	}
	if in.Description != nil {
		m.Description = *in.Description
	}
	if in.DeletionProtection != nil || len(in.Options) > 0 {
		m.Options = maps.Clone(m.Options) // a snapshot may share the old map
		if m.Options == nil {
			m.Options = map[string]string{}
		}
		maps.Copy(m.Options, in.Options)
		if in.DeletionProtection != nil {
			m.Options["DeletionProtection"] = strconv.FormatBool(*in.DeletionProtection)
		}
	}
	return nil
}

// StopInstance implements ECS StopInstance: a Running instance becomes Stopped (at once:
// the fake runs no operating system to shut down). Another status is
// IncorrectInstanceStatus, as in the cloud.
func (b *Backend) StopInstance(ctx context.Context, region regions.ID, id string) (err error) {
	return b.setInstanceStatus(ctx, OpStopInstance, region, id, "Running", "Stopped")
}

// StartInstance implements ECS StartInstance: a Stopped instance becomes Running.
func (b *Backend) StartInstance(ctx context.Context, region regions.ID, id string) (err error) {
	return b.setInstanceStatus(ctx, OpStartInstance, region, id, "Stopped", "Running")
}

// setInstanceStatus moves instance id from status from to status to.
func (b *Backend) setInstanceStatus(ctx context.Context, op backend.Op, region regions.ID, id, from, to string) (err error) {
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	if err := checkRegion(op, region); err != nil {
		return err
	}
	inst := b.s.instances[id]
	switch {
	case inst == nil || inst.Region != region:
		return fail(op, "InvalidInstanceId.NotFound", "")
	case inst.Status != from:
		return fail(op, "IncorrectInstanceStatus", "The instance is "+inst.Status+", not "+from+".")
	}
	inst.Status = to
	return nil
}
