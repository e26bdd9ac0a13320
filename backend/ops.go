package backend

import (
	"maps"
	"slices"
)

// An Op names an operation by its Alibaba Cloud API action, e.g. "AssociateEipAddress".
type Op string

// The operations of the Backend interface.
const (
	OpAllocateEIP           Op = "AllocateEipAddress"
	OpReleaseEIP            Op = "ReleaseEipAddress"
	OpAssociateEIP          Op = "AssociateEipAddress"
	OpUnassociateEIP        Op = "UnassociateEipAddress"
	OpDescribeEIPs          Op = "DescribeEipAddresses"
	OpDescribeEIPGateway    Op = "DescribeEipGatewayInfo"
	OpCreateENI             Op = "CreateNetworkInterface"
	OpDeleteENI             Op = "DeleteNetworkInterface"
	OpAttachENI             Op = "AttachNetworkInterface"
	OpDetachENI             Op = "DetachNetworkInterface"
	OpAssignPrivateIPs      Op = "AssignPrivateIpAddresses"
	OpUnassignPrivateIPs    Op = "UnassignPrivateIpAddresses"
	OpDescribeENIs          Op = "DescribeNetworkInterfaces"
	OpDescribeInstance      Op = "DescribeInstances"
	OpDescribeInstanceTypes Op = "DescribeInstanceTypes"
	OpDescribeVSwitches     Op = "DescribeVSwitches"
)

// An API is one of the Alibaba Cloud APIs whose operations eipassoc serves.
type API uint8

// The APIs.
const (
	VPC API = iota + 1 // Vpc, 2016-04-28: EIPs, VPCs, vSwitches
	ECS                // Ecs, 2014-05-26: ENIs, instances, security groups, disks
	RAM                // Ram, 2015-05-01: the roles and policies instances take
	STS                // Sts, 2015-04-01: the caller's identity
	KMS                // Kms, 2016-01-20: passwords encrypted with a key of the account
)

// Product returns the API's product code, "Vpc", "Ecs", "Ram", "Sts" or "Kms".
func (a API) Product() string {
	switch a {
	case VPC:
		return "Vpc"
	case RAM:
		return "Ram"
	case STS:
		return "Sts"
	case KMS:
		return "Kms"
	}
	return "Ecs"
}

// The APIs' versions.
const (
	VPCVersion = "2016-04-28"
	ECSVersion = "2014-05-26"
	RAMVersion = "2015-05-01"
	STSVersion = "2015-04-01"
	KMSVersion = "2016-01-20"
)

// Version returns the API's version: VPCVersion, ECSVersion, RAMVersion, STSVersion or
// KMSVersion.
func (a API) Version() string {
	switch a {
	case VPC:
		return VPCVersion
	case RAM:
		return RAMVersion
	case STS:
		return STSVersion
	case KMS:
		return KMSVersion
	}
	return ECSVersion
}

// An Operation is one action that the fake and the emulator serve, as declared with
// [Declare]: what the fake's fault injection, the emulator's route table, its list of
// served actions and the contract tests read.
type Operation struct {
	API API
	Op  Op
	// Mutates is true for an action that changes the account; a read is false.
	// Fault injection reads it (Op.Mutates): a fault after the change takes effect
	// needs a change.
	Mutates bool
}

// declared are the operations declared, by API and action; written only while
// packages initialise (Declare is called from package-level declarations), read after.
var declared = map[API]map[Op]Operation{}

// Declare adds operations to those served: the package that implements an operation
// declares it next to its implementation, the Backend interface's here, the fake's
// next to its methods, the emulator's next to its handlers. It is meant for
// package-level declarations (var _ = backend.Declare(...)), which Go runs before any
// call can read them; declaring an action twice for one API is a programming error
// and panics then, before anything is served.
func Declare(ops ...Operation) struct{} {
	for _, o := range ops {
		if _, dup := declared[o.API][o.Op]; dup || o.Op == "" || o.API < VPC || o.API > KMS {
			panic("backend.Declare: " + o.API.Product() + " " + string(o.Op) + " declared twice, or not an operation")
		}
		if declared[o.API] == nil {
			declared[o.API] = map[Op]Operation{}
		}
		declared[o.API][o.Op] = o
	}
	return struct{}{}
}

// Operations returns every operation declared by the packages linked in (with the
// fake: the Backend interface's and the fake's; with the emulator, its own too), by
// API (VPC first) and then by action, in a new slice. An action of several APIs
// (TagResources, ListTagResources) is listed once under each.
func Operations() []Operation {
	var out []Operation
	for api := VPC; api <= KMS; api++ {
		for _, op := range slices.Sorted(maps.Keys(declared[api])) {
			out = append(out, declared[api][op])
		}
	}
	return out
}

// backendOps are the Backend interface's operations, which every backend, the official
// SDKs' included, implements, VPC ones first.
var backendOps = []Operation{
	{API: VPC, Op: OpAllocateEIP, Mutates: true},
	{API: VPC, Op: OpReleaseEIP, Mutates: true},
	{API: VPC, Op: OpAssociateEIP, Mutates: true},
	{API: VPC, Op: OpUnassociateEIP, Mutates: true},
	{API: VPC, Op: OpDescribeEIPs},
	{API: VPC, Op: OpDescribeEIPGateway},
	{API: VPC, Op: OpDescribeVSwitches},
	{API: ECS, Op: OpCreateENI, Mutates: true},
	{API: ECS, Op: OpDeleteENI, Mutates: true},
	{API: ECS, Op: OpAttachENI, Mutates: true},
	{API: ECS, Op: OpDetachENI, Mutates: true},
	{API: ECS, Op: OpAssignPrivateIPs, Mutates: true},
	{API: ECS, Op: OpUnassignPrivateIPs, Mutates: true},
	{API: ECS, Op: OpDescribeENIs},
	{API: ECS, Op: OpDescribeInstance},
	{API: ECS, Op: OpDescribeInstanceTypes},
}

var _ = Declare(backendOps...)

// Ops returns the operations of the Backend interface, VPC ones first.
func Ops() []Op {
	out := make([]Op, len(backendOps))
	for i, o := range backendOps {
		out[i] = o.Op
	}
	return out
}

// Known reports whether op is one of [Operations].
func (op Op) Known() bool {
	for _, ops := range declared {
		if _, ok := ops[op]; ok {
			return true
		}
	}
	return false
}

// Mutates reports whether op is one of [Operations] that changes the account.
func (op Op) Mutates() bool {
	for _, ops := range declared {
		if ops[op].Mutates {
			return true
		}
	}
	return false
}

// Product returns the product of the API op belongs to, "Vpc" or "Ecs"; an action of
// both APIs gives "Vpc", an unknown one "Ecs".
func (op Op) Product() string {
	for api := VPC; api <= KMS; api++ {
		if _, ok := declared[api][op]; ok {
			return api.Product()
		}
	}
	return ECS.Product()
}

// String returns the API's product code, "Vpc" or "Ecs".
func (a API) String() string { return a.Product() }
