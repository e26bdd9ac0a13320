package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Limits on a configuration file, checked before any HCL parser reads it: the parsers
// recurse once per level of nesting, and a file nested deep enough (100,000 brackets)
// overflows the stack, which no recover catches. No configuration written by people
// comes near either limit.
const (
	// MaxSourceBytes is the largest .tf or .tf.json file read: 8 MiB.
	MaxSourceBytes = 8 << 20
	// MaxSourceNesting is the deepest nesting of brackets, braces, parentheses and
	// template interpolations (${ } and %{ }) in a file: 256 levels.
	MaxSourceNesting = 256
)

// checkSourceTree applies the limits to every .tf and .tf.json file below root: the
// root module, the local modules under it and the modules "terraform init" installed
// under .terraform/modules. Other dot-directories are not configurations and are
// skipped.
func checkSourceTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory: its modules fail to load, with the reason
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && strings.HasPrefix(name, ".") && name != ".terraform" ||
				filepath.Base(filepath.Dir(path)) == ".terraform" && name != "modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if isSourceFile(path) {
			return checkSourceFile(path)
		}
		return nil
	})
}

// checkSourceDir applies the limits to the .tf and .tf.json files of one module
// directory.
func checkSourceDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // the loader says why the directory does not load
	}
	for _, e := range entries {
		if !e.IsDir() && isSourceFile(e.Name()) {
			if err := checkSourceFile(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func isSourceFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// checkSourceFile applies the limits to one file; a file over them is an *InputError
// naming it (and the line, for nesting).
func checkSourceFile(file string) error {
	fi, err := os.Stat(file)
	if err != nil {
		return nil // the loader says why it cannot read it
	}
	if fi.Size() > MaxSourceBytes {
		return tooLarge(file)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	return checkSource(file, src)
}

// tooLarge is the error of a file over MaxSourceBytes.
func tooLarge(file string) error {
	return &InputError{File: file, Msg: "larger than " + strconv.Itoa(MaxSourceBytes>>20) +
		" MiB, the most a configuration file may be here"}
}

// checkSource applies the limits to the text of a file.
func checkSource(file string, src []byte) error {
	if len(src) > MaxSourceBytes {
		return tooLarge(file)
	}
	var line int
	var ok bool
	if strings.HasSuffix(file, ".json") {
		line, ok = jsonNesting(src)
	} else {
		line, ok = nesting(src, false, MaxSourceNesting)
	}
	if !ok {
		return &InputError{File: file, Where: "line " + strconv.Itoa(line),
			Msg: "nested deeper than " + strconv.Itoa(MaxSourceNesting) + " levels, the most a configuration may be here"}
	}
	return nil
}

// A frame is one level of what the scanner is inside.
type frame uint8

const (
	bracket frame = iota // ( [ { in an expression
	interp               // ${ or %{ in a template
	quoted               // a "..." template
	heredoc              // a <<EOF template
)

// nesting scans HCL native syntax (a template when template is set, as the text of a
// JSON string is) without recursion, and reports whether its nesting stays within limit
// levels, or else the line where it goes deeper. Brackets inside strings and comments
// do not count; interpolations inside strings do.
//
// It is one function on purpose: a single pass of a small lexer whose states (brackets,
// quoted strings, templates, heredocs, comments) share one stack and the line count.
func nesting(src []byte, template bool, limit int) (line int, ok bool) {
	var stack []frame
	var markers []string // the heredocs' end markers, innermost last
	depth := 0
	push := func(f frame) bool {
		stack = append(stack, f)
		if f == bracket || f == interp {
			depth++
		}
		return depth <= limit
	}
	pop := func() {
		if f := stack[len(stack)-1]; f == bracket || f == interp {
			depth--
		} else if f == heredoc {
			markers = markers[:len(markers)-1]
		}
		stack = stack[:len(stack)-1]
	}
	if template {
		stack = append(stack, quoted)
	}
	line = 1
	atLineStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		top := frame(255)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if c == '\n' {
			line++
			atLineStart = true
			continue
		}
		if top == heredoc && atLineStart { // the end marker, alone on its line
			end := i
			for end < len(src) && src[end] != '\n' {
				end++
			}
			if strings.TrimSpace(string(src[i:end])) == markers[len(markers)-1] {
				pop()
				i = end - 1
				continue
			}
		}
		atLineStart = false
		switch top {
		case quoted, heredoc:
			switch {
			case c == '\\' && top == quoted && !template:
				i++
			case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
				i += 2 // $${ and %%{ are a literal ${ and %{
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				if !push(interp) {
					return line, false
				}
				i++
			case c == '"' && top == quoted && !(template && len(stack) == 1):
				pop()
			}
		default: // an expression, at the top level, in brackets or in an interpolation
			switch c {
			case '#':
				i = skipLine(src, i)
			case '/':
				if i+1 < len(src) && src[i+1] == '/' {
					i = skipLine(src, i)
				} else if i+1 < len(src) && src[i+1] == '*' {
					end := strings.Index(string(src[i+2:]), "*/")
					if end < 0 {
						return line, true // the parser reports the open comment
					}
					line += strings.Count(string(src[i:i+2+end]), "\n")
					i += end + 3
				}
			case '"':
				stack = append(stack, quoted)
			case '<':
				if m, next, ok := heredocStart(src, i); ok {
					stack, markers = append(stack, heredoc), append(markers, m)
					i = next - 1 // at the newline, which counts the line
				}
			case '(', '[', '{':
				if !push(bracket) {
					return line, false
				}
			case ')', ']', '}':
				if top == bracket || top == interp {
					pop()
				}
			}
		}
	}
	return line, true
}

// skipLine returns the index before the newline that ends the line at i.
func skipLine(src []byte, i int) int {
	for i+1 < len(src) && src[i+1] != '\n' {
		i++
	}
	return i
}

// heredocStart reads "<<EOF" or "<<-EOF" and the rest of its line at i, returning the
// marker and the index of the newline.
func heredocStart(src []byte, i int) (marker string, newline int, ok bool) {
	j := i + 2
	if j > len(src) || src[i+1] != '<' {
		return "", 0, false
	}
	if j < len(src) && src[j] == '-' {
		j++
	}
	start := j
	for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' ||
		src[j] >= '0' && src[j] <= '9') {
		j++
	}
	if j == start {
		return "", 0, false
	}
	marker = string(src[start:j])
	for j < len(src) && src[j] != '\n' {
		j++
	}
	return marker, j, j < len(src)
}

// jsonNesting scans JSON without recursion: its arrays and objects nest, and each
// string is a template HCL may parse, scanned with nesting; the two depths add up.
func jsonNesting(src []byte) (line int, ok bool) {
	depth := 0
	line = 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '[', '{':
			if depth++; depth > MaxSourceNesting {
				return line, false
			}
		case ']', '}':
			depth = max(depth-1, 0)
		case '"':
			var s []byte
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' && i+1 < len(src) {
					i++
				}
				s = append(s, src[i])
			}
			if _, ok := nesting(s, true, MaxSourceNesting-depth); !ok {
				return line, false
			}
		}
	}
	return line, true
}
