package check_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
)

var (
	scalePlan = flag.String("scale-plan", "", "write a generated module-shaped plan to this file and exit the test")
	scaleSize = flag.Int(
		"scale-size",
		10000,
		"associations in the generated module-shaped plan (five per module instance)",
	)
)

// scaleDir is the real fixture the generated plans are made from; the generated plans
// are checked with its sources.
var scaleDir = filepath.Join("testdata", "scale")

var (
	stubID = regexp.MustCompile(`-stub[0-9a-f]{8}`)
	k0Key  = []byte(`[\"k0\"]`)
)

// writeScalePlan writes a plan in the shape terraform show -json wrote for
// testdata/scale (planned_values, resource_changes, prior_state, configuration), with
// instances module instances of module.edge instead of three: each is a copy of
// module.edge["k0"] with its key, the IDs and the addresses rewritten as the sources
// compute them (cidrsubnet("10.0.0.0/8", 16, index)), so the evaluation guards hold.
func writeScalePlan(w io.Writer, instances int) error {
	data, err := os.ReadFile(filepath.Join(scaleDir, "plan.json"))
	if err != nil {
		return err
	}
	var plan map[string]json.RawMessage
	if err := json.Unmarshal(data, &plan); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	keys := make([]string, instances)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d", i)
	}
	vars, _ := json.Marshal(map[string]any{"keys": map[string]any{"value": keys}})
	copies := func(raw json.RawMessage) error { return copyInstances(bw, raw, k0Key, instances, rewrite) }
	bw.WriteString(
		`{"format_version":` + string(plan["format_version"]) + `,"terraform_version":` + string(plan["terraform_version"]) + `,"variables":`,
	)
	bw.Write(vars)
	bw.WriteString(`,"planned_values":{"root_module":{"child_modules":`)
	if err := copies(childModules(plan["planned_values"], "root_module")); err != nil {
		return err
	}
	bw.WriteString(`}},"resource_changes":`)
	if err := copies(plan["resource_changes"]); err != nil {
		return err
	}
	bw.WriteString(
		`,"prior_state":{"format_version":"1.0","terraform_version":` + string(plan["terraform_version"]) + `,"values":{"root_module":{"child_modules":`,
	)
	if err := copies(childModules(plan["prior_state"], "values", "root_module")); err != nil {
		return err
	}
	bw.WriteString(`}}},"configuration":`)
	bw.Write(plan["configuration"])
	bw.WriteString(`,"applyable":true,"complete":true,"errored":false}`)
	return bw.Flush()
}

// copyInstances writes a JSON array of the elements of raw that contain marker (the
// elements of one module instance), once for each of n instances, each rewritten for
// its instance.
func copyInstances(
	bw *bufio.Writer,
	raw json.RawMessage,
	marker []byte,
	n int,
	rewrite func([]byte, int) []byte,
) error {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return err
	}
	bw.WriteByte('[')
	sep := ""
	for i := range n {
		for _, item := range items {
			if !bytes.Contains(item, marker) {
				continue
			}
			bw.WriteString(sep)
			sep = ","
			bw.Write(rewrite(item, i))
		}
	}
	bw.WriteByte(']')
	return nil
}

// childModules digs the child_modules array out of a state section.
func childModules(raw json.RawMessage, path ...string) json.RawMessage {
	for _, p := range path {
		var m map[string]json.RawMessage
		_ = json.Unmarshal(raw, &m)
		raw = m[p]
	}
	var m map[string]json.RawMessage
	_ = json.Unmarshal(raw, &m)
	return m["child_modules"]
}

// rewrite turns module.edge["k0"]'s JSON into instance i's.
func rewrite(item []byte, i int) []byte {
	s := string(item)
	s = strings.ReplaceAll(s, `[\"k0\"]`, fmt.Sprintf(`[\"k%d\"]`, i))
	s = strings.ReplaceAll(s, `"10.0.0.`, fmt.Sprintf(`"10.%d.%d.`, i>>8, i&255))
	s = stubID.ReplaceAllStringFunc(s, func(id string) string { return fmt.Sprintf("%s-%d", id, i) })
	return []byte(s)
}

// go test ./check -run TestWriteScalePlan -scale-plan /tmp/scale.json [-scale-size N]
func TestWriteScalePlan(t *testing.T) {
	t.Parallel()
	if *scalePlan == "" {
		t.Skip("pass -scale-plan FILE to write the generated plan")
	}
	f, err := os.Create(*scalePlan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeScalePlan(f, *scaleSize/5); err != nil {
		t.Fatal(err)
	}
}

// TestScalePlanIsDecided: a generated plan of 200 module instances is checked with its
// sources, and every association is decided and clean: the generator keeps the
// fixture's shape and the sources' values.
func TestScalePlanIsDecided(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := writeScalePlan(&buf, 200); err != nil {
		t.Fatal(err)
	}
	m, err := check.LoadPlan(
		&buf,
		"scale.json",
		check.PlanOptions{SourceDir: scaleDir, Getenv: func(string) string { return "" }},
	)
	if err != nil {
		t.Fatal(err)
	}
	fs := check.Run(m, check.Options{})
	s := check.Summarize(len(m.Checked()), fs)
	if s.Checked != 1000 || len(fs) != 0 || s.Unknown != 0 {
		t.Fatalf("%+v %v", s, brief(fs))
	}
}

// BenchmarkCheckScalePlan reads and checks a module-shaped plan of 10,000 associations
// (2,000 module instances) with its sources, evaluation included.
func BenchmarkCheckScalePlan(b *testing.B) {
	var buf bytes.Buffer
	if err := writeScalePlan(&buf, 2000); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := check.LoadPlan(
			bytes.NewReader(data),
			"scale.json",
			check.PlanOptions{SourceDir: scaleDir, Getenv: func(string) string { return "" }},
		)
		if err != nil {
			b.Fatal(err)
		}
		if fs := check.Run(m, check.Options{}); len(fs) != 0 {
			b.Fatalf("%d findings", len(fs))
		}
	}
}
