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
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/check"
	"github.com/google/go-cmp/cmp"
)

var mapPlan = flag.String(
	"map-plan",
	"",
	"write a generated module for_each plan of -map-size module instances to this file and exit the test",
)

var mapSize = flag.Int(
	"map-size",
	2000,
	"module instances of the generated module for_each plan (five associations each)",
)

// mapDir is the Terraform-made fixture of the module for_each shape: module "eni_nat"
// for_each over a map variable of three keys, made with the real provider.
var mapDir = filepath.Join("testdata", "scale-map")

// instanceKeys are the keys prefix0 to prefix(n-1) of a generated plan's module
// instances, in the order Terraform writes them (sorted as strings).
func instanceKeys(prefix string, n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = prefix + strconv.Itoa(i)
	}
	slices.Sort(keys)
	return keys
}

// writeMapPlan writes the plan Terraform writes for testdata/scale-map with n keys in
// var.groups instead of three: key gI has subnet I mod 250, and each module instance
// is a copy of module.eni_nat["g0"] with its key, its name and its addresses as the
// sources compute them (cidrhost(cidrsubnet("10.0.0.0/8", 16, subnet), 10 + i)).
// TestMapPlanIsTerraforms checks that with n = 3 it writes what Terraform wrote.
func writeMapPlan(w io.Writer, n int) error {
	data, err := os.ReadFile(filepath.Join(mapDir, "plan.json"))
	if err != nil {
		return err
	}
	var plan map[string]json.RawMessage
	if err := json.Unmarshal(data, &plan); err != nil {
		return err
	}
	keys := instanceKeys("g", n)
	subnet := func(key string) int {
		var i int
		fmt.Sscanf(key, "g%d", &i)
		return i % 250
	}
	rewrite := func(item []byte, i int) []byte {
		s := string(item)
		s = strings.ReplaceAll(s, `[\"g0\"]`, `[\"`+keys[i]+`\"]`)
		s = strings.ReplaceAll(s, `"g0"`, `"`+keys[i]+`"`)
		s = strings.ReplaceAll(s, `"g0-`, `"`+keys[i]+`-`)
		s = strings.ReplaceAll(s, `"10.0.0.1`, fmt.Sprintf(`"10.0.%d.1`, subnet(keys[i])))
		return []byte(s)
	}
	marker := []byte(`[\"g0\"]`)
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(
		`{"format_version":` + string(plan["format_version"]) + `,"terraform_version":` + string(plan["terraform_version"]),
	)
	bw.WriteString(`,"variables":{"groups":{"value":{`)
	for i, k := range keys {
		if i > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, `%q:{"subnet":%d}`, k, subnet(k))
	}
	bw.WriteString(`}}},"planned_values":{"root_module":{"child_modules":`)
	if err := copyInstances(bw, childModules(plan["planned_values"], "root_module"), marker, n, rewrite); err != nil {
		return err
	}
	bw.WriteString(`}},"resource_changes":`)
	if err := copyInstances(bw, plan["resource_changes"], marker, n, rewrite); err != nil {
		return err
	}
	bw.WriteString(`,"configuration":`)
	bw.Write(plan["configuration"])
	bw.WriteString(`,"relevant_attributes":`)
	if err := copyInstances(bw, plan["relevant_attributes"], marker, n, rewrite); err != nil {
		return err
	}
	bw.WriteString(`,"timestamp":` + string(plan["timestamp"]) + `,"applyable":true,"complete":true,"errored":false}`)
	return bw.Flush()
}

// TestMapPlanIsTerraforms: the generator, asked for the fixture's three keys, writes
// the plan Terraform wrote (relevant_attributes, which Terraform writes in no fixed
// order, compared as a set), so the plans it writes at thousands of keys are the ones
// Terraform would write.
func TestMapPlanIsTerraforms(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := writeMapPlan(&buf, 3); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(mapDir, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decodeSortedRelevant(t, want), decodeSortedRelevant(t, buf.Bytes())); diff != "" {
		t.Errorf("generated plan differs from Terraform's (-terraform +generated):\n%s", diff)
	}
}

// TestMapPlanIsDecided: 300 module instances, checked with their sources: all 1,500
// associations decided and clean (each NAT EIP on its own private address of an ENI
// with five); without sources the private addresses are still the plan's, so the same.
func TestMapPlanIsDecided(t *testing.T) {
	t.Parallel()
	for _, sources := range []string{mapDir, ""} {
		var buf bytes.Buffer
		if err := writeMapPlan(&buf, 300); err != nil {
			t.Fatal(err)
		}
		m, err := check.LoadPlan(
			&buf,
			"map.json",
			check.PlanOptions{SourceDir: sources, Getenv: func(string) string { return "" }},
		)
		if err != nil {
			t.Fatal(err)
		}
		fs := check.Run(m, check.Options{})
		if s := check.Summarize(len(m.Checked()), fs); s.Checked != 1500 || len(fs) != 0 {
			t.Errorf("sources %q: %+v %v", sources, s, brief(fs))
		}
	}
}

// go test ./check -run TestWriteMapPlan -map-plan /tmp/map.json [-map-size N]
func TestWriteMapPlan(t *testing.T) {
	t.Parallel()
	if *mapPlan == "" {
		t.Skip("pass -map-plan FILE to write the generated plan")
	}
	f, err := os.Create(*mapPlan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeMapPlan(f, *mapSize); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCheckModuleForEach reads and checks the module for_each shape at 2,000 and
// 10,000 module instances (10,000 and 50,000 associations) with its sources, evaluated
// at once and on demand (as eipassoc check does); compare with BenchmarkDecodeAny on
// the same bytes.
func BenchmarkCheckModuleForEach(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		data := mapPlanBytes(b, n)
		for _, onDemand := range []bool{false, true} {
			b.Run(fmt.Sprintf("%d/on-demand=%v", n, onDemand), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					m, err := check.LoadPlan(bytes.NewReader(data), "map.json", check.PlanOptions{SourceDir: mapDir,
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
	}
}

// BenchmarkDecodeAny is the baseline: encoding/json decoding the same plans into an any.
func BenchmarkDecodeAny(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		data := mapPlanBytes(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
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
}

func mapPlanBytes(b *testing.B, n int) []byte {
	var buf bytes.Buffer
	if err := writeMapPlan(&buf, n); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
