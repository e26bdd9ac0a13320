// Command tfcoverage applies, with the real alicloud provider, one block per argument
// of the provider's networking resources and data sources against "eipassoc serve",
// and records what happened to each in internal/coverage/testdata/results.tsv:
//
//	go run ./tools/tfcoverage -provider /dir/with/terraform-provider-alicloud
//
// For each type: apply (stage 1), plan (must show no change), apply the update values
// (stage 2), plan again, destroy. The provider cannot be downloaded here; build it from
// source (tools/tfrecord/record.sh says how). Terraform must be on the PATH. The
// arguments and their values are internal/coverage/arguments.txt; a run of some types
// (-types) replaces only their rows.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/eipassoc/eipassoc/internal/coverage"
)

func main() {
	provider := flag.String("provider", "", "directory holding terraform-provider-alicloud (v1.277.0)")
	types := flag.String("types", "", "comma-separated types to run (default: all)")
	out := flag.String("out", "internal/coverage/testdata/results.tsv", "results file to update")
	port := flag.Int("port", 18990, "port of the server")
	keep := flag.Bool("keep", false, "keep the work directory")
	flag.Parse()
	if *provider == "" {
		log.Fatal("tfcoverage: -provider is required")
	}
	if err := run(*provider, *types, *out, *port, *keep); err != nil {
		log.Fatal(err)
	}
}

func run(provider, types, out string, port int, keep bool) error {
	provider, err := filepath.Abs(provider)
	if err != nil {
		return err
	}
	entries, err := coverage.Entries()
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "tfcoverage")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(work)
	} else {
		log.Printf("work directory: %s", work)
	}
	bin := filepath.Join(work, "eipassoc")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/eipassoc").CombinedOutput(); err != nil {
		return fmt.Errorf("building eipassoc: %v\n%s", err, out)
	}
	rc := filepath.Join(work, "terraformrc")
	if err := os.WriteFile(rc, []byte("provider_installation {\n  dev_overrides {\n    \"aliyun/alicloud\" = \""+
		provider+"\"\n  }\n  direct {}\n}\n"), 0o644); err != nil {
		return err
	}
	previous := map[string]coverage.Result{}
	if text, err := os.ReadFile(out); err == nil {
		rs, err := coverage.ParseResults(string(text))
		if err != nil {
			return err
		}
		for _, r := range rs {
			previous[r.Key] = r
		}
	}
	var wanted []string
	if types != "" {
		wanted = strings.Split(types, ",")
	}
	for _, group := range coverage.ByType(entries) {
		if wanted != nil && !slices.Contains(wanted, group[0].Type) {
			continue
		}
		dir := filepath.Join(work, string(group[0].Kind)+"-"+group[0].Type)
		start := time.Now()
		results, err := runType(bin, rc, dir, port, group)
		if err != nil {
			return fmt.Errorf("%s %s: %w", group[0].Kind, group[0].Type, err)
		}
		passed := 0
		for _, r := range results {
			previous[r.Key] = r
			if r.Passed() {
				passed++
			}
		}
		log.Printf("%s %s: %d of %d passed (%s)", group[0].Kind, group[0].Type, passed, len(results),
			time.Since(start).Round(time.Second))
		var all []coverage.Result // written after each type, so that a long run shows its progress
		for _, r := range previous {
			all = append(all, r)
		}
		if err := os.WriteFile(out, []byte(coverage.FormatResults(all)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// A typeRun is the run of one type's configuration.
type typeRun struct {
	dir, endpoint string
	env           []string
	results       map[string]*coverage.Result // by block name
	entries       []coverage.Entry
}

func runType(bin, rc, dir string, port int, group []coverage.Entry) ([]coverage.Result, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ca := filepath.Join(dir, "ca.pem")
	addr := "127.0.0.1:" + strconv.Itoa(port)
	serve := exec.Command(bin, "serve", "-addr", addr, "-access-key", "tf:tf-secret", "-multi-binded-allowed",
		"-behaviour", "observed", "-eip-quota", "200", "-topology", "tools/tfcoverage/topology.json", "-tls-self-signed", ca,
		"-record", filepath.Join(dir, "calls.jsonl"))
	logFile, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	serve.Stderr = logFile
	if err := serve.Start(); err != nil {
		return nil, err
	}
	defer func() { _ = serve.Process.Kill(); _ = serve.Wait() }()
	if err := waitReady(ca); err != nil {
		return nil, err
	}
	t := &typeRun{dir: dir, endpoint: addr, entries: group, results: map[string]*coverage.Result{},
		env: append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "SSL_CERT_FILE="+ca, "TF_IN_AUTOMATION=1")}
	for _, e := range group {
		t.results[coverage.BlockName(e)] = &coverage.Result{Key: e.Key(), Apply: coverage.Skipped,
			Replan: coverage.Skipped, Update: coverage.Skipped, Replan2: coverage.Skipped, Gone: coverage.Skipped}
	}
	return t.steps()
}

func waitReady(ca string) error {
	for range 100 {
		if _, err := os.Stat(ca); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("the server did not start")
}

// steps runs apply, plan, update, plan and destroy, and returns the results by entry.
func (t *typeRun) steps() ([]coverage.Result, error) {
	active := t.entries
	// Apply, taking out blocks whose plan fails (a plan stops at its first bad block),
	// and again without the blocks that hung (an interrupted apply starts no more).
	for attempt := 0; ; attempt++ {
		if err := t.write(active, 1); err != nil {
			return nil, err
		}
		msgs, err := t.terraform("apply", "-auto-approve", "-var", "stage=1")
		if err != nil && !applyStarted(msgs) && attempt < 20 {
			bad := t.blame(msgs, active, func(r *coverage.Result, d tfjson.Diagnostic) {
				r.Apply, r.Error = coverage.Failed, describe(d)
			})
			if len(bad) == 0 {
				return nil, fmt.Errorf("apply failed before it started: %v", err)
			}
			active = slices.DeleteFunc(slices.Clone(active), func(e coverage.Entry) bool {
				return bad[coverage.BlockName(e)]
			})
			continue
		}
		bad := t.blame(msgs, active, func(r *coverage.Result, d tfjson.Diagnostic) {
			if r.Error == "" {
				r.Error = describe(d)
			}
		})
		if !slices.ContainsFunc(msgs, func(m message) bool {
			return m.Diagnostic != nil && m.Diagnostic.Summary == "hung"
		}) || attempt >= 20 {
			break
		}
		active = slices.DeleteFunc(slices.Clone(active), func(e coverage.Entry) bool {
			return bad[coverage.BlockName(e)]
		})
	}
	inState, err := t.state()
	if err != nil {
		return nil, err
	}
	var applied []coverage.Entry
	for _, e := range t.entries {
		r := t.results[coverage.BlockName(e)]
		if inState[coverage.Address(e)] && r.Error == "" {
			r.Apply = coverage.OK
			applied = append(applied, e)
		} else {
			r.Apply = coverage.Failed
			if r.Error == "" {
				r.Error = "not in the state after the apply, which reported nothing on it"
			}
		}
	}
	// Plan: no change wanted. The failed blocks are left out of the configuration
	// from here on (a tainted one is destroyed by the plan, not counted).
	if err := t.write(applied, 1); err != nil {
		return nil, err
	}
	if err := t.plan(applied, 1, func(r *coverage.Result, o coverage.Outcome) { r.Replan = o }); err != nil {
		return nil, err
	}
	var updated []coverage.Entry
	for _, e := range applied {
		if e.Update != "" {
			updated = append(updated, e)
		}
	}
	if len(updated) > 0 {
		if err := t.write(applied, 2); err != nil {
			return nil, err
		}
		msgs, _ := t.terraform("apply", "-auto-approve", "-var", "stage=2")
		failed := t.errored(msgs)
		t.blame(msgs, applied, func(r *coverage.Result, d tfjson.Diagnostic) {
			if r.Error == "" {
				r.Error = describe(d)
			}
		})
		for _, e := range updated {
			r := t.results[coverage.BlockName(e)]
			r.Update = coverage.OK
			if failed[coverage.BlockName(e)] {
				r.Update = coverage.Failed
			}
		}
		if err := t.plan(applied, 2, func(r *coverage.Result, o coverage.Outcome) { r.Replan2 = o }); err != nil {
			return nil, err
		}
	}
	msgs, err := t.terraform("destroy", "-auto-approve", "-var", "stage=2")
	failed := t.errored(msgs)
	for _, e := range applied {
		r := t.results[coverage.BlockName(e)]
		r.Gone = coverage.OK
		if failed[coverage.BlockName(e)] || (err != nil && len(failed) == 0) {
			r.Gone = coverage.Failed
			if r.Error == "" {
				r.Error = "destroy: " + firstError(msgs)
			}
		}
	}
	var out []coverage.Result
	for _, e := range t.entries {
		out = append(out, *t.results[coverage.BlockName(e)])
	}
	return out, nil
}

// plan runs a plan at the stage and reports, for each applied entry, whether its
// blocks change.
func (t *typeRun) plan(applied []coverage.Entry, stage int, set func(*coverage.Result, coverage.Outcome)) error {
	msgs, err := t.terraform("plan", "-out=stage.plan", "-var", "stage="+strconv.Itoa(stage))
	if err != nil && len(msgs) == 0 {
		return err
	}
	changed := map[string]bool{}
	for _, m := range msgs {
		if m.Type == "planned_change" && m.Change.Action != "noop" && m.Change.Action != "read" {
			changed[blockOf(m.Change.Resource.Addr)] = true
		}
	}
	if err == nil {
		diffs, err := t.diffs("stage.plan")
		if err != nil {
			return err
		}
		for name, diff := range diffs {
			if r, ok := t.results[name]; ok && r.Error == "" {
				r.Error = fmt.Sprintf("plan %d: %s", stage, diff)
			}
		}
	}
	t.blame(msgs, applied, func(r *coverage.Result, d tfjson.Diagnostic) {
		if r.Error == "" {
			r.Error = "plan: " + describe(d)
		}
		changed[r.Key] = true
	})
	for _, e := range applied {
		r := t.results[coverage.BlockName(e)]
		set(r, coverage.Clean)
		if changed[coverage.BlockName(e)] || changed[r.Key] {
			set(r, coverage.Changes)
		}
	}
	return nil
}

// diffs returns, by block, the attributes a saved plan changes, with their values
// before and after.
func (t *typeRun) diffs(planFile string) (map[string]string, error) {
	cmd := exec.Command("terraform", "show", "-json", planFile)
	cmd.Dir, cmd.Env = t.dir, t.env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("terraform show: %v", err)
	}
	var plan tfjson.Plan
	if err := json.Unmarshal(out, &plan); err != nil {
		return nil, err
	}
	diffs := map[string]string{}
	for _, rc := range plan.ResourceChanges {
		if rc.Change == nil || rc.Change.Actions.NoOp() || rc.Change.Actions.Read() {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(after)) {
			b, _ := json.Marshal(before[k])
			a, _ := json.Marshal(after[k])
			if unknown[k] == true {
				a = []byte("(known after apply)")
			}
			if !bytes.Equal(a, b) {
				parts = append(parts, fmt.Sprintf("%s %s -> %s", k, b, a))
			}
		}
		diffs[blockOf(rc.Address)] = fmt.Sprintf("%v %s", rc.Change.Actions, strings.Join(parts, ", "))
	}
	return diffs, nil
}

// write writes main.tf for the entries at the stage.
func (t *typeRun) write(entries []coverage.Entry, stage int) error {
	config, err := coverage.Config(entries, stage)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(t.dir, "main.tf"), []byte(config), 0o644)
}

// A message is one line of Terraform's machine-readable output, the parts read here.
type message struct {
	Type       string             `json:"type"`
	Diagnostic *tfjson.Diagnostic `json:"diagnostic"`
	Hook       struct {
		Resource ref    `json:"resource"`
		Action   string `json:"action"`
	} `json:"hook"`
	Change struct {
		Resource ref    `json:"resource"`
		Action   string `json:"action"`
	} `json:"change"`
}

type ref struct {
	Addr string `json:"addr"`
}

// stepTimeout bounds one Terraform command: a block whose apply waits longer (the
// provider polling for a state the emulator never reaches) is reported as hung.
const stepTimeout = 4 * time.Minute

// terraform runs a Terraform command with -json and returns its messages. Its output
// goes to COMMAND.log as it comes. A command that runs out of time is interrupted (as
// Ctrl-C does, so that Terraform saves its state), and the blocks still being applied
// get an apply_errored message of their own making.
func (t *typeRun) terraform(args ...string) ([]message, error) {
	args = append(args, "-json", "-input=false", "-no-color", "-var", "endpoint="+t.endpoint)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "terraform", args...)
	cmd.Dir, cmd.Env = t.dir, t.env
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = time.Minute
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	logFile, err := os.Create(filepath.Join(t.dir, args[0]+".log"))
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	var stdout bytes.Buffer
	cmd.Stdout = io.MultiWriter(&stdout, logFile)
	err = cmd.Run()
	var msgs []message
	sc := bufio.NewScanner(bytes.NewReader(stdout.Bytes()))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var m message
		if json.Unmarshal(sc.Bytes(), &m) == nil {
			msgs = append(msgs, m)
		}
	}
	if ctx.Err() != nil {
		msgs = append(msgs, hung(msgs)...)
	}
	if err != nil {
		return msgs, fmt.Errorf("terraform %s: %v: %s", args[0], err, stderr.String())
	}
	return msgs, nil
}

// hung returns an apply_errored message, with a diagnostic, for each block that
// started to apply and neither completed nor failed.
func hung(msgs []message) []message {
	open := map[string]bool{}
	for _, m := range msgs {
		switch m.Type {
		case "apply_start":
			open[m.Hook.Resource.Addr] = true
		case "apply_complete", "apply_errored":
			delete(open, m.Hook.Resource.Addr)
		}
	}
	var out []message
	for _, addr := range slices.Sorted(maps.Keys(open)) {
		m := message{Type: "apply_errored", Diagnostic: &tfjson.Diagnostic{Severity: tfjson.DiagnosticSeverityError,
			Address: addr, Summary: "hung", Detail: "still applying after " + stepTimeout.String()}}
		m.Hook.Resource.Addr = addr
		out = append(out, m)
	}
	return out
}

// state returns the addresses in Terraform's state.
func (t *typeRun) state() (map[string]bool, error) {
	cmd := exec.Command("terraform", "show", "-json")
	cmd.Dir, cmd.Env = t.dir, t.env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("terraform show: %v", err)
	}
	var st tfjson.State
	if err := json.Unmarshal(out, &st); err != nil {
		return nil, err
	}
	in := map[string]bool{}
	if st.Values != nil && st.Values.RootModule != nil {
		for _, r := range st.Values.RootModule.Resources {
			in[r.Address] = true
		}
	}
	return in, nil
}

// blame calls on for each error diagnostic that falls on one of the entries' blocks
// (by its address, or by the line it points at), and returns the blocks it fell on.
func (t *typeRun) blame(msgs []message, entries []coverage.Entry, on func(*coverage.Result, tfjson.Diagnostic)) map[string]bool {
	config, _ := os.ReadFile(filepath.Join(t.dir, "main.tf"))
	lines := strings.Split(string(config), "\n")
	bad := map[string]bool{}
	for _, m := range msgs {
		d := m.Diagnostic
		if d == nil || d.Severity != tfjson.DiagnosticSeverityError {
			continue
		}
		name := blockOf(d.Address)
		if name == "" && d.Range != nil {
			name = blockAtLine(lines, d.Range.Start.Line)
		}
		r, ok := t.results[name]
		if !ok || !slices.ContainsFunc(entries, func(e coverage.Entry) bool { return coverage.BlockName(e) == name }) {
			continue
		}
		on(r, *d)
		bad[name] = true
	}
	return bad
}

// errored returns the blocks of the apply_errored messages.
func (t *typeRun) errored(msgs []message) map[string]bool {
	out := map[string]bool{}
	for _, m := range msgs {
		if m.Type == "apply_errored" {
			out[blockOf(m.Hook.Resource.Addr)] = true
		}
	}
	return out
}

// applyStarted says whether an apply got past its plan: a data source read during the
// plan reports apply_start too, with the action read.
func applyStarted(msgs []message) bool {
	return slices.ContainsFunc(msgs, func(m message) bool {
		return (m.Type == "apply_start" || m.Type == "apply_errored") && m.Hook.Action != "read"
	})
}

// ansi matches the color codes the provider's messages carry.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// apiError matches the code and message of an API error in a provider's diagnostic.
var apiError = regexp.MustCompile(`(?s)Code: (\S+)\s+Message: (?:code: \d+, )?(.*?)(?: request id:|\n|$)`)

// describe returns a diagnostic as a short line: the API's code and message when it
// holds an API error, else its summary and detail.
func describe(d tfjson.Diagnostic) string {
	text := ansi.ReplaceAllString(d.Summary+": "+d.Detail, "")
	if m := apiError.FindStringSubmatch(text); m != nil {
		return m[1] + ": " + strings.TrimSpace(m[2])
	}
	return text
}

// firstError returns the first error a command reported, as describe gives it.
func firstError(msgs []message) string {
	for _, m := range msgs {
		if m.Diagnostic != nil && m.Diagnostic.Severity == tfjson.DiagnosticSeverityError {
			return describe(*m.Diagnostic)
		}
	}
	return "failed"
}

var instanceKey = regexp.MustCompile(`\[[^\]]*\]$`)

// blockOf returns the name of the block of an address ("alicloud_vpc.a_x[0]" -> a_x).
func blockOf(addr string) string {
	addr = instanceKey.ReplaceAllString(addr, "")
	if i := strings.LastIndex(addr, "."); i >= 0 {
		return addr[i+1:]
	}
	return ""
}

var blockHeader = regexp.MustCompile(`^(?:resource|data) "[^"]+" "([^"]+)"`)

// blockAtLine returns the name of the block that holds line n (1-based).
func blockAtLine(lines []string, n int) string {
	for i := min(n, len(lines)) - 1; i >= 0; i-- {
		if m := blockHeader.FindStringSubmatch(lines[i]); m != nil {
			return m[1]
		}
	}
	return ""
}
