package main

import (
	"io"
	"os"
	"path/filepath"
)

// writeOutput writes text to stdout, or to path through a temporary file renamed into
// place, so that a failed run never leaves half a table behind.
func writeOutput(path string, stdout io.Writer, text string) error {
	if path == "" || path == "-" {
		_, err := io.WriteString(stdout, text)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".eipassoc-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
