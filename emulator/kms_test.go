package emulator_test

import (
	"encoding/base64"
	"io"
	"log/slog"
	"net/url"
	"testing"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// TestKMS: Encrypt with a key the topology seeds, then Decrypt with the same context,
// gives the plaintext back; another context, a key the region lacks, or a ciphertext
// that is not the emulator's are refused. A ciphertext written by hand in the format
// fake documents (what a test of kms_encrypted_password writes) decrypts too.
func TestKMS(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.Options{})
	if err := f.Seed(fake.Topology{Resources: []fake.ProductResource{{Kind: fake.KMSKey, ID: "key-1",
		Region: "cn-shanghai"}}}); err != nil {
		t.Fatal(err)
	}
	s, err := emulator.New(emulator.Config{Backend: f, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	call := func(action string, params map[string]string) map[string]any {
		t.Helper()
		q := url.Values{"Version": {emulator.KMSVersion}, "Action": {action}, "RegionId": {"cn-shanghai"}}
		for k, v := range params {
			q.Set(k, v)
		}
		_, body := unsigned(t, s, "POST", q.Encode(), nil, "")
		return body
	}
	enc := call("Encrypt", map[string]string{"KeyId": "key-1", "Plaintext": "Secret-123", "EncryptionContext": `{"a":"b"}`})
	blob, _ := enc["CiphertextBlob"].(string)
	if got := call("Decrypt", map[string]string{"CiphertextBlob": blob, "EncryptionContext": `{"a":"b"}`}); got["Plaintext"] != "Secret-123" ||
		got["KeyId"] != "key-1" {
		t.Errorf("Decrypt of Encrypt: %v", got)
	}
	byHand := "eipassoc-kms:" + base64.StdEncoding.EncodeToString([]byte(`{"key":"key-1","plaintext":"Hand-123"}`))
	if got := call("Decrypt", map[string]string{"CiphertextBlob": byHand, "EncryptionContext": "{}"}); got["Plaintext"] != "Hand-123" {
		t.Errorf("Decrypt of a ciphertext written by hand: %v", got)
	}
	for _, tc := range []struct {
		action string
		params map[string]string
		code   string
	}{
		{"Decrypt", map[string]string{"CiphertextBlob": blob, "EncryptionContext": `{"a":"c"}`}, "Rejected.ValidationFailure"},
		{"Decrypt", map[string]string{"CiphertextBlob": "not-ours"}, "Rejected.ValidationFailure"},
		{"Encrypt", map[string]string{"KeyId": "key-none", "Plaintext": "x"}, "Forbidden.KeyNotFound"},
	} {
		if got := call(tc.action, tc.params); got["Code"] != tc.code {
			t.Errorf("%s %v: %v, want %s", tc.action, tc.params, got, tc.code)
		}
	}
}
