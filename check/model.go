package check

// Stage model: the types of the Model that resolve fills in (model_build.go,
// model_resources.go) and the requests stage reads. See the package documentation.

import (
	"cmp"
	"maps"
	"net/netip"
	"slices"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/eipassoc/eipassoc/eip"

	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// A Model is what a plan or an inventory says about the resources the rules look at.
type Model struct {
	// onDemand, set by LoadPlan with PlanOptions.SourcesOnDemand, builds the model
	// again with the sources; Run calls it when the plan alone leaves a rule undecided.
	onDemand func() *Model
	// hidden is set when the plan alone hides what only the sources show (a planned
	// instance's network_interfaces known only after apply): Run then builds the model
	// with the sources even when nothing is left undecided.
	hidden bool
	// Source names the input, e.g. "plan.json".
	Source string
	// ENIs are keyed by resource address, or by ENI ID for ENIs the input only names.
	ENIs map[Key]*ENI
	// EIPs are keyed the same way.
	EIPs map[Key]*EIP
	// Instances are keyed by resource address or instance ID.
	Instances map[Key]*Instance
	// Attachments attach ENIs to instances.
	Attachments []*Attachment
	// Associations are every EIP association in the input, planned or existing.
	Associations []*Association
	// VSwitches are keyed by resource address or vSwitch ID.
	VSwitches map[Key]*VSwitch
	// ModuleDirs maps module addresses ("module.edge") to their source directories
	// relative to the root module, for modules with a local source.
	ModuleDirs map[string]string
	// Expanded maps the configuration address of a counted or for_each resource to
	// the addresses of its instances.
	Expanded map[string][]string

	// rank orders the plan's resource instance addresses (see compareAddresses),
	// worked out once so that sorting does not parse addresses again.
	rank map[string]int
	// order is the order Terraform creates the plan's resources in; nil for an input
	// without a configuration, where no order is known.
	order *tfplan.Order
	// dataLimits are the ENI limits of the instance types that the plan's
	// alicloud_instance_types data sources list (dataLimits), by type.
	dataLimits map[string]eni.Limits
}

// compare orders two resource addresses as compareAddresses does, by their rank when
// the model has one for both.
func (m *Model) compare(a, b string) int {
	ra, oka := m.rank[a]
	rb, okb := m.rank[b]
	if oka && okb {
		return cmp.Compare(ra, rb)
	}
	return compareAddresses(a, b)
}

// A Location points at the source of a resource.
type Location struct {
	File      string `json:"file,omitempty"`
	StartLine int    `json:"start_line,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
}

// An ENI is an elastic network interface the input manages or names.
type ENI struct {
	Key     Key    // resource address or ID
	Address string // resource address, or "" for an ENI named only by ID
	ID      string // cloud ID, when known
	Kind    eni.Kind
	Region  regions.ID
	VSwitch Key
	// IPCount is the number of private addresses (primary included); IPCountKnown
	// says whether the input fixes it.
	IPCount      int
	IPCountKnown bool
	// IPs are the known private addresses.
	IPs []netip.Addr
	// Instance is the key of the instance the ENI is or will be attached to, if any;
	// AttachedInPlan says the attachment is created by this plan.
	Instance       Key
	AttachedInPlan bool
	// DetachedBy is the address of the attachment the plan destroys, when the ENI is
	// attached until the plan detaches it.
	DetachedBy string
	// Leaving are the addresses of the associations the plan destroys on the ENI: their
	// EIPs are bound until then, and nothing orders that before what the plan makes.
	Leaving []string
	// IPCountBefore is the number of private addresses before the plan, when the plan
	// changes it; zero otherwise.
	IPCountBefore int
	// Known is false for an ENI that the input only names: its facts are unknown.
	Known bool
}

// A Key names a resource of the model: the address of a resource instance the input
// manages, the cloud ID of one it only names, or the key of an ENI an instance brings
// (primaryENI, blockENI). Model maps and the references between resources hold Keys,
// addresses in findings stay strings, so that the two cannot be mixed unnoticed.
type Key string

// primaryENI returns the key of an instance's primary ENI.
func primaryENI(instance Key) Key { return instance + ".primary" }

// blockENI returns the key of the secondary ENI an instance gets from its
// network_interfaces block number i.
func blockENI(instance Key, i string) Key { return instance + ".network_interfaces[" + Key(i) + "]" }

// A VSwitch is a subnet: its zone and VPC (a VPC ID or the key of a planned VPC).
type VSwitch struct {
	Key       Key
	Zone, VPC string
}

// An EIP is an elastic IP address.
type EIP struct {
	Key         Key
	Address, ID string
	Region      regions.ID
	// PrePaid is true for a subscription EIP.
	PrePaid bool
	Known   bool
	// Live is the EIP as the account reports it, when -live read it.
	Live *eip.Address
}

// An Instance is an ECS instance.
type Instance struct {
	Key         Key
	Address, ID string
	Type        string
	Region      regions.ID
	// VSwitch is the key of the instance's vSwitch, when the input gives it.
	VSwitch Key
	// TypeBefore is the instance type before the plan, when the plan changes it.
	TypeBefore string
}

// An Attachment attaches an ENI to an instance. An attachment whose ENI or instance
// cannot be resolved is kept, with the reason: every rule it feeds is undecided.
type Attachment struct {
	Address  string
	config   string // its configuration address, once worked out (Model.configOf)
	ENI      Key    // or "" when ENIUnknown says why not
	Instance Key    // or "" when InstanceUnknown says why not
	Planned  bool
	// ENIUnknown and InstanceUnknown say why the ENI or the instance is not resolved.
	ENIUnknown, InstanceUnknown Why
	// Block is true for an ENI that an instance's network_interfaces block attaches when
	// the instance is made (Address is the block's, under the instance's address).
	Block bool
	// AttachedUntilReplaced is, for an attachment that create_before_destroy replaces,
	// the key of the instance the old attachment holds the ENI on while the new one is
	// made.
	AttachedUntilReplaced Key
}

// A Why says why a value the input holds is not known, in words for the finding that
// reports the rules it leaves undecided; the zero Why means the value is known. Every
// fact of the model that can be unknown says so with one.
type Why string

// Known reports whether the value is known.
func (w Why) Known() bool { return w == "" }

// An Association is one alicloud_eip_association (or inventory entry).
type Association struct {
	Address      string
	config       string // its configuration address, once worked out (Model.configOf)
	Module       string
	ResourceType string
	// Planned is true when the input creates or updates the association; only planned
	// associations are checked, existing ones count toward capacity.
	Planned bool
	// EIP and Target are model keys; Target is an ENI key, an instance key, or an
	// unresolved ID. TargetUnknown explains why the target could not be resolved.
	EIP, Target   Key
	TargetUnknown Why
	// EIPOneOf, when EIP is unresolved, is the configuration address of the counted
	// resource whose instances the EIP is exactly one of (a reference whose index the
	// plan lost); Model.Instances of that address lists them.
	EIPOneOf string
	// InstanceType is the attribute as written ("" when unset, meaning EcsInstance).
	InstanceType        string
	InstanceTypeUnknown Why
	Mode                modes.Mode
	ModeSet             bool
	ModeUnknown         Why
	// ModeBefore is the mode before the plan, when the plan changes it in place.
	ModeBefore       string
	PrivateIP        netip.Addr
	PrivateIPUnknown Why
	Region           regions.ID
	RegionUnknown    Why
	Location         Location
}

// Checked lists the addresses of the resources that Run checks: the planned
// associations and attachments, and the instances and ENIs whose planned change (a new
// type, other private addresses) existing associations rest on.
func (m *Model) Checked() []string {
	var out []string
	for _, a := range m.Associations {
		if a.Planned {
			out = append(out, a.Address)
		}
	}
	for _, at := range m.Attachments {
		if at.Planned {
			out = append(out, at.Address)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(m.Instances)) {
		if in := m.Instances[key]; in.TypeBefore != "" && Key(in.Address) == key {
			out = append(out, in.Address)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(m.ENIs)) {
		if n := m.ENIs[key]; n.Kind == eni.Secondary && n.AttachedInPlan && Key(n.Address) == n.Instance &&
			n.Key != Key(n.Address) {
			out = append(out, string(n.Key)) // a network_interfaces block of a planned instance
		}
	}
	for _, key := range slices.Sorted(maps.Keys(m.ENIs)) {
		if n := m.ENIs[key]; n.IPCountBefore != 0 && Key(n.Address) == key {
			out = append(out, n.Address)
		}
	}
	return out
}
