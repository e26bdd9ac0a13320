package check

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"pgregory.net/rapid"
)

// TestConvertValueMatchesCty: convertValue gives what cty's convert.Convert gives (the
// same value, or an error where it errs) for objects of mixed, convertible and
// unconvertible elements and map types with and without dynamic parts and optional
// attributes; and the generator reaches its own path.
func TestConvertValueMatchesCty(t *testing.T) {
	leaf := rapid.SampledFrom([]cty.Value{
		cty.StringVal("a"), cty.StringVal("12"), cty.NumberIntVal(3), cty.True, cty.NullVal(cty.String),
		cty.UnknownVal(cty.Number), cty.NullVal(cty.DynamicPseudoType),
	})
	elem := rapid.Custom(func(t *rapid.T) cty.Value {
		if rapid.Bool().Draw(t, "leaf") {
			return leaf.Draw(t, "v")
		}
		attrs := map[string]cty.Value{}
		for _, name := range rapid.SliceOfNDistinct(rapid.SampledFrom([]string{"subnet", "offset", "name"}), 0, 3, rapid.ID[string]).Draw(t, "attrs") {
			attrs[name] = leaf.Draw(t, name)
		}
		return cty.ObjectVal(attrs)
	})
	types := []cty.Type{
		cty.Map(cty.String),
		cty.Map(cty.Number),
		cty.Map(cty.DynamicPseudoType),
		cty.Map(cty.Object(map[string]cty.Type{"subnet": cty.Number, "offset": cty.Number})),
		cty.Map(cty.Object(map[string]cty.Type{"subnet": cty.String})),
		cty.Map(cty.ObjectWithOptionalAttrs(map[string]cty.Type{"subnet": cty.Number, "name": cty.String}, []string{"name"})),
		cty.Map(cty.List(cty.String)),
		cty.List(cty.String),
	}
	own := 0
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 5).Draw(t, "n")
		attrs := map[string]cty.Value{}
		for i := range n {
			attrs[string(rune('a'+i))] = elem.Draw(t, "elem")
		}
		v := cty.ObjectVal(attrs)
		ty := rapid.SampledFrom(types).Draw(t, "type")
		want, wantErr := convert.Convert(v, ty)
		got, err := convertValue(v, ty)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%#v to %#v: error %v, cty's %v", v, ty, err, wantErr)
		}
		if err == nil && !got.RawEquals(want) {
			t.Fatalf("%#v to %#v: %#v, cty's %#v", v, ty, got, want)
		}
		if err == nil && ty.IsMapType() && !ty.HasDynamicTypes() && !hasOptionalAttrs(ty) && n > 0 {
			own++
		}
	})
	if own == 0 {
		t.Error("no case took convertValue's own path")
	}
}
