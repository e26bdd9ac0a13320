package emulator_test

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestRunInstancesKeepsSettings: through the official ECS SDK, RunInstances takes the
// primary private address (modelled: the primary ENI's address, checked against the
// vSwitch like any other), and keeps and gives back the host name, key pair, user data
// and RAM role (the host name changed in place too); the password is taken and never
// answered.
func TestRunInstancesKeepsSettings(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	// The key pair must exist in the region, as in the cloud: the account makes it.
	kp, err := e.CreateKeyPair(&ecs.CreateKeyPairRequest{RegionId: tea.String("cn-shanghai"), KeyPairName: tea.String("ops")})
	if err != nil || !strings.Contains(tea.StringValue(kp.Body.PrivateKeyBody), "PRIVATE KEY") ||
		len(tea.StringValue(kp.Body.KeyPairFingerPrint)) != 32 {
		t.Fatalf("CreateKeyPair: %v %v", kp, err)
	}
	userData := base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho fw\n"))
	run := func(ip string) (string, error) {
		out, err := e.RunInstances(&ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"),
			InstanceType: tea.String("ecs.g7.large"), ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"),
			VSwitchId: tea.String("vsw-t"), PrivateIpAddress: tea.String(ip), HostName: tea.String("fw-1"),
			KeyPairName: tea.String("ops"), UserData: tea.String(userData), RamRoleName: tea.String("fw-role"),
			Password: tea.String("Secret-123")})
		if err != nil {
			return "", err
		}
		return tea.StringValue(out.Body.InstanceIdSets.InstanceIdSet[0]), nil
	}
	id, err := run("192.168.0.2")
	if err != nil {
		t.Fatal(err)
	}
	keys, err := e.DescribeKeyPairs(&ecs.DescribeKeyPairsRequest{RegionId: tea.String("cn-shanghai"),
		KeyPairName: tea.String("ops")})
	if err != nil || len(keys.Body.KeyPairs.KeyPair) != 1 ||
		tea.StringValue(keys.Body.KeyPairs.KeyPair[0].KeyPairFingerPrint) != tea.StringValue(kp.Body.KeyPairFingerPrint) {
		t.Errorf("DescribeKeyPairs: %v %v", keys, err)
	}
	got, err := e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + id + `"]`)})
	if err != nil {
		t.Fatal(err)
	}
	in := got.Body.Instances.Instance[0]
	if ips := in.VpcAttributes.PrivateIpAddress.IpAddress; len(ips) != 1 || tea.StringValue(ips[0]) != "192.168.0.2" ||
		tea.StringValue(in.HostName) != "fw-1" || tea.StringValue(in.KeyPairName) != "ops" {
		t.Errorf("DescribeInstances: address %v, host %q, key pair %q", ips, tea.StringValue(in.HostName),
			tea.StringValue(in.KeyPairName))
	}
	ud, err := e.DescribeUserData(&ecs.DescribeUserDataRequest{RegionId: tea.String("cn-shanghai"), InstanceId: tea.String(id)})
	if err != nil || tea.StringValue(ud.Body.UserData) != userData {
		t.Errorf("DescribeUserData: %v %v", ud, err)
	}
	roles, err := e.DescribeInstanceRamRole(&ecs.DescribeInstanceRamRoleRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + id + `"]`)})
	if err != nil || len(roles.Body.InstanceRamRoleSets.InstanceRamRoleSet) != 1 ||
		tea.StringValue(roles.Body.InstanceRamRoleSets.InstanceRamRoleSet[0].RamRoleName) != "fw-role" {
		t.Errorf("DescribeInstanceRamRole: %v %v", roles, err)
	}
	if _, err := e.ModifyInstanceAttribute(&ecs.ModifyInstanceAttributeRequest{
		InstanceId: tea.String(id), HostName: tea.String("fw-2")}); err != nil {
		t.Fatal(err)
	}
	again, err := e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + id + `"]`)})
	if err != nil || tea.StringValue(again.Body.Instances.Instance[0].HostName) != "fw-2" {
		t.Errorf("the host name after ModifyInstanceAttribute: %v %v", again, err)
	}
	for ip, want := range map[string]string{
		"192.168.0.2":   "InvalidPrivateIpAddress.Duplicated", // the first instance has it
		"192.168.0.254": "InvalidPrivateIpAddress.Reserved",
		"10.0.0.5":      "InvalidVSwitchId.IpInvalid",
	} {
		_, err := run(ip)
		var se *tea.SDKError
		if !errors.As(err, &se) || tea.StringValue(se.Code) != want {
			t.Errorf("an instance at %s: %v, want %s", ip, err, want)
		}
	}
}

// TestDescribeRegions: data "alicloud_regions" reads ECS DescribeRegions even to plan;
// through the official SDK it lists the open regions with their English names (the
// region table: cn-hangzhou is China (Hangzhou)).
func TestDescribeRegions(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	out, err := e.DescribeRegions(&ecs.DescribeRegionsRequest{AcceptLanguage: tea.String("en-US")})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range out.Body.Regions.Region {
		names[tea.StringValue(r.RegionId)] = tea.StringValue(r.LocalName)
	}
	if names["cn-hangzhou"] != "China (Hangzhou)" || names["cn-shanghai"] == "" || len(names) < 20 {
		t.Errorf("DescribeRegions: %d regions, cn-hangzhou %q", len(names), names["cn-hangzhou"])
	}
}

// TestMarketplaceImages: an image search in the marketplace finds the marketplace
// images the topology seeds (answered with their owner alias), and where the catalog
// has none it is a named refusal, not an empty list that a configuration would index.
func TestMarketplaceImages(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	search := func() ([]*ecs.DescribeImagesResponseBodyImagesImage, error) {
		out, err := e.DescribeImages(&ecs.DescribeImagesRequest{RegionId: tea.String("cn-shanghai"),
			ImageOwnerAlias: tea.String("marketplace"), ImageName: tea.String("*firewall*")})
		if err != nil {
			return nil, err
		}
		return out.Body.Images.Image, nil
	}
	_, err := search()
	var se *tea.SDKError
	if !errors.As(err, &se) || tea.StringValue(se.Code) != "InvalidParameter" ||
		!strings.Contains(tea.StringValue(se.Message), "no marketplace images") {
		t.Fatalf("a marketplace search in a catalog without any: %v", err)
	}
	if err := account.Seed(fake.Topology{Catalog: fake.Catalog{Images: []fake.ImageSpec{
		{ID: "m-fw-1", Region: "cn-shanghai", Name: "vendor-firewall-10.2", Owner: "marketplace"},
		{ID: "ubuntu_22_04", Region: "cn-shanghai", Name: "ubuntu_22_04"},
	}}}); err != nil {
		t.Fatal(err)
	}
	got, err := search()
	if err != nil || len(got) != 1 || tea.StringValue(got[0].ImageId) != "m-fw-1" ||
		tea.StringValue(got[0].ImageOwnerAlias) != "marketplace" {
		t.Errorf("a marketplace search: %v %v", got, err)
	}
}

// TestInstancePasswordRules: RunInstances and ModifyInstanceAttribute take a password
// of 8 to 30 characters of at least three kinds, as the ECS API reference gives them,
// and refuse any other with InvalidPassword.Malformed.
func TestInstancePasswordRules(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	run := func(pw string) (string, error) {
		out, err := e.RunInstances(&ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"),
			InstanceType: tea.String("ecs.g7.large"), ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"),
			VSwitchId: tea.String("vsw-t"), Password: tea.String(pw)})
		if err != nil {
			return "", err
		}
		return tea.StringValue(out.Body.InstanceIdSets.InstanceIdSet[0]), nil
	}
	id := ""
	for _, tc := range []struct {
		password string
		ok       bool
	}{
		{"Secret-123", true},                     // upper, lower, digits, special
		{"secret123", false},                     // two kinds
		{"Sec-1", false},                         // 5 characters
		{"Secret 123", false},                    // a space is not a special character
		{"Aa1" + strings.Repeat("x", 27), true},  // 30 characters
		{"Aa1" + strings.Repeat("x", 28), false}, // 31
	} {
		got, err := run(tc.password)
		if tc.ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), "InvalidPassword.Malformed")) {
			t.Errorf("RunInstances with password %q: %v", tc.password, err)
		}
		if err == nil {
			id = got
		}
	}
	_, err := e.ModifyInstanceAttribute(&ecs.ModifyInstanceAttributeRequest{InstanceId: tea.String(id),
		Password: tea.String("NewSecret-1")})
	if err != nil {
		t.Errorf("ModifyInstanceAttribute with a good password: %v", err)
	}
	_, err = e.ModifyInstanceAttribute(&ecs.ModifyInstanceAttributeRequest{InstanceId: tea.String(id),
		Password: tea.String("short")})
	if err == nil || !strings.Contains(err.Error(), "InvalidPassword.Malformed") {
		t.Errorf("ModifyInstanceAttribute with a short password: %v", err)
	}
}

// TestMaintenanceAttributesKept: through the official SDK, an instance's maintenance
// action, notice and windows are kept and given back; an action outside the three the
// API reference lists, or a window that ends before it starts, is refused.
func TestMaintenanceAttributesKept(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	run, err := e.RunInstances(&ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceType: tea.String("ecs.g7.large"), ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"),
		VSwitchId: tea.String("vsw-t")})
	if err != nil {
		t.Fatal(err)
	}
	id := run.Body.InstanceIdSets.InstanceIdSet[0]
	modify := func(action, start, end string) error {
		_, err := e.ModifyInstanceMaintenanceAttributes(&ecs.ModifyInstanceMaintenanceAttributesRequest{
			RegionId: tea.String("cn-shanghai"), InstanceId: []*string{id}, ActionOnMaintenance: tea.String(action),
			NotifyOnMaintenance: tea.Bool(true),
			MaintenanceWindow: []*ecs.ModifyInstanceMaintenanceAttributesRequestMaintenanceWindow{
				{StartTime: tea.String(start), EndTime: tea.String(end)}}})
		return err
	}
	if err := modify("Reboot", "18:00:00Z", "21:00:00Z"); err == nil {
		t.Error("ActionOnMaintenance Reboot taken")
	}
	if err := modify("Stop", "21:00:00Z", "18:00:00Z"); err == nil {
		t.Error("a window that ends before it starts taken")
	}
	if err := modify("Stop", "18:00:00Z", "21:00:00Z"); err != nil {
		t.Fatal(err)
	}
	got, err := e.DescribeInstanceMaintenanceAttributes(&ecs.DescribeInstanceMaintenanceAttributesRequest{
		RegionId: tea.String("cn-shanghai"), InstanceId: []*string{id}})
	if err != nil {
		t.Fatal(err)
	}
	a := got.Body.MaintenanceAttributes.MaintenanceAttribute[0]
	w := a.MaintenanceWindows.MaintenanceWindow
	if tea.StringValue(a.ActionOnMaintenance.Value) != "Stop" || !tea.BoolValue(a.NotifyOnMaintenance) || len(w) != 1 ||
		tea.StringValue(w[0].StartTime) != "18:00:00Z" || tea.StringValue(w[0].EndTime) != "21:00:00Z" {
		t.Errorf("DescribeInstanceMaintenanceAttributes: %v", a)
	}
}

// TestInstanceOptionsKept: RunInstances keeps what it is given of the options the
// provider reads back (metadata, credit, deletion protection), refuses a value the API
// reference does not list, and deletion protection keeps the instance until it is
// turned off.
func TestInstanceOptionsKept(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	req := func(tokens string) *ecs.RunInstancesRequest {
		return &ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"), InstanceType: tea.String("ecs.g7.large"),
			ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"), VSwitchId: tea.String("vsw-t"),
			HttpTokens: tea.String(tokens), CreditSpecification: tea.String("Unlimited"), DeletionProtection: tea.Bool(true)}
	}
	if _, err := e.RunInstances(req("sometimes")); err == nil || !strings.Contains(err.Error(), "HttpTokens") {
		t.Errorf("HttpTokens sometimes: %v", err)
	}
	run, err := e.RunInstances(req("required"))
	if err != nil {
		t.Fatal(err)
	}
	id := run.Body.InstanceIdSets.InstanceIdSet[0]
	got, err := e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + tea.StringValue(id) + `"]`)})
	if err != nil {
		t.Fatal(err)
	}
	in := got.Body.Instances.Instance[0]
	if tea.StringValue(in.MetadataOptions.HttpTokens) != "required" || tea.StringValue(in.CreditSpecification) != "Unlimited" ||
		!tea.BoolValue(in.DeletionProtection) || tea.StringValue(in.MetadataOptions.HttpEndpoint) != "enabled" {
		t.Errorf("DescribeInstances: tokens %q, credit %q, protection %v, endpoint %q", tea.StringValue(in.MetadataOptions.HttpTokens),
			tea.StringValue(in.CreditSpecification), tea.BoolValue(in.DeletionProtection), tea.StringValue(in.MetadataOptions.HttpEndpoint))
	}
	if _, err := e.ModifyInstanceMetadataOptions(&ecs.ModifyInstanceMetadataOptionsRequest{InstanceId: id,
		HttpTokens: tea.String("optional")}); err != nil {
		t.Fatal(err)
	}
	got, err = e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + tea.StringValue(id) + `"]`)})
	if err != nil || tea.StringValue(got.Body.Instances.Instance[0].MetadataOptions.HttpTokens) != "optional" {
		t.Errorf("after ModifyInstanceMetadataOptions: %v %v", got, err)
	}
	del := &ecs.DeleteInstanceRequest{InstanceId: id, Force: tea.Bool(true)}
	if _, err := e.DeleteInstance(del); err == nil || !strings.Contains(err.Error(), "InvalidOperation.DeletionProtection") {
		t.Errorf("DeleteInstance of a protected instance: %v", err)
	}
	if _, err := e.ModifyInstanceAttribute(&ecs.ModifyInstanceAttributeRequest{InstanceId: id,
		DeletionProtection: tea.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.DeleteInstance(del); err != nil {
		t.Errorf("DeleteInstance once protection is off: %v", err)
	}
}

// TestENIOptionsKept: CreateNetworkInterface and ModifyNetworkInterfaceAttribute keep
// the source and destination check and the queue count, and give them back.
func TestENIOptionsKept(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	created, err := e.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{RegionId: tea.String("cn-shanghai"),
		VSwitchId: tea.String("vsw-t"), SecurityGroupId: tea.String("sg-t"), SourceDestCheck: tea.Bool(true),
		QueueNumber: tea.Int32(2)})
	if err != nil {
		t.Fatal(err)
	}
	id := created.Body.NetworkInterfaceId
	describe := func() *ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet {
		out, err := e.DescribeNetworkInterfaces(&ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String("cn-shanghai"),
			NetworkInterfaceId: []*string{id}})
		if err != nil {
			t.Fatal(err)
		}
		return out.Body.NetworkInterfaceSets.NetworkInterfaceSet[0]
	}
	if n := describe(); !tea.BoolValue(n.SourceDestCheck) || tea.Int32Value(n.QueueNumber) != 2 {
		t.Errorf("after create: source/dest check %v, queues %d", tea.BoolValue(n.SourceDestCheck), tea.Int32Value(n.QueueNumber))
	}
	if _, err := e.ModifyNetworkInterfaceAttribute(&ecs.ModifyNetworkInterfaceAttributeRequest{RegionId: tea.String("cn-shanghai"),
		NetworkInterfaceId: id, SourceDestCheck: tea.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if n := describe(); tea.BoolValue(n.SourceDestCheck) || tea.Int32Value(n.QueueNumber) != 2 {
		t.Errorf("after modify: source/dest check %v, queues %d", tea.BoolValue(n.SourceDestCheck), tea.Int32Value(n.QueueNumber))
	}
}

// TestRunInstancesPrimaryInterface: NetworkInterface.1 of InstanceType Primary sets the
// primary ENI (its queue pairs kept on it).
func TestRunInstancesPrimaryInterface(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	primary := &ecs.RunInstancesRequestNetworkInterface{InstanceType: tea.String("Primary"),
		NetworkCardIndex: tea.Int32(0), QueuePairNumber: tea.Int64(4)}
	id := launch(t, e, primary)
	if n := enisOf(t, e, id); len(n) != 1 || tea.Int32Value(n[0].QueuePairNumber) != 4 {
		t.Errorf("the primary ENI: %v", n)
	}
}

// TestRunInstancesSecondaryENIs: the ECS API reference's RunInstances NetworkInterface.N
// beside the primary one: a new ENI in a vSwitch (InstanceType Secondary) or an existing
// one (NetworkInterfaceId), attached when the call answers. The new ones go with the
// instance (DeleteOnRelease defaults to true); the existing ones are available again. A
// launch beyond the type's ENIs (ecs.g7.large: 3, the primary included) creates nothing.
func TestRunInstancesSecondaryENIs(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	secondary := func() *ecs.RunInstancesRequestNetworkInterface {
		return &ecs.RunInstancesRequestNetworkInterface{InstanceType: tea.String("Secondary"),
			VSwitchId: tea.String("vsw-t"), SecurityGroupIds: []*string{tea.String("sg-t")}}
	}
	before := len(allENIs(t, e))
	if _, err := runWith(e, secondary(), secondary(), secondary()); err == nil ||
		!strings.Contains(err.Error(), "EniPerInstanceLimitExceeded") {
		t.Errorf("4 ENIs on ecs.g7.large: %v", err)
	}
	if after := len(allENIs(t, e)); after != before {
		t.Errorf("a refused launch left %d ENIs, want %d", after, before)
	}
	made := launch(t, e, secondary())
	nics := enisOf(t, e, made)
	if len(nics) != 2 {
		t.Fatalf("instance %s has %d ENIs, want the primary and one secondary", made, len(nics))
	}
	var launched string
	for _, n := range nics {
		if tea.StringValue(n.Type) == "Secondary" {
			launched = tea.StringValue(n.NetworkInterfaceId)
			if tea.StringValue(n.Status) != "InUse" || tea.StringValue(n.VSwitchId) != "vsw-t" {
				t.Errorf("the secondary ENI at launch: %v", n)
			}
		}
	}
	took := launch(t, e, &ecs.RunInstancesRequestNetworkInterface{NetworkInterfaceId: tea.String("eni-t")})
	if !slices.ContainsFunc(enisOf(t, e, took), func(n *ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet) bool {
		return tea.StringValue(n.NetworkInterfaceId) == "eni-t"
	}) {
		t.Errorf("eni-t is not on instance %s", took)
	}
	for _, id := range []string{made, took} {
		if _, err := e.DeleteInstance(&ecs.DeleteInstanceRequest{InstanceId: tea.String(id), Force: tea.Bool(true)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range allENIs(t, e) {
		switch tea.StringValue(n.NetworkInterfaceId) {
		case launched:
			t.Errorf("ENI %s, made at launch, outlived its instance", launched)
		case "eni-t":
			if tea.StringValue(n.Status) != "Available" {
				t.Errorf("eni-t after its instance went: %s", tea.StringValue(n.Status))
			}
		}
	}
}

func runWith(e *ecs.Client, nics ...*ecs.RunInstancesRequestNetworkInterface) (*ecs.RunInstancesResponse, error) {
	return e.RunInstances(&ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceType: tea.String("ecs.g7.large"), ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"),
		VSwitchId: tea.String("vsw-t"), NetworkInterface: nics})
}

// launch runs an instance with nics and returns its ID.
func launch(t *testing.T, e *ecs.Client, nics ...*ecs.RunInstancesRequestNetworkInterface) string {
	t.Helper()
	out, err := runWith(e, nics...)
	if err != nil {
		t.Fatal(err)
	}
	return tea.StringValue(out.Body.InstanceIdSets.InstanceIdSet[0])
}

func enisOf(t *testing.T, e *ecs.Client, instance string) []*ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet {
	t.Helper()
	out, err := e.DescribeNetworkInterfaces(&ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceId: tea.String(instance)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Body.NetworkInterfaceSets.NetworkInterfaceSet
}

func allENIs(t *testing.T, e *ecs.Client) []*ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet {
	t.Helper()
	out, err := e.DescribeNetworkInterfaces(&ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String("cn-shanghai"),
		MaxResults: tea.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Body.NetworkInterfaceSets.NetworkInterfaceSet
}

// TestImageFilters: DescribeImages narrows by ImageFamily, SnapshotId (the snapshot of
// the system disk, in DiskDeviceMappings) and ImageOwnerId (an image another account
// shares, whatever its alias); DescribeImageSupportInstanceTypes gives the types an
// image lists, or every type of the catalog when it lists none.
func TestImageFilters(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	if err := account.Seed(fake.Topology{Catalog: fake.Catalog{
		InstanceTypes: []fake.InstanceTypeSpec{
			{Type: "ecs.g7.large", Cores: 2, MemoryGiB: 8, ENIs: 3, PrivateIPsPerENI: 6},
			{Type: "ecs.g7.xlarge", Cores: 4, MemoryGiB: 16, ENIs: 4, PrivateIPsPerENI: 15},
		},
		Images: []fake.ImageSpec{
			{ID: "img-a", Region: "cn-shanghai", Name: "a", Family: "fam-1", Snapshot: "s-1"},
			{ID: "img-b", Region: "cn-shanghai", Name: "b", Owner: "others", OwnerID: "1234567890",
				InstanceTypes: []string{"ecs.g7.large"}},
		}}}); err != nil {
		t.Fatal(err)
	}
	images := func(req *ecs.DescribeImagesRequest) []string {
		t.Helper()
		req.RegionId = tea.String("cn-shanghai")
		out, err := e.DescribeImages(req)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, im := range out.Body.Images.Image {
			ids = append(ids, tea.StringValue(im.ImageId))
			if m := im.DiskDeviceMappings.DiskDeviceMapping; tea.StringValue(im.ImageId) == "img-a" &&
				(len(m) != 1 || tea.StringValue(m[0].SnapshotId) != "s-1") {
				t.Errorf("img-a's disk mappings: %v", m)
			}
		}
		return ids
	}
	for _, tc := range []struct {
		req  *ecs.DescribeImagesRequest
		want string
	}{
		{&ecs.DescribeImagesRequest{ImageFamily: tea.String("fam-1")}, "img-a"},
		{&ecs.DescribeImagesRequest{SnapshotId: tea.String("s-1")}, "img-a"},
		{&ecs.DescribeImagesRequest{ImageOwnerId: tea.Int64(1234567890)}, "img-b"},
	} {
		if got := images(tc.req); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%v: %v, want %s", tc.req, got, tc.want)
		}
	}
	types := func(image string) ([]string, error) {
		out, err := e.DescribeImageSupportInstanceTypes(&ecs.DescribeImageSupportInstanceTypesRequest{
			RegionId: tea.String("cn-shanghai"), ImageId: tea.String(image)})
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, it := range out.Body.InstanceTypes.InstanceType {
			ids = append(ids, tea.StringValue(it.InstanceTypeId))
		}
		return ids, nil
	}
	if got, err := types("img-b"); err != nil || !slices.Equal(got, []string{"ecs.g7.large"}) {
		t.Errorf("the types of img-b: %v %v", got, err)
	}
	if got, err := types("img-a"); err != nil || len(got) != 2 {
		t.Errorf("the types of img-a, which lists none: %v %v", got, err)
	}
	_, err := types("img-none")
	wantCode(t, "the types of an image that does not exist", err, "InvalidImageId.NotFound")
}

// TestInstanceProductReferences: RunInstances takes the resources of other products a
// topology seeds (a deployment set, a dedicated host, an HPC cluster, an elasticity
// assurance; a snapshot policy, KMS key and storage cluster for the system disk; a
// snapshot for a data disk), and gives them back in DescribeInstances,
// DescribeInstanceAttachmentAttributes and DescribeDisks; one that does not exist is
// refused with its own code.
func TestInstanceProductReferences(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	var seeded []fake.ProductResource
	for kind, id := range map[fake.ProductKind]string{fake.DeploymentSet: "ds-1", fake.DedicatedHost: "dh-1",
		fake.HPCCluster: "hpc-1", fake.PrivatePool: "eap-1", fake.SnapshotPolicy: "sp-1", fake.KMSKey: "key-1",
		fake.StorageCluster: "dbsc-1", fake.DiskSnapshot: "s-1"} {
		seeded = append(seeded, fake.ProductResource{Kind: kind, ID: id, Region: "cn-shanghai"})
	}
	if err := account.Seed(fake.Topology{Resources: seeded}); err != nil {
		t.Fatal(err)
	}
	run := func(change func(*ecs.RunInstancesRequest)) (string, error) {
		req := &ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"), InstanceType: tea.String("ecs.g7.large"),
			ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"), VSwitchId: tea.String("vsw-t")}
		change(req)
		out, err := e.RunInstances(req)
		if err != nil {
			return "", err
		}
		return tea.StringValue(out.Body.InstanceIdSets.InstanceIdSet[0]), nil
	}
	id, err := run(func(r *ecs.RunInstancesRequest) {
		r.DeploymentSetId, r.DedicatedHostId, r.HpcClusterId = tea.String("ds-1"), tea.String("dh-1"), tea.String("hpc-1")
		r.PrivatePoolOptions = &ecs.RunInstancesRequestPrivatePoolOptions{Id: tea.String("eap-1"),
			MatchCriteria: tea.String("Target")}
		r.SystemDisk = &ecs.RunInstancesRequestSystemDisk{AutoSnapshotPolicyId: tea.String("sp-1"),
			KMSKeyId: tea.String("key-1"), StorageClusterId: tea.String("dbsc-1")}
		r.DataDisk = []*ecs.RunInstancesRequestDataDisk{{Size: tea.Int32(20), SnapshotId: tea.String("s-1")}}
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
		InstanceIds: tea.String(`["` + id + `"]`)})
	if err != nil {
		t.Fatal(err)
	}
	in := got.Body.Instances.Instance[0]
	if tea.StringValue(in.DeploymentSetId) != "ds-1" || tea.StringValue(in.HpcClusterId) != "hpc-1" ||
		tea.StringValue(in.DedicatedHostAttribute.DedicatedHostId) != "dh-1" {
		t.Errorf("the instance's deployment set, HPC cluster and host: %v", in)
	}
	attrs, err := e.DescribeInstanceAttachmentAttributes(&ecs.DescribeInstanceAttachmentAttributesRequest{
		RegionId: tea.String("cn-shanghai"), InstanceIds: tea.String(`["` + id + `"]`)})
	if err != nil {
		t.Fatal(err)
	}
	if a := attrs.Body.Instances.Instance; len(a) != 1 || tea.StringValue(a[0].PrivatePoolOptionsId) != "eap-1" {
		t.Errorf("the instance's private pool: %v", a)
	}
	disks, err := e.DescribeDisks(&ecs.DescribeDisksRequest{RegionId: tea.String("cn-shanghai"), InstanceId: tea.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range disks.Body.Disks.Disk {
		switch tea.StringValue(d.Type) {
		case "system":
			if tea.StringValue(d.AutoSnapshotPolicyId) != "sp-1" || tea.StringValue(d.KMSKeyId) != "key-1" ||
				tea.StringValue(d.StorageClusterId) != "dbsc-1" || !tea.BoolValue(d.Encrypted) {
				t.Errorf("the system disk: %v", d)
			}
		case "data":
			if tea.StringValue(d.SourceSnapshotId) != "s-1" {
				t.Errorf("the data disk: %v", d)
			}
		}
	}
	for _, tc := range []struct {
		change func(*ecs.RunInstancesRequest)
		code   string
	}{
		{func(r *ecs.RunInstancesRequest) { r.DeploymentSetId = tea.String("ds-none") }, "InvalidDeploymentSetId.NotFound"},
		{func(r *ecs.RunInstancesRequest) { r.DedicatedHostId = tea.String("ds-1") }, "InvalidDedicatedHostId.NotFound"},
		{func(r *ecs.RunInstancesRequest) {
			r.DataDisk = []*ecs.RunInstancesRequestDataDisk{{Size: tea.Int32(20), KMSKeyId: tea.String("key-none")}}
		}, "InvalidKMSKeyId.NotFound"},
	} {
		_, err := run(tc.change)
		wantCode(t, tc.code, err, tc.code)
	}
}

// TestPasswordInherit: RunInstances takes PasswordInherit (the image's preset password),
// write-only, and refuses it beside a Password of its own (InvalidParameter.Conflict).
func TestPasswordInherit(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	run := func(pw *string) error {
		_, err := e.RunInstances(&ecs.RunInstancesRequest{RegionId: tea.String("cn-shanghai"),
			InstanceType: tea.String("ecs.g7.large"), ImageId: tea.String("ubuntu_22_04_x64_20G_alibase_20240101.vhd"),
			VSwitchId: tea.String("vsw-t"), PasswordInherit: tea.Bool(true), Password: pw})
		return err
	}
	if err := run(nil); err != nil {
		t.Errorf("PasswordInherit alone: %v", err)
	}
	wantCode(t, "PasswordInherit with a password", run(tea.String("Abc-12345")), "InvalidParameter.Conflict")
}

// TestLaunchTemplates: RunInstances fills what it leaves out from the launch template it
// names (by ID or name; the default version, or the one given), and refuses a template
// or version the topology does not have.
func TestLaunchTemplates(t *testing.T) {
	t.Parallel()
	_, e, account, _ := sdkServer(t)
	if err := account.Seed(fake.Topology{LaunchTemplates: []fake.LaunchTemplate{{ID: "lt-1", Name: "web",
		Region: "cn-shanghai", DefaultVersion: 2, Versions: []fake.LaunchTemplateVersion{
			{Version: 1, Image: "img-1", InstanceType: "ecs.g7.large", VSwitch: "vsw-t", Name: "one"},
			{Version: 2, Image: "img-2", InstanceType: "ecs.g7.large", VSwitch: "vsw-t", Name: "two"},
		}}}}); err != nil {
		t.Fatal(err)
	}
	run := func(req *ecs.RunInstancesRequest) (*ecs.DescribeInstancesResponseBodyInstancesInstance, error) {
		req.RegionId = tea.String("cn-shanghai")
		out, err := e.RunInstances(req)
		if err != nil {
			return nil, err
		}
		got, err := e.DescribeInstances(&ecs.DescribeInstancesRequest{RegionId: tea.String("cn-shanghai"),
			InstanceIds: tea.String(`["` + tea.StringValue(out.Body.InstanceIdSets.InstanceIdSet[0]) + `"]`)})
		if err != nil {
			return nil, err
		}
		return got.Body.Instances.Instance[0], nil
	}
	in, err := run(&ecs.RunInstancesRequest{LaunchTemplateName: tea.String("web")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(in.ImageId) != "img-2" || tea.StringValue(in.InstanceName) != "two" ||
		tea.StringValue(in.VpcAttributes.VSwitchId) != "vsw-t" {
		t.Errorf("from the default version: image %s, name %s", tea.StringValue(in.ImageId), tea.StringValue(in.InstanceName))
	}
	in, err = run(&ecs.RunInstancesRequest{LaunchTemplateId: tea.String("lt-1"), LaunchTemplateVersion: tea.Int64(1),
		InstanceName: tea.String("mine")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(in.ImageId) != "img-1" || tea.StringValue(in.InstanceName) != "mine" {
		t.Errorf("from version 1, with a name of its own: image %s, name %s", tea.StringValue(in.ImageId),
			tea.StringValue(in.InstanceName))
	}
	_, err = run(&ecs.RunInstancesRequest{LaunchTemplateId: tea.String("lt-none")})
	wantCode(t, "a template that does not exist", err, "InvalidLaunchTemplate.NotFound")
	_, err = run(&ecs.RunInstancesRequest{LaunchTemplateId: tea.String("lt-1"), LaunchTemplateVersion: tea.Int64(3)})
	wantCode(t, "a version that does not exist", err, "InvalidLaunchTemplateVersion.NotFound")
	_, err = run(&ecs.RunInstancesRequest{LaunchTemplateVersion: tea.Int64(1), ImageId: tea.String("img-1"),
		InstanceType: tea.String("ecs.g7.large"), VSwitchId: tea.String("vsw-t")})
	wantCode(t, "a version of no template", err, "InvalidParameter")
}
