package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFail     = 1 // the server failed, or -live could not read the account
	exitFindings = 1 // findings at or above -fail-on
	exitUsage    = 2 // a usage or input error
)

const usage = `Usage:
  eipassoc check [flags] PLAN.json|-      check a Terraform/OpenTofu plan (or -inventory FILE)
  eipassoc explain [-mode M] [-region R]  print the rules and capacities that apply
  eipassoc modes                          list the association modes
  eipassoc regions [-mode M]              list the regions and their modes
  eipassoc serve [flags]                  run a local EIP/ENI API emulator
  eipassoc help                           print this help

Run "eipassoc COMMAND -h" for the flags of a command.
`

// run runs the command named by args[0] and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, os.Stdin, stdout, stderr, os.Getenv)
}

// runWith is run with explicit standard input and environment, for tests.
func runWith(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "check":
		return checkCmd(args[1:], stdin, stdout, stderr, getenv)
	case "explain":
		return explainCmd(args[1:], stdout, stderr)
	case "modes":
		return modesCmd(stdout)
	case "regions":
		return regionsCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "eipassoc: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// keyFlag collects repeated -access-key id:secret values.
type keyFlag map[string]string

func (k keyFlag) String() string {
	ids := make([]string, 0, len(k))
	for id := range k {
		ids = append(ids, id+":***")
	}
	return strings.Join(ids, ",")
}

func (k keyFlag) Set(s string) error {
	id, secret, ok := strings.Cut(s, ":")
	if !ok || id == "" || secret == "" {
		return fmt.Errorf("want id:secret")
	}
	k[id] = secret
	return nil
}
