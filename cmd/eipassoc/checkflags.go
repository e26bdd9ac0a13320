package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// checkFlags are the flags of "eipassoc check" (the -live ones are liveFlags).
type checkFlags struct {
	format, failOn, unknown, region, tfDir, dhcp string
	repoRoot, waiverFile, limitsFile, behaviour  string
	today                                        string
	inventory, multi                             bool
}

// define declares the flags on fs.
func (f *checkFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output `formats`: text, json, sarif, github, junit; comma-separated, "+
		"each optionally =FILE (=- is standard output)")
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this `level`: error, warning, "+
		"note, never")
	fs.StringVar(&f.unknown, "unknown", "warn", "what an undecided rule becomes: warn, fail or ignore")
	fs.StringVar(&f.region, "region", "", "`region` for every resource, overriding the provider's")
	fs.StringVar(&f.tfDir, "tf-dir", "", "`directory` of the root module's .tf files: to evaluate references the plan "+
		"keeps only in part, for locations and inline waivers (default: the plan file's directory, when it holds .tf "+
		"files)")
	fs.StringVar(&f.dhcp, "instance-dhcp", "unknown", "whether the instances' OS has DHCP enabled, which "+
		"multi-EIP-to-ENI needs and no plan or API says: `enabled, disabled or unknown`")
	fs.StringVar(&f.repoRoot, "repo-root", "", "`directory` that SARIF and GitHub annotations make paths relative to "+
		"(default: the git repository's top level)")
	fs.StringVar(&f.waiverFile, "waivers", "", "waiver `file` (YAML or JSON)")
	fs.StringVar(&f.limitsFile, "limits", "", "ENI limits table `file` (as \"eipassoc limits\" writes it) for instance "+
		"types newer than the built-in table of "+eni.LimitsDate)
	fs.BoolVar(&f.inventory, "inventory", false, "the input is an inventory file (YAML or JSON), not a plan")
	fs.StringVar(&f.behaviour, "behaviour", "observed", "observed: an error only where the API refuses, and a NAT "+
		"association on an attached ENI (which the documentation forbids and the API accepts) a warning; or "+
		"documented: that an error too")
	fs.BoolVar(&f.multi, "multi-binded-allowed", false, "the account is allowlisted for multi-EIP-to-ENI mode")
	fs.StringVar(&f.today, "today", "", "the `date` waivers expire against, YYYY-MM-DD (default: today)")
}

// checkSettings are what the flags decide: the rules' options, the outputs, the level
// that fails the check and the day waivers expire against.
type checkSettings struct {
	opts    check.Options
	outputs []report.Output
	min     check.Level
	now     time.Time
}

// settings checks the flags and works out what they decide.
func (f *checkFlags) settings() (checkSettings, error) {
	var set checkSettings
	var err error
	if set.outputs, err = report.ParseOutputs(f.format); err != nil {
		return set, fmt.Errorf("-format: %w", err)
	}
	set.min = check.Level(f.failOn)
	if f.failOn != "never" && set.min != check.LevelError && set.min != check.LevelWarning && set.min != check.LevelNote {
		return set, errors.New("-fail-on must be error, warning, note or never")
	}
	set.opts, err = check.Settings{Behaviour: f.behaviour, InstanceDHCP: f.dhcp, Unknown: f.unknown,
		LimitsFile: f.limitsFile, MultiBindedAllowed: f.multi}.Options()
	if bad := (*check.SettingError)(nil); errors.As(err, &bad) && bad.Want != "" {
		return set, errors.New("-" + settingFlags[bad.Setting] + " must be " + bad.Want)
	} else if bad != nil {
		return set, fmt.Errorf("-%s: %w", settingFlags[bad.Setting], bad.Err)
	} else if err != nil {
		return set, err
	}
	if f.region != "" {
		if _, err := regions.Lookup(regions.ID(f.region)); err != nil {
			return set, fmt.Errorf("-region: %q is not a known Alibaba Cloud region ID", f.region)
		}
	}
	set.now = time.Now()
	if f.today != "" {
		if set.now, err = time.Parse(time.DateOnly, f.today); err != nil {
			return set, errors.New("-today must be YYYY-MM-DD")
		}
	}
	return set, nil
}

// settingFlags are the flags of the settings check.Settings parses.
var settingFlags = map[string]string{check.SettingBehaviour: "behaviour", check.SettingInstanceDHCP: "instance-dhcp",
	check.SettingUnknown: "unknown", check.SettingLimitsFile: "limits"}

// sourceDir is -tf-dir, or the directory of the plan file name when it holds .tf files
// (the common CI layout: the plan written in the root module).
func (f *checkFlags) sourceDir(name string) string {
	if f.tfDir != "" || name == "-" {
		return f.tfDir
	}
	tf, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*.tf"))
	tfJSON, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*.tf.json"))
	if len(tf)+len(tfJSON) > 0 {
		return filepath.Dir(name)
	}
	return ""
}

// waivers reads -waivers; an unreadable file is a usageError, a malformed one not.
func (f *checkFlags) waivers() ([]check.Waiver, error) {
	if f.waiverFile == "" {
		return nil, nil
	}
	file, err := os.Open(f.waiverFile)
	if err != nil {
		return nil, usageError{err}
	}
	defer file.Close()
	return check.LoadWaivers(file, f.waiverFile)
}
