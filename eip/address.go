package eip

import (
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// An ID is an EIP allocation ID such as "eip-2zeerraiwb7ujsxdc****".
type ID string

// String returns the ID as a string.
func (id ID) String() string { return string(id) }

// An Address is an EIP as DescribeEipAddresses reports it. The zero Address describes
// no EIP. An Address is a plain value; LockReasons is shared between copies.
type Address struct {
	ID                 ID                 `json:"id"`
	IP                 netip.Addr         `json:"ip"`
	Region             regions.ID         `json:"region"`
	Status             Status             `json:"status"`
	ChargeType         ChargeType         `json:"charge_type,omitempty"`
	InternetChargeType InternetChargeType `json:"internet_charge_type,omitempty"`
	BusinessStatus     BusinessStatus     `json:"business_status,omitempty"`
	LockReasons        []LockReason       `json:"lock_reasons,omitempty"`
	// Bandwidth is the peak bandwidth in Mbit/s (0: not reported); Name and
	// Description are the EIP's own labels. No rule reads them.
	Bandwidth   int    `json:"bandwidth,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Settings are what the EIP was allocated with beyond that. No rule reads them.
	Settings Settings `json:"settings,omitzero"`

	// Association is where the EIP is associated now; the zero Association means
	// nowhere.
	Association Association `json:"association,omitzero"`
}

// Settings are what an EIP keeps beside what the rules read, as AllocateEipAddress
// takes them and DescribeEipAddresses reports them: the line (ISP, e.g. BGP or
// BGP_PRO), the network mode (public), the resource group, the security protection
// editions (e.g. AntiDDoS_Enhanced) and the zone it was allocated in; and the
// subscription term of a subscription EIP (Period in PricingCycle units, AutoPay),
// which the API takes but does not report.
type Settings struct {
	ISP                     string   `json:"isp,omitempty"`
	Netmode                 string   `json:"netmode,omitempty"`
	ResourceGroupID         string   `json:"resource_group_id,omitempty"`
	SecurityProtectionTypes []string `json:"security_protection_types,omitempty"`
	Zone                    string   `json:"zone,omitempty"`
	Period                  int      `json:"period,omitempty"`
	PricingCycle            string   `json:"pricing_cycle,omitempty"`
	AutoPay                 bool     `json:"auto_pay,omitempty"`
	// DeletionProtection keeps the EIP from ReleaseEipAddress while it is on.
	DeletionProtection bool `json:"deletion_protection,omitempty"`
	// PublicIPPool is the IP address pool the address comes from
	// (PublicIpAddressPoolId), or none.
	PublicIPPool string `json:"public_ip_address_pool_id,omitempty"`
}

// Clone returns a copy of s that shares no slice with it.
func (s Settings) Clone() Settings {
	s.SecurityProtectionTypes = slices.Clone(s.SecurityProtectionTypes)
	return s
}

// Locked reports whether the EIP carries an operation lock or a financial lock; a
// locked EIP cannot be associated, disassociated or released.
func (a Address) Locked() bool {
	return len(a.LockReasons) > 0 || a.BusinessStatus == FinancialLocked
}

// HasLock reports whether the EIP carries lock reason r.
func (a Address) HasLock(r LockReason) bool {
	for _, l := range a.LockReasons {
		if l == r {
			return true
		}
	}
	return r == Financial && a.BusinessStatus == FinancialLocked
}

// An Association is an EIP's current target. The zero Association means none.
type Association struct {
	// InstanceType is the kind of target.
	InstanceType InstanceType `json:"instance_type"`
	// InstanceID is the target's ID, e.g. an ECS instance or ENI ID.
	InstanceID string `json:"instance_id"`
	// Mode is the association mode; set only for NetworkInterface targets.
	Mode modes.Mode `json:"mode,omitempty"`
	// PrivateIP is the private address the EIP maps to on an ENI; the zero address
	// means the ENI's primary private IP (DescribeEipAddresses reports it empty then).
	PrivateIP netip.Addr `json:"private_ip,omitzero"`
	// VPC is the VPC of an IpAddress target, whose InstanceID is an address in it.
	VPC string `json:"vpc,omitempty"`
}

// IsZero reports whether a is the zero Association: the EIP is associated with nothing.
func (a Association) IsZero() bool { return a == Association{} }
