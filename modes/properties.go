package modes

import (
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/internal/family"
)

// Properties are the facts about one mode, as the product documentation's comparison
// table and its per-mode sections state them (source: "Associate an EIP with a secondary
// ENI", last updated 2024-01-19). The zero Properties belongs to no mode and allows
// nothing.
type Properties struct {
	// Mode is the mode described.
	Mode Mode
	// Name is the documentation's name, e.g. "cut-through mode".
	Name string

	// VisibleInOS reports whether the EIP shows on the ENI inside the guest OS.
	VisibleInOS bool
	// Visibility says how the EIP can be seen, for people.
	Visibility string

	// PrimaryENI is how many EIPs a primary ENI can carry; zero means the mode cannot
	// target a primary ENI.
	PrimaryENI Capacity
	// SecondaryENI is how many EIPs a secondary ENI can carry.
	SecondaryENI Capacity
	// PrimaryPrivateIPOnly reports whether the EIP can only map to the ENI's primary
	// private IP address (cut-through).
	PrimaryPrivateIPOnly bool
	// NoSecondaryPrivateIPs reports whether the ENI must have no secondary private IP
	// addresses (cut-through; API error Eni.HasSubIp).
	NoSecondaryPrivateIPs bool

	// KeepsPrivateNetwork reports whether the ENI's private network stays usable after
	// the association.
	KeepsPrivateNetwork bool
	// AllIPProtocols reports whether every IP protocol works through the EIP. When
	// false, the protocols managed by NAT application layer gateways do not; see
	// [Mode.UnsupportedProtocols].
	AllIPProtocols bool

	// Recommended is false for cut-through mode, which the documentation marks
	// "not recommended".
	Recommended bool
	// AcceptsNewApplications is false for multi-EIP-to-ENI mode ("application no longer
	// accepted"): only accounts that were allowlisted before can use it.
	AcceptsNewApplications bool

	// DetachedENIRequired reports whether the documentation's prerequisites say the
	// secondary ENI must not be attached to an ECS instance when the EIP is associated.
	// It is true for every mode; the API enforces it for cut-through (Eni.Attached) and
	// accepts NAT associations on attached ENIs in practice.
	DetachedENIRequired bool
	// InstanceFamilyRestricted reports whether the ECS instance the ENI is later attached
	// to must belong to one of [Mode.InstanceFamilies].
	InstanceFamilyRestricted bool
	// DHCPRequired reports whether the ECS instance must have DHCP enabled for the mode
	// to take effect.
	DHCPRequired bool
	// StaticGatewayConfig reports whether the EIPs must be configured statically in the
	// guest OS with the gateway and mask from DescribeEipGatewayInfo.
	StaticGatewayConfig bool
}

// Lines describes the properties for people, one line each, in a fixed order: what
// "eipassoc explain" prints. Every field a rule reads has a line, so a change to a
// property shows in the rules and in the description together.
func (p Properties) Lines() []string {
	yes := func(b bool, y, n string) string {
		if b {
			return y
		}
		return n
	}
	out := []string{
		"capacity: primary ENI " + p.PrimaryENI.String() + ", secondary ENI " + p.SecondaryENI.String(),
		"EIP in the OS: " + yes(p.VisibleInOS, "visible", "not visible") + " (" + p.Visibility + ")",
		"private network: " + yes(p.KeepsPrivateNetwork, "kept", "lost"),
		"protocols: " + yes(
			p.AllIPProtocols,
			"all IP protocols",
			"not those managed by NAT application layer gateways, such as "+strings.Join(algProtocols, ", "),
		),
		"private IP: " + yes(p.PrimaryPrivateIPOnly, "the ENI's primary private IP only", "any private IP of the ENI"),
		"secondary private IPs on the ENI: " + yes(p.NoSecondaryPrivateIPs, "none allowed", "allowed"),
		"secondary ENI when associating: " + yes(
			p.DetachedENIRequired,
			"must be detached (documentation)",
			"may be attached",
		),
		"status: " + yes(
			p.Recommended,
			"recommended",
			"not recommended",
		) + ", " + yes(
			p.AcceptsNewApplications,
			"open to every account",
			"closed to new applications (allowlisted accounts only)",
		),
		"instance families: " + yes(
			p.InstanceFamilyRestricted,
			"only "+strings.Join(p.Mode.InstanceFamilies(), ", "),
			"any",
		),
		"DHCP on the instance: " + yes(p.DHCPRequired, "required", "not required"),
		"OS configuration: " + yes(
			p.StaticGatewayConfig,
			"static, with the gateway and mask from DescribeEipGatewayInfo",
			"none beyond routes",
		),
	}
	return out
}

// A Capacity is how many EIPs one ENI can carry in a mode: a fixed number, or one for
// each private IP address of the ENI. The zero Capacity allows no EIPs.
type Capacity struct {
	// Max is the fixed limit; it is ignored when PerPrivateIP is true.
	Max int
	// PerPrivateIP means one EIP for each private IP address (primary included).
	PerPrivateIP bool
}

// Limit returns how many EIPs an ENI with privateIPs private IP addresses (primary
// included) can carry. It never returns a negative number.
func (c Capacity) Limit(privateIPs int) int {
	n := c.Max
	if c.PerPrivateIP {
		n = privateIPs
	}
	return max(n, 0)
}

// Allows reports whether the capacity admits any EIP at all on some ENI.
func (c Capacity) Allows() bool { return c.PerPrivateIP || c.Max > 0 }

// String describes the capacity for people, e.g. "10" or "one per private IP".
func (c Capacity) String() string {
	switch {
	case c.PerPrivateIP:
		return "one per private IP"
	case c.Max <= 0:
		return "none"
	}
	return strconv.Itoa(c.Max)
}

var properties = [...]Properties{
	NAT: {
		Mode:                   NAT,
		Name:                   "NAT mode",
		Visibility:             "not shown in the OS; query it with DescribeEipAddresses",
		PrimaryENI:             Capacity{Max: 1},
		SecondaryENI:           Capacity{PerPrivateIP: true},
		KeepsPrivateNetwork:    true,
		Recommended:            true,
		AcceptsNewApplications: true,
		DetachedENIRequired:    true,
	},
	Binded: {
		Mode:                   Binded,
		Name:                   "cut-through mode",
		VisibleInOS:            true,
		Visibility:             "replaces the ENI's private IP; ifconfig or ipconfig shows it",
		SecondaryENI:           Capacity{Max: 1},
		PrimaryPrivateIPOnly:   true,
		NoSecondaryPrivateIPs:  true,
		AllIPProtocols:         true,
		AcceptsNewApplications: true,
		DetachedENIRequired:    true,
	},
	MultiBinded: {
		Mode:                     MultiBinded,
		Name:                     "multi-EIP-to-ENI mode",
		VisibleInOS:              true,
		Visibility:               "shown by ifconfig or ipconfig after static IP configuration in the OS",
		SecondaryENI:             Capacity{Max: 10},
		KeepsPrivateNetwork:      true,
		AllIPProtocols:           true,
		Recommended:              true,
		DetachedENIRequired:      true,
		InstanceFamilyRestricted: true,
		DHCPRequired:             true,
		StaticGatewayConfig:      true,
	},
}

// Properties returns the documented facts about m. An invalid mode gives the zero
// Properties, which allows nothing.
func (m Mode) Properties() Properties {
	if !m.IsValid() {
		return Properties{}
	}
	return properties[m]
}

// algProtocols are the protocols managed by NAT application layer gateways that the
// product documentation names as unsupported in NAT mode ("such as H.323, SIP, DNS and
// RTSP"). TFTP is added from the API facts' mode table (§6), which lists it too.
var algProtocols = []string{"H.323", "SIP", "DNS", "RTSP", "TFTP"}

// UnsupportedProtocols returns the application protocols that do not work through an
// EIP in mode m: the NAT-ALG-managed protocols for NAT mode, none for the others. The
// documentation's list is introduced with "such as", so it is not exhaustive.
func (m Mode) UnsupportedProtocols() []string {
	if m != NAT {
		return nil
	}
	return slices.Clone(algProtocols)
}

// A Support says what the sources say about an application protocol through an EIP in
// a mode. The zero Support is invalid.
type Support uint8

// Supports.
const (
	_ Support = iota
	// Supported: the mode carries every IP protocol.
	Supported
	// Unsupported: the documentation names the protocol as one that does not work.
	Unsupported
	// Undocumented: the documentation's list of protocols that do not work is given
	// as examples ("such as"), and this protocol is not on it: nothing says either way.
	Undocumented
)

// String returns "supported", "unsupported", "undocumented" or "Support(n)".
func (s Support) String() string {
	switch s {
	case Supported:
		return "supported"
	case Unsupported:
		return "unsupported"
	case Undocumented:
		return "undocumented"
	}
	return "Support(" + strconv.Itoa(int(s)) + ")"
}

// SupportsProtocol says whether the application protocol named p (case-insensitive,
// e.g. "SIP" or "ftp") works through an EIP in mode m. Cut-through and
// multi-EIP-to-ENI carry every IP protocol. NAT mode does not carry the protocols
// managed by NAT application layer gateways; the documentation names some of them
// ("such as H.323, SIP, DNS and RTSP"), so a protocol it does not name is Undocumented,
// never Supported. An invalid mode gives Unsupported.
func (m Mode) SupportsProtocol(p string) Support {
	switch {
	case !m.IsValid():
		return Unsupported
	case m.Properties().AllIPProtocols:
		return Supported
	}
	for _, a := range algProtocols {
		if strings.EqualFold(a, strings.TrimSpace(p)) {
			return Unsupported
		}
	}
	return Undocumented
}

// multiBindedFamilies are the ECS instance families that an ENI carrying
// multi-EIP-to-ENI EIPs may be attached to, in the product documentation's order.
var multiBindedFamilies = []string{
	"ecs.d1ne", "ecs.ebmc4", "ecs.ebmg5", "ecs.ebmhfg5", "ecs.f1", "ecs.gn5i", "ecs.gn6v",
	"ecs.i2", "ecs.r1", "ecs.re4", "ecs.re4e", "ecs.sccg5", "ecs.sccgn6", "ecs.scch5",
	"ecs.g5", "ecs.c5", "ecs.r5", "ecs.t5", "ecs.sn2ne", "ecs.se1ne", "ecs.sn1ne",
}

// InstanceFamilies returns the ECS instance families that an ENI carrying EIPs in mode m
// may be attached to, or nil when m puts no limit on the family (NAT, cut-through).
func (m Mode) InstanceFamilies() []string {
	if m != MultiBinded {
		return nil
	}
	return slices.Clone(multiBindedFamilies)
}

// AllowsInstanceType reports whether an ENI carrying EIPs in mode m may be attached to
// an ECS instance of the given type, e.g. "ecs.g5.large". A type matches a listed family
// when its family part equals it or extends it with a dash ("ecs.gn5i-c8g1.2xlarge" is in
// family "ecs.gn5i"). Matching ignores case. An invalid mode allows nothing.
func (m Mode) AllowsInstanceType(instanceType string) bool {
	if !m.IsValid() {
		return false
	}
	if m != MultiBinded {
		return true
	}
	return family.In(instanceType, multiBindedFamilies)
}
