//go:build live

package main

import (
	"context"
	"time"

	"github.com/eipassoc/eipassoc/backend/aliyun"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/regions"
)

// liveSupported reports whether this binary reads accounts (built with -tags live, as
// the release archives, the container and the Action are).
const liveSupported = true

// enrich reads the account through the real backend; ctx cancels it (Ctrl-C).
func (l *liveFlags) enrich(ctx context.Context, m *check.Model) error {
	b, err := aliyun.New(aliyun.Config{Region: regions.ID(*l.region), Endpoint: *l.endpoint, Protocol: *l.protocol})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return check.Enrich(ctx, m, b)
}

// errNoLiveSupport is not returned by a binary that reads accounts.
var errNoLiveSupport error
