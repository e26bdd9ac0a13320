package check

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// placeholderPrefix starts the string that stands for a value known only after apply:
// the prefix, the resource instance address, '#', and the attribute's path. Each such
// value is unique, so an expression that passes it on (instance_id = eni.id) says
// exactly which object it names.
const placeholderPrefix = "eipassoc:after-apply:"

func placeholder(address, path string) cty.Value {
	return cty.StringVal(placeholderPrefix + address + "#" + path)
}

// parsePlaceholder returns the address and attribute path of a placeholder.
func parsePlaceholder(s string) (address, path string, ok bool) {
	rest, ok := strings.CutPrefix(s, placeholderPrefix)
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, '#')
	if i < 0 {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

// instanceObject is a resource instance's planned values, with a placeholder for each
// value known only after apply and for an unknown id.
func instanceObject(ri *resInst) cty.Value {
	attrs := make(map[string]cty.Value, len(ri.After)+2)
	for k, v := range ri.After.All() {
		if v != nil {
			attrs[k] = toCty(v)
		}
	}
	for k, u := range ri.Unknown.All() {
		if v, ok := withPlaceholders(ri.After.Get(k), u, ri.Address, k); ok {
			attrs[k] = v
		}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = placeholder(ri.Address, "id")
	}
	return cty.ObjectVal(attrs)
}

// withPlaceholders puts placeholders into a value where after_unknown marks it.
func withPlaceholders(after, unknown any, address, path string) (cty.Value, bool) {
	switch u := unknown.(type) {
	case bool:
		if u {
			return placeholder(address, path), true
		}
	case []any:
		list, _ := after.([]any)
		vals := make([]cty.Value, len(u))
		for i := range u {
			var a any
			if i < len(list) {
				a = list[i]
			}
			v, ok := withPlaceholders(a, u[i], address, fmt.Sprintf("%s[%d]", path, i))
			if !ok {
				v = toCty(a)
			}
			vals[i] = v
		}
		return cty.TupleVal(vals), true
	case map[string]any:
		obj, _ := after.(map[string]any)
		vals := map[string]cty.Value{}
		for k, a := range obj {
			if a != nil {
				vals[k] = toCty(a)
			}
		}
		for k, uu := range u {
			if v, ok := withPlaceholders(obj[k], uu, address, path+"."+k); ok {
				vals[k] = v
			}
		}
		return cty.ObjectVal(vals), true
	}
	return cty.NilVal, false
}

// convertValue converts v to ty as convert.Convert does. An object converted to a map
// whose element type has no dynamic part and no optional attribute is converted
// element by element: cty's conversion then unifies the element types, comparing them
// pairwise, which costs about 40 ms at a for_each of 2,000 keys and changes nothing
// when every element has been converted to the one element type
// (TestConvertValueMatchesCty).
func convertValue(v cty.Value, ty cty.Type) (cty.Value, error) {
	if !ty.IsMapType() || !v.Type().IsObjectType() || !v.IsKnown() || v.IsNull() || v.IsMarked() ||
		ty.HasDynamicTypes() || hasOptionalAttrs(ty) {
		return convert.Convert(v, ty)
	}
	ety := ty.ElementType()
	if v.LengthInt() == 0 {
		return cty.MapValEmpty(ety), nil
	}
	elems := make(map[string]cty.Value, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		ce, err := convert.Convert(e, ety)
		if err != nil {
			return convert.Convert(v, ty) // the library's error, with its path
		}
		elems[k.AsString()] = ce
	}
	return cty.MapVal(elems), nil
}

// hasOptionalAttrs reports whether ty has an object type with optional attributes
// anywhere in it.
func hasOptionalAttrs(ty cty.Type) bool {
	switch {
	case ty.IsObjectType():
		if len(ty.OptionalAttributes()) > 0 {
			return true
		}
		for _, at := range ty.AttributeTypes() {
			if hasOptionalAttrs(at) {
				return true
			}
		}
	case ty.IsTupleType():
		for _, et := range ty.TupleElementTypes() {
			if hasOptionalAttrs(et) {
				return true
			}
		}
	case ty.IsCollectionType():
		return hasOptionalAttrs(ty.ElementType())
	}
	return false
}

// ctyFromJSON converts a JSON value to the value toCty gives for what encoding/json
// decodes it into, without building that: objects become objects, arrays tuples,
// numbers float64s made numbers, null a null of no type. A number too large for a
// float64 is an error, as it is for encoding/json.
func ctyFromJSON(raw []byte) (cty.Value, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(raw))
	v, err := ctyFromDecoder(dec)
	if err != nil {
		return cty.NilVal, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return cty.NilVal, errors.New("data after the value")
	}
	return v, nil
}

func ctyFromDecoder(dec *jsontext.Decoder) (cty.Value, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return cty.NilVal, err
	}
	switch tok.Kind() {
	case 'n':
		return cty.NullVal(cty.DynamicPseudoType), nil
	case 't', 'f':
		return cty.BoolVal(tok.Bool()), nil
	case '"':
		return cty.StringVal(tok.String()), nil
	case '0':
		f, err := strconv.ParseFloat(tok.String(), 64)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.NumberFloatVal(f), nil
	case '[':
		var vals []cty.Value
		for dec.PeekKind() != ']' {
			v, err := ctyFromDecoder(dec)
			if err != nil {
				return cty.NilVal, err
			}
			vals = append(vals, v)
		}
		if _, err := dec.ReadToken(); err != nil {
			return cty.NilVal, err
		}
		return cty.TupleVal(vals), nil
	case '{':
		vals := map[string]cty.Value{}
		for dec.PeekKind() != '}' {
			tok, err := dec.ReadToken()
			if err != nil {
				return cty.NilVal, err
			}
			name := tok.String() // before the next read voids tok
			v, err := ctyFromDecoder(dec)
			if err != nil {
				return cty.NilVal, err
			}
			vals[name] = v
		}
		if _, err := dec.ReadToken(); err != nil {
			return cty.NilVal, err
		}
		return cty.ObjectVal(vals), nil
	}
	return cty.NilVal, fmt.Errorf("unexpected %s", tok.Kind())
}

// toCty converts a decoded JSON value.
func toCty(v any) cty.Value {
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(x)
	case bool:
		return cty.BoolVal(x)
	case float64:
		return cty.NumberFloatVal(x)
	case []any:
		vals := make([]cty.Value, len(x))
		for i := range x {
			vals[i] = toCty(x[i])
		}
		return cty.TupleVal(vals)
	case map[string]any:
		vals := make(map[string]cty.Value, len(x))
		for k, e := range x {
			vals[k] = toCty(e)
		}
		return cty.ObjectVal(vals)
	}
	return cty.DynamicVal
}

// forEachValues returns the elements of a for_each value by key.
func forEachValues(v cty.Value) (map[string]cty.Value, error) {
	if v.IsNull() || !v.IsWhollyKnown() {
		return nil, errors.New("it is null or not known")
	}
	ty := v.Type()
	out := map[string]cty.Value{}
	switch {
	case ty.IsSetType() || ty.IsListType() || ty.IsTupleType():
		if !ty.IsSetType() && v.LengthInt() > 0 {
			return nil, errors.New("a list is not a valid for_each (use toset)")
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			if el.Type() != cty.String {
				return nil, errors.New("a set of for_each must hold strings")
			}
			out[el.AsString()] = el
		}
	case ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			out[k.AsString()] = el
		}
	default:
		return nil, fmt.Errorf("a %s is not a valid for_each", ty.FriendlyName())
	}
	return out, nil
}

func sameKeys(values map[string]cty.Value, keys []instanceKey) bool {
	if len(values) != len(keys) {
		return false
	}
	for _, k := range keys {
		if _, ok := values[k.s]; !ok || k.kind != stringKey {
			return false
		}
	}
	return true
}

func keyStrings(keys []instanceKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.s
	}
	return out
}

// sameValue compares an evaluated value with the plan's; lists compare as sets, since
// set attributes keep no order.
func sameValue(v cty.Value, planned any) bool {
	switch p := planned.(type) {
	case string:
		return v.Type() == cty.String && v.AsString() == p
	case float64:
		return v.Type() == cty.Number && v.AsBigFloat().Cmp(big.NewFloat(p)) == 0
	case bool:
		return v.Type() == cty.Bool && v.True() == p
	case []any:
		ty := v.Type()
		if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) || v.LengthInt() != len(p) {
			return false
		}
		var got, want []string
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			got = append(got, show(el))
		}
		for _, x := range p {
			want = append(want, show(toCty(x)))
		}
		sort.Strings(got)
		sort.Strings(want)
		return slices.Equal(got, want)
	}
	return true // objects and nulls are not compared
}

// show formats a value for a message.
func show(v cty.Value) string {
	switch {
	case v == cty.NilVal:
		return "nothing"
	case v.IsNull():
		return "null"
	case !v.IsKnown():
		return "(unknown)"
	case v.Type() == cty.String:
		return fmt.Sprintf("%q", v.AsString())
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case v.Type() == cty.Bool:
		return fmt.Sprint(v.True())
	}
	return v.Type().FriendlyName()
}
