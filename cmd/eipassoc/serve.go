package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
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
		"Runs a local emulator of the Alibaba Cloud RPC APIs for EIPs and ENIs (VPC 2016-04-28, ECS 2014-05-26, and the "+
			"RAM, STS and KMS calls around them), backed by an in-memory account, until SIGINT or SIGTERM.",
		`Exit status:
  0  after a clean shutdown
  1  the server failed
  2  a usage error (bad flag, unreadable topology)`,
	)
	var f serveFlags
	f.define(cmd.fs)
	positional, code, stop := cmd.parse(args, stdout, stderr)
	if stop {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	handler, err := f.logHandler(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
		return exitUsage
	}
	log := slog.New(handler)
	account, err := f.account()
	if err != nil {
		return cmd.fail(stderr, "%v", err)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
		return exitFail
	}
	defer ln.Close()
	tlsConfig, err := serveTLS(f.tlsCert, f.tlsKey, f.tlsSelf, ln.Addr())
	if err != nil {
		return cmd.fail(stderr, "%v", err)
	}
	var record io.Writer
	if f.record != "" {
		file, err := os.OpenFile(f.record, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return cmd.fail(stderr, "-record: %v", err)
		}
		defer file.Close()
		record = file
	}
	srv, err := emulator.New(
		emulator.Config{
			Backend:      account,
			AccessKeys:   f.keys,
			Logger:       log,
			MaxBodyBytes: f.maxBody,
			Hosts:        f.allowedHosts(ln.Addr()),
			Record:       record,
		},
	)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc serve: %v\n", err)
		return exitUsage
	}
	if len(f.keys) == 0 {
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
	return runServer(ctx, hs, ln, log, func() error {
		if f.state == "" {
			return nil
		}
		if err := saveState(account, f.state); err != nil {
			return fmt.Errorf("saving the state to %s: %w", f.state, err)
		}
		log.Info("state saved", slog.String("file", f.state))
		return nil
	})
}

// runServer serves ln with hs until ctx ends, then shuts it down and runs save.
func runServer(ctx context.Context, hs *http.Server, ln net.Listener, log *slog.Logger, save func() error) int {
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
	if err := save(); err != nil {
		log.Error("shutdown", slog.Any("error", err))
		return exitFail
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
