// Command nextversion prints the tag of the version the next release publishes, from
// the CHANGELOG.md of the directory it runs in (see package release), for
// scripts/release.sh:
//
//	go run ./internal/release/nextversion    # v0.2.0
package main

import (
	"fmt"
	"os"

	"github.com/eipassoc/eipassoc/internal/release"
)

func main() {
	data, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		fmt.Fprintln(os.Stderr, "nextversion:", err)
		os.Exit(2)
	}
	v, err := release.Next(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nextversion:", err)
		os.Exit(2)
	}
	fmt.Println(v.Tag())
}
