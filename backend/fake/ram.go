package fake

import (
	"context"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/eipassoc/eipassoc/backend"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpCreateRole            backend.Op = "CreateRole"
	OpGetRole               backend.Op = "GetRole"
	OpUpdateRole            backend.Op = "UpdateRole"
	OpDeleteRole            backend.Op = "DeleteRole"
	OpCreatePolicy          backend.Op = "CreatePolicy"
	OpGetPolicy             backend.Op = "GetPolicy"
	OpUpdatePolicyDesc      backend.Op = "UpdatePolicyDescription"
	OpDeletePolicy          backend.Op = "DeletePolicy"
	OpCreatePolicyVersion   backend.Op = "CreatePolicyVersion"
	OpDeletePolicyVersion   backend.Op = "DeletePolicyVersion"
	OpAttachPolicyToRole    backend.Op = "AttachPolicyToRole"
	OpDetachPolicyFromRole  backend.Op = "DetachPolicyFromRole"
	OpListEntitiesForPolicy backend.Op = "ListEntitiesForPolicy"
)

var _ = backend.Declare(
	backend.Operation{API: backend.RAM, Op: OpCreateRole, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpGetRole},
	backend.Operation{API: backend.RAM, Op: OpUpdateRole, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpDeleteRole, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpCreatePolicy, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpGetPolicy},
	backend.Operation{API: backend.RAM, Op: OpUpdatePolicyDesc, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpDeletePolicy, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpCreatePolicyVersion, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpDeletePolicyVersion, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpAttachPolicyToRole, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpDetachPolicyFromRole, Mutates: true},
	backend.Operation{API: backend.RAM, Op: OpListEntitiesForPolicy},
)

// RAM: the roles that instances take (RunInstances RamRoleName) and the custom policies
// attached to them, as the RAM API (2015-05-01) keeps them. RAM is global: no region.
// System policies are not modelled; a call that names one is refused.

// AccountID is the emulated account's ID, as RAM ARNs give it.
const AccountID = "1234567890123456"

// A RAMRole is a RAM role.
type RAMRole struct {
	Name        string `json:"name"`
	ID          string `json:"id,omitempty"`
	Description string `json:"description,omitempty"`
	// Document is the trust policy (AssumeRolePolicyDocument), JSON.
	Document string `json:"assume_role_policy_document"`
	// MaxSessionDuration is in seconds, 3600 to 43200; 0 reads as 3600.
	MaxSessionDuration int `json:"max_session_duration,omitempty"`
	// Policies are the custom policies attached to it, by name, sorted.
	Policies []string          `json:"policies,omitempty"`
	Tags     map[string]string `json:"tags,omitempty"`
	Created  time.Time         `json:"-"`
	Updated  time.Time         `json:"-"`
}

// ARN returns the role's ARN.
func (r RAMRole) ARN() string { return "acs:ram::" + AccountID + ":role/" + lower(r.Name) }

// A RAMPolicy is a custom RAM policy: its versions, one of them the default.
type RAMPolicy struct {
	Name           string             `json:"name"`
	Description    string             `json:"description,omitempty"`
	DefaultVersion string             `json:"default_version"`
	Versions       []RAMPolicyVersion `json:"versions"`
	Tags           map[string]string  `json:"tags,omitempty"`
	Created        time.Time          `json:"-"`
	Updated        time.Time          `json:"-"`
	next           int                // the number of the next version
}

// Default returns the policy's default version.
func (p RAMPolicy) Default() RAMPolicyVersion {
	for _, v := range p.Versions {
		if v.ID == p.DefaultVersion {
			return v
		}
	}
	return RAMPolicyVersion{}
}

// A RAMPolicyVersion is one version of a policy's document.
type RAMPolicyVersion struct {
	ID       string    `json:"id"` // v1, v2, ...
	Document string    `json:"document"`
	Created  time.Time `json:"-"`
}

// maxPolicyVersions is how many versions a custom policy keeps (RAM: 5).
const maxPolicyVersions = 5

var ramName = regexp.MustCompile(`^[A-Za-z0-9.-]{1,64}$`)

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// checkDocument checks a policy document as RAM does, in its shape: JSON holding a
// Statement list.
func checkDocument(op backend.Op, doc string) error {
	var d struct {
		Statement []json.RawMessage
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil || len(d.Statement) == 0 {
		return fail(op, "MalformedPolicyDocument", "The policy document is not JSON with a Statement list.")
	}
	return nil
}

// CreateRoleInput creates a RAM role.
type CreateRoleInput struct {
	Name, Description, Document string
	MaxSessionDuration          int
	Tags                        map[string]string
}

// CreateRole implements RAM CreateRole.
func (b *Backend) CreateRole(ctx context.Context, in CreateRoleInput) (r RAMRole, err error) {
	const op = OpCreateRole
	if err := begin(ctx, b, op, in); err != nil {
		return r, err
	}
	defer func() { err = end(b, op, in, err) }()
	switch {
	case !ramName.MatchString(in.Name):
		return r, fail(op, "InvalidParameter.RoleName.InvalidChars", "RoleName is 1 to 64 letters, digits, dots and hyphens.")
	case b.s.roles[in.Name] != nil:
		return r, fail(op, "EntityAlreadyExists.Role", "The role "+in.Name+" already exists.")
	case in.MaxSessionDuration != 0 && (in.MaxSessionDuration < 3600 || in.MaxSessionDuration > 43200):
		return r, fail(op, "InvalidParameter.MaxSessionDuration", "MaxSessionDuration is 3600 to 43200 seconds.")
	}
	if err := checkDocument(op, in.Document); err != nil {
		return r, err
	}
	now := b.clock().UTC()
	r = RAMRole{Name: in.Name, ID: strconv.FormatUint(3e17+b.rng.Uint64()%1e17, 10),
		Description: in.Description, Document: in.Document, MaxSessionDuration: in.MaxSessionDuration,
		Tags: maps.Clone(in.Tags), Created: now, Updated: now}
	b.s.roles[in.Name] = &r
	return r, nil
}

// Role returns the role of that name (RAM GetRole).
func (b *Backend) Role(ctx context.Context, name string) (_ RAMRole, err error) {
	const op = OpGetRole
	if err := begin(ctx, b, op, name); err != nil {
		return RAMRole{}, err
	}
	defer func() { err = end(b, op, name, err) }()
	r := b.s.roles[name]
	if r == nil {
		return RAMRole{}, fail(op, "EntityNotExist.Role", "The role "+name+" does not exist.")
	}
	return r.clone(), nil
}

func (r RAMRole) clone() RAMRole {
	r.Policies, r.Tags = slices.Clone(r.Policies), maps.Clone(r.Tags)
	return r
}

// UpdateRoleInput changes a role; nil fields are left as they are.
type UpdateRoleInput struct {
	Name                  string
	Document, Description *string
	MaxSessionDuration    *int
}

// UpdateRole implements RAM UpdateRole.
func (b *Backend) UpdateRole(ctx context.Context, in UpdateRoleInput) (err error) {
	const op = OpUpdateRole
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	r := b.s.roles[in.Name]
	if r == nil {
		return fail(op, "EntityNotExist.Role", "The role "+in.Name+" does not exist.")
	}
	if in.Document != nil {
		if err := checkDocument(op, *in.Document); err != nil {
			return err
		}
	}
	if d := in.MaxSessionDuration; d != nil && (*d < 3600 || *d > 43200) {
		return fail(op, "InvalidParameter.MaxSessionDuration", "MaxSessionDuration is 3600 to 43200 seconds.")
	}
	if in.Document != nil {
		r.Document = *in.Document
	}
	if in.Description != nil {
		r.Description = *in.Description
	}
	if in.MaxSessionDuration != nil {
		r.MaxSessionDuration = *in.MaxSessionDuration
	}
	r.Updated = b.clock().UTC()
	return nil
}

// DeleteRole implements RAM DeleteRole: a role with policies attached is
// DeleteConflict.Role.Policy; detach them first.
func (b *Backend) DeleteRole(ctx context.Context, name string) (err error) {
	const op = OpDeleteRole
	if err := begin(ctx, b, op, name); err != nil {
		return err
	}
	defer func() { err = end(b, op, name, err) }()
	r := b.s.roles[name]
	switch {
	case r == nil:
		return fail(op, "EntityNotExist.Role", "The role "+name+" does not exist.")
	case len(r.Policies) > 0:
		return fail(op, "DeleteConflict.Role.Policy", "The role "+name+" has policies attached; detach them first.")
	}
	delete(b.s.roles, name)
	return nil
}

// CreatePolicyInput creates a custom policy with its first version.
type CreatePolicyInput struct {
	Name, Description, Document string
	Tags                        map[string]string
}

// CreatePolicy implements RAM CreatePolicy: version v1 is the default.
func (b *Backend) CreatePolicy(ctx context.Context, in CreatePolicyInput) (p RAMPolicy, err error) {
	const op = OpCreatePolicy
	if err := begin(ctx, b, op, in); err != nil {
		return p, err
	}
	defer func() { err = end(b, op, in, err) }()
	switch {
	case !ramName.MatchString(in.Name) || len(in.Name) > 128:
		return p, fail(op, "InvalidParameter.PolicyName.InvalidChars", "PolicyName is letters, digits, dots and hyphens.")
	case b.s.policies[in.Name] != nil:
		return p, fail(op, "EntityAlreadyExists.Policy", "The policy "+in.Name+" already exists.")
	}
	if err := checkDocument(op, in.Document); err != nil {
		return p, err
	}
	now := b.clock().UTC()
	p = RAMPolicy{Name: in.Name, Description: in.Description, DefaultVersion: "v1", Tags: maps.Clone(in.Tags),
		Versions: []RAMPolicyVersion{{ID: "v1", Document: in.Document, Created: now}}, Created: now, Updated: now, next: 2}
	b.s.policies[in.Name] = &p
	return p.clone(), nil
}

func (p RAMPolicy) clone() RAMPolicy {
	p.Versions, p.Tags = slices.Clone(p.Versions), maps.Clone(p.Tags)
	return p
}

// Policy returns the custom policy of that name (RAM GetPolicy).
func (b *Backend) Policy(ctx context.Context, name string) (_ RAMPolicy, err error) {
	const op = OpGetPolicy
	if err := begin(ctx, b, op, name); err != nil {
		return RAMPolicy{}, err
	}
	defer func() { err = end(b, op, name, err) }()
	p := b.s.policies[name]
	if p == nil {
		return RAMPolicy{}, fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
	}
	return p.clone(), nil
}

// PolicyRoles returns the roles a policy is attached to, sorted (ListEntitiesForPolicy).
func (b *Backend) PolicyRoles(ctx context.Context, name string) (_ []string, err error) {
	const op = OpListEntitiesForPolicy
	if err := begin(ctx, b, op, name); err != nil {
		return nil, err
	}
	defer func() { err = end(b, op, name, err) }()
	if b.s.policies[name] == nil {
		return nil, fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
	}
	return b.policyRoles(name), nil
}

func (b *Backend) policyRoles(name string) []string {
	var out []string
	for _, r := range b.s.roles {
		if slices.Contains(r.Policies, name) {
			out = append(out, r.Name)
		}
	}
	slices.Sort(out)
	return out
}

// UpdatePolicyDescription implements RAM UpdatePolicyDescription.
func (b *Backend) UpdatePolicyDescription(ctx context.Context, name, description string) (err error) {
	const op = OpUpdatePolicyDesc
	if err := begin(ctx, b, op, name); err != nil {
		return err
	}
	defer func() { err = end(b, op, name, err) }()
	p := b.s.policies[name]
	if p == nil {
		return fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
	}
	p.Description, p.Updated = description, b.clock().UTC()
	return nil
}

// CreatePolicyVersionInput adds a version to a policy. RotateStrategy is None (a
// sixth version is refused) or DeleteOldestNonDefaultVersionWhenLimitExceeded.
type CreatePolicyVersionInput struct {
	Name, Document, RotateStrategy string
	SetAsDefault                   bool
}

// CreatePolicyVersion implements RAM CreatePolicyVersion.
func (b *Backend) CreatePolicyVersion(ctx context.Context, in CreatePolicyVersionInput) (v RAMPolicyVersion, err error) {
	const op = OpCreatePolicyVersion
	if err := begin(ctx, b, op, in); err != nil {
		return v, err
	}
	defer func() { err = end(b, op, in, err) }()
	p := b.s.policies[in.Name]
	if p == nil {
		return v, fail(op, "EntityNotExist.Policy", "The policy "+in.Name+" does not exist.")
	}
	if err := checkDocument(op, in.Document); err != nil {
		return v, err
	}
	if len(p.Versions) >= maxPolicyVersions {
		if in.RotateStrategy != "DeleteOldestNonDefaultVersionWhenLimitExceeded" {
			return v, fail(op, "LimitExceeded.Policy.Version", "The policy has 5 versions; delete one first.")
		}
		i := slices.IndexFunc(p.Versions, func(v RAMPolicyVersion) bool { return v.ID != p.DefaultVersion })
		p.Versions = slices.Delete(p.Versions, i, i+1)
	}
	v = RAMPolicyVersion{ID: "v" + strconv.Itoa(p.next), Document: in.Document, Created: b.clock().UTC()}
	p.next++
	p.Versions = append(p.Versions, v)
	if in.SetAsDefault {
		p.DefaultVersion = v.ID
	}
	p.Updated = v.Created
	return v, nil
}

// DeletePolicyVersion implements RAM DeletePolicyVersion: the default version stays.
func (b *Backend) DeletePolicyVersion(ctx context.Context, name, version string) (err error) {
	const op = OpDeletePolicyVersion
	if err := begin(ctx, b, op, name+" "+version); err != nil {
		return err
	}
	defer func() { err = end(b, op, name+" "+version, err) }()
	p := b.s.policies[name]
	if p == nil {
		return fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
	}
	i := slices.IndexFunc(p.Versions, func(v RAMPolicyVersion) bool { return v.ID == version })
	switch {
	case i < 0:
		return fail(op, "EntityNotExist.Policy.Version", "The policy has no version "+version+".")
	case version == p.DefaultVersion:
		return fail(op, "DeleteConflict.Policy.Version.Default", "The default version of a policy cannot be deleted.")
	}
	p.Versions = slices.Delete(p.Versions, i, i+1)
	return nil
}

// DeletePolicy implements RAM DeletePolicy. Without cascade, a policy attached to a
// role, or with versions beside the default, is refused; with it, it is detached and
// its versions go with it.
func (b *Backend) DeletePolicy(ctx context.Context, name string, cascade bool) (err error) {
	const op = OpDeletePolicy
	if err := begin(ctx, b, op, name); err != nil {
		return err
	}
	defer func() { err = end(b, op, name, err) }()
	p := b.s.policies[name]
	switch {
	case p == nil:
		return fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
	case !cascade && len(b.policyRoles(name)) > 0:
		return fail(op, "DeleteConflict.Policy.Role", "The policy "+name+" is attached to a role; detach it first.")
	case !cascade && len(p.Versions) > 1:
		return fail(op, "DeleteConflict.Policy.Version", "The policy "+name+" has versions beside the default.")
	}
	for _, r := range b.s.roles {
		r.Policies = slices.DeleteFunc(r.Policies, func(n string) bool { return n == name })
	}
	delete(b.s.policies, name)
	return nil
}

// AttachPolicyToRole implements RAM AttachPolicyToRole for a custom policy.
func (b *Backend) AttachPolicyToRole(ctx context.Context, policy, role string) (err error) {
	const op = OpAttachPolicyToRole
	if err := begin(ctx, b, op, policy+" "+role); err != nil {
		return err
	}
	defer func() { err = end(b, op, policy+" "+role, err) }()
	r, p := b.s.roles[role], b.s.policies[policy]
	switch {
	case r == nil:
		return fail(op, "EntityNotExist.Role", "The role "+role+" does not exist.")
	case p == nil:
		return fail(op, "EntityNotExist.Policy", "The policy "+policy+" does not exist.")
	case slices.Contains(r.Policies, policy):
		return fail(op, "EntityAlreadyExists.Role.Policy", "The policy is attached to the role already.")
	}
	r.Policies = append(r.Policies, policy)
	slices.Sort(r.Policies)
	return nil
}

// DetachPolicyFromRole implements RAM DetachPolicyFromRole.
func (b *Backend) DetachPolicyFromRole(ctx context.Context, policy, role string) (err error) {
	const op = OpDetachPolicyFromRole
	if err := begin(ctx, b, op, policy+" "+role); err != nil {
		return err
	}
	defer func() { err = end(b, op, policy+" "+role, err) }()
	r := b.s.roles[role]
	switch {
	case r == nil:
		return fail(op, "EntityNotExist.Role", "The role "+role+" does not exist.")
	case b.s.policies[policy] == nil:
		return fail(op, "EntityNotExist.Policy", "The policy "+policy+" does not exist.")
	case !slices.Contains(r.Policies, policy):
		return fail(op, "EntityNotExist.Role.Policy", "The policy is not attached to the role.")
	}
	r.Policies = slices.DeleteFunc(r.Policies, func(n string) bool { return n == policy })
	return nil
}

// RAMTagInput tags or untags RAM roles or policies by name; Keys are what untagging
// removes.
type RAMTagInput struct {
	ResourceType string // role or policy
	Names        []string
	Tags         map[string]string
	Keys         []string
}

// maxRAMTags is how many tags a RAM resource holds (RAM: 20).
const maxRAMTags = 20

// TagRAM implements RAM TagResources, and with untag UntagResources.
func (b *Backend) TagRAM(ctx context.Context, in RAMTagInput, untag bool) (err error) {
	op := OpTagResources
	if untag {
		op = OpUntagResources
	}
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	var targets []*map[string]string
	for _, name := range in.Names {
		switch in.ResourceType {
		case "role":
			r := b.s.roles[name]
			if r == nil {
				return fail(op, "EntityNotExist.Role", "The role "+name+" does not exist.")
			}
			targets = append(targets, &r.Tags)
		case "policy":
			p := b.s.policies[name]
			if p == nil {
				return fail(op, "EntityNotExist.Policy", "The policy "+name+" does not exist.")
			}
			targets = append(targets, &p.Tags)
		default:
			return fail(op, "InvalidParameter.ResourceType", "ResourceType is role or policy here.")
		}
	}
	for _, t := range targets {
		next := maps.Clone(*t)
		if next == nil {
			next = map[string]string{}
		}
		if untag {
			for _, k := range in.Keys {
				delete(next, k)
			}
		} else {
			maps.Copy(next, in.Tags)
		}
		if len(next) > maxRAMTags {
			return fail(op, "LimitExceeded.Tag", "A RAM resource holds at most 20 tags.")
		}
		*t = next
	}
	return nil
}
