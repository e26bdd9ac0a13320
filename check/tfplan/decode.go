// Package tfplan is the typed plan that package check reads: the resource changes,
// configuration, variables and data-source values of a Terraform or OpenTofu plan,
// reduced to what the rules need. Decode reads it from the JSON of "terraform show
// -json PLANFILE" (or "tofu show -json") as a stream: planned_values, resource_drift
// and the other sections are skipped without being built, and of each resource change
// only the attributes the caller asks for are kept. A producer that has no plan JSON,
// such as the tflint ruleset, builds a Plan directly; Encode writes one as plan JSON.
// Order works out the order Terraform applies a plan's resources in.
package tfplan

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// A Plan is what is read of a plan.
type Plan struct {
	// FormatVersion is the plan JSON's format_version, 0.x or 1.x.
	FormatVersion string
	// variables are the root module's variable values as JSON, decoded by Variable on
	// first use into values: a plan's variables can be large maps that no rule reads.
	variables map[string]jsontext.Value
	values    map[string]any
	// Changes are the managed, current (not deposed) resource instances of
	// resource_changes, in the plan's order.
	Changes []*Change
	// Config is the configuration section; nil when the plan has none.
	Config *Config
	// Data are the values of the data sources Terraform read while planning (from
	// prior_state), by instance address ("module.a.data.alicloud_zones.z").
	Data map[string]any
}

// A Change is one resource instance of resource_changes.
type Change struct {
	Address, ModuleAddress, Type, Name string
	Actions                            []string
	// Before, After and Unknown hold the attributes asked for: their values before and
	// after the change, and which after values are known only after apply. Unknown is
	// shared between changes of one shape: it must not be modified.
	Before, After, Unknown Attrs
}

// A Config is the plan's configuration section.
type Config struct {
	// Providers are the provider configurations, by the plan's key ("alicloud",
	// "module.edge:alicloud.west").
	Providers map[string]*Provider
	// Root is the root module.
	Root *Module
}

// A Provider is a provider configuration: the module it is in and its region.
type Provider struct {
	ModuleAddress string
	Region        *Expression
}

// A Module is one module of the configuration, not expanded.
type Module struct {
	Resources map[string]*Resource // by "type.name"
	Calls     map[string]*Call     // by call name
	Outputs   map[string]*Expression
}

// A Resource is one managed resource block.
type Resource struct {
	Type, Name, ProviderKey string
	Exprs                   map[string]*Expression
	Count, ForEach          *Expression
	DependsOn               []string // "type.name" or "module.name", as written
}

// A Call is a module call.
type Call struct {
	Source         string
	Exprs          map[string]*Expression
	Count, ForEach *Expression
	Module         *Module
	DependsOn      []string
}

// An Expression is the plan's representation of a configuration expression: a
// constant, or the references it makes (each traversal step repeated).
type Expression struct {
	Constant any
	IsConst  bool
	Refs     []string
	// Blocks are the expressions of a nested block's instances (an instance's
	// network_interfaces blocks), as the plan writes them: one map per block.
	Blocks []map[string]*Expression
}

// Variable returns the value of the root module's variable name as encoding/json
// decodes it into an any. ok is false when the plan has no such variable, or when its
// value holds a number too large for a float64.
func (p *Plan) Variable(name string) (v any, ok bool) {
	if v, ok := p.values[name]; ok {
		return v, true
	}
	raw, ok := p.variables[name]
	if !ok || json.Unmarshal(raw, &v) != nil {
		return nil, false
	}
	if p.values == nil {
		p.values = map[string]any{}
	}
	p.values[name] = v
	return v, true
}

// VariableJSON returns the value of the root module's variable name as the plan's JSON
// holds it, for a reader that converts it itself without the any that Variable keeps.
func (p *Plan) VariableJSON(name string) ([]byte, bool) {
	if raw, ok := p.variables[name]; ok {
		return raw, true
	}
	return nil, false
}

// An Error reports input that is not plan JSON this package reads.
type Error struct {
	// Where is the position, when known, e.g. "line 3".
	Where string
	// Msg says what is wrong.
	Msg string
	// Binary is true for a binary plan file (terraform plan -out) given instead of its
	// JSON.
	Binary bool
}

// Error returns "WHERE: MSG".
func (e *Error) Error() string {
	if e.Where != "" {
		return e.Where + ": " + e.Msg
	}
	return e.Msg
}

// Decode reads plan JSON from r as a stream, keeping of each resource type's changes
// the attributes want lists. Input that is not plan JSON gives an *Error.
func Decode(r io.Reader, want map[string][]string) (*Plan, error) {
	lr := &lineReader{r: r}
	dec := jsontext.NewDecoder(lr, jsontext.AllowDuplicateNames(true))
	p := &Plan{}
	fail := func(err error) (*Plan, error) { return nil, decodeError(lr, dec, err) }
	if err := expect(dec, '{'); err != nil {
		return fail(err)
	}
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return fail(err)
		}
		switch name {
		case "format_version":
			err = json.UnmarshalDecode(dec, &p.FormatVersion)
		case "variables":
			var vars map[string]struct {
				Value jsontext.Value `json:"value"`
			}
			err = json.UnmarshalDecode(dec, &vars)
			p.variables = make(map[string]jsontext.Value, len(vars))
			for k, v := range vars {
				p.variables[k] = v.Value
			}
		case "resource_changes":
			err = p.decodeChanges(dec, want)
		case "configuration":
			p.Config, err = decodeConfig(dec)
		case "prior_state":
			p.Data, err = decodeData(dec)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return fail(err)
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return fail(err)
	}
	if _, err := dec.ReadToken(); err != io.EOF { // one plan, and nothing after it
		return nil, &Error{Where: lr.where(dec.InputOffset()), Msg: "data after the plan's JSON object"}
	}
	if p.FormatVersion == "" || p.Changes == nil {
		return nil, &Error{
			Msg: "no format_version or resource_changes: this is not the output of \"terraform show -json PLANFILE\"",
		}
	}
	if err := checkVersion(p.FormatVersion); err != nil {
		return nil, err
	}
	return p, nil
}

// Validate reports, as an *Error, what of a Plan built in memory Decode refuses in
// plan JSON: no format version, or one this package does not read; a resource change
// without an address, or two with the same one; an action Terraform does not write.
func (p *Plan) Validate() error {
	if err := checkVersion(p.FormatVersion); err != nil {
		return err
	}
	seen := make(map[string]bool, len(p.Changes))
	for i, c := range p.Changes {
		var err error
		switch {
		case c == nil || c.Address == "":
			err = &badChange{msg: "it has no address"}
		case seen[c.Address]:
			err = &badChange{address: c.Address, msg: "a second change with the same address"}
		default:
			err = checkActions(c)
		}
		if err != nil {
			bad := err.(*badChange)
			return &Error{Msg: (&changeError{index: i, offset: -1, address: bad.address, msg: bad.msg}).Error()}
		}
		seen[c.Address] = true
	}
	return nil
}

// checkVersion refuses a format version this package does not read.
func checkVersion(v string) error {
	if major, _, _ := strings.Cut(v, "."); major != "0" && major != "1" {
		return &Error{Msg: "not plan JSON this version reads: format version " + v + " (want 0.x or 1.x)"}
	}
	return nil
}

// readName reads an object member's name as raw JSON (quotes included), without
// allocating; the result is valid until the next call on dec. Names with escapes are
// unquoted.
func readName(dec *jsontext.Decoder) (string, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	if v.Kind() != '"' {
		return "", errNotPlan
	}
	if bytes.IndexByte(v, '\\') >= 0 {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", err
		}
		return s, nil
	}
	return unsafeString(v[1 : len(v)-1]), nil
}

// readAny reads a value as encoding/json would decode it into an any, with a fast
// path for the scalars that most attributes are.
func readAny(dec *jsontext.Decoder) (any, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return nil, err
	}
	switch v.Kind() {
	case '"':
		if bytes.IndexByte(v, '\\') < 0 {
			return string(v[1 : len(v)-1]), nil
		}
	case 'n':
		return nil, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case '0':
		return strconv.ParseFloat(string(v), 64)
	}
	var x any
	err = json.Unmarshal(v, &x)
	return x, err
}

// readString reads a string value (or null, as "").
func readString(dec *jsontext.Decoder) (string, error) {
	v, err := readAny(dec)
	if err != nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok && v != nil {
		return "", errNotPlan
	}
	return s, nil
}

// errNotPlan marks a JSON value of the wrong shape.
var errNotPlan = errors.New("not plan JSON")

func expect(dec *jsontext.Decoder, kind jsontext.Kind) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != kind {
		return errNotPlan
	}
	return nil
}

func (p *Plan) decodeChanges(dec *jsontext.Decoder, want map[string][]string) error {
	p.Changes = []*Change{}
	in := newInterner()
	var scratch Attrs // reused by every decodeAttrs
	if dec.PeekKind() == 'n' {
		return dec.SkipValue()
	}
	if err := expect(dec, '['); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i := 0; dec.PeekKind() != ']'; i++ {
		start := dec.InputOffset()
		c, err := decodeChange(dec, want, in, &scratch, seen)
		if err != nil {
			var bad *badChange
			if errors.As(err, &bad) {
				return &changeError{index: i, offset: start, address: bad.address, msg: bad.msg}
			}
			return err
		}
		if c != nil {
			p.Changes = append(p.Changes, c)
		}
	}
	_, err := dec.ReadToken()
	return err
}

// A badChange is a resource change that is JSON but not one Terraform writes.
type badChange struct{ address, msg string }

func (e *badChange) Error() string { return e.msg }

// A changeError names the resource change a badChange is.
type changeError struct {
	index   int
	offset  int64 // where the change starts
	address string
	msg     string
}

func (e *changeError) Error() string { return e.place() + ": " + e.msg }

// place names the change: "resource_changes[3] (alicloud_eip_association.a)".
func (e *changeError) place() string {
	where := "resource_changes[" + strconv.Itoa(e.index) + "]"
	if e.address != "" {
		where += " (" + e.address + ")"
	}
	return where
}

// actionNames are the actions Terraform writes in a resource change (plans.Action's
// JSON: no-op, create, read, update, delete, and forget since Terraform 1.7).
var actionNames = []string{"no-op", "create", "read", "update", "delete", "forget"}

// decodeChange reads one element of resource_changes; it returns nil for data
// sources and deposed objects. The strings that repeat across changes (module
// address, type, name, actions) are shared through in.
func decodeChange(
	dec *jsontext.Decoder,
	want map[string][]string,
	in *interner,
	scratch *Attrs,
	seen map[string]bool,
) (*Change, error) {
	if err := expect(dec, '{'); err != nil {
		return nil, err
	}
	c := &Change{}
	managed, deposed, decoded := true, false, false
	var change jsontext.Value
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return nil, err
		}
		switch name {
		case "address":
			if dec.PeekKind() != '"' {
				return nil, &badChange{msg: "its address is not a string"}
			}
			c.Address, err = readString(dec)
		case "module_address":
			c.ModuleAddress, err = in.string(dec)
		case "type":
			c.Type, err = in.string(dec)
		case "name":
			c.Name, err = in.string(dec)
		case "mode":
			var mode string
			err = json.UnmarshalDecode(dec, &mode)
			managed = mode == "managed"
		case "deposed":
			var key string
			err = json.UnmarshalDecode(dec, &key)
			deposed = key != ""
		case "change":
			if c.Type != "" { // Terraform writes the type first: read the change in place
				err = c.decodeChange(dec, want[c.Type], in, scratch)
				decoded = true
				break
			}
			var v jsontext.Value // another writer's order: keep the bytes for later
			v, err = dec.ReadValue()
			change = bytes.Clone(v)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return nil, err
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	switch {
	case c.Address == "":
		return nil, &badChange{msg: "it has no address"}
	case !deposed && seen[c.Address]: // a deposed object shares its address with the current one
		return nil, &badChange{address: c.Address, msg: "a second change with the same address"}
	}
	if !deposed {
		seen[c.Address] = true
	}
	if !managed || deposed || (change == nil && !decoded) {
		return nil, checkActions(c) // the actions of a change read in place
	}
	if change != nil {
		dec := jsontext.NewDecoder(bytes.NewReader(change), jsontext.AllowDuplicateNames(true))
		if err := c.decodeChange(dec, want[c.Type], in, scratch); err != nil {
			return nil, err
		}
	}
	if err := checkActions(c); err != nil {
		return nil, err
	}
	return c, nil
}

// checkActions refuses a change whose actions Terraform does not write: an action it
// does not know would otherwise be read as no change at all.
func checkActions(c *Change) error {
	for _, a := range c.Actions {
		if !slices.Contains(actionNames, a) {
			return &badChange{address: c.Address, msg: "unknown action " + strconv.Quote(a) +
				" (Terraform writes " + strings.Join(actionNames, ", ") + ")"}
		}
	}
	return nil
}

// decodeChange reads the change object, keeping the attributes of interest.
func (c *Change) decodeChange(dec *jsontext.Decoder, want []string, in *interner, scratch *Attrs) error {
	if err := expect(dec, '{'); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return err
		}
		switch name {
		case "actions":
			c.Actions, err = in.actions(dec)
		case "before":
			if len(c.Actions) == 1 && c.Actions[0] == "no-op" {
				err = dec.SkipValue() // the same as after
				break
			}
			c.Before, err = decodeAttrs(dec, want, nil, scratch)
			c.Before = slices.Clip(slices.Clone(c.Before))
		case "after":
			c.After, err = decodeAttrs(dec, want, nil, scratch)
			c.After = slices.Clip(slices.Clone(c.After))
		case "after_unknown":
			c.Unknown, err = decodeAttrs(dec, want, false, scratch) // false: known, as if absent
			c.Unknown = in.unknowns(c.Unknown)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

// decodeAttrs reads an object of attributes, keeping those in want whose value is not
// null and not absent (which means the same as absent); null or a non-object gives
// nil. The names kept are want's own strings, and the result has no spare capacity: a
// plan holds three of these for every resource instance. The result is scratch's
// array, valid until the next call: callers copy it.
func decodeAttrs(dec *jsontext.Decoder, want []string, absent any, scratch *Attrs) (Attrs, error) {
	if dec.PeekKind() != '{' {
		return nil, dec.SkipValue()
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	out := (*scratch)[:0]
	defer func() { *scratch = out[:0] }()
	for dec.PeekKind() != '}' {
		key, err := readName(dec) // void after the next call: want's copy is kept
		if err != nil {
			return nil, err
		}
		i := slices.Index(want, key)
		if i < 0 {
			if err := dec.SkipValue(); err != nil {
				return nil, err
			}
			continue
		}
		v, err := readAny(dec)
		if err != nil {
			return nil, err
		}
		if v != nil && v != absent {
			out.Set(want[i], v)
		}
	}
	_, err := dec.ReadToken()
	if len(out) == 0 {
		return nil, err
	}
	return out, err
}

// The configuration section, as JSON: Decode reads it and Encode writes it through
// these types. Expressions stay raw until parseExpression reads them.
type (
	jsonConfig struct {
		ProviderConfig map[string]jsonProviderConfig `json:"provider_config"`
		RootModule     *jsonModule                   `json:"root_module"`
	}
	jsonProviderConfig struct {
		ModuleAddress string                    `json:"module_address,omitempty"`
		Expressions   map[string]jsontext.Value `json:"expressions,omitempty"`
	}
	jsonModule struct {
		Resources   []jsonResource        `json:"resources"`
		ModuleCalls map[string]jsonCall   `json:"module_calls,omitempty"`
		Outputs     map[string]jsonOutput `json:"outputs,omitempty"`
	}
	jsonResource struct {
		Address           string                    `json:"address,omitempty"`
		Mode              string                    `json:"mode"`
		Type              string                    `json:"type"`
		Name              string                    `json:"name"`
		ProviderConfigKey string                    `json:"provider_config_key,omitempty"`
		Expressions       map[string]jsontext.Value `json:"expressions,omitempty"`
		CountExpression   jsontext.Value            `json:"count_expression,omitzero"`
		ForEachExpression jsontext.Value            `json:"for_each_expression,omitzero"`
		DependsOn         []string                  `json:"depends_on,omitempty"`
	}
	jsonCall struct {
		Source            string                    `json:"source"`
		Expressions       map[string]jsontext.Value `json:"expressions,omitempty"`
		CountExpression   jsontext.Value            `json:"count_expression,omitzero"`
		ForEachExpression jsontext.Value            `json:"for_each_expression,omitzero"`
		DependsOn         []string                  `json:"depends_on,omitempty"`
		Module            *jsonModule               `json:"module"`
	}
	jsonOutput struct {
		Expression jsontext.Value `json:"expression,omitzero"`
	}
	jsonExpression struct {
		ConstantValue jsontext.Value `json:"constant_value,omitzero"`
		References    []string       `json:"references,omitempty"`
	}
)

func decodeConfig(dec *jsontext.Decoder) (*Config, error) {
	var jc jsonConfig
	if err := json.UnmarshalDecode(dec, &jc, json.RejectUnknownMembers(false)); err != nil {
		return nil, err
	}
	c := &Config{Providers: map[string]*Provider{}, Root: convertModule(jc.RootModule)}
	for key, pc := range jc.ProviderConfig {
		c.Providers[key] = &Provider{ModuleAddress: pc.ModuleAddress, Region: parseExpression(pc.Expressions["region"])}
	}
	return c, nil
}

func convertModule(jm *jsonModule) *Module {
	m := &Module{Resources: map[string]*Resource{}, Calls: map[string]*Call{}, Outputs: map[string]*Expression{}}
	if jm == nil {
		return m
	}
	for _, r := range jm.Resources {
		if r.Mode != "managed" {
			continue
		}
		m.Resources[r.Type+"."+r.Name] = &Resource{Type: r.Type, Name: r.Name, ProviderKey: r.ProviderConfigKey,
			Exprs: parseExpressions(
				r.Expressions,
			), Count: parseExpression(r.CountExpression), ForEach: parseExpression(r.ForEachExpression),
			DependsOn: r.DependsOn}
	}
	for name, call := range jm.ModuleCalls {
		m.Calls[name] = &Call{Source: call.Source, Exprs: parseExpressions(call.Expressions),
			Count: parseExpression(
				call.CountExpression,
			), ForEach: parseExpression(call.ForEachExpression), Module: convertModule(call.Module),
			DependsOn: call.DependsOn}
	}
	for name, o := range jm.Outputs {
		m.Outputs[name] = parseExpression(o.Expression)
	}
	return m
}

func parseExpressions(in map[string]jsontext.Value) map[string]*Expression {
	out := make(map[string]*Expression, len(in))
	for k, v := range in {
		if e := parseExpression(v); e != nil {
			out[k] = e
		}
	}
	return out
}

// parseExpression reads an Expression object, or the expressions of nested blocks (an
// array of objects, into Blocks); anything else gives nil.
func parseExpression(v jsontext.Value) *Expression {
	if len(v) > 0 && v.Kind() == '[' { // nested blocks
		var blocks []map[string]jsontext.Value
		if err := json.Unmarshal(v, &blocks); err != nil {
			return nil
		}
		e := &Expression{Blocks: make([]map[string]*Expression, len(blocks))}
		for i, b := range blocks {
			e.Blocks[i] = parseExpressions(b)
		}
		return e
	}
	if len(v) == 0 || v.Kind() != '{' {
		return nil
	}
	var je jsonExpression
	if err := json.Unmarshal(v, &je); err != nil {
		return nil
	}
	e := &Expression{Refs: je.References}
	if len(je.ConstantValue) > 0 && len(je.References) == 0 {
		e.IsConst = json.Unmarshal(je.ConstantValue, &e.Constant) == nil
	}
	return e
}

// lineReader counts lines as the decoder reads, and keeps the last chunk, so that an
// error at a byte offset can be placed on a line without keeping the whole input.
type lineReader struct {
	head        []byte // the first bytes of the input
	r           io.Reader
	read        int64  // bytes read so far
	lines       int    // newlines before the last chunk
	last        []byte // the last chunk read
	lastStarted int64  // offset of the last chunk
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if n > 0 && len(l.head) < 4 {
		l.head = append(l.head, p[:min(n, 4-len(l.head))]...)
	}
	if n > 0 {
		l.lines += bytes.Count(l.last, []byte("\n"))
		l.last = append(l.last[:0], p[:n]...)
		l.lastStarted = l.read
		l.read += int64(n)
	}
	return n, err
}

// where names the line of a byte offset when it lies in the last chunk read, else
// the offset.
func (l *lineReader) where(off int64) string {
	if off >= l.lastStarted && off <= l.read {
		return "line " + strconv.Itoa(l.lines+bytes.Count(l.last[:off-l.lastStarted], []byte("\n"))+1)
	}
	return offsetWhere(off)
}

// decodeError turns a decoding error into an *Error that names the line.
func decodeError(lr *lineReader, dec *jsontext.Decoder, err error) error {
	if bytes.Equal(lr.head, []byte("PK\x03\x04")) {
		return &Error{Binary: true, Msg: "this is a binary plan file (terraform plan -out), not its JSON"}
	}
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	var change *changeError
	switch {
	case errors.As(err, &change):
		where := lr.where(change.offset + 1) // the change's opening brace, not the comma before it
		if where != "" {
			where += ", "
		}
		return &Error{Where: where + change.place(), Msg: change.msg}
	case errors.As(err, &syn):
		return &Error{Where: lr.where(syn.ByteOffset), Msg: "not JSON: " + syn.Err.Error()}
	case errors.As(err, &sem):
		return &Error{Where: lr.where(sem.ByteOffset), Msg: "not plan JSON: " + sem.Error()}
	case errors.Is(err, errNotPlan):
		return &Error{Where: lr.where(dec.InputOffset()), Msg: "not plan JSON from \"terraform show -json\""}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &Error{Msg: "not JSON: unexpected end of input"}
	}
	return &Error{Msg: err.Error()}
}

// offsetWhere names a byte offset, or nothing for the start.
func offsetWhere(off int64) string {
	if off <= 0 {
		return ""
	}
	return "byte " + strconv.FormatInt(off, 10)
}

// unsafeString views b as a string without copying; the caller must not keep it past
// the next decoder call.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// stateModule is a module of prior_state: its resources kept raw, so that only the
// data sources' values are decoded.
type stateModule struct {
	Resources    []stateResource `json:"resources"`
	ChildModules []stateModule   `json:"child_modules,omitempty"`
}

// A stateResource is a resource of prior_state, its values raw.
type stateResource struct {
	Address string         `json:"address"`
	Mode    string         `json:"mode"`
	Values  jsontext.Value `json:"values"`
}

// jsonState is prior_state.
type jsonState struct {
	Values struct {
		RootModule stateModule `json:"root_module"`
	} `json:"values"`
}

// decodeData reads prior_state and returns the values of its data sources.
func decodeData(dec *jsontext.Decoder) (map[string]any, error) {
	var state jsonState
	if err := json.UnmarshalDecode(dec, &state); err != nil {
		return nil, err
	}
	out := map[string]any{}
	var walk func(m stateModule) error
	walk = func(m stateModule) error {
		for _, r := range m.Resources {
			if r.Mode != "data" {
				continue
			}
			var v any
			if err := json.Unmarshal(r.Values, &v); err != nil {
				return err
			}
			out[r.Address] = v
		}
		for _, c := range m.ChildModules {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(state.Values.RootModule)
}
