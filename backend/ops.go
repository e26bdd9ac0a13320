package backend

import "slices"

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
)

// The operations the fake and the emulator serve beyond the Backend interface: what
// Terraform's alicloud provider calls around EIPs and ENIs.
const (
	OpSetHDMonitor                  Op = "SetHighDefinitionMonitorLogStatus"
	OpDescribeHDMonitor             Op = "DescribeHighDefinitionMonitorLogAttribute"
	OpAssignIPv6                    Op = "AssignIpv6Addresses"
	OpUnassignIPv6                  Op = "UnassignIpv6Addresses"
	OpModifyEIPAttribute            Op = "ModifyEipAddressAttribute"
	OpModifyEIPForwardMode          Op = "ModifyEipForwardMode"
	OpDeletionProtection            Op = "DeletionProtection"
	OpModifySecurityGroupPolicy     Op = "ModifySecurityGroupPolicy"
	OpModifyMetadataOptions         Op = "ModifyInstanceMetadataOptions"
	OpAssociateVPCCIDR              Op = "AssociateVpcCidrBlock"
	OpUnassociateVPCCIDR            Op = "UnassociateVpcCidrBlock"
	OpCreateVPC                     Op = "CreateVpc"
	OpDescribeVPC                   Op = "DescribeVpcAttribute"
	OpDescribeVPCs                  Op = "DescribeVpcs"
	OpDescribeRouteTables           Op = "DescribeRouteTableList"
	OpModifyVPC                     Op = "ModifyVpcAttribute"
	OpDeleteVPC                     Op = "DeleteVpc"
	OpCreateVSwitch                 Op = "CreateVSwitch"
	OpDescribeVSwitch               Op = "DescribeVSwitchAttributes"
	OpDescribeVSwitches             Op = "DescribeVSwitches"
	OpModifyVSwitch                 Op = "ModifyVSwitchAttribute"
	OpDeleteVSwitch                 Op = "DeleteVSwitch"
	OpTagResources                  Op = "TagResources"
	OpUntagResources                Op = "UntagResources" // ECS's spelling
	OpUnTagResources                Op = "UnTagResources" // VPC's spelling
	OpListTagResources              Op = "ListTagResources"
	OpDescribeTags                  Op = "DescribeTags"
	OpModifyENI                     Op = "ModifyNetworkInterfaceAttribute"
	OpCreateSecurityGroup           Op = "CreateSecurityGroup"
	OpDescribeSecurityGroup         Op = "DescribeSecurityGroupAttribute"
	OpDescribeSecurityGroups        Op = "DescribeSecurityGroups"
	OpModifySecurityGroup           Op = "ModifySecurityGroupAttribute"
	OpDeleteSecurityGroup           Op = "DeleteSecurityGroup"
	OpRunInstances                  Op = "RunInstances"
	OpDeleteInstance                Op = "DeleteInstance"
	OpModifyInstance                Op = "ModifyInstanceAttribute"
	OpModifyNetworkSpec             Op = "ModifyInstanceNetworkSpec"
	OpDescribeInstanceAttribute     Op = "DescribeInstanceAttribute"
	OpDescribeUserData              Op = "DescribeUserData"
	OpDescribeInstanceRAMRole       Op = "DescribeInstanceRamRole"
	OpDescribeMaintenance           Op = "DescribeInstanceMaintenanceAttributes"
	OpModifyMaintenance             Op = "ModifyInstanceMaintenanceAttributes"
	OpDescribeAttachmentAttrs       Op = "DescribeInstanceAttachmentAttributes"
	OpDescribeDisks                 Op = "DescribeDisks"
	OpModifyDisk                    Op = "ModifyDiskAttribute"
	OpDescribeZones                 Op = "DescribeZones"
	OpDescribeRegions               Op = "DescribeRegions"
	OpStopInstance                  Op = "StopInstance"
	OpCreateRouteTable              Op = "CreateRouteTable"
	OpAssociateRouteTable           Op = "AssociateRouteTable"
	OpUnassociateRouteTable         Op = "UnassociateRouteTable"
	OpModifyRouteTable              Op = "ModifyRouteTableAttributes"
	OpDeleteRouteTable              Op = "DeleteRouteTable"
	OpCreateHaVip                   Op = "CreateHaVip"
	OpDescribeHaVips                Op = "DescribeHaVips"
	OpAssociateHaVip                Op = "AssociateHaVip"
	OpUnassociateHaVip              Op = "UnassociateHaVip"
	OpModifyHaVip                   Op = "ModifyHaVipAttribute"
	OpDeleteHaVip                   Op = "DeleteHaVip"
	OpCreateKeyPair                 Op = "CreateKeyPair"
	OpImportKeyPair                 Op = "ImportKeyPair"
	OpDescribeKeyPairs              Op = "DescribeKeyPairs"
	OpDeleteKeyPairs                Op = "DeleteKeyPairs"
	OpCreateRouteEntry              Op = "CreateRouteEntry"
	OpDeleteRouteEntry              Op = "DeleteRouteEntry"
	OpDescribeRouteEntries          Op = "DescribeRouteTables"
	OpAuthorizeSecurityGroup        Op = "AuthorizeSecurityGroup"
	OpAuthorizeSecurityGroupEgress  Op = "AuthorizeSecurityGroupEgress"
	OpRevokeSecurityGroup           Op = "RevokeSecurityGroup"
	OpRevokeSecurityGroupEgress     Op = "RevokeSecurityGroupEgress"
	OpModifySecurityGroupRule       Op = "ModifySecurityGroupRule"
	OpModifySecurityGroupEgressRule Op = "ModifySecurityGroupEgressRule"
	OpStartInstance                 Op = "StartInstance"
	OpDescribeAvailableResource     Op = "DescribeAvailableResource"
	OpDescribeImages                Op = "DescribeImages"
	OpDescribeImageTypes            Op = "DescribeImageSupportInstanceTypes"
)

// The RAM operations that alicloud_ram_role, alicloud_ram_policy and
// alicloud_ram_role_policy_attachment call. TagResources, UntagResources and
// ListTagResources are RAM's too, under RAMVersion.
const (
	OpCreateRole            Op = "CreateRole"
	OpGetRole               Op = "GetRole"
	OpUpdateRole            Op = "UpdateRole"
	OpDeleteRole            Op = "DeleteRole"
	OpCreatePolicy          Op = "CreatePolicy"
	OpGetPolicy             Op = "GetPolicy"
	OpUpdatePolicyDesc      Op = "UpdatePolicyDescription"
	OpDeletePolicy          Op = "DeletePolicy"
	OpCreatePolicyVersion   Op = "CreatePolicyVersion"
	OpListPolicyVersions    Op = "ListPolicyVersions"
	OpDeletePolicyVersion   Op = "DeletePolicyVersion"
	OpAttachPolicyToRole    Op = "AttachPolicyToRole"
	OpDetachPolicyFromRole  Op = "DetachPolicyFromRole"
	OpListPoliciesForRole   Op = "ListPoliciesForRole"
	OpListEntitiesForPolicy Op = "ListEntitiesForPolicy"
)

// OpGetCallerIdentity is STS's: who the caller is (data "alicloud_account").
const OpGetCallerIdentity Op = "GetCallerIdentity"

// KMS's, for the password of alicloud_instance's kms_encrypted_password.
const (
	OpKMSEncrypt Op = "Encrypt"
	OpKMSDecrypt Op = "Decrypt"
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

// An Operation is one action that the fake and the emulator serve: the declaration
// that backend.Ops, the fake's fault injection, the emulator's route table, its list of
// served actions and the contract tests all read.
type Operation struct {
	API API
	Op  Op
	// Mutates is true for an action that changes the account; a read is false.
	// Fault injection reads it (Op.Mutates): a fault after the change takes effect
	// needs a change.
	Mutates bool
	// Backend is true for the actions of the Backend interface, which every backend,
	// the official SDKs' included, implements.
	Backend bool
}

// Operations returns every operation served, VPC ones first, in a new slice. An action
// of both APIs (TagResources, ListTagResources) is listed once under each.
func Operations() []Operation { return slices.Clone(operations) }

var operations = []Operation{
	{VPC, OpAllocateEIP, true, true},
	{VPC, OpReleaseEIP, true, true},
	{VPC, OpAssociateEIP, true, true},
	{VPC, OpUnassociateEIP, true, true},
	{VPC, OpDescribeEIPs, false, true},
	{VPC, OpDescribeEIPGateway, false, true},
	{VPC, OpModifyEIPAttribute, true, false},
	{VPC, OpModifyEIPForwardMode, true, false},
	{VPC, OpDeletionProtection, true, false},
	{VPC, OpSetHDMonitor, true, false},
	{VPC, OpDescribeHDMonitor, false, false},
	{VPC, OpAssociateVPCCIDR, true, false},
	{VPC, OpUnassociateVPCCIDR, true, false},
	{VPC, OpCreateVPC, true, false},
	{VPC, OpDescribeVPC, false, false},
	{VPC, OpDescribeVPCs, false, false},
	{VPC, OpDescribeRouteTables, false, false},
	{VPC, OpCreateRouteEntry, true, false},
	{VPC, OpDeleteRouteEntry, true, false},
	{VPC, OpDescribeRouteEntries, false, false},
	{VPC, OpCreateRouteTable, true, false},
	{VPC, OpAssociateRouteTable, true, false},
	{VPC, OpUnassociateRouteTable, true, false},
	{VPC, OpModifyRouteTable, true, false},
	{VPC, OpDeleteRouteTable, true, false},
	{VPC, OpCreateHaVip, true, false},
	{VPC, OpDescribeHaVips, false, false},
	{VPC, OpAssociateHaVip, true, false},
	{VPC, OpUnassociateHaVip, true, false},
	{VPC, OpModifyHaVip, true, false},
	{VPC, OpDeleteHaVip, true, false},
	{VPC, OpModifyVPC, true, false},
	{VPC, OpDeleteVPC, true, false},
	{VPC, OpCreateVSwitch, true, false},
	{VPC, OpDescribeVSwitch, false, false},
	{VPC, OpDescribeVSwitches, false, true},
	{VPC, OpModifyVSwitch, true, false},
	{VPC, OpDeleteVSwitch, true, false},
	{VPC, OpTagResources, true, false},
	{VPC, OpUnTagResources, true, false},
	{VPC, OpListTagResources, false, false},

	{ECS, OpCreateENI, true, true},
	{ECS, OpDeleteENI, true, true},
	{ECS, OpAttachENI, true, true},
	{ECS, OpDetachENI, true, true},
	{ECS, OpAssignPrivateIPs, true, true},
	{ECS, OpUnassignPrivateIPs, true, true},
	{ECS, OpDescribeENIs, false, true},
	{ECS, OpDescribeInstance, false, true},
	{ECS, OpDescribeInstanceTypes, false, true},
	{ECS, OpModifyENI, true, false},
	{ECS, OpAssignIPv6, true, false},
	{ECS, OpUnassignIPv6, true, false},
	{ECS, OpCreateSecurityGroup, true, false},
	{ECS, OpDescribeSecurityGroup, false, false},
	{ECS, OpDescribeSecurityGroups, false, false},
	{ECS, OpModifySecurityGroup, true, false},
	{ECS, OpDeleteSecurityGroup, true, false},
	{ECS, OpRunInstances, true, false},
	{ECS, OpDeleteInstance, true, false},
	{ECS, OpModifyInstance, true, false},
	{ECS, OpModifyNetworkSpec, true, false},
	{ECS, OpDescribeInstanceAttribute, false, false},
	{ECS, OpDescribeUserData, false, false},
	{ECS, OpDescribeInstanceRAMRole, false, false},
	{ECS, OpDescribeMaintenance, false, false},
	{ECS, OpModifyMaintenance, true, false},
	{ECS, OpModifySecurityGroupPolicy, true, false},
	{ECS, OpModifyMetadataOptions, true, false},
	{ECS, OpDescribeAttachmentAttrs, false, false},
	{ECS, OpDescribeDisks, false, false},
	{ECS, OpModifyDisk, true, false},
	{ECS, OpDescribeZones, false, false},
	{ECS, OpDescribeRegions, false, false},
	{ECS, OpStopInstance, true, false},
	{ECS, OpCreateKeyPair, true, false},
	{ECS, OpImportKeyPair, true, false},
	{ECS, OpDescribeKeyPairs, false, false},
	{ECS, OpDeleteKeyPairs, true, false},
	{ECS, OpAuthorizeSecurityGroup, true, false},
	{ECS, OpAuthorizeSecurityGroupEgress, true, false},
	{ECS, OpRevokeSecurityGroup, true, false},
	{ECS, OpRevokeSecurityGroupEgress, true, false},
	{ECS, OpModifySecurityGroupRule, true, false},
	{ECS, OpModifySecurityGroupEgressRule, true, false},
	{ECS, OpStartInstance, true, false},
	{ECS, OpDescribeAvailableResource, false, false},
	{ECS, OpDescribeImages, false, false},
	{ECS, OpDescribeImageTypes, false, false},
	{ECS, OpTagResources, true, false},
	{ECS, OpUntagResources, true, false},
	{ECS, OpListTagResources, false, false},
	{ECS, OpDescribeTags, false, false},
	{KMS, OpKMSEncrypt, false, false},
	{KMS, OpKMSDecrypt, false, false},
	{STS, OpGetCallerIdentity, false, false},
	{RAM, OpCreateRole, true, false},
	{RAM, OpGetRole, false, false},
	{RAM, OpUpdateRole, true, false},
	{RAM, OpDeleteRole, true, false},
	{RAM, OpCreatePolicy, true, false},
	{RAM, OpGetPolicy, false, false},
	{RAM, OpUpdatePolicyDesc, true, false},
	{RAM, OpDeletePolicy, true, false},
	{RAM, OpCreatePolicyVersion, true, false},
	{RAM, OpListPolicyVersions, false, false},
	{RAM, OpDeletePolicyVersion, true, false},
	{RAM, OpAttachPolicyToRole, true, false},
	{RAM, OpDetachPolicyFromRole, true, false},
	{RAM, OpListPoliciesForRole, false, false},
	{RAM, OpListEntitiesForPolicy, false, false},
	{RAM, OpTagResources, true, false},
	{RAM, OpUntagResources, true, false},
	{RAM, OpListTagResources, false, false},
}

// Ops returns the operations of the Backend interface, VPC ones first.
func Ops() []Op {
	var out []Op
	for _, o := range operations {
		if o.Backend {
			out = append(out, o.Op)
		}
	}
	return out
}

// Known reports whether op is one of [Operations].
func (op Op) Known() bool {
	return slices.ContainsFunc(operations, func(o Operation) bool { return o.Op == op })
}

// Mutates reports whether op is one of [Operations] that changes the account.
func (op Op) Mutates() bool {
	return slices.ContainsFunc(operations, func(o Operation) bool { return o.Op == op && o.Mutates })
}

// Product returns the product of the API op belongs to, "Vpc" or "Ecs"; an action of
// both APIs gives "Vpc", an unknown one "Ecs".
func (op Op) Product() string {
	for _, o := range operations {
		if o.Op == op {
			return o.API.Product()
		}
	}
	return ECS.Product()
}

// String returns the API's product code, "Vpc" or "Ecs".
func (a API) String() string { return a.Product() }
