// Command eipassoc is the command-line face of the eipassoc library.
//
// Usage:
//
//	eipassoc serve [flags]    run a local EIP/ENI API emulator
//	eipassoc help             print this help
//
// # serve
//
// serve starts an HTTP server that speaks the Alibaba Cloud VPC (2016-04-28) and ECS
// (2014-05-26) RPC API for EIPs and ENIs, backed by an in-memory account, so that the
// official SDKs and other tools can be pointed at it instead of the cloud. Flags:
//
//	-addr host:port           listen address (default 127.0.0.1:8787; port 0 picks one)
//	-topology file.json       seed the account from a topology file (see backend/fake)
//	-access-key id:secret     accept requests signed with this pair (repeatable); with
//	                          none, signatures are not checked
//	-transition-delay d       how long Associating, Attaching... last (default 0: at once)
//	-seed n                   seed for IDs and addresses (default 1)
//	-eip-quota n              EIPs the account may own (default 20)
//	-multi-binded-allowed     allowlist the account for multi-EIP-to-ENI mode
//	-documented-nat           refuse NAT associations with attached ENIs, as documented
//	-max-body n               largest request body in bytes (default 1048576)
//	-log-format text|json     log format on standard error (default text)
//
// The server logs one line for each request and shuts down gracefully on SIGINT or
// SIGTERM, waiting up to 10 seconds for requests in flight.
//
// Exit status: 0 after a clean shutdown, 1 when the server fails, 2 for a usage error
// (bad flag, unreadable topology).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
