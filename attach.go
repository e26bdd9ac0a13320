package eipassoc

import (
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// An AttachRequest asks whether an ENI, with the EIPs it carries, can be attached to an
// ECS instance.
type AttachRequest struct {
	// ENI is the ENI to attach.
	ENI eni.Interface `json:"eni"`
	// Bound lists the EIPs associated with the ENI.
	Bound []Binding `json:"bound,omitempty"`
	// Instance is the ECS instance to attach it to. Its ENIs are the ones it has now;
	// its zero Limits mean "look its type up in the built-in table".
	Instance ecs.Instance `json:"instance"`
	// Unknown marks the facts the caller does not know, as in [Request].
	Unknown Facts `json:"unknown,omitzero"`
	// PrivateIPCount is how many private addresses the ENI has when their values are
	// unknown, as in [Request].
	PrivateIPCount int `json:"private_ip_count,omitempty"`
}

// CanAttach decides whether r.ENI can be attached to r.Instance: the ENI is a detached
// secondary ENI in the instance's region, zone and VPC; the instance type has room for
// another ENI and for the ENI's private IPs; and an ENI carrying EIPs of a mode that
// restricts instance families or needs DHCP (multi-EIP-to-ENI) goes only to an instance
// of a listed family with DHCP enabled. Like [CanAssociate] it is pure, lists every
// violation, and reports rules that need unknown facts as undecided.
func CanAttach(r AttachRequest) Decision {
	var d Decision
	r.Unknown = normalize(r.Unknown, r.PrivateIPCount)
	checkAttachIdentity(&d, &r)
	checkAttachPlacement(&d, &r)
	checkAttachLimits(&d, &r)
	checkBindingModes(&d, r.Bound)
	checkAttachModes(&d, &r, modes.Mode.Properties)
	d.finish(func() names { return names{eni: string(r.ENI.ID), instance: r.Instance.ID} })
	return d
}
