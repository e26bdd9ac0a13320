package check

import (
	"context"
	"maps"
	"net/netip"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// Enrich merges an account's current state into m: ENIs and EIPs that the input names
// only by ID get their kind, addresses, attachment and status from b, the EIPs already
// associated with those ENIs count as existing associations, and vSwitches named only
// by ID (by a planned ENI or instance, or by an ENI the account has) get their zone and
// VPC. Resources the account does not have stay unknown.
func Enrich(ctx context.Context, m *Model, b backend.Backend) error {
	byRegion := map[regions.ID][]*Association{}
	for _, a := range m.Associations {
		if a.Region != "" {
			byRegion[a.Region] = append(byRegion[a.Region], a)
		}
	}
	for region, as := range byRegion {
		if err := enrichRegion(ctx, m, b, region, as); err != nil {
			return err
		}
	}
	return enrichVSwitches(ctx, m, b)
}

// enrichVSwitches reads the zone and VPC of every vSwitch that an ENI or instance of m
// names by ID and the input does not describe (an existing vSwitch), after the ENIs,
// whose vSwitches the account gives.
func enrichVSwitches(ctx context.Context, m *Model, b backend.Backend) error {
	byRegion := map[regions.ID][]string{}
	want := func(region regions.ID, v Key) {
		if v == "" || region == "" || m.VSwitches[v] != nil || strings.Contains(string(v), ".") {
			return // none, or described, or a resource address rather than an ID
		}
		if !slices.Contains(byRegion[region], string(v)) {
			byRegion[region] = append(byRegion[region], string(v))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.ENIs)) {
		want(m.ENIs[k].Region, m.ENIs[k].VSwitch)
	}
	for _, k := range slices.Sorted(maps.Keys(m.Instances)) {
		want(m.Instances[k].Region, m.Instances[k].VSwitch)
	}
	for _, region := range slices.Sorted(maps.Keys(byRegion)) {
		ids := byRegion[region]
		for start := 0; start < len(ids); start += 100 {
			live, err := b.DescribeVSwitches(
				ctx,
				backend.DescribeVSwitchesInput{Region: region, IDs: ids[start:min(start+100, len(ids))]},
			)
			if err != nil {
				return err
			}
			for _, v := range live {
				m.VSwitches[Key(v.ID)] = &VSwitch{Key: Key(v.ID), Zone: v.Zone, VPC: v.VPC}
			}
		}
	}
	return nil
}

func enrichRegion(ctx context.Context, m *Model, b backend.Backend, region regions.ID, as []*Association) error {
	var eniIDs []eni.ID
	var eipIDs []eip.ID
	for _, a := range as {
		if n := m.ENIs[a.Target]; n != nil && !n.Known && n.ID != "" && !slices.Contains(eniIDs, eni.ID(n.ID)) {
			eniIDs = append(eniIDs, eni.ID(n.ID))
		}
		if e := m.EIPs[a.EIP]; e != nil && e.ID != "" && !slices.Contains(eipIDs, eip.ID(e.ID)) {
			eipIDs = append(eipIDs, eip.ID(e.ID))
		}
	}
	for start := 0; start < len(eniIDs); start += 100 {
		page, err := b.DescribeENIs(
			ctx,
			backend.DescribeENIsInput{Region: region, IDs: eniIDs[start:min(start+100, len(eniIDs))], MaxResults: 100},
		)
		if err != nil {
			return err
		}
		for _, live := range page.ENIs {
			n := m.ENIs[Key(live.ID)]
			if n == nil {
				continue
			}
			n.Kind, n.Region, n.VSwitch, n.Known = live.Kind, region, Key(live.VSwitch), true
			n.IPs = append([]netip.Addr(nil), live.PrivateIPs()...)
			n.IPCount, n.IPCountKnown = len(n.IPs), true
			if live.Instance != "" {
				n.Instance = Key(m.instanceKey(live.Instance))
			}
			if err := addLiveAssociations(ctx, m, b, region, n); err != nil {
				return err
			}
		}
	}
	for start := 0; start < len(eipIDs); start += 50 {
		page, err := b.DescribeEIPs(
			ctx,
			backend.DescribeEIPsInput{Region: region, IDs: eipIDs[start:min(start+50, len(eipIDs))], PageSize: 50},
		)
		if err != nil {
			return err
		}
		for _, live := range page.EIPs {
			for _, e := range m.EIPs {
				if e.ID == string(live.ID) {
					cp := live
					e.Live, e.Known, e.Region = &cp, true, live.Region
				}
			}
		}
	}
	return nil
}

// addLiveAssociations adds the EIPs already associated with n as existing associations.
func addLiveAssociations(ctx context.Context, m *Model, b backend.Backend, region regions.ID, n *ENI) error {
	page, err := b.DescribeEIPs(
		ctx,
		backend.DescribeEIPsInput{
			Region:                 region,
			AssociatedInstanceID:   n.ID,
			AssociatedInstanceType: eip.NetworkInterface,
			PageSize:               100,
		},
	)
	if err != nil {
		return err
	}
	for _, a := range page.EIPs {
		m.Associations = append(m.Associations, &Association{
			Address: "live:" +
				string(a.ID), ResourceType: "existing", EIP: Key(a.ID), Target: n.Key, InstanceType: "NetworkInterface",
			Mode: a.Association.Mode, ModeSet: a.Association.Mode.IsValid(), PrivateIP: a.Association.PrivateIP, Region: region,
		})
	}
	return nil
}

// instanceKey finds or adds an instance by ID.
func (m *Model) instanceKey(id string) string {
	for _, k := range slices.Sorted(maps.Keys(m.Instances)) { // the first match, every run
		if in := m.Instances[k]; in.ID == id {
			return string(k)
		}
	}
	m.Instances[Key(id)] = &Instance{Key: Key(id), ID: id}
	return id
}
