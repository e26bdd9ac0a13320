package check

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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

// LoadSources reads the .tf and .tf.json files of the root module in dir and of the
// local modules named in moduleDirs, with the loader that evaluation uses (tflint's
// Terraform loader; see parseModule). A module whose files do not load is an
// *InputError; the position of each resource block, and the inline waivers on the
// comment lines right above it, are kept.
func LoadSources(dir string, moduleDirs map[string]string) (*Sources, error) {
	s := &Sources{blocks: map[string]*block{}}
	mods := map[string]string{"": "."}
	maps.Copy(mods, moduleDirs)
	for _, module := range slices.Sorted(maps.Keys(mods)) {
		mdir := filepath.Join(dir, mods[module])
		if info, err := os.Stat(mdir); err != nil || !info.IsDir() {
			continue // a module without sources here: its findings have no location
		}
		mod, err := loadModule(mdir)
		if err != nil {
			return nil, err
		}
		// Primary files first, each in name order, so that a block is placed where it
		// is declared rather than in an override file that changes it.
		names := slices.Sorted(maps.Keys(mod.Files))
		for _, overrides := range []bool{false, true} {
			for _, file := range names {
				if isOverride(file) == overrides {
					s.addFile(dir, module, file, mod.Files[file], mod.Sources[file])
				}
			}
		}
	}
	return s, nil
}

// addFile records where each resource block of one loaded file is, with the inline
// waivers above it (JSON has no comments, so a .tf.json file carries none).
func (s *Sources) addFile(root, module, file string, f *hcl.File, src []byte) {
	rel := relOrSelf(root, file)
	var lines []string
	for _, b := range resourceBlocks(f) {
		key := tfplan.Join(module, b.Labels[0]+"."+b.Labels[1])
		if s.blocks[key] != nil {
			continue // declared in a primary file, changed by this override file
		}
		entry := &block{loc: Location{File: rel, StartLine: b.start, EndLine: b.end}}
		if _, ok := f.Body.(*hclsyntax.Body); ok {
			if lines == nil {
				lines = strings.Split(string(src), "\n")
			}
			entry.waivers = inlineWaivers(lines, b.start, rel)
		}
		s.blocks[key] = entry
	}
}

// A resourceBlock is a resource block's labels and the lines it spans.
type resourceBlock struct {
	Labels     []string
	start, end int
}

// resourceBlocks lists the resource blocks of a file: with the lines of the whole
// block for native syntax, of its header for JSON.
func resourceBlocks(f *hcl.File) []resourceBlock {
	var out []resourceBlock
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		for _, b := range body.Blocks {
			if b.Type == "resource" && len(b.Labels) == 2 {
				r := b.Range()
				out = append(out, resourceBlock{Labels: b.Labels, start: r.Start.Line, end: r.End.Line})
			}
		}
		return out
	}
	content, _, _ := f.Body.PartialContent(
		&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "resource", LabelNames: []string{"type", "name"}}}},
	)
	for _, b := range content.Blocks {
		out = append(out, resourceBlock{Labels: b.Labels, start: b.DefRange.Start.Line, end: b.DefRange.End.Line})
	}
	return out
}

// inlineWaivers reads the waiver comments on the lines right above the line start
// (1-based); other comment lines may sit between them.
func inlineWaivers(lines []string, start int, rel string) []Waiver {
	var out []Waiver
	for i := start - 2; i >= 0 && i < len(lines); i-- {
		m := inlineRE.FindStringSubmatch(lines[i])
		if m == nil {
			if t := strings.TrimSpace(lines[i]); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
				continue
			}
			break
		}
		for code := range strings.SplitSeq(m[1], ",") {
			out = append(out, Waiver{Rule: code, Reason: strings.TrimSpace(m[3]), Expires: m[2],
				origin: rel + ":" + strconv.Itoa(i+1), inline: true})
		}
	}
	return out
}

// isOverride reports whether a file is an override file, which Terraform merges into
// the blocks the module's other files declare.
func isOverride(file string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(file), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
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
