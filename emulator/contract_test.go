package emulator_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// providerReads lists, for each operation, the response fields the alicloud Terraform
// provider v1.277.0 reads without checking that they are there, or tests to tell that a
// resource exists (from its source: the resource_alicloud_*.go files of the resources
// served, service_alicloud_ecs.go, service_alicloud_ecs_v2.go and
// service_alicloud_vpc_v2.go). A path walks objects; "[]" walks every array element.
// ramProviderReads are the fields the provider reads from RAM's answers (RAM writes a
// tag list flat: the provider reads TagResources as the list).
var ramProviderReads = map[string][]string{
	"CreateRole":          {"Role.RoleName"},
	"GetRole":             {"Role.RoleName", "Role.Arn", "Role.AssumeRolePolicyDocument", "Role.MaxSessionDuration"},
	"CreatePolicy":        {"Policy.PolicyName"},
	"GetPolicy":           {"Policy.PolicyName", "DefaultPolicyVersion.PolicyDocument", "DefaultPolicyVersion.VersionId"},
	"ListPoliciesForRole": {"Policies.Policy"},
	"ListTagResources":    {"TagResources"},
}

var providerReads = map[string][]string{
	"CreateNetworkInterface": {"NetworkInterfaceId"},
	// data "alicloud_regions" and alicloud_instance's host name, key pair, user data
	// and RAM role (the provider's read of them).
	"DescribeRegions":  {"Regions.Region", "Regions.Region[].RegionId", "Regions.Region[].LocalName"},
	"DescribeUserData": {"UserData"},
	"CreateKeyPair":    {"KeyPairName", "KeyPairFingerPrint", "PrivateKeyBody"},
	"CreateHaVip":      {"HaVipId"},
	"DescribeHaVips": {"HaVips.HaVip", "HaVips.HaVip[].HaVipId", "HaVips.HaVip[].Status",
		"HaVips.HaVip[].IpAddress", "HaVips.HaVip[].VSwitchId", "HaVips.HaVip[].AssociatedInstances.associatedInstance"},
	"DescribeKeyPairs": {"KeyPairs.KeyPair", "KeyPairs.KeyPair[].KeyPairName", "KeyPairs.KeyPair[].KeyPairFingerPrint"},
	"DescribeRouteTables": {"RouteTables.RouteTable", "RouteTables.RouteTable[].RouteEntrys.RouteEntry",
		"RouteTables.RouteTable[].RouteEntrys.RouteEntry[].DestinationCidrBlock",
		"RouteTables.RouteTable[].RouteEntrys.RouteEntry[].NextHopType",
		"RouteTables.RouteTable[].RouteEntrys.RouteEntry[].InstanceId",
		"RouteTables.RouteTable[].RouteEntrys.RouteEntry[].Status"},
	"DescribeNetworkInterfaces": {
		"NetworkInterfaceSets.NetworkInterfaceSet",
		"NetworkInterfaceSets.NetworkInterfaceSet[].NetworkInterfaceId",
		"NetworkInterfaceSets.NetworkInterfaceSet[].Status",
		"NetworkInterfaceSets.NetworkInterfaceSet[].Type",
		"NetworkInterfaceSets.NetworkInterfaceSet[].VSwitchId",
		"NetworkInterfaceSets.NetworkInterfaceSet[].NetworkInterfaceName",
		"NetworkInterfaceSets.NetworkInterfaceSet[].PrivateIpAddress",
		"NetworkInterfaceSets.NetworkInterfaceSet[].PrivateIpSets.PrivateIpSet",
		"NetworkInterfaceSets.NetworkInterfaceSet[].Ipv6Sets.Ipv6Set",
		"NetworkInterfaceSets.NetworkInterfaceSet[].Ipv4PrefixSets.Ipv4PrefixSet",
		"NetworkInterfaceSets.NetworkInterfaceSet[].SecurityGroupIds.SecurityGroupId",
	},
	"ListTagResources":     {"TagResources.TagResource"},
	"CreateVpc":            {"VpcId"},
	"DescribeVpcAttribute": {"VpcId", "Status", "CidrBlock", "VpcName", "VRouterId"},
	"DescribeRouteTableList": {
		"RouterTableList.RouterTableListType",
		"RouterTableList.RouterTableListType[].RouteTableId",
		"RouterTableList.RouterTableListType[].RouteTableType",
		"RouterTableList.RouterTableListType[].VpcId",
	},
	"CreateVSwitch":             {"VSwitchId"},
	"DescribeVSwitchAttributes": {"VSwitchId"},
	"CreateSecurityGroup":       {"SecurityGroupId"},
	"DescribeSecurityGroups": {
		"SecurityGroups.SecurityGroup",
		"SecurityGroups.SecurityGroup[].SecurityGroupId",
	},
	"DescribeSecurityGroupAttribute": {"SecurityGroupId", "VpcId", "SecurityGroupName", "InnerAccessPolicy",
		"Permissions.Permission", "Permissions.Permission[].IpProtocol", "Permissions.Permission[].PortRange",
		"Permissions.Permission[].Policy", "Permissions.Permission[].Priority", "Permissions.Permission[].NicType"},
	"RunInstances": {"InstanceIdSets.InstanceIdSet"},
	"DescribeInstances": {
		"Instances.Instance",
		"Instances.Instance[].InstanceId",
		"Instances.Instance[].Status",
		"Instances.Instance[].VpcAttributes.VSwitchId",
		"Instances.Instance[].VpcAttributes.PrivateIpAddress.IpAddress",
		"Instances.Instance[].SecurityGroupIds.SecurityGroupId",
		"Instances.Instance[].NetworkInterfaces.NetworkInterface",
	},
	"DescribeDisks":                         {"Disks.Disk"},
	"DescribeInstanceMaintenanceAttributes": {"MaintenanceAttributes.MaintenanceAttribute"},
	"DescribeInstanceAttachmentAttributes":  {"Instances.Instance"},
	"DescribeInstanceRamRole":               {"InstanceRamRoleSets.InstanceRamRoleSet"},
	"AllocateEipAddress":                    {"AllocationId", "EipAddress"},
	"DescribeEipAddresses": {
		"EipAddresses.EipAddress",
		"EipAddresses.EipAddress[].AllocationId",
		"EipAddresses.EipAddress[].IpAddress",
		"EipAddresses.EipAddress[].Status",
		"EipAddresses.EipAddress[].Bandwidth",
		"EipAddresses.EipAddress[].InstanceId",
		"EipAddresses.EipAddress[].InstanceType",
		"EipAddresses.EipAddress[].PrivateIpAddress",
	},
	// The data sources of the official examples (data_source_alicloud_zones.go,
	// _instance_types.go, _images.go) and the tags (tags.go).
	"DescribeAvailableResource": {"AvailableZones.AvailableZone", "AvailableZones.AvailableZone[].ZoneId",
		"AvailableZones.AvailableZone[].AvailableResources.AvailableResource"},
	"DescribeZones": {"Zones.Zone", "Zones.Zone[].ZoneId", "Zones.Zone[].AvailableInstanceTypes.InstanceTypes"},
	"DescribeInstanceTypes": {
		"InstanceTypes.InstanceType",
		"InstanceTypes.InstanceType[].InstanceTypeId",
		"InstanceTypes.InstanceType[].InstanceTypeFamily",
	},
	"DescribeImages": {
		"Images.Image",
		"Images.Image[].ImageId",
		"Images.Image[].ImageName",
		"Images.Image[].CreationTime",
	},
	"DescribeTags": {"Tags.Tag"},
}

// goneWhenEmpty names, for the describe calls whose answer for a deleted resource is a
// success with an empty ID, that ID field.
var goneWhenEmpty = map[string]string{"DescribeVpcAttribute": "VpcId", "DescribeVSwitchAttributes": "VSwitchId"}

// has reports whether the JSON value v has path (see providerReads).
func has(v any, path string) bool {
	head, rest, more := strings.Cut(path, ".")
	name, each := strings.CutSuffix(head, "[]")
	obj, ok := v.(map[string]any)
	if !ok {
		return false
	}
	next, ok := obj[name]
	if !ok || next == nil {
		return false
	}
	if !more {
		return true
	}
	if each {
		list, ok := next.([]any)
		if !ok {
			return false
		}
		for _, x := range list {
			if !has(x, rest) {
				return false
			}
		}
		return true
	}
	return has(next, rest)
}

// TestTerraformContract replays what the real alicloud provider sent to "eipassoc serve"
// (recorded by tools/tfrecord/record.sh: apply, plan, an in-place update, plan, a rule
// violation, destroy) against a fresh emulator seeded the same way, and checks that
// every call gets the status and error code it got when the provider made it, with the
// response fields the provider reads.
func TestTerraformContract(t *testing.T) {
	t.Parallel()
	account, topo := replayContract(t, filepath.Join("testdata", "terraform"), 6)
	// What the steps did, from the recording: the violation step fails with the
	// cloud's code, and destroy leaves the account as it was seeded.
	if got := account.Topology(); len(got.ENIs) != 0 || len(got.EIPs) != 0 || len(got.VPCs) != 0 ||
		len(got.SecurityGroups) != 0 ||
		len(got.VSwitches) != len(topo.VSwitches) {
		t.Errorf("after destroy the account is not as seeded: %+v", got)
	}
}

// TestOfficialExampleContract replays the official terraform-alicloud-vpc-ecs-eip
// module's complete example as the real provider applied it against serve
// (tools/tfofficial/run.sh with RECORD and PARALLELISM=1): apply with data sources,
// tags and an instance with disks, plan, the example's own update (names, bandwidth,
// disk names, a second private IP), plan, destroy; after it the account is the seeded
// one again.
func TestOfficialExampleContract(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "official", "terraform-alicloud-vpc-ecs-eip", "complete")
	account, topo := replayContract(t, dir, 5)
	want, _ := json.Marshal(withoutEmpty(topo))
	got, _ := json.Marshal(withoutEmpty(account.Topology()))
	if string(got) != string(want) {
		t.Errorf("after destroy the account is not the seeded one:\n got %s\nwant %s", got, want)
	}
}

// withoutEmpty drops the seeded instances' default disks, which a topology written by
// hand leaves out, so that a seeded topology and the account's own compare.
func withoutEmpty(t fake.Topology) fake.Topology {
	for i := range t.Instances {
		t.Instances[i].Disks = nil
	}
	return t
}

// TestApplianceContract replays a firewall layout as the real provider applied it
// against "serve -behaviour observed" over HTTPS (tools/tfrecord/record.sh PROVIDER
// appliance): security group rules, a default route through the firewall's ENI, a
// custom route table of the untrust vSwitch routing through the instance, a key
// pair, a HaVip held by the firewall (described anew in place), an instance with a fixed address, host name, user data and that key pair, a
// secondary ENI whose
// primary address is the block's second (.2, which a vSwitch does not reserve), two
// anti-DDoS EIPs in NAT mode on its two addresses while it is attached, a host name
// changed in place (the provider stops and starts the instance), plans with no changes,
// and a destroy that leaves the account empty again.
func TestApplianceContract(t *testing.T) {
	t.Parallel()
	account, _ := replayContract(t, filepath.Join("testdata", "appliance"), 5, eipassoc.Observed)
	if got := account.Topology(); len(got.Instances)+len(got.ENIs)+len(got.EIPs)+len(got.VPCs) != 0 {
		t.Errorf("after destroy the account is not empty: %+v", got)
	}
}

// TestAddressingContract replays a dual-stack layout as the real provider applied it
// against "serve -behaviour observed" (tools/tfrecord/record.sh PROVIDER addressing): a
// VPC with an IPv6 block and a vSwitch /64, an IPv6 rule peer, an instance launched
// with an IPv6 address and a secondary ENI, an ENI with an IPv6 address and an IPv4
// prefix under a NAT EIP, a trunk ENI with a member ENI; the update assigns a second
// IPv6 address and prefix (AssignIpv6Addresses, AssignPrivateIpAddresses
// Ipv4PrefixCount); the plans have no changes and the destroy leaves nothing.
func TestAddressingContract(t *testing.T) {
	t.Parallel()
	account, _ := replayContract(t, filepath.Join("testdata", "addressing"), 5, eipassoc.Observed)
	if got := account.Topology(); len(got.Instances)+len(got.ENIs)+len(got.EIPs)+len(got.VPCs) != 0 {
		t.Errorf("after destroy the account is not empty: %+v", got)
	}
}

// TestFortigateHAContract replays Fortinet's published FortiGate HA template for
// Alibaba Cloud as the real provider applied it, unchanged, against "serve -behaviour
// observed" (testdata/fortigate-ha/SOURCE.md): data sources of regions, zones, the
// account, instance types and a marketplace image; two instances with fixed addresses,
// a RAM role name and rendered user data; four secondary ENIs with fixed addresses,
// attached; an EIP on the first instance and one in NAT mode on each sync ENI's
// address; a custom route table routing through an ENI; security group rules; then a
// plan with no changes and a destroy that leaves nothing.
func TestFortigateHAContract(t *testing.T) {
	t.Parallel()
	account, _ := replayContract(t, filepath.Join("testdata", "fortigate-ha"), 3, eipassoc.Observed)
	if got := account.Topology(); len(got.Instances)+len(got.ENIs)+len(got.EIPs)+len(got.VPCs) != 0 {
		t.Errorf("after destroy the account is not empty: %+v", got)
	}
}

// TestRAMContract replays what the real provider sent for a RAM role with tags, a
// custom policy attached to it (a second version at the update), and an instance that
// takes the role with metadata, maintenance and deletion protection options
// (tools/tfrecord/record.sh PROVIDER_DIR ram): every answer as recorded, and nothing
// left after the destroy.
func TestRAMContract(t *testing.T) {
	t.Parallel()
	account, _ := replayContract(t, filepath.Join("testdata", "ram"), 5, eipassoc.Observed)
	if got := account.Topology(); len(got.Instances)+len(got.VPCs) != 0 {
		t.Errorf("after destroy the account is not empty: %+v", got)
	}
	if roles, err := account.Role(context.Background(), "fw-ha"); err == nil {
		t.Errorf("the role outlived the destroy: %+v", roles)
	}
}

// replayContract replays the recorded steps (*.jsonl, at least want of them) of dir
// against an account seeded from dir/topology.json with the options of "eipassoc
// serve -multi-binded-allowed" (and -behaviour, when given), and returns the account
// and the topology.
func replayContract(t *testing.T, dir string, want int, behaviour ...eipassoc.Behaviour) (*fake.Backend, fake.Topology) {
	t.Helper()
	topoFile, err := os.Open(filepath.Join(dir, "topology.json"))
	if err != nil {
		t.Fatal(err)
	}
	topo, err := fake.LoadTopology(topoFile)
	topoFile.Close()
	if err != nil {
		t.Fatal(err)
	}
	opts := fake.Options{Seed: 1, EIPQuota: 20, Account: eipassoc.Account{MultiBindedAllowed: true}}
	for _, b := range behaviour {
		opts.Behaviour = b
	}
	account := fake.New(opts)
	if err := account.Seed(topo); err != nil {
		t.Fatal(err)
	}
	s, err := emulator.New(emulator.Config{Backend: account, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	steps, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	slices.Sort(steps)
	if len(steps) != want {
		t.Fatalf("want the %d recorded steps, found %v", want, steps)
	}
	calls := 0
	for _, step := range steps {
		f, err := os.Open(step)
		if err != nil {
			t.Fatal(err)
		}
		exchanges, err := emulator.ReadExchanges(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		for i, e := range exchanges {
			calls++
			q := url.Values{"Action": {e.Action}, "Version": {e.Version}}
			for k, v := range e.Params {
				q.Set(k, v)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("POST", "http://127.0.0.1:8787/?"+q.Encode(), nil))
			var body map[string]any
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("%s #%d %s: the answer is not JSON: %s", filepath.Base(step), i+1, e.Action, w.Body)
			}
			code, _ := body["Code"].(string)
			if w.Code != e.Status || (w.Code != 200 && code != e.Code) {
				t.Fatalf(
					"%s #%d %s %v: %d %s, recorded %d %s\n%s",
					filepath.Base(step),
					i+1,
					e.Action,
					e.Params,
					w.Code,
					code,
					e.Status,
					e.Code,
					w.Body,
				)
			}
			if w.Code != 200 {
				continue
			}
			reads := providerReads[e.Action]
			if e.Version == emulator.RAMVersion {
				reads = ramProviderReads[e.Action]
			}
			if id, ok := goneWhenEmpty[e.Action]; ok && body[id] == "" {
				reads = []string{id} // the answer for a deleted resource: the empty ID is all
			}
			for _, path := range append([]string{"RequestId"}, reads...) {
				if !has(body, path) {
					t.Errorf(
						"%s #%d %s: the answer lacks %s, which the provider reads:\n%s",
						filepath.Base(step),
						i+1,
						e.Action,
						path,
						w.Body,
					)
				}
			}
		}
	}
	t.Logf("replayed %d calls", calls)
	if strays := emulator.Strays(s); len(strays) > 0 {
		t.Errorf("handlers read parameters their operation does not declare (declared.go): %v", strays)
	}
	return account, topo
}

// TestContractFixturesShowTheViolation: the recorded violation step holds the cloud's
// refusal, so the replay above checks a failing path too.
func TestContractFixturesShowTheViolation(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "terraform", "5-violation.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exchanges, err := emulator.ReadExchanges(f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(exchanges, func(e emulator.Exchange) bool {
		return e.Action == "AssociateEipAddress" && e.Status == 400 && e.Code == "Eni.Attached"
	}) {
		t.Errorf("the violation step has no AssociateEipAddress refused with Eni.Attached")
	}
}

// FuzzReadExchanges: any input gives exchanges or an error, never a panic, and what it
// reads it can write back and read again the same.
func FuzzReadExchanges(f *testing.F) {
	f.Add(`{"version":"2016-04-28","action":"DescribeEipAddresses","params":{"RegionId":"cn-shanghai"},"status":200}`)
	f.Add(
		`{"version":"2014-05-26","action":"AssociateEipAddress","status":400,"code":"Eni.Attached"}` + "\n" + `{"version":"x","action":"y","status":1}`,
	)
	f.Add(`{"version":"2016-04-28","nope":1}`)
	f.Add(`[]`)
	f.Add(`{"params":{"a":1}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := emulator.ReadExchanges(strings.NewReader(doc))
		if err != nil {
			return
		}
		var buf strings.Builder
		enc := json.NewEncoder(&buf)
		for _, e := range got {
			if err := enc.Encode(e); err != nil {
				t.Fatal(err)
			}
		}
		again, err := emulator.ReadExchanges(strings.NewReader(buf.String()))
		if err != nil || len(again) != len(got) {
			t.Fatalf("written exchanges do not read back: %v", err)
		}
		for i := range got {
			if a, b := again[i], got[i]; a.Action != b.Action || a.Version != b.Version || a.Status != b.Status ||
				a.Code != b.Code ||
				len(a.Params) != len(b.Params) {
				t.Fatalf("exchange %d changed: %+v -> %+v", i, b, a)
			}
		}
	})
}

// TestProviderReadsAreOperations: every action the provider's reads are listed for is
// one of backend.Operations, the declaration the route table serves.
func TestProviderReadsAreOperations(t *testing.T) {
	t.Parallel()
	for action := range providerReads {
		if !backend.Op(action).Known() {
			t.Errorf("providerReads lists %s, which is not one of backend.Operations", action)
		}
	}
}
