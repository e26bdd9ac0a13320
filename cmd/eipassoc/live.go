package main

import "flag"

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
