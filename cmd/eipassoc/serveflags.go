package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// serveFlags are the flags of "eipassoc serve".
type serveFlags struct {
	addr, topology, record, state string
	behaviour, logFormat          string
	tlsCert, tlsKey, tlsSelf      string
	delay                         time.Duration
	seed                          uint64
	quota                         int
	multi                         bool
	maxBody                       int64
	keys                          keyFlag
	hosts                         listFlag
}

// define declares the flags on fs.
func (f *serveFlags) define(fs *flag.FlagSet) {
	f.keys = keyFlag{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8787", "listen `address` (host:port; port 0 picks a free one)")
	fs.StringVar(&f.topology, "topology", "", "seed the account from this topology `file` (JSON)")
	fs.StringVar(&f.record, "record", "", "append every API call (action, parameters, status, code; no keys or "+
		"signatures) to this `file` as JSON lines")
	fs.StringVar(&f.state, "state", "", "keep the account in this `file` across restarts: seed from it when it exists "+
		"(instead of -topology), save to it on shutdown")
	fs.DurationVar(&f.delay, "transition-delay", 0, "how long transitional statuses last")
	fs.Uint64Var(&f.seed, "seed", 1, "seed for IDs and addresses")
	fs.IntVar(&f.quota, "eip-quota", 20, "EIPs the account may own")
	fs.BoolVar(&f.multi, "multi-binded-allowed", false, "allowlist the account for multi-EIP-to-ENI mode")
	fs.StringVar(&f.behaviour, "behaviour", "documented", "documented (refuse NAT associations with attached ENIs, "+
		"as the documentation's prerequisite says), or observed (accept them, as the API does in practice)")
	fs.Int64Var(&f.maxBody, "max-body", 1<<20, "largest request body in `bytes`")
	fs.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&f.tlsCert, "tls-cert", "", "serve HTTPS with this certificate `file` (PEM), with -tls-key")
	fs.StringVar(&f.tlsKey, "tls-key", "", "the private key `file` (PEM) of -tls-cert")
	fs.StringVar(&f.tlsSelf, "tls-self-signed", "", "serve HTTPS with a certificate made at start for localhost, the "+
		"loopback addresses and the listen address, and write it (PEM) to this `file` for clients to trust "+
		"(SSL_CERT_FILE)")
	fs.Var(f.keys, "access-key", "accept requests signed with this `id:secret` pair (repeatable)")
	fs.Var(&f.hosts, "allow-host", "without -access-key, also answer requests for this `host[:port]` (repeatable), "+
		"e.g. a container's service name; by default only localhost, loopback addresses and the listen address")
}

// logHandler returns the log handler -log-format names, writing to w.
func (f *serveFlags) logHandler(w io.Writer) (slog.Handler, error) {
	switch f.logFormat {
	case "text":
		return slog.NewTextHandler(w, nil), nil
	case "json":
		return slog.NewJSONHandler(w, nil), nil
	}
	return nil, fmt.Errorf("-log-format must be text or json, not %q", f.logFormat)
}

// account checks the account's flags and makes it, seeded from -state when that file
// exists, else from -topology.
func (f *serveFlags) account() (*fake.Backend, error) {
	if f.quota < 1 || f.maxBody < 1 || f.delay < 0 {
		return nil, errors.New("-eip-quota and -max-body must be positive, -transition-delay not negative")
	}
	b, err := eipassoc.ParseBehaviour(f.behaviour)
	if err != nil {
		return nil, errors.New("-behaviour must be documented or observed")
	}
	account := fake.New(fake.Options{Seed: f.seed, TransitionDelay: f.delay, EIPQuota: f.quota,
		Account: eipassoc.Account{MultiBindedAllowed: f.multi}, Behaviour: b, NoCallLog: true})
	seedFile := f.topology
	if f.state != "" {
		if _, err := os.Stat(f.state); err == nil {
			seedFile = f.state
		}
	}
	if seedFile != "" {
		if err := seedFrom(account, seedFile); err != nil {
			return nil, err
		}
	}
	return account, nil
}

// allowedHosts are the host names the server answers without keys beyond loopback:
// the listen address itself, unless it is loopback or the unspecified 0.0.0.0 / ::
// (not a name anyone sends), and the -allow-host names.
func (f *serveFlags) allowedHosts(listen net.Addr) []string {
	hosts := append([]string(nil), f.hosts...)
	if ap, err := netip.ParseAddrPort(listen.String()); err == nil && !ap.Addr().IsLoopback() &&
		!ap.Addr().IsUnspecified() {
		hosts = append(hosts, ap.String())
	}
	if len(hosts) > 0 {
		hosts = append(hosts, "localhost", "127.0.0.1", "::1")
	}
	return hosts
}
