//go:build !live

package main

import (
	"context"
	"errors"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/check"
)

// liveSupported reports whether this binary reads accounts. Without the live build tag
// the official SDK is not linked, which makes the command much quicker and lighter to
// build; the release archives, the container and the Action are built with it.
const liveSupported = false

// errNoLiveSupport is what the commands that read an account say in a binary built
// without the SDK.
var errNoLiveSupport = errors.New(
	"this eipassoc was built without account access (check -live, limits); use a release binary, or build it with: " +
		"go install -tags live github.com/eipassoc/eipassoc/cmd/eipassoc@VERSION",
)

func (l *liveFlags) enrich(context.Context, *check.Model) error { return errNoLiveSupport }

func (a *accountFlags) instanceTypes(context.Context, []string) ([]backend.InstanceType, error) {
	return nil, errNoLiveSupport
}
