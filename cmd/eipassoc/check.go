package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// checkNotes is the end of "eipassoc help check".
const checkNotes = `The input is the JSON of "terraform show -json PLANFILE" (or "tofu show -json"), a
file or - for standard input; with -inventory, a YAML or JSON inventory.

Exit status:
  0  no finding at or above -fail-on
  1  findings at or above -fail-on
  2  a usage or input error (bad flag, unreadable or malformed plan, inventory or waivers)
  3  with -live: the account could not be reached or read`

// checkGCPercent is the garbage collector's target that "eipassoc check" runs with
// unless GOGC is set: a check's peak memory is the plan it holds while it builds the
// model, and CI runners are short of memory, not of CPU. At 2,000 module instances it
// takes the peak from about 57 to 48 MB for a few hundredths of a second
// (docs/check.md).
const checkGCPercent = 20

// checkCmd runs "eipassoc check".
func checkCmd(
	ctx context.Context,
	args []string,
	stdin io.Reader,
	stdout, stderr io.Writer,
	getenv func(string) string,
) int {
	if getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(checkGCPercent))
	}
	cmd := newCommand(
		"check",
		"[flags] PLAN.json|INVENTORY|-",
		"Checks the EIP associations and ENI attachments of a Terraform plan against Alibaba Cloud's rules.",
		checkNotes,
	)
	fs := cmd.fs
	var (
		format = fs.String(
			"format",
			"text",
			"output `formats`: text, json, sarif, github, junit; comma-separated, each optionally =FILE (=- is "+
				"standard output)",
		)
		failOn = fs.String(
			"fail-on",
			"error",
			"exit 1 when a finding is at or above this `level`: error, warning, note, never",
		)
		unknown = fs.String("unknown", "warn", "what an undecided rule becomes: warn, fail or ignore")
		region  = fs.String("region", "", "`region` for every resource, overriding the provider's")
		tfDir   = fs.String(
			"tf-dir",
			"",
			"`directory` of the root module's .tf files: to evaluate references the plan keeps only in part, for "+
				"locations and inline waivers (default: the plan file's directory, when it holds .tf files)",
		)
		dhcp = fs.String(
			"instance-dhcp",
			"unknown",
			"whether the instances' OS has DHCP enabled, which multi-EIP-to-ENI needs and no plan or API says: "+
				"`enabled, disabled or unknown`",
		)
		repoRoot = fs.String(
			"repo-root",
			"",
			"`directory` that SARIF and GitHub annotations make paths relative to (default: the git repository's top "+
				"level)",
		)
		waiverFile = fs.String("waivers", "", "waiver `file` (YAML or JSON)")
		limitsFile = fs.String(
			"limits",
			"",
			"ENI limits table `file` (as \"eipassoc limits\" writes it) for instance types newer than the built-in "+
				"table of "+eni.LimitsDate,
		)
		inventory = fs.Bool("inventory", false, "the input is an inventory file (YAML or JSON), not a plan")
		behaviour = fs.String(
			"behaviour",
			"observed",
			"observed: an error only where the API refuses, and a NAT association on an attached ENI (which the "+
				"documentation forbids and the API accepts) a warning; or documented: that an error too",
		)
		multi = fs.Bool("multi-binded-allowed", false, "the account is allowlisted for multi-EIP-to-ENI mode")
		today = fs.String("today", "", "the `date` waivers expire against, YYYY-MM-DD (default: today)")
	)
	live := addLiveFlags(fs)
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	usage := func(format string, a ...any) int { return cmd.fail(stderr, format, a...) }
	if len(positional) != 1 {
		return usage("give one input file, or - for standard input")
	}
	outputs, err := report.ParseOutputs(*format)
	if err != nil {
		return usage("-format: %v", err)
	}
	min := check.Level(*failOn)
	if *failOn != "never" && min != check.LevelError && min != check.LevelWarning && min != check.LevelNote {
		return usage("-fail-on must be error, warning, note or never")
	}
	opts := check.Options{Unknown: check.UnknownPolicy(*unknown), Account: eipassoc.Account{MultiBindedAllowed: *multi}}
	if opts.InstanceDHCP, err = ecs.ParseDHCP(*dhcp); err != nil {
		return usage("-instance-dhcp must be enabled, disabled or unknown")
	}
	switch opts.Unknown {
	case check.UnknownWarn, check.UnknownFail, check.UnknownIgnore:
	default:
		return usage("-unknown must be warn, fail or ignore")
	}
	if opts.Behaviour, err = eipassoc.ParseBehaviour(*behaviour); err != nil {
		return usage("-behaviour must be documented or observed")
	}
	if *region != "" {
		if _, err := regions.Lookup(regions.ID(*region)); err != nil {
			return usage("-region: %q is not a known Alibaba Cloud region ID", *region)
		}
	}
	now := time.Now()
	if *today != "" {
		if now, err = time.Parse(time.DateOnly, *today); err != nil {
			return usage("-today must be YYYY-MM-DD")
		}
	}

	if *limitsFile != "" {
		f, err := os.Open(*limitsFile)
		if err != nil {
			return usage("-limits: %v", err)
		}
		opts.Limits, err = eni.ParseLimits(f)
		f.Close()
		if err != nil {
			return usage("-limits: %s: %v", *limitsFile, err)
		}
	}

	name := positional[0]
	sourceDir := *tfDir
	if sourceDir == "" && name != "-" {
		tf, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*.tf"))
		tfJSON, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*.tf.json"))
		if len(tf)+len(tfJSON) > 0 {
			sourceDir = filepath.Dir(name) // the common CI layout: the plan written in the root module
		}
	}
	in, closeIn, err := openInput(name, stdin)
	if err != nil {
		return usage("%v", err)
	}
	var m *check.Model
	if *inventory {
		m, err = check.LoadInventory(in, name)
	} else {
		// The sources are evaluated only when the plan alone leaves a rule undecided;
		// -live changes the model before Run, so it takes them at once.
		m, err = check.LoadPlan(in, name, check.PlanOptions{Region: regions.ID(*region), Getenv: getenv, SourceDir: sourceDir,
			SourcesOnDemand: !live.enabled()})
	}
	closeIn()
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
		return exitUsage
	}
	var waivers []check.Waiver
	if *waiverFile != "" {
		f, err := os.Open(*waiverFile)
		if err != nil {
			return usage("%v", err)
		}
		waivers, err = check.LoadWaivers(f, *waiverFile)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
			return exitUsage
		}
	}
	if live.enabled() {
		if err := live.enrich(ctx, m); err != nil {
			fmt.Fprintf(stderr, "eipassoc check: -live: %v\n", err)
			return exitAccount
		}
	}

	// Run first: it settles the model (with the sources' evaluation when the plan alone
	// leaves something open) and lets the decoded plan go before the sources are read
	// for locations and inline waivers.
	findings := check.Run(m, opts)
	var src *check.Sources
	if sourceDir != "" {
		if src, err = check.LoadSources(sourceDir, m.ModuleDirs); err != nil {
			fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
			return exitUsage
		}
	}
	findings = check.Apply(findings, src, waivers, now)
	root := repoRootFor(*repoRoot, sourceDir, name)
	relativizeFindings(findings, root, sourceDir)
	res := &report.Result{
		Version:  currentBuild().Version,
		Source:   relativeTo(root, ".", name),
		Findings: findings,
		RepoRoot: root,
	}
	res.Checked = m.Checked()
	if err := writeOutputs(outputs, res, stdout, getenv); err != nil {
		fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
		return exitUsage
	}
	if *failOn != "never" && check.Failed(findings, min) {
		return exitFindings
	}
	return exitOK
}

func openInput(name string, stdin io.Reader) (io.Reader, func(), error) {
	if name == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// writeOutputs writes every requested format; github also appends its step summary to
// $GITHUB_STEP_SUMMARY when that is set.
func writeOutputs(outputs []report.Output, res *report.Result, stdout io.Writer, getenv func(string) string) error {
	for _, o := range outputs {
		var summary io.Writer
		if o.Format == "github" {
			if p := getenv("GITHUB_STEP_SUMMARY"); p != "" {
				f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					return err
				}
				defer f.Close()
				summary = f
			}
		}
		w := stdout
		if o.Path != "" {
			f, err := os.Create(o.Path)
			if err != nil {
				return err
			}
			if err := report.Write(f, o.Format, res, summary); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			continue
		}
		if err := report.Write(w, o.Format, res, summary); err != nil {
			return err
		}
	}
	return nil
}
