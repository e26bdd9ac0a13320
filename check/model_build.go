package check

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/hashicorp/hcl/v2"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
)

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
	byType, detached, leaving := b.changesByType()
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
	b.markGoing(detached, leaving)
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

// changesByType sorts the plan's changes of resources that stay or are made by type,
// and returns apart the attachments and associations going away (detached, leaving),
// whose ENIs and EIPs stay bound until they go. It records each configuration address's
// instances (Model.Expanded) and keeps an updated resource's ID.
func (b *planBuilder) changesByType() (byType map[string][]*resInst, detached, leaving []*tfplan.Change) {
	byType = map[string][]*resInst{}
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
	return byType, detached, leaving
}

// markGoing marks the ENIs that attachments going away detach (DetachedBy) and those
// whose EIPs associations going away release (Leaving).
func (b *planBuilder) markGoing(detached, leaving []*tfplan.Change) {
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

// configures reports whether the configuration sets attr of ri.
func (b *planBuilder) configures(ri *resInst, attr string) bool {
	return ri.blk.cfg != nil && ri.blk.cfg.Exprs[attr] != nil
}

// pathJoin joins slash-separated module paths.
func pathJoin(dir, rel string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, rel)), "./")
}

func relPath(base, target string) (string, error) {
	r, err := filepath.Rel(base, target)
	return filepath.ToSlash(r), err
}
