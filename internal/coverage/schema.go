package coverage

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// ProviderSource is the provider whose schema the coverage is measured against.
const ProviderSource = "registry.terraform.io/aliyun/alicloud"

// A Kind says whether a type is a managed resource or a data source.
type Kind string

// The two kinds of types a configuration declares.
const (
	Resource Kind = "resource"
	Data     Kind = "data"
)

// An Argument is one argument a configuration can set: an attribute that is required
// or optional, at the top of a type's block or inside a nested block ("timeouts.create").
// Attributes the provider only computes, and "id", are not arguments.
type Argument struct {
	Kind       Kind
	Type       string // e.g. "alicloud_vpc"
	Path       string // e.g. "cidr_block", "data_disks.size"
	Required   bool
	Deprecated bool
	Sensitive  bool
	ValueType  string // Terraform's type, e.g. "string", "set of string"
}

// Key is the argument's name in tables: "resource alicloud_vpc cidr_block".
func (a Argument) Key() string { return string(a.Kind) + " " + a.Type + " " + a.Path }

// Arguments reads "terraform providers schema -json" output and lists the arguments of
// the named resource and data source types of the alicloud provider, in the order of
// the types given and, within a type, by path. A type the schema lacks is an error.
func Arguments(schemaJSON []byte, resources, dataSources []string) ([]Argument, error) {
	var all tfjson.ProviderSchemas
	if err := json.Unmarshal(schemaJSON, &all); err != nil {
		return nil, fmt.Errorf("coverage: reading the schema: %w", err)
	}
	provider, ok := all.Schemas[ProviderSource]
	if !ok {
		return nil, fmt.Errorf("coverage: the schema has no provider %s", ProviderSource)
	}
	var out []Argument
	add := func(kind Kind, types []string, schemas map[string]*tfjson.Schema) error {
		for _, typ := range types {
			s, ok := schemas[typ]
			if !ok || s.Block == nil {
				return fmt.Errorf("coverage: the schema has no %s %s", kind, typ)
			}
			var args []Argument
			walk(s.Block, "", func(path string, a *tfjson.SchemaAttribute) {
				args = append(args, Argument{Kind: kind, Type: typ, Path: path, Required: a.Required,
					Deprecated: a.Deprecated, Sensitive: a.Sensitive, ValueType: a.AttributeType.FriendlyName()})
			})
			slices.SortFunc(args, func(a, b Argument) int { return strings.Compare(a.Path, b.Path) })
			out = append(out, args...)
		}
		return nil
	}
	if err := add(Resource, resources, provider.ResourceSchemas); err != nil {
		return nil, err
	}
	if err := add(Data, dataSources, provider.DataSourceSchemas); err != nil {
		return nil, err
	}
	return out, nil
}

// walk calls visit for every settable attribute of b and of its nested blocks.
func walk(b *tfjson.SchemaBlock, prefix string, visit func(string, *tfjson.SchemaAttribute)) {
	for name, a := range b.Attributes {
		if name == "id" || !(a.Required || a.Optional) {
			continue
		}
		visit(prefix+name, a)
	}
	for name, nested := range b.NestedBlocks {
		if nested.Block != nil {
			walk(nested.Block, prefix+name+".", visit)
		}
	}
}
