package coverage

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
)

var updateDoc = flag.Bool("update-doc", false, "write docs/serve-coverage.md from the table and the results")

const docPath = "../../docs/serve-coverage.md"

// schemaArguments returns the arguments of every type in testdata/schema.json (the
// provider's schema, cut to the covered types), in the order of arguments.txt's types.
func schemaArguments(t *testing.T, entries []Entry) []Argument {
	t.Helper()
	text, err := os.ReadFile("testdata/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var all tfjson.ProviderSchemas
	if err := json.Unmarshal(text, &all); err != nil {
		t.Fatal(err)
	}
	p := all.Schemas[ProviderSource]
	var resources, data []string
	for _, e := range entries {
		list := &resources
		if e.Kind == Data {
			list = &data
		}
		if !slices.Contains(*list, e.Type) {
			*list = append(*list, e.Type)
		}
	}
	for typ := range p.ResourceSchemas {
		if !slices.Contains(resources, typ) {
			t.Errorf("resource %s of the schema has no section in arguments.txt", typ)
		}
	}
	for typ := range p.DataSourceSchemas {
		if !slices.Contains(data, typ) {
			t.Errorf("data source %s of the schema has no section in arguments.txt", typ)
		}
	}
	args, err := Arguments(text, resources, data)
	if err != nil {
		t.Fatal(err)
	}
	return args
}

func entries(t *testing.T) []Entry {
	t.Helper()
	es, err := Entries()
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func results(t *testing.T) []Result {
	t.Helper()
	text, err := os.ReadFile("testdata/results.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ParseResults(string(text))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// Every argument of the provider's schema has a status, and the table names no
// argument the schema lacks.
func TestEveryArgumentHasAStatus(t *testing.T) {
	es := entries(t)
	args := schemaArguments(t, es)
	listed := map[string]bool{}
	for _, e := range es {
		listed[e.Key()] = true
	}
	inSchema := map[string]bool{}
	for _, a := range args {
		inSchema[a.Key()] = true
		if !listed[a.Key()] {
			t.Errorf("%s: in the schema, not in arguments.txt", a.Key())
		}
	}
	for _, e := range es {
		if !inSchema[e.Key()] {
			t.Errorf("%s: in arguments.txt, not an argument of the schema", e.Key())
		}
	}
	if len(args) < 500 {
		t.Errorf("the schema gives %d arguments; the 33 types have 592", len(args))
	}
}

// The run meets the targets: at least 95% of the arguments pass every step, every
// argument that carries a networking fact is modelled and passes, and so does every
// argument the table says is kept or handled by the client. A refused argument failed
// with the emulator's refusal.
func TestRunMeetsTargets(t *testing.T) {
	es, rs := entries(t), results(t)
	byKey := map[string]Result{}
	for _, r := range rs {
		byKey[r.Key] = r
	}
	for _, e := range es {
		r, ok := byKey[e.Key()]
		switch {
		case !ok:
			t.Errorf("%s: no result; run tools/tfcoverage", e.Key())
		case (e.Status == Refused || e.Status == CloudRefuses || e.Status == Removed) && r.Passed():
			t.Errorf("%s: %s in the table, yet it passed: %+v", e.Key(), e.Status, r)
		case e.Status == Refused && !refusal(r.Error):
			t.Errorf("%s: refused in the table, but the run failed otherwise: %s", e.Key(), r.Error)
		case e.Status == Removed && !strings.Contains(r.Error, "REMOVED"):
			t.Errorf("%s: removed from the provider in the table, but the run failed otherwise: %s", e.Key(), r.Error)
		case e.Status == CloudRefuses || e.Status == Removed || e.Status == Refused:
		case !r.Passed():
			t.Errorf("%s is %s but did not pass: %s %s %s %s %s: %s", e.Key(), e.Status, r.Apply, r.Replan,
				r.Update, r.Replan2, r.Gone, r.Error)
		}
	}
	s := Summarize(es, rs)
	t.Logf("%d of %d arguments passed (%.1f%%); %d refused by name", s.Passed, s.Arguments,
		percent(s.Passed, s.Arguments), s.Refused)
	if s.Passed < measuredPassed {
		t.Errorf("%d arguments passed; the run of record passed %d", s.Passed, measuredPassed)
	}
	// The targets: 95% of the arguments pass every step, and every argument
	// that carries a networking fact is modelled and passes.
	if p := percent(s.Passed, s.Arguments); p < 95 {
		t.Errorf("%.1f%% of the arguments passed; the target is 95%%", p)
	}
	if s.NetworkingPassed != s.Networking {
		t.Errorf("%d of the %d arguments that carry a networking fact are modelled and passed; the target is all",
			s.NetworkingPassed, s.Networking)
	}
}

// measuredPassed is how many arguments the run of record (testdata/results.tsv) passed:
// a floor, so that a change to the table or the results that loses one fails;
// docs/serve-coverage.md gives where it stands.
const measuredPassed = 559

// refusal says whether an error is the emulator's refusal by name: a parameter or an
// action it does not model, one of another product (InvalidAction.NotFound), or a
// value it does not model (its messages say "eipassoc serve").
func refusal(err string) bool {
	for _, s := range []string{"UnsupportedParameter", "UnsupportedOperation", "InvalidAction.NotFound", "eipassoc serve"} {
		if strings.Contains(err, s) {
			return true
		}
	}
	return false
}

// An argument that carries a networking fact is modelled or refused with a reason;
// none is merely kept.
func TestNetworkingArgumentsAreModelled(t *testing.T) {
	for _, e := range entries(t) {
		if CarriesNetworkingFact(e) && (e.Status == Kept || e.Status == WriteOnly) {
			t.Errorf("%s carries a networking fact but is %s", e.Key(), e.Status)
		}
	}
}

// Every generated configuration is valid HCL and sets the argument in its block.
func TestConfigsParse(t *testing.T) {
	es := entries(t)
	for _, stage := range []int{1, 2} {
		for _, group := range ByType(es) {
			text, err := Config(group, stage)
			if err != nil {
				t.Fatal(err)
			}
			f, diags := hclsyntax.ParseConfig([]byte(text), "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("%s stage %d: %s", group[0].Type, stage, diags)
			}
			blocks := f.Body.(*hclsyntax.Body).Blocks
			for _, e := range group {
				i := slices.IndexFunc(blocks, func(b *hclsyntax.Block) bool {
					return len(b.Labels) == 2 && b.Labels[0] == e.Type && b.Labels[1] == BlockName(e)
				})
				if i < 0 {
					t.Errorf("%s: no block %s", e.Key(), Address(e))
					continue
				}
				top, leaf, nested := strings.Cut(e.Path, ".")
				body := blocks[i].Body
				if nested {
					j := slices.IndexFunc(body.Blocks, func(b *hclsyntax.Block) bool { return b.Type == top })
					if j < 0 {
						t.Errorf("%s: no %s block", e.Key(), top)
						continue
					}
					body, top = body.Blocks[j].Body, leaf
				}
				if _, ok := body.Attributes[top]; !ok {
					t.Errorf("%s: the block does not set %s", e.Key(), top)
				}
				if strings.Contains(text, "{i}") || strings.Contains(text, "{name}") || strings.Contains(text, "{arg}") {
					t.Fatalf("%s: a placeholder left in the configuration", group[0].Type)
				}
			}
		}
	}
}

// docs/serve-coverage.md is the table of this run.
func TestDocIsCurrent(t *testing.T) {
	want := Table(entries(t), results(t))
	if *updateDoc {
		if err := os.WriteFile(docPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is not the table of arguments.txt and results.tsv; run go test ./internal/coverage -update-doc", docPath)
	}
}

func TestParseEntriesRefusesBadLines(t *testing.T) {
	for _, text := range []string{
		"x | kept | 1 | - |\n",                                               // before a section
		"== thing alicloud_vpc\n",                                            // unknown kind
		"== resource alicloud_vpc\nx | maybe | 1 | - |\n",                    // unknown status
		"== resource alicloud_vpc\nx | refused | 1 | - |\n",                  // refused without a reason
		"== resource alicloud_vpc\nx | kept | 1 | - |\nx | kept | 1 | - |\n", // twice
		"== resource alicloud_vpc\nx | kept\n",                               // too few columns
		"== resource alicloud_vpc\nx | kept | 1 | - | n | size=2\n",          // unknown option
	} {
		if _, err := parseEntries(text); err == nil {
			t.Errorf("parseEntries(%q) took it", text)
		}
	}
}

func FuzzParseEntries(f *testing.F) {
	f.Add(argumentsText)
	f.Add("== data alicloud_zones\nmulti | refused | true | - | why | drop=a,b\n")
	f.Fuzz(func(t *testing.T, text string) {
		es, err := parseEntries(text)
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Value == "" || e.Type == "" {
				t.Fatalf("an entry without value or type: %+v", e)
			}
		}
	})
}

func FuzzParseResults(f *testing.F) {
	f.Add(FormatResults([]Result{{Key: "resource alicloud_vpc x", Apply: OK, Replan: Clean, Update: Skipped,
		Replan2: Skipped, Gone: OK}}))
	f.Add(resultsHeader + "\na\tb\n")
	f.Fuzz(func(t *testing.T, text string) {
		rs, err := ParseResults(text)
		if err != nil {
			return
		}
		again, err := ParseResults(FormatResults(rs))
		if err != nil || len(again) != len(rs) {
			t.Fatalf("results do not survive a round trip: %v", err)
		}
	})
}
