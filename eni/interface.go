package eni

import (
	"net/netip"

	"github.com/eipassoc/eipassoc/regions"
)

// An ID is an ENI ID such as "eni-bp67acfmxazb4p****".
type ID string

// String returns the ID as a string.
func (id ID) String() string { return string(id) }

// An Interface is an ENI as DescribeNetworkInterfaces describes it, reduced to what the
// association rules need. The zero Interface describes no ENI. An Interface is a plain
// value: copy it freely, but treat its slices as shared when you do.
type Interface struct {
	ID      ID         `json:"id"`
	Kind    Kind       `json:"kind"`
	Status  Status     `json:"status"`
	Region  regions.ID `json:"region"`
	Zone    string     `json:"zone,omitempty"`
	VPC     string     `json:"vpc,omitempty"`
	VSwitch string     `json:"vswitch,omitempty"`

	// PrimaryIP is the ENI's primary private IPv4 address.
	PrimaryIP netip.Addr `json:"primary_ip"`
	// SecondaryIPs are the ENI's secondary private IPv4 addresses.
	SecondaryIPs []netip.Addr `json:"secondary_ips,omitempty"`
	// IPv4Prefixes are the IPv4 prefixes assigned to the ENI (Ipv4PrefixSets): blocks of
	// its vSwitch that the ENI holds whole, beside its addresses.
	IPv4Prefixes []netip.Prefix `json:"ipv4_prefixes,omitempty"`
	// IPv6 are the ENI's IPv6 addresses (Ipv6Sets), from its vSwitch's IPv6 block.
	IPv6 []netip.Addr `json:"ipv6,omitempty"`

	// Instance is the ID of the ECS instance the ENI is attached to, or empty.
	Instance string `json:"instance,omitempty"`
	// Trunk is the trunk ENI a member ENI is attached through, or empty.
	Trunk ID `json:"trunk,omitempty"`

	// Name, Description and SecurityGroups are the ENI's own attributes
	// (NetworkInterfaceName, Description, SecurityGroupIds). No rule reads them; they
	// are kept so that what an API call set is what a describe call shows.
	Name           string   `json:"name,omitempty"`
	Description    string   `json:"description,omitempty"`
	SecurityGroups []string `json:"security_groups,omitempty"`
}

// PrivateIPCount returns the number of private IPv4 addresses, the primary included.
func (i Interface) PrivateIPCount() int {
	n := len(i.SecondaryIPs)
	if i.PrimaryIP.IsValid() {
		n++
	}
	return n
}

// PrivateIPs returns the primary address followed by the secondary ones, in a new slice.
func (i Interface) PrivateIPs() []netip.Addr {
	out := make([]netip.Addr, 0, i.PrivateIPCount())
	if i.PrimaryIP.IsValid() {
		out = append(out, i.PrimaryIP)
	}
	return append(out, i.SecondaryIPs...)
}

// HasPrivateIP reports whether a is the primary or a secondary address of the ENI. The
// invalid (zero) address is never on an ENI.
func (i Interface) HasPrivateIP(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	if a == i.PrimaryIP {
		return true
	}
	for _, s := range i.SecondaryIPs {
		if s == a {
			return true
		}
	}
	return false
}

// Attached reports whether the ENI is attached, or being attached, to an ECS instance:
// it names an instance or its status is InUse, Attaching or Detaching. A primary ENI is
// always attached to the instance it was created with.
func (i Interface) Attached() bool {
	switch {
	case i.Instance != "", i.Kind == Primary:
		return true
	}
	return i.Status == InUse || i.Status == Attaching || i.Status == Detaching
}
