package fake

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpKMSEncrypt backend.Op = "Encrypt"
	OpKMSDecrypt backend.Op = "Decrypt"
)

var _ = backend.Declare(
	backend.Operation{API: backend.KMS, Op: OpKMSEncrypt},
	backend.Operation{API: backend.KMS, Op: OpKMSDecrypt},
)

// KMS Encrypt and Decrypt, for the passwords that alicloud_instance takes encrypted
// (kms_encrypted_password, kms_encryption_context): a key is a seeded ProductResource
// of kind kms_key. The fake's ciphertexts are not secret: a ciphertext is
// "eipassoc-kms:" and the Base64 of a JSON object naming the key, the encryption
// context and the plaintext, so that a test can write one by hand. Decrypt takes
// only a ciphertext of a key of the region, with the context it was made with.

// kmsPrefix starts every ciphertext of the fake.
const kmsPrefix = "eipassoc-kms:"

// kmsEnvelope is what a ciphertext holds.
type kmsEnvelope struct {
	Key       string            `json:"key"`
	Context   map[string]string `json:"context,omitempty"`
	Plaintext string            `json:"plaintext"`
}

// Encrypt implements KMS Encrypt: plaintext under key, bound to context.
func (b *Backend) Encrypt(ctx context.Context, r regions.ID, key, plaintext string, context map[string]string) (blob string, err error) {
	const op = OpKMSEncrypt
	if err := begin(ctx, b, op, key); err != nil {
		return "", err
	}
	defer func() { err = end(b, op, key, err) }()
	if err := b.checkKMSKey(op, r, key); err != nil {
		return "", err
	}
	if plaintext == "" {
		return "", fail(op, "MissingParameter", "The input parameter Plaintext that is mandatory for processing this "+
			"request is not supplied.")
	}
	data, err := json.Marshal(kmsEnvelope{Key: key, Context: context, Plaintext: plaintext})
	if err != nil {
		return "", fail(op, "InternalFailure", err.Error())
	}
	return kmsPrefix + base64.StdEncoding.EncodeToString(data), nil
}

// Decrypt implements KMS Decrypt: the key and plaintext of blob, given the context it
// was made with (an empty or null context matches a ciphertext made without one).
func (b *Backend) Decrypt(ctx context.Context, r regions.ID, blob string, context map[string]string) (key, plaintext string, err error) {
	const op = OpKMSDecrypt
	if err := begin(ctx, b, op, blob); err != nil {
		return "", "", err
	}
	defer func() { err = end(b, op, blob, err) }()
	var env kmsEnvelope
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(blob, kmsPrefix))
	if !strings.HasPrefix(blob, kmsPrefix) || err != nil || json.Unmarshal(data, &env) != nil {
		return "", "", fail(op, "Rejected.ValidationFailure", "The CiphertextBlob is not a ciphertext of this account.")
	}
	if err := b.checkKMSKey(op, r, env.Key); err != nil {
		return "", "", err
	}
	if len(env.Context) != len(context) {
		return "", "", fail(op, "Rejected.ValidationFailure", "The EncryptionContext is not the one the ciphertext "+
			"was made with.")
	}
	for k, v := range env.Context {
		if w, ok := context[k]; !ok || w != v {
			return "", "", fail(op, "Rejected.ValidationFailure", "The EncryptionContext is not the one the "+
				"ciphertext was made with.")
		}
	}
	return env.Key, env.Plaintext, nil
}

// checkKMSKey reports an error unless key is a seeded KMS key of region r.
func (b *Backend) checkKMSKey(op backend.Op, r regions.ID, key string) error {
	if res, ok := inRegion(b.s.resources, key, r); !ok || res.Kind != KMSKey {
		return fail(op, "Forbidden.KeyNotFound", "The key "+key+" does not exist in "+string(r)+".")
	}
	return nil
}
