package emulator_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/emulator"
)

// partlySignedV3 builds a request whose ACS3 signature, computed by the SDK, covers only
// the headers in signed (plus the query); unsigned headers are added afterwards, as an
// attacker on the path would add them.
func partlySignedV3(
	t *testing.T,
	query map[string]string,
	body string,
	signed, unsigned map[string]string,
) *http.Request {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	hash := hex.EncodeToString(sum[:])
	headers := map[string]*string{"host": tea.String("127.0.0.1:8787"), "x-acs-content-sha256": tea.String(hash)}
	for k, v := range signed {
		headers[k] = tea.String(v)
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
		tea.String(hash),
		tea.String(keyID),
		tea.String(secret),
	)
	r := httptest.NewRequest("POST", "http://127.0.0.1:8787/?"+vals.Encode(), strings.NewReader(body))
	for k, v := range headers {
		r.Header.Set(k, *v)
	}
	for k, v := range unsigned {
		r.Header.Set(k, v)
	}
	r.Host = "127.0.0.1:8787"
	r.Header.Set("Authorization", *auth)
	return r
}

// TestSignatureBindsTheOperation covers the ways a signed request could be made to run
// another operation, or be replayed, than the one its signer meant.
func TestSignatureBindsTheOperation(t *testing.T) {
	t.Parallel()
	query := map[string]string{"RegionId": "cn-shanghai"}
	stamp := fixedNow.Format(time.RFC3339)
	tests := []struct {
		name string
		req  func() *http.Request
		code string
	}{
		{"v2: an unsigned X-Acs-Action header against the signed Action", func() *http.Request {
			r := v2Request(t, query, "b1")
			r.Header.Set("X-Acs-Action", "UnassociateEipAddress")
			return r
		}, "InvalidParameter"},
		{"v2: an unsigned X-Acs-Version header against the signed Version", func() *http.Request {
			r := v2Request(t, query, "b2")
			r.Header.Set("X-Acs-Version", emulator.ECSVersion)
			return r
		}, "InvalidParameter"},
		{"v3: the action in an unsigned X-Acs-Action header", func() *http.Request {
			return partlySignedV3(
				t,
				query,
				"",
				map[string]string{
					"x-acs-version":         emulator.VPCVersion,
					"x-acs-date":            stamp,
					"x-acs-signature-nonce": "b3",
				},
				map[string]string{"x-acs-action": "UnassociateEipAddress"},
			)
		}, "IncompleteSignature"},
		{"v3: a signed Action parameter and an unsigned X-Acs-Action header", func() *http.Request {
			q := map[string]string{
				"RegionId": "cn-shanghai",
				"Action":   "DescribeEipAddresses",
				"Version":  emulator.VPCVersion,
			}
			return partlySignedV3(t, q, "",
				map[string]string{"x-acs-date": stamp, "x-acs-signature-nonce": "b4"},
				map[string]string{"x-acs-action": "UnassociateEipAddress"})
		}, "InvalidParameter"},
		{"v3: only host and x-acs-content-sha256 signed, so the nonce could be renewed", func() *http.Request {
			return partlySignedV3(t, query, "", nil, map[string]string{
				"x-acs-action": "DescribeEipAddresses", "x-acs-version": emulator.VPCVersion, "x-acs-date": stamp,
				"x-acs-signature-nonce": "fresh-1",
			})
		}, "IncompleteSignature"},
		{"v3: an unsigned Content-Type that decides how the body is read", func() *http.Request {
			return partlySignedV3(
				t,
				query,
				"AllocationId=eip-1",
				map[string]string{
					"x-acs-action":          "DescribeEipAddresses",
					"x-acs-version":         emulator.VPCVersion,
					"x-acs-date":            stamp,
					"x-acs-signature-nonce": "b6",
				},
				map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			)
		}, "IncompleteSignature"},
		{"a parameter given twice, once outside the signature", func() *http.Request {
			r := v2Request(t, query, "b7")
			r.URL.RawQuery += "&Action=UnassociateEipAddress"
			return r
		}, "InvalidParameter"},
	}
	for _, tc := range tests {
		s := newServer(t, map[string]string{keyID: secret})
		status, body := serve(s, tc.req())
		if status != 400 || body["Code"] != tc.code {
			t.Errorf("%s: status %d, body %v; want 400 %s", tc.name, status, body, tc.code)
		}
	}
	// The same requests, left as their signer made them, are accepted: the refusals
	// above come from the tampering.
	s := newServer(t, map[string]string{keyID: secret})
	full := partlySignedV3(t, query, "", map[string]string{
		"x-acs-action": "DescribeEipAddresses", "x-acs-version": emulator.VPCVersion, "x-acs-date": stamp,
		"x-acs-signature-nonce": "ok-1",
	}, nil)
	sameHeader := v2Request(t, query, "ok-2")
	sameHeader.Header.Set("X-Acs-Action", "DescribeEipAddresses")
	for name, r := range map[string]*http.Request{"v3 fully signed": full, "v2 with an agreeing header": sameHeader} {
		if status, body := serve(s, r); status != 200 {
			t.Errorf("%s: status %d, body %v", name, status, body)
		}
	}
}
