package fake

import (
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
)

// Trunk ENIs, as the ECS API reference describes AttachNetworkInterface's
// TrunkNetworkInstanceId: a secondary ENI attached through a trunk ENI of an instance
// becomes a member ENI (type Member) of that trunk. The instance type must take a
// trunk (EniTrunkSupported), and it takes EniTotalQuantity - EniQuantity members (the
// reading of the two quantities that terway, Alibaba's own network plugin, makes).
// Members are attached and detached at once; they are not among the instance's ENIs,
// which EniQuantity counts.

// attachMember attaches r to the trunk ENI in.Trunk of instance in.Instance.
func (b *Backend) attachMember(op backend.Op, r *eniRec, in backend.AttachENIInput) error {
	inst := b.s.instances[in.Instance]
	if inst == nil || inst.Region != in.Region {
		return fail(op, "InvalidInstanceId.NotFound", "")
	}
	trunk := b.s.enis[in.Trunk]
	t, typed := b.catalog.instanceType(inst.Type)
	switch {
	case trunk == nil || trunk.iface.Region != in.Region:
		return fail(op, "InvalidEniId.NotFound", "The trunk ENI "+string(in.Trunk)+" does not exist.")
	case trunk.iface.Kind != eni.Trunk:
		return fail(op, "InvalidOperation.InvalidEniType", string(in.Trunk)+" is not a trunk ENI.")
	case trunk.iface.Status != eni.InUse || trunk.iface.Instance != inst.ID:
		return fail(op, "InvalidOperation.InvalidEniState", "The trunk ENI "+string(in.Trunk)+
			" is not attached to "+inst.ID+".")
	case r.iface.Kind != eni.Secondary:
		return fail(op, "InvalidOperation.InvalidEniType", "Only a secondary ENI becomes a member ENI.")
	case r.iface.Status != eni.Available:
		return fail(op, "InvalidOperation.InvalidEniState", "")
	case r.iface.VPC != inst.VPC:
		return fail(op, "InvalidOperation.VpcMismatch", "")
	case !typed || !t.Trunk:
		return fail(op, "InvalidOperation.TrunkNotSupported", "The instance type "+inst.Type+
			" takes no trunk ENI (EniTrunkSupported is false or not known).")
	}
	if members := len(b.membersOf(trunk.iface.ID)); members >= t.ENITotal-t.ENIs {
		return fail(op, "EniPerInstanceLimitExceeded", "The instance type "+inst.Type+" takes "+
			strconv.Itoa(max(t.ENITotal-t.ENIs, 0))+" member ENIs (EniTotalQuantity - EniQuantity).")
	}
	r.iface.Kind, r.iface.Status, r.iface.Instance, r.iface.Trunk = eni.Member, eni.InUse, inst.ID, trunk.iface.ID
	return nil
}

// detachMember detaches the member ENI r from its trunk; trunk, when given, must be it.
func (b *Backend) detachMember(op backend.Op, r *eniRec, trunk eni.ID) error {
	if trunk != "" && trunk != r.iface.Trunk {
		return fail(op, "InvalidOperation.InvalidEniState", "ENI "+string(r.iface.ID)+" is a member of "+
			string(r.iface.Trunk)+", not of "+string(trunk)+".")
	}
	r.iface.Kind, r.iface.Status, r.iface.Instance, r.iface.Trunk = eni.Secondary, eni.Available, "", ""
	return nil
}

// membersOf returns the IDs of the member ENIs of a trunk ENI, sorted.
func (b *Backend) membersOf(trunk eni.ID) []eni.ID {
	var out []eni.ID
	for id, r := range b.s.enis {
		if r.iface.Kind == eni.Member && r.iface.Trunk == trunk {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
