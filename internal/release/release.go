// Package release works out, from CHANGELOG.md, the version the next release
// publishes: the one scripts/release.sh builds and the one every documented install
// path (the README, the GitHub Action, the tflint plugin block) names, so that what a
// user is told to install is what the release script makes.
//
// The CHANGELOG follows Keep a Changelog: an "## [Unreleased]" section first, then one
// "## [X.Y.Z] - DATE" section for each release, newest first, each with "### Added",
// "### Changed", "### Deprecated", "### Removed", "### Fixed" or "### Security"
// subsections of "- " entries. The next version bumps the newest release by semantic
// versioning from what Unreleased holds:
//
//   - nothing: the newest release itself (there is nothing new to publish);
//   - before 1.0.0: any Added, Changed, Deprecated or Removed entry bumps the minor
//     version, Fixed and Security entries alone the patch version;
//   - from 1.0.0: a Removed entry or an entry that says "**Breaking**" bumps the major
//     version, any Added, Changed or Deprecated entry the minor version, Fixed and
//     Security entries alone the patch version.
package release

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A Version is a release's semantic version, without its "v".
type Version struct{ Major, Minor, Patch int }

// String returns "X.Y.Z".
func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// Tag returns the Git tag of the version, "vX.Y.Z".
func (v Version) Tag() string { return "v" + v.String() }

// ErrNoRelease is returned by [Next] for a CHANGELOG without a released version.
var ErrNoRelease = errors.New("release: the CHANGELOG names no released version (## [X.Y.Z] - DATE)")

var (
	released   = regexp.MustCompile(`^## \[(\d+)\.(\d+)\.(\d+)\] - \d{4}-\d{2}-\d{2}\s*$`)
	unreleased = regexp.MustCompile(`^## \[Unreleased\]\s*$`)
	kind       = regexp.MustCompile(`^### (Added|Changed|Deprecated|Removed|Fixed|Security)\s*$`)
)

// A bump is how far a set of changes moves the version.
type bump int

const (
	none bump = iota
	patch
	minor
	major
)

// Next returns the version the next release publishes, from the text of a CHANGELOG
// (see the package documentation). A section heading of another form is an error that
// names its line, so that a typo cannot change the version silently.
func Next(changelog []byte) (Version, error) {
	var (
		latest  Version
		found   bool
		inUnrel bool
		current string // the subsection kind under Unreleased
		change  = none
	)
	sc := bufio.NewScanner(bytes.NewReader(changelog))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "## "):
			if unreleased.MatchString(text) {
				inUnrel, current = !found, ""
				continue
			}
			m := released.FindStringSubmatch(text)
			if m == nil {
				return Version{}, fmt.Errorf("release: CHANGELOG line %d: %q is neither ## [Unreleased] nor "+
					"## [X.Y.Z] - YYYY-MM-DD", line, text)
			}
			if !found {
				latest, found = Version{atoi(m[1]), atoi(m[2]), atoi(m[3])}, true
			}
			inUnrel = false
		case strings.HasPrefix(text, "### ") && inUnrel:
			m := kind.FindStringSubmatch(text)
			if m == nil {
				return Version{}, fmt.Errorf("release: CHANGELOG line %d: %q is not a Keep a Changelog "+
					"subsection (Added, Changed, Deprecated, Removed, Fixed, Security)", line, text)
			}
			current = m[1]
		case strings.HasPrefix(text, "- ") && inUnrel && current != "":
			change = max(change, entryBump(current, text))
		}
	}
	if err := sc.Err(); err != nil {
		return Version{}, err
	}
	if !found {
		return Version{}, ErrNoRelease
	}
	return latest.bumped(change), nil
}

// entryBump is how far one entry of a subsection of kind k moves a 1.x version.
func entryBump(k, entry string) bump {
	switch {
	case k == "Removed" || strings.Contains(entry, "**Breaking**"):
		return major
	case k == "Added" || k == "Changed" || k == "Deprecated":
		return minor
	}
	return patch
}

// bumped moves v by b; before 1.0.0 a major change moves the minor version.
func (v Version) bumped(b bump) Version {
	if v.Major == 0 && b == major {
		b = minor
	}
	switch b {
	case major:
		return Version{v.Major + 1, 0, 0}
	case minor:
		return Version{v.Major, v.Minor + 1, 0}
	case patch:
		return Version{v.Major, v.Minor, v.Patch + 1}
	}
	return v
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s) // the regexp gave digits
	return n
}
