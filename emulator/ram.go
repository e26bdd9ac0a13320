package emulator

import (
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpListPolicyVersions  backend.Op = "ListPolicyVersions"
	OpListPoliciesForRole backend.Op = "ListPoliciesForRole"
)

var _ = backend.Declare(
	backend.Operation{API: backend.RAM, Op: OpListPolicyVersions},
	backend.Operation{API: backend.RAM, Op: OpListPoliciesForRole},
)

// The RAM API (2015-05-01) for alicloud_ram_role, alicloud_ram_policy and
// alicloud_ram_role_policy_attachment: roles, custom policies and their versions,
// attachments, and the tags of roles and policies. RAM writes lists of names, tags
// and tag keys as JSON strings.

// A roleJSON is a role as CreateRole, GetRole and UpdateRole answer it.
type roleJSON struct {
	RoleID                   string `json:"RoleId"`
	RoleName                 string
	Arn                      string
	Description              string
	AssumeRolePolicyDocument string
	MaxSessionDuration       int
	CreateDate, UpdateDate   string
}

func newRoleJSON(r fake.RAMRole) roleJSON {
	return roleJSON{RoleID: r.ID, RoleName: r.Name, Arn: r.ARN(), Description: r.Description,
		AssumeRolePolicyDocument: r.Document, MaxSessionDuration: cmp.Or(r.MaxSessionDuration, 3600),
		CreateDate: cloudTime(r.Created), UpdateDate: cloudTime(r.Updated)}
}

// roleAnswer is the answer of CreateRole, GetRole and UpdateRole.
type roleAnswer struct {
	RequestID string `json:"RequestId"`
	Role      roleJSON
}

// maxTagKeys is how many tag keys an untag call names at most (RAM: 20).
const maxTagKeys = 20

// ramTags reads a JSON list of {"Key", "Value"} tags, as RAM's Tag parameter is.
func ramTags(p *params, name string) (map[string]string, error) {
	raw := p.str(name)
	if raw == "" {
		return nil, nil
	}
	var list []struct{ Key, Value string }
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return nil, p.badParam(name, `a JSON list of {"Key": ..., "Value": ...}`)
	}
	out := map[string]string{}
	for _, t := range list {
		out[t.Key] = t.Value
	}
	return out, nil
}

// jsonNames reads a JSON list of strings, as RAM's ResourceNames and TagKeys are.
func jsonNames(p *params, name string) ([]string, error) {
	var out []string
	if raw := p.str(name); raw != "" {
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			return nil, p.badParam(name, "a JSON list of strings")
		}
	}
	return out, nil
}

// optionalInt reads an integer parameter that may be absent.
func optionalInt(p *params, name string) (*int, error) {
	v := p.optional(name)
	if v == nil {
		return nil, nil
	}
	n, err := strconv.Atoi(*v)
	if err != nil {
		return nil, p.badParam(name, "not a whole number")
	}
	return &n, nil
}

func (s *Server) createRole(ctx context.Context, p *params) (any, error) {
	in := fake.CreateRoleInput{Name: p.str("RoleName"), Description: p.str("Description"),
		Document: p.str("AssumeRolePolicyDocument")}
	var err error
	if in.Tags, err = ramTags(p, "Tag"); err != nil {
		return nil, err
	}
	if d, err := optionalInt(p, "MaxSessionDuration"); err != nil {
		return nil, err
	} else if d != nil {
		in.MaxSessionDuration = *d
	}
	r, err := s.b.CreateRole(ctx, in)
	if err != nil {
		return nil, err
	}
	return roleAnswer{newRequestID(), newRoleJSON(r)}, nil
}

func (s *Server) getRole(ctx context.Context, p *params) (any, error) {
	r, err := s.b.Role(ctx, p.str("RoleName"))
	if err != nil {
		return nil, err
	}
	return roleAnswer{newRequestID(), newRoleJSON(r)}, nil
}

func (s *Server) updateRole(ctx context.Context, p *params) (any, error) {
	in := fake.UpdateRoleInput{Name: p.str("RoleName"), Document: p.optional("NewAssumeRolePolicyDocument"),
		Description: p.optional("NewDescription")}
	var err error
	if in.MaxSessionDuration, err = optionalInt(p, "NewMaxSessionDuration"); err != nil {
		return nil, err
	}
	if err := s.b.UpdateRole(ctx, in); err != nil {
		return nil, err
	}
	return s.getRole(ctx, p)
}

func (s *Server) deleteRole(ctx context.Context, p *params) (any, error) {
	if err := s.b.DeleteRole(ctx, p.str("RoleName")); err != nil {
		return nil, err
	}
	return ok()
}

// customOnly refuses a PolicyType other than Custom: system policies are not modelled.
func customOnly(p *params) error {
	if t := p.str("PolicyType"); t != "" && t != "Custom" {
		return backend.NewError(string(p.op), "UnsupportedParameter",
			"eipassoc serve models custom RAM policies only, not PolicyType "+t+".")
	}
	return nil
}

// A policyJSON is a policy as CreatePolicy, GetPolicy and ListPoliciesForRole give it.
type policyJSON struct {
	PolicyName, PolicyType, Description, DefaultVersion string
	CreateDate, UpdateDate                              string
	AttachmentCount                                     int
}

func newPolicyJSON(pol fake.RAMPolicy, attachments int) policyJSON {
	return policyJSON{PolicyName: pol.Name, PolicyType: "Custom", Description: pol.Description,
		DefaultVersion: pol.DefaultVersion, CreateDate: cloudTime(pol.Created), UpdateDate: cloudTime(pol.Updated),
		AttachmentCount: attachments}
}

// policyAnswer is the answer of CreatePolicy and UpdatePolicyDescription.
type policyAnswer struct {
	RequestID string `json:"RequestId"`
	Policy    policyJSON
}

// A policyVersionJSON is one version of a policy.
type policyVersionJSON struct {
	VersionID        string `json:"VersionId"`
	IsDefaultVersion bool
	PolicyDocument   string
	CreateDate       string
}

func newPolicyVersionJSON(pol fake.RAMPolicy, v fake.RAMPolicyVersion) policyVersionJSON {
	return policyVersionJSON{v.ID, v.ID == pol.DefaultVersion, v.Document, cloudTime(v.Created)}
}

func (s *Server) createPolicy(ctx context.Context, p *params) (any, error) {
	in := fake.CreatePolicyInput{Name: p.str("PolicyName"), Description: p.str("Description"),
		Document: p.str("PolicyDocument")}
	var err error
	if in.Tags, err = ramTags(p, "Tag"); err != nil {
		return nil, err
	}
	pol, err := s.b.CreatePolicy(ctx, in)
	if err != nil {
		return nil, err
	}
	return policyAnswer{newRequestID(), newPolicyJSON(pol, 0)}, nil
}

func (s *Server) getPolicy(ctx context.Context, p *params) (any, error) {
	if err := customOnly(p); err != nil {
		return nil, err
	}
	pol, err := s.b.Policy(ctx, p.str("PolicyName"))
	if err != nil {
		return nil, err
	}
	roles, err := s.b.PolicyRoles(ctx, pol.Name)
	if err != nil {
		return nil, err
	}
	return struct {
		RequestID            string `json:"RequestId"`
		Policy               policyJSON
		DefaultPolicyVersion policyVersionJSON
	}{newRequestID(), newPolicyJSON(pol, len(roles)), newPolicyVersionJSON(pol, pol.Default())}, nil
}

func (s *Server) updatePolicyDescription(ctx context.Context, p *params) (any, error) {
	if err := s.b.UpdatePolicyDescription(ctx, p.str("PolicyName"), p.str("NewDescription")); err != nil {
		return nil, err
	}
	pol, err := s.b.Policy(ctx, p.str("PolicyName"))
	if err != nil {
		return nil, err
	}
	return policyAnswer{newRequestID(), newPolicyJSON(pol, 0)}, nil
}

func (s *Server) deletePolicy(ctx context.Context, p *params) (any, error) {
	cascade := p.str("CascadingDelete") == "true"
	if err := s.b.DeletePolicy(ctx, p.str("PolicyName"), cascade); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) createPolicyVersion(ctx context.Context, p *params) (any, error) {
	in := fake.CreatePolicyVersionInput{Name: p.str("PolicyName"), Document: p.str("PolicyDocument"),
		RotateStrategy: p.str("RotateStrategy"), SetAsDefault: p.str("SetAsDefault") == "true"}
	switch in.RotateStrategy {
	case "", "None", "DeleteOldestNonDefaultVersionWhenLimitExceeded":
	default:
		return nil, p.badParam("RotateStrategy", "None or DeleteOldestNonDefaultVersionWhenLimitExceeded")
	}
	v, err := s.b.CreatePolicyVersion(ctx, in)
	if err != nil {
		return nil, err
	}
	pol, err := s.b.Policy(ctx, in.Name)
	if err != nil {
		return nil, err
	}
	return struct {
		RequestID     string `json:"RequestId"`
		PolicyVersion policyVersionJSON
	}{newRequestID(), newPolicyVersionJSON(pol, v)}, nil
}

func (s *Server) listPolicyVersions(ctx context.Context, p *params) (any, error) {
	if err := customOnly(p); err != nil {
		return nil, err
	}
	pol, err := s.b.Policy(ctx, p.str("PolicyName"))
	if err != nil {
		return nil, err
	}
	out := struct {
		RequestID      string `json:"RequestId"`
		PolicyVersions struct{ PolicyVersion []policyVersionJSON }
	}{RequestID: newRequestID()}
	out.PolicyVersions.PolicyVersion = []policyVersionJSON{}
	for _, v := range pol.Versions {
		out.PolicyVersions.PolicyVersion = append(out.PolicyVersions.PolicyVersion, newPolicyVersionJSON(pol, v))
	}
	return out, nil
}

func (s *Server) deletePolicyVersion(ctx context.Context, p *params) (any, error) {
	if err := s.b.DeletePolicyVersion(ctx, p.str("PolicyName"), p.str("VersionId")); err != nil {
		return nil, err
	}
	return ok()
}

// attachment answers AttachPolicyToRole and DetachPolicyFromRole through change.
func (s *Server) attachment(change func(context.Context, string, string) error) handler {
	return func(ctx context.Context, p *params) (any, error) {
		if err := customOnly(p); err != nil {
			return nil, err
		}
		if err := change(ctx, p.str("PolicyName"), p.str("RoleName")); err != nil {
			return nil, err
		}
		return ok()
	}
}

func (s *Server) listPoliciesForRole(ctx context.Context, p *params) (any, error) {
	r, err := s.b.Role(ctx, p.str("RoleName"))
	if err != nil {
		return nil, err
	}
	out := struct {
		RequestID string `json:"RequestId"`
		Policies  struct{ Policy []policyJSON }
	}{RequestID: newRequestID()}
	out.Policies.Policy = []policyJSON{}
	for _, name := range r.Policies {
		pol, err := s.b.Policy(ctx, name)
		if err != nil {
			return nil, err
		}
		out.Policies.Policy = append(out.Policies.Policy, newPolicyJSON(pol, 0))
	}
	return out, nil
}

func (s *Server) listEntitiesForPolicy(ctx context.Context, p *params) (any, error) {
	if err := customOnly(p); err != nil {
		return nil, err
	}
	names, err := s.b.PolicyRoles(ctx, p.str("PolicyName"))
	if err != nil {
		return nil, err
	}
	out := struct {
		RequestID string `json:"RequestId"`
		Users     struct{ User []none }
		Groups    struct{ Group []none }
		Roles     struct{ Role []roleJSON }
	}{RequestID: newRequestID()}
	out.Users.User, out.Groups.Group, out.Roles.Role = []none{}, []none{}, []roleJSON{}
	for _, name := range names {
		r, err := s.b.Role(ctx, name)
		if err != nil {
			return nil, err
		}
		out.Roles.Role = append(out.Roles.Role, newRoleJSON(r))
	}
	return out, nil
}

// ramTagHandlers are RAM's TagResources, UntagResources and ListTagResources, on roles
// and policies named in ResourceNames.
func (s *Server) ramTagHandlers() map[backend.Op]handler {
	input := func(p *params) (fake.RAMTagInput, error) {
		in := fake.RAMTagInput{ResourceType: p.str("ResourceType")}
		var err error
		if in.Names, err = jsonNames(p, "ResourceNames"); err != nil {
			return in, err
		}
		in.Tags, err = ramTags(p, "Tag")
		return in, err
	}
	change := func(untag bool) handler {
		return func(ctx context.Context, p *params) (any, error) {
			in, err := input(p)
			if err != nil {
				return nil, err
			}
			if untag { // TagKeys, a JSON list, and TagKey.N: the provider sends both
				if in.Keys, err = jsonNames(p, "TagKeys"); err != nil {
					return nil, err
				}
				listed, err := p.list("TagKey", maxTagKeys)
				if err != nil {
					return nil, err
				}
				for _, k := range listed {
					if !slices.Contains(in.Keys, k) {
						in.Keys = append(in.Keys, k)
					}
				}
			}
			if untag && p.str("All") == "true" {
				in.Keys = nil
				for _, name := range in.Names {
					tags, err := s.ramTagsOf(ctx, in.ResourceType, name)
					if err != nil {
						return nil, err
					}
					for k := range tags {
						in.Keys = append(in.Keys, k)
					}
				}
			}
			if err := s.b.TagRAM(ctx, in, untag); err != nil {
				return nil, err
			}
			return ok()
		}
	}
	return map[backend.Op]handler{
		fake.OpTagResources:   change(false),
		fake.OpUntagResources: change(true),
		fake.OpListTagResources: func(ctx context.Context, p *params) (any, error) {
			in, err := input(p)
			if err != nil {
				return nil, err
			}
			type tagJSON struct{ ResourceName, ResourceType, TagKey, TagValue string }
			out := struct {
				RequestID    string `json:"RequestId"`
				TagResources []tagJSON
			}{RequestID: newRequestID(), TagResources: []tagJSON{}}
			for _, name := range in.Names {
				tags, err := s.ramTagsOf(ctx, in.ResourceType, name)
				if err != nil {
					return nil, err
				}
				for _, k := range slices.Sorted(maps.Keys(tags)) {
					if want, ok := in.Tags[k]; len(in.Tags) > 0 && (!ok || want != tags[k]) {
						continue
					}
					out.TagResources = append(out.TagResources, tagJSON{name, in.ResourceType, k, tags[k]})
				}
			}
			return out, nil
		},
	}
}

// ramTagsOf returns the tags of the role or policy of that name.
func (s *Server) ramTagsOf(ctx context.Context, resourceType, name string) (map[string]string, error) {
	switch resourceType {
	case "role":
		r, err := s.b.Role(ctx, name)
		return r.Tags, err
	case "policy":
		pol, err := s.b.Policy(ctx, name)
		return pol.Tags, err
	}
	return nil, backend.NewError("ListTagResources", "InvalidParameter.ResourceType", "ResourceType is role or policy here.")
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.RAM, Op: fake.OpCreateRole, Handler: func(s *Server) handler { return s.createRole },
		Params: modelledParams("RoleName", "Description", "AssumeRolePolicyDocument", "MaxSessionDuration", "Tag")},
	route{API: backend.RAM, Op: fake.OpGetRole, Handler: func(s *Server) handler { return s.getRole },
		Params: modelledParams("RoleName")},
	route{API: backend.RAM, Op: fake.OpUpdateRole, Handler: func(s *Server) handler { return s.updateRole },
		Params: modelledParams("RoleName", "NewAssumeRolePolicyDocument", "NewDescription",
			"NewMaxSessionDuration")},
	route{API: backend.RAM, Op: fake.OpDeleteRole, Handler: func(s *Server) handler { return s.deleteRole },
		Params: modelledParams("RoleName")},
	route{API: backend.RAM, Op: fake.OpCreatePolicy, Handler: func(s *Server) handler { return s.createPolicy },
		Params: modelledParams("PolicyName", "Description", "PolicyDocument", "Tag")},
	route{API: backend.RAM, Op: fake.OpGetPolicy, Handler: func(s *Server) handler { return s.getPolicy },
		Params: modelledParams("PolicyName", "PolicyType")},
	route{API: backend.RAM, Op: fake.OpUpdatePolicyDesc, Handler: func(s *Server) handler { return s.updatePolicyDescription },
		Params: modelledParams("PolicyName", "NewDescription")},
	route{API: backend.RAM, Op: fake.OpDeletePolicy, Handler: func(s *Server) handler { return s.deletePolicy },
		Params: modelledParams("PolicyName", "CascadingDelete")},
	route{API: backend.RAM, Op: fake.OpCreatePolicyVersion, Handler: func(s *Server) handler { return s.createPolicyVersion },
		Params: modelledParams("PolicyName", "PolicyDocument", "SetAsDefault", "RotateStrategy")},
	route{API: backend.RAM, Op: OpListPolicyVersions, Handler: func(s *Server) handler { return s.listPolicyVersions },
		Params: modelledParams("PolicyName", "PolicyType")},
	route{API: backend.RAM, Op: fake.OpDeletePolicyVersion, Handler: func(s *Server) handler { return s.deletePolicyVersion },
		Params: modelledParams("PolicyName", "VersionId")},
	route{API: backend.RAM, Op: fake.OpAttachPolicyToRole, Handler: func(s *Server) handler { return s.attachment(s.b.AttachPolicyToRole) },
		Params: modelledParams("PolicyName", "PolicyType", "RoleName")},
	route{API: backend.RAM, Op: fake.OpDetachPolicyFromRole, Handler: func(s *Server) handler { return s.attachment(s.b.DetachPolicyFromRole) },
		Params: modelledParams("PolicyName", "PolicyType", "RoleName")},
	route{API: backend.RAM, Op: OpListPoliciesForRole, Handler: func(s *Server) handler { return s.listPoliciesForRole },
		Params: modelledParams("RoleName")},
	route{API: backend.RAM, Op: fake.OpListEntitiesForPolicy, Handler: func(s *Server) handler { return s.listEntitiesForPolicy },
		Params: modelledParams("PolicyName", "PolicyType")},
	route{API: backend.RAM, Op: fake.OpTagResources, Handler: func(s *Server) handler { return s.ramTagHandlers()[fake.OpTagResources] },
		Params: modelledParams("ResourceType", "ResourceNames", "Tag")},
	route{API: backend.RAM, Op: fake.OpUntagResources, Handler: func(s *Server) handler { return s.ramTagHandlers()[fake.OpUntagResources] },
		Params: modelledParams("ResourceType", "ResourceNames", "TagKeys", `^TagKey\.\d+$`, "All")},
	route{API: backend.RAM, Op: fake.OpListTagResources, Handler: func(s *Server) handler { return s.ramTagHandlers()[fake.OpListTagResources] },
		Params: modelledParams("ResourceType", "ResourceNames", "Tag", "NextToken", "PageSize")},
)
