package emulator

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
)

func TestZZUndeclared(t *testing.T) {
	d := declaredParams()
	files, _ := filepath.Glob("testdata/*/*.jsonl")
	more, _ := filepath.Glob("testdata/*/*/*/*.jsonl")
	files = append(files, more...)
	if extra := os.Getenv("ZZ_EXTRA"); extra != "" {
		m, _ := filepath.Glob(extra)
		files = append(files, m...)
	}
	seen := map[string]string{}
	for _, f := range files {
		fh, _ := os.Open(f)
		ex, err := ReadExchanges(fh)
		fh.Close()
		if err != nil {
			continue
		}
		for _, e := range ex {
			set, ok := d[backend.Op(e.Action)]
			if !ok {
				continue
			}
			for k, v := range e.Params {
				if !set.has(k) {
					seen[e.Action+" "+k] = v
				}
			}
		}
	}
	var keys []string
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, "=", seen[k])
	}
}
