// Command eipassoc is the command-line face of the eipassoc library.
//
// Usage:
//
//	eipassoc check [flags] PLAN.json|-      check a Terraform/OpenTofu plan (or -inventory FILE)
//	eipassoc explain [-mode M] [-region R]  print what each mode allows and the rules
//	eipassoc limits [-o FILE]               write the account's ENI limits table
//	eipassoc modes                          list the association modes
//	eipassoc regions [-mode M]              list the regions and their modes
//	eipassoc serve [flags]                  run a local EIP/ENI API emulator
//	eipassoc version                        print the version, commit and Go version
//	eipassoc help [COMMAND]                 print the help, or a command's
//
// Flags may come before or after a command's arguments; "eipassoc help COMMAND" lists
// them. check reads the JSON of "terraform show -json PLANFILE" (or "tofu show -json")
// and checks every association and attachment the plan creates or changes, and what
// existing ones rest on, against the rules of package eipassoc and the plan-level
// rules; it evaluates the configuration's .tf files (next to the plan, or -tf-dir)
// where the plan keeps only part of a reference. serve speaks the Alibaba Cloud VPC and
// ECS RPC API for EIPs and ENIs, backed by an in-memory account.
//
// Exit status: 0 success; 1 findings at or above -fail-on (check) or a server failure
// (serve); 2 a usage or input error; 3 the account could not be reached or read
// (check -live, limits).
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
