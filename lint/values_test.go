package lint

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	"pgregory.net/rapid"
)

// plain gives what a plan's JSON holds: the value that encoding/json decodes from
// go-cty's own JSON of the value, which is how Terraform writes values in plans.
func TestPlainIsThePlanJSONValue(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		v := genCty(t, 2)
		data, err := ctyjson.Marshal(v, v.Type())
		if err != nil {
			t.Fatalf("ctyjson.Marshal(%#v): %v", v, err)
		}
		var want any
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		got, ok := plain(v)
		if !ok {
			t.Fatalf("plain(%#v) is not ok", v)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("plain(%s) differs from its JSON (-json +plain):\n%s", data, d)
		}
	})
}

func genCty(t *rapid.T, depth int) cty.Value {
	kind := rapid.IntRange(0, 7).Draw(t, "kind")
	if depth == 0 {
		kind %= 4
	}
	switch kind {
	case 0:
		return cty.StringVal(rapid.String().Draw(t, "string"))
	case 1:
		return cty.NumberFloatVal(rapid.Float64Range(-1e12, 1e12).Draw(t, "number"))
	case 2:
		return cty.BoolVal(rapid.Bool().Draw(t, "bool"))
	case 3:
		return cty.NullVal(cty.String)
	case 4:
		n := rapid.IntRange(1, 3).Draw(t, "len")
		elems := make([]cty.Value, n)
		for i := range elems {
			elems[i] = cty.StringVal(rapid.StringMatching(`[a-z]{0,3}`).Draw(t, "elem"))
		}
		if rapid.Bool().Draw(t, "set") {
			return cty.SetVal(elems)
		}
		return cty.ListVal(elems)
	case 5:
		var elems []cty.Value
		for range rapid.IntRange(0, 3).Draw(t, "len") {
			elems = append(elems, genCty(t, depth-1))
		}
		return cty.TupleVal(elems)
	case 6:
		m := map[string]cty.Value{}
		for _, k := range rapid.SliceOfN(rapid.StringMatching(`[a-z_]{1,6}`), 1, 3).Draw(t, "keys") {
			m[k] = cty.NumberIntVal(rapid.Int64().Draw(t, "n"))
		}
		return cty.MapVal(m)
	}
	m := map[string]cty.Value{}
	for _, k := range rapid.SliceOfN(rapid.StringMatching(`[a-z_]{1,6}`), 0, 3).Draw(t, "attrs") {
		m[k] = genCty(t, depth-1)
	}
	return cty.ObjectVal(m)
}
