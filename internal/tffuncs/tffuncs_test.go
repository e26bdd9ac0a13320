package tffuncs_test

import (
	"testing"

	"github.com/eipassoc/eipassoc/internal/tffuncs"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestTerraformSemantics: expressions the official modules write evaluate as Terraform
// evaluates them (Terraform's function documentation gives each expected value).
func TestTerraformSemantics(t *testing.T) {
	t.Parallel()
	ctx := &hcl.EvalContext{Functions: tffuncs.Table("."), Variables: map[string]cty.Value{
		"m": cty.ObjectVal(map[string]cty.Value{"instance_id": cty.StringVal("eni-1")}),
	}}
	tests := []struct {
		expr string
		want cty.Value
	}{
		// terraform-alicloud-eip: lookup(local.instance_list[count.index], "instance_id", null)
		{`lookup(m, "instance_id", null)`, cty.StringVal("eni-1")},
		{`lookup(m, "private_ip_address", null)`, cty.NullVal(cty.DynamicPseudoType)},
		{`try(m.missing, "fallback")`, cty.StringVal("fallback")},
		{`can(m.missing)`, cty.False},
		{`one(["a"])`, cty.StringVal("a")},
		{`coalesce("", "b")`, cty.StringVal("b")},
		{`cidrhost("10.0.0.0/24", 5)`, cty.StringVal("10.0.0.5")},
		{`cidrsubnet("172.16.0.0/12", 8, 8)`, cty.StringVal("172.16.128.0/20")}, // 8 x 2^12 addresses past the start
	}
	for _, tc := range tests {
		expr, diags := hclsyntax.ParseExpression([]byte(tc.expr), "test.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		got, diags := expr.Value(ctx)
		if diags.HasErrors() {
			t.Errorf("%s: %v", tc.expr, diags)
			continue
		}
		if !got.RawEquals(tc.want) && !(got.IsNull() && tc.want.IsNull()) {
			t.Errorf("%s = %#v, want %#v", tc.expr, got, tc.want)
		}
	}
}

// TestImpureFunctionsAreUnknown: as in a plan, timestamp() and uuid() are known only at
// apply.
func TestImpureFunctionsAreUnknown(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"timestamp()", "uuid()", `core::uuid()`} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		got, diags := expr.Value(&hcl.EvalContext{Functions: tffuncs.Table(".")})
		if diags.HasErrors() || got.IsKnown() {
			t.Errorf("%s = %#v, %v; want unknown", src, got, diags)
		}
	}
}
