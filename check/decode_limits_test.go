package check

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNesting: the scanner counts the nesting the HCL parsers recurse on (brackets,
// braces, parentheses, template interpolations), not brackets in strings, heredocs or
// comments, and stops at the limit. Depths are counted by hand.
func TestNesting(t *testing.T) {
	t.Parallel()
	deep := func(n int) string { return "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }
	for _, tc := range []struct {
		name, src string
		ok        bool
	}{
		{"a block", "resource \"a\" \"b\" {\n  x = [1, {y = (2)}]\n}\n", true},
		{"at the limit", deep(MaxSourceNesting), true},
		{"past the limit", deep(MaxSourceNesting + 1), false},
		{"brackets in a string", "x = \"" + strings.Repeat("[", 1000) + "\"\n", true},
		{"closers in a string do not hide depth", "x = " + strings.Repeat("[\"]]\",", 300) + "\n", false},
		{"brackets in a comment", "# " + strings.Repeat("(", 1000) + "\nx = 1 // " + strings.Repeat("{", 1000) +
			"\n/* " + strings.Repeat("[", 1000) + " */\n", true},
		{"brackets in a heredoc", "x = <<EOF\n" + strings.Repeat("{", 1000) + "\nEOF\ny = 1\n", true},
		{"interpolations nest", "x = \"" + strings.Repeat("${", 300) + "1" + strings.Repeat("}", 300) + "\"\n", false},
		{"an escaped interpolation", "x = \"" + strings.Repeat("$${", 300) + "\"\n", true},
		{"interpolation in a heredoc", "x = <<-EOT\n" + strings.Repeat("%{", 300) + "\n  EOT\n", false},
	} {
		if _, ok := nesting([]byte(tc.src), false, MaxSourceNesting); ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.name, ok, tc.ok)
		}
	}
	for _, tc := range []struct {
		name, src string
		ok        bool
	}{
		{"a JSON configuration", `{"resource": {"a": {"b": {"x": [1, {"y": "${var.z}"}]}}}}`, true},
		{"JSON past the limit", strings.Repeat("[", MaxSourceNesting+1) + strings.Repeat("]", MaxSourceNesting+1), false},
		{"brackets in a JSON string", `{"x": "` + strings.Repeat("[", 1000) + `"}`, true},
		{"a deep template in a JSON string", `{"x": "` + strings.Repeat("${(", 200) + `"}`, false},
	} {
		if _, ok := jsonNesting([]byte(tc.src)); ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.name, ok, tc.ok)
		}
	}
}

// TestDeepSourcesRefused: a .tf file with 100,000 nested brackets, which overflows the
// HCL parser's stack, and one over the size limit are an *InputError naming the file
// (and the line) before any parser reads them: LoadPlan fails with it (exit 2), and the
// locations' reader too.
func TestDeepSourcesRefused(t *testing.T) {
	t.Parallel()
	plan, err := os.ReadFile(filepath.Join("testdata", "v25", "count-string-ok", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{
		"deep.tf":  "locals {\n  x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "\n}\n",
		"large.tf": "# " + strings.Repeat("x", MaxSourceBytes) + "\n",
		"deep.tf.json": `{"locals": {"x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) +
			`}}`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadPlan(strings.NewReader(string(plan)), "plan.json", PlanOptions{SourceDir: dir,
			Getenv: func(string) string { return "" }})
		var in *InputError
		if !errors.As(err, &in) || !strings.HasSuffix(in.File, name) ||
			!strings.Contains(in.Msg, "deeper than") && !strings.Contains(in.Msg, "larger than") {
			t.Errorf("%s: LoadPlan: %v, want an *InputError naming the file and the limit", name, err)
		}
		if strings.HasPrefix(name, "deep") && in != nil && in.Where != "line 2" && in.Where != "line 1" {
			t.Errorf("%s: at %q, want the line", name, in.Where)
		}
		if _, err := LoadSources(dir, nil); !errors.As(err, &in) {
			t.Errorf("%s: LoadSources: %v, want an *InputError", name, err)
		}
	}
}

// FuzzNesting: no text makes the scanners panic, the line they name is within the text,
// and prefixing a text with more opening brackets than the limit (outside any string)
// always exceeds it.
func FuzzNesting(f *testing.F) {
	f.Add([]byte("resource \"a\" \"b\" {\n  x = \"${var.y}\" # [[\n  z = <<-EOF\n  ${c}\n  EOF\n}\n"))
	f.Add([]byte(`{"resource": {"a": {"b": {"x": "${(var.y)}"}}}}`))
	f.Add([]byte("x = \"$${\" /* ( */ y = [\"]\"]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		if line, _ := nesting(src, false, MaxSourceNesting); line < 1 || line > lines {
			t.Fatalf("line %d of %d", line, lines)
		}
		if line, _ := jsonNesting(src); line < 1 || line > lines {
			t.Fatalf("json: line %d of %d", line, lines)
		}
		deep := append([]byte(strings.Repeat("(", MaxSourceNesting+1)), src...)
		if _, ok := nesting(deep, false, MaxSourceNesting); ok {
			t.Fatal("more opening brackets than the limit passed")
		}
	})
}
