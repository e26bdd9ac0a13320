package check

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"
)

// ctyFromJSON gives the value toCty gives for what encoding/json decodes the same
// bytes into (the path it replaces for the plan's variables), for any JSON value.
func TestCtyFromJSONIsToCtyOfTheDecodedValue(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		v := genJSON(t, 3)
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var decoded any
		if err := json.Unmarshal(raw, &decoded); err != nil {
			t.Fatal(err)
		}
		got, err := ctyFromJSON(raw)
		if err != nil {
			t.Fatalf("ctyFromJSON(%s): %v", raw, err)
		}
		if want := toCty(decoded); !got.RawEquals(want) {
			t.Fatalf("ctyFromJSON(%s) = %#v, toCty gives %#v", raw, got, want)
		}
	})
	for _, bad := range []string{`1e999`, `{"a":1,"a":2}`, `[1,`, `1 2`} {
		if _, err := ctyFromJSON([]byte(bad)); err == nil {
			t.Errorf("ctyFromJSON(%s) is not an error", bad)
		}
	}
}

func genJSON(t *rapid.T, depth int) any {
	kind := rapid.IntRange(0, 5).Draw(t, "kind")
	if depth == 0 {
		kind %= 4
	}
	switch kind {
	case 0:
		return nil
	case 1:
		return rapid.Bool().Draw(t, "bool")
	case 2:
		return rapid.Float64Range(-1e15, 1e15).Draw(t, "number")
	case 3:
		return rapid.String().Draw(t, "string")
	case 4:
		var out []any
		for range rapid.IntRange(0, 4).Draw(t, "len") {
			out = append(out, genJSON(t, depth-1))
		}
		return out
	}
	out := map[string]any{}
	for _, k := range rapid.SliceOfN(rapid.String(), 0, 4).Draw(t, "keys") {
		out[k] = genJSON(t, depth-1)
	}
	return out
}
