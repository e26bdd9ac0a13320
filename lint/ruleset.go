package lint

import (
	"fmt"

	"github.com/eipassoc/eipassoc/check"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Name is the ruleset's name: the label of its plugin block in .tflint.hcl.
const Name = "eipassoc"

// A RuleSet is the eipassoc ruleset: one tflint rule for each deny rule of the rules
// core and each plan-level rule of package check, named by its code.
type RuleSet struct {
	tflint.BuiltinRuleSet
	config Config
	opts   check.Options
	cache  rootCache
}

// Config is the body of the plugin block in .tflint.hcl:
//
//	plugin "eipassoc" {
//	  enabled              = true
//	  multi_binded_allowed = true         # the account is allowlisted for MULTI_BINDED
//	  behaviour            = "documented" # or "observed"
//	  instance_dhcp        = "enabled"    # "disabled", or "unknown" (the default)
//	  limits_file          = "eni-limits.json"
//	}
type Config struct {
	// MultiBindedAllowed declares the account allowlisted for multi-EIP-to-ENI mode.
	MultiBindedAllowed bool `hclext:"multi_binded_allowed,optional"`
	// Behaviour is "observed" (the default: an error only where the API refuses, NAT on
	// an attached ENI a warning) or "documented" (that an error too), as for eipassoc
	// check.
	Behaviour string `hclext:"behaviour,optional"`
	// InstanceDHCP says whether the instances' OS has DHCP enabled: "enabled",
	// "disabled" or "unknown" (the default).
	InstanceDHCP string `hclext:"instance_dhcp,optional"`
	// LimitsFile is an ENI limits table as "eipassoc limits" writes it, relative to
	// the directory tflint runs in; empty means the built-in table.
	LimitsFile string `hclext:"limits_file,optional"`
}

// NewRuleSet returns the ruleset, with version as its version.
func NewRuleSet(version string) *RuleSet {
	rs := &RuleSet{BuiltinRuleSet: tflint.BuiltinRuleSet{Name: Name, Version: version}}
	for _, r := range check.AllRules() {
		if r.Code == check.CodeWaiverExpired || r.Code == check.CodeWaiverInvalid {
			continue // tflint has its own annotations for ignoring issues
		}
		rs.Rules = append(rs.Rules, &Rule{rule: r, set: rs})
	}
	return rs
}

// ConfigSchema returns the schema of Config.
func (rs *RuleSet) ConfigSchema() *hclext.BodySchema { return hclext.ImpliedBodySchema(&Config{}) }

// ApplyConfig reads the plugin block. A bad value is an error that names it.
func (rs *RuleSet) ApplyConfig(body *hclext.BodyContent) error {
	var c Config
	if diags := hclext.DecodeBody(body, nil, &c); diags.HasErrors() {
		return diags
	}
	return rs.Configure(c)
}

// Configure sets the ruleset's configuration, as the plugin block would. A bad value is
// an error that names the plugin and the attribute. A relative limits_file is read from
// the directory tflint runs in.
func (rs *RuleSet) Configure(c Config) error {
	opts, err := check.Settings{Behaviour: c.Behaviour, InstanceDHCP: c.InstanceDHCP, LimitsFile: c.LimitsFile,
		MultiBindedAllowed: c.MultiBindedAllowed}.Options() // observed by default, as eipassoc check
	if err != nil {
		return fmt.Errorf("plugin %q: %w", Name, err)
	}
	opts.NoState = true // a configuration, with no plan or state: its findings say what they assume
	rs.config, rs.opts = c, opts
	return nil
}

// NewRunner wraps tflint's runner for one module so that the rules share one analysis
// of it: the configuration is read and decided once, whatever the number of rules.
func (rs *RuleSet) NewRunner(runner tflint.Runner) (tflint.Runner, error) {
	return &analysis{Runner: runner, opts: rs.opts, cache: &rs.cache}, nil
}
