package fake

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
	"golang.org/x/crypto/ssh"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateKeyPair    backend.Op = "CreateKeyPair"
	OpImportKeyPair    backend.Op = "ImportKeyPair"
	OpDescribeKeyPairs backend.Op = "DescribeKeyPairs"
	OpDeleteKeyPairs   backend.Op = "DeleteKeyPairs"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpCreateKeyPair, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpImportKeyPair, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpDescribeKeyPairs},
	backend.Operation{API: backend.ECS, Op: OpDeleteKeyPairs, Mutates: true},
)

// A KeyPair is an SSH key pair of a region, as ECS keeps it: its name, the MD5
// fingerprint of its public key (the cloud's KeyPairFingerPrint) and the public key in
// authorized_keys form. RunInstances takes only a key pair the region has.
type KeyPair struct {
	Name            string     `json:"name"`
	Region          regions.ID `json:"region"`
	FingerPrint     string     `json:"finger_print"`
	PublicKey       string     `json:"public_key"`
	ResourceGroupID string     `json:"resource_group_id,omitempty"`
	Created         time.Time  `json:"-"`
}

// keyPairKey keys the state's key pairs: names are unique within a region.
func keyPairKey(region regions.ID, name string) string { return string(region) + "/" + name }

// checkKeyPairName checks a name as CreateKeyPair does: 2 to 128 characters, starting
// with a letter, not with http:// or https://.
func checkKeyPairName(op backend.Op, name string) error {
	c := byte(0)
	if name != "" {
		c = name[0]
	}
	if len(name) < 2 || len(name) > 128 || !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') ||
		strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		return fail(op, "InvalidKeyPairName.Malformed", "The KeyPairName is 2 to 128 characters and starts with a letter.")
	}
	return nil
}

// CreateKeyPair implements ECS CreateKeyPair: the account makes the key (Ed25519 here)
// and answers its private key once, in PEM.
func (b *Backend) CreateKeyPair(ctx context.Context, region regions.ID, name, resourceGroup string) (
	k KeyPair, privatePEM string, err error,
) {
	const op = OpCreateKeyPair
	if err := begin(ctx, b, op, name); err != nil {
		return KeyPair{}, "", err
	}
	defer func() { err = end(b, op, name, err) }()
	pub, priv, gerr := ed25519.GenerateKey(rand.Reader)
	if gerr != nil {
		return KeyPair{}, "", fail(op, "InternalError", gerr.Error())
	}
	sshPub, serr := ssh.NewPublicKey(pub)
	if serr != nil {
		return KeyPair{}, "", fail(op, "InternalError", serr.Error())
	}
	der, merr := x509.MarshalPKCS8PrivateKey(priv)
	if merr != nil {
		return KeyPair{}, "", fail(op, "InternalError", merr.Error())
	}
	k, err = b.addKeyPair(op, region, name, resourceGroup, sshPub)
	return k, string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), err
}

// ImportKeyPair implements ECS ImportKeyPair: publicKey is one line of authorized_keys.
func (b *Backend) ImportKeyPair(ctx context.Context, region regions.ID, name, resourceGroup, publicKey string) (
	k KeyPair, err error,
) {
	const op = OpImportKeyPair
	if err := begin(ctx, b, op, name); err != nil {
		return KeyPair{}, err
	}
	defer func() { err = end(b, op, name, err) }()
	pub, _, _, _, perr := ssh.ParseAuthorizedKey([]byte(publicKey))
	if perr != nil {
		return KeyPair{}, fail(op, "InvalidPublicKeyBody.Malformed", "The PublicKeyBody is not an SSH public key.")
	}
	return b.addKeyPair(op, region, name, resourceGroup, pub)
}

func (b *Backend) addKeyPair(op backend.Op, region regions.ID, name, resourceGroup string, pub ssh.PublicKey) (
	KeyPair, error,
) {
	if err := checkRegion(op, region); err != nil {
		return KeyPair{}, err
	}
	if err := checkKeyPairName(op, name); err != nil {
		return KeyPair{}, err
	}
	if b.s.keyPairs[keyPairKey(region, name)] != nil {
		return KeyPair{}, fail(op, "KeyPair.AlreadyExist", "The key pair "+name+" already exists.")
	}
	k := &KeyPair{Name: name, Region: region, FingerPrint: strings.ReplaceAll(ssh.FingerprintLegacyMD5(pub), ":", ""),
		PublicKey: strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))), ResourceGroupID: resourceGroup,
		Created: b.clock().UTC()}
	b.s.keyPairs[keyPairKey(region, name)] = k
	return *k, nil
}

// KeyPairs implements ECS DescribeKeyPairs: the region's key pairs, sorted by name,
// those named name only when name is not empty.
func (b *Backend) KeyPairs(ctx context.Context, region regions.ID, name string) (out []KeyPair, err error) {
	const op = OpDescribeKeyPairs
	if err := begin(ctx, b, op, name); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, name, err) }()
	if err := checkRegion(op, region); err != nil {
		return nil, err
	}
	for _, key := range slices.Sorted(maps.Keys(b.s.keyPairs)) {
		if k := b.s.keyPairs[key]; k.Region == region && (name == "" || k.Name == name) {
			out = append(out, *k)
		}
	}
	return out, nil
}

// DeleteKeyPairs implements ECS DeleteKeyPairs; names the region does not have are
// skipped, as in the API.
func (b *Backend) DeleteKeyPairs(ctx context.Context, region regions.ID, names []string) (err error) {
	const op = OpDeleteKeyPairs
	if err := begin(ctx, b, op, names); err != nil {
		return err
	}
	defer func() { err = end(b, op, names, err) }()
	if err := checkRegion(op, region); err != nil {
		return err
	}
	if len(names) == 0 || len(names) > 100 {
		return fail(op, "InvalidParameter", "KeyPairNames lists 1 to 100 names.")
	}
	for _, n := range names {
		if b.s.keyPairs[keyPairKey(region, n)] != nil {
			delete(b.s.keyPairs, keyPairKey(region, n))
			delete(b.s.tags, n)
		}
	}
	return nil
}
