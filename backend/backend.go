package backend

import (
	"context"
	"net/netip"

	"github.com/eipassoc/eipassoc/ecs"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
)

// An EIPAllocator allocates and releases EIPs (VPC AllocateEipAddress,
// ReleaseEipAddress).
type EIPAllocator interface {
	// AllocateEIP allocates a new EIP; it is Available when the call returns.
	AllocateEIP(ctx context.Context, in AllocateEIPInput) (eip.Address, error)
	// ReleaseEIP releases an Available pay-as-you-go EIP.
	ReleaseEIP(ctx context.Context, in ReleaseEIPInput) error
}

// An Associator associates EIPs with resources and disassociates them (VPC
// AssociateEipAddress, UnassociateEipAddress). Both are asynchronous in the cloud: the
// EIP passes through Associating or Unassociating; poll with an [EIPReader].
type Associator interface {
	AssociateEIP(ctx context.Context, in AssociateEIPInput) error
	UnassociateEIP(ctx context.Context, in UnassociateEIPInput) error
}

// An EIPReader reads EIPs (VPC DescribeEipAddresses, DescribeEipGatewayInfo).
type EIPReader interface {
	// DescribeEIPs returns one page of the EIPs that match the filters.
	DescribeEIPs(ctx context.Context, in DescribeEIPsInput) (EIPPage, error)
	// DescribeEIPGatewayInfo returns the gateway and mask of each EIP associated with
	// a secondary ENI in multi-EIP-to-ENI mode.
	DescribeEIPGatewayInfo(ctx context.Context, in DescribeEIPGatewayInfoInput) ([]GatewayInfo, error)
}

// An ENIManager creates, deletes, attaches and detaches ENIs and manages their private
// addresses (ECS CreateNetworkInterface, DeleteNetworkInterface, AttachNetworkInterface,
// DetachNetworkInterface, AssignPrivateIpAddresses, UnassignPrivateIpAddresses).
type ENIManager interface {
	// CreateENI creates a secondary (or trunk) ENI; it is Available when the call returns.
	CreateENI(ctx context.Context, in CreateENIInput) (eni.Interface, error)
	// DeleteENI deletes an Available ENI.
	DeleteENI(ctx context.Context, in DeleteENIInput) error
	// AttachENI attaches an Available ENI to an ECS instance (asynchronous).
	AttachENI(ctx context.Context, in AttachENIInput) error
	// DetachENI detaches a secondary ENI from its instance (asynchronous).
	DetachENI(ctx context.Context, in DetachENIInput) error
	// AssignPrivateIPs assigns secondary private addresses and returns them.
	AssignPrivateIPs(ctx context.Context, in AssignPrivateIPsInput) ([]netip.Addr, error)
	// UnassignPrivateIPs removes secondary private addresses.
	UnassignPrivateIPs(ctx context.Context, in UnassignPrivateIPsInput) error
}

// An ENIReader reads ENIs (ECS DescribeNetworkInterfaces).
type ENIReader interface {
	DescribeENIs(ctx context.Context, in DescribeENIsInput) (ENIPage, error)
}

// An InstanceReader reads what the rules need about ECS instances and instance types
// (ECS DescribeInstances, DescribeInstanceTypes).
type InstanceReader interface {
	// DescribeInstance returns one instance; a missing one is an ErrNotFound error.
	DescribeInstance(ctx context.Context, in DescribeInstanceInput) (ecs.Instance, error)
	// DescribeInstanceTypes returns the ENI limits of the named types; types the
	// cloud does not know are left out of the result.
	DescribeInstanceTypes(ctx context.Context, in DescribeInstanceTypesInput) ([]InstanceType, error)
}

// A NetworkReader reads the vSwitches that ENIs and instances are placed in (VPC
// DescribeVSwitches): the zone and VPC of a vSwitch that a plan names only by ID.
type NetworkReader interface {
	// DescribeVSwitches returns the named vSwitches, sorted by ID; IDs the region does
	// not have are left out of the result.
	DescribeVSwitches(ctx context.Context, in DescribeVSwitchesInput) ([]VSwitch, error)
}

// A Backend is everything eipassoc asks of an Alibaba Cloud account. Implementations
// must be safe for concurrent use.
type Backend interface {
	EIPAllocator
	Associator
	EIPReader
	ENIManager
	ENIReader
	InstanceReader
	NetworkReader
}
