package check

// Stage decode: plan JSON (LoadPlan) or a typed plan (FromPlan) in, a valid
// tfplan.Plan and the model built from it out. See the package documentation.

import (
	"errors"
	"io"
	"os"
	"slices"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/eipassoc/eipassoc/regions"
)

// PlanOptions tune how a plan is read.
type PlanOptions struct {
	// Region overrides the provider's region for every resource.
	Region regions.ID
	// Getenv reads ALICLOUD_REGION and ALIBABA_CLOUD_REGION, the provider's fallback;
	// nil means os.Getenv.
	Getenv func(string) string
	// SourceDir is the root module's directory. Where the plan keeps only the static
	// part of a reference (x[count.index], local.m, each.value), its expression is
	// evaluated from the .tf files there (and of the modules below, local ones relative
	// to their caller, registry ones through .terraform/modules/modules.json). Empty
	// means no sources: such references stay unknown.
	SourceDir string
	// SourcesOnDemand, with SourceDir, evaluates the sources only when Run finds a rule
	// the plan alone leaves undecided: the model is built from the plan first, and
	// rebuilt with the sources then (Run replaces the model's contents). The sources only
	// add knowledge, so the findings are those of evaluating them at once; a plan that
	// decides everything by itself is checked without evaluating its sources. Leave it
	// off when the model is read or changed between LoadPlan and Run.
	SourcesOnDemand bool
	// Configuration says that the plan was written from a configuration alone (the
	// tflint ruleset), not by Terraform: no sources stand behind it, so a reason that
	// the sources would decide says to check Terraform's plan, not to pass -tf-dir.
	Configuration bool
}

// Resource types of the alicloud provider that the checker reads; the deprecated
// aliases share the schemas of the resources they alias.
const (
	// TypeAssociation is an EIP association.
	TypeAssociation = "alicloud_eip_association"
	// TypeEIP is an EIP; TypeEIPAlias is its deprecated name.
	TypeEIP      = "alicloud_eip_address"
	TypeEIPAlias = "alicloud_eip"
	// TypeENI is an ENI; TypeENIAlias is its deprecated name.
	TypeENI      = "alicloud_ecs_network_interface"
	TypeENIAlias = "alicloud_network_interface"
	// TypeAttach attaches an ENI to an instance; TypeAttachAlias is its deprecated name.
	TypeAttach      = "alicloud_ecs_network_interface_attachment"
	TypeAttachAlias = "alicloud_network_interface_attachment"
	// TypeInstance is an ECS instance.
	TypeInstance = "alicloud_instance"
	// TypeVSwitch is a vSwitch, whose zone and VPC an ENI's placement comes from.
	TypeVSwitch = "alicloud_vswitch"
	// TypeVPC is a VPC.
	TypeVPC = "alicloud_vpc"
)

// An Attribute is one attribute the checker reads of a resource type.
type Attribute struct {
	// Name is the attribute's name (a nested block's type for blocks).
	Name string
	// Computed is true when the provider fills the attribute in if the configuration
	// leaves it out, so that a plan shows it unknown until apply: an ENI's addresses
	// and their counts, an association's instance_type, mode and private_ip_address.
	// The checker reads such an unknown value, when the configuration does not set it,
	// as the provider's default.
	Computed bool
}

// ReadAttributes lists, for each resource type, the attributes the checker reads from
// a plan's values. A producer of plans, such as the tflint ruleset, needs to fill in
// these and no others, and to mark unknown the computed ones it leaves out.
func ReadAttributes() map[string][]Attribute {
	out := make(map[string][]Attribute, len(readAttributes))
	for typ, attrs := range readAttributes {
		out[typ] = slices.Clone(attrs)
	}
	return out
}

// readAttributes are the attributes read of each resource type (a deprecated name
// reads as the current one); interestingAttrs are their names, as tfplan.Decode takes
// them. Both are built before any package-level variable that reads them.
var (
	readAttributes = func() map[string][]Attribute {
		m := map[string][]Attribute{
			TypeAssociation: {{Name: "id"}, {Name: "allocation_id"}, {Name: "instance_id"},
				{Name: "instance_type", Computed: true}, {Name: "mode", Computed: true},
				{Name: "private_ip_address", Computed: true}},
			TypeEIP: {{Name: "id"}, {Name: "payment_type"}, {Name: "instance_charge_type"}},
			TypeENI: {{Name: "id"}, {Name: "vswitch_id"}, {Name: "primary_ip_address", Computed: true},
				{Name: "private_ip", Computed: true}, {Name: "private_ip_addresses", Computed: true},
				{Name: "private_ips", Computed: true}, {Name: "secondary_private_ip_address_count", Computed: true},
				{Name: "private_ips_count", Computed: true}, {Name: "instance_type"}},
			TypeAttach: {{Name: "id"}, {Name: "network_interface_id"}, {Name: "instance_id"}},
			TypeInstance: {{Name: "id"}, {Name: "instance_type"}, {Name: "vswitch_id"},
				{Name: "network_interface_id"}, {Name: "network_interfaces"}},
			// cidr_block: addresses written cidrhost(x.cidr_block, n)
			TypeVSwitch: {{Name: "id"}, {Name: "vpc_id"}, {Name: "zone_id"}, {Name: "cidr_block"}},
			TypeVPC:     {{Name: "id"}},
		}
		m[TypeEIPAlias], m[TypeENIAlias], m[TypeAttachAlias] = m[TypeEIP], m[TypeENI], m[TypeAttach]
		return m
	}()
	interestingAttrs = func() map[string][]string {
		out := make(map[string][]string, len(readAttributes))
		for typ, attrs := range readAttributes {
			for _, a := range attrs {
				out[typ] = append(out[typ], a.Name)
			}
		}
		return out
	}()
)

// maxPlanBytes bounds the plan JSON read.
const maxPlanBytes = 1 << 30

// LoadPlan reads the JSON of "terraform show -json" (or "tofu show -json") from r, as a
// stream. name labels the input in errors and findings. A file that is not plan JSON,
// or whose format version is unsupported, gives an *InputError.
func LoadPlan(r io.Reader, name string, opts PlanOptions) (*Model, error) {
	lim := &limitReader{r: r, left: maxPlanBytes + 1}
	p, err := tfplan.Decode(lim, interestingAttrs)
	if lim.left <= 0 {
		return nil, &InputError{File: name, Msg: "larger than 1 GiB"}
	}
	var perr *tfplan.Error
	switch {
	case errors.As(err, &perr) && perr.Binary:
		return nil, &InputError{
			File: name,
			Msg: "this is a binary plan file (terraform plan -out); check its JSON instead: " +
				"terraform show -json " + name + " > plan.json",
		}
	case errors.As(err, &perr):
		return nil, &InputError{File: name, Where: perr.Where, Msg: perr.Msg}
	case err != nil:
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	return fromPlan(p, name, opts)
}

// FromPlan builds the model of a plan that a producer built in memory rather than
// read from JSON, as the tflint ruleset does; name labels it in errors and findings.
// A plan that Decode would refuse as JSON (see [tfplan.Plan.Validate]) gives an
// *InputError. The model reads the plan: p must not change while the model is used.
func FromPlan(p *tfplan.Plan, name string, opts PlanOptions) (*Model, error) {
	if err := p.Validate(); err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	return fromPlan(p, name, opts)
}

// fromPlan builds the model of a plan known to be valid.
func fromPlan(p *tfplan.Plan, name string, opts PlanOptions) (*Model, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.SourceDir != "" {
		if err := checkSourceTree(opts.SourceDir); err != nil { // before any parser reads them
			return nil, err
		}
	}
	if opts.SourcesOnDemand && opts.SourceDir != "" {
		planOnly := opts
		planOnly.SourceDir = ""
		tree := newInstanceTree(p) // the plan's alone: both models read it, neither changes it
		m, asked := buildModel(p, tree, name, planOnly)
		if asked { // else the sources would change nothing: the plan is not kept for them
			m.onDemand = func() *Model { m, _ := buildModel(p, tree, name, opts); return m }
		}
		return m, nil
	}
	m, _ := buildModel(p, newInstanceTree(p), name, opts)
	return m, nil
}

// limitReader reads at most left bytes and remembers when it reached the limit.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}
