package check

import (
	"errors"
	"math/big"
	"net/netip"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// functions are the functions evaluation knows, under Terraform's names: the cty
// standard library's and the cidr functions. A call to any other function is an
// error, so the value stays unknown rather than guessed.
func functions() map[string]function.Function {
	return map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc, "chunklist": stdlib.ChunklistFunc,
		"coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc,
		"concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc, "csvdecode": stdlib.CSVDecodeFunc,
		"distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc,
		"floor": stdlib.FloorFunc, "format": stdlib.FormatFunc, "formatdate": stdlib.FormatDateFunc,
		"formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc, "index": stdlib.IndexFunc,
		"join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc,
		"keys": stdlib.KeysFunc, "length": stdlib.LengthFunc, "log": stdlib.LogFunc, "lookup": lookupFunc,
		"lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc, "min": stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "range": stdlib.RangeFunc, "regex": stdlib.RegexFunc,
		"regexall": stdlib.RegexAllFunc, "replace": stdlib.ReplaceFunc, "reverse": stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc, "setproduct": stdlib.SetProductFunc,
		"setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc, "signum": stdlib.SignumFunc,
		"slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc,
		"substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc, "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "trimsuffix": stdlib.TrimSuffixFunc, "upper": stdlib.UpperFunc,
		"values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)), "toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)), "tostring": stdlib.MakeToFunc(cty.String),
		"tonumber": stdlib.MakeToFunc(cty.Number), "tobool": stdlib.MakeToFunc(cty.Bool),
		"cidrhost": cidrHostFunc, "cidrnetmask": cidrNetmaskFunc, "cidrsubnet": cidrSubnetFunc,
	}
}

// cidrHostFunc is Terraform's cidrhost(prefix, hostnum): the address hostnum places
// into the prefix (negative numbers count from the end).
var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		n, acc := args[1].AsBigFloat().Int(nil)
		if acc != big.Exact {
			return cty.NilVal, errors.New("hostnum must be a whole number")
		}
		p = p.Masked()
		size := new(big.Int).Lsh(big.NewInt(1), uint(p.Addr().BitLen()-p.Bits()))
		if n.Sign() < 0 {
			n.Add(n, size)
		}
		if n.Sign() < 0 || n.Cmp(size) >= 0 {
			return cty.NilVal, errors.New("hostnum is outside the prefix")
		}
		return cty.StringVal(addAddr(p.Addr(), n).String()), nil
	},
})

// cidrNetmaskFunc is Terraform's cidrnetmask(prefix) for IPv4 prefixes.
var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if !p.Addr().Is4() {
			return cty.NilVal, errors.New("cidrnetmask takes IPv4 prefixes only")
		}
		mask := ^uint32(0) << (32 - p.Bits())
		if p.Bits() == 0 {
			mask = 0
		}
		return cty.StringVal(netip.AddrFrom4([4]byte{byte(mask >> 24), byte(mask >> 16), byte(mask >> 8), byte(mask)}).String()), nil
	},
})

// cidrSubnetFunc is Terraform's cidrsubnet(prefix, newbits, netnum).
var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		newbits, ok := wholeNumber(args[1])
		netnum, acc := args[2].AsBigFloat().Int(nil)
		bits := p.Bits() + newbits
		if !ok || acc != big.Exact || netnum.Sign() < 0 || bits > p.Addr().BitLen() || netnum.BitLen() > newbits {
			return cty.NilVal, errors.New("newbits or netnum do not fit the prefix")
		}
		shift := uint(p.Addr().BitLen() - bits)
		return cty.StringVal(netip.PrefixFrom(addAddr(p.Masked().Addr(), new(big.Int).Lsh(netnum, shift)), bits).String()), nil
	},
})

// addAddr adds n to an address.
func addAddr(a netip.Addr, n *big.Int) netip.Addr {
	b := a.AsSlice()
	sum := new(big.Int).Add(new(big.Int).SetBytes(b), n).Bytes()
	out := make([]byte, len(b))
	copy(out[len(out)-min(len(sum), len(out)):], sum[max(len(sum)-len(out), 0):])
	r, _ := netip.AddrFromSlice(out)
	return r
}

// lookupFunc is Terraform's lookup(map, key[, default]): cty's lookup always takes the
// default, Terraform's makes it optional and fails without it when the key is missing.
var lookupFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "inputMap", Type: cty.DynamicPseudoType}, {Name: "key", Type: cty.String}},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, errors.New("lookup takes a map, a key and at most one default")
		}
		return cty.DynamicPseudoType, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		m, key := args[0], args[1].AsString()
		ty := m.Type()
		if (ty.IsMapType() || ty.IsObjectType()) && !m.IsNull() {
			if ty.IsObjectType() && ty.HasAttribute(key) {
				return m.GetAttr(key), nil
			}
			if ty.IsMapType() && m.HasIndex(args[1]).True() {
				return m.Index(args[1]), nil
			}
		} else {
			return cty.NilVal, errors.New("lookup needs a map or an object")
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return cty.NilVal, errors.New("the key " + key + " is not in the map and there is no default")
	},
})
