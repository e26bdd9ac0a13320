package emulator_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

const (
	keyID       = "testid"
	secret      = "testsecret"
	emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
)

var fixedNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func newServer(t *testing.T, keys map[string]string) *emulator.Server {
	t.Helper()
	f := fake.NewBuilder(fake.Options{}).
		VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		EIP("eip-1", "cn-shanghai").
		MustBuild()
	s, err := emulator.New(
		emulator.Config{
			Backend:    f,
			AccessKeys: keys,
			Now:        func() time.Time { return fixedNow },
			Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		},
	)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// v3Request builds a DescribeEipAddresses request and its ACS3-HMAC-SHA256 Authorization
// header, computed by the SDK's own signing function.
func v3Request(t *testing.T, query map[string]string, nonce string) *http.Request {
	t.Helper()
	headers := map[string]*string{
		"host": tea.String("127.0.0.1:8787"), "x-acs-action": tea.String("DescribeEipAddresses"),
		"x-acs-version": tea.String(emulator.VPCVersion), "x-acs-date": tea.String(fixedNow.Format(time.RFC3339)),
		"x-acs-signature-nonce": tea.String(nonce), "x-acs-content-sha256": tea.String(emptySHA256),
	}
	q := map[string]*string{}
	vals := url.Values{}
	for k, v := range query {
		q[k] = tea.String(v)
		vals.Set(k, v)
	}
	auth := openapiutil.GetAuthorization(
		&dara.Request{Method: tea.String("POST"), Pathname: tea.String("/"), Query: q, Headers: headers},
		tea.String("ACS3-HMAC-SHA256"),
		tea.String(emptySHA256),
		tea.String(keyID),
		tea.String(secret),
	)
	r := httptest.NewRequest("POST", "http://127.0.0.1:8787/?"+vals.Encode(), nil)
	for k, v := range headers {
		r.Header.Set(k, *v)
	}
	r.Host = "127.0.0.1:8787"
	r.Header.Set("Authorization", *auth)
	return r
}

// v2Request builds the same request signed with the older HMAC-SHA1 RPC signature by
// the SDK's own function.
func v2Request(t *testing.T, query map[string]string, nonce string) *http.Request {
	t.Helper()
	return signedV2(t, "DescribeEipAddresses", query, nonce)
}

// signedV2 builds a VPC request for action signed with the RPC signature.
func signedV2(t *testing.T, action string, query map[string]string, nonce string) *http.Request {
	t.Helper()
	params := map[string]*string{
		"Action": tea.String(action), "Version": tea.String(emulator.VPCVersion), "Format": tea.String("json"),
		"AccessKeyId": tea.String(
			keyID,
		), "SignatureMethod": tea.String("HMAC-SHA1"), "SignatureVersion": tea.String("1.0"),
		"SignatureNonce": tea.String(nonce), "Timestamp": tea.String(fixedNow.Format(time.RFC3339)),
	}
	for k, v := range query {
		params[k] = tea.String(v)
	}
	sig := openapiutil.GetRPCSignature(params, tea.String("POST"), tea.String(secret))
	vals := url.Values{}
	for k, v := range params {
		vals.Set(k, *v)
	}
	vals.Set("Signature", *sig)
	return httptest.NewRequest("POST", "http://127.0.0.1:8787/?"+vals.Encode(), nil)
}

func serve(s *emulator.Server, r *http.Request) (int, map[string]any) {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var body map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &body)
	return w.Code, body
}

// TestSignatureVectors pins the SDK's signatures for two fixed requests, so a change in
// either the SDK's signing or the emulator's checking shows up, and checks that the
// emulator accepts both.
func TestSignatureVectors(t *testing.T) {
	t.Parallel()
	query := map[string]string{"RegionId": "cn-shanghai", "AllocationId": "eip-1", "PageSize": "10"}
	v3 := v3Request(t, query, "nonce-1")
	const wantV3 = "ACS3-HMAC-SHA256 " +
		"Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;" +
		"x-acs-signature-nonce;x-acs-version,Signature="
	const signature = "d44254c85997edc4dfe79dc59c0832eff6bb076ef13b541ff15a88a472a79015"
	if got := v3.Header.Get("Authorization"); got != wantV3+signature {
		t.Fatalf("v3 Authorization = %q", got)
	}
	v2 := v2Request(t, query, "nonce-2")
	if got := v2.URL.Query().Get("Signature"); got != "Ow7NuSOp4PC0GoU4Phmg/uT5Jnc=" {
		t.Fatalf("v2 Signature = %q", got)
	}
	s := newServer(t, map[string]string{keyID: secret})
	for name, r := range map[string]*http.Request{"v3": v3, "v2": v2} {
		status, body := serve(s, r)
		if status != 200 || body["TotalCount"] != float64(1) {
			t.Errorf("%s: status %d, body %v", name, status, body)
		}
	}
}

func TestSignatureRejections(t *testing.T) {
	t.Parallel()
	query := map[string]string{"RegionId": "cn-shanghai"}
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
		code   string
	}{
		{"no signature", func() *http.Request {
			r := v3Request(t, query, "n1")
			r.Header.Del("Authorization")
			return r
		}, 400, "IncompleteSignature"},
		{"malformed header", func() *http.Request {
			r := v3Request(t, query, "n2")
			r.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential")
			return r
		}, 400, "IncompleteSignature"},
		{"unknown key", func() *http.Request {
			r := v3Request(t, query, "n3")
			r.Header.Set(
				"Authorization",
				strings.Replace(r.Header.Get("Authorization"), "Credential=testid", "Credential=other", 1),
			)
			return r
		}, 404, "InvalidAccessKeyId.NotFound"},
		{"tampered query", func() *http.Request {
			r := v3Request(t, query, "n4")
			r.URL.RawQuery = "RegionId=cn-beijing"
			return r
		}, 400, "SignatureDoesNotMatch"},
		{"tampered header", func() *http.Request {
			r := v3Request(t, query, "n5")
			r.Header.Set("X-Acs-Signature-Nonce", "other")
			return r
		}, 400, "SignatureDoesNotMatch"},
		{"body hash", func() *http.Request {
			r := v3Request(t, query, "n6")
			r.Body = io.NopCloser(strings.NewReader("x"))
			return r
		}, 400, "SignatureDoesNotMatch"},
		{"v2 wrong signature", func() *http.Request {
			r := v2Request(t, query, "n7")
			q := r.URL.Query()
			q.Set("Signature", "AAAA")
			r.URL.RawQuery = q.Encode()
			return r
		}, 400, "SignatureDoesNotMatch"},
		{"v2 unknown key", func() *http.Request {
			r := v2Request(t, query, "n8")
			q := r.URL.Query()
			q.Set("AccessKeyId", "other")
			r.URL.RawQuery = q.Encode()
			return r
		}, 404, "InvalidAccessKeyId.NotFound"},
	}
	for _, tc := range tests {
		s := newServer(t, map[string]string{keyID: secret})
		status, body := serve(s, tc.req())
		if status != tc.status || body["Code"] != tc.code || body["RequestId"] == "" || body["Message"] == "" ||
			body["HostId"] == nil {
			t.Errorf("%s: status %d, body %v; want %d %s", tc.name, status, body, tc.status, tc.code)
		}
	}
}

func TestReplayAndClock(t *testing.T) {
	t.Parallel()
	query := map[string]string{"RegionId": "cn-shanghai"}
	s := newServer(t, map[string]string{keyID: secret})
	if status, _ := serve(s, v3Request(t, query, "same")); status != 200 {
		t.Fatalf("first request: %d", status)
	}
	if _, body := serve(s, v3Request(t, query, "same")); body["Code"] != "SignatureNonceUsed" {
		t.Errorf("replayed nonce: %v", body)
	}
	late, _ := emulator.New(
		emulator.Config{Backend: fake.New(fake.Options{}), AccessKeys: map[string]string{keyID: secret},
			Now: func() time.Time { return fixedNow.Add(time.Hour) }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
	)
	if _, body := serve(late, v3Request(t, query, "n")); body["Code"] != "InvalidTimeStamp.Expired" {
		t.Errorf("old timestamp: %v", body)
	}
	// A nonce is at most 128 characters (the emulator's bound), under both signatures.
	for i, sign := range []func(*testing.T, map[string]string, string) *http.Request{v3Request, v2Request} {
		fill := string(rune('a' + i))
		if status, body := serve(s, sign(t, query, strings.Repeat(fill, 128))); status != 200 {
			t.Errorf("a nonce of 128 characters: %d %v", status, body)
		}
		if _, body := serve(s, sign(t, query, strings.Repeat(fill, 129))); body["Code"] != "InvalidParameter" {
			t.Errorf("a nonce of 129 characters: %v", body)
		}
	}
}
