package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/report"
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
// model, and CI runners are short of memory, not of CPU. At the nested shape's 2,000
// module instances (check/testdata/scale-nested) it takes the peak from 74-76 MB (GOGC
// 100) to 57-58 MB for 0.13-0.16 s more.
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
	var f checkFlags
	f.define(cmd.fs)
	live := addLiveFlags(cmd.fs)
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) != 1 {
		return cmd.fail(stderr, "give one input file, or - for standard input")
	}
	set, err := f.settings()
	if err != nil {
		return cmd.fail(stderr, "%v", err)
	}
	name := positional[0]
	sourceDir := f.sourceDir(name)
	m, err := loadModel(name, stdin, f.inventory, check.PlanOptions{Region: regions.ID(f.region), Getenv: getenv,
		SourceDir: sourceDir, SourcesOnDemand: !live.enabled()})
	if err != nil {
		if _, usage := err.(usageError); usage {
			return cmd.fail(stderr, "%v", err)
		}
		fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
		return exitUsage
	}
	waivers, err := f.waivers()
	if err != nil {
		if _, usage := err.(usageError); usage {
			return cmd.fail(stderr, "%v", err)
		}
		fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
		return exitUsage
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
	findings := check.Run(m, set.opts)
	var src *check.Sources
	if sourceDir != "" {
		if src, err = check.LoadSources(sourceDir, m.ModuleDirs); err != nil {
			fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
			return exitUsage
		}
	}
	findings = check.ApplyWaivers(findings, src, waivers, set.now)
	root := repoRootFor(f.repoRoot, sourceDir, name)
	relativizeFindings(findings, root, sourceDir)
	res := &report.Result{
		Version:  currentBuild().Version,
		Source:   relativeTo(root, ".", name),
		Findings: findings,
		RepoRoot: root,
	}
	res.Checked = m.Checked()
	if err := writeOutputs(set.outputs, res, stdout, getenv); err != nil {
		fmt.Fprintf(stderr, "eipassoc check: %v\n", err)
		return exitUsage
	}
	if f.failOn != "never" && check.Failed(findings, set.min) {
		return exitFindings
	}
	return exitOK
}

// loadModel reads the plan, or with inventory the inventory, named name ("-" for
// stdin).
func loadModel(name string, stdin io.Reader, inventory bool, opts check.PlanOptions) (*check.Model, error) {
	in, closeIn, err := openInput(name, stdin)
	if err != nil {
		return nil, usageError{err}
	}
	defer closeIn()
	if inventory {
		return check.LoadInventory(in, name)
	}
	// The sources are evaluated only when the plan alone leaves a rule undecided;
	// -live changes the model before Run, so it takes them at once.
	return check.LoadPlan(in, name, opts)
}

// A usageError is an error of the command line (a flag, a file it names), answered
// with a pointer to the command's help.
type usageError struct{ error }

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
