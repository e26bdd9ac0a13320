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
// bytes. The configuration and prior state are written through the types Decode reads
// them with.
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
			raw, err := json.Marshal(p.Data[addr], json.Deterministic(true))
			if err != nil {
				return err
			}
			out.PriorState.Values.RootModule.Resources = append(out.PriorState.Values.RootModule.Resources,
				stateResource{Address: addr, Mode: "data", Values: raw})
		}
	}
	return json.MarshalWrite(w, &out, json.Deterministic(true), json.FormatNilMapAsNull(true))
}

// The sections of plan JSON that Decode reads as a stream, as Encode writes them.
type (
	jsonPlan struct {
		FormatVersion   string                  `json:"format_version"`
		Variables       map[string]jsonVariable `json:"variables,omitempty"`
		ResourceChanges []jsonChange            `json:"resource_changes"`
		Configuration   *jsonConfig             `json:"configuration,omitempty"`
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

func encodeConfig(c *Config) *jsonConfig {
	out := &jsonConfig{ProviderConfig: map[string]jsonProviderConfig{}, RootModule: encodeModule(c.Root)}
	for key, pc := range c.Providers {
		jp := jsonProviderConfig{ModuleAddress: pc.ModuleAddress}
		if pc.Region != nil {
			jp.Expressions = map[string]jsontext.Value{"region": encodeExpression(pc.Region)}
		}
		out.ProviderConfig[key] = jp
	}
	return out
}

func encodeModule(m *Module) *jsonModule {
	out := &jsonModule{Resources: []jsonResource{}}
	if m == nil {
		return out
	}
	for _, key := range slices.Sorted(maps.Keys(m.Resources)) {
		r := m.Resources[key]
		out.Resources = append(out.Resources, jsonResource{Address: key, Mode: "managed", Type: r.Type,
			Name: r.Name, ProviderConfigKey: r.ProviderKey, Expressions: encodeExpressions(r.Exprs),
			CountExpression: encodeExpression(r.Count), ForEachExpression: encodeExpression(r.ForEach),
			DependsOn: r.DependsOn})
	}
	if len(m.Calls) > 0 {
		out.ModuleCalls = map[string]jsonCall{}
		for name, c := range m.Calls {
			out.ModuleCalls[name] = jsonCall{Source: c.Source, Expressions: encodeExpressions(c.Exprs),
				CountExpression: encodeExpression(c.Count), ForEachExpression: encodeExpression(c.ForEach),
				DependsOn: c.DependsOn, Module: encodeModule(c.Module)}
		}
	}
	if len(m.Outputs) > 0 {
		out.Outputs = map[string]jsonOutput{}
		for name, e := range m.Outputs {
			out.Outputs[name] = jsonOutput{Expression: encodeExpression(e)}
		}
	}
	return out
}

func encodeExpressions(in map[string]*Expression) map[string]jsontext.Value {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]jsontext.Value, len(in))
	for k, e := range in {
		if e != nil {
			out[k] = encodeExpression(e)
		}
	}
	return out
}

// encodeExpression writes an expression as a plan does, the inverse of
// parseExpression: an object with a constant or references, or, for nested blocks, an
// array of one object of expressions per block; nothing for a missing expression.
func encodeExpression(e *Expression) jsontext.Value {
	if e == nil {
		return nil
	}
	var v any
	if e.Blocks != nil {
		blocks := make([]map[string]jsontext.Value, len(e.Blocks))
		for i, b := range e.Blocks {
			blocks[i] = encodeExpressions(b)
			if blocks[i] == nil {
				blocks[i] = map[string]jsontext.Value{}
			}
		}
		v = blocks
	} else {
		je := jsonExpression{References: e.Refs}
		if e.IsConst {
			raw, err := json.Marshal(e.Constant, json.Deterministic(true))
			if err != nil {
				raw = jsontext.Value("null")
			}
			je.ConstantValue = raw
		}
		v = je
	}
	raw, err := json.Marshal(v, json.Deterministic(true))
	if err != nil {
		return nil
	}
	return raw
}
