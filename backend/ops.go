package backend

// An Op names a Backend operation by its Alibaba Cloud API action.
type Op string

// The operations of a Backend.
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
)

// Ops returns every operation, VPC ones first.
func Ops() []Op {
	return []Op{
		OpAllocateEIP, OpReleaseEIP, OpAssociateEIP, OpUnassociateEIP, OpDescribeEIPs, OpDescribeEIPGateway,
		OpCreateENI, OpDeleteENI, OpAttachENI, OpDetachENI, OpAssignPrivateIPs, OpUnassignPrivateIPs,
		OpDescribeENIs, OpDescribeInstance, OpDescribeInstanceTypes,
	}
}

// Known reports whether op is one of [Ops].
func (op Op) Known() bool {
	for _, o := range Ops() {
		if o == op {
			return true
		}
	}
	return false
}

// Product returns "Vpc" for EIP operations and "Ecs" for ENI and instance operations.
func (op Op) Product() string {
	switch op {
	case OpAllocateEIP, OpReleaseEIP, OpAssociateEIP, OpUnassociateEIP, OpDescribeEIPs, OpDescribeEIPGateway:
		return "Vpc"
	}
	return "Ecs"
}
