package emulator

import (
	"context"
	"encoding/json"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The ECS API for alicloud_ecs_key_pair: CreateKeyPair, ImportKeyPair,
// DescribeKeyPairs and DeleteKeyPairs.

var (
	createKeyPairParams   = modelledParams("RegionId", "KeyPairName", "ResourceGroupId", tagParams)
	importKeyPairParams   = modelledParams("RegionId", "KeyPairName", "ResourceGroupId", "PublicKeyBody", tagParams)
	describeKeyPairParams = modelledParams("RegionId", "KeyPairName", "KeyPairFingerPrint", "PageNumber", "PageSize",
		tagParams)
	deleteKeyPairsParams = modelledParams("RegionId", "KeyPairNames")
)

// keyPairAnswer is CreateKeyPair's and ImportKeyPair's answer (the private key only
// for a key the account made).
type keyPairAnswer struct {
	RequestID          string `json:"RequestId"`
	KeyPairName        string
	KeyPairFingerPrint string
	PrivateKeyBody     string `json:",omitempty"`
}

func (s *Server) createKeyPair(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, createKeyPairParams); err != nil {
		return nil, err
	}
	r, name, err := regionAnd(p, "KeyPairName")
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.ECS, p)
	if err != nil {
		return nil, err
	}
	k, private, err := s.b.CreateKeyPair(ctx, r, name, p.str("ResourceGroupId"))
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "keypair", k.Name, tags); err != nil {
		return nil, err
	}
	return keyPairAnswer{newRequestID(), k.Name, k.FingerPrint, private}, nil
}

func (s *Server) importKeyPair(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, importKeyPairParams); err != nil {
		return nil, err
	}
	r, name, err := regionAnd(p, "KeyPairName")
	if err != nil {
		return nil, err
	}
	body, err := p.required("PublicKeyBody")
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.ECS, p)
	if err != nil {
		return nil, err
	}
	k, err := s.b.ImportKeyPair(ctx, r, name, p.str("ResourceGroupId"), body)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "keypair", k.Name, tags); err != nil {
		return nil, err
	}
	return keyPairAnswer{RequestID: newRequestID(), KeyPairName: k.Name, KeyPairFingerPrint: k.FingerPrint}, nil
}

// keyPairJSON is one key pair of DescribeKeyPairs.
type keyPairJSON struct {
	KeyPairName        string
	KeyPairFingerPrint string
	PublicKey          string
	CreationTime       string
	ResourceGroupID    string `json:"ResourceGroupId"`
	Tags               ecsTags
}

func (s *Server) describeKeyPairs(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, describeKeyPairParams); err != nil {
		return nil, err
	}
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	pairs, err := s.b.KeyPairs(ctx, r, p.str("KeyPairName"))
	if err != nil {
		return nil, err
	}
	tagged, err := s.tagFilter(p)
	if err != nil {
		return nil, err
	}
	list := []keyPairJSON{}
	for _, k := range pairs {
		if f := p.str("KeyPairFingerPrint"); (f != "" && f != k.FingerPrint) || !tagged(k.Name) {
			continue
		}
		list = append(list, keyPairJSON{KeyPairName: k.Name, KeyPairFingerPrint: k.FingerPrint, PublicKey: k.PublicKey,
			CreationTime: cloudTime(k.Created), ResourceGroupID: k.ResourceGroupID, Tags: s.ecsTagsOf(k.Name)})
	}
	out := struct {
		pageHead
		KeyPairs struct{ KeyPair []keyPairJSON }
	}{pageHead: onePage(len(list), max(len(list), 10))}
	out.KeyPairs.KeyPair = list
	return out, nil
}

func (s *Server) deleteKeyPairs(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, deleteKeyPairsParams); err != nil {
		return nil, err
	}
	r, raw, err := regionAnd(p, "KeyPairNames")
	if err != nil {
		return nil, err
	}
	var names []string
	if err := json.Unmarshal([]byte(raw), &names); err != nil {
		return nil, p.badParam("KeyPairNames", "must be a JSON array of key pair names")
	}
	if err := s.b.DeleteKeyPairs(ctx, r, names); err != nil {
		return nil, err
	}
	return ok()
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: fake.OpCreateKeyPair, Handler: func(s *Server) handler { return s.createKeyPair },
		Params: createKeyPairParams},
	route{API: backend.ECS, Op: fake.OpImportKeyPair, Handler: func(s *Server) handler { return s.importKeyPair },
		Params: importKeyPairParams},
	route{API: backend.ECS, Op: fake.OpDescribeKeyPairs, Handler: func(s *Server) handler { return s.describeKeyPairs },
		Params: describeKeyPairParams},
	route{API: backend.ECS, Op: fake.OpDeleteKeyPairs, Handler: func(s *Server) handler { return s.deleteKeyPairs },
		Params: deleteKeyPairsParams},
)
