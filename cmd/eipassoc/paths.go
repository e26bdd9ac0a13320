package main

import (
	"os"
	"path/filepath"

	"github.com/eipassoc/eipassoc/check"
)

// repoRootFor returns the absolute directory that reported paths are made relative to:
// -repo-root when given, otherwise the top level of the git repository that holds the
// sources (or the input, or the working directory), found by looking for .git upwards.
// It returns "" when there is none.
func repoRootFor(flagRoot, sourceDir, input string) string {
	if flagRoot != "" {
		abs, err := filepath.Abs(flagRoot)
		if err != nil {
			return ""
		}
		return abs
	}
	for _, start := range []string{sourceDir, dirOf(input), "."} {
		if start == "" {
			continue
		}
		dir, err := filepath.Abs(start)
		if err != nil {
			continue
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
				return dir // a directory, or a file in a worktree or submodule
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return ""
}

func dirOf(input string) string {
	if input == "-" || input == "" {
		return ""
	}
	return filepath.Dir(input)
}

// relativeTo makes path (relative to base, or absolute) relative to root, with slashes;
// a path outside root stays as it was given.
func relativeTo(root, base, path string) string {
	if root == "" || path == "" || path == "-" {
		return filepath.ToSlash(path)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(base, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || filepath.IsAbs(rel) || len(rel) > 2 && rel[:3] == "../" {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// relativizeFindings rewrites the findings' files (relative to the sources' directory)
// relative to the repository root.
func relativizeFindings(fs []check.Finding, root, sourceDir string) {
	for i := range fs {
		if fs[i].Location.File != "" {
			fs[i].Location.File = relativeTo(root, sourceDir, fs[i].Location.File)
		}
	}
}
