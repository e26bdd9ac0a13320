package eipassoc

import (
	"net/netip"
	"reflect"
	"slices"
	"testing"

	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// TestPropertiesDriveTheRules: modes.Properties is the data the rules read. For every
// field a rule reads, flipping it on a copy changes a decision, and changes the mode's
// description (Lines, what "eipassoc explain" prints) too. VisibleInOS and Visibility
// only describe; Mode and Name name.
func TestPropertiesDriveTheRules(t *testing.T) {
	t.Parallel()
	ip := func(i byte) netip.Addr { return netip.AddrFrom4([4]byte{10, 0, 0, i}) }
	assoc := func(m modes.Mode) Request {
		return Request{
			EIP: eip.Address{ID: "eip-1", Region: "cn-shanghai", Status: eip.Available, ChargeType: eip.PostPaid},
			ENI: eni.Interface{
				ID:        "eni-1",
				Kind:      eni.Secondary,
				Status:    eni.Available,
				Region:    "cn-shanghai",
				VPC:       "vpc-1",
				PrimaryIP: ip(10),
			},
			Mode: m, Account: Account{EIPs: 5},
		}
	}
	attach := func(m modes.Mode) AttachRequest {
		return AttachRequest{
			ENI: eni.Interface{
				ID:        "eni-1",
				Kind:      eni.Secondary,
				Status:    eni.Available,
				Region:    "cn-shanghai",
				Zone:      "z",
				VPC:       "vpc-1",
				PrimaryIP: ip(10),
			},
			Bound: []Binding{{EIP: "eip-1", Mode: m}},
			Instance: ecs.Instance{
				ID:     "i-1",
				Type:   "ecs.g7.large",
				Region: "cn-shanghai",
				Zone:   "z",
				VPC:    "vpc-1",
				DHCP:   ecs.DHCPDisabled,
			},
		}
	}
	flips := []struct {
		field  string
		mode   modes.Mode
		req    func() Request       // nil: an attachment
		attach func() AttachRequest //
		flip   func(p *modes.Properties)
	}{
		{
			field: "PrimaryENI",
			mode:  modes.NAT,
			req:   func() Request { r := assoc(modes.NAT); r.ENI.Kind = eni.Primary; return r },
			flip:  func(p *modes.Properties) { p.PrimaryENI = modes.Capacity{} },
		},
		{field: "SecondaryENI", mode: modes.MultiBinded, req: func() Request {
			r := assoc(modes.MultiBinded)
			r.Account.MultiBindedAllowed = true
			r.Bound = []Binding{{EIP: "eip-0", Mode: modes.MultiBinded}}
			return r
		}, flip: func(p *modes.Properties) { p.SecondaryENI = modes.Capacity{Max: 1} }},
		{field: "PrimaryPrivateIPOnly", mode: modes.Binded, req: func() Request {
			r := assoc(modes.Binded)
			r.ENI.SecondaryIPs = []netip.Addr{ip(11)}
			r.PrivateIP = ip(11)
			return r
		}, flip: func(p *modes.Properties) { p.PrimaryPrivateIPOnly = false }},
		{
			field: "NoSecondaryPrivateIPs",
			mode:  modes.Binded,
			req:   func() Request { r := assoc(modes.Binded); r.ENI.SecondaryIPs = []netip.Addr{ip(11)}; return r },
			flip:  func(p *modes.Properties) { p.NoSecondaryPrivateIPs = false },
		},
		{field: "KeepsPrivateNetwork", mode: modes.Binded, req: func() Request { return assoc(modes.Binded) },
			flip: func(p *modes.Properties) { p.KeepsPrivateNetwork = true }},
		{field: "AllIPProtocols", mode: modes.NAT, req: func() Request { return assoc(modes.NAT) },
			flip: func(p *modes.Properties) { p.AllIPProtocols = true }},
		{field: "Recommended", mode: modes.Binded, req: func() Request { return assoc(modes.Binded) },
			flip: func(p *modes.Properties) { p.Recommended = true }},
		{
			field: "AcceptsNewApplications",
			mode:  modes.MultiBinded,
			req:   func() Request { return assoc(modes.MultiBinded) },
			flip:  func(p *modes.Properties) { p.AcceptsNewApplications = true },
		},
		{field: "DetachedENIRequired", mode: modes.NAT, req: func() Request {
			r := assoc(modes.NAT)
			r.ENI.Status, r.ENI.Instance = eni.InUse, "i-1"
			return r
		}, flip: func(p *modes.Properties) { p.DetachedENIRequired = false }},
		{field: "StaticGatewayConfig", mode: modes.MultiBinded, req: func() Request { return assoc(modes.MultiBinded) },
			flip: func(p *modes.Properties) { p.StaticGatewayConfig = false }},
		{
			field:  "InstanceFamilyRestricted",
			mode:   modes.MultiBinded,
			attach: func() AttachRequest { return attach(modes.MultiBinded) },
			flip:   func(p *modes.Properties) { p.InstanceFamilyRestricted = false },
		},
		{
			field:  "DHCPRequired",
			mode:   modes.MultiBinded,
			attach: func() AttachRequest { return attach(modes.MultiBinded) },
			flip:   func(p *modes.Properties) { p.DHCPRequired = false },
		},
	}
	tested := map[string]bool{}
	for _, f := range flips {
		tested[f.field] = true
		orig := f.mode.Properties()
		changed := orig
		f.flip(&changed)
		var before, after Decision
		if f.req != nil {
			r1, r2 := f.req(), f.req()
			canAssociate(&before, &r1, &orig)
			canAssociate(&after, &r2, &changed)
		} else {
			props := func(p modes.Properties) func(modes.Mode) modes.Properties {
				return func(m modes.Mode) modes.Properties {
					if m == f.mode {
						return p
					}
					return m.Properties()
				}
			}
			for _, pair := range []struct {
				d *Decision
				p modes.Properties
			}{{&before, orig}, {&after, changed}} {
				r := f.attach()
				checkAttachModes(pair.d, &r, props(pair.p))
				pair.d.finish(func() names { return names{eni: string(r.ENI.ID), instance: r.Instance.ID} })
			}
		}
		if reflect.DeepEqual(before, after) {
			t.Errorf("%s: flipping it changes no decision:\n%v", f.field, before)
		}
		if slices.Equal(orig.Lines(), changed.Lines()) {
			t.Errorf("%s: flipping it changes no line of the description", f.field)
		}
	}
	descriptive := map[string]bool{"Mode": true, "Name": true, "VisibleInOS": true, "Visibility": true}
	for i := range reflect.TypeFor[modes.Properties]().NumField() {
		name := reflect.TypeFor[modes.Properties]().Field(i).Name
		if !tested[name] && !descriptive[name] {
			t.Errorf("property %s is neither read by a rule (add a flip here) nor descriptive", name)
		}
	}
}
