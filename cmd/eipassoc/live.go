package main

import "flag"

// accountFlags say how to reach an account: the commands that read one (check -live,
// limits) share them. Credentials come from the SDK's default chain.
type accountFlags struct {
	endpoint *string
	protocol *string
	region   *string
}

func addAccountFlags(fs *flag.FlagSet, regionFlag, with string) *accountFlags {
	return &accountFlags{
		endpoint: fs.String(
			"endpoint",
			"",
			with+"API `host:port` instead of the cloud's, e.g. an \"eipassoc serve\" emulator",
		),
		protocol: fs.String("protocol", "https", with+"http or https"),
		region:   fs.String(regionFlag, "cn-hangzhou", with+"`region` that picks the cloud's endpoints"),
	}
}

// liveFlags are the flags of "check -live".
type liveFlags struct {
	on      *bool
	account *accountFlags
}

func addLiveFlags(fs *flag.FlagSet) *liveFlags {
	return &liveFlags{
		on: fs.Bool(
			"live",
			false,
			"merge the account's current EIPs and ENIs into the check (credentials from the default chain: "+
				"ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, profile, RAM role)",
		),
		account: addAccountFlags(fs, "live-region", "with -live: "),
	}
}

func (l *liveFlags) enabled() bool { return *l.on }
