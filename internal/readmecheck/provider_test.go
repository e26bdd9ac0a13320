package readmecheck

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// providerConfig is what the switch must give the provider: the arguments the README's
// fixed provider block for serve sets, and its endpoints.
type providerConfig struct {
	Region      string      `hcl:"region"`
	AccessKey   *string     `hcl:"access_key"`
	SecretKey   *string     `hcl:"secret_key"`
	Protocol    string      `hcl:"protocol"`
	AccountType *string     `hcl:"account_type"`
	Endpoints   []endpoints `hcl:"endpoints,block"`
	Remain      hcl.Body    `hcl:",remain"`
}

// endpoints are the products the provider is pointed at serve for.
type endpoints struct {
	VPC string `hcl:"vpc"`
	ECS string `hcl:"ecs"`
	RAM string `hcl:"ram"`
}

// TestREADMEProviderSwitch: the README's provider block, evaluated with HCL as
// Terraform evaluates it (the variable's default, then the local, then the dynamic
// endpoints block), gives with eipassoc_serve set the configuration the README gives
// for serve (keys tf/tf-secret, HTTP, Domestic, the vpc, ecs and ram endpoints at serve's
// address), and with it empty the provider's defaults for the cloud (no keys, so the
// default credential chain; HTTPS; no account type; no endpoints).
func TestREADMEProviderSwitch(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- ci: provider-switch[^\n]*\n```hcl\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README.md has no provider-switch block")
	}
	file, diags := hclsyntax.ParseConfig(m[1], "README.md", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	content, diags := file.Body.Content(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "variable", LabelNames: []string{"name"}}, {Type: "locals"},
		{Type: "provider", LabelNames: []string{"name"}},
	}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		serve string // "" leaves the variable at its default
		want  providerConfig
	}{
		{"127.0.0.1:8787", providerConfig{Region: "cn-shanghai", AccessKey: str("tf"), SecretKey: str("tf-secret"),
			Protocol: "HTTP", AccountType: str("Domestic"),
			Endpoints: []endpoints{{"127.0.0.1:8787", "127.0.0.1:8787", "127.0.0.1:8787"}}}},
		{"", providerConfig{Region: "cn-shanghai", Protocol: "HTTPS"}},
	} {
		vars := map[string]cty.Value{}
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}}
		var provider *hcl.Block
		for _, b := range content.Blocks {
			switch b.Type {
			case "variable":
				attrs, _ := b.Body.JustAttributes()
				v, d := attrs["default"].Expr.Value(nil)
				if d.HasErrors() {
					t.Fatal(d)
				}
				if tc.serve != "" {
					v = cty.StringVal(tc.serve)
				}
				vars[b.Labels[0]] = v
				ctx.Variables["var"] = cty.ObjectVal(vars)
			case "locals":
				attrs, _ := b.Body.JustAttributes()
				locals := map[string]cty.Value{}
				for name, a := range attrs {
					v, d := a.Expr.Value(ctx)
					if d.HasErrors() {
						t.Fatal(d)
					}
					locals[name] = v
				}
				ctx.Variables["local"] = cty.ObjectVal(locals)
			case "provider":
				provider = b
			}
		}
		if provider == nil || provider.Labels[0] != "alicloud" {
			t.Fatal("no provider \"alicloud\" block")
		}
		var got providerConfig
		if d := gohcl.DecodeBody(dynblock.Expand(provider.Body, ctx), ctx, &got); d.HasErrors() {
			t.Fatalf("serve %q: %v", tc.serve, d)
		}
		got.Remain = nil
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("serve %q (-want +got):\n%s", tc.serve, diff)
		}
	}
}
