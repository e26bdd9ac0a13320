package main

import (
	"context"
	"flag"
	"time"

	"github.com/eipassoc/eipassoc/backend/aliyun"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/regions"
)

// liveFlags are the flags of "check -live".
type liveFlags struct {
	on       *bool
	endpoint *string
	protocol *string
	region   *string
}

func addLiveFlags(fs *flag.FlagSet) *liveFlags {
	return &liveFlags{
		on:       fs.Bool("live", false, "merge the account's current EIPs and ENIs into the check (credentials from the default chain: ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, profile, RAM role)"),
		endpoint: fs.String("endpoint", "", "with -live: API `host:port` instead of the cloud's, e.g. an \"eipassoc serve\" emulator"),
		protocol: fs.String("protocol", "https", "with -live: http or https"),
		region:   fs.String("live-region", "cn-hangzhou", "with -live: `region` that picks the cloud's endpoints"),
	}
}

func (l *liveFlags) enabled() bool { return *l.on }

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
