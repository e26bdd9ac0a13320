package lint

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// TestConfiguredArgumentsThroughReferences: a reference to a configured argument of a
// resource without count or for_each is its value, as in Terraform's plan; mixed in one
// expression with an argument known only after apply (an ID), the expression is
// unknown, never in error; a counted resource's arguments stay unknown.
func TestConfiguredArgumentsThroughReferences(t *testing.T) {
	t.Parallel()
	parse := func(src string) hcl.Expression {
		e, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return e
	}
	block := func(attrs map[string]string) *hclext.Block {
		b := &hclext.Block{Type: "resource", Body: &hclext.BodyContent{Attributes: hclext.Attributes{}}}
		for k, v := range attrs {
			b.Body.Attributes[k] = &hclext.Attribute{Name: k, Expr: parse(v)}
		}
		return b
	}
	ev := newEvaluator(nil)
	ev.resources = map[string]*hclext.Block{
		"alicloud_vswitch.x":  block(map[string]string{"cidr_block": `"10.0.1.0/24"`, "vpc_id": `"vpc-1"`}),
		"alicloud_vswitch.cn": block(map[string]string{"count": "2", "cidr_block": `"10.0.2.0/24"`}),
		"alicloud_vswitch.ab": block(map[string]string{"cidr_block": "alicloud_vswitch.x.cidr_block"}),
	}
	for src, want := range map[string]cty.Value{
		`cidrhost(alicloud_vswitch.x.cidr_block, 10)`:                    cty.StringVal("10.0.1.10"),
		`cidrhost(alicloud_vswitch.ab.cidr_block, 11)`:                   cty.StringVal("10.0.1.11"), // two hops
		`alicloud_vswitch.x.id == "" ? "a" : alicloud_vswitch.x.vpc_id`:  cty.DynamicVal,             // id: after apply
		`alicloud_vswitch.x.cidr_block == alicloud_vswitch.y.cidr_block`: cty.DynamicVal,             // y: no such block
		`alicloud_vswitch.cn[0].cidr_block`:                              cty.DynamicVal,             // counted
	} {
		got, ok := ev.eval(parse(src), instanceKey{})
		if !ok {
			t.Errorf("%s: in error", src)
			continue
		}
		if want == cty.DynamicVal {
			if got.IsWhollyKnown() {
				t.Errorf("%s = %#v, want unknown", src, got)
			}
		} else if !got.RawEquals(want) {
			t.Errorf("%s = %#v, want %#v", src, got, want)
		}
	}
}
