package fake

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpTagResources     backend.Op = "TagResources"
	OpUntagResources   backend.Op = "UntagResources" // ECS's spelling
	OpUnTagResources   backend.Op = "UnTagResources" // VPC's spelling
	OpListTagResources backend.Op = "ListTagResources"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpTagResources, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpTagResources, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpTagResources, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpUntagResources, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpUntagResources, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpUnTagResources, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpListTagResources},
	backend.Operation{API: backend.ECS, Op: OpListTagResources},
	backend.Operation{API: backend.RAM, Op: OpListTagResources},
)

// TagInput names the resources of a tag call and what to do with their tags.
type TagInput struct {
	API    backend.API
	Region regions.ID
	// ResourceType is the API's name of the kind of resource: EIP, VPC, VSWITCH, HAVIP
	// or ROUTETABLE in VPC (case does not matter), eni, instance, securitygroup or disk
	// in ECS.
	ResourceType string
	ResourceIDs  []string
	// Tags are added by TagResources, and filter ListTagResources (a resource
	// matches when it has every one; an empty Value matches any value).
	Tags []backend.Tag
	// Keys are removed by UntagResources; All removes every tag when Keys is empty.
	Keys []string
	All  bool
}

// A TaggedResource is one tag of one resource, as ListTagResources lists it.
type TaggedResource struct {
	ResourceID   string
	ResourceType string
	Tag          backend.Tag
}

// tagKinds maps each API's resource types to whether a resource of that kind with an
// ID exists in a region.
var tagKinds = map[backend.API]map[string]func(s *state, r regions.ID, id string) bool{
	backend.VPC: {
		"eip": func(s *state, r regions.ID, id string) bool {
			e := s.eips[eip.ID(id)]
			return e != nil && e.addr.Region == r
		},
		"vpc":     func(s *state, r regions.ID, id string) bool { v := s.vpcs[id]; return v != nil && v.Region == r },
		"vswitch": func(s *state, r regions.ID, id string) bool { v := s.vswitches[id]; return v != nil && v.Region == r },
		"havip":   func(s *state, r regions.ID, id string) bool { h := s.havips[id]; return h != nil && h.Region == r },
		"routetable": func(s *state, r regions.ID, id string) bool {
			for _, v := range s.vpcs {
				if v.Region == r && slices.ContainsFunc(v.RouteTables, func(t RouteTable) bool { return t.ID == id }) {
					return true
				}
			}
			return false
		},
	},
	backend.ECS: {
		"eni": func(s *state, r regions.ID, id string) bool {
			n := s.enis[eni.ID(id)]
			return n != nil && n.iface.Region == r
		},
		"instance": func(s *state, r regions.ID, id string) bool {
			i := s.instances[id]
			return i != nil && i.Region == r
		},
		"securitygroup": func(s *state, r regions.ID, id string) bool { g := s.groups[id]; return g != nil && g.Region == r },
		"disk":          func(s *state, r regions.ID, id string) bool { return s.diskIn(r, id) },
		// A key pair's ID, for tags, is its name (unique in its region).
		"keypair": func(s *state, r regions.ID, id string) bool { return s.keyPairs[keyPairKey(r, id)] != nil },
	},
}

// tagTargets checks the resource type and IDs of a call: every ID must be a resource
// of that type in the region.
func (b *Backend) tagTargets(op backend.Op, in TagInput, needIDs bool) (func(string) bool, error) {
	exists := tagKinds[in.API][strings.ToLower(in.ResourceType)]
	switch {
	case in.ResourceType == "":
		return nil, fail(
			op,
			"MissingParameter",
			"The input parameter \"ResourceType\" that is mandatory for processing this request is not supplied.",
		)
	case exists == nil:
		return nil, fail(
			op,
			"InvalidResourceType.NotFound",
			fmt.Sprintf("ResourceType %q is not one the fake keeps tags for in %s.", in.ResourceType, in.API),
		)
	case needIDs && len(in.ResourceIDs) == 0:
		return nil, fail(
			op,
			"MissingParameter",
			"The input parameter \"ResourceId.N\" that is mandatory for processing this request is not supplied.",
		)
	}
	if needIDs {
		for _, id := range in.ResourceIDs {
			if !exists(&b.s, in.Region, id) {
				return nil, fail(
					op,
					"InvalidResourceId.NotFound",
					fmt.Sprintf("The specified ResourceIds are not found in our records: %s.", id),
				)
			}
		}
	}
	return func(id string) bool { return exists(&b.s, in.Region, id) }, nil
}

// TagResources adds tags to resources, all or none: a key already on a resource takes
// the new value, and a resource may carry at most backend.MaxTagsPerResource tags.
func (b *Backend) TagResources(ctx context.Context, in TagInput) (err error) {
	const op = OpTagResources
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return err
	}
	if _, err := b.tagTargets(op, in, true); err != nil {
		return err
	}
	if len(in.Tags) == 0 {
		return fail(
			op,
			"MissingParameter",
			"The input parameter \"Tag.N\" that is mandatory for processing this request is not supplied.",
		)
	}
	if err := backend.CheckTagCall(in.API, string(op), in.ResourceIDs, in.Tags); err != nil {
		return err
	}
	merged := make([][]backend.Tag, len(in.ResourceIDs))
	for i, id := range in.ResourceIDs {
		if merged[i], err = backend.MergeTags(in.API, string(op), id, b.s.tags[id], in.Tags); err != nil {
			return err
		}
	}
	for i, id := range in.ResourceIDs {
		b.s.tags[id] = merged[i]
	}
	return nil
}

// UntagResources removes tags from resources: the keys named (a key a resource does
// not have is no error), or every tag when All is set and no key is named.
func (b *Backend) UntagResources(ctx context.Context, in TagInput) (err error) {
	op := OpUntagResources
	if in.API == backend.VPC {
		op = OpUnTagResources
	}
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return err
	}
	if _, err := b.tagTargets(op, in, true); err != nil {
		return err
	}
	if len(in.Keys) > backend.MaxTagsPerCall {
		return backend.CheckTagCall(in.API, string(op), nil, make([]backend.Tag, len(in.Keys)))
	}
	for _, id := range in.ResourceIDs {
		switch {
		case len(in.Keys) > 0:
			kept := slices.DeleteFunc(
				slices.Clone(b.s.tags[id]),
				func(t backend.Tag) bool { return slices.Contains(in.Keys, t.Key) },
			)
			b.setTags(id, kept)
		case in.All:
			b.setTags(id, nil)
		}
	}
	return nil
}

// ListTagResources lists the tags of the resources named, or of every resource of the
// type in the region, by resource ID then key; with Tags, only resources that carry
// all of them (an empty value matches any value).
func (b *Backend) ListTagResources(ctx context.Context, in TagInput) (out []TaggedResource, err error) {
	const op = OpListTagResources
	if err := begin(ctx, b, op, in); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, in, err) }()
	if err := checkRegion(op, in.Region); err != nil {
		return nil, err
	}
	exists, err := b.tagTargets(op, in, false)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, id := range in.ResourceIDs {
		if exists(id) {
			ids = append(ids, id) // a resource that is not there has no tags to list
		}
	}
	if len(in.ResourceIDs) == 0 {
		for id := range b.s.tags {
			if exists(id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if !HasTags(b.s.tags[id], in.Tags) {
			continue
		}
		for _, t := range b.s.tags[id] {
			out = append(out, TaggedResource{ResourceID: id, ResourceType: in.ResourceType, Tag: t})
		}
	}
	return out, nil
}

// HasTags reports whether tags has every tag of want; a wanted tag with an empty value
// matches any value of its key, as the describes' Tag.N filters do.
func HasTags(tags, want []backend.Tag) bool {
	for _, w := range want {
		if !slices.ContainsFunc(
			tags,
			func(t backend.Tag) bool { return t.Key == w.Key && (w.Value == "" || t.Value == w.Value) },
		) {
			return false
		}
	}
	return true
}

// Tags returns the tags of a resource, sorted by key.
func (b *Backend) Tags(id string) []backend.Tag {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.s.tags[id])
}

// setTags replaces a resource's tags; none removes the entry.
func (b *Backend) setTags(id string, tags []backend.Tag) {
	if len(tags) == 0 {
		delete(b.s.tags, id)
		return
	}
	b.s.tags[id] = tags
}

// seedTags gives a seeded resource its tags, checked as TagResources checks them.
func (b *Backend) seedTags(api backend.API, id string, tags map[string]string) error {
	if len(tags) == 0 {
		return nil
	}
	list := make([]backend.Tag, 0, len(tags))
	for k, v := range tags {
		list = append(list, backend.Tag{Key: k, Value: v})
	}
	slices.SortFunc(list, func(a, c backend.Tag) int { return strings.Compare(a.Key, c.Key) })
	if err := backend.CheckTagCall(api, string(OpTagResources), []string{id}, list); err != nil {
		return err
	}
	merged, err := backend.MergeTags(api, string(OpTagResources), id, nil, list)
	if err != nil {
		return err
	}
	b.s.tags[id] = merged
	return nil
}

// tagMap returns a resource's tags as a topology writes them, or nil.
func (s *state) tagMap(id string) map[string]string {
	if len(s.tags[id]) == 0 {
		return nil
	}
	m := make(map[string]string, len(s.tags[id]))
	for _, t := range s.tags[id] {
		m[t.Key] = t.Value
	}
	return m
}
