package emulator

import (
	"context"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The ECS API for alicloud_security_group_rule: AuthorizeSecurityGroup(Egress),
// RevokeSecurityGroup(Egress) and ModifySecurityGroup(Egress)Rule, each taking its
// rules as Permissions.N.* (or one rule in the older top-level parameters).

// ruleFields are the fields of a permission the emulator models, by direction: the
// peer is the source of an ingress rule and the destination of an egress one.
var ruleFields = map[string][]string{
	"ingress": {"IpProtocol", "PortRange", "Policy", "Priority", "NicType", "Description", "SourceCidrIp",
		"Ipv6SourceCidrIp", "SourceGroupId", "SourceGroupOwnerAccount", "SourcePrefixListId"},
	"egress": {"IpProtocol", "PortRange", "Policy", "Priority", "NicType", "Description", "DestCidrIp",
		"Ipv6DestCidrIp", "DestGroupId", "DestGroupOwnerAccount", "DestPrefixListId"},
}

// rulesParams returns the parameters an action on rules of direction models.
func rulesParams(direction string) modelled {
	names := []string{"RegionId", "SecurityGroupId", "ClientToken"}
	names = append(names, ruleFields[direction]...)
	names = append(names, `^Permissions\.\d+\.(`+strings.Join(ruleFields[direction], "|")+`)$`)
	return modelledParams(names...)
}

var (
	ingressRulesParams = rulesParams("ingress")
	egressRulesParams  = rulesParams("egress")
)

// readRules reads the rules of a call on rules of direction: Permissions.N.* numbered
// from 1 without gaps, or the top-level fields as one rule.
func readRules(p *params, direction string) (fake.SecurityGroupRulesInput, error) {
	allowed := ingressRulesParams
	if direction == "egress" {
		allowed = egressRulesParams
	}
	if err := refuseOthers(p, allowed); err != nil {
		return fake.SecurityGroupRulesInput{}, err
	}
	r, group, err := regionAnd(p, "SecurityGroupId")
	if err != nil {
		return fake.SecurityGroupRulesInput{}, err
	}
	in := fake.SecurityGroupRulesInput{Region: r, Group: group, Direction: direction}
	prefixes := map[int]bool{}
	for _, k := range slices.Sorted(maps.Keys(p.v)) {
		rest, ok := strings.CutPrefix(k, "Permissions.")
		if !ok {
			continue
		}
		index, _, _ := strings.Cut(rest, ".")
		n, _ := strconv.Atoi(index)
		if n < 1 || n > 100 {
			return in, p.badParam(k, "permissions are numbered 1 to 100")
		}
		prefixes[n] = true
	}
	read := func(prefix string) (fake.SecurityGroupRule, error) {
		rule := fake.SecurityGroupRule{Protocol: p.str(prefix + "IpProtocol"), PortRange: p.str(prefix + "PortRange"),
			Policy: p.str(prefix + "Policy"), NicType: p.str(prefix + "NicType"), Description: p.str(prefix + "Description")}
		peer := "Dest"
		if direction == "ingress" {
			peer = "Source"
		}
		v4, v6 := p.str(prefix+peer+"CidrIp"), p.str(prefix+"Ipv6"+peer+"CidrIp")
		if v4 != "" && v6 != "" {
			return rule, p.badParam(prefix+"Ipv6"+peer+"CidrIp", "a rule has an IPv4 or an IPv6 peer, not both")
		}
		if a, err := netip.ParsePrefix(v4); err == nil && !a.Addr().Is4() {
			return rule, p.badParam(prefix+peer+"CidrIp", "an IPv4 block; give IPv6 ones as Ipv6"+peer+"CidrIp")
		}
		if a, err := netip.ParsePrefix(v6); err == nil && a.Addr().Is4() {
			return rule, p.badParam(prefix+"Ipv6"+peer+"CidrIp", "an IPv6 block")
		}
		rule.CIDR, rule.PeerGroup = v4+v6, p.str(prefix+peer+"GroupId")
		rule.PeerOwner, rule.PrefixList = p.str(prefix+peer+"GroupOwnerAccount"), p.str(prefix+peer+"PrefixListId")
		var err error
		rule.Priority, err = p.integer(prefix + "Priority")
		return rule, err
	}
	for n := 1; n <= len(prefixes); n++ {
		if !prefixes[n] {
			return in, p.badParam("Permissions", "permissions are numbered from 1 without gaps")
		}
		rule, err := read("Permissions." + strconv.Itoa(n) + ".")
		if err != nil {
			return in, err
		}
		in.Rules = append(in.Rules, rule)
	}
	if p.str("IpProtocol") != "" {
		rule, err := read("")
		if err != nil {
			return in, err
		}
		in.Rules = append(in.Rules, rule)
	}
	if len(in.Rules) == 0 {
		return in, p.badParam("Permissions", "a call on rules names at least one")
	}
	return in, nil
}

// rulesHandler answers an action on rules of direction with do.
func (s *Server) rulesHandler(
	direction string,
	do func(context.Context, fake.SecurityGroupRulesInput) error,
) func(context.Context, *params) (any, error) {
	return func(ctx context.Context, p *params) (any, error) {
		in, err := readRules(p, direction)
		if err != nil {
			return nil, err
		}
		if err := do(ctx, in); err != nil {
			return nil, err
		}
		return ok()
	}
}

// A permissionJSON is one rule as DescribeSecurityGroupAttribute answers it.
type permissionJSON struct {
	SecurityGroupRuleID     string `json:"SecurityGroupRuleId"`
	Direction               string
	IPProtocol              string `json:"IpProtocol"`
	PortRange               string
	SourceCidrIP            string `json:"SourceCidrIp"`
	DestCidrIP              string `json:"DestCidrIp"`
	SourceGroupID           string `json:"SourceGroupId"`
	DestGroupID             string `json:"DestGroupId"`
	Ipv6SourceCidrIP        string `json:"Ipv6SourceCidrIp"`
	Ipv6DestCidrIP          string `json:"Ipv6DestCidrIp"`
	SourceGroupOwnerAccount string
	DestGroupOwnerAccount   string
	SourcePrefixListID      string `json:"SourcePrefixListId"`
	DestPrefixListID        string `json:"DestPrefixListId"`
	Policy                  string
	Priority                string
	NicType                 string
	Description             string
	CreateTime              string
}

// permissions returns the rules of g that Direction (ingress, egress or all) selects.
// NicType narrows nothing: every group here is in a VPC, whose rules are all intranet
// rules, and for such a group the API reads any NicType, or none, as intranet (ECS API
// reference, DescribeSecurityGroupAttribute, NicType). The alicloud provider relies on
// it: it sends NicType "<nil>" when a rule sets no nic_type.
func permissions(g fake.SecurityGroup, p *params) []permissionJSON {
	out := []permissionJSON{}
	for _, r := range g.Rules {
		if d := p.str("Direction"); d != "" && d != "all" && d != r.Direction {
			continue
		}
		j := permissionJSON{SecurityGroupRuleID: r.ID, Direction: r.Direction, IPProtocol: r.Protocol,
			PortRange: r.PortRange, Policy: r.Policy, Priority: strconv.Itoa(r.Priority), NicType: r.NicType,
			Description: r.Description, CreateTime: cloudTime(g.Created)}
		v4, v6 := r.CIDR, ""
		if a, err := netip.ParsePrefix(r.CIDR); err == nil && a.Addr().Is6() {
			v4, v6 = "", r.CIDR
		}
		if r.Direction == "ingress" {
			j.SourceCidrIP, j.Ipv6SourceCidrIP, j.SourceGroupID = v4, v6, r.PeerGroup
			j.SourceGroupOwnerAccount, j.SourcePrefixListID = r.PeerOwner, r.PrefixList
		} else {
			j.DestCidrIP, j.Ipv6DestCidrIP, j.DestGroupID = v4, v6, r.PeerGroup
			j.DestGroupOwnerAccount, j.DestPrefixListID = r.PeerOwner, r.PrefixList
		}
		out = append(out, j)
	}
	return out
}

// modifySecurityGroupPolicy answers ModifySecurityGroupPolicy: InnerAccessPolicy,
// Accept or Drop, given back by DescribeSecurityGroupAttribute.
func (s *Server) modifySecurityGroupPolicy(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	if err := s.b.SetInnerAccessPolicy(ctx, r, id, p.str("InnerAccessPolicy")); err != nil {
		return nil, err
	}
	return ok()
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: fake.OpAuthorizeSecurityGroup, Handler: func(s *Server) handler { return s.rulesHandler("ingress", s.b.AuthorizeSecurityGroupRules) },
		Params: ingressRulesParams},
	route{API: backend.ECS, Op: fake.OpAuthorizeSecurityGroupEgress, Handler: func(s *Server) handler { return s.rulesHandler("egress", s.b.AuthorizeSecurityGroupRules) },
		Params: egressRulesParams},
	route{API: backend.ECS, Op: fake.OpRevokeSecurityGroup, Handler: func(s *Server) handler { return s.rulesHandler("ingress", s.b.RevokeSecurityGroupRules) },
		Params: ingressRulesParams},
	route{API: backend.ECS, Op: fake.OpRevokeSecurityGroupEgress, Handler: func(s *Server) handler { return s.rulesHandler("egress", s.b.RevokeSecurityGroupRules) },
		Params: egressRulesParams},
	route{API: backend.ECS, Op: fake.OpModifySecurityGroupRule, Handler: func(s *Server) handler { return s.rulesHandler("ingress", s.b.ModifySecurityGroupRules) },
		Params: ingressRulesParams},
	route{API: backend.ECS, Op: fake.OpModifySecurityGroupEgressRule, Handler: func(s *Server) handler { return s.rulesHandler("egress", s.b.ModifySecurityGroupRules) },
		Params: egressRulesParams},
	route{API: backend.ECS, Op: fake.OpModifySecurityGroupPolicy, Handler: func(s *Server) handler { return s.modifySecurityGroupPolicy },
		Params: modelledParams("RegionId", "SecurityGroupId", "InnerAccessPolicy", "ClientToken")},
)
