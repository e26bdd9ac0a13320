package tfplan

import (
	"io"
	"maps"
	"slices"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Encode writes p as the JSON of "terraform show -json PLANFILE", with the sections and
// fields Decode reads: what Decode reads back is p again (the attributes of each
// change, the configuration, the variables and the data sources' values). Resource
// changes are written in p's order and map entries by key, so equal plans give equal
// bytes.
func Encode(w io.Writer, p *Plan) error {
	out := jsonPlan{FormatVersion: p.FormatVersion, ResourceChanges: make([]jsonChange, len(p.Changes))}
	for i, c := range p.Changes {
		out.ResourceChanges[i] = jsonChange{Address: c.Address, ModuleAddress: c.ModuleAddress, Mode: "managed",
			Type: c.Type, Name: c.Name, Change: jsonChangeBody{Actions: c.Actions, Before: attrMap(c.Before),
				After: attrMap(c.After), AfterUnknown: attrMap(c.Unknown)}}
	}
	if len(p.variables) > 0 || len(p.values) > 0 {
		out.Variables = map[string]jsonVariable{}
		for name, raw := range p.variables {
			out.Variables[name] = jsonVariable{Value: raw}
		}
		for name, v := range p.values {
			raw, err := json.Marshal(v, json.Deterministic(true))
			if err != nil {
				return err
			}
			out.Variables[name] = jsonVariable{Value: raw}
		}
	}
	if p.Config != nil {
		out.Configuration = encodeConfig(p.Config)
	}
	if len(p.Data) > 0 {
		out.PriorState = &jsonState{}
		for _, addr := range slices.Sorted(maps.Keys(p.Data)) {
			out.PriorState.Values.RootModule.Resources = append(out.PriorState.Values.RootModule.Resources,
				jsonStateResource{Address: addr, Mode: "data", Values: p.Data[addr]})
		}
	}
	return json.MarshalWrite(w, &out, json.Deterministic(true), json.FormatNilMapAsNull(true))
}

// The plan JSON that Encode writes.
type (
	jsonPlan struct {
		FormatVersion   string                  `json:"format_version"`
		Variables       map[string]jsonVariable `json:"variables,omitempty"`
		ResourceChanges []jsonChange            `json:"resource_changes"`
		Configuration   *jsonConfigOut          `json:"configuration,omitempty"`
		PriorState      *jsonState              `json:"prior_state,omitempty"`
	}
	jsonVariable struct {
		Value jsontext.Value `json:"value"`
	}
	jsonChange struct {
		Address       string         `json:"address"`
		ModuleAddress string         `json:"module_address,omitempty"`
		Mode          string         `json:"mode"`
		Type          string         `json:"type"`
		Name          string         `json:"name"`
		Change        jsonChangeBody `json:"change"`
	}
	jsonChangeBody struct {
		Actions      []string       `json:"actions"`
		Before       map[string]any `json:"before"`
		After        map[string]any `json:"after"`
		AfterUnknown map[string]any `json:"after_unknown"`
	}
	jsonConfigOut struct {
		ProviderConfig map[string]jsonProvider `json:"provider_config"`
		RootModule     *jsonModuleOut          `json:"root_module"`
	}
	jsonProvider struct {
		ModuleAddress string                        `json:"module_address,omitempty"`
		Expressions   map[string]*jsonExpressionOut `json:"expressions,omitempty"`
	}
	jsonModuleOut struct {
		Resources   []jsonResourceOut        `json:"resources"`
		ModuleCalls map[string]jsonCallOut   `json:"module_calls,omitempty"`
		Outputs     map[string]jsonOutputOut `json:"outputs,omitempty"`
	}
	jsonResourceOut struct {
		Address           string         `json:"address"`
		Mode              string         `json:"mode"`
		Type              string         `json:"type"`
		Name              string         `json:"name"`
		ProviderConfigKey string         `json:"provider_config_key,omitempty"`
		Expressions       map[string]any `json:"expressions,omitempty"`
		CountExpression   any            `json:"count_expression,omitzero"`
		ForEachExpression any            `json:"for_each_expression,omitzero"`
		DependsOn         []string       `json:"depends_on,omitempty"`
	}
	jsonCallOut struct {
		Source            string         `json:"source"`
		Expressions       map[string]any `json:"expressions,omitempty"`
		CountExpression   any            `json:"count_expression,omitzero"`
		ForEachExpression any            `json:"for_each_expression,omitzero"`
		DependsOn         []string       `json:"depends_on,omitempty"`
		Module            *jsonModuleOut `json:"module"`
	}
	jsonOutputOut struct {
		Expression any `json:"expression"`
	}
	jsonExpressionOut struct {
		ConstantValue jsontext.Value `json:"constant_value,omitzero"`
		References    []string       `json:"references,omitempty"`
	}
	jsonState struct {
		Values struct {
			RootModule struct {
				Resources []jsonStateResource `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	jsonStateResource struct {
		Address string `json:"address"`
		Mode    string `json:"mode"`
		Values  any    `json:"values"`
	}
)

// attrMap is a change's attributes as a JSON object, or nil (null) for none.
func attrMap(a Attrs) map[string]any {
	if a == nil {
		return nil
	}
	out := make(map[string]any, len(a))
	for name, v := range a.All() {
		out[name] = v
	}
	return out
}

func encodeConfig(c *Config) *jsonConfigOut {
	out := &jsonConfigOut{ProviderConfig: map[string]jsonProvider{}, RootModule: encodeModule(c.Root)}
	for key, pc := range c.Providers {
		jp := jsonProvider{ModuleAddress: pc.ModuleAddress}
		if pc.Region != nil {
			jp.Expressions = map[string]*jsonExpressionOut{}
			if e, ok := encodeExpression(pc.Region).(*jsonExpressionOut); ok {
				jp.Expressions["region"] = e
			}
		}
		out.ProviderConfig[key] = jp
	}
	return out
}

func encodeModule(m *Module) *jsonModuleOut {
	out := &jsonModuleOut{Resources: []jsonResourceOut{}}
	if m == nil {
		return out
	}
	for _, key := range slices.Sorted(maps.Keys(m.Resources)) {
		r := m.Resources[key]
		out.Resources = append(out.Resources, jsonResourceOut{Address: key, Mode: "managed", Type: r.Type,
			Name: r.Name, ProviderConfigKey: r.ProviderKey, Expressions: encodeExpressions(r.Exprs),
			CountExpression: encodeOptional(r.Count), ForEachExpression: encodeOptional(r.ForEach),
			DependsOn: r.DependsOn})
	}
	if len(m.Calls) > 0 {
		out.ModuleCalls = map[string]jsonCallOut{}
		for name, c := range m.Calls {
			out.ModuleCalls[name] = jsonCallOut{Source: c.Source, Expressions: encodeExpressions(c.Exprs),
				CountExpression: encodeOptional(c.Count), ForEachExpression: encodeOptional(c.ForEach),
				DependsOn: c.DependsOn, Module: encodeModule(c.Module)}
		}
	}
	if len(m.Outputs) > 0 {
		out.Outputs = map[string]jsonOutputOut{}
		for name, e := range m.Outputs {
			out.Outputs[name] = jsonOutputOut{Expression: encodeOptional(e)}
		}
	}
	return out
}

func encodeExpressions(in map[string]*Expression) map[string]any {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]any, len(in))
	for k, e := range in {
		if e != nil {
			out[k] = encodeExpression(e)
		}
	}
	return out
}

// encodeOptional is encodeExpression, with nil for a missing expression.
func encodeOptional(e *Expression) any {
	if e == nil {
		return nil
	}
	return encodeExpression(e)
}

// encodeExpression writes an expression as a plan does: an object with a constant or
// references, or, for nested blocks, an array of one object of expressions per block.
func encodeExpression(e *Expression) any {
	if e.Blocks != nil {
		blocks := make([]map[string]any, len(e.Blocks))
		for i, b := range e.Blocks {
			blocks[i] = encodeExpressions(b)
			if blocks[i] == nil {
				blocks[i] = map[string]any{}
			}
		}
		return blocks
	}
	out := &jsonExpressionOut{References: e.Refs}
	if e.IsConst {
		raw, err := json.Marshal(e.Constant, json.Deterministic(true))
		if err != nil {
			raw = jsontext.Value("null")
		}
		out.ConstantValue = raw
	}
	return out
}
