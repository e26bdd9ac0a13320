package emulator

import (
	"context"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/regions"
)

// tagInput reads the common parameters of the tag operations of api.
func tagInput(api backend.API, p *params) (fake.TagInput, error) {
	r, err := region(p)
	if err != nil {
		return fake.TagInput{}, err
	}
	in := fake.TagInput{API: api, Region: r, ResourceType: p.str("ResourceType")}
	if in.ResourceIDs, err = p.list("ResourceId", maxListIndex); err != nil {
		return fake.TagInput{}, err
	}
	if in.Tags, err = p.tags(); err != nil {
		return fake.TagInput{}, err
	}
	if in.Keys, err = p.list("TagKey", maxListIndex); err != nil {
		return fake.TagInput{}, err
	}
	in.All = p.str("All") == "true"
	return in, nil
}

// tagHandlers are the tag operations of one API: TagResources, the removal (VPC
// UnTagResources, ECS UntagResources) and ListTagResources.
func (s *Server) tagHandlers(api backend.API) map[backend.Op]handler {
	untag := fake.OpUntagResources
	if api == backend.VPC {
		untag = fake.OpUnTagResources
	}
	return map[backend.Op]handler{
		fake.OpTagResources: func(ctx context.Context, p *params) (any, error) {
			in, err := tagInput(api, p)
			if err != nil {
				return nil, err
			}
			if err := s.b.TagResources(ctx, in); err != nil {
				return nil, err
			}
			return ok()
		},
		untag: func(ctx context.Context, p *params) (any, error) {
			in, err := tagInput(api, p)
			if err != nil {
				return nil, err
			}
			if err := s.b.UntagResources(ctx, in); err != nil {
				return nil, err
			}
			return ok()
		},
		fake.OpListTagResources: func(ctx context.Context, p *params) (any, error) {
			return s.listTagResources(ctx, api, p)
		},
	}
}

// tagResourceJSON is one entry of ListTagResources.
type tagResourceJSON struct {
	ResourceID   string `json:"ResourceId"`
	ResourceType string `json:"ResourceType"`
	TagKey       string `json:"TagKey"`
	TagValue     string `json:"TagValue"`
}

// listTagsAnswer is the answer of ListTagResources; NextToken is empty on the last page.
type listTagsAnswer struct {
	RequestID    string `json:"RequestId"`
	NextToken    string `json:"NextToken"`
	TagResources struct {
		TagResource []tagResourceJSON `json:"TagResource"`
	} `json:"TagResources"`
}

// listTagResources pages the entries by MaxResults (VPC, default 50, at most 1000) or
// PageSize (ECS, default 50, at most 1000) with NextToken, the position of the next
// entry.
func (s *Server) listTagResources(ctx context.Context, api backend.API, p *params) (any, error) {
	in, err := tagInput(api, p)
	if err != nil {
		return nil, err
	}
	size, err := p.integer(map[backend.API]string{backend.VPC: "MaxResults", backend.ECS: "PageSize"}[api])
	if err != nil {
		return nil, err
	}
	if size == 0 {
		size = 50
	}
	if size < 1 || size > 1000 {
		return nil, p.badParam("MaxResults", "from 1 to 1000")
	}
	start := 0
	if tok := p.str("NextToken"); tok != "" {
		if start, err = strconv.Atoi(tok); err != nil || start < 0 {
			return nil, p.badParam("NextToken", "not a token this server gave")
		}
	}
	all, err := s.b.ListTagResources(ctx, in)
	if err != nil {
		return nil, err
	}
	out := listTagsAnswer{RequestID: newRequestID()}
	out.TagResources.TagResource = []tagResourceJSON{}
	for i := start; i < len(all) && i < start+size; i++ {
		t := all[i]
		out.TagResources.TagResource = append(
			out.TagResources.TagResource,
			tagResourceJSON{
				ResourceID:   t.ResourceID,
				ResourceType: t.ResourceType,
				TagKey:       t.Tag.Key,
				TagValue:     t.Tag.Value,
			},
		)
	}
	if start+size < len(all) {
		out.NextToken = strconv.Itoa(start + size)
	}
	return out, nil
}

// keyValueJSON is a tag as VPC's describes give it.
type keyValueJSON struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// vpcTags is the Tags member of a VPC describe: {"Tag": [{"Key", "Value"}]}.
type vpcTags struct {
	Tag []keyValueJSON `json:"Tag"`
}

// ecsTagJSON is a tag as ECS's describes give it.
type ecsTagJSON struct {
	TagKey   string `json:"TagKey"`
	TagValue string `json:"TagValue"`
}

// ecsTags is the Tags member of an ECS describe: {"Tag": [{"TagKey", "TagValue"}]}.
type ecsTags struct {
	Tag []ecsTagJSON `json:"Tag"`
}

func (s *Server) vpcTagsOf(id string) vpcTags {
	out := vpcTags{Tag: []keyValueJSON{}}
	for _, t := range s.b.Tags(id) {
		out.Tag = append(out.Tag, keyValueJSON(t))
	}
	return out
}

func (s *Server) ecsTagsOf(id string) ecsTags {
	out := ecsTags{Tag: []ecsTagJSON{}}
	for _, t := range s.b.Tags(id) {
		out.Tag = append(out.Tag, ecsTagJSON{TagKey: t.Key, TagValue: t.Value})
	}
	return out
}

// tagFilter reads a describe's Tag.N filter: a resource matches when it carries every
// tag (an empty value matches any value of the key).
func (s *Server) tagFilter(p *params) (func(id string) bool, error) {
	want, err := p.tags()
	if err != nil || len(want) == 0 {
		return func(string) bool { return true }, err
	}
	return func(id string) bool { return fake.HasTags(s.b.Tags(id), want) }, nil
}

// createTags reads and checks the Tag.N parameters of a create call, before anything
// is made: a create with bad tags makes nothing.
func createTags(api backend.API, p *params) ([]backend.Tag, error) {
	tags, err := p.tags()
	if err != nil {
		return nil, err
	}
	return tags, backend.CheckTagCall(api, string(p.op), nil, tags)
}

// tagNew gives a resource that a create call made the tags createTags checked.
func (s *Server) tagNew(
	ctx context.Context,
	api backend.API,
	r regions.ID,
	resourceType, id string,
	tags []backend.Tag,
) error {
	if len(tags) == 0 {
		return nil
	}
	return s.b.TagResources(
		ctx,
		fake.TagInput{API: api, Region: r, ResourceType: resourceType, ResourceIDs: []string{id}, Tags: tags},
	)
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: fake.OpTagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.VPC)[fake.OpTagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "All")},
	route{API: backend.VPC, Op: fake.OpUnTagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.VPC)[fake.OpUnTagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, `^TagKey\.[^.]+$`, "All")},
	route{API: backend.VPC, Op: fake.OpListTagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.VPC)[fake.OpListTagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "MaxResults",
			"NextToken", "PageSize", "All")},
	route{API: backend.ECS, Op: fake.OpTagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.ECS)[fake.OpTagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "All")},
	route{API: backend.ECS, Op: fake.OpUntagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.ECS)[fake.OpUntagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, `^TagKey\.[^.]+$`, "All")},
	route{API: backend.ECS, Op: fake.OpListTagResources, Handler: func(s *Server) handler { return s.tagHandlers(backend.ECS)[fake.OpListTagResources] },
		Params: modelledParams("RegionId", "ResourceType", `^ResourceId\.[^.]+$`, tagParams, "MaxResults",
			"NextToken", "PageSize", "All")},
)
