package check_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

var nestedPlan = flag.String(
	"nested-plan",
	"",
	"write a generated plan of the nested module shape with -nested-size sites to this file and exit the test",
)

var nestedSize = flag.Int("nested-size", 2000, "module instances (sites) of the generated nested plan")

// nestedDir is the Terraform-made fixture of the nested shape of issue 25: module
// "edge" for_each over a map(object) of three sites, its EIPs from the nested module
// "eip_pool", its addresses from locals; made with the stub provider.
var nestedDir = filepath.Join("testdata", "scale-nested")

// writeNestedPlan writes the plan Terraform writes for testdata/scale-nested with n
// sites in var.sites instead of three: site sI = { subnet = I, offset = 10 }, so its
// addresses are cidrhost(cidrsubnet("10.0.0.0/9", 15, I), 10 + i): 10.(I/256).(I%256).1x.
// Each module instance is a copy of module.edge["s0"] with its key and addresses;
// resource_changes lists the instances of module.edge first, then those of its nested
// eip_pool, as Terraform does. TestNestedPlanIsTerraforms checks it at n = 3.
func writeNestedPlan(w io.Writer, n int) error {
	data, err := os.ReadFile(filepath.Join(nestedDir, "plan.json"))
	if err != nil {
		return err
	}
	var plan map[string]json.RawMessage
	if err := json.Unmarshal(data, &plan); err != nil {
		return err
	}
	keys := instanceKeys("s", n) // site sI has subnet I
	subnet := func(key string) int {
		var i int
		fmt.Sscanf(key, "s%d", &i)
		return i
	}
	rewrite := func(item []byte, i int) []byte {
		s := string(item)
		s = strings.ReplaceAll(s, `[\"s0\"]`, `[\"`+keys[i]+`\"]`)
		I := subnet(keys[i])
		s = strings.ReplaceAll(s, `"10.0.0.1`, fmt.Sprintf(`"10.%d.%d.1`, I>>8, I&255))
		return []byte(s)
	}
	marker := []byte(`[\"s0\"]`)
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(
		`{"format_version":` + string(plan["format_version"]) + `,"terraform_version":` + string(plan["terraform_version"]),
	)
	bw.WriteString(`,"variables":{"sites":{"value":{`)
	for i, k := range keys {
		if i > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, `%q:{"offset":10,"subnet":%d}`, k, subnet(k))
	}
	var pv map[string]map[string]json.RawMessage
	if err := json.Unmarshal(plan["planned_values"], &pv); err != nil {
		return err
	}
	bw.WriteString(`}}},"planned_values":{"root_module":{"resources":`)
	bw.Write(pv["root_module"]["resources"])
	bw.WriteString(`,"child_modules":`)
	if err := copyInstances(bw, pv["root_module"]["child_modules"], marker, n, rewrite); err != nil {
		return err
	}
	bw.WriteString(`}},"resource_changes":`)
	var changes []json.RawMessage
	if err := json.Unmarshal(plan["resource_changes"], &changes); err != nil {
		return err
	}
	bw.WriteByte('[')
	sep := ""
	for _, c := range changes { // the root's resources
		if !bytes.Contains(c, []byte(`module.edge[`)) {
			bw.WriteString(sep)
			bw.Write(c)
			sep = ","
		}
	}
	for _, nested := range []bool{false, true} {
		for i := range n {
			for _, c := range changes {
				if bytes.Contains(c, marker) && bytes.Contains(c, []byte(`.module.eip_pool.`)) == nested {
					bw.WriteString(sep)
					bw.Write(rewrite(c, i))
					sep = ","
				}
			}
		}
	}
	bw.WriteString(`],"configuration":`)
	bw.Write(plan["configuration"])
	bw.WriteString(`,"relevant_attributes":[`)
	var relevant []json.RawMessage
	if err := json.Unmarshal(plan["relevant_attributes"], &relevant); err != nil {
		return err
	}
	sep = ""
	for _, r := range relevant {
		if !bytes.Contains(r, []byte(`module.edge[`)) {
			bw.WriteString(sep)
			bw.Write(r)
			sep = ","
		}
	}
	for i := range n {
		for _, r := range relevant {
			if bytes.Contains(r, marker) {
				bw.WriteString(sep)
				bw.Write(rewrite(r, i))
				sep = ","
			}
		}
	}
	bw.WriteString(`],"timestamp":` + string(plan["timestamp"]) + `,"applyable":true,"complete":true,"errored":false}`)
	return bw.Flush()
}

// TestNestedPlanIsTerraforms: asked for the fixture's three sites, the generator writes
// the plan Terraform wrote (relevant_attributes, in no fixed order, compared as a set).
// At 2,000 sites it was compared the same way with the plan Terraform 1.11.4 made of
// the fixture's sources with 2,000 sites (22 MB; no difference but the timestamp).
func TestNestedPlanIsTerraforms(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := writeNestedPlan(&buf, 3); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(nestedDir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decodeSortedRelevant(t, want), decodeSortedRelevant(t, buf.Bytes())); diff != "" {
		t.Errorf("generated plan differs from Terraform's (-terraform +generated):\n%s", diff)
	}
}

// decodeSortedRelevant decodes a plan with its relevant_attributes sorted.
func decodeSortedRelevant(t testing.TB, data []byte) map[string]any {
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	ra, _ := v["relevant_attributes"].([]any)
	slices.SortFunc(ra, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return v
}

// TestNestedPlanIsDecided: 300 sites checked with their sources, at once and on
// demand: all 1,500 associations decided and clean (each NAT EIP of the nested pool on
// its own private address of an ENI with six). Without sources the EIPs, which come
// through the nested module's output, stay undecided: every association is reported
// undecided, none dropped and none failed.
func TestNestedPlanIsDecided(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := writeNestedPlan(&buf, 300); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for _, onDemand := range []bool{false, true} {
		m, err := check.LoadPlan(bytes.NewReader(data), "nested.json", check.PlanOptions{SourceDir: nestedDir,
			Getenv: func(string) string { return "" }, SourcesOnDemand: onDemand})
		if err != nil {
			t.Fatal(err)
		}
		fs := check.Run(m, check.Options{})
		if s := check.Summarize(len(m.Checked()), fs); s.Checked != 1500 || len(fs) != 0 {
			t.Errorf("on demand %v: %+v %v", onDemand, s, brief(fs[:min(len(fs), 5)]))
		}
	}
	m, err := check.LoadPlan(bytes.NewReader(data), "nested.json", check.PlanOptions{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	fs := check.Run(m, check.Options{})
	if s := check.Summarize(len(m.Checked()), fs); s.Checked != 1500 || s.Unknown != 1500 || s.Errors != 0 {
		t.Errorf("without sources: %+v", s)
	}
}

// go test ./check -run TestWriteNestedPlan -nested-plan /tmp/nested.json [-nested-size N]
func TestWriteNestedPlan(t *testing.T) {
	t.Parallel()
	if *nestedPlan == "" {
		t.Skip("pass -nested-plan FILE to write the generated plan")
	}
	f, err := os.Create(*nestedPlan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeNestedPlan(f, *nestedSize); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCheckNested reads and checks the nested shape at 2,000 sites (10,000
// associations) with its sources, evaluated at once and on demand (as eipassoc check
// does), next to encoding/json decoding the same bytes into an any, and next to the
// part of a check that is not this package's code: hcl-alone hands HCL the expressions
// a check evaluates, with the variables it bound for each (recorded from one check),
// and decode+hcl adds reading the plan with tfplan.Decode.
func BenchmarkCheckNested(b *testing.B) {
	var buf bytes.Buffer
	if err := writeNestedPlan(&buf, 2000); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, onDemand := range []bool{false, true} {
		b.Run(fmt.Sprintf("on-demand=%v", onDemand), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				m, err := check.LoadPlan(bytes.NewReader(data), "nested.json", check.PlanOptions{SourceDir: nestedDir,
					Getenv: func(string) string { return "" }, SourcesOnDemand: onDemand})
				if err != nil {
					b.Fatal(err)
				}
				if fs := check.Run(m, check.Options{}); len(fs) != 0 {
					b.Fatalf("%d findings", len(fs))
				}
			}
		})
	}
	evals, err := check.Evaluations(data, nestedDir)
	if err != nil {
		b.Fatal(err)
	}
	replay := func(b *testing.B, evals []check.Evaluation) {
		for _, ev := range evals {
			if _, diags := ev.Expr.Value(&hcl.EvalContext{Variables: ev.Vars, Functions: ev.Funcs}); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	}
	hclAlone := func(b *testing.B) { replay(b, evals) }
	b.Run("hcl-alone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			hclAlone(b)
		}
		b.ReportMetric(float64(len(evals)), "evaluations/op")
	})
	// Each expression alone, by where it is in the sources: which of them the plan
	// needs (allocation_id and the output it indexes) and which the guards evaluate to
	// hold the sources to the plan (for_each, the locals and arguments it uses, each
	// value compared with the plan's).
	byPlace := map[string][]check.Evaluation{}
	for _, ev := range evals {
		r := ev.Expr.Range()
		place := fmt.Sprintf("%s:%d", strings.TrimPrefix(filepath.ToSlash(r.Filename), filepath.ToSlash(nestedDir)+"/"),
			r.Start.Line)
		byPlace[place] = append(byPlace[place], ev)
	}
	for _, place := range slices.Sorted(maps.Keys(byPlace)) {
		b.Run("hcl/"+place, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				replay(b, byPlace[place])
			}
			b.ReportMetric(float64(len(byPlace[place])), "evaluations/op")
		})
	}
	b.Run("decode+hcl", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := tfplan.Decode(bytes.NewReader(data), check.InterestingAttrs); err != nil {
				b.Fatal(err)
			}
			hclAlone(b)
		}
	})
	b.Run("decode-any", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var v any
			if err := json.NewDecoder(bytes.NewReader(data)).Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
