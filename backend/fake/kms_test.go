package fake_test

import (
	"context"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// FuzzDecrypt: whatever ciphertext and context a caller sends, Decrypt answers with the
// plaintext or with one of its two codes (a ciphertext that is not the account's or
// whose context differs: Rejected.ValidationFailure; a key the region lacks:
// Forbidden.KeyNotFound), never a panic; and what it decrypts, Encrypt with the same
// key and context makes again into a ciphertext that decrypts to the same plaintext.
func FuzzDecrypt(f *testing.F) {
	account := fake.New(fake.Options{})
	if err := account.Seed(fake.Topology{Resources: []fake.ProductResource{{Kind: fake.KMSKey, ID: "key-1",
		Region: region}}}); err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	blob, err := account.Encrypt(ctx, region, "key-1", "Secret-123", map[string]string{"a": "b"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(blob, "a", "b")
	f.Add(blob, "", "")
	f.Add("eipassoc-kms:e30=", "", "")
	f.Add("eipassoc-kms:eyJrZXkiOiJrZXktMiIsInBsYWludGV4dCI6IngifQ==", "", "") // key-2 is not seeded
	f.Add("not a ciphertext", "a", "b")
	f.Fuzz(func(t *testing.T, blob, k, v string) {
		var kc map[string]string
		if k != "" {
			kc = map[string]string{k: v}
		}
		key, plaintext, err := account.Decrypt(ctx, region, blob, kc)
		if err != nil {
			if c := backend.Code(err); c != "Rejected.ValidationFailure" && c != "Forbidden.KeyNotFound" {
				t.Fatalf("Decrypt(%q): %v, not one of its codes", blob, err)
			}
			return
		}
		again, err := account.Encrypt(ctx, region, key, plaintext, kc)
		if plaintext == "" {
			return // Encrypt takes no empty plaintext; a hand-made ciphertext may hold one
		}
		if err != nil {
			t.Fatalf("Encrypt(%s, %q): %v", key, plaintext, err)
		}
		if _, back, err := account.Decrypt(ctx, region, again, kc); err != nil || back != plaintext {
			t.Fatalf("round trip of %q: %q, %v", plaintext, back, err)
		}
	})
}
