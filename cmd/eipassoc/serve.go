package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"github.com/eipassoc/eipassoc"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"time"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// serve runs the emulator until ctx ends.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newCommand(
		"serve",
		"[flags]",
		"Runs a local emulator of the Alibaba Cloud VPC (2016-04-28) and ECS (2014-05-26) RPC API for EIPs and ENIs, "+
			"backed by an in-memory account, until SIGINT or SIGTERM.",
		`Exit status:
  0  after a clean shutdown
  1  the server failed
  2  a usage error (bad flag, unreadable topology)`,
	)
	fs := cmd.fs
	keys := keyFlag{}
	var (
		addr       = fs.String("addr", "127.0.0.1:8787", "listen `address` (host:port; port 0 picks a free one)")
		topology   = fs.String("topology", "", "seed the account from this topology `file` (JSON)")
		recordFile = fs.String(
			"record",
			"",
			"append every API call (action, parameters, status, code; no keys or signatures) to this `file` as JSON "+
				"lines",
		)
		stateFile = fs.String(
			"state",
			"",
			"keep the account in this `file` across restarts: seed from it when it exists (instead of -topology), "+
				"save to it on shutdown",
		)
		delay     = fs.Duration("transition-delay", 0, "how long transitional statuses last")
		seed      = fs.Uint64("seed", 1, "seed for IDs and addresses")
		quota     = fs.Int("eip-quota", 20, "EIPs the account may own")
		multi     = fs.Bool("multi-binded-allowed", false, "allowlist the account for multi-EIP-to-ENI mode")
		behaviour = fs.String(
			"behaviour",
			"documented",
			"documented (refuse NAT associations with attached ENIs, as the documentation's prerequisite says), or "+
				"observed (accept them, as the API does in practice)",
		)
		maxBody   = fs.Int64("max-body", 1<<20, "largest request body in `bytes`")
		logFormat = fs.String("log-format", "text", "log format: text or json")
		tlsCert   = fs.String("tls-cert", "", "serve HTTPS with this certificate `file` (PEM), with -tls-key")
		tlsKey    = fs.String("tls-key", "", "the private key `file` (PEM) of -tls-cert")
		tlsSelf   = fs.String(
			"tls-self-signed",
			"",
			"serve HTTPS with a certificate made at start for localhost, the loopback addresses and the listen "+
				"address, and write it (PEM) to this `file` for clients to trust (SSL_CERT_FILE)",
		)
	)
	fs.Var(keys, "access-key", "accept requests signed with this `id:secret` pair (repeatable)")
	var hosts listFlag
	fs.Var(
		&hosts,
		"allow-host",
		"without -access-key, also answer requests for this `host[:port]` (repeatable), e.g. a container's service "+
			"name; by default only localhost, loopback addresses and the listen address",
	)
	positional, code, stop := cmd.parse(args, stdout, stderr)
	if stop {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	var handler slog.Handler
	switch *logFormat {
	case "text":
		handler = slog.NewTextHandler(stderr, nil)
	case "json":
		handler = slog.NewJSONHandler(stderr, nil)
	default:
		fmt.Fprintf(stderr, "eipassoc serve: -log-format must be text or json, not %q\n", *logFormat)
		return exitUsage
	}
	log := slog.New(handler)
	if *quota < 1 || *maxBody < 1 || *delay < 0 {
		fmt.Fprintln(
			stderr,
			"eipassoc serve: -eip-quota and -max-body must be positive, -transition-delay not negative",
		)
		return exitUsage
	}

	b, err := eipassoc.ParseBehaviour(*behaviour)
	if err != nil {
		return cmd.fail(stderr, "-behaviour must be documented or observed")
	}
	account := fake.New(
		fake.Options{
			Seed:            *seed,
			TransitionDelay: *delay,
			EIPQuota:        *quota,
			Account:         eipassoc.Account{MultiBindedAllowed: *multi},
			Behaviour:       b,
			NoCallLog:       true,
		},
	)
	seedFile := *topology
	if *stateFile != "" {
		if _, err := os.Stat(*stateFile); err == nil {
			seedFile = *stateFile
		}
	}
	if seedFile != "" {
		if err := seedFrom(account, seedFile); err != nil {
			fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
			return exitUsage
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
		return exitFail
	}
	defer ln.Close()
	tlsConfig, err := serveTLS(*tlsCert, *tlsKey, *tlsSelf, ln.Addr())
	if err != nil {
		return cmd.fail(stderr, "%v", err)
	}
	// Without keys the server answers loopback names and addresses; add the listen
	// address itself, unless it is loopback or the unspecified 0.0.0.0 / :: (not a
	// name anyone sends), and the -allow-host names.
	if ap, err := netip.ParseAddrPort(ln.Addr().String()); err == nil && !ap.Addr().IsLoopback() &&
		!ap.Addr().IsUnspecified() {
		hosts = append(hosts, ap.String())
	}
	if len(hosts) > 0 {
		hosts = append(hosts, "localhost", "127.0.0.1", "::1")
	}
	var record io.Writer
	if *recordFile != "" {
		f, err := os.OpenFile(*recordFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return cmd.fail(stderr, "-record: %v", err)
		}
		defer f.Close()
		record = f
	}
	srv, err := emulator.New(
		emulator.Config{
			Backend:      account,
			AccessKeys:   keys,
			Logger:       log,
			MaxBodyBytes: *maxBody,
			Hosts:        hosts,
			Record:       record,
		},
	)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
		return exitUsage
	}
	if len(keys) == 0 {
		log.Warn("no -access-key given: signatures are not checked")
	}
	scheme := "http://"
	if tlsConfig != nil {
		scheme = "https://"
		ln = tls.NewListener(ln, tlsConfig)
	}
	log.Info("listening", slog.String("endpoint", ln.Addr().String()), slog.String("url", scheme+ln.Addr().String()))
	hs := &http.Server{
		Handler: srv, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: emulator.TransportHeaderBytes,
		ErrorLog: slog.NewLogLogger(handler, slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		log.Error("server failed", slog.Any("error", err))
		return exitFail
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		log.Error("shutdown", slog.Any("error", err))
		return exitFail
	}
	if *stateFile != "" {
		if err := saveState(account, *stateFile); err != nil {
			log.Error("saving the state", slog.String("file", *stateFile), slog.Any("error", err))
			return exitFail
		}
		log.Info("state saved", slog.String("file", *stateFile))
	}
	return exitOK
}

func seedFrom(account *fake.Backend, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	t, err := fake.LoadTopology(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := account.Seed(t); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// saveState writes the account as a topology document to path, through a temporary file
// renamed into place, so that a failed save leaves the previous state whole.
func saveState(account *fake.Backend, path string) error {
	doc, err := json.MarshalIndent(account.Topology(), "", "  ")
	if err != nil {
		return err
	}
	return writeOutput(path, nil, string(doc)+"\n")
}
