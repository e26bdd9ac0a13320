package check

import (
	"os"
	"path/filepath"
	"testing"
)

// A resource block is placed where it is declared, not in the override file that
// changes it, even when the override file's name sorts first (Terraform merges
// a_override.tf into main.tf's block).
func TestLoadSourcesPlacesBlocksWhereDeclared(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.tf":       "\n# the association\nresource \"alicloud_eip_association\" \"a\" {\n  allocation_id = \"eip-1\"\n}\n",
		"a_override.tf": "resource \"alicloud_eip_association\" \"a\" {\n  instance_id = \"eni-1\"\n}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := LoadSources(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := s.locate("alicloud_eip_association.a")
	if want := (Location{File: "main.tf", StartLine: 3, EndLine: 5}); b == nil || b.loc != want {
		t.Fatalf("located at %+v, want %+v", b, want)
	}
}
