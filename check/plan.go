package check

import (
	"cmp"
	"errors"
	"io"
	"maps"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
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

// buildModel builds the model of a decoded plan. asked reports whether the plan alone
// left open a value that the sources' evaluation is asked for (when there are
// sources) or would be (when there are none).
func buildModel(p *tfplan.Plan, tree *instanceTree, name string, opts PlanOptions) (m *Model, asked bool) {
	b := &planBuilder{
		plan:       p,
		opts:       opts,
		m:          newModel(name),
		tree:       tree,
		traversals: map[string]hcl.Traversal{},
	}
	if opts.SourceDir != "" {
		b.eval = newEvaluator(b.tree, p, newSourceTree(opts.SourceDir))
		for addr, dir := range b.eval.src.manifest {
			rel, err := relPath(opts.SourceDir, dir)
			if err == nil {
				b.m.ModuleDirs["module."+strings.ReplaceAll(addr, ".", ".module.")] = rel
			}
		}
	}
	if p.Config != nil {
		b.moduleDirs("", ".", p.Config.Root)
	}
	b.m.dataLimits = dataLimits(p.Data)
	b.build()
	return b.m, b.asked
}

// sourcesAdvice says, in parentheses, how to have the sources evaluated.
func (b *planBuilder) sourcesAdvice() string {
	if b.opts.Configuration {
		return "(this ruleset does not evaluate it: eipassoc check on the plan, where the .tf files are, does)"
	}
	return "(run the check where the .tf files are, or pass -tf-dir)"
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

func newModel(source string) *Model {
	return &Model{Source: source, ENIs: map[Key]*ENI{}, EIPs: map[Key]*EIP{}, Instances: map[Key]*Instance{},
		ModuleDirs: map[string]string{}, VSwitches: map[Key]*VSwitch{}, Expanded: map[string][]string{}}
}

type planBuilder struct {
	plan *tfplan.Plan
	opts PlanOptions
	m    *Model
	tree *instanceTree
	eval *evaluator // nil without sources
	// asked is set when the plan alone leaves open a value that the evaluation of the
	// sources is asked for: with no sources given, a build with them could decide more.
	asked bool
	// eniIDs, eipIDs and instanceIDs map cloud IDs to model keys; see byID.
	eniIDs, eipIDs, instanceIDs map[string]string
	// following holds the attributes throughAttribute is following, against cycles.
	following map[string]bool
	// traversals holds each reference of the plan's configuration parsed once: the
	// configuration is shared by every instance of a module.
	traversals map[string]hcl.Traversal
}

// moduleDirs records the directories of local modules, relative to the root module.
func (b *planBuilder) moduleDirs(module, dir string, cm *tfplan.Module) {
	for _, name := range slices.Sorted(maps.Keys(cm.Calls)) {
		call := cm.Calls[name]
		addr := tfplan.Join(module, "module."+name)
		if src := call.Source; strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
			b.m.ModuleDirs[addr] = pathJoin(dir, src)
		}
		if d, ok := b.m.ModuleDirs[addr]; ok && call.Module != nil {
			b.moduleDirs(addr, d, call.Module)
		}
	}
}

func (b *planBuilder) build() {
	byType := map[string][]*resInst{}
	var detached, leaving []*tfplan.Change
	for _, c := range b.plan.Changes {
		ri := b.tree.insts[c.Address]
		if ri != nil && slices.Contains(c.Actions, "delete") && !ri.planned {
			switch c.Type {
			case TypeAttach, TypeAttachAlias:
				detached = append(detached, c) // an attachment going away: its ENI is attached until then
			case TypeAssociation:
				leaving = append(leaving, c) // an association going away: its EIP is bound until then
			}
		}
		if ri == nil || slices.Contains(c.Actions, "delete") && !ri.planned || slices.Contains(c.Actions, "read") {
			continue // going away, or a data read
		}
		if id, ok := c.Before.Get("id").(string); ok && c.Unknown.Get("id") == true &&
			!slices.Contains(c.Actions, "delete") {
			c.After.Set("id", id) // an update keeps the ID
		}
		byType[c.Type] = append(byType[c.Type], ri)
		exp := ri.blk.addr
		if b.m.Expanded[exp] == nil {
			b.m.Expanded[exp] = make([]string, 0, len(ri.blk.insts))
		}
		b.m.Expanded[exp] = append(b.m.Expanded[exp], c.Address)
	}
	for _, ri := range byType[TypeVSwitch] {
		vpc := knownString(ri, "vpc_id")
		if vpc == "" {
			key, _ := b.resolve(ri, "vpc_id", kindVPC)
			vpc = string(key)
		}
		b.m.VSwitches[Key(ri.Address)] = &VSwitch{Key: Key(ri.Address), Zone: knownString(ri, "zone_id"), VPC: vpc}
		if id := knownString(ri, "id"); id != "" {
			b.m.VSwitches[Key(id)] = b.m.VSwitches[Key(ri.Address)]
		}
	}
	for _, ri := range byType[TypeInstance] {
		b.addInstance(ri)
	}
	for _, t := range []string{TypeENI, TypeENIAlias} {
		for _, ri := range byType[t] {
			b.addENI(ri)
		}
	}
	b.linkBlocks()
	for _, c := range detached {
		id, _ := c.Before.Get("network_interface_id").(string)
		for _, key := range slices.Sorted(maps.Keys(b.m.ENIs)) {
			if n := b.m.ENIs[key]; id != "" && n.ID == id {
				n.DetachedBy = c.Address
			}
		}
	}
	for _, c := range leaving {
		id, _ := c.Before.Get("instance_id").(string)
		for _, key := range slices.Sorted(maps.Keys(b.m.ENIs)) {
			if n := b.m.ENIs[key]; id != "" &&
				(n.ID == id || n.Kind == eni.Primary && b.m.instanceID(n.Instance) == id) {
				n.Leaving = append(n.Leaving, c.Address)
			}
		}
	}
	for _, t := range []string{TypeEIP, TypeEIPAlias} {
		for _, ri := range byType[t] {
			b.m.EIPs[Key(ri.Address)] = &EIP{
				Key:     Key(ri.Address),
				Address: ri.Address,
				ID:      knownString(ri, "id"),
				Region:  b.region(ri),
				PrePaid: prepaid(ri),
				Known:   true,
			}
		}
	}
	for _, t := range []string{TypeAttach, TypeAttachAlias} {
		for _, ri := range byType[t] {
			b.addAttachment(ri)
		}
	}
	for _, ri := range byType[TypeAssociation] {
		b.addAssociation(ri)
	}
	b.m.rank = b.tree.rank
	if b.plan.Config != nil {
		b.m.order = tfplan.NewOrder(b.plan.Config.Root)
	}
	slices.SortFunc(b.m.Associations, func(x, y *Association) int { return b.m.compare(x.Address, y.Address) })
	slices.SortFunc(b.m.Attachments, func(x, y *Attachment) int { return b.m.compare(x.Address, y.Address) })
}

// knownString returns a known string attribute, or "".
func knownString(ri *resInst, attr string) string {
	s, _ := ri.After.Get(attr).(string)
	return s
}

// isUnknown reports whether an attribute is unknown until apply.
func isUnknown(ri *resInst, attr string) bool { return ri.Unknown.Get(attr) == true }

func prepaid(ri *resInst) bool {
	for _, attr := range []string{"payment_type", "instance_charge_type"} {
		if s := knownString(ri, attr); s != "" {
			if c, err := eip.ParseChargeType(s); err == nil && c == eip.PrePaid {
				return true
			}
		}
	}
	return false
}

func (b *planBuilder) addInstance(ri *resInst) {
	in := &Instance{
		Key:     Key(ri.Address),
		Address: ri.Address,
		ID:      knownString(ri, "id"),
		Type:    knownString(ri, "instance_type"),
		Region:  b.region(ri),
		VSwitch: b.vswitchOf(ri),
	}
	if old, _ := ri.Before.Get("instance_type").(string); old != "" && old != in.Type && ri.planned {
		in.TypeBefore = old
	}
	b.m.Instances[Key(ri.Address)] = in
	primary := &ENI{
		Key:          primaryENI(Key(ri.Address)),
		Address:      ri.Address,
		ID:           knownString(ri, "network_interface_id"),
		Kind:         eni.Primary,
		Region:       in.Region,
		IPCount:      1,
		IPCountKnown: true,
		Instance:     Key(ri.Address),
		Known:        true,
	}
	b.m.ENIs[primary.Key] = primary
	nics, _ := ri.After.Get("network_interfaces").([]any)
	for i, n := range nics {
		block, _ := n.(map[string]any)
		id, _ := block["network_interface_id"].(string)
		if id == "" && b.blockAttachment(ri, i) {
			continue // an ENI of the plan, attached when the instance is made
		}
		key := blockENI(Key(ri.Address), strconv.Itoa(i))
		b.m.ENIs[key] = &ENI{Key: key, Address: ri.Address, ID: id, Kind: eni.Secondary, Region: in.Region,
			IPCount: 1, IPCountKnown: true, Instance: Key(ri.Address), AttachedInPlan: ri.planned, Known: true}
	}
	if len(nics) == 0 && ri.planned && isUnknown(ri, "network_interfaces") {
		b.hiddenBlocks(ri)
	}
}

// blockAttachment resolves the network_interface_id of the i-th network_interfaces
// block of instance ri through the plan's configuration (an ENI the plan makes, whose ID
// is known only after apply), and reports whether it names one: the block is then a
// planned attachment of that ENI onto the instance, made with it, and every rule reads
// the ENI's own facts. The ENI is linked to the instance once the ENIs are built
// (linkBlocks).
func (b *planBuilder) blockAttachment(ri *resInst, i int) bool {
	if !ri.planned {
		return false
	}
	var key Key
	if ri.blk.cfg != nil {
		if e := ri.blk.cfg.Exprs["network_interfaces"]; e != nil && i < len(e.Blocks) {
			key, _ = b.follow(ri.mod, e.Blocks[i]["network_interface_id"], kindENI, 0)
		}
	}
	if key == "" && b.eval != nil { // a dynamic block, or what only the sources say
		b.asked = true
		if vals, why, ok := b.eval.nested(ri, "network_interfaces", "network_interface_id"); ok && why == "" &&
			i < len(vals) {
			key, _ = b.keyOf(vals[i], "network_interface_id of "+ri.Address, kindENI)
		}
	}
	if key == "" || strings.HasPrefix(string(key), ri.Address+".") {
		return false
	}
	inst := Key(ri.Address)
	b.m.Attachments = append(b.m.Attachments, &Attachment{Address: string(blockENI(inst, strconv.Itoa(i))),
		ENI: key, Instance: inst, Planned: true, Block: true, config: configAddress(ri.Address)})
	return true
}

// linkBlocks marks the ENIs that instances' network_interfaces blocks attach as
// attached in the plan, once the ENIs are built.
func (b *planBuilder) linkBlocks() {
	for _, at := range b.m.Attachments {
		if n := b.m.ENIs[at.ENI]; at.Block && n != nil && n.Instance == "" {
			n.Instance, n.AttachedInPlan = at.Instance, true
		}
	}
}

// hiddenBlocks handles a planned instance whose network_interfaces the plan knows only
// after apply: either it has none (the attribute is computed), or a dynamic block whose
// for_each the plan cannot expand. Only the sources tell: their blocks are evaluated,
// and each ENI one attaches becomes a planned attachment onto the instance; blocks that
// cannot be evaluated become one attachment of an unknown ENI, so that every rule they
// feed is undecided.
func (b *planBuilder) hiddenBlocks(ri *resInst) {
	b.asked, b.m.hidden = true, true
	if b.eval == nil {
		return
	}
	vals, why, ok := b.eval.nested(ri, "network_interfaces", "network_interface_id")
	if !ok {
		return
	}
	inst := Key(ri.Address)
	if why != "" {
		b.m.Attachments = append(
			b.m.Attachments,
			&Attachment{Address: ri.Address + ".network_interfaces", Instance: inst, Planned: true,
				Block: true, ENIUnknown: Why(why)},
		)
		return
	}
	for i, v := range vals {
		at := &Attachment{Address: string(blockENI(inst, strconv.Itoa(i))), Instance: inst, Planned: true, Block: true}
		var why string
		if at.ENI, why = b.keyOf(v, "network_interface_id of "+at.Address, kindENI); at.ENI == "" {
			at.ENIUnknown = Why(why)
		}
		b.m.Attachments = append(b.m.Attachments, at)
		if n := b.m.ENIs[at.ENI]; n != nil {
			n.Instance, n.AttachedInPlan = inst, true
		}
	}
}

func (b *planBuilder) addENI(ri *resInst) {
	n := &ENI{
		Key:     Key(ri.Address),
		Address: ri.Address,
		ID:      knownString(ri, "id"),
		Kind:    eni.Secondary,
		Region:  b.region(ri),
		VSwitch: b.vswitchOf(ri),
		Known:   true,
	}
	if knownString(ri, "instance_type") == "Trunk" {
		n.Kind = eni.Trunk
	}
	primary := cmp.Or(knownString(ri, "primary_ip_address"), knownString(ri, "private_ip"))
	if a, err := netip.ParseAddr(primary); err == nil {
		n.IPs = append(n.IPs, a)
	}
	n.IPCount, n.IPCountKnown = b.ipCount(ri, n)
	if ri.planned && ri.Before != nil {
		if before := secondaryCount(ri.Before); before >= 0 && n.IPCountKnown && before+1 != n.IPCount {
			n.IPCountBefore = before + 1
		}
	}
	b.m.ENIs[Key(ri.Address)] = n
}

// secondaryCount returns how many secondary addresses an ENI's attributes list, or -1.
func secondaryCount(attrs tfplan.Attrs) int {
	for _, attr := range []string{"private_ip_addresses", "private_ips"} {
		if list, ok := attrs.Get(attr).([]any); ok && len(list) > 0 {
			return len(list)
		}
	}
	for _, attr := range []string{"secondary_private_ip_address_count", "private_ips_count"} {
		if c, ok := attrs.Get(attr).(float64); ok {
			return int(c)
		}
	}
	return -1
}

// vswitchOf returns the model key of a resource's vSwitch: the planned vSwitch it
// references, or the vSwitch ID.
func (b *planBuilder) vswitchOf(ri *resInst) Key {
	if id := knownString(ri, "vswitch_id"); id != "" {
		return Key(id)
	}
	key, _ := b.resolve(ri, "vswitch_id", kindVSwitch)
	return key
}

// ipCount works out how many private addresses an ENI will have: 1 + the secondary
// list or count, in the new or the deprecated spelling. Attributes that the
// configuration does not set take the provider's default, no secondary address.
func (b *planBuilder) ipCount(ri *resInst, n *ENI) (int, bool) {
	for _, attr := range []string{"private_ip_addresses", "private_ips"} {
		if list, ok := ri.After.Get(attr).([]any); ok && len(list) > 0 {
			for _, v := range list {
				if s, ok := v.(string); ok {
					if a, err := netip.ParseAddr(s); err == nil {
						n.IPs = append(n.IPs, a)
					}
				}
			}
			return 1 + len(list), true
		}
	}
	for _, attr := range []string{"secondary_private_ip_address_count", "private_ips_count"} {
		if c, ok := ri.After.Get(attr).(float64); ok && c > 0 {
			return 1 + int(c), true
		}
	}
	counts := []string{"private_ip_addresses", "private_ips", "secondary_private_ip_address_count", "private_ips_count"}
	for _, attr := range counts {
		if isUnknown(ri, attr) && b.configures(ri, attr) {
			return 0, false // set in the configuration, known only after apply
		}
	}
	return 1, true
}

// configures reports whether the configuration sets attr of ri.
func (b *planBuilder) configures(ri *resInst, attr string) bool {
	return ri.blk.cfg != nil && ri.blk.cfg.Exprs[attr] != nil
}

func (b *planBuilder) addAttachment(ri *resInst) {
	eniKey, eniWhy := b.resolve(ri, "network_interface_id", kindENI)
	instKey, instWhy := b.resolve(ri, "instance_id", kindInstance)
	at := &Attachment{Address: ri.Address, ENI: eniKey, Instance: instKey, Planned: ri.planned}
	if slices.Equal(ri.Actions, []string{"create", "delete"}) { // create_before_destroy
		if id, _ := ri.Before.Get("instance_id").(string); id != "" {
			at.AttachedUntilReplaced = b.instanceByID(id) // the old attachment holds the ENI meanwhile
		}
	}
	if eniKey == "" {
		at.ENIUnknown = Why(cmp.Or(eniWhy, "network_interface_id is known only after apply"))
	}
	if instKey == "" {
		at.InstanceUnknown = Why(cmp.Or(instWhy, "instance_id is known only after apply"))
	}
	b.m.Attachments = append(b.m.Attachments, at)
	if n := b.m.ENIs[eniKey]; n != nil {
		n.Instance, n.AttachedInPlan = instKey, ri.planned
	}
}

func (b *planBuilder) addAssociation(ri *resInst) {
	a := &Association{Address: ri.Address, Module: ri.ModuleAddress, ResourceType: ri.Type, Planned: ri.planned}
	a.Region, a.RegionUnknown = b.regionOf(ri)
	a.EIP, _ = b.resolve(ri, "allocation_id", kindEIP)
	if a.EIP == "" {
		a.EIPOneOf = b.candidates(ri, "allocation_id", kindEIP)
	}
	target, why := b.resolve(ri, "instance_id", kindTarget)
	a.Target, a.TargetUnknown = target, Why(why)
	var unknown bool
	if a.InstanceType, unknown = b.stringAttr(ri, "instance_type"); unknown {
		a.InstanceTypeUnknown = "instance_type is known only after apply, so it is unknown whether the EIP goes to " +
			"an ENI or an instance"
	}
	if s, unknown := b.stringAttr(ri, "mode"); unknown {
		a.ModeUnknown = "mode is known only after apply"
	} else if s != "" {
		a.ModeSet = true
		if m, err := modes.ParseAPI(s); err == nil {
			a.Mode = m
		}
	}
	if old, _ := ri.Before.Get("mode").(string); old != "" && a.ModeSet && old != a.Mode.String() {
		a.ModeBefore = old
	}
	if s, unknown := b.stringAttr(ri, "private_ip_address"); unknown {
		a.PrivateIPUnknown = "private_ip_address is known only after apply"
	} else if s != "" {
		a.PrivateIP, _ = netip.ParseAddr(s)
	}
	b.m.Associations = append(b.m.Associations, a)
	if old := b.replacedLast(ri, a); old != nil {
		b.m.Associations = append(b.m.Associations, old)
	}
}

// replacedLast returns, for an association that create_before_destroy replaces, the
// association it replaces as it stands until the new one is made: it still holds its
// EIP on its ENI, so it counts toward the ENI's capacity and addresses. nil for any
// other change, or when the old association's target is not in the plan.
func (b *planBuilder) replacedLast(ri *resInst, a *Association) *Association {
	if !slices.Equal(ri.Actions, []string{"create", "delete"}) {
		return nil
	}
	target, _ := ri.Before.Get("instance_id").(string)
	eipID, _ := ri.Before.Get("allocation_id").(string)
	if target == "" {
		return nil
	}
	old := &Association{Address: ri.Address + " (until replaced)", Module: a.Module, ResourceType: a.ResourceType,
		Region: a.Region, EIP: b.byID(eipID, kindEIP), Target: b.byID(target, kindTarget)}
	old.InstanceType, _ = ri.Before.Get("instance_type").(string)
	if s, _ := ri.Before.Get("mode").(string); s != "" {
		old.ModeSet = true
		old.Mode, _ = modes.ParseAPI(s)
	}
	if s, _ := ri.Before.Get("private_ip_address").(string); s != "" {
		old.PrivateIP, _ = netip.ParseAddr(s)
	}
	return old
}

// stringAttr returns an attribute's known value, or reports that the configuration
// sets it to something known only after apply. An O+C attribute left unset is unknown
// in the plan but means "the provider's default": it is reported as "" and known. A
// value the sources evaluate is known.
func (b *planBuilder) stringAttr(ri *resInst, attr string) (string, bool) {
	if s, ok := ri.After.Get(attr).(string); ok {
		return s, false
	}
	if !isUnknown(ri, attr) || !b.configures(ri, attr) {
		return "", false
	}
	if e := ri.blk.cfg.Exprs[attr]; e.IsConst {
		s, _ := e.Constant.(string)
		return s, false
	}
	b.asked = true
	if b.eval != nil {
		if v, why, ok := b.eval.attr(ri, attr); ok && why == "" && v.Type() == cty.String {
			if _, _, isPlaceholder := parsePlaceholder(v.AsString()); !isPlaceholder {
				return v.AsString(), false
			}
		}
	}
	return "", true
}

// refKind says what a reference should resolve to.
type refKind int

const (
	kindENI refKind = iota
	kindInstance
	kindEIP
	kindTarget // an ENI or an instance
	kindVSwitch
	kindVPC
)

// resolve finds the model key an ID attribute of ri points at: by its value when the
// plan knows it; otherwise by evaluating its expression from the sources, in ri's
// module instance and with its instance key; otherwise through the plan's references,
// inside ri's module instance. It returns "" and a reason when it cannot.
//
// The plan's own references come first: what they resolve needs no evaluation (most
// references are plain ones, alicloud_ecs_network_interface.x.id), and the sources only
// add knowledge: their evaluation is asked only what the references leave open, and when
// it decides nothing either (a guard rejects it, the value is not an ID), the reason is
// the evaluation's.
func (b *planBuilder) resolve(ri *resInst, attr string, kind refKind) (Key, string) {
	if id := knownString(ri, attr); id != "" {
		return b.byID(id, kind), ""
	}
	why := attr + " is known only after apply and the plan has no configuration for " + ri.Address
	if ri.blk.cfg != nil {
		var key Key
		if key, why = b.follow(ri.mod, ri.blk.cfg.Exprs[attr], kind, 0); key != "" {
			return key, ""
		}
	}
	b.asked = true
	if b.eval != nil {
		if key, evalWhy, ok := b.evaluated(ri, attr, kind); ok {
			if evalWhy == "" {
				return key, ""
			}
			why = evalWhy
		}
	}
	return "", cmp.Or(why, attr+" is known only after apply")
}

// evaluated resolves attr of ri through the sources' evaluation. ok is false when the
// evaluation does not cover the attribute; why says why a covered one names nothing.
func (b *planBuilder) evaluated(ri *resInst, attr string, kind refKind) (key Key, why string, ok bool) {
	v, why, ok := b.eval.attr(ri, attr)
	switch {
	case !ok:
		return "", "", false
	case why != "":
		return "", why, true
	}
	key, why = b.keyOf(v, attr+" of "+ri.Address, kind)
	return key, why, true
}

// keyOf returns the model key of an evaluated ID (what, e.g. "instance_id of
// alicloud_x.y", names it in the reason when it names nothing of kind).
func (b *planBuilder) keyOf(v cty.Value, what string, kind refKind) (Key, string) {
	if v == cty.NilVal || v.IsNull() || v.Type() != cty.String {
		typ := "null"
		if v != cty.NilVal && !v.IsNull() {
			typ = "a " + v.Type().FriendlyName()
		}
		return "", what + " evaluates to " + typ + ", not an ID"
	}
	addr, path, isPlaceholder := parsePlaceholder(v.AsString())
	if !isPlaceholder {
		return b.byID(v.AsString(), kind), ""
	}
	if target := b.tree.insts[addr]; target != nil {
		if key, why, ok := b.throughAttribute(target, path, kind); ok {
			return key, why
		}
	}
	if key := b.placeholderKey(addr, path, kind); key != "" {
		return key, ""
	}
	return "", what + " is " + path + " of " + addr + ", which is not what it should name"
}

// placeholderKey maps the placeholder of an ID known after apply to the model key of
// the object it identifies.
func (b *planBuilder) placeholderKey(addr, path string, kind refKind) Key {
	ri := b.tree.insts[addr]
	if ri == nil {
		return ""
	}
	return refKey(ri.Type, addr, path, kind)
}

// refKey maps an attribute of a resource instance to the model key it identifies, if
// it identifies something of kind.
func refKey(typ, addr, path string, kind refKind) Key {
	switch typ {
	case TypeENI, TypeENIAlias:
		if path == "id" && (kind == kindENI || kind == kindTarget) {
			return Key(addr)
		}
	case TypeEIP, TypeEIPAlias:
		if (path == "id" || path == "allocation_id") && kind == kindEIP {
			return Key(addr)
		}
	case TypeVSwitch:
		if path == "id" && kind == kindVSwitch {
			return Key(addr)
		}
	case TypeVPC:
		if path == "id" && kind == kindVPC {
			return Key(addr)
		}
	case TypeInstance:
		switch {
		case strings.HasPrefix(path, "network_interfaces") && strings.HasSuffix(path, "network_interface_id") &&
			kind != kindInstance:
			i := "0"
			if open, close := strings.IndexByte(path, '['), strings.IndexByte(path, ']'); open >= 0 && close > open {
				i = path[open+1 : close]
			}
			return blockENI(Key(addr), i)
		case path == "network_interface_id" && kind != kindInstance:
			return primaryENI(Key(addr))
		case path == "id" && (kind == kindInstance || kind == kindTarget):
			return Key(addr)
		}
	}
	return ""
}

// follow resolves an expression's references inside module instance mi.
func (b *planBuilder) follow(mi *modInst, e *tfplan.Expression, kind refKind, depth int) (Key, string) {
	if e == nil || depth > 32 {
		return "", ""
	}
	if s, ok := e.Constant.(string); ok && e.IsConst {
		return b.byID(s, kind), ""
	}
	// The reasons, most telling first: a lost index of a resource, then a value
	// computed from each, count or a local, then a variable or an output.
	var whys [3]string
	note := func(rank int, w string) {
		if w != "" && whys[rank] == "" {
			whys[rank] = w
		}
	}
	for _, ref := range e.Refs {
		switch head, rest, _ := strings.Cut(ref, "."); head {
		case "var":
			name, _, _ := strings.Cut(rest, ".")
			key, w := b.followVar(mi, name, kind, depth)
			if key != "" {
				return key, ""
			}
			note(2, w)
		case "module":
			key, w := b.followOutput(mi, rest, kind, depth)
			if key != "" {
				return key, ""
			}
			note(2, w)
		case "local", "each", "count", "self", "path", "terraform", "data":
			note(
				1,
				"it is computed from "+ref+", which only the configuration's sources can evaluate "+b.sourcesAdvice(),
			)
		default:
			key, w := b.resourceRef(mi, ref, kind)
			if key != "" {
				return key, ""
			}
			note(0, w)
		}
	}
	return "", cmp.Or(whys[0], whys[1], whys[2])
}

// variable returns the plan's value of the root module's variable name, or nil.
func (b *planBuilder) variable(name string) any {
	v, _ := b.plan.Variable(name)
	return v
}

// followVar resolves var.name in mi: at the root through the plan's variables, inside
// a module through the call's argument in the calling module instance.
func (b *planBuilder) followVar(mi *modInst, name string, kind refKind, depth int) (Key, string) {
	if mi.parent == nil {
		if s, ok := b.variable(name).(string); ok {
			return b.byID(s, kind), ""
		}
		return "", "var." + name + " holds no ID in the plan"
	}
	if mi.call == nil {
		return "", ""
	}
	return b.follow(mi.parent, mi.call.Exprs[name], kind, depth+1)
}

// followOutput resolves module.CALL.OUTPUT in mi through the child module instance.
func (b *planBuilder) followOutput(mi *modInst, ref string, kind refKind, depth int) (Key, string) {
	call, rest, _ := strings.Cut(ref, ".")
	output, _, _ := strings.Cut(rest, ".")
	kids := mi.children[call]
	if len(kids) != 1 || kids[0].key.kind != noKey || kids[0].cfg == nil || output == "" {
		return "", "it comes from module." + call + ", whose instance the plan does not say"
	}
	return b.follow(kids[0], kids[0].cfg.Outputs[output], kind, depth+1)
}

// resourceRef maps a reference such as "alicloud_ecs_network_interface.x.id" inside
// module instance mi to a model key: to the block's only instance, or to the instance
// a literal index names. A computed index the plan lost gives "" and the reason.
func (b *planBuilder) resourceRef(mi *modInst, ref string, kind refKind) (Key, string) {
	trav, ok := b.traversals[ref]
	if !ok {
		var diags hcl.Diagnostics
		if trav, diags = hclsyntax.ParseTraversalAbs([]byte(ref), "", hcl.InitialPos); diags.HasErrors() {
			trav = nil
		}
		b.traversals[ref] = trav
	}
	if len(trav) < 2 {
		return "", ""
	}
	typ := trav.RootName()
	name, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		return "", ""
	}
	blk := mi.blocks[typ+"."+name.Name]
	if blk == nil {
		return "", ""
	}
	rest := trav[2:]
	var ri *resInst
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			if k, ok := keyOf(idx.Key); ok {
				for _, x := range blk.insts {
					if x.key == k {
						ri = x
					}
				}
			}
			rest = rest[1:]
		}
	}
	if ri == nil {
		if len(blk.insts) != 1 || blk.insts[0].key.kind != noKey {
			return "", "it names one of the " + strconv.Itoa(len(blk.insts)) + " instances of " + tfplan.Join(
				mi.addr,
				typ+"."+name.Name,
			) + " by an index the plan does not keep; the configuration's sources would say which " + b.sourcesAdvice()
		}
		ri = blk.insts[0]
	}
	path := "id"
	if len(rest) > 0 {
		path = traversalPath(rest)
	}
	if key, why, ok := b.throughAttribute(ri, path, kind); ok {
		return key, why
	}
	return refKey(typ, ri.Address, path, kind), ""
}

// throughAttribute follows a reference to an attribute that itself names a resource:
// an association's instance_id or allocation_id, an attachment's network_interface_id
// or instance_id, an instance's or ENI's vswitch_id, a vSwitch's vpc_id.
// network_interface_id = alicloud_eip_association.public.instance_id, a common way to
// make Terraform attach an ENI after associating its EIP, names the ENI that the
// association's instance_id names; vswitch_id = alicloud_instance.fw.vswitch_id puts an
// ENI in the instance's vSwitch. ok is false for any other attribute.
func (b *planBuilder) throughAttribute(ri *resInst, path string, kind refKind) (key Key, why string, ok bool) {
	switch {
	case ri.Type == TypeAssociation && (path == "instance_id" || path == "allocation_id"):
	case (ri.Type == TypeAttach || ri.Type == TypeAttachAlias) &&
		(path == "network_interface_id" || path == "instance_id"):
	case kind == kindVSwitch && path == "vswitch_id" &&
		(ri.Type == TypeInstance || ri.Type == TypeENI || ri.Type == TypeENIAlias):
	case kind == kindVPC && path == "vpc_id" && ri.Type == TypeVSwitch:
	default:
		return "", "", false
	}
	visit := ri.Address + "#" + path
	if b.following[visit] {
		return "", path + " of " + ri.Address + " refers back to itself", true
	}
	if b.following == nil {
		b.following = map[string]bool{}
	}
	b.following[visit] = true
	defer delete(b.following, visit)
	key, why = b.resolve(ri, path, kind)
	if key == "" && why == "" {
		why = path + " of " + ri.Address + " is known only after apply"
	}
	return key, why, true
}

// traversalPath writes attribute steps as a path: network_interfaces[0].network_interface_id.
func traversalPath(tr hcl.Traversal) string {
	var sb strings.Builder
	for _, t := range tr {
		switch s := t.(type) {
		case hcl.TraverseAttr:
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(s.Name)
		case hcl.TraverseIndex:
			if k, ok := keyOf(s.Key); ok {
				sb.WriteString(k.String())
			}
		}
	}
	return sb.String()
}

// candidates returns the model key of the counted EIP block that attr refers to
// directly, inside ri's module instance, when the plan lost which instance (a
// reference such as x[count.index].id): its instances are an exact set the referenced
// object is one of. It returns "" when there is no such block.
func (b *planBuilder) candidates(ri *resInst, attr string, kind refKind) string {
	if ri.blk.cfg == nil || ri.blk.cfg.Exprs[attr] == nil {
		return ""
	}
	for _, ref := range ri.blk.cfg.Exprs[attr].Refs {
		parts := strings.SplitN(ref, ".", 3)
		if len(parts) < 2 || (kind == kindEIP && parts[0] != TypeEIP && parts[0] != TypeEIPAlias) {
			continue
		}
		name, _, _ := strings.Cut(parts[1], "[")
		if blk := ri.mod.blocks[parts[0]+"."+name]; blk != nil && len(b.m.Expanded[blk.addr]) > 0 {
			return blk.addr // shared by every instance that names the block
		}
	}
	return ""
}

// byID finds the model entity with a cloud ID, or adds a placeholder for an ID that
// the plan does not manage. The ID indexes are built on first use, after every managed
// resource is in the model.
func (b *planBuilder) byID(id string, kind refKind) Key {
	if b.eniIDs == nil {
		// When two resources share an ID, the one with the first address wins: the
		// same one every run, whatever the map order.
		b.eniIDs, b.eipIDs, b.instanceIDs = map[string]string{}, map[string]string{}, map[string]string{}
		for _, k := range slices.Sorted(maps.Keys(b.m.ENIs)) {
			if id := b.m.ENIs[k].ID; id != "" && b.eniIDs[id] == "" {
				b.eniIDs[id] = string(k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.EIPs)) {
			if id := b.m.EIPs[k].ID; id != "" && b.eipIDs[id] == "" {
				b.eipIDs[id] = string(k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.m.Instances)) {
			if id := b.m.Instances[k].ID; id != "" && b.instanceIDs[id] == "" {
				b.instanceIDs[id] = string(k)
			}
		}
	}
	switch kind {
	case kindVSwitch, kindVPC:
		return Key(id)
	case kindEIP:
		if k, ok := b.eipIDs[id]; ok {
			return Key(k)
		}
		b.m.EIPs[Key(id)] = &EIP{Key: Key(id), ID: id}
		b.eipIDs[id] = id
		return Key(id)
	case kindInstance:
		return b.instanceByID(id)
	}
	if k, ok := b.eniIDs[id]; ok {
		return Key(k)
	}
	if kind == kindTarget && !strings.HasPrefix(id, "eni-") {
		return b.instanceByID(id)
	}
	b.m.ENIs[Key(id)] = &ENI{Key: Key(id), ID: id, Kind: eni.Secondary}
	b.eniIDs[id] = id
	return Key(id)
}

func (b *planBuilder) instanceByID(id string) Key {
	if k, ok := b.instanceIDs[id]; ok {
		return Key(k)
	}
	b.m.Instances[Key(id)] = &Instance{Key: Key(id), ID: id}
	b.instanceIDs[id] = id
	return Key(id)
}

// region resolves a resource's region; "" when it is not known.
func (b *planBuilder) region(ri *resInst) regions.ID {
	id, _ := b.regionOf(ri)
	return id
}

// regionOf resolves a resource's region: the override, then the region of the provider
// configuration the resource uses (aliases and providers = {} maps are resolved in the
// plan's provider keys): a constant, a root variable, or, with sources, the provider
// block's expression evaluated in its module instance. Only a provider configuration
// without a region falls back to the provider's environment variables. why says what
// would decide an unknown region.
func (b *planBuilder) regionOf(ri *resInst) (regions.ID, Why) {
	if b.opts.Region != "" {
		return b.opts.Region, ""
	}
	key := "alicloud"
	if ri.blk.cfg != nil && ri.blk.cfg.ProviderKey != "" {
		key = ri.blk.cfg.ProviderKey
	}
	if b.plan.Config != nil {
		if pc := b.plan.Config.Providers[key]; pc != nil && pc.Region != nil {
			return b.providerRegion(ri, key, pc)
		}
	}
	if id := cmp.Or(b.opts.Getenv("ALICLOUD_REGION"), b.opts.Getenv("ALIBABA_CLOUD_REGION")); id != "" {
		return regions.ID(id), ""
	}
	return "", "no region: set -region, the provider's region, or ALICLOUD_REGION"
}

func (b *planBuilder) providerRegion(ri *resInst, key string, pc *tfplan.Provider) (regions.ID, Why) {
	if s, ok := pc.Region.Constant.(string); ok && pc.Region.IsConst {
		return regions.ID(s), ""
	}
	if pc.ModuleAddress == "" {
		for _, ref := range pc.Region.Refs {
			if name, ok := strings.CutPrefix(ref, "var."); ok {
				if s, ok := b.variable(name).(string); ok {
					return regions.ID(s), ""
				}
			}
		}
	}
	b.asked = true
	if b.eval == nil && b.opts.Configuration {
		return "", Why("the region of provider configuration " + key + " is an expression " + b.sourcesAdvice())
	}
	if b.eval == nil {
		return "", Why(
			"the region of provider configuration " + key + " is an expression: pass -tf-dir to evaluate it, or " +
				"-region",
		)
	}
	name := key
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		name = key[i+1:]
	}
	v, why := b.eval.providerRegion(ri.mod, pc.ModuleAddress, name)
	if why != "" {
		return "", Why(why)
	}
	return regions.ID(v), ""
}

// pathJoin joins slash-separated module paths.
func pathJoin(dir, rel string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, rel)), "./")
}

func relPath(base, target string) (string, error) {
	r, err := filepath.Rel(base, target)
	return filepath.ToSlash(r), err
}
