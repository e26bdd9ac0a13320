package tfplan

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// Encode's promise: Decode reads back the plan Encode wrote, for any plan.
func TestEncodeDecodeRoundTrip(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := genPlan(t)
		var buf bytes.Buffer
		if err := Encode(&buf, p); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		got, err := Decode(bytes.NewReader(buf.Bytes()), genWant)
		if err != nil {
			t.Fatalf("Decode(Encode(p)): %v\n%s", err, buf.Bytes())
		}
		opts := cmp.Options{cmpopts.IgnoreUnexported(Plan{}), cmpopts.EquateEmpty()}
		if d := cmp.Diff(p, got, opts); d != "" {
			t.Fatalf("Decode(Encode(p)) differs (-p +got):\n%s\n%s", d, buf.Bytes())
		}
		var again bytes.Buffer
		if err := Encode(&again, got); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Fatalf("Encode is not deterministic: %v\n%s\n%s", err, buf.Bytes(), again.Bytes())
		}
	})
}

// An output's expression is read from a plan that Terraform 1.11.4 wrote: the module
// "net" of the alias-module oracle case has output ids = alicloud_ecs_network_interface.e.
func TestDecodeReadsOutputs(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../testdata/oracle/case-alias-module/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Decode(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := p.Config.Root.Calls["net"].Module.Outputs["ids"]
	if got == nil || !cmp.Equal(got.Refs, []string{"alicloud_ecs_network_interface.e"}) {
		t.Fatalf("output ids = %+v; want references [alicloud_ecs_network_interface.e]", got)
	}
}

// genWant are the attributes the generated plans' changes have.
var genWant = map[string][]string{
	"alicloud_eip_association": {"allocation_id", "id", "instance_id", "mode", "private_ip_address"},
	"alicloud_instance":        {"id", "instance_type", "network_interfaces"},
}

func genPlan(t *rapid.T) *Plan {
	p := &Plan{FormatVersion: rapid.SampledFrom([]string{"0.2", "1.0", "1.2"}).Draw(t, "version")}
	types := []string{"alicloud_eip_association", "alicloud_instance"}
	for i := range rapid.IntRange(0, 6).Draw(t, "changes") {
		typ := rapid.SampledFrom(types).Draw(t, "type")
		c := &Change{Address: typ + ".r" + strconv.Itoa(i), Type: typ, Name: "r" + strconv.Itoa(i),
			ModuleAddress: rapid.SampledFrom([]string{"", "module.a", `module.b["x"]`}).Draw(t, "module"),
			Actions: rapid.SampledFrom([][]string{{"create"}, {"update"}, {"delete", "create"}, {"delete"}}).Draw(t,
				"actions")}
		c.Before, c.After = genAttrs(t, typ, false), genAttrs(t, typ, false)
		c.Unknown = genAttrs(t, typ, true)
		p.Changes = append(p.Changes, c)
	}
	if p.Changes == nil {
		p.Changes = []*Change{}
	}
	if rapid.Bool().Draw(t, "config") {
		p.Config = &Config{Providers: map[string]*Provider{}, Root: genModule(t, 2)}
		for _, key := range rapid.SliceOfDistinct(rapid.SampledFrom([]string{"alicloud", "alicloud.west",
			"module.a:alicloud"}), rapid.ID[string]).Draw(t, "providers") {
			p.Config.Providers[key] = &Provider{ModuleAddress: "module.a", Region: genExpr(t, 0)}
		}
	}
	if rapid.Bool().Draw(t, "data") {
		p.Data = map[string]any{"data.alicloud_instance_types.t": map[string]any{"instance_types": []any{
			map[string]any{"id": "ecs.g7.large", "eni_quantity": 3.0}}}}
	}
	return p
}

func genAttrs(t *rapid.T, typ string, unknown bool) Attrs {
	var a Attrs
	for _, name := range genWant[typ] {
		if !rapid.Bool().Draw(t, "has "+name) {
			continue
		}
		if unknown {
			a.Set(name, true)
			continue
		}
		a.Set(name, genValue(t, 2))
	}
	return a
}

// genValue draws a non-null value of the shapes encoding/json decodes into an any.
func genValue(t *rapid.T, depth int) any {
	kind := rapid.IntRange(0, 4).Draw(t, "kind")
	if depth == 0 {
		kind %= 3
	}
	switch kind {
	case 0:
		return rapid.String().Draw(t, "string")
	case 1:
		return float64(rapid.Int32().Draw(t, "number")) / 4
	case 2:
		return rapid.Bool().Draw(t, "bool")
	case 3:
		var out []any
		for range rapid.IntRange(0, 3).Draw(t, "len") {
			out = append(out, genValue(t, depth-1))
		}
		return out
	}
	out := map[string]any{}
	for _, k := range rapid.SliceOfN(rapid.StringMatching(`[a-z_]{1,8}`), 0, 3).Draw(t, "keys") {
		out[k] = genValue(t, depth-1)
	}
	return out
}

func genExpr(t *rapid.T, depth int) *Expression {
	switch rapid.IntRange(0, 3).Draw(t, "expr") {
	case 0:
		return &Expression{IsConst: true, Constant: genValue(t, 1)}
	case 1:
		return &Expression{Refs: rapid.SliceOfN(rapid.StringMatching(`[a-z_.\[\]0-9]{1,20}`), 1, 3).Draw(t, "refs")}
	case 2:
		if depth > 0 {
			blocks := make([]map[string]*Expression, rapid.IntRange(0, 2).Draw(t, "blocks"))
			for i := range blocks {
				blocks[i] = map[string]*Expression{"network_interface_id": genExpr(t, depth-1)}
			}
			return &Expression{Blocks: blocks}
		}
	}
	return &Expression{}
}

func genModule(t *rapid.T, depth int) *Module {
	m := &Module{Resources: map[string]*Resource{}, Calls: map[string]*Call{}, Outputs: map[string]*Expression{}}
	for i := range rapid.IntRange(0, 3).Draw(t, "resources") {
		r := &Resource{Type: "alicloud_instance", Name: "r" + strconv.Itoa(i),
			ProviderKey: rapid.SampledFrom([]string{"", "alicloud", "alicloud.west"}).Draw(t, "provider"),
			Exprs:       map[string]*Expression{"instance_type": genExpr(t, 0), "network_interfaces": genExpr(t, 1)},
			DependsOn:   rapid.SliceOfN(rapid.SampledFrom([]string{"module.a", "alicloud_vpc.v"}), 0, 2).Draw(t, "deps")}
		if rapid.Bool().Draw(t, "count") {
			r.Count = genExpr(t, 0)
		} else if rapid.Bool().Draw(t, "for_each") {
			r.ForEach = genExpr(t, 0)
		}
		m.Resources[r.Type+"."+r.Name] = r
	}
	if depth > 0 {
		for _, name := range rapid.SliceOfN(rapid.SampledFrom([]string{"a", "b"}), 0, 2).Draw(t, "calls") {
			m.Calls[name] = &Call{Source: "./" + name, Exprs: map[string]*Expression{"cidr": genExpr(t, 0)},
				Module: genModule(t, depth-1)}
		}
	}
	for _, name := range rapid.SliceOfN(rapid.SampledFrom([]string{"ids", "eni"}), 0, 2).Draw(t, "outputs") {
		m.Outputs[name] = genExpr(t, 0)
	}
	return m
}
