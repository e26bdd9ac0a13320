// Command actionrun runs the GitHub Action of this repository (action.yml, a composite
// action) as a runner would, on the step of a workflow that uses it, so that CI checks
// the Action and the README's workflow together without GitHub:
//
//	go run ./internal/actionrun -workflow README.md -workspace DIR
//
// It takes the first YAML block of the workflow file that has a step with
// "uses: eipassoc/eipassoc@...", and that step's "with:" inputs over action.yml's
// defaults. It runs each "shell: bash" step of action.yml in order, in the workspace, as
// GitHub's runner does (bash --noprofile --norc -eo pipefail), with ${{ inputs.X }} and
// ${{ steps.ID.outputs.X }} replaced in its env and run text, GITHUB_ACTION_PATH at the
// repository's root, GITHUB_WORKSPACE, RUNNER_TEMP and a GITHUB_OUTPUT file per step.
// A step that uses another action (the SARIF upload) needs GitHub, and is skipped with a
// line saying so. The environment passes through (EIPASSOC_RELEASES points the install
// script at a local release).
//
// It prints each step's outputs as "STEP.NAME=VALUE" and exits with the status of the
// first step that fails (as the job would), 0 when none does, 2 on a usage error.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An action is what actionrun reads of action.yml.
type action struct {
	Inputs map[string]struct {
		Default  string `yaml:"default"`
		Required bool   `yaml:"required"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

// A step is one step of a composite action.
type step struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Uses  string            `yaml:"uses"`
	Env   map[string]string `yaml:"env"`
}

var expression = regexp.MustCompile(`\$\{\{\s*(inputs\.([a-z0-9_-]+)|steps\.([a-z0-9_-]+)\.outputs\.([a-z0-9_-]+))\s*\}\}`)

func main() {
	root := flag.String("root", ".", "the repository's root, where action.yml is")
	workflow := flag.String("workflow", "README.md", "the file whose YAML block holds the workflow")
	workspace := flag.String("workspace", ".", "the workspace the steps run in")
	temp := flag.String("runner-temp", "", "RUNNER_TEMP, kept after the run (default: a directory removed after it)")
	flag.Parse()
	code, err := run(*root, *workflow, *workspace, *temp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "actionrun:", err)
	}
	os.Exit(code)
}

func run(root, workflow, workspace, temp string) (int, error) {
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		return 2, err
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		return 2, fmt.Errorf("action.yml: %w", err)
	}
	if a.Runs.Using != "composite" {
		return 2, fmt.Errorf("action.yml: runs.using is %q, not composite", a.Runs.Using)
	}
	with, err := workflowInputs(workflow)
	if err != nil {
		return 2, err
	}
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
		if v, ok := with[name]; ok {
			inputs[name] = v
		} else if in.Required {
			return 2, fmt.Errorf("%s: the workflow does not give the required input %q", workflow, name)
		}
	}
	for name := range with {
		if _, ok := a.Inputs[name]; !ok {
			return 2, fmt.Errorf("%s: input %q is not one action.yml declares", workflow, name)
		}
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return 2, err
	}
	if workspace, err = filepath.Abs(workspace); err != nil {
		return 2, err
	}
	if temp == "" {
		if temp, err = os.MkdirTemp("", "actionrun"); err != nil {
			return 2, err
		}
		defer os.RemoveAll(temp)
	}
	outputs := map[string]map[string]string{}
	for i, s := range a.Runs.Steps {
		name := expand(s.Name, inputs, outputs)
		if name == "" {
			name = fmt.Sprintf("step %d", i+1)
		}
		if s.Uses != "" {
			fmt.Printf("actionrun: skipped %q: it uses %s, which needs GitHub\n", name, s.Uses)
			continue
		}
		if s.Shell != "bash" {
			return 2, fmt.Errorf("action.yml: %s: shell %q; only bash steps are run", name, s.Shell)
		}
		outFile := filepath.Join(temp, fmt.Sprintf("output-%d", i))
		env := append(os.Environ(),
			"GITHUB_ACTION_PATH="+absRoot, "GITHUB_WORKSPACE="+workspace, "RUNNER_TEMP="+temp,
			"GITHUB_OUTPUT="+outFile)
		for k, v := range s.Env {
			env = append(env, k+"="+expand(v, inputs, outputs))
		}
		script := filepath.Join(temp, fmt.Sprintf("step-%d.sh", i))
		if err := os.WriteFile(script, []byte(expand(s.Run, inputs, outputs)), 0o644); err != nil {
			return 2, err
		}
		fmt.Printf("actionrun: %s\n", name)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = workspace, env, os.Stdout, os.Stderr
		runErr := cmd.Run()
		got, err := readOutputs(outFile)
		if err != nil {
			return 2, err
		}
		if s.ID != "" {
			outputs[s.ID] = got
		}
		for k, v := range got {
			fmt.Printf("%s.%s=%s\n", cmp.Or(s.ID, name), k, v)
		}
		var exit *exec.ExitError
		if errors.As(runErr, &exit) {
			fmt.Printf("actionrun: %q failed with status %d\n", name, exit.ExitCode())
			return exit.ExitCode(), nil
		}
		if runErr != nil {
			return 2, runErr
		}
	}
	return 0, nil
}

// expand replaces the expressions of s with the inputs and the earlier steps' outputs;
// an output not written expands to "", as on GitHub.
func expand(s string, inputs map[string]string, outputs map[string]map[string]string) string {
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		sub := expression.FindStringSubmatch(m)
		if sub[2] != "" {
			return inputs[sub[2]]
		}
		return outputs[sub[3]][sub[4]]
	})
}

// readOutputs reads a GITHUB_OUTPUT file of NAME=VALUE lines; a missing file is none.
func readOutputs(path string) (map[string]string, error) {
	out := map[string]string{}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			out[k] = v
		}
	}
	return out, sc.Err()
}

var yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// workflowInputs returns the "with:" inputs of the first step in file's YAML blocks
// that uses this repository's Action.
func workflowInputs(file string) (map[string]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	blocks := [][]byte{data}
	if strings.HasSuffix(file, ".md") {
		blocks = nil
		for _, m := range yamlBlock.FindAllSubmatch(data, -1) {
			blocks = append(blocks, m[1])
		}
	}
	for _, b := range blocks {
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string            `yaml:"uses"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(b, &wf); err != nil {
			continue // another YAML block (a GitLab job, say)
		}
		for _, job := range wf.Jobs {
			for _, s := range job.Steps {
				if strings.HasPrefix(s.Uses, "eipassoc/eipassoc@") {
					if s.With == nil {
						s.With = map[string]string{}
					}
					return s.With, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%s: no workflow step uses eipassoc/eipassoc@", file)
}
