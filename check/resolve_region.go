package check

import (
	"cmp"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"

	"github.com/eipassoc/eipassoc/regions"
)

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
