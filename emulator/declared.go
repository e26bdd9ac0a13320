package emulator

import (
	"maps"
	"slices"
	"sync"

	"github.com/eipassoc/eipassoc/backend"
)

// The parameters each operation models or keeps. The server refuses any other
// parameter a call sends, by name (UnsupportedParameter), before the operation's
// handler runs: nothing asked for is dropped in silence. A handler that reads a
// parameter its operation does not declare is logged and noted (Server.strays), and
// the tests fail on it; TestEveryOperationDeclaresParameters checks that every served
// operation has its list.

// tagParams are the Tag.N.Key and Tag.N.Value of a call that tags what it creates.
const tagParams = `^Tag\.[^.]+\.(Key|Value)$`

// declaredParams returns the declared parameters of every served operation, by API:
// VPC and ECS share their list (TagResources and ListTagResources take the same
// parameters in both), RAM has its own.
func declaredParams() map[backend.API]map[backend.Op]modelled {
	vpcECS := vpcECSParams()
	return map[backend.API]map[backend.Op]modelled{backend.VPC: vpcECS, backend.ECS: vpcECS, backend.RAM: ramParams(),
		backend.STS: {backend.OpGetCallerIdentity: modelledParams("RegionId")}, backend.KMS: kmsParams}
}

// ramParams are the parameters of the RAM operations.
func ramParams() map[backend.Op]modelled {
	policy := modelledParams("PolicyName", "PolicyType")
	attach := modelledParams("PolicyName", "PolicyType", "RoleName")
	return map[backend.Op]modelled{
		backend.OpCreateRole:            modelledParams("RoleName", "Description", "AssumeRolePolicyDocument", "MaxSessionDuration", "Tag"),
		backend.OpGetRole:               modelledParams("RoleName"),
		backend.OpUpdateRole:            modelledParams("RoleName", "NewAssumeRolePolicyDocument", "NewDescription", "NewMaxSessionDuration"),
		backend.OpDeleteRole:            modelledParams("RoleName"),
		backend.OpCreatePolicy:          modelledParams("PolicyName", "Description", "PolicyDocument", "Tag"),
		backend.OpGetPolicy:             policy,
		backend.OpUpdatePolicyDesc:      modelledParams("PolicyName", "NewDescription"),
		backend.OpDeletePolicy:          modelledParams("PolicyName", "CascadingDelete"),
		backend.OpCreatePolicyVersion:   modelledParams("PolicyName", "PolicyDocument", "SetAsDefault", "RotateStrategy"),
		backend.OpListPolicyVersions:    policy,
		backend.OpDeletePolicyVersion:   modelledParams("PolicyName", "VersionId"),
		backend.OpAttachPolicyToRole:    attach,
		backend.OpDetachPolicyFromRole:  attach,
		backend.OpListPoliciesForRole:   modelledParams("RoleName"),
		backend.OpListEntitiesForPolicy: policy,
		backend.OpTagResources:          modelledParams("ResourceType", "ResourceNames", "Tag"),
		backend.OpUntagResources:        modelledParams("ResourceType", "ResourceNames", "TagKeys", `^TagKey\.\d+$`, "All"),
		backend.OpListTagResources:      modelledParams("ResourceType", "ResourceNames", "Tag", "NextToken", "PageSize"),
	}
}

// vpcECSParams are the parameters of the VPC and ECS operations.
func vpcECSParams() map[backend.Op]modelled {
	eni := renamerParams(backend.OpModifyENI, "NetworkInterfaceId", "NetworkInterfaceName")
	return map[backend.Op]modelled{
		// EIPs
		backend.OpAllocateEIP:    allocateEIPParams,
		backend.OpReleaseEIP:     modelledParams("RegionId", "AllocationId", "ClientToken"),
		backend.OpAssociateEIP:   modelledParams("RegionId", "AllocationId", "InstanceId", "InstanceType", "Mode", "PrivateIpAddress", "VpcId", "ClientToken"),
		backend.OpUnassociateEIP: modelledParams("RegionId", "AllocationId", "InstanceId", "InstanceType", "PrivateIpAddress", "Force", "ClientToken"),
		backend.OpDescribeEIPs: modelledParams("RegionId", "AllocationId", "AssociatedInstanceId", "AssociatedInstanceType",
			"Status", "PageNumber", "PageSize", tagParams, "ISP", "IncludeReservationData", "LockReason", "EipAddress",
			"ChargeType", "EipName", "ResourceGroupId", "SegmentInstanceId"),
		backend.OpDescribeEIPGateway:   modelledParams("RegionId", "InstanceId"),
		backend.OpModifyEIPAttribute:   modelledParams("RegionId", "AllocationId", "Bandwidth", "Name", "Description"),
		backend.OpModifyEIPForwardMode: modelledParams("RegionId", "InstanceId", "Mode", "ClientToken"),
		backend.OpSetHDMonitor:         modelledParams("RegionId", "InstanceId", "InstanceType", "Status", "LogProject", "LogStore", "ClientToken"),
		backend.OpDescribeHDMonitor:    modelledParams("RegionId", "InstanceId", "InstanceType"),
		backend.OpDeletionProtection:   modelledParams("RegionId", "InstanceId", "Type", "ProtectionEnable", "ClientToken"),
		backend.OpAssociateVPCCIDR:     modelledParams("RegionId", "VpcId", "SecondaryCidrBlock", "IpVersion", "ClientToken"),
		backend.OpUnassociateVPCCIDR:   modelledParams("RegionId", "VpcId", "SecondaryCidrBlock", "IpVersion", "ClientToken"),
		// VPCs, vSwitches, route tables, HaVips
		backend.OpCreateVPC:             modelledParams("RegionId", "CidrBlock", "VpcName", "Description", "ClientToken", "EnableIpv6", "Ipv6CidrBlock", "Ipv6Isp", "Ipv4IpamPoolId", "Ipv4CidrMask", "EnableDnsHostname", "UserCidr", "ResourceGroupId", tagParams),
		backend.OpDescribeVPC:           modelledParams("RegionId", "VpcId"),
		backend.OpDescribeVPCs:          modelledParams("RegionId", "VpcId", "VpcName", "IsDefault", "PageNumber", "PageSize", "ResourceGroupId", "VpcOwnerId", "DhcpOptionsSetId", tagParams),
		backend.OpModifyVPC:             renamerParams(backend.OpModifyVPC, "VpcId", "VpcName"),
		backend.OpDeleteVPC:             modelledParams("RegionId", "VpcId", "ClientToken", "ForceDelete"),
		backend.OpCreateVSwitch:         modelledParams("RegionId", "VpcId", "ZoneId", "CidrBlock", "Ipv6CidrBlock", "VSwitchName", "Description", "ClientToken", tagParams),
		backend.OpDescribeVSwitch:       modelledParams("RegionId", "VSwitchId"),
		backend.OpDescribeVSwitches:     modelledParams("RegionId", "VSwitchId", "VSwitchName", "VpcId", "ZoneId", "PageNumber", "PageSize", "IsDefault", "ResourceGroupId", "RouteTableId", "VSwitchOwnerId", tagParams),
		backend.OpModifyVSwitch:         renamerParams(backend.OpModifyVSwitch, "VSwitchId", "VSwitchName"),
		backend.OpDeleteVSwitch:         modelledParams("RegionId", "VSwitchId"),
		backend.OpDescribeRouteTables:   modelledParams("RegionId", "VpcId", "RouteTableId", "PageNumber", "PageSize"),
		backend.OpCreateRouteEntry:      createRouteEntryParams,
		backend.OpDeleteRouteEntry:      deleteRouteEntryParams,
		backend.OpDescribeRouteEntries:  describeRouteTableParams,
		backend.OpCreateRouteTable:      createRouteTableParams,
		backend.OpAssociateRouteTable:   routeTableVSwitchParams,
		backend.OpUnassociateRouteTable: routeTableVSwitchParams,
		backend.OpModifyRouteTable:      modifyRouteTableParams,
		backend.OpDeleteRouteTable:      modelledParams("RegionId", "RouteTableId"),
		backend.OpCreateHaVip:           createHaVipParams,
		backend.OpDescribeHaVips:        describeHaVipsParams,
		backend.OpAssociateHaVip:        associateHaVipParams,
		backend.OpUnassociateHaVip:      associateHaVipParams,
		backend.OpModifyHaVip:           modifyHaVipParams,
		backend.OpDeleteHaVip:           deleteHaVipParams,
		// ENIs
		backend.OpCreateENI: modelledParams(append(slices.Sorted(maps.Keys(keptENIOptions)), "RegionId", "VSwitchId",
			"SecurityGroupId", `^SecurityGroupIds\.[^.]+$`, "PrimaryIpAddress", `^PrivateIpAddress\.[^.]+$`,
			"SecondaryPrivateIpAddressCount", "NetworkInterfaceName", "Description", "InstanceType", "ClientToken",
			`^Ipv6Address\.[^.]+$`, "Ipv6AddressCount", `^Ipv4Prefix\.[^.]+$`, "Ipv4PrefixCount", tagParams)...),
		backend.OpDeleteENI: modelledParams("RegionId", "NetworkInterfaceId"),
		backend.OpAttachENI: modelledParams("RegionId", "NetworkInterfaceId", "InstanceId", "NetworkCardIndex", "WaitForNetworkConfigurationReady", "TrunkNetworkInstanceId"),
		backend.OpDetachENI: modelledParams("RegionId", "NetworkInterfaceId", "InstanceId", "TrunkNetworkInstanceId"),
		backend.OpAssignPrivateIPs: modelledParams("RegionId", "NetworkInterfaceId", `^PrivateIpAddress\.[^.]+$`,
			"SecondaryPrivateIpAddressCount", `^Ipv4Prefix\.[^.]+$`, "Ipv4PrefixCount", "ClientToken"),
		backend.OpUnassignPrivateIPs: modelledParams("RegionId", "NetworkInterfaceId", `^PrivateIpAddress\.[^.]+$`,
			`^Ipv4Prefix\.[^.]+$`, "ClientToken"),
		backend.OpAssignIPv6:   modelledParams("RegionId", "NetworkInterfaceId", `^Ipv6Address\.[^.]+$`, "Ipv6AddressCount", "ClientToken"),
		backend.OpUnassignIPv6: modelledParams("RegionId", "NetworkInterfaceId", `^Ipv6Address\.[^.]+$`, "ClientToken"),
		backend.OpDescribeENIs: modelledParams("RegionId", `^NetworkInterfaceId\.[^.]+$`, "InstanceId", "VSwitchId", "VpcId",
			"Status", "Type", "MaxResults", "NextToken", tagParams, "NetworkInterfaceName", "PrimaryIpAddress",
			"SecurityGroupId", "ServiceManaged", "ResourceGroupId", "PageNumber", "PageSize"),
		backend.OpModifyENI: eni,
		// Instances, catalog, disks
		backend.OpDescribeInstance: modelledParams("RegionId", "InstanceId", "InstanceIds", `^AdditionalAttributes\.[^.]+$`,
			tagParams, "InstanceName", "VpcId", "VSwitchId", "ZoneId", "Status", "RamRoleName", "ImageId", "ResourceGroupId",
			"PageNumber", "PageSize"),
		backend.OpDescribeInstanceTypes: instanceTypesParams,
		backend.OpDescribeAvailableResource: modelledParams("RegionId", "DestinationResource", "ZoneId", "InstanceType", "Cores",
			"Memory", "InstanceChargeType", "SpotStrategy", "IoOptimized", "NetworkCategory", "SystemDiskCategory"),
		backend.OpDescribeZones:      modelledParams("RegionId", "InstanceChargeType", "SpotStrategy"),
		backend.OpDescribeRegions:    describeRegionsParams,
		backend.OpDescribeImageTypes: modelledParams("RegionId", "ImageId"),
		backend.OpDescribeImages: modelledParams("RegionId", "ImageId", "ImageName", "ImageOwnerAlias", "ImageOwnerId",
			"ImageFamily", "SnapshotId", "OSType", "Architecture",
			"InstanceType", "Status", "PageNumber", "PageSize", "ActionType", "IsSupportCloudinit", "IsSupportIoOptimized",
			"Usage", "ResourceGroupId", tagParams),
		backend.OpRunInstances:              runInstancesParams,
		backend.OpDeleteInstance:            modelledParams("RegionId", "InstanceId", "Force"),
		backend.OpStopInstance:              stopInstanceParams,
		backend.OpStartInstance:             startInstanceParams,
		backend.OpModifyInstance:            modelledParams("RegionId", "InstanceId", "ClientToken", "InstanceName", "Description", "HostName", "UserData", "Password", "DeletionProtection"),
		backend.OpModifyNetworkSpec:         modifyNetworkSpecParams,
		backend.OpDescribeInstanceAttribute: modelledParams("RegionId", "InstanceId"),
		backend.OpDescribeUserData:          modelledParams("RegionId", "InstanceId"),
		backend.OpDescribeInstanceRAMRole:   modelledParams("RegionId", "InstanceIds"),
		backend.OpDescribeMaintenance:       modelledParams("RegionId", `^InstanceId\.[^.]+$`),
		backend.OpModifyMaintenance: modelledParams("RegionId", `^InstanceId\.[^.]+$`, "ActionOnMaintenance", "NotifyOnMaintenance",
			`^MaintenanceWindow\.[^.]+\.(StartTime|EndTime)$`),
		backend.OpDescribeAttachmentAttrs: modelledParams("RegionId", "InstanceIds"),
		backend.OpDescribeDisks:           modelledParams("RegionId", "InstanceId", "DiskIds", "DiskType", "PageNumber", "PageSize"),
		backend.OpModifyDisk:              modifyDiskParams,
		// Security groups and their rules, key pairs
		backend.OpCreateSecurityGroup:           modelledParams("RegionId", "VpcId", "SecurityGroupName", "SecurityGroupType", "Description", "ClientToken", "ResourceGroupId", tagParams),
		backend.OpDescribeSecurityGroups:        modelledParams("RegionId", "SecurityGroupId", "SecurityGroupIds", "SecurityGroupName", "VpcId", "PageNumber", "PageSize", "ResourceGroupId", tagParams),
		backend.OpDescribeSecurityGroup:         modelledParams("RegionId", "SecurityGroupId", "Direction", "NicType"),
		backend.OpModifySecurityGroup:           renamerParams(backend.OpModifySecurityGroup, "SecurityGroupId", "SecurityGroupName"),
		backend.OpDeleteSecurityGroup:           modelledParams("RegionId", "SecurityGroupId"),
		backend.OpModifySecurityGroupPolicy:     modelledParams("RegionId", "SecurityGroupId", "InnerAccessPolicy", "ClientToken"),
		backend.OpModifyMetadataOptions:         modelledParams("RegionId", "InstanceId", "HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit"),
		backend.OpAuthorizeSecurityGroup:        ingressRulesParams,
		backend.OpAuthorizeSecurityGroupEgress:  egressRulesParams,
		backend.OpRevokeSecurityGroup:           ingressRulesParams,
		backend.OpRevokeSecurityGroupEgress:     egressRulesParams,
		backend.OpModifySecurityGroupRule:       ingressRulesParams,
		backend.OpModifySecurityGroupEgressRule: egressRulesParams,
		backend.OpCreateKeyPair:                 createKeyPairParams,
		backend.OpImportKeyPair:                 importKeyPairParams,
		backend.OpDescribeKeyPairs:              describeKeyPairParams,
		backend.OpDeleteKeyPairs:                deleteKeyPairsParams,
		// Tags, in both APIs
		backend.OpTagResources:     modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "All"),
		backend.OpUntagResources:   modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, `^TagKey\.[^.]+$`, "All"),
		backend.OpUnTagResources:   modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, `^TagKey\.[^.]+$`, "All"),
		backend.OpListTagResources: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "MaxResults", "NextToken", "PageSize", "All"),
		backend.OpDescribeTags:     modelledParams("RegionId", "ResourceId", "ResourceType", tagParams),
	}
}

// renamerParams are the parameters of an operation that changes a resource's name
// and description (see renamer): ModifyNetworkInterfaceAttribute also changes its
// security groups.
func renamerParams(op backend.Op, idParam, nameParam string) modelled {
	names := []string{"RegionId", idParam, nameParam, "Description", "ClientToken"}
	if op == backend.OpModifyENI {
		names = append(names, `^SecurityGroupId\.\d+$`)
		names = append(names, slices.Sorted(maps.Keys(keptENIOptions))...)
	}
	return modelledParams(names...)
}

// strays notes the parameters handlers read that their operation does not declare, as
// "Action Parameter", for the tests to fail on.
type strays struct {
	mu    sync.Mutex
	names []string
}

func (s *strays) note(action string, params []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range params {
		if name := action + " " + p; !slices.Contains(s.names, name) {
			s.names = append(s.names, name)
		}
	}
}

func (s *strays) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(slices.Values(s.names))
}
