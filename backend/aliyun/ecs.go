package aliyun

import (
	"context"
	"encoding/json"
	"net/netip"
	"slices"

	ecsapi "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

func addrList(as []netip.Addr) []*string {
	if len(as) == 0 {
		return nil
	}
	out := make([]*string, len(as))
	for i, a := range as {
		out[i] = tea.String(a.String())
	}
	return out
}

func parseAddrs(ss []*string) []netip.Addr {
	var out []netip.Addr
	for _, s := range ss {
		if a, err := netip.ParseAddr(tea.StringValue(s)); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// CreateENI implements [backend.ENIManager].
func (b *Backend) CreateENI(ctx context.Context, in backend.CreateENIInput) (eni.Interface, error) {
	const op = backend.OpCreateENI
	rt, err := b.runtime(ctx)
	if err != nil {
		return eni.Interface{}, mapError(ctx, op, err)
	}
	req := &ecsapi.CreateNetworkInterfaceRequest{
		RegionId: tea.String(string(in.Region)), VSwitchId: optional(in.VSwitch),
		PrimaryIpAddress: addrText(in.PrimaryIP), PrivateIpAddress: addrList(in.SecondaryIPs),
		InstanceType: enumText(
			in.Kind,
			in.Kind == 0,
		), NetworkInterfaceName: optional(in.Name), Description: optional(in.Description),
		ClientToken: optional(in.ClientToken),
	}
	// The API takes SecurityGroupId or SecurityGroupIds.N, not both.
	if len(in.SecurityGroups) == 1 {
		req.SecurityGroupId = tea.String(in.SecurityGroups[0])
	} else if len(in.SecurityGroups) > 1 {
		req.SecurityGroupIds = tea.StringSlice(in.SecurityGroups)
	}
	if in.SecondaryIPCount != 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(int32(in.SecondaryIPCount))
	}
	resp, err := b.ecs.CreateNetworkInterfaceWithContext(ctx, req, rt)
	if err != nil {
		return eni.Interface{}, mapError(ctx, op, err)
	}
	r := resp.Body
	n := eni.Interface{
		ID: eni.ID(tea.StringValue(r.NetworkInterfaceId)), Region: in.Region, VPC: tea.StringValue(r.VpcId),
		VSwitch: tea.StringValue(r.VSwitchId), Zone: tea.StringValue(r.ZoneId),
		Name: in.Name, Description: in.Description, SecurityGroups: slices.Clone(in.SecurityGroups),
	}
	n.Status, _ = eni.ParseStatus(tea.StringValue(r.Status))
	if n.Kind, _ = eni.ParseKind(tea.StringValue(r.Type)); n.Kind == 0 {
		n.Kind = eni.Secondary // an empty Type from CreateNetworkInterface means Secondary
	}
	n.PrimaryIP, _ = netip.ParseAddr(tea.StringValue(r.PrivateIpAddress))
	if r.PrivateIpSets != nil {
		for _, s := range r.PrivateIpSets.PrivateIpSet {
			if a, err := netip.ParseAddr(tea.StringValue(s.PrivateIpAddress)); err == nil && !tea.BoolValue(s.Primary) {
				n.SecondaryIPs = append(n.SecondaryIPs, a)
			}
		}
	}
	return n, nil
}

// DeleteENI implements [backend.ENIManager].
func (b *Backend) DeleteENI(ctx context.Context, in backend.DeleteENIInput) error {
	const op = backend.OpDeleteENI
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	_, err = b.ecs.DeleteNetworkInterfaceWithContext(
		ctx,
		&ecsapi.DeleteNetworkInterfaceRequest{
			RegionId:           tea.String(string(in.Region)),
			NetworkInterfaceId: optional(string(in.ENI)),
		},
		rt,
	)
	return mapError(ctx, op, err)
}

// AttachENI implements [backend.ENIManager].
func (b *Backend) AttachENI(ctx context.Context, in backend.AttachENIInput) error {
	const op = backend.OpAttachENI
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	_, err = b.ecs.AttachNetworkInterfaceWithContext(ctx, &ecsapi.AttachNetworkInterfaceRequest{
		RegionId: tea.String(
			string(in.Region),
		), NetworkInterfaceId: optional(string(in.ENI)), InstanceId: optional(in.Instance),
		TrunkNetworkInstanceId: optional(string(in.Trunk)),
	}, rt)
	return mapError(ctx, op, err)
}

// DetachENI implements [backend.ENIManager].
func (b *Backend) DetachENI(ctx context.Context, in backend.DetachENIInput) error {
	const op = backend.OpDetachENI
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	_, err = b.ecs.DetachNetworkInterfaceWithContext(ctx, &ecsapi.DetachNetworkInterfaceRequest{
		RegionId: tea.String(
			string(in.Region),
		), NetworkInterfaceId: optional(string(in.ENI)), InstanceId: optional(in.Instance),
		TrunkNetworkInstanceId: optional(string(in.Trunk)),
	}, rt)
	return mapError(ctx, op, err)
}

// AssignPrivateIPs implements [backend.ENIManager].
func (b *Backend) AssignPrivateIPs(ctx context.Context, in backend.AssignPrivateIPsInput) ([]netip.Addr, error) {
	const op = backend.OpAssignPrivateIPs
	rt, err := b.runtime(ctx)
	if err != nil {
		return nil, mapError(ctx, op, err)
	}
	req := &ecsapi.AssignPrivateIpAddressesRequest{
		RegionId: tea.String(string(in.Region)), NetworkInterfaceId: optional(string(in.ENI)),
		PrivateIpAddress: addrList(in.IPs), ClientToken: optional(in.ClientToken),
	}
	if in.Count != 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(int32(in.Count))
	}
	resp, err := b.ecs.AssignPrivateIpAddressesWithContext(ctx, req, rt)
	if err != nil {
		return nil, mapError(ctx, op, err)
	}
	if set := resp.Body.AssignedPrivateIpAddressesSet; set != nil && set.PrivateIpSet != nil {
		return parseAddrs(set.PrivateIpSet.PrivateIpAddress), nil
	}
	return nil, nil
}

// UnassignPrivateIPs implements [backend.ENIManager].
func (b *Backend) UnassignPrivateIPs(ctx context.Context, in backend.UnassignPrivateIPsInput) error {
	const op = backend.OpUnassignPrivateIPs
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	_, err = b.ecs.UnassignPrivateIpAddressesWithContext(ctx, &ecsapi.UnassignPrivateIpAddressesRequest{
		RegionId: tea.String(
			string(in.Region),
		), NetworkInterfaceId: optional(string(in.ENI)), PrivateIpAddress: addrList(in.IPs),
	}, rt)
	return mapError(ctx, op, err)
}

// DescribeENIs implements [backend.ENIReader].
func (b *Backend) DescribeENIs(ctx context.Context, in backend.DescribeENIsInput) (backend.ENIPage, error) {
	const op = backend.OpDescribeENIs
	rt, err := b.runtime(ctx)
	if err != nil {
		return backend.ENIPage{}, mapError(ctx, op, err)
	}
	req := &ecsapi.DescribeNetworkInterfacesRequest{
		RegionId: optional(
			string(in.Region),
		), InstanceId: optional(in.Instance), VpcId: optional(in.VPC), VSwitchId: optional(in.VSwitch),
		Type: enumText(
			in.Kind,
			in.Kind == 0,
		), Status: enumText(in.Status, in.Status == 0), NextToken: optional(in.NextToken),
	}
	for _, id := range in.IDs {
		req.NetworkInterfaceId = append(req.NetworkInterfaceId, tea.String(string(id)))
	}
	for _, t := range in.Tags {
		req.Tag = append(
			req.Tag,
			&ecsapi.DescribeNetworkInterfacesRequestTag{Key: tea.String(t.Key), Value: tea.String(t.Value)},
		)
	}
	if in.MaxResults > 0 {
		req.MaxResults = tea.Int32(int32(in.MaxResults))
	}
	resp, err := b.ecs.DescribeNetworkInterfacesWithContext(ctx, req, rt)
	if err != nil {
		return backend.ENIPage{}, mapError(ctx, op, err)
	}
	body := resp.Body
	page := backend.ENIPage{
		NextToken:  tea.StringValue(body.NextToken),
		TotalCount: int(tea.Int32Value(body.TotalCount)),
	}
	if body.NetworkInterfaceSets == nil {
		return page, nil
	}
	for _, s := range body.NetworkInterfaceSets.NetworkInterfaceSet {
		page.ENIs = append(page.ENIs, toInterface(s, in.Region))
	}
	return page, nil
}

func toInterface(
	s *ecsapi.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet,
	region regions.ID,
) eni.Interface {
	n := eni.Interface{
		ID: eni.ID(tea.StringValue(s.NetworkInterfaceId)), Region: region, Zone: tea.StringValue(s.ZoneId),
		VPC: tea.StringValue(s.VpcId), VSwitch: tea.StringValue(s.VSwitchId), Instance: tea.StringValue(s.InstanceId),
		Name: tea.StringValue(s.NetworkInterfaceName), Description: tea.StringValue(s.Description),
	}
	if s.SecurityGroupIds != nil {
		n.SecurityGroups = tea.StringSliceValue(s.SecurityGroupIds.SecurityGroupId)
	}
	n.Kind, _ = eni.ParseKind(tea.StringValue(s.Type))
	n.Status, _ = eni.ParseStatus(tea.StringValue(s.Status))
	n.PrimaryIP, _ = netip.ParseAddr(tea.StringValue(s.PrivateIpAddress))
	if s.PrivateIpSets != nil {
		for _, p := range s.PrivateIpSets.PrivateIpSet {
			if a, err := netip.ParseAddr(tea.StringValue(p.PrivateIpAddress)); err == nil && !tea.BoolValue(p.Primary) {
				n.SecondaryIPs = append(n.SecondaryIPs, a)
			}
		}
	}
	if n.Instance == "" && s.Attachment != nil {
		n.Instance = tea.StringValue(s.Attachment.InstanceId)
	}
	return n
}

// DescribeInstance implements [backend.InstanceReader] with DescribeInstances. The
// cloud does not report DHCP, so it is DHCPUnknown.
func (b *Backend) DescribeInstance(ctx context.Context, in backend.DescribeInstanceInput) (ecs.Instance, error) {
	const op = backend.OpDescribeInstance
	rt, err := b.runtime(ctx)
	if err != nil {
		return ecs.Instance{}, mapError(ctx, op, err)
	}
	ids, _ := json.Marshal([]string{in.Instance})
	resp, err := b.ecs.DescribeInstancesWithContext(
		ctx,
		&ecsapi.DescribeInstancesRequest{RegionId: optional(string(in.Region)), InstanceIds: tea.String(string(ids))},
		rt,
	)
	if err != nil {
		return ecs.Instance{}, mapError(ctx, op, err)
	}
	if resp.Body.Instances == nil || len(resp.Body.Instances.Instance) == 0 {
		e := backend.NewError(string(op), "InvalidInstanceId.NotFound", "Instance "+in.Instance+" does not exist.")
		e.RequestID = tea.StringValue(resp.Body.RequestId)
		return ecs.Instance{}, e
	}
	i := resp.Body.Instances.Instance[0]
	out := ecs.Instance{
		ID: tea.StringValue(
			i.InstanceId,
		), Type: tea.StringValue(i.InstanceType), Region: regions.ID(tea.StringValue(i.RegionId)),
		Zone: tea.StringValue(i.ZoneId), Status: tea.StringValue(i.Status),
	}
	if i.VpcAttributes != nil {
		out.VPC = tea.StringValue(i.VpcAttributes.VpcId)
	}
	if i.NetworkInterfaces != nil {
		var secondary []eni.ID
		for _, n := range i.NetworkInterfaces.NetworkInterface {
			id := eni.ID(tea.StringValue(n.NetworkInterfaceId))
			if tea.StringValue(n.Type) == "Primary" {
				out.ENIs = append(out.ENIs, id)
			} else {
				secondary = append(secondary, id)
			}
		}
		out.ENIs = append(out.ENIs, secondary...)
	}
	return out, nil
}

// DescribeInstanceTypes implements [backend.InstanceReader], following NextToken.
func (b *Backend) DescribeInstanceTypes(
	ctx context.Context,
	in backend.DescribeInstanceTypesInput,
) ([]backend.InstanceType, error) {
	const op = backend.OpDescribeInstanceTypes
	req := &ecsapi.DescribeInstanceTypesRequest{InstanceTypeFamily: optional(in.Family)}
	for _, t := range in.Types {
		req.InstanceTypes = append(req.InstanceTypes, tea.String(t))
	}
	var out []backend.InstanceType
	for pages := 0; pages < 100; pages++ {
		rt, err := b.runtime(ctx)
		if err != nil {
			return nil, mapError(ctx, op, err)
		}
		resp, err := b.ecs.DescribeInstanceTypesWithContext(ctx, req, rt)
		if err != nil {
			return nil, mapError(ctx, op, err)
		}
		if resp.Body.InstanceTypes != nil {
			for _, t := range resp.Body.InstanceTypes.InstanceType {
				l := eni.Limits{
					ENIs:             int(tea.Int32Value(t.EniQuantity)),
					PrivateIPsPerENI: int(tea.Int32Value(t.EniPrivateIpAddressQuantity)),
				}
				if l.PrivateIPsPerENI == 0 {
					l.PrivateIPsPerENI = eni.Unknown
				}
				out = append(
					out,
					backend.InstanceType{
						Type:       tea.StringValue(t.InstanceTypeId),
						Family:     tea.StringValue(t.InstanceTypeFamily),
						Limits:     l,
						Cores:      int(tea.Int32Value(t.CpuCoreCount)),
						MemoryGiB:  float64(tea.Float32Value(t.MemorySize)),
						IPv6PerENI: int(tea.Int32Value(t.EniIpv6AddressQuantity)),
						Trunk:      tea.BoolValue(t.EniTrunkSupported),
						ENITotal:   int(tea.Int32Value(t.EniTotalQuantity)),
					},
				)
			}
		}
		next := tea.StringValue(resp.Body.NextToken)
		if next == "" {
			return out, nil
		}
		req.NextToken = tea.String(next)
	}
	return out, nil
}
