package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A moduleSource is what evaluation needs of one module's .tf files.
type moduleSource struct {
	dir       string
	resources map[string]*resourceSource // by "type.name"
	locals    map[string]hcl.Expression
	calls     map[string]*resourceSource // module calls: arguments, count, for_each
	defaults  map[string]hcl.Expression  // variable defaults
	outputs   map[string]hcl.Expression
}

// A resourceSource is a resource block's (or a module call's) argument expressions,
// with its count and for_each.
type resourceSource struct {
	attrs          map[string]hcl.Expression
	count, forEach hcl.Expression
}

// metaArguments are a block's arguments that are not attributes or module variables.
var metaArguments = []string{"count", "for_each", "provider", "providers", "depends_on", "lifecycle", "source", "version"}

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
	t := &sourceTree{root: root, manifest: map[string]string{}, byPath: map[string]*moduleSource{}, failed: map[string]string{}}
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

// parseModule reads the .tf files of a module directory. A file that does not parse
// leaves the module without sources, with the reason.
func parseModule(dir string) (*moduleSource, string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	if len(files) == 0 {
		return nil, "no .tf files in " + dir
	}
	slices.Sort(files)
	s := &moduleSource{dir: dir, resources: map[string]*resourceSource{}, locals: map[string]hcl.Expression{},
		calls: map[string]*resourceSource{}, defaults: map[string]hcl.Expression{}, outputs: map[string]hcl.Expression{}}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err.Error()
		}
		f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
		if diags.HasErrors() {
			return nil, "the sources do not parse: " + diags.Error()
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			s.add(b)
		}
	}
	return s, ""
}

func (s *moduleSource) add(b *hclsyntax.Block) {
	switch {
	case b.Type == "resource" && len(b.Labels) == 2:
		s.resources[b.Labels[0]+"."+b.Labels[1]] = blockSource(b)
	case b.Type == "module" && len(b.Labels) == 1:
		s.calls[b.Labels[0]] = blockSource(b)
	case b.Type == "locals":
		for name, a := range b.Body.Attributes {
			s.locals[name] = a.Expr
		}
	case b.Type == "variable" && len(b.Labels) == 1:
		if a := b.Body.Attributes["default"]; a != nil {
			s.defaults[b.Labels[0]] = a.Expr
		}
	case b.Type == "output" && len(b.Labels) == 1:
		if a := b.Body.Attributes["value"]; a != nil {
			s.outputs[b.Labels[0]] = a.Expr
		}
	}
}

func blockSource(b *hclsyntax.Block) *resourceSource {
	r := &resourceSource{attrs: map[string]hcl.Expression{}}
	for name, a := range b.Body.Attributes {
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
