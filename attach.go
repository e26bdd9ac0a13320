package eipassoc

import (
	"strconv"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// An Instance is the ECS instance an ENI is to be attached to, reduced to what the rules
// read. The zero Instance is denied.
type Instance struct {
	// ID is the instance ID, e.g. "i-bp1...".
	ID string `json:"id"`
	// Type is the instance type, e.g. "ecs.g7.large".
	Type   string     `json:"type"`
	Region regions.ID `json:"region"`
	Zone   string     `json:"zone"`
	VPC    string     `json:"vpc"`
	// DHCP says whether DHCP is enabled in the instance's OS.
	DHCP DHCP `json:"dhcp,omitempty"`
	// ENIs is how many ENIs the instance has now, the primary included; zero is read
	// as 1, the primary ENI every instance has.
	ENIs int `json:"enis,omitempty"`
	// Limits are the instance type's ENI limits, e.g. from DescribeInstanceTypes. The
	// zero Limits means "look Type up in [eni.LimitsFor]".
	Limits eni.Limits `json:"limits,omitzero"`
}

// DHCP says whether DHCP is enabled on an instance. The zero value means unknown.
type DHCP uint8

// DHCP states.
const (
	DHCPUnknown  DHCP = iota // not known
	DHCPEnabled              // enabled
	DHCPDisabled             // disabled
)

// String returns "unknown", "enabled" or "disabled".
func (h DHCP) String() string {
	switch h {
	case DHCPEnabled:
		return "enabled"
	case DHCPDisabled:
		return "disabled"
	}
	return "unknown"
}

// MarshalText implements [encoding.TextMarshaler].
func (h DHCP) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]: "enabled", "disabled", or
// "unknown" (also the empty text); anything else is an error wrapping [ErrUnknownCode].
func (h *DHCP) UnmarshalText(text []byte) error {
	switch {
	case len(text) == 0 || equalFold(string(text), "unknown"):
		*h = DHCPUnknown
	case equalFold(string(text), "enabled"):
		*h = DHCPEnabled
	case equalFold(string(text), "disabled"):
		*h = DHCPDisabled
	default:
		return &CodeError{Code: Code(text)}
	}
	return nil
}

// An AttachRequest asks whether an ENI, with the EIPs it carries, can be attached to an
// ECS instance.
type AttachRequest struct {
	// ENI is the ENI to attach.
	ENI eni.Interface `json:"eni"`
	// Bound lists the EIPs associated with the ENI.
	Bound []Binding `json:"bound,omitempty"`
	// Instance is the ECS instance to attach it to.
	Instance Instance `json:"instance"`
}

// CanAttach decides whether r.ENI can be attached to r.Instance: the ENI is a detached
// secondary ENI in the instance's region, zone and VPC; the instance type has room for
// another ENI and for the ENI's private IPs; and an ENI carrying multi-EIP-to-ENI EIPs
// goes only to an instance of a listed family with DHCP enabled. Like [CanAssociate] it
// is pure and lists every violation.
func CanAttach(r AttachRequest) Decision {
	var d Decision
	n, in := &r.ENI, &r.Instance
	checkAttachIdentity(&d, n, in)
	checkAttachPlacement(&d, n, in)
	checkAttachLimits(&d, n, in)
	checkAttachModes(&d, r.Bound, in)
	d.finish()
	return d
}

func checkAttachIdentity(d *Decision, n *eni.Interface, in *Instance) {
	if n.ID == "" {
		d.deny(CodeENIInvalid, "eni.id", "the ENI has no ID", "")
	}
	switch n.Kind {
	case eni.Secondary, eni.Trunk:
	case 0:
		d.deny(CodeENIInvalid, "eni.kind", "the ENI's kind is unknown", "")
	default:
		d.deny(CodeENIKindUnsupported, subject("eni", string(n.ID)), "a "+n.Kind.String()+" ENI cannot be attached; only secondary and trunk ENIs can", "InvalidOperation.InvalidEniType")
	}
	switch {
	case n.Status == eni.Available && n.Instance == "":
	case n.Instance != "":
		d.deny(CodeENIStatus, subject("eni", string(n.ID)), "the ENI is already attached to "+n.Instance, "InvalidOperation.InvalidEniState")
	default:
		d.deny(CodeENIStatus, subject("eni", string(n.ID)), "the ENI is "+statusText(n.Status)+"; it must be Available", "InvalidOperation.InvalidEniState")
	}
	if in.ID == "" {
		d.deny(CodeInstanceInvalid, "instance.id", "the instance has no ID", "")
	}
	if in.Type == "" {
		d.deny(CodeInstanceInvalid, "instance.type", "the instance has no instance type", "")
	}
}

func statusText(s eni.Status) string {
	if !s.IsValid() {
		return "in an unknown status"
	}
	return s.String()
}

func checkAttachPlacement(d *Decision, n *eni.Interface, in *Instance) {
	eniInfo, eniOK := lookupRegion(d, n.Region, "eni.region")
	inInfo, inOK := lookupRegion(d, in.Region, "instance.region")
	if eniOK && inOK && eniInfo.ID != inInfo.ID {
		d.deny(CodeRegionMismatch, "instance.region", "the ENI is in "+string(eniInfo.ID)+" and the instance in "+string(inInfo.ID), "InvalidOperation.InvalidRegion")
	}
	if eniOK {
		checkRegionOpen(d, &eniInfo, "eni.region")
	}
	for _, f := range []struct{ eni, inst, name string }{{n.Zone, in.Zone, "zone"}, {n.VPC, in.VPC, "vpc"}} {
		switch {
		case f.eni == "":
			d.deny(CodeENIInvalid, "eni."+f.name, "the ENI's "+f.name+" is not given", "")
		case f.inst == "":
			d.deny(CodeInstanceInvalid, "instance."+f.name, "the instance's "+f.name+" is not given", "")
		case f.eni != f.inst && f.name == "zone":
			d.deny(CodeZoneMismatch, "instance.zone", "the ENI is in zone "+f.eni+" and the instance in "+f.inst, "")
		case f.eni != f.inst:
			d.deny(CodeVPCMismatch, "instance.vpc", "the ENI is in VPC "+f.eni+" and the instance in "+f.inst, "")
		}
	}
}

func checkAttachLimits(d *Decision, n *eni.Interface, in *Instance) {
	limits := in.Limits
	if limits == (eni.Limits{}) {
		var ok bool
		if limits, ok = eni.LimitsFor(in.Type); !ok {
			if in.Type != "" {
				d.deny(CodeInstanceLimitsUnknown, "instance.type", "the ENI limits of "+in.Type+" are not in the built-in table (dated "+eni.LimitsDate+"); supply them from DescribeInstanceTypes", "")
			}
			return
		}
	}
	if limits.Retired {
		d.Advisories.add(bitInstanceTypeRetired)
	}
	have := max(in.ENIs, 1)
	if have >= limits.ENIs {
		v := d.deny(CodeInstanceENIQuota, subject("instance", in.ID), in.Type+" takes at most "+strconv.Itoa(limits.ENIs)+" ENIs (primary included) and has "+strconv.Itoa(have), "")
		v.Capacity = &Capacity{Limit: limits.ENIs, Used: have}
	}
	if !limits.KnowsPrivateIPs() {
		d.Advisories.add(bitInstanceLimitsUnknownIPs)
		return
	}
	if ips := n.PrivateIPCount(); ips > limits.PrivateIPsPerENI {
		v := d.deny(CodeInstancePrivateIPQuota, subject("eni", string(n.ID)), "the ENI has "+strconv.Itoa(ips)+" private IPs and "+in.Type+" takes at most "+strconv.Itoa(limits.PrivateIPsPerENI)+" per ENI", "")
		v.Capacity = &Capacity{Limit: limits.PrivateIPsPerENI, Used: ips}
	}
}

func checkAttachModes(d *Decision, bound []Binding, in *Instance) {
	d.Advisories.add(bitSecondaryENIGuestConfig)
	if len(bound) > 0 {
		d.Advisories.add(bitOutboundRoutes)
	}
	for i := range bound {
		switch bound[i].mode() {
		case modes.Binded:
			d.Advisories.add(bitCutThroughRoutePriority)
			d.Advisories.add(bitCutThroughPrivateNetwork)
			if bound[i].ChargeType == eip.PrePaid {
				d.Advisories.add(bitCutThroughSubscription)
			}
		case modes.MultiBinded:
			d.Advisories.add(bitMultiBindedStaticConfig)
		}
	}
	if !hasMode(bound, modes.MultiBinded) {
		return
	}
	if in.Type != "" && !modes.MultiBinded.AllowsInstanceType(in.Type) {
		d.deny(CodeInstanceFamilyUnsupported, "instance.type", "the ENI carries multi-EIP-to-ENI EIPs and "+in.Type+" is not of a family that supports them", "")
	}
	switch in.DHCP {
	case DHCPDisabled:
		d.deny(CodeInstanceDHCPDisabled, subject("instance", in.ID), "the ENI carries multi-EIP-to-ENI EIPs, which take effect only with DHCP enabled on the instance", "")
	case DHCPUnknown:
		d.Advisories.add(bitInstanceDHCPUnknown)
	}
}

func hasMode(bound []Binding, m modes.Mode) bool {
	for i := range bound {
		if bound[i].mode() == m {
			return true
		}
	}
	return false
}
