package fake_test

import (
	"context"
	"crypto/ed25519"
	"crypto/md5"
	"encoding/hex"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestKeyPairs: an imported key pair's fingerprint is the MD5 of its public key (as
// ssh-keygen -E md5 prints it, without colons: the cloud's KeyPairFingerPrint, worked
// out here from the key's wire form); a name is taken once per region; RunInstances
// takes only a key pair the region has; deleting an unknown name is no error.
func TestKeyPairs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newAccount(fake.Options{})
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	sum := md5.Sum(sshPub.Marshal())
	k, err := f.ImportKeyPair(ctx, region, "ops", "", string(ssh.MarshalAuthorizedKey(sshPub)))
	if err != nil {
		t.Fatal(err)
	}
	if k.FingerPrint != hex.EncodeToString(sum[:]) {
		t.Errorf("fingerprint %s, want %x", k.FingerPrint, sum)
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{func() error {
			_, err := f.ImportKeyPair(ctx, region, "ops", "", string(ssh.MarshalAuthorizedKey(sshPub)))
			return err
		}(),
			"KeyPair.AlreadyExist"},
		{func() error { _, err := f.ImportKeyPair(ctx, region, "bad", "", "ssh-rsa not-base64"); return err }(),
			"InvalidPublicKeyBody.Malformed"},
		{func() error { _, _, err := f.CreateKeyPair(ctx, region, "1st", ""); return err }(), "InvalidKeyPairName.Malformed"},
		{func() error {
			_, err := f.RunInstance(ctx, fake.RunInstanceInput{Region: region, Type: "ecs.g7.large", VSwitch: "vsw-1",
				Image: "img", InstanceSettings: fake.InstanceSettings{KeyPairName: "missing"}})
			return err
		}(), "InvalidKeyPair.NotFound"},
		{f.DeleteKeyPairs(ctx, region, []string{"missing"}), ""},
	} {
		if got := backend.Code(tc.err); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.err, got, tc.want)
		}
	}
	if _, err := f.RunInstance(ctx, fake.RunInstanceInput{Region: region, Type: "ecs.g7.large", VSwitch: "vsw-1",
		Image: "img", InstanceSettings: fake.InstanceSettings{KeyPairName: "ops"}}); err != nil {
		t.Errorf("an instance with the key pair: %v", err)
	}
	if got := f.Topology().KeyPairs; len(got) != 1 || got[0].FingerPrint != k.FingerPrint {
		t.Errorf("the state's key pairs: %+v", got)
	}
}
