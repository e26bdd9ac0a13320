package fake

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpAuthorizeSecurityGroup        backend.Op = "AuthorizeSecurityGroup"
	OpAuthorizeSecurityGroupEgress  backend.Op = "AuthorizeSecurityGroupEgress"
	OpRevokeSecurityGroup           backend.Op = "RevokeSecurityGroup"
	OpRevokeSecurityGroupEgress     backend.Op = "RevokeSecurityGroupEgress"
	OpModifySecurityGroupRule       backend.Op = "ModifySecurityGroupRule"
	OpModifySecurityGroupEgressRule backend.Op = "ModifySecurityGroupEgressRule"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpAuthorizeSecurityGroup, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpAuthorizeSecurityGroupEgress, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpRevokeSecurityGroup, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpRevokeSecurityGroupEgress, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifySecurityGroupRule, Mutates: true},
	backend.Operation{API: backend.ECS, Op: OpModifySecurityGroupEgressRule, Mutates: true},
)

// A SecurityGroupRule is one permission of a security group, as ECS
// AuthorizeSecurityGroup and AuthorizeSecurityGroupEgress take it and
// DescribeSecurityGroupAttribute answers it. No rule of eipassoc reads it: the fake
// keeps it so that alicloud_security_group_rule applies and re-plans clean.
type SecurityGroupRule struct {
	// ID is the rule's ID (sgr-...), given when the rule is authorized.
	ID string `json:"id,omitempty"`
	// Direction is ingress or egress.
	Direction string `json:"direction"`
	// Protocol is TCP, UDP, ICMP, GRE or ALL; PortRange "from/to" (1 to 65535 for TCP
	// and UDP, -1/-1 for the others).
	Protocol  string `json:"ip_protocol"`
	PortRange string `json:"port_range"`
	// CIDR is the peer's IPv4 block (SourceCidrIp for ingress, DestCidrIp for egress)
	// or IPv6 block (Ipv6SourceCidrIp, Ipv6DestCidrIp); PeerGroup, instead, a security
	// group of the account (SourceGroupId, DestGroupId).
	CIDR      string `json:"cidr,omitempty"`
	PeerGroup string `json:"peer_group,omitempty"`
	// PeerOwner is the account that owns PeerGroup when that is another account's
	// (SourceGroupOwnerAccount, DestGroupOwnerAccount; a seeded PeerGroup).
	PeerOwner string `json:"peer_owner,omitempty"`
	// PrefixList, instead of a block or a group, is a prefix list of the region
	// (SourcePrefixListId, DestPrefixListId; a seeded PrefixList).
	PrefixList string `json:"prefix_list,omitempty"`
	// Policy is Accept or Drop; Priority 1 (first) to 100; NicType intranet (in a VPC).
	Policy      string `json:"policy"`
	Priority    int    `json:"priority"`
	NicType     string `json:"nic_type"`
	Description string `json:"description,omitempty"`
}

// SecurityGroupRulesInput authorizes, revokes or modifies rules of one direction of a
// security group.
type SecurityGroupRulesInput struct {
	Region    regions.ID
	Group     string
	Direction string // ingress or egress
	Rules     []SecurityGroupRule
}

// normalize fills a rule's defaults and checks it as the API does, in the spellings
// DescribeSecurityGroupAttribute answers with.
func (r *SecurityGroupRule) normalize(op backend.Op, direction string) error {
	bad := func(format string, args ...any) error {
		return fail(op, "InvalidParameter", fmt.Sprintf(format, args...))
	}
	r.Direction = direction
	r.Protocol = strings.ToUpper(r.Protocol)
	switch r.Protocol {
	case "TCP", "UDP":
		from, to, ok := strings.Cut(r.PortRange, "/")
		a, errA := strconv.Atoi(from)
		b, errB := strconv.Atoi(to)
		if !ok || errA != nil || errB != nil || a < 1 || b > 65535 || a > b {
			return bad("The PortRange %q is not valid for %s: from/to, 1 to 65535.", r.PortRange, r.Protocol)
		}
	case "ICMP", "GRE", "ALL":
		if r.PortRange == "" {
			r.PortRange = "-1/-1"
		}
		if r.PortRange != "-1/-1" {
			return bad("The PortRange of %s is -1/-1, not %q.", r.Protocol, r.PortRange)
		}
	default:
		return bad("The IpProtocol %q is not valid: TCP, UDP, ICMP, GRE or ALL.", r.Protocol)
	}
	peers := 0
	for _, p := range []string{r.CIDR, r.PeerGroup, r.PrefixList} {
		if p != "" {
			peers++
		}
	}
	switch {
	case peers == 0:
		return bad("A rule needs a peer: a CIDR block, a security group or a prefix list.")
	case peers > 1:
		return bad("A rule has one peer: a CIDR block, a security group or a prefix list.")
	case r.PeerOwner != "" && r.PeerGroup == "":
		return bad("The owner of a peer group is given with the peer group only.")
	case r.CIDR != "":
		p, err := netip.ParsePrefix(r.CIDR)
		if err != nil {
			a, errAddr := netip.ParseAddr(r.CIDR)
			if errAddr != nil {
				return bad("The CIDR block %q is not valid.", r.CIDR)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		r.CIDR = p.String()
	}
	switch strings.ToLower(r.Policy) {
	case "", "accept":
		r.Policy = "Accept"
	case "drop":
		r.Policy = "Drop"
	default:
		return bad("The Policy %q is not valid: accept or drop.", r.Policy)
	}
	if r.Priority == 0 {
		r.Priority = 1
	}
	if r.Priority < 1 || r.Priority > 100 {
		return bad("The Priority %d is not valid: 1 to 100.", r.Priority)
	}
	switch r.NicType {
	case "":
		r.NicType = "intranet"
	case "intranet":
	default:
		return bad("The NicType %q is not modelled: a security group of a VPC takes intranet.", r.NicType)
	}
	return nil
}

// same reports whether two rules are one: all but their ID and description agree.
func (r SecurityGroupRule) same(o SecurityGroupRule) bool {
	r.ID, r.Description, o.ID, o.Description = "", "", "", ""
	return r == o
}

// groupRulesOp returns the operation of an action on rules of direction: ingress ops
// are the plain ones, egress ones the Egress ones.
func groupRulesOp(direction string, ingress, egress backend.Op) (backend.Op, error) {
	switch direction {
	case "ingress":
		return ingress, nil
	case "egress":
		return egress, nil
	}
	return ingress, fail(ingress, "InvalidParameter", "The Direction is ingress or egress.")
}

// lookupGroup returns the security group of in, checking the peers of its rules.
func (b *Backend) lookupGroup(op backend.Op, in SecurityGroupRulesInput) (*SecurityGroup, error) {
	if err := checkRegion(op, in.Region); err != nil {
		return nil, err
	}
	g := b.s.groups[in.Group]
	if g == nil || g.Region != in.Region {
		return nil, fail(op, "InvalidSecurityGroupId.NotFound", "The specified security group does not exist.")
	}
	for _, r := range in.Rules {
		if err := b.checkPeer(op, r, in.Region); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// checkPeer reports an error unless the peer group or prefix list of r exists in
// region r: a group of the account, or, when r names another owner, a seeded PeerGroup
// of that account.
func (b *Backend) checkPeer(op backend.Op, r SecurityGroupRule, region regions.ID) error {
	switch {
	case r.PrefixList != "":
		if _, ok := inRegion(b.s.prefixLists, r.PrefixList, region); !ok {
			return fail(op, "InvalidPrefixListId.NotFound", "The prefix list "+r.PrefixList+" does not exist in "+
				string(region)+".")
		}
	case r.PeerGroup != "" && r.PeerOwner != "" && r.PeerOwner != AccountID:
		if g, ok := inRegion(b.s.peerGroups, r.PeerGroup, region); !ok || g.Account != r.PeerOwner {
			return fail(op, "InvalidSecurityGroupId.NotFound", "The peer security group "+r.PeerGroup+
				" of account "+r.PeerOwner+" does not exist in "+string(region)+".")
		}
	case r.PeerGroup != "":
		if g := b.s.groups[r.PeerGroup]; g == nil || g.Region != region {
			return fail(op, "InvalidSecurityGroupId.NotFound", "The peer security group "+r.PeerGroup+" does not exist.")
		}
	}
	return nil
}

// onRules runs change on the security group of in and its rules, normalised, as the
// call of ingress (or, for egress rules, egress) operation.
func (b *Backend) onRules(
	ctx context.Context,
	in SecurityGroupRulesInput,
	ingress, egress backend.Op,
	change func(op backend.Op, g *SecurityGroup, rules []SecurityGroupRule) error,
) (err error) {
	op, derr := groupRulesOp(in.Direction, ingress, egress)
	if err := begin(ctx, b, op, in); err != nil {
		return err
	}
	defer func() { err = end(b, op, in, err) }()
	if derr != nil {
		return derr
	}
	g, err := b.lookupGroup(op, in)
	if err != nil {
		return err
	}
	rules := slices.Clone(in.Rules)
	for i := range rules {
		if err := rules[i].normalize(op, in.Direction); err != nil {
			return err
		}
	}
	return change(op, g, rules)
}

// AuthorizeSecurityGroupRules implements AuthorizeSecurityGroup (ingress) and
// AuthorizeSecurityGroupEgress (egress): each rule is added, unless the group has it
// already (as the API, it is then left as it is).
func (b *Backend) AuthorizeSecurityGroupRules(ctx context.Context, in SecurityGroupRulesInput) error {
	return b.onRules(ctx, in, OpAuthorizeSecurityGroup, OpAuthorizeSecurityGroupEgress,
		func(op backend.Op, g *SecurityGroup, rules []SecurityGroupRule) error {
			if len(g.Rules)+len(rules) > 200 {
				return fail(op, "QuotaExceed.SecurityGroupRule", "A security group takes at most 200 rules.")
			}
			for _, r := range rules {
				if !slices.ContainsFunc(g.Rules, r.same) {
					r.ID = b.newID("sgr")
					g.Rules = append(g.Rules, r)
				}
			}
			return nil
		})
}

// RevokeSecurityGroupRules implements RevokeSecurityGroup and RevokeSecurityGroupEgress:
// each rule the group has is removed; one it does not have is left alone, as the API
// does.
func (b *Backend) RevokeSecurityGroupRules(ctx context.Context, in SecurityGroupRulesInput) error {
	return b.onRules(ctx, in, OpRevokeSecurityGroup, OpRevokeSecurityGroupEgress,
		func(_ backend.Op, g *SecurityGroup, rules []SecurityGroupRule) error {
			for _, r := range rules {
				g.Rules = slices.DeleteFunc(g.Rules, r.same)
			}
			return nil
		})
}

// ModifySecurityGroupRules implements ModifySecurityGroupRule and
// ModifySecurityGroupEgressRule for what alicloud_security_group_rule changes in
// place, the description: each rule of in, found by all but its description, takes
// in's description. A rule the group does not have is
// InvalidSecurityGroupRule.NotFound.
func (b *Backend) ModifySecurityGroupRules(ctx context.Context, in SecurityGroupRulesInput) error {
	return b.onRules(ctx, in, OpModifySecurityGroupRule, OpModifySecurityGroupEgressRule,
		func(op backend.Op, g *SecurityGroup, rules []SecurityGroupRule) error {
			for _, r := range rules {
				i := slices.IndexFunc(g.Rules, r.same)
				if i < 0 {
					return fail(op, "InvalidSecurityGroupRule.NotFound", "The security group has no such rule.")
				}
				g.Rules[i].Description = r.Description
			}
			return nil
		})
}
