// Command jsonany decodes a JSON file into an any with encoding/json: the baseline that
// eipassoc check's plan reading is measured against (issue: at most half its time and a
// third of its peak memory). go run ./check/testdata/jsonany FILE
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var v any
	if err := json.NewDecoder(f).Decode(&v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m, _ := v.(map[string]any)
	fmt.Println(len(m), "top-level keys")
}
