// Command rulesdoc writes the documentation generated from the rules list (eipassoc's
// rules and check's plan rules): the two rules tables of the root package
// documentation (doc.go), a page in docs/rules for every rule, and the README's table
// of rules; and, from action.yml, the README's table of the GitHub Action's inputs and
// outputs. `go generate` in the repository's root runs it; TestDocsFresh fails when a
// file is out of step, so that a change to a rule and its documentation land together.
//
//	go run ./internal/rulesdoc [ROOT]
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check/report"
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	files, stale, err := generate(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulesdoc:", err)
		os.Exit(1)
	}
	for name, data := range files {
		path := filepath.Join(root, name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "rulesdoc:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rulesdoc:", err)
			os.Exit(1)
		}
		fmt.Println("wrote", name)
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(root, name)); err != nil {
			fmt.Fprintln(os.Stderr, "rulesdoc:", err)
			os.Exit(1)
		}
		fmt.Println("removed", name, "(it documents no rule)")
	}
}

// rulesDir holds a page for every rule, relative to the repository's root.
const rulesDir = "docs/rules"

// generate returns the generated files by path relative to root, whole (doc.go and the
// README with their generated parts replaced), and the pages of docs/rules that
// document no rule.
func generate(root string) (files map[string][]byte, stale []string, err error) {
	files = map[string][]byte{}
	doc, err := os.ReadFile(filepath.Join(root, "doc.go"))
	if err != nil {
		return nil, nil, err
	}
	list, table := docTables()
	text := string(doc)
	for _, s := range []struct{ begin, end, body string }{
		{"// only advises. [Rules] returns the same list with fixes.\n//\n", "//\n// # Codes", list},
		{"// codes a violation predicts.\n//\n", "//\n// Retired codes", table},
	} {
		if text, err = replace(text, s.begin, s.end, s.body); err != nil {
			return nil, nil, fmt.Errorf("doc.go: %w", err)
		}
	}
	files["doc.go"] = []byte(text)

	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, nil, err
	}
	const begin = "<!-- rules:begin (generated from the rules tables by go generate; TestDocsFresh keeps it " +
		"in step) -->\n"
	text, err = replace(string(readme), begin, "<!-- rules:end -->", report.RuleTable(rulesDir+"/"))
	if err != nil {
		return nil, nil, fmt.Errorf("README.md: %w", err)
	}
	action, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		return nil, nil, err
	}
	inputs, err := actionTable(action)
	if err != nil {
		return nil, nil, err
	}
	const actionBegin = "<!-- action:begin (generated from action.yml by go generate; TestDocsFresh keeps it " +
		"in step) -->\n"
	if text, err = replace(text, actionBegin, "<!-- action:end -->", inputs); err != nil {
		return nil, nil, fmt.Errorf("README.md: %w", err)
	}
	files["README.md"] = []byte(text)

	pages := report.RulePages()
	for name, page := range pages {
		files[rulesDir+"/"+name] = []byte(page)
	}
	existing, _ := filepath.Glob(filepath.Join(root, rulesDir, "*.md"))
	for _, path := range existing {
		if _, ok := pages[filepath.Base(path)]; !ok {
			stale = append(stale, rulesDir+"/"+filepath.Base(path))
		}
	}
	return files, stale, nil
}

// replace puts body between the markers begin and end of text.
func replace(text, begin, end, body string) (string, error) {
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("no markers %q ... %q", begin, end)
	}
	i += len(begin)
	return text[:i] + body + text[j:], nil
}

// docTables writes the two rules tables of doc.go: a list (summary, code, source, the
// facts read) and a table (code, severity, the API codes a violation predicts), as
// doc comment lines of at most 100 characters.
func docTables() (list, table string) {
	var l, t strings.Builder
	for _, r := range eipassoc.Rules() {
		item := fmt.Sprintf("%s Code %s; source: %s.", r.Summary, r.Code, r.Source)
		if !r.Reads.IsEmpty() {
			item += fmt.Sprintf(" Reads: %s.", r.Reads)
		}
		for i, line := range wrap(item, 100-len("//   - ")) {
			if i == 0 {
				l.WriteString("//   - " + line + "\n")
			} else {
				l.WriteString("//     " + line + "\n")
			}
		}
		api := strings.Join(r.APICodes, ", ")
		if api == "" {
			api = "-"
		}
		prefix := fmt.Sprintf("//\t%-34s %-9s ", r.Code, r.Severity)
		for i, line := range wrap(api, 100-len(prefix)-3) {
			if i == 0 {
				t.WriteString(prefix + line + "\n")
			} else {
				t.WriteString("//\t" + strings.Repeat(" ", 45) + line + "\n")
			}
		}
	}
	return l.String(), t.String()
}

// wrap breaks text at spaces into lines of at most width characters (a longer word
// stays whole).
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}
