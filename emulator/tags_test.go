package emulator_test

import (
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
	"github.com/google/go-cmp/cmp"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// sdkClients serves a fake account with one EIP (eip-t) and one ENI (eni-t) in
// cn-shanghai, and returns the official VPC and ECS clients pointed at it.
func sdkClients(t *testing.T) (*vpc.Client, *ecs.Client, *fake.Backend) {
	t.Helper()
	v, e, account, _ := sdkServer(t)
	return v, e, account
}

// sdkServer is sdkClients with the server's base URL, for its management endpoints.
func sdkServer(t *testing.T) (*vpc.Client, *ecs.Client, *fake.Backend, string) {
	t.Helper()
	account := fake.NewBuilder(fake.Options{Seed: 1}).
		VSwitch("vsw-t", "cn-shanghai", "cn-shanghai-b", "vpc-t", "192.168.0.0/24").
		ENI("eni-t", "vsw-t", 1).EIP("eip-t", "cn-shanghai").MustBuild()
	srv, err := emulator.New(emulator.Config{Backend: account, AccessKeys: map[string]string{"k": "s"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	cfg := &openapi.Config{
		AccessKeyId:     tea.String("k"),
		AccessKeySecret: tea.String("s"),
		RegionId:        tea.String("cn-shanghai"),
		Endpoint: tea.String(
			strings.TrimPrefix(ts.URL, "http://"),
		),
		Protocol:   tea.String("http"),
		HttpClient: sdkTransport{},
	}
	v, err := vpc.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ecs.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return v, e, account, ts.URL
}

// TestTagsThroughTheSDKs: tags added, filtered on, listed and removed with the official
// SDKs, on an EIP (VPC) and on an ENI (ECS), as their API references describe.
func TestTagsThroughTheSDKs(t *testing.T) {
	t.Parallel()
	v, e, account := sdkClients(t)
	region := tea.String("cn-shanghai")
	if _, err := v.TagResources(&vpc.TagResourcesRequest{RegionId: region, ResourceType: tea.String("EIP"),
		ResourceId: []*string{tea.String("eip-t")},
		Tag: []*vpc.TagResourcesRequestTag{
			{Key: tea.String("Name"), Value: tea.String("web")}, {Key: tea.String("Env"), Value: tea.String("dev")},
		}}); err != nil {
		t.Fatal(err)
	}
	// A key given again takes the new value.
	if _, err := v.TagResources(&vpc.TagResourcesRequest{RegionId: region, ResourceType: tea.String("EIP"),
		ResourceId: []*string{tea.String("eip-t")},
		Tag:        []*vpc.TagResourcesRequestTag{{Key: tea.String("Env"), Value: tea.String("prod")}}}); err != nil {
		t.Fatal(err)
	}
	filter := func(key, value string) []string {
		resp, err := v.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: region,
			Tag: []*vpc.DescribeEipAddressesRequestTag{{Key: tea.String(key), Value: tea.String(value)}}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range resp.Body.EipAddresses.EipAddress {
			for _, tag := range a.Tags.Tag {
				out = append(
					out,
					tea.StringValue(a.AllocationId)+" "+tea.StringValue(tag.Key)+"="+tea.StringValue(tag.Value),
				)
			}
		}
		return out
	}
	if got, want := filter("Env", "prod"), []string{"eip-t Env=prod", "eip-t Name=web"}; !cmp.Equal(got, want) {
		t.Errorf("Env=prod: %v, want %v", got, want)
	}
	if got := filter("Env", "dev"); got != nil {
		t.Errorf("Env=dev matches %v", got)
	}
	if _, err := v.UnTagResources(&vpc.UnTagResourcesRequest{RegionId: region, ResourceType: tea.String("EIP"),
		ResourceId: []*string{tea.String("eip-t")}, TagKey: []*string{tea.String("Name")}}); err != nil {
		t.Fatal(err)
	}
	listed, err := v.ListTagResources(
		&vpc.ListTagResourcesRequest{
			RegionId:     region,
			ResourceType: tea.String("EIP"),
			ResourceId:   []*string{tea.String("eip-t")},
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(listed.Body.TagResources.TagResource); n != 1 ||
		tea.StringValue(listed.Body.TagResources.TagResource[0].TagKey) != "Env" {
		t.Errorf("after UnTagResources: %v", listed.Body.TagResources.TagResource)
	}

	if _, err := e.TagResources(&ecs.TagResourcesRequest{RegionId: region, ResourceType: tea.String("eni"),
		ResourceId: []*string{tea.String("eni-t")},
		Tag:        []*ecs.TagResourcesRequestTag{{Key: tea.String("Team"), Value: tea.String("")}}}); err != nil {
		t.Fatal(err)
	}
	enis, err := e.DescribeNetworkInterfaces(&ecs.DescribeNetworkInterfacesRequest{RegionId: region,
		Tag: []*ecs.DescribeNetworkInterfacesRequestTag{{Key: tea.String("Team")}}})
	if err != nil {
		t.Fatal(err)
	}
	sets := enis.Body.NetworkInterfaceSets.NetworkInterfaceSet
	if len(sets) != 1 || len(sets[0].Tags.Tag) != 1 || tea.StringValue(sets[0].Tags.Tag[0].TagKey) != "Team" {
		t.Errorf("ENIs tagged Team: %+v", sets)
	}
	if _, err := e.UntagResources(&ecs.UntagResourcesRequest{RegionId: region, ResourceType: tea.String("eni"),
		ResourceId: []*string{tea.String("eni-t")}, All: tea.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if tags := account.Tags("eni-t"); len(tags) != 0 {
		t.Errorf("after UntagResources All: %v", tags)
	}
	// The state keeps the EIP's tag, and a topology seeded from it has it again.
	topo := account.Topology()
	again := fake.New(fake.Options{Seed: 1})
	if err := again.Seed(topo); err != nil {
		t.Fatal(err)
	}
	if got := again.Tags("eip-t"); len(got) != 1 || got[0].Key != "Env" || got[0].Value != "prod" {
		t.Errorf("tags after a round trip through the topology: %v", got)
	}
}

// TestTagErrors: each documented limit answered with the code of the API asked (VPC
// and ECS name the same mistakes differently; their TagResources error tables).
func TestTagErrors(t *testing.T) {
	t.Parallel()
	v, e, _ := sdkClients(t)
	region := tea.String("cn-shanghai")
	vpcTags := func(pairs ...string) []*vpc.TagResourcesRequestTag {
		var out []*vpc.TagResourcesRequestTag
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, &vpc.TagResourcesRequestTag{Key: tea.String(pairs[i]), Value: tea.String(pairs[i+1])})
		}
		return out
	}
	ecsTags := func(pairs ...string) []*ecs.TagResourcesRequestTag {
		var out []*ecs.TagResourcesRequestTag
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, &ecs.TagResourcesRequestTag{Key: tea.String(pairs[i]), Value: tea.String(pairs[i+1])})
		}
		return out
	}
	many := func(n int, prefix string) []string {
		var out []string
		for i := range n {
			out = append(out, prefix+strconv.Itoa(i), "v")
		}
		return out
	}
	vpcCall := func(id string, tags []*vpc.TagResourcesRequestTag) error {
		_, err := v.TagResources(
			&vpc.TagResourcesRequest{
				RegionId:     region,
				ResourceType: tea.String("EIP"),
				ResourceId:   []*string{tea.String(id)},
				Tag:          tags,
			},
		)
		return err
	}
	ecsCall := func(id string, tags []*ecs.TagResourcesRequestTag) error {
		_, err := e.TagResources(
			&ecs.TagResourcesRequest{
				RegionId:     region,
				ResourceType: tea.String("eni"),
				ResourceId:   []*string{tea.String(id)},
				Tag:          tags,
			},
		)
		return err
	}
	long := strings.Repeat("k", 129)
	tests := []struct {
		name   string
		err    error
		code   string
		status int
	}{
		{
			"VPC: a key with the reserved prefix aliyun",
			vpcCall("eip-t", vpcTags("aliyun-x", "v")),
			"InvalidTagKey",
			400,
		},
		{"VPC: a value starting with acs:", vpcCall("eip-t", vpcTags("k", "acs:v")), "InvalidTagValue", 400},
		{"VPC: 21 tags in one call", vpcCall("eip-t", vpcTags(many(21, "k")...)), "SizeLimitExceeded.TagNum", 400},
		{"VPC: a key given twice", vpcCall("eip-t", vpcTags("k", "1", "k", "2")), "Forbidden.TagKey.Duplicated", 400},
		{"VPC: an EIP that does not exist", vpcCall("eip-none", vpcTags("k", "v")), "InvalidResourceId.NotFound", 404},
		{"ECS: a key starting with acs:", ecsCall("eni-t", ecsTags("acs:x", "v")), "InvalidTagKey.Malformed", 400},
		{"ECS: a key of 129 characters", ecsCall("eni-t", ecsTags(long, "v")), "InvalidTagKey.Malformed", 400},
		{"ECS: a value of 129 characters", ecsCall("eni-t", ecsTags("k", long)), "InvalidTagValue.Malformed", 400},
		{
			"ECS: a value with a URL",
			ecsCall("eni-t", ecsTags("k", "see https://example")),
			"InvalidTagValue.Malformed",
			400,
		},
		{"ECS: an empty key", ecsCall("eni-t", ecsTags("", "v")), "InvalidTagKey.Malformed", 400},
		{"ECS: 21 tags in one call", ecsCall("eni-t", ecsTags(many(21, "k")...)), "NumberExceed.Tags", 400},
		{"ECS: a key given twice", ecsCall("eni-t", ecsTags("k", "1", "k", "2")), "Duplicate.TagKey", 400},
		{"ECS: 20 tags, then one more on the same ENI", func() error {
			if err := ecsCall("eni-t", ecsTags(many(20, "a")...)); err != nil {
				return err
			}
			return ecsCall("eni-t", ecsTags("b", "v"))
		}(), "OperationDenied.QuotaExceed", 400},
		{"ECS: a resource type it does not have", func() error {
			_, err := e.TagResources(&ecs.TagResourcesRequest{RegionId: region, ResourceType: tea.String("teapot"),
				ResourceId: []*string{tea.String("eni-t")}, Tag: ecsTags("k", "v")})
			return err
		}(), "InvalidResourceType.NotFound", 404},
	}
	for _, tc := range tests {
		var sdkErr *tea.SDKError
		if !errors.As(tc.err, &sdkErr) || tea.StringValue(sdkErr.Code) != tc.code ||
			tea.IntValue(sdkErr.StatusCode) != tc.status {
			t.Errorf("%s: %v, want %d %s", tc.name, tc.err, tc.status, tc.code)
		}
	}
	// An empty value is allowed, and a failed call changed nothing.
	if err := vpcCall("eip-t", vpcTags("k", "")); err != nil {
		t.Errorf("an empty value: %v", err)
	}
}

// TestKeyPairTags: through the official ECS SDK, a key pair created with tags gives
// them back in DescribeKeyPairs, is found by its tags there and by ListTagResources
// (ResourceType keypair, the key pair's name as its ID), and its tags go with it.
func TestKeyPairTags(t *testing.T) {
	t.Parallel()
	_, e, _, _ := sdkServer(t)
	if _, err := e.CreateKeyPair(&ecs.CreateKeyPairRequest{RegionId: tea.String("cn-shanghai"), KeyPairName: tea.String("kp-1"),
		Tag: []*ecs.CreateKeyPairRequestTag{{Key: tea.String("team"), Value: tea.String("net")}}}); err != nil {
		t.Fatal(err)
	}
	found := func(value string) []*ecs.DescribeKeyPairsResponseBodyKeyPairsKeyPair {
		out, err := e.DescribeKeyPairs(&ecs.DescribeKeyPairsRequest{RegionId: tea.String("cn-shanghai"),
			Tag: []*ecs.DescribeKeyPairsRequestTag{{Key: tea.String("team"), Value: tea.String(value)}}})
		if err != nil {
			t.Fatal(err)
		}
		return out.Body.KeyPairs.KeyPair
	}
	if got := found("net"); len(got) != 1 || len(got[0].Tags.Tag) != 1 || tea.StringValue(got[0].Tags.Tag[0].TagValue) != "net" {
		t.Errorf("the key pair by its tag: %v", got)
	}
	if got := found("sec"); len(got) != 0 {
		t.Errorf("a tag the key pair does not carry found %v", got)
	}
	listed := func() int {
		out, err := e.ListTagResources(&ecs.ListTagResourcesRequest{RegionId: tea.String("cn-shanghai"),
			ResourceType: tea.String("keypair"), ResourceId: []*string{tea.String("kp-1")}})
		if err != nil {
			return -1
		}
		return len(out.Body.TagResources.TagResource)
	}
	if n := listed(); n != 1 {
		t.Errorf("ListTagResources keypair kp-1: %d tags, want 1", n)
	}
	if _, err := e.DeleteKeyPairs(&ecs.DeleteKeyPairsRequest{RegionId: tea.String("cn-shanghai"),
		KeyPairNames: tea.String(`["kp-1"]`)}); err != nil {
		t.Fatal(err)
	}
	if n := listed(); n > 0 {
		t.Errorf("the deleted key pair still has %d tags", n)
	}
}
