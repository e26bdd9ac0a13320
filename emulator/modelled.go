package emulator

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// A modelled set lists the parameters an operation models: exact names, and patterns
// (written with a leading ^) for numbered ones such as DataDisk.N.Size. It is built
// once, when the server is made, not on every request.
type modelled struct {
	names    map[string]bool
	patterns []*regexp.Regexp
}

func modelledParams(params ...string) modelled {
	m := modelled{names: map[string]bool{}}
	for _, p := range params {
		if strings.HasPrefix(p, "^") {
			m.patterns = append(m.patterns, regexp.MustCompile(p))
			continue
		}
		m.names[p] = true
	}
	return m
}

func (m modelled) has(name string) bool {
	return m.names[name] ||
		slices.ContainsFunc(m.patterns, func(re *regexp.Regexp) bool { return re.MatchString(name) })
}

// refuseOthers answers a call that sets a parameter the emulator does not model with
// UnsupportedParameter, naming it, so that nothing asked for is dropped in silence.
func refuseOthers(p *params, allowed modelled) error {
	for _, name := range slices.Sorted(maps.Keys(p.v)) {
		if slices.Contains(signingParams, name) || allowed.has(name) {
			continue
		}
		if name == "DryRun" && p.v.Get(name) == "false" {
			continue // the default of every operation that has it: a real call, as without it
		}
		return backend.NewError(
			string(p.op),
			"UnsupportedParameter",
			"eipassoc serve does not model the parameter "+name+" of "+string(p.op)+".",
		)
	}
	return nil
}

// The parameters each operation that refuses the others models.
var (
	runInstancesParams = modelledParams(append(slices.Sorted(maps.Keys(keptOptions)), // kept as sent (instances.go)
		"RegionId",
		"ClientToken",
		"DryRun",
		"InstanceType",
		"VSwitchId",
		"ImageId",
		"InstanceName",
		"Description",
		"SecurityGroupId",
		`^SecurityGroupIds\.\d+$`,
		"Amount",
		"ZoneId",
		"InternetMaxBandwidthOut",
		"InstanceChargeType",
		"InternetChargeType",
		"SpotStrategy",
		"PrivateIpAddress",
		"HostName",
		"UserData",
		"KeyPairName",
		"RamRoleName",
		"Password",
		"PasswordInherit",
		"LaunchTemplateId",
		"LaunchTemplateName",
		"LaunchTemplateVersion",
		"SecurityEnhancementStrategy",
		`^SystemDisk\.(Category|Size|DiskName|Description|PerformanceLevel|Encrypted|AutoSnapshotPolicyId|KMSKeyId|`+
			`StorageClusterId)$`,
		`^DataDisk\.\d+\.(Category|Size|DiskName|Description|PerformanceLevel|Encrypted|DeleteWithInstance|Device|`+
			`AutoSnapshotPolicyId|KMSKeyId|SnapshotId)$`,
		`^Tag\.\d+\.(Key|Value)$`,
		`^Ipv6Address\.\d+$`,
		"Ipv6AddressCount",
		// NetworkInterface.N: the primary ENI and the secondary ENIs at launch
		// (launchInterfaces).
		`^NetworkInterface\.\d+\.(InstanceType|VSwitchId|SecurityGroupId|SecurityGroupIds\.\d+|PrimaryIpAddress|`+
			`NetworkCardIndex|NetworkInterfaceTrafficMode|QueuePairNumber|NetworkInterfaceId|Ipv6Address\.\d+|Ipv6AddressCount)$`,
	)...)
	allocateEIPParams = modelledParams(
		"RegionId",
		"ClientToken",
		"Bandwidth",
		"Name",
		"Description",
		"InstanceChargeType",
		"InternetChargeType",
		"ISP",
		"Netmode",
		"ResourceGroupId",
		"Zone",
		`^SecurityProtectionTypes\.\d+$`,
		"Period",
		"PricingCycle",
		"AutoPay",
		"InstanceId",
		"ActivityId",
		"IpAddress",
		"PublicIpAddressPoolId",
		`^Tag\.\d+\.(Key|Value)$`,
	)
	instanceTypesParams = modelledParams(
		"RegionId",
		`^InstanceTypes\.\d+$`,
		"InstanceType",
		"InstanceTypeFamily",
		"MaxResults",
		"NextToken",
		"MinimumEniIpv6AddressQuantity",
		"MinimumEniPrivateIpAddressQuantity",
		"GPUSpec",
		"SystemDiskCategory",
	)
	stopInstanceParams      = modelledParams("RegionId", "InstanceId", "ForceStop", "ConfirmStop", "StoppedMode", "DryRun")
	startInstanceParams     = modelledParams("RegionId", "InstanceId", "InitLocalDisk", "DryRun")
	describeRegionsParams   = modelledParams("RegionId", "AcceptLanguage", "InstanceChargeType", "ResourceType")
	modifyDiskParams        = modelledParams("RegionId", "DiskId", "DiskName", "Description", "DeleteWithInstance")
	modifyNetworkSpecParams = modelledParams(
		"RegionId",
		"InstanceId",
		"InternetMaxBandwidthOut",
		"ClientToken",
		"AutoPay",
	)
)

// The parameters each operation models or keeps. The server refuses any other
// parameter a call sends, by name (UnsupportedParameter), before the operation's
// handler runs: nothing asked for is dropped in silence. A handler that reads a
// parameter its operation does not declare is logged and noted (Server.strays), and
// the tests fail on it; TestEveryOperationDeclaresParameters checks that every served
// operation has its list, in its route.

// tagParams are the Tag.N.Key and Tag.N.Value of a call that tags what it creates.
const tagParams = `^Tag\.[^.]+\.(Key|Value)$`

// renamerParams are the parameters of an operation that changes a resource's name
// and description (see renamer): ModifyNetworkInterfaceAttribute also changes its
// security groups.
func renamerParams(op backend.Op, idParam, nameParam string) modelled {
	names := []string{"RegionId", idParam, nameParam, "Description", "ClientToken"}
	if op == fake.OpModifyENI {
		names = append(names, `^SecurityGroupId\.\d+$`)
		names = append(names, slices.Sorted(maps.Keys(keptENIOptions))...)
	}
	return modelledParams(names...)
}
