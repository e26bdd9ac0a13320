package emulator_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// sdkTransport sends the SDK's requests straight to the test server, bypassing the
// SDK's proxy handling.
type sdkTransport struct{}

func (sdkTransport) Call(r *http.Request, _ *http.Transport) (*http.Response, error) {
	return http.DefaultClient.Do(r)
}

// The official VPC SDK talks to the emulator as it would to the cloud: signed
// requests, the cloud's answers and its error codes.
func Example_officialSDK() {
	account := fake.NewBuilder(fake.Options{Seed: 1}).EIP("eip-demo", "cn-shanghai").MustBuild()
	srv, err := emulator.New(emulator.Config{Backend: account, AccessKeys: map[string]string{"demo": "demo-secret"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(srv) // or: eipassoc serve -access-key demo:demo-secret
	defer ts.Close()

	client, err := vpc.NewClient(&openapi.Config{
		AccessKeyId: tea.String(
			"demo",
		), AccessKeySecret: tea.String("demo-secret"), RegionId: tea.String("cn-shanghai"),
		Endpoint: tea.String(
			strings.TrimPrefix(ts.URL, "http://"),
		), Protocol: tea.String("http"), HttpClient: sdkTransport{},
	})
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-shanghai")})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range resp.Body.EipAddresses.EipAddress {
		fmt.Println(tea.StringValue(e.AllocationId), tea.StringValue(e.Status))
	}
	_, err = client.ReleaseEipAddress(
		&vpc.ReleaseEipAddressRequest{RegionId: tea.String("cn-shanghai"), AllocationId: tea.String("eip-missing")},
	)
	var sdkErr *tea.SDKError
	if errors.As(err, &sdkErr) {
		fmt.Println(tea.StringValue(sdkErr.Code), tea.IntValue(sdkErr.StatusCode))
	}
	// Output:
	// eip-demo Available
	// InvalidAllocationId.NotFound 404
}
