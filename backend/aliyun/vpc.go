package aliyun

import (
	"context"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// optional returns a *string for s, or nil when s is empty, so that empty fields are
// not sent.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return tea.String(s)
}

// enumText returns the API spelling of an enum, or nil for its zero value.
func enumText[T interface{ String() string }](v T, zero bool) *string {
	if zero {
		return nil
	}
	return tea.String(v.String())
}

func addrText(a netip.Addr) *string {
	if !a.IsValid() {
		return nil
	}
	return tea.String(a.String())
}

// AllocateEIP implements [backend.EIPAllocator].
func (b *Backend) AllocateEIP(ctx context.Context, in backend.AllocateEIPInput) (eip.Address, error) {
	const op = backend.OpAllocateEIP
	rt, err := b.runtime(ctx)
	if err != nil {
		return eip.Address{}, mapError(ctx, op, err)
	}
	req := &vpc.AllocateEipAddressRequest{
		RegionId: tea.String(string(in.Region)), Name: optional(in.Name), ClientToken: optional(in.ClientToken),
		InstanceChargeType: enumText(in.ChargeType, in.ChargeType == 0),
		InternetChargeType: enumText(in.InternetChargeType, in.InternetChargeType == 0),
	}
	if in.Bandwidth > 0 {
		req.Bandwidth = tea.String(strconv.Itoa(in.Bandwidth))
	}
	set := in.Settings
	req.Description, req.ISP, req.Netmode = optional(in.Description), optional(set.ISP), optional(set.Netmode)
	req.ResourceGroupId, req.Zone, req.PricingCycle = optional(set.ResourceGroupID), optional(set.Zone),
		optional(set.PricingCycle)
	for _, t := range set.SecurityProtectionTypes {
		req.SecurityProtectionTypes = append(req.SecurityProtectionTypes, tea.String(t))
	}
	if set.Period > 0 {
		req.Period = tea.Int32(int32(set.Period))
	}
	if set.AutoPay {
		req.AutoPay = tea.Bool(true)
	}
	req.PublicIpAddressPoolId, req.InstanceId = optional(set.PublicIPPool), optional(string(in.Restore))
	if in.IP.IsValid() {
		req.IpAddress = tea.String(in.IP.String())
	}
	resp, err := withContext(
		ctx,
		func() (*vpc.AllocateEipAddressResponse, error) { return b.vpc.AllocateEipAddressWithOptions(req, rt) },
	)
	if err != nil {
		return eip.Address{}, mapError(ctx, op, err)
	}
	id := eip.ID(tea.StringValue(resp.Body.AllocationId))
	// The answer carries the ID and, for pay-as-you-go, the address; read the rest.
	page, err := b.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: in.Region, IDs: []eip.ID{id}})
	if err != nil {
		return eip.Address{}, err
	}
	if len(page.EIPs) == 1 {
		return page.EIPs[0], nil
	}
	a := eip.Address{
		ID:                 id,
		Region:             in.Region,
		Status:             eip.Available,
		ChargeType:         in.ChargeType,
		InternetChargeType: in.InternetChargeType,
	}
	a.IP, _ = netip.ParseAddr(tea.StringValue(resp.Body.EipAddress))
	return a, nil
}

// ReleaseEIP implements [backend.EIPAllocator].
func (b *Backend) ReleaseEIP(ctx context.Context, in backend.ReleaseEIPInput) error {
	const op = backend.OpReleaseEIP
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	_, err = withContext(ctx, func() (*vpc.ReleaseEipAddressResponse, error) {
		return b.vpc.ReleaseEipAddressWithOptions(
			&vpc.ReleaseEipAddressRequest{
				RegionId:     tea.String(string(in.Region)),
				AllocationId: optional(string(in.EIP)),
			},
			rt,
		)
	})
	return mapError(ctx, op, err)
}

// AssociateEIP implements [backend.Associator].
func (b *Backend) AssociateEIP(ctx context.Context, in backend.AssociateEIPInput) error {
	const op = backend.OpAssociateEIP
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	req := &vpc.AssociateEipAddressRequest{
		RegionId: tea.String(
			string(in.Region),
		), AllocationId: optional(string(in.EIP)), InstanceId: optional(in.InstanceID),
		InstanceType: enumText(in.InstanceType, in.InstanceType == 0), Mode: enumText(in.Mode, in.Mode == 0),
		PrivateIpAddress: addrText(in.PrivateIP), ClientToken: optional(in.ClientToken), VpcId: optional(in.VPC),
	}
	_, err = withContext(
		ctx,
		func() (*vpc.AssociateEipAddressResponse, error) { return b.vpc.AssociateEipAddressWithOptions(req, rt) },
	)
	return mapError(ctx, op, err)
}

// UnassociateEIP implements [backend.Associator].
func (b *Backend) UnassociateEIP(ctx context.Context, in backend.UnassociateEIPInput) error {
	const op = backend.OpUnassociateEIP
	rt, err := b.runtime(ctx)
	if err != nil {
		return mapError(ctx, op, err)
	}
	req := &vpc.UnassociateEipAddressRequest{
		RegionId: tea.String(
			string(in.Region),
		), AllocationId: optional(string(in.EIP)), InstanceId: optional(in.InstanceID),
		InstanceType: enumText(
			in.InstanceType,
			in.InstanceType == 0,
		), PrivateIpAddress: addrText(in.PrivateIP), ClientToken: optional(in.ClientToken),
	}
	_, err = withContext(ctx, func() (*vpc.UnassociateEipAddressResponse, error) {
		return b.vpc.UnassociateEipAddressWithOptions(req, rt)
	})
	return mapError(ctx, op, err)
}

// DescribeEIPs implements [backend.EIPReader].
func (b *Backend) DescribeEIPs(ctx context.Context, in backend.DescribeEIPsInput) (backend.EIPPage, error) {
	const op = backend.OpDescribeEIPs
	rt, err := b.runtime(ctx)
	if err != nil {
		return backend.EIPPage{}, mapError(ctx, op, err)
	}
	req := &vpc.DescribeEipAddressesRequest{
		RegionId: tea.String(string(in.Region)), Status: enumText(in.Status, in.Status == 0),
		AssociatedInstanceId: optional(
			in.AssociatedInstanceID,
		), AssociatedInstanceType: enumText(in.AssociatedInstanceType, in.AssociatedInstanceType == 0),
	}
	if in.Region == "" {
		req.RegionId = nil
	}
	for _, t := range in.Tags {
		req.Tag = append(
			req.Tag,
			&vpc.DescribeEipAddressesRequestTag{Key: tea.String(t.Key), Value: tea.String(t.Value)},
		)
	}
	if len(in.IDs) > 0 {
		ids := make([]string, len(in.IDs))
		for i, id := range in.IDs {
			ids[i] = string(id)
		}
		req.AllocationId = tea.String(strings.Join(ids, ","))
	}
	if in.PageNumber > 0 {
		req.PageNumber = tea.Int32(int32(in.PageNumber))
	}
	if in.PageSize > 0 {
		req.PageSize = tea.Int32(int32(in.PageSize))
	}
	resp, err := withContext(ctx, func() (*vpc.DescribeEipAddressesResponse, error) {
		return b.vpc.DescribeEipAddressesWithOptions(req, rt)
	})
	if err != nil {
		return backend.EIPPage{}, mapError(ctx, op, err)
	}
	body := resp.Body
	page := backend.EIPPage{
		TotalCount: int(tea.Int32Value(body.TotalCount)),
		PageNumber: int(tea.Int32Value(body.PageNumber)),
		PageSize:   int(tea.Int32Value(body.PageSize)),
	}
	if body.EipAddresses == nil {
		return page, nil
	}
	for _, e := range body.EipAddresses.EipAddress {
		page.EIPs = append(page.EIPs, toAddress(e, in.Region))
	}
	return page, nil
}

// toAddress converts one DescribeEipAddresses entry; values the domain types do not
// know are left zero.
func toAddress(e *vpc.DescribeEipAddressesResponseBodyEipAddressesEipAddress, region regions.ID) eip.Address {
	a := eip.Address{ID: eip.ID(tea.StringValue(e.AllocationId)), Region: regions.ID(tea.StringValue(e.RegionId))}
	if a.Region == "" {
		a.Region = region
	}
	a.IP, _ = netip.ParseAddr(tea.StringValue(e.IpAddress))
	a.Status, _ = eip.ParseStatus(tea.StringValue(e.Status))
	a.ChargeType, _ = eip.ParseChargeType(tea.StringValue(e.ChargeType))
	a.InternetChargeType, _ = eip.ParseInternetChargeType(tea.StringValue(e.InternetChargeType))
	a.BusinessStatus, _ = eip.ParseBusinessStatus(tea.StringValue(e.BusinessStatus))
	if e.OperationLocks != nil {
		for _, l := range e.OperationLocks.LockReason {
			if r, err := eip.ParseLockReason(tea.StringValue(l.LockReason)); err == nil {
				a.LockReasons = append(a.LockReasons, r)
			}
		}
	}
	a.Bandwidth, _ = strconv.Atoi(tea.StringValue(e.Bandwidth))
	a.Name, a.Description = tea.StringValue(e.Name), tea.StringValue(e.Description)
	a.Settings = eip.Settings{ISP: tea.StringValue(e.ISP), Netmode: tea.StringValue(e.Netmode),
		ResourceGroupID: tea.StringValue(e.ResourceGroupId), Zone: tea.StringValue(e.Zone),
		PublicIPPool: tea.StringValue(e.PublicIpAddressPoolId)}
	if e.SecurityProtectionTypes != nil {
		for _, t := range e.SecurityProtectionTypes.SecurityProtectionType {
			a.Settings.SecurityProtectionTypes = append(a.Settings.SecurityProtectionTypes, tea.StringValue(t))
		}
	}
	if id := tea.StringValue(e.InstanceId); id != "" {
		a.Association.InstanceID = id
		a.Association.InstanceType, _ = eip.ParseInstanceType(tea.StringValue(e.InstanceType))
		if a.Association.InstanceType == eip.NetworkInterface {
			a.Association.Mode, _ = modes.Parse(tea.StringValue(e.Mode))
		}
		a.Association.PrivateIP, _ = netip.ParseAddr(tea.StringValue(e.PrivateIpAddress))
	}
	return a
}

// DescribeEIPGatewayInfo implements [backend.EIPReader].
func (b *Backend) DescribeEIPGatewayInfo(
	ctx context.Context,
	in backend.DescribeEIPGatewayInfoInput,
) ([]backend.GatewayInfo, error) {
	const op = backend.OpDescribeEIPGateway
	rt, err := b.runtime(ctx)
	if err != nil {
		return nil, mapError(ctx, op, err)
	}
	resp, err := withContext(ctx, func() (*vpc.DescribeEipGatewayInfoResponse, error) {
		return b.vpc.DescribeEipGatewayInfoWithOptions(
			&vpc.DescribeEipGatewayInfoRequest{
				RegionId:   tea.String(string(in.Region)),
				InstanceId: optional(string(in.ENI)),
			},
			rt,
		)
	})
	if err != nil {
		return nil, mapError(ctx, op, err)
	}
	var out []backend.GatewayInfo
	if resp.Body.EipInfos == nil {
		return out, nil
	}
	for _, e := range resp.Body.EipInfos.EipInfo {
		var gi backend.GatewayInfo
		gi.IP, _ = netip.ParseAddr(tea.StringValue(e.Ip))
		gi.Gateway, _ = netip.ParseAddr(tea.StringValue(e.IpGw))
		gi.Mask, _ = netip.ParseAddr(tea.StringValue(e.IpMask))
		out = append(out, gi)
	}
	return out, nil
}

// withContext runs a VPC SDK call, which takes no context, and returns early with the
// context's error when the context ends first. The call itself is bounded by the read
// timeout that runtime derived from the same deadline.
func withContext[T any](ctx context.Context, call func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := call()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// DescribeVSwitches implements [backend.NetworkReader]: one DescribeVSwitches call for
// each ID (its VSwitchId filter takes one), sorted and without repeats.
func (b *Backend) DescribeVSwitches(ctx context.Context, in backend.DescribeVSwitchesInput) ([]backend.VSwitch, error) {
	const op = backend.OpDescribeVSwitches
	if len(in.IDs) > 100 {
		return nil, backend.NewError(string(op), "InvalidParameter", "At most 100 VSwitchIds.")
	}
	rt, err := b.runtime(ctx)
	if err != nil {
		return nil, mapError(ctx, op, err)
	}
	var out []backend.VSwitch
	for _, id := range slices.Compact(slices.Sorted(slices.Values(in.IDs))) {
		req := &vpc.DescribeVSwitchesRequest{RegionId: tea.String(string(in.Region)), VSwitchId: tea.String(id)}
		resp, err := withContext(
			ctx,
			func() (*vpc.DescribeVSwitchesResponse, error) { return b.vpc.DescribeVSwitchesWithOptions(req, rt) },
		)
		if err != nil {
			return nil, mapError(ctx, op, err)
		}
		if resp.Body == nil || resp.Body.VSwitches == nil {
			continue
		}
		for _, v := range resp.Body.VSwitches.VSwitch {
			if tea.StringValue(v.VSwitchId) != id {
				continue // only the one asked for
			}
			cidr, _ := netip.ParsePrefix(tea.StringValue(v.CidrBlock))
			out = append(out, backend.VSwitch{ID: id, Region: in.Region, Zone: tea.StringValue(v.ZoneId),
				VPC: tea.StringValue(v.VpcId), CIDR: cidr})
		}
	}
	return out, nil
}
