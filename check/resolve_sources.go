package check

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/afero"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint/terraform"
	"github.com/zclconf/go-cty/cty"
)

// A moduleSource is what evaluation needs of one module's .tf files.
type moduleSource struct {
	dir       string
	resources map[string]*resourceSource // by "type.name"
	locals    map[string]hcl.Expression
	calls     map[string]*resourceSource     // module calls: arguments, count, for_each
	vars      map[string]*terraform.Variable // declared types and converted defaults
	outputs   map[string]hcl.Expression
	regions   map[string]hcl.Expression // provider configurations' regions, by "alicloud" or "alicloud.alias"
}

// A resourceSource is a resource block's (or a module call's) argument expressions,
// with its count and for_each, and the nested blocks evaluation reads.
type resourceSource struct {
	attrs          map[string]hcl.Expression
	count, forEach hcl.Expression
	// nested are the blocks of nestedBlocks, static and dynamic, in source order.
	nested []nestedBlock
}

// A nestedBlock is a nested block of a resource: a static one, or a dynamic one with
// its for_each and iterator name and the expressions of its content.
type nestedBlock struct {
	typ      string
	dynamic  bool
	forEach  hcl.Expression // dynamic only
	iterator string         // dynamic only: the iterator's name, by default typ
	attrs    map[string]hcl.Expression
}

// nestedBlocks are the nested blocks of resources that evaluation reads, with their
// attributes: an instance's network_interfaces attach ENIs when it is made, and a
// dynamic one leaves the plan without a trace of them.
var nestedBlocks = map[string][]string{"network_interfaces": {"network_interface_id"}}

// metaArguments are a block's arguments that are not attributes or module variables.
var metaArguments = []string{
	"count",
	"for_each",
	"provider",
	"providers",
	"depends_on",
	"lifecycle",
	"source",
	"version",
}

// sourceTree finds and parses the sources of the modules of a configuration: the root
// module in root, local modules relative to their caller, registry modules where
// terraform init put them (.terraform/modules/modules.json). Modules are parsed once,
// when first asked for.
type sourceTree struct {
	root     string
	manifest map[string]string // module key ("edge", "outer.inner") -> directory
	byPath   map[string]*moduleSource
	failed   map[string]string // config path -> why its sources are missing
}

func newSourceTree(root string) *sourceTree {
	t := &sourceTree{
		root:     root,
		manifest: map[string]string{},
		byPath:   map[string]*moduleSource{},
		failed:   map[string]string{},
	}
	data, err := os.ReadFile(filepath.Join(root, ".terraform", "modules", "modules.json"))
	if err == nil {
		var m struct {
			Modules []struct{ Key, Dir string }
		}
		if json.Unmarshal(data, &m) == nil {
			for _, mod := range m.Modules {
				if mod.Key != "" && !filepath.IsAbs(mod.Dir) {
					t.manifest[mod.Key] = filepath.Join(root, mod.Dir)
				}
			}
		}
	}
	return t
}

// module returns the sources of the module at config path ("" for the root,
// "module.a.module.b"), or nil with the reason they are missing. call reports the
// source argument of each call along the path.
func (t *sourceTree) module(path string, callSource func(path string) string) (*moduleSource, string) {
	if s, ok := t.byPath[path]; ok {
		return s, ""
	}
	if why, ok := t.failed[path]; ok {
		return nil, why
	}
	dir, why := t.dirOf(path, callSource)
	var s *moduleSource
	if why == "" {
		s, why = parseModule(dir)
	}
	if why != "" {
		t.failed[path] = why
		return nil, why
	}
	t.byPath[path] = s
	return s, ""
}

func (t *sourceTree) dirOf(path string, callSource func(string) string) (string, string) {
	if path == "" {
		return t.root, ""
	}
	src := callSource(path)
	parent, _ := parentPath(path)
	if strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
		pdir, why := t.dirOf(parent, callSource)
		if why != "" {
			return "", why
		}
		return filepath.Join(pdir, src), ""
	}
	key := strings.ReplaceAll(strings.TrimPrefix(path, "module."), ".module.", ".")
	if dir, ok := t.manifest[key]; ok {
		return dir, ""
	}
	return "", "the sources of " + path + " (" + src + ") are not installed: run terraform init, or pass -tf-dir"
}

// parentPath splits "module.a.module.b" into "module.a" and "b".
func parentPath(path string) (string, string) {
	i := strings.LastIndex(path, ".module.")
	if i < 0 {
		return "", strings.TrimPrefix(path, "module.")
	}
	return path[:i], path[i+len(".module."):]
}

// parseModule loads a module directory with the Terraform loader that tflint maintains:
// .tf and .tf.json files, override files merged as Terraform merges them, and variable
// defaults converted to their declared types. A module that does not load is left
// without sources, with the reason.
func parseModule(dir string) (*moduleSource, string) {
	mod, err := loadModule(dir)
	var in *InputError
	switch {
	case errors.As(err, &in) && in.File == dir: // the loader's diagnostics
		return nil, "the sources do not load: " + in.Msg
	case err != nil:
		return nil, "the sources do not load: " + err.Error()
	}
	if len(mod.Files) == 0 {
		return nil, "no .tf or .tf.json files in " + dir
	}
	content, diags := mod.PartialContent(sourceSchema, nil)
	if diags.HasErrors() {
		return nil, "the sources do not load: " + diags.Error()
	}
	s := &moduleSource{dir: dir, resources: map[string]*resourceSource{}, locals: map[string]hcl.Expression{},
		calls: map[string]*resourceSource{}, vars: mod.Variables, outputs: map[string]hcl.Expression{},
		regions: map[string]hcl.Expression{}}
	for name, l := range mod.Locals {
		s.locals[name] = l.Expr
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "resource":
			rs := blockSource(b.Body.Attributes)
			rs.nested = nestedSources(b.Body.Blocks)
			s.resources[b.Labels[0]+"."+b.Labels[1]] = rs
		case "module":
			s.calls[b.Labels[0]] = blockSource(b.Body.Attributes)
		case "provider":
			s.addProvider(b)
		case "output":
			if a := b.Body.Attributes["value"]; a != nil {
				s.outputs[b.Labels[0]] = a.Expr
			}
		}
	}
	return s, ""
}

// loadModule loads a module directory with the Terraform loader that tflint maintains,
// after applying the source limits to its files: the one reader of .tf files that
// evaluation (parseModule) and locations (LoadSources) share. A file over the limits is
// an *InputError naming it; one that does not load, an *InputError with the loader's
// diagnostics.
func loadModule(dir string) (*terraform.Module, error) {
	if err := checkSourceDir(dir); err != nil { // a module outside the tree LoadPlan checked
		return nil, err
	}
	mod, diags := terraform.NewParser(afero.NewOsFs()).LoadConfigDir("", dir)
	if diags.HasErrors() {
		return nil, &InputError{File: dir, Msg: diags.Error()}
	}
	return mod, nil
}

// addProvider keeps the region expression of a provider block, by its key in the plan.
func (s *moduleSource) addProvider(b *hclext.Block) {
	key := b.Labels[0]
	if a := b.Body.Attributes["alias"]; a != nil {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
			return
		}
		key += "." + v.AsString()
	}
	if a := b.Body.Attributes["region"]; a != nil {
		s.regions[key] = a.Expr
	}
}

// sourceSchema is what evaluation reads of a module: the attributes the checker reads
// of each resource, with count and for_each; every argument of a module call; the
// value of each output.
var sourceSchema = func() *hclext.BodySchema {
	names := []string{"count", "for_each"}
	for _, attrs := range interestingAttrs {
		names = append(names, attrs...)
	}
	slices.Sort(names)
	resource := &hclext.BodySchema{}
	for _, name := range slices.Compact(names) {
		resource.Attributes = append(resource.Attributes, hclext.AttributeSchema{Name: name})
	}
	for _, typ := range slices.Sorted(maps.Keys(nestedBlocks)) {
		content := &hclext.BodySchema{}
		for _, name := range nestedBlocks[typ] {
			content.Attributes = append(content.Attributes, hclext.AttributeSchema{Name: name})
		}
		resource.Blocks = append(resource.Blocks, hclext.BlockSchema{Type: typ, Body: content})
	}
	resource.Blocks = append(
		resource.Blocks,
		hclext.BlockSchema{Type: "dynamic", LabelNames: []string{"type"}, Body: &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}},
			Blocks: []hclext.BlockSchema{
				{Type: "content", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
			},
		}},
	)
	return &hclext.BodySchema{Blocks: []hclext.BlockSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}, Body: resource},
		{Type: "module", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
		{
			Type:       "provider",
			LabelNames: []string{"name"},
			Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "alias"}, {Name: "region"}}},
		},
		{
			Type:       "output",
			LabelNames: []string{"name"},
			Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "value"}}},
		},
	}}
}()

func blockSource(attrs hclext.Attributes) *resourceSource {
	r := &resourceSource{attrs: map[string]hcl.Expression{}}
	for name, a := range attrs {
		switch name {
		case "count":
			r.count = a.Expr
		case "for_each":
			r.forEach = a.Expr
		default:
			if !slices.Contains(metaArguments, name) {
				r.attrs[name] = a.Expr
			}
		}
	}
	return r
}

// nestedSources keeps a resource's nested blocks of nestedBlocks, static and dynamic.
func nestedSources(blocks hclext.Blocks) []nestedBlock {
	var out []nestedBlock
	for _, b := range blocks {
		nb := nestedBlock{typ: b.Type, attrs: map[string]hcl.Expression{}}
		body := b.Body
		if b.Type == "dynamic" {
			nb.typ, nb.dynamic, nb.iterator = b.Labels[0], true, b.Labels[0]
			if _, ok := nestedBlocks[nb.typ]; !ok {
				continue
			}
			if a := b.Body.Attributes["for_each"]; a != nil {
				nb.forEach = a.Expr
			}
			if a := b.Body.Attributes["iterator"]; a != nil {
				if name := hcl.ExprAsKeyword(a.Expr); name != "" {
					nb.iterator = name
				}
			}
			body = nil
			if len(b.Body.Blocks) > 0 {
				body = b.Body.Blocks[0].Body
			}
		}
		if body != nil {
			for name, a := range body.Attributes {
				if slices.Contains(nestedBlocks[nb.typ], name) {
					nb.attrs[name] = a.Expr
				}
			}
		}
		out = append(out, nb)
	}
	return out
}
