package lint_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
)

// TFLintVersion is the tflint the integration tests run.
const TFLintVersion = "v0.64.0"

// tflintPath returns a tflint binary: $EIPASSOC_TFLINT, or tflint TFLintVersion built
// with go install into the user's cache (.ci/run builds it there first, so that the
// build does not count against the test's time).
func tflintPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("EIPASSOC_TFLINT"); p != "" {
		return p
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cache, "eipassoc", "tflint-"+TFLintVersion)
	path := filepath.Join(bin, "tflint")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	cmd := exec.Command("go", "install", "github.com/terraform-linters/tflint@"+TFLintVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install tflint: %v\n%s", err, out)
	}
	return path
}

var (
	pluginOnce sync.Once
	pluginDir  string
	pluginErr  error
)

// buildPlugin builds cmd/tflint-ruleset-eipassoc into a plugin directory, once.
func buildPlugin(t *testing.T) string {
	t.Helper()
	pluginOnce.Do(func() {
		pluginDir, pluginErr = os.MkdirTemp("", "eipassoc-tflint-plugins")
		if pluginErr != nil {
			return
		}
		plugin := filepath.Join(pluginDir, "tflint-ruleset-eipassoc")
		out, err := exec.Command("go", "build", "-o", plugin, "../cmd/tflint-ruleset-eipassoc").
			CombinedOutput()
		if err != nil {
			pluginErr = errors.New(err.Error() + "\n" + string(out))
		}
	})
	if pluginErr != nil {
		t.Fatal(pluginErr)
	}
	return pluginDir
}

// tflintReport is the part of tflint's JSON output the tests read.
type tflintReport struct {
	Issues []struct {
		Rule struct {
			Name     string `json:"name"`
			Severity string `json:"severity"`
		} `json:"rule"`
		Message string `json:"message"`
		Range   struct {
			Filename string `json:"filename"`
			Start    struct {
				Line int `json:"line"`
			} `json:"start"`
		} `json:"range"`
	} `json:"issues"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// runTFLint runs the real tflint with this repository's plugin in dir, with the
// configuration testdata/tflint/tflint.hcl and the given format, and returns its output.
func runTFLint(t *testing.T, dir, format string) []byte {
	t.Helper()
	return runTFLintEnv(t, dir, format)
}

// runTFLintEnv is runTFLint with more environment variables (KEY=VALUE).
func runTFLintEnv(t *testing.T, dir, format string, env ...string) []byte {
	t.Helper()
	return runTFLintConfig(t, dir, "testdata/tflint/tflint.hcl", format, env...)
}

// runTFLintConfig is runTFLintEnv with another configuration file.
func runTFLintConfig(t *testing.T, dir, config, format string, env ...string) []byte {
	t.Helper()
	config, err := filepath.Abs(config)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tflintPath(t), "--config", config, "--format", format)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "TFLINT_PLUGIN_DIR="+buildPlugin(t), "HOME="+t.TempDir()), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 2) { // 2: issues found
		t.Fatalf("tflint in %s: %v\n%s%s", dir, err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes()
}

// wantsIn reads the "# want:" comments of every .tf file directly in dir.
func wantsIn(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	var out []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wants(string(src)) {
			out = append(out, w.rule+"@"+filepath.Base(f)+":"+strconv.Itoa(w.line))
		}
	}
	slices.Sort(out)
	return out
}

// TestRealTFLint runs tflint TFLintVersion with the plugin on each configuration of
// testdata/tflint and on the examples of the official terraform-alicloud-eip module: the
// issues must be those the fixtures' comments name, at their lines (in the root
// module's files: tflint reports an issue in a called module at the caller's argument),
// and nothing else; tflint must report no error.
func TestRealTFLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tflint and the plugin")
	}
	dirs, _ := filepath.Glob("testdata/tflint/*")
	examples, _ := filepath.Glob("../testdata/official/terraform-alicloud-eip/examples/*")
	for _, dir := range append(dirs, examples...) {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		t.Run(dir, func(t *testing.T) {
			var report tflintReport
			if err := json.Unmarshal(runTFLint(t, dir, "json"), &report); err != nil {
				t.Fatal(err)
			}
			for _, e := range report.Errors {
				t.Errorf("tflint error: %s", e.Message)
			}
			var got []string
			for _, is := range report.Issues {
				got = append(got, is.Rule.Name+"@"+filepath.Base(is.Range.Filename)+":"+strconv.Itoa(is.Range.Start.Line))
				if is.Rule.Severity != "error" {
					t.Errorf("%s: severity %s", is.Rule.Name, is.Rule.Severity)
				}
			}
			slices.Sort(got)
			if want := wantsIn(t, dir); !slices.Equal(got, want) {
				t.Errorf("issues:\n got %v\nwant %v", got, want)
			}
		})
	}
}

// TestRealTFLintSARIF checks the SARIF tflint writes for the broken variant of the
// official module's example: the rule's code and the line of the module call's argument.
func TestRealTFLintSARIF(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tflint and the plugin")
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name string `json:"name"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(runTFLint(t, "testdata/tflint/official-eip-bad", "sarif"), &sarif); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, run := range sarif.Runs {
		for _, r := range run.Results {
			for _, l := range r.Locations {
				got = append(got, r.RuleID+"/"+r.Level+"@"+strconv.Itoa(l.PhysicalLocation.Region.StartLine))
			}
		}
	}
	if want := []string{"private-ip-in-use/error@19"}; !slices.Equal(got, want) {
		t.Errorf("SARIF results %v, want %v", got, want)
	}
}
