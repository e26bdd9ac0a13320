package coverage

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed templates.tf.txt
var templatesText string

// templates returns the templates of templates.tf.txt by section name ("base",
// "resource alicloud_vpc").
func templates() map[string]string {
	out := map[string]string{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			out[name] = body.String()
		}
		body.Reset()
	}
	for line := range strings.SplitSeq(templatesText, "\n") {
		if rest, ok := strings.CutPrefix(line, "== "); ok {
			flush()
			name = rest
			continue
		}
		if name == "" || strings.HasPrefix(line, "#") {
			continue
		}
		body.WriteString(line + "\n")
	}
	flush()
	return out
}

// BlockName is the name of the block that sets the entry's argument: "a_" and the
// path with dots as underscores.
func BlockName(e Entry) string { return "a_" + strings.ReplaceAll(e.Path, ".", "_") }

// Address is the address of the block that sets the entry's argument, as Terraform
// writes it: "alicloud_vpc.a_cidr_block", "data.alicloud_vpcs.a_ids".
func Address(e Entry) string {
	addr := e.Type + "." + BlockName(e)
	if e.Kind == Data {
		addr = "data." + addr
	}
	return addr
}

// Config returns the configuration that sets each of the entries' arguments (all of
// one type) in a block of its own, after the shared base (a VPC, a vSwitch, a security
// group). Stage 1 sets each entry's value, stage 2 its update value where it has one.
func Config(entries []Entry, stage int) (string, error) {
	all := templates()
	var b strings.Builder
	b.WriteString(all["base"])
	for _, e := range entries {
		tmpl, ok := all[string(e.Kind)+" "+e.Type]
		if !ok && e.Kind == Data {
			tmpl = "data \"" + e.Type + "\" \"{name}\" {\n  {arg}\n}\n"
		} else if !ok {
			return "", fmt.Errorf("coverage: templates.tf.txt has no template for %s %s", e.Kind, e.Type)
		}
		value := e.Value
		if stage == 2 && e.Update != "" {
			value = e.Update
		}
		arg := setting(e.Path, value)
		// Only the last block of a template, the one that sets the argument, gives
		// way to it; the blocks before it are what it needs.
		lines := strings.Split(strings.TrimSuffix(tmpl, "\n"), "\n")
		main := 0
		for n, line := range lines {
			if strings.HasPrefix(line, "resource ") || strings.HasPrefix(line, "data ") {
				main = n
			}
		}
		var out []string
		for n, line := range lines {
			if n > main && replaced(line, e) {
				continue
			}
			out = append(out, line)
		}
		text := strings.Join(out, "\n") + "\n"
		if e.With != "" {
			text = e.With + "\n" + text
		}
		text = strings.ReplaceAll(text, "{arg}", arg)
		text = strings.NewReplacer("{name}", BlockName(e), "{i}", strconv.Itoa(e.Index)).Replace(text)
		b.WriteString(text)
	}
	return b.String(), nil
}

// setting is the HCL that sets path to value: "key = value", or the fragment a value
// with a leading @ is.
func setting(path, value string) string {
	if fragment, ok := strings.CutPrefix(value, "@"); ok {
		return fragment
	}
	if block, leaf, nested := strings.Cut(path, "."); nested {
		return block + " {\n    " + leaf + " = " + value + "\n  }"
	}
	return path + " = " + value
}

// replaced says whether a template line "key = ..." gives way to the entry's argument.
func replaced(line string, e Entry) bool {
	key, _, ok := strings.Cut(strings.TrimSpace(line), " ")
	if !ok || strings.Contains(key, "\"") {
		return false
	}
	top, _, _ := strings.Cut(e.Path, ".")
	if key == top {
		return true
	}
	for _, d := range e.Drop {
		if key == d {
			return true
		}
	}
	return false
}
