package readmecheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// imports maps the package names the snippets use to their import paths.
var imports = map[string]string{
	"eipassoc": "github.com/eipassoc/eipassoc",
	"eip":      "github.com/eipassoc/eipassoc/eip",
	"eni":      "github.com/eipassoc/eipassoc/eni",
	"modes":    "github.com/eipassoc/eipassoc/modes",
	"regions":  "github.com/eipassoc/eipassoc/regions",
	"ecs":      "github.com/eipassoc/eipassoc/ecs",
	"backend":  "github.com/eipassoc/eipassoc/backend",
	"client":   "github.com/eipassoc/eipassoc/client",
	"fake":     "github.com/eipassoc/eipassoc/backend/fake",
	"aliyun":   "github.com/eipassoc/eipassoc/backend/aliyun",
	"check":    "github.com/eipassoc/eipassoc/check",
	"context":  "context",
	"errors":   "errors",
	"fmt":      "fmt",
	"netip":    "net/netip",
	"time":     "time",
}

var (
	goBlock   = regexp.MustCompile("(?s)```go\n(.*?)```")
	declared  = regexp.MustCompile(`(?m)^(\w+)(?:, (\w+))* :?=`)
	comment   = regexp.MustCompile(`//[^\n]*`)
	qualified = regexp.MustCompile(`\b([a-z]+)\.`) // a package name before a selector
)

// snippetFile turns the Go snippets of a Markdown file into one Go file of this package:
// each snippet the body of a function that has a ctx and returns an error, its
// variables marked used, and the imports its package names need.
func snippetFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	used := map[string]bool{"context": true}
	for i, m := range goBlock.FindAllStringSubmatch(string(data), -1) {
		code := m[1]
		if strings.HasPrefix(strings.TrimSpace(code), "package ") {
			continue // a whole program: examples/ has it
		}
		uncommented := comment.ReplaceAllString(code, "")
		for _, m := range qualified.FindAllStringSubmatch(uncommented, -1) {
			if _, ok := imports[m[1]]; ok {
				used[m[1]] = true
			}
		}
		fmt.Fprintf(&body, "\n// snippet %d of %s\nfunc snippet%d(ctx context.Context) error {\n_ = ctx\n%s\n",
			i+1, name, i+1, code)
		for _, d := range declared.FindAllStringSubmatch(code, -1) {
			for _, v := range d[1:] {
				if v != "" && v != "_" && v != "err" {
					fmt.Fprintf(&body, "_ = %s\n", v)
				}
			}
		}
		body.WriteString("return nil\n}\n")
	}
	var head strings.Builder
	head.WriteString("package readmecheck\n\nimport (\n")
	for pkg := range used {
		fmt.Fprintf(&head, "\t%q\n", imports[pkg])
	}
	head.WriteString(")\n")
	return head.String() + body.String()
}

// TestSnippetsCompile type-checks every Go snippet of README.md, the page a new user
// copies from. (docs/library.md's snippets build on each other, a variable at a time;
// its flows are the packages' Example functions.)
func TestSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the module's packages with go list")
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	overlay := map[string][]byte{}
	overlay[filepath.Join(dir, "snippets.go")] = []byte(snippetFile(t, "README.md"))
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir: dir, Overlay: overlay}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%v", e)
		}
	}
	if t.Failed() {
		for name, src := range overlay {
			t.Logf("%s:\n%s", filepath.Base(name), src)
		}
	}
}
