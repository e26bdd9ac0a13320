package backend

import (
	"net/netip"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// AllocateEIPInput are the parameters of AllocateEipAddress.
type AllocateEIPInput struct {
	Region regions.ID
	// ChargeType defaults to PostPaid, InternetChargeType to PayByBandwidth, and
	// Bandwidth (Mbit/s) to 5, as in the API.
	ChargeType         eip.ChargeType
	InternetChargeType eip.InternetChargeType
	Bandwidth          int
	Name               string
	Description        string
	// Settings are the line, network mode, resource group, security protection,
	// zone and subscription term (eip.Settings); empty ones take the API's defaults.
	Settings eip.Settings
	// IP asks for that address (IpAddress): one of an IP address pool of the account.
	IP netip.Addr
	// Restore takes back an EIP the account released (InstanceId): its ID and address.
	Restore eip.ID
	// ClientToken makes the call idempotent: the same token with the same parameters
	// gives the same result; with other parameters, IdempotentParameterMismatch.
	ClientToken string
}

// ReleaseEIPInput are the parameters of ReleaseEipAddress.
type ReleaseEIPInput struct {
	Region regions.ID
	EIP    eip.ID
}

// AssociateEIPInput are the parameters of AssociateEipAddress.
type AssociateEIPInput struct {
	Region regions.ID
	EIP    eip.ID
	// InstanceID is the target: an ENI ID for NetworkInterface, an instance ID for
	// EcsInstance.
	InstanceID string
	// InstanceType defaults to EcsInstance, as in the API.
	InstanceType eip.InstanceType
	// Mode is used for NetworkInterface targets; the zero Mode sends no Mode, which the
	// API reads as NAT.
	Mode modes.Mode
	// PrivateIP picks the ENI address in NAT mode; zero means the primary address.
	PrivateIP netip.Addr
	// VPC is the VPC of an IpAddress target (VpcId): InstanceID is then an address in
	// it, and the VPC needs an IPv4 gateway.
	VPC         string
	ClientToken string
}

// UnassociateEIPInput are the parameters of UnassociateEipAddress.
type UnassociateEIPInput struct {
	Region       regions.ID
	EIP          eip.ID
	InstanceID   string           // optional: the resource the EIP is expected on
	InstanceType eip.InstanceType // optional
	PrivateIP    netip.Addr       // optional
	ClientToken  string
}

// DescribeEIPsInput are the filters and paging of DescribeEipAddresses.
type DescribeEIPsInput struct {
	Region regions.ID
	// IDs selects EIPs by allocation ID (at most 50).
	IDs []eip.ID
	// Status, AssociatedInstanceID and AssociatedInstanceType filter when set.
	Status                 eip.Status
	AssociatedInstanceID   string
	AssociatedInstanceType eip.InstanceType
	// Tags filter: an EIP must carry every one (an empty Value matches any value).
	Tags []Tag
	// PageNumber starts at 1 (the default); PageSize is 1 to 100, default 10.
	PageNumber int
	PageSize   int
}

// An EIPPage is one page of DescribeEipAddresses.
type EIPPage struct {
	EIPs       []eip.Address
	TotalCount int
	PageNumber int
	PageSize   int
}

// DescribeEIPGatewayInfoInput are the parameters of DescribeEipGatewayInfo.
type DescribeEIPGatewayInfoInput struct {
	Region regions.ID
	ENI    eni.ID
}

// GatewayInfo is the gateway and mask to configure for one multi-EIP-to-ENI EIP.
type GatewayInfo struct {
	IP      netip.Addr
	Gateway netip.Addr
	Mask    netip.Addr
}

// CreateENIInput are the parameters of CreateNetworkInterface.
type CreateENIInput struct {
	Region  regions.ID
	VSwitch string
	// SecurityGroups are the ENI's security groups (at least one in the cloud; the fake
	// accepts any).
	SecurityGroups []string
	// PrimaryIP is picked from the vSwitch when zero.
	PrimaryIP netip.Addr
	// SecondaryIPs and SecondaryIPCount (at most 49) are mutually exclusive.
	SecondaryIPs     []netip.Addr
	SecondaryIPCount int
	// IPv6 and IPv6Count (1 to 10) give the ENI IPv6 addresses from its vSwitch's
	// IPv6 block; they are mutually exclusive.
	IPv6      []netip.Addr
	IPv6Count int
	// IPv4Prefixes and IPv4PrefixCount (1 to 10) give the ENI /28 prefixes of its
	// vSwitch; they are mutually exclusive.
	IPv4Prefixes    []netip.Prefix
	IPv4PrefixCount int
	// Kind is Secondary (the default) or Trunk.
	Kind        eni.Kind
	Name        string
	Description string
	ClientToken string
}

// DeleteENIInput are the parameters of DeleteNetworkInterface.
type DeleteENIInput struct {
	Region regions.ID
	ENI    eni.ID
}

// AttachENIInput are the parameters of AttachNetworkInterface.
type AttachENIInput struct {
	Region   regions.ID
	ENI      eni.ID
	Instance string
	// Trunk, when set, attaches the ENI as a member of that trunk ENI of the instance
	// (TrunkNetworkInstanceId).
	Trunk eni.ID
}

// DetachENIInput are the parameters of DetachNetworkInterface.
type DetachENIInput struct {
	Region   regions.ID
	ENI      eni.ID
	Instance string
	// Trunk is the trunk ENI a member ENI is detached from (TrunkNetworkInstanceId).
	Trunk eni.ID
}

// AssignPrivateIPsInput are the parameters of AssignPrivateIpAddresses: either IPs or
// Count.
type AssignPrivateIPsInput struct {
	Region      regions.ID
	ENI         eni.ID
	IPs         []netip.Addr
	Count       int
	ClientToken string
}

// UnassignPrivateIPsInput are the parameters of UnassignPrivateIpAddresses.
type UnassignPrivateIPsInput struct {
	Region regions.ID
	ENI    eni.ID
	IPs    []netip.Addr
}

// DescribeENIsInput are the filters and paging of DescribeNetworkInterfaces.
type DescribeENIsInput struct {
	Region regions.ID
	// IDs selects ENIs by ID (at most 100).
	IDs      []eni.ID
	Instance string
	VPC      string
	VSwitch  string
	Kind     eni.Kind
	Status   eni.Status
	// Tags filter: an ENI must carry every one (an empty Value matches any value).
	Tags []Tag
	// MaxResults is 10 to 500 (default 10); NextToken continues a listing.
	MaxResults int
	NextToken  string
}

// An ENIPage is one page of DescribeNetworkInterfaces; an empty NextToken ends the
// listing.
type ENIPage struct {
	ENIs       []eni.Interface
	NextToken  string
	TotalCount int
}

// A VSwitch is a subnet of a VPC in one zone: where ENIs and instances are placed.
type VSwitch struct {
	ID     string
	Region regions.ID
	Zone   string
	VPC    string
	CIDR   netip.Prefix
}

// DescribeVSwitchesInput names vSwitches of one region by ID (at most 100).
type DescribeVSwitchesInput struct {
	Region regions.ID
	IDs    []string
}

// DescribeInstanceInput names one ECS instance.
type DescribeInstanceInput struct {
	Region   regions.ID
	Instance string
}

// DescribeInstanceTypesInput names instance types, e.g. "ecs.g7.large", or a family
// ("ecs.g7"); with neither, every type.
type DescribeInstanceTypesInput struct {
	Types  []string
	Family string
}

// An InstanceType is one type's ENI limits as DescribeInstanceTypes reports them, with
// its vCPUs and memory where the source gives them (0 otherwise).
type InstanceType struct {
	Type      string
	Family    string
	Limits    eni.Limits
	Cores     int
	MemoryGiB float64
	// IPv6PerENI is the IPv6 addresses an ENI can hold (EniIpv6AddressQuantity).
	IPv6PerENI int
	// Trunk says whether the type takes a trunk ENI (EniTrunkSupported); ENITotal is
	// EniTotalQuantity, its ENIs and the member ENIs of its trunk together (0: not
	// given).
	Trunk    bool
	ENITotal int
}
