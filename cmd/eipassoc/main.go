// Command eipassoc is the command-line face of the eipassoc library.
//
// Usage:
//
//	eipassoc check [flags] PLAN.json|-      check a Terraform/OpenTofu plan (or -inventory FILE)
//	eipassoc explain [-mode M] [-region R]  print the rules and capacities that apply
//	eipassoc modes                          list the association modes
//	eipassoc regions [-mode M]              list the regions and their modes
//	eipassoc serve [flags]                  run a local EIP/ENI API emulator
//	eipassoc help                           print this help
//
// # check
//
// check reads the JSON of "terraform show -json PLANFILE" (or "tofu show -json"), or
// with -inventory a YAML/JSON inventory (schema: check/inventory.schema.json), and
// checks every association the plan creates or updates against the rules of package
// eipassoc and the plan-level rules (ENI targets without instance_type =
// "NetworkInterface", modes on non-ENI targets, several associations over an ENI's
// capacity or on one private IP, cut-through or multi-EIP-to-ENI on an ENI the plan
// also attaches, multi-EIP-to-ENI on an instance family that does not support it).
// Flags:
//
//	-format list          text, json, sarif, github, junit; comma-separated, each
//	                      optionally =FILE (e.g. text,sarif=out.sarif)
//	-fail-on level        error (default), warning, note or never
//	-unknown policy       warn (default), fail or ignore: what an undecidable rule becomes
//	-region id            region for every resource (else the provider's region, then
//	                      ALICLOUD_REGION / ALIBABA_CLOUD_REGION, else unknown)
//	-tf-dir dir           the .tf files: file:line locations and inline waivers
//	                      ("# eipassoc:ignore:CODE[,CODE][:exp:YYYY-MM-DD] reason" above a resource)
//	-waivers file         waiver file (address pattern, rule, reason, expires)
//	-behaviour b          documented (default) or observed
//	-multi-binded-allowed the account is allowlisted for multi-EIP-to-ENI mode
//	-live                 merge the account's current ENIs and EIPs (with -endpoint,
//	                      -protocol, -live-region; credentials from the default chain)
//	-today YYYY-MM-DD     the date waivers expire against
//
// Exit status of check: 0 no finding at or above -fail-on, 1 findings at or above it,
// 2 a usage or input error (unreadable or malformed plan, inventory or waiver file).
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
// Exit status of serve: 0 after a clean shutdown, 1 when the server fails, 2 for a
// usage error (bad flag, unreadable topology).
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
