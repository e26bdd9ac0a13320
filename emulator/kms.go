package emulator

import (
	"context"
	"encoding/json"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// KMS Encrypt and Decrypt (fake.Backend.Encrypt, Decrypt): what the provider calls to
// read alicloud_instance's kms_encrypted_password.

// encryptionContext reads EncryptionContext, a JSON object of strings; absent, empty
// or null is no context.
func encryptionContext(p *params) (map[string]string, error) {
	raw := p.str("EncryptionContext")
	if raw == "" || raw == "null" {
		return nil, nil
	}
	var out map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, p.badParam("EncryptionContext", "a JSON object of strings")
	}
	return out, nil
}

// kmsAnswer is Encrypt's and Decrypt's answer.
type kmsAnswer struct {
	RequestID      string `json:"RequestId"`
	KeyID          string `json:"KeyId"`
	KeyVersionID   string `json:"KeyVersionId"`
	CiphertextBlob string `json:",omitempty"`
	Plaintext      string `json:",omitempty"`
}

func (s *Server) kmsEncrypt(ctx context.Context, p *params) (any, error) {
	r, key, err := regionAnd(p, "KeyId")
	if err != nil {
		return nil, err
	}
	kc, err := encryptionContext(p)
	if err != nil {
		return nil, err
	}
	blob, err := s.b.Encrypt(ctx, r, key, p.str("Plaintext"), kc)
	if err != nil {
		return nil, err
	}
	return kmsAnswer{RequestID: newRequestID(), KeyID: key, KeyVersionID: key + "-v1", CiphertextBlob: blob}, nil
}

func (s *Server) kmsDecrypt(ctx context.Context, p *params) (any, error) {
	r, blob, err := regionAnd(p, "CiphertextBlob")
	if err != nil {
		return nil, err
	}
	kc, err := encryptionContext(p)
	if err != nil {
		return nil, err
	}
	key, plaintext, err := s.b.Decrypt(ctx, r, blob, kc)
	if err != nil {
		return nil, err
	}
	return kmsAnswer{RequestID: newRequestID(), KeyID: key, KeyVersionID: key + "-v1", Plaintext: plaintext}, nil
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.KMS, Op: fake.OpKMSEncrypt, Handler: func(s *Server) handler { return s.kmsEncrypt },
		Params: modelledParams("RegionId", "KeyId", "Plaintext", "EncryptionContext")},
	route{API: backend.KMS, Op: fake.OpKMSDecrypt, Handler: func(s *Server) handler { return s.kmsDecrypt },
		Params: modelledParams("RegionId", "CiphertextBlob", "EncryptionContext")},
)
