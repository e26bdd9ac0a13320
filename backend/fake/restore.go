package fake

import (
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/regions"
)

// maxReleased is how many released EIPs the account remembers for AllocateEipAddress
// InstanceId, the oldest forgotten first: the cloud keeps a released EIP retrievable
// for a while, and the fake bounds its memory instead of a clock.
const maxReleased = 1024

// A ReleasedEIP is an EIP the account released: AllocateEipAddress with its ID as
// InstanceId takes it back, with its ID and address, while no EIP holds the address.
type ReleasedEIP struct {
	ID     eip.ID     `json:"id"`
	Region regions.ID `json:"region"`
	IP     netip.Addr `json:"ip"`
}

// remember adds r to the released EIPs, forgetting the oldest beyond maxReleased.
func (s *state) remember(r ReleasedEIP) {
	s.released = slices.DeleteFunc(s.released, func(o ReleasedEIP) bool { return o.ID == r.ID })
	s.released = append(s.released, r)
	if n := len(s.released) - maxReleased; n > 0 {
		s.released = slices.Delete(s.released, 0, n)
	}
}

// restore takes back a released EIP (AllocateEipAddress InstanceId): it must be one the
// account released in the region, and its address free; an address or pool asked for
// beside it is InvalidParameter.
func (b *Backend) restore(op backend.Op, in backend.AllocateEIPInput) (eip.Address, error) {
	if in.IP.IsValid() || in.Settings.PublicIPPool != "" {
		return eip.Address{}, fail(op, "InvalidParameter", "InstanceId takes back a released EIP with its own "+
			"address: give no IpAddress or PublicIpAddressPoolId beside it.")
	}
	i := slices.IndexFunc(b.s.released, func(r ReleasedEIP) bool { return r.ID == in.Restore && r.Region == in.Region })
	if i < 0 {
		return eip.Address{}, fail(op, "InvalidInstanceId.NotFound", "The account released no EIP "+
			string(in.Restore)+" in "+string(in.Region)+" that it can take back.")
	}
	r := b.s.released[i]
	if b.s.publicIPs[r.IP] || b.s.idTaken(string(r.ID)) {
		return eip.Address{}, fail(op, "InvalidIpAddress.AlreadyExist", "The address "+r.IP.String()+" of "+
			string(r.ID)+" is taken.")
	}
	addr, err := b.allocate(op, in, r.ID, r.IP)
	if err != nil {
		return eip.Address{}, err
	}
	b.s.released = slices.Delete(b.s.released, i, i+1)
	return addr, nil
}
