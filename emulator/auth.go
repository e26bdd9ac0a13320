package emulator

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eipassoc/eipassoc/backend"
)

// signatureWindow is how far a request's timestamp may be from the server's clock, and
// how long a signature nonce is remembered.
const signatureWindow = 15 * time.Minute

// verifier checks request signatures against AccessKey pairs.
type verifier struct {
	keys map[string]string // AccessKeyId -> AccessKeySecret
	now  func() time.Time

	mu     sync.Mutex // guards nonces
	nonces nonceLog
}

// verify checks the signature of r, whose parameters are v and body is body, and that
// the signature covers what selects the operation: the action op and the API version.
// It returns nil when no keys are configured.
//
// Under ACS3-HMAC-SHA256 every x-acs-* header and host must be signed, so the
// X-Acs-Action and X-Acs-Version headers, the nonce and the date are bound to the
// signature, and so is Content-Type, which decides how the body is read. The older RPC
// signature covers parameters only, so there the action and the version must be the
// signed Action and Version parameters; a header cannot stand in for them.
func (a *verifier) verify(op backend.Op, version string, r *http.Request, v url.Values, body []byte) error {
	if len(a.keys) == 0 {
		return nil
	}
	fail := func(code, msg string) error { return backend.NewError(string(op), code, msg) }
	var nonce, stamp string
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "ACS3-") {
		if err := a.verifyV3(r, auth, body, fail); err != nil {
			return err
		}
		nonce, stamp = r.Header.Get("X-Acs-Signature-Nonce"), r.Header.Get("X-Acs-Date")
	} else if v.Has("Signature") {
		if v.Get("Action") != string(op) || v.Get("Version") != version {
			return fail("IncompleteSignature", "Under the RPC signature the Action and Version must be signed "+
				"parameters.")
		}
		if err := a.verifyRPC(r.Method, v, fail); err != nil {
			return err
		}
		nonce, stamp = v.Get("SignatureNonce"), v.Get("Timestamp")
	} else {
		return fail("IncompleteSignature", "The request signature does not conform to Aliyun standards: no "+
			"Authorization header and no Signature parameter.")
	}
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return fail(
			"MissingParameter",
			"The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied or is "+
				"malformed.",
		)
	}
	if d := a.now().Sub(t); d > signatureWindow || d < -signatureWindow {
		return fail("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
	}
	if nonce == "" {
		return fail(
			"MissingParameter",
			"The input parameter \"SignatureNonce\" that is mandatory for processing this request is not supplied.",
		)
	}
	if len(nonce) > maxNonceLength {
		return fail("InvalidParameter", "The SignatureNonce is longer than "+strconv.Itoa(maxNonceLength)+
			" characters (eipassoc serve's bound; the API references give none).")
	}
	return a.useNonce(nonce, fail)
}

// useNonce rejects a nonce seen within the signature window and records a new one.
func (a *verifier) useNonce(nonce string, fail func(string, string) error) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.nonces.use(nonce, a.now()) {
		return fail("SignatureNonceUsed", "Specified signature nonce was used already.")
	}
	return nil
}

// verifyV3 checks an ACS3-HMAC-SHA256 Authorization header.
func (a *verifier) verifyV3(r *http.Request, auth string, body []byte, fail func(string, string) error) error {
	algorithm, rest, _ := strings.Cut(auth, " ")
	if algorithm != "ACS3-HMAC-SHA256" {
		return fail(
			"IncompleteSignature",
			"The signature algorithm "+algorithm+" is not supported; use ACS3-HMAC-SHA256.",
		)
	}
	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return fail("IncompleteSignature", "The Authorization header is malformed.")
		}
		fields[k] = v
	}
	id, signed, signature := fields["Credential"], fields["SignedHeaders"], fields["Signature"]
	if id == "" || signed == "" || signature == "" {
		return fail("IncompleteSignature", "The Authorization header lacks Credential, SignedHeaders or Signature.")
	}
	secret, ok := a.keys[id]
	if !ok {
		return fail("InvalidAccessKeyId.NotFound", "")
	}
	sum := sha256.Sum256(body)
	payload := r.Header.Get("X-Acs-Content-Sha256")
	if payload != hex.EncodeToString(sum[:]) {
		return fail("SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body.")
	}
	names := strings.Split(signed, ";")
	if !sort.StringsAreSorted(names) || !slices.Contains(names, "host") {
		return fail("IncompleteSignature", "SignedHeaders must be sorted and include host.")
	}
	if name, ok := unsignedHeader(r.Header, names, len(body) > 0); ok {
		return fail(
			"IncompleteSignature",
			"The header "+name+" must be signed: SignedHeaders has to list host, every x-acs-* header and, with a "+
				"body, content-type.",
		)
	}
	var headers strings.Builder
	for _, name := range names {
		value := r.Header.Get(name)
		if name == "host" {
			value = r.Host
		}
		headers.WriteString(name + ":" + strings.TrimSpace(value) + "\n")
	}
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	canonical := r.Method + "\n" + path + "\n" + canonicalQuery(
		r.URL.Query(),
	) + "\n" + headers.String() + "\n" + signed + "\n" + payload
	digest := sha256.Sum256([]byte(canonical))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("ACS3-HMAC-SHA256\n" + hex.EncodeToString(digest[:])))
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(signature)) != 1 {
		return fail(
			"SignatureDoesNotMatch",
			"The request signature does not match the signature calculated by the server.",
		)
	}
	return nil
}

// canonicalQuery sorts the query by key and percent-encodes the values as the SDK does.
func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+percent(q.Get(k)))
	}
	return strings.Join(parts, "&")
}

// percent encodes s the way Alibaba Cloud signs it: RFC 3986 unreserved characters
// are kept, space is %20, and everything else is %XX.
func percent(s string) string {
	e := url.QueryEscape(s)
	return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(e)
}

// verifyRPC checks the HMAC-SHA1 Signature parameter of the older RPC signing.
func (a *verifier) verifyRPC(method string, v url.Values, fail func(string, string) error) error {
	if m := v.Get("SignatureMethod"); m != "HMAC-SHA1" {
		return fail("IncompleteSignature", "SignatureMethod must be HMAC-SHA1.")
	}
	secret, ok := a.keys[v.Get("AccessKeyId")]
	if !ok {
		return fail("InvalidAccessKeyId.NotFound", "")
	}
	signed := url.Values{}
	for k, vals := range v {
		if k != "Signature" {
			signed[k] = vals[:1]
		}
	}
	sts := method + "&%2F&" + url.QueryEscape(
		strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(signed.Encode()),
	)
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(sts))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(want), []byte(v.Get("Signature"))) != 1 {
		return fail(
			"SignatureDoesNotMatch",
			"The request signature does not match the signature calculated by the server.",
		)
	}
	return nil
}

// unsignedHeader returns a header of h that an ACS3 signature must cover and signed
// (sorted, lower case) does not: an x-acs-* header, or Content-Type when the request
// has a body.
func unsignedHeader(h http.Header, signed []string, hasBody bool) (string, bool) {
	for _, name := range slices.Sorted(maps.Keys(h)) {
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "x-acs-") || (hasBody && lower == "content-type") {
			if _, found := slices.BinarySearch(signed, lower); !found {
				return lower, true
			}
		}
	}
	return "", false
}
