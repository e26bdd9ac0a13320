package check

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/internal/tfplan"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// Sources are the .tf files of a configuration: where each resource block is, and the
// inline waivers written above it.
type Sources struct {
	// blocks maps a configuration address ("module.edge.alicloud_eip_association.this")
	// to its location and inline waivers.
	blocks map[string]*block
}

type block struct {
	loc     Location
	waivers []Waiver
}

// inlineRE matches "# eipassoc:ignore:CODE[,CODE...][:exp:YYYY-MM-DD] reason" (also
// with // comments).
var inlineRE = regexp.MustCompile(`^\s*(?:#|//)\s*eipassoc:ignore:([a-z0-9*,-]+)(?::exp:(\d{4}-\d{2}-\d{2}))?\s*(.*)$`)

// LoadSources reads the .tf and .tf.json files of the root module in dir and of the local modules
// named in moduleDirs. Files that do not parse are an *InputError; the position of each
// resource block, and the inline waivers on the comment lines right above it, are kept.
func LoadSources(dir string, moduleDirs map[string]string) (*Sources, error) {
	s := &Sources{blocks: map[string]*block{}}
	mods := map[string]string{"": "."}
	for addr, d := range moduleDirs {
		mods[addr] = d
	}
	names := make([]string, 0, len(mods))
	for m := range mods {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, module := range names {
		files, _ := filepath.Glob(filepath.Join(dir, mods[module], "*.tf"))
		for _, file := range files {
			if err := s.parse(dir, module, file); err != nil {
				return nil, err
			}
		}
		files, _ = filepath.Glob(filepath.Join(dir, mods[module], "*.tf.json"))
		for _, file := range files {
			if err := s.parseJSON(dir, module, file); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

func (s *Sources) parse(root, module, file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return &InputError{File: file, Msg: err.Error()}
	}
	if err := checkSource(file, src); err != nil {
		return err
	}
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		return &InputError{File: file, Msg: diags.Error()}
	}
	rel := relOrSelf(root, file)
	lines := strings.Split(string(src), "\n")
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		r := b.Range()
		entry := &block{loc: Location{File: rel, StartLine: r.Start.Line, EndLine: r.End.Line}}
		for i := r.Start.Line - 2; i >= 0; i-- {
			m := inlineRE.FindStringSubmatch(lines[i])
			if m == nil {
				if t := strings.TrimSpace(lines[i]); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
					continue // other comment lines may sit between
				}
				break
			}
			for code := range strings.SplitSeq(m[1], ",") {
				entry.waivers = append(entry.waivers, Waiver{Rule: code, Reason: strings.TrimSpace(m[3]), Expires: m[2],
					origin: rel + ":" + strconv.Itoa(i+1), inline: true})
			}
		}
		s.blocks[tfplan.Join(module, b.Labels[0]+"."+b.Labels[1])] = entry
	}
	return nil
}

// parseJSON records where each resource block of a .tf.json file is. JSON has no
// comments, so it carries no inline waivers.
func (s *Sources) parseJSON(root, module, file string) error {
	if err := checkSourceFile(file); err != nil {
		return err
	}
	f, diags := hcljson.ParseFile(file)
	if diags.HasErrors() {
		return &InputError{File: file, Msg: diags.Error()}
	}
	content, _, _ := f.Body.PartialContent(
		&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "resource", LabelNames: []string{"type", "name"}}}},
	)
	rel := relOrSelf(root, file)
	for _, b := range content.Blocks {
		r := b.DefRange
		s.blocks[tfplan.Join(module, b.Labels[0]+"."+b.Labels[1])] = &block{
			loc: Location{File: rel, StartLine: r.Start.Line, EndLine: r.End.Line},
		}
	}
	return nil
}

// relOrSelf is file relative to root, with slashes, or file when it is not below root.
func relOrSelf(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil {
		rel = file
	}
	return filepath.ToSlash(rel)
}

// locate returns the block of a resource address, or nil.
func (s *Sources) locate(address string) *block {
	if s == nil {
		return nil
	}
	return s.blocks[configAddress(address)]
}
