package check

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// A planFile is what check reads of "terraform show -json" output: the few shapes the
// rules need, decoded as a stream. planned_values, prior_state, resource_drift and the
// other sections are skipped without being built, and of each resource change only the
// attributes of interestingAttrs are kept.
type planFile struct {
	formatVersion string
	variables     map[string]any
	changes       []*resourceChange
	config        *configFile // nil when the plan has no configuration
}

// A resourceChange is one managed, current (not deposed) resource instance of
// resource_changes.
type resourceChange struct {
	address, moduleAddress, typ, name string
	actions                           []string
	// before, after and unknown hold the attributes of interest: their values before
	// and after the change, and which after values are known only after apply.
	before, after, unknown map[string]any
}

// interestingAttrs are the attributes read of each resource type.
var interestingAttrs = map[string][]string{
	TypeAssociation: {"id", "allocation_id", "instance_id", "instance_type", "mode", "private_ip_address"},
	TypeEIP:         {"id", "payment_type", "instance_charge_type"},
	TypeENI: {"id", "vswitch_id", "primary_ip_address", "private_ip", "private_ip_addresses", "private_ips",
		"secondary_private_ip_address_count", "private_ips_count", "instance_type"},
	TypeAttach:   {"id", "network_interface_id", "instance_id"},
	TypeInstance: {"id", "instance_type", "vswitch_id", "network_interface_id", "network_interfaces"},
	TypeVSwitch:  {"id", "vpc_id", "zone_id"},
	TypeVPC:      {"id"},
}

func init() {
	interestingAttrs[TypeEIPAlias] = interestingAttrs[TypeEIP]
	interestingAttrs[TypeENIAlias] = interestingAttrs[TypeENI]
	interestingAttrs[TypeAttachAlias] = interestingAttrs[TypeAttach]
}

// A configFile is the plan's configuration section.
type configFile struct {
	providers map[string]*providerConfig
	root      *configModule
}

type providerConfig struct {
	moduleAddress string
	region        *expression
}

// A configModule is one module of the configuration, not expanded.
type configModule struct {
	resources map[string]*configResource // by "type.name"
	calls     map[string]*moduleCall     // by call name
	outputs   map[string]*expression
}

type configResource struct {
	typ, name, providerKey string
	exprs                  map[string]*expression
	count, forEach         *expression
	dependsOn              []string // "type.name" or "module.name", as written
}

type moduleCall struct {
	source         string
	exprs          map[string]*expression
	count, forEach *expression
	module         *configModule
	dependsOn      []string
}

// An expression is the plan's representation of a configuration expression: a
// constant, or the references it makes (each traversal step repeated).
type expression struct {
	constant any
	isConst  bool
	refs     []string
}

// decodePlan reads plan JSON from r as a stream.
func decodePlan(r io.Reader, name string) (*planFile, error) {
	lr := &lineReader{r: r}
	dec := jsontext.NewDecoder(lr, jsontext.AllowDuplicateNames(true))
	p := &planFile{}
	fail := func(err error) (*planFile, error) { return nil, inputError(name, lr, dec, err) }
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
			err = json.UnmarshalDecode(dec, &p.formatVersion)
		case "variables":
			var vars map[string]struct {
				Value any `json:"value"`
			}
			err = json.UnmarshalDecode(dec, &vars)
			p.variables = make(map[string]any, len(vars))
			for k, v := range vars {
				p.variables[k] = v.Value
			}
		case "resource_changes":
			err = p.decodeChanges(dec)
		case "configuration":
			p.config, err = decodeConfig(dec)
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
	if p.formatVersion == "" || p.changes == nil {
		return nil, &InputError{File: name, Msg: "no format_version or resource_changes: this is not the output of \"terraform show -json PLANFILE\""}
	}
	if major, _, _ := strings.Cut(p.formatVersion, "."); major != "0" && major != "1" {
		return nil, &InputError{File: name, Msg: "not plan JSON this version reads: format version " + p.formatVersion + " (want 0.x or 1.x)"}
	}
	return p, nil
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

func (p *planFile) decodeChanges(dec *jsontext.Decoder) error {
	p.changes = []*resourceChange{}
	if dec.PeekKind() == 'n' {
		return dec.SkipValue()
	}
	if err := expect(dec, '['); err != nil {
		return err
	}
	for dec.PeekKind() != ']' {
		c, err := decodeChange(dec)
		if err != nil {
			return err
		}
		if c != nil {
			p.changes = append(p.changes, c)
		}
	}
	_, err := dec.ReadToken()
	return err
}

// decodeChange reads one element of resource_changes; it returns nil for data
// sources and deposed objects.
func decodeChange(dec *jsontext.Decoder) (*resourceChange, error) {
	if err := expect(dec, '{'); err != nil {
		return nil, err
	}
	c := &resourceChange{}
	managed, deposed, decoded := true, false, false
	var change jsontext.Value
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return nil, err
		}
		switch name {
		case "address":
			c.address, err = readString(dec)
		case "module_address":
			c.moduleAddress, err = readString(dec)
		case "type":
			c.typ, err = readString(dec)
		case "name":
			c.name, err = readString(dec)
		case "mode":
			var mode string
			err = json.UnmarshalDecode(dec, &mode)
			managed = mode == "managed"
		case "deposed":
			var key string
			err = json.UnmarshalDecode(dec, &key)
			deposed = key != ""
		case "change":
			if c.typ != "" { // Terraform writes the type first: read the change in place
				err = c.decodeChange(dec)
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
	if !managed || deposed || (change == nil && !decoded) {
		return nil, nil
	}
	if change != nil {
		if err := c.decodeChange(jsontext.NewDecoder(bytes.NewReader(change), jsontext.AllowDuplicateNames(true))); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// decodeChange reads the change object, keeping the attributes of interest.
func (c *resourceChange) decodeChange(dec *jsontext.Decoder) error {
	if err := expect(dec, '{'); err != nil {
		return err
	}
	want := interestingAttrs[c.typ]
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return err
		}
		switch name {
		case "actions":
			err = json.UnmarshalDecode(dec, &c.actions)
		case "before":
			if len(c.actions) == 1 && c.actions[0] == "no-op" {
				err = dec.SkipValue() // the same as after
				break
			}
			c.before, err = decodeAttrs(dec, want)
		case "after":
			c.after, err = decodeAttrs(dec, want)
		case "after_unknown":
			c.unknown, err = decodeAttrs(dec, want)
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

// decodeAttrs reads an object of attributes, keeping those in want; null or a
// non-object gives nil.
func decodeAttrs(dec *jsontext.Decoder, want []string) (map[string]any, error) {
	if dec.PeekKind() != '{' {
		return nil, dec.SkipValue()
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	var out map[string]any // made when the first attribute is kept
	for dec.PeekKind() != '}' {
		key, err := readName(dec) // void after the next call: copied below when kept
		if err != nil {
			return nil, err
		}
		if !contains(want, key) {
			if err := dec.SkipValue(); err != nil {
				return nil, err
			}
			continue
		}
		key = strings.Clone(key)
		v, err := readAny(dec)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make(map[string]any, 4)
		}
		out[key] = v
	}
	_, err := dec.ReadToken()
	return out, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The configuration section, as JSON.
type (
	jsonConfig struct {
		ProviderConfig map[string]struct {
			ModuleAddress string                    `json:"module_address"`
			Expressions   map[string]jsontext.Value `json:"expressions"`
		} `json:"provider_config"`
		RootModule *jsonModule `json:"root_module"`
	}
	jsonModule struct {
		Resources []struct {
			Mode              string                    `json:"mode"`
			Type              string                    `json:"type"`
			Name              string                    `json:"name"`
			ProviderConfigKey string                    `json:"provider_config_key"`
			Expressions       map[string]jsontext.Value `json:"expressions"`
			CountExpression   jsontext.Value            `json:"count_expression"`
			ForEachExpression jsontext.Value            `json:"for_each_expression"`
			DependsOn         []string                  `json:"depends_on"`
		} `json:"resources"`
		ModuleCalls map[string]struct {
			Source            string                    `json:"source"`
			Expressions       map[string]jsontext.Value `json:"expressions"`
			CountExpression   jsontext.Value            `json:"count_expression"`
			ForEachExpression jsontext.Value            `json:"for_each_expression"`
			DependsOn         []string                  `json:"depends_on"`
			Module            *jsonModule               `json:"module"`
		} `json:"module_calls"`
		Outputs map[string]struct {
			Expression jsontext.Value `json:"expression"`
		} `json:"outputs"`
	}
	jsonExpression struct {
		ConstantValue jsontext.Value `json:"constant_value"`
		References    []string       `json:"references"`
	}
)

func decodeConfig(dec *jsontext.Decoder) (*configFile, error) {
	var jc jsonConfig
	if err := json.UnmarshalDecode(dec, &jc, json.RejectUnknownMembers(false)); err != nil {
		return nil, err
	}
	c := &configFile{providers: map[string]*providerConfig{}, root: convertModule(jc.RootModule)}
	for key, pc := range jc.ProviderConfig {
		c.providers[key] = &providerConfig{moduleAddress: pc.ModuleAddress, region: parseExpression(pc.Expressions["region"])}
	}
	return c, nil
}

func convertModule(jm *jsonModule) *configModule {
	m := &configModule{resources: map[string]*configResource{}, calls: map[string]*moduleCall{}, outputs: map[string]*expression{}}
	if jm == nil {
		return m
	}
	for _, r := range jm.Resources {
		if r.Mode != "managed" {
			continue
		}
		m.resources[r.Type+"."+r.Name] = &configResource{typ: r.Type, name: r.Name, providerKey: r.ProviderConfigKey,
			exprs: parseExpressions(r.Expressions), count: parseExpression(r.CountExpression), forEach: parseExpression(r.ForEachExpression),
			dependsOn: r.DependsOn}
	}
	for name, call := range jm.ModuleCalls {
		m.calls[name] = &moduleCall{source: call.Source, exprs: parseExpressions(call.Expressions),
			count: parseExpression(call.CountExpression), forEach: parseExpression(call.ForEachExpression), module: convertModule(call.Module),
			dependsOn: call.DependsOn}
	}
	for name, o := range jm.Outputs {
		m.outputs[name] = parseExpression(o.Expression)
	}
	return m
}

func parseExpressions(in map[string]jsontext.Value) map[string]*expression {
	out := make(map[string]*expression, len(in))
	for k, v := range in {
		if e := parseExpression(v); e != nil {
			out[k] = e
		}
	}
	return out
}

// parseExpression reads an expression object; a nested block (an array) or anything
// else gives nil.
func parseExpression(v jsontext.Value) *expression {
	if len(v) == 0 || v.Kind() != '{' {
		return nil
	}
	var je jsonExpression
	if err := json.Unmarshal(v, &je); err != nil {
		return nil
	}
	e := &expression{refs: je.References}
	if len(je.ConstantValue) > 0 && len(je.References) == 0 {
		e.isConst = json.Unmarshal(je.ConstantValue, &e.constant) == nil
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

// inputError turns a decoding error into an *InputError that names the line.
func inputError(name string, lr *lineReader, dec *jsontext.Decoder, err error) error {
	if bytes.Equal(lr.head, []byte("PK\x03\x04")) {
		return &InputError{File: name, Msg: "this is a binary plan file (terraform plan -out); check its JSON instead: terraform show -json " + name + " > plan.json"}
	}
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		return &InputError{File: name, Where: lr.where(syn.ByteOffset), Msg: "not JSON: " + syn.Err.Error()}
	case errors.As(err, &sem):
		return &InputError{File: name, Where: lr.where(sem.ByteOffset), Msg: "not plan JSON: " + sem.Error()}
	case errors.Is(err, errNotPlan):
		return &InputError{File: name, Where: lr.where(dec.InputOffset()), Msg: "not plan JSON from \"terraform show -json\""}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &InputError{File: name, Msg: "not JSON: unexpected end of input"}
	}
	return &InputError{File: name, Msg: err.Error()}
}

// unsafeString views b as a string without copying; the caller must not keep it past
// the next decoder call.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
