package fake

import (
	"maps"
	"slices"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
)

// Topology returns the account's resources as a topology document: seeding a new fake
// account (with the same Options) from it gives the same vSwitches, instances, ENIs,
// IPs and EIPs with their associations. Transitional statuses are given as the status
// they lead to, because a seeded status is final. It is what "eipassoc serve" saves
// and shows at its state endpoint.
func (b *Backend) Topology() Topology {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := Topology{
		Catalog: Catalog{Zones: slices.Clone(b.catalog.Zones), InstanceTypes: slices.Clone(b.catalog.InstanceTypes),
			Images: slices.Clone(b.catalog.Images)},
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.vpcs)) {
		v := b.s.vpcs[id]
		t.VPCs = append(
			t.VPCs,
			VPCSpec{
				ID:          v.ID,
				Region:      v.Region,
				CIDR:        v.CIDR,
				Name:        v.Name,
				Description: v.Description,
				Default:     v.Default,
				Routes:      slices.Clone(v.Routes),
				RouteTables: b.vpcView(v).RouteTables,
				Tags:        b.s.tagMap(id),

				SystemTableName:        v.SystemTableName,
				SystemTableDescription: v.SystemTableDescription,
				SecondaryCIDRs:         slices.Clone(v.SecondaryCIDRs),
				UserCIDRs:              slices.Clone(v.UserCIDRs),
				ResourceGroupID:        v.ResourceGroupID,
			},
		)
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.vswitches)) {
		v := b.s.vswitches[id]
		t.VSwitches = append(
			t.VSwitches,
			VSwitchSpec{
				ID:          v.ID,
				Region:      v.Region,
				Zone:        v.Zone,
				VPC:         v.VPC,
				CIDR:        v.CIDR,
				Name:        v.Name,
				Description: v.Description,
				Tags:        b.s.tagMap(id),
			},
		)
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.groups)) {
		g := b.s.groups[id]
		t.SecurityGroups = append(
			t.SecurityGroups,
			SecurityGroupSpec{
				ID:          g.ID,
				Region:      g.Region,
				VPC:         g.VPC,
				Name:        g.Name,
				Description: g.Description,
				Type:        g.Type,
				Rules:       slices.Clone(g.Rules),
				Tags:        b.s.tagMap(id),

				InnerAccessPolicy: g.InnerAccessPolicy,
				ResourceGroupID:   g.ResourceGroupID,
			},
		)
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.havips)) {
		t.HaVips = append(t.HaVips, b.s.havips[id].clone())
	}
	for _, key := range slices.Sorted(maps.Keys(b.s.keyPairs)) {
		t.KeyPairs = append(t.KeyPairs, *b.s.keyPairs[key])
	}
	for _, id := range slices.Sorted(maps.Keys(b.s.instances)) {
		in := b.s.instances[id]
		spec := InstanceSpec{ID: in.ID, Type: in.Type, Status: in.Status, DHCP: in.DHCP, Tags: b.s.tagMap(id)}
		if m := b.s.instMeta[id]; m != nil {
			spec.Name, spec.Description, spec.Image, spec.SecurityGroups = m.Name, m.Description, m.Image, slices.Clone(
				m.SecurityGroups,
			)
			spec.Disks, spec.BandwidthOut = slices.Clone(m.Disks), m.BandwidthOut
			spec.InstanceSettings = m.InstanceSettings
		}
		if len(in.ENIs) > 0 {
			if p := b.s.enis[in.ENIs[0]]; p != nil {
				spec.PrimaryENI, spec.VSwitch, spec.PrimaryIP = p.iface.ID, p.iface.VSwitch, p.iface.PrimaryIP
				spec.SecondaryIPs = slices.Clone(p.iface.SecondaryIPs)
			}
		}
		t.Instances = append(t.Instances, spec)
	}
	for _, r := range slices.Sorted(maps.Keys(b.s.eniList)) {
		for _, id := range b.s.eniList[r].all() {
			n := b.s.enis[id]
			if n.iface.Kind == eni.Primary {
				continue // comes with its instance
			}
			status, instance := n.iface.Status, n.iface.Instance
			if b.s.pendingENIs[id] {
				status, instance = n.next, n.pending // where the transition leads
			}
			if status == 0 {
				continue // being deleted
			}
			spec := ENISpec{
				ID:             id,
				VSwitch:        n.iface.VSwitch,
				Kind:           n.iface.Kind,
				PrimaryIP:      n.iface.PrimaryIP,
				SecondaryIPs:   slices.Clone(n.iface.SecondaryIPs),
				Name:           n.iface.Name,
				Description:    n.iface.Description,
				SecurityGroups: slices.Clone(n.iface.SecurityGroups),
				Tags:           b.s.tagMap(string(id)),
			}
			if status == eni.InUse {
				spec.Instance = instance
			}
			t.ENIs = append(t.ENIs, spec)
		}
	}
	for _, r := range slices.Sorted(maps.Keys(b.s.eipList)) {
		for _, id := range b.s.eipList[r].all() {
			r := b.s.eips[id]
			a, status := r.addr, r.addr.Status
			if b.s.pendingEIPs[id] {
				status = r.next // where the transition leads
			}
			if status == 0 {
				continue // being released
			}
			spec := EIPSpec{
				ID:             a.ID,
				Region:         a.Region,
				IP:             a.IP,
				ChargeType:     a.ChargeType,
				BusinessStatus: a.BusinessStatus,
				LockReasons:    slices.Clone(a.LockReasons),
				Bandwidth:      a.Bandwidth,
				Name:           a.Name,
				Description:    a.Description,
				Settings:       a.Settings.Clone(),
				Tags:           b.s.tagMap(string(id)),
			}
			if as := a.Association; as.InstanceID != "" && status == eip.InUse {
				spec.Association = &AssociationSpec{Mode: as.Mode, PrivateIP: as.PrivateIP}
				if as.InstanceType == eip.NetworkInterface {
					spec.Association.ENI = eni.ID(as.InstanceID)
				} else {
					spec.Association.Instance = as.InstanceID
				}
			}
			t.EIPs = append(t.EIPs, spec)
		}
	}
	return t
}
