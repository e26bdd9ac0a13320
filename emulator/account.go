package emulator

import (
	"context"
	"net/netip"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// An Account is what the emulator needs of the account it serves: the operations of
// backend.Backend, the ones the alicloud provider calls beyond them (networks,
// security groups, instances, disks, tags), the catalog its data sources read, fault
// injection at the start of every action, and snapshots for the reset endpoint.
// [*fake.Backend] is one; the types in the signatures are the fake's.
type Account interface {
	backend.Backend

	// Enter applies an injected fault for op before the action is answered (see
	// fake.Backend.Enter); InjectFault, ClearFault, ClearFaults and Faults manage the
	// faults, for the faults endpoint.
	Enter(ctx context.Context, op backend.Op) (context.Context, error)
	InjectFault(op backend.Op, f fake.Fault) error
	ClearFault(op backend.Op)
	ClearFaults()
	Faults() []fake.FaultStatus

	Encrypt(ctx context.Context, r regions.ID, key, plaintext string, context map[string]string) (string, error)
	Decrypt(ctx context.Context, r regions.ID, blob string, context map[string]string) (key, plaintext string, err error)
	SetHDMonitor(ctx context.Context, region regions.ID, id eip.ID, status, project, store *string) error
	HDMonitorOf(ctx context.Context, region regions.ID, id eip.ID) (fake.HDMonitor, error)
	ChangeENIAddresses(ctx context.Context, op backend.Op, c fake.ENIAddressChange) (fake.ENIAddresses, error)
	CreateVPC(ctx context.Context, in fake.CreateVPCInput) (fake.VPC, error)
	DescribeVPC(ctx context.Context, region regions.ID, id string) (fake.VPC, error)
	VPCs(ctx context.Context, region regions.ID) ([]fake.VPC, error)
	DeleteVPC(ctx context.Context, region regions.ID, id string) error
	CreateVSwitch(ctx context.Context, in fake.CreateVSwitchInput) (fake.VSwitch, error)
	DescribeVSwitch(ctx context.Context, region regions.ID, id string) (fake.VSwitch, error)
	VSwitches(ctx context.Context, region regions.ID) ([]fake.VSwitch, error)
	DeleteVSwitch(ctx context.Context, region regions.ID, id string) error
	CreateRouteEntry(ctx context.Context, in fake.RouteEntryInput) error
	CreateRouteTable(ctx context.Context, in fake.CreateRouteTableInput) (fake.RouteTable, error)
	AssociateRouteTable(ctx context.Context, in fake.RouteTableAssociation) error
	UnassociateRouteTable(ctx context.Context, in fake.RouteTableAssociation) error
	ModifyRouteTable(ctx context.Context, region regions.ID, table string, name, description *string) error
	DeleteRouteTable(ctx context.Context, region regions.ID, table string) error
	CreateHaVip(ctx context.Context, in fake.CreateHaVipInput) (fake.HaVip, error)
	HaVips(ctx context.Context, region regions.ID) ([]fake.HaVip, error)
	AssociateHaVip(ctx context.Context, in fake.HaVipAssociation) error
	UnassociateHaVip(ctx context.Context, in fake.HaVipAssociation) error
	ModifyHaVip(ctx context.Context, region regions.ID, id string, name, description *string) error
	DeleteHaVip(ctx context.Context, region regions.ID, id string) error
	DeleteRouteEntry(ctx context.Context, in fake.RouteEntryInput) error
	CreateSecurityGroup(ctx context.Context, in fake.CreateSecurityGroupInput) (fake.SecurityGroup, error)
	DescribeSecurityGroup(ctx context.Context, region regions.ID, id string) (fake.SecurityGroup, error)
	DeleteSecurityGroup(ctx context.Context, region regions.ID, id string) error
	AuthorizeSecurityGroupRules(ctx context.Context, in fake.SecurityGroupRulesInput) error
	RevokeSecurityGroupRules(ctx context.Context, in fake.SecurityGroupRulesInput) error
	ModifySecurityGroupRules(ctx context.Context, in fake.SecurityGroupRulesInput) error
	Modify(ctx context.Context, op backend.Op, in fake.ModifyInput) error
	ModifyEIPAttribute(ctx context.Context, in fake.ModifyEIPAttributeInput) error
	ModifyEIPForwardMode(ctx context.Context, in fake.ModifyEIPForwardModeInput) error

	RunInstance(ctx context.Context, in fake.RunInstanceInput) (string, error)
	DescribeInstanceDetail(ctx context.Context, region regions.ID, id string) (fake.InstanceDetail, error)
	InstanceRegion(id string) (regions.ID, bool)
	ModifyInstance(ctx context.Context, in fake.ModifyInstanceInput) error
	ModifyMaintenance(ctx context.Context, in fake.ModifyMaintenanceInput) error
	AssociateVPCCIDR(ctx context.Context, region regions.ID, vpc string, block netip.Prefix) error
	UnassociateVPCCIDR(ctx context.Context, region regions.ID, vpc string, block netip.Prefix) error
	SecurityGroups(ctx context.Context, region regions.ID) ([]fake.SecurityGroup, error)
	InstanceIDs(ctx context.Context, region regions.ID) ([]string, error)
	SetInnerAccessPolicy(ctx context.Context, region regions.ID, id, policy string) error
	SetEIPDeletionProtection(ctx context.Context, region regions.ID, id eip.ID, on bool) error
	SetENIOptions(ctx context.Context, region regions.ID, id eni.ID, options map[string]string) error
	ENIOptions(id eni.ID) map[string]string
	// RAM
	CreateRole(ctx context.Context, in fake.CreateRoleInput) (fake.RAMRole, error)
	Role(ctx context.Context, name string) (fake.RAMRole, error)
	UpdateRole(ctx context.Context, in fake.UpdateRoleInput) error
	DeleteRole(ctx context.Context, name string) error
	CreatePolicy(ctx context.Context, in fake.CreatePolicyInput) (fake.RAMPolicy, error)
	Policy(ctx context.Context, name string) (fake.RAMPolicy, error)
	PolicyRoles(ctx context.Context, name string) ([]string, error)
	UpdatePolicyDescription(ctx context.Context, name, description string) error
	CreatePolicyVersion(ctx context.Context, in fake.CreatePolicyVersionInput) (fake.RAMPolicyVersion, error)
	DeletePolicyVersion(ctx context.Context, name, version string) error
	DeletePolicy(ctx context.Context, name string, cascade bool) error
	AttachPolicyToRole(ctx context.Context, policy, role string) error
	DetachPolicyFromRole(ctx context.Context, policy, role string) error
	TagRAM(ctx context.Context, in fake.RAMTagInput, untag bool) error
	ModifyNetworkSpec(ctx context.Context, region regions.ID, instance string, bandwidthOut int) error
	DeleteInstance(ctx context.Context, region regions.ID, id string) error
	StopInstance(ctx context.Context, region regions.ID, id string) error
	CreateKeyPair(ctx context.Context, region regions.ID, name, resourceGroup string) (fake.KeyPair, string, error)
	ImportKeyPair(ctx context.Context, region regions.ID, name, resourceGroup, publicKey string) (fake.KeyPair, error)
	KeyPairs(ctx context.Context, region regions.ID, name string) ([]fake.KeyPair, error)
	DeleteKeyPairs(ctx context.Context, region regions.ID, names []string) error
	StartInstance(ctx context.Context, region regions.ID, id string) error
	Disks(region regions.ID, instance string) []fake.Disk
	ModifyDisk(ctx context.Context, in fake.ModifyDiskInput) error

	TagResources(ctx context.Context, in fake.TagInput) error
	UntagResources(ctx context.Context, in fake.TagInput) error
	ListTagResources(ctx context.Context, in fake.TagInput) ([]fake.TaggedResource, error)
	Tags(id string) []backend.Tag

	// Catalog is what the account offers: zones, instance types, images.
	Catalog() fake.Catalog
	// Topology, Snapshot and Restore save and reset the account.
	Topology() fake.Topology
	Snapshot() fake.Snapshot
	Restore(s fake.Snapshot)
}

var _ Account = (*fake.Backend)(nil)
