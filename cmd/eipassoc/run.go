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
	exitFail     = 1 // the server failed
	exitFindings = 1 // findings at or above -fail-on
	exitUsage    = 2 // a usage or input error
	exitAccount  = 3 // -live could not reach or read the account
)

const usage = `eipassoc checks Alibaba Cloud EIP associations with ENIs against the
product documentation's and the API's rules.

Usage:
  eipassoc check [flags] PLAN.json|-      check a Terraform/OpenTofu plan (or -inventory FILE)
  eipassoc explain [-mode M] [-region R]  print what each mode allows and the rules
  eipassoc limits [-o FILE]               write the account's ENI limits table
  eipassoc modes                          list the association modes
  eipassoc regions [-mode M]              list the regions and their modes
  eipassoc serve [flags]                  run a local EIP/ENI API emulator
  eipassoc version                        print the version, commit and Go version
  eipassoc help [COMMAND]                 print this help, or a command's

Flags may come before or after a command's arguments.
Exit status: 0 success, 1 findings (check) or a server failure (serve),
2 a usage or input error, 3 the account could not be reached or read
(check -live, limits).
`

// commands maps each subcommand to how it runs.
func commands(
	ctx context.Context,
	stdin io.Reader,
	stdout, stderr io.Writer,
	getenv func(string) string,
) map[string]func([]string) int {
	return map[string]func([]string) int{
		"check":   func(a []string) int { return checkCmd(ctx, a, stdin, stdout, stderr, getenv) },
		"explain": func(a []string) int { return explainCmd(a, stdout, stderr) },
		"limits":  func(a []string) int { return limitsCmd(ctx, a, stdout, stderr) },
		"modes":   func(a []string) int { return modesCmd(a, stdout, stderr) },
		"regions": func(a []string) int { return regionsCmd(a, stdout, stderr) },
		"serve":   func(a []string) int { return serve(ctx, a, stdout, stderr) },
		"version": func(a []string) int { return versionCmd(a, stdout, stderr) },
	}
}

// run runs the command named by args[0] and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, os.Stdin, stdout, stderr, os.Getenv)
}

// runWith is run with explicit standard input and environment, for tests.
func runWith(
	ctx context.Context,
	args []string,
	stdin io.Reader,
	stdout, stderr io.Writer,
	getenv func(string) string,
) int {
	cmds := commands(ctx, stdin, stdout, stderr, getenv)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[0] == "help" {
			if c, ok := cmds[args[1]]; ok {
				return c([]string{"-h"})
			}
			fmt.Fprintf(stderr, "eipassoc help: unknown command %q\n%s", args[1], usage)
			return exitUsage
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-version", "--version":
		return versionCmd(nil, stdout, stderr)
	}
	if c, ok := cmds[args[0]]; ok {
		return c(args[1:])
	}
	fmt.Fprintf(stderr, "eipassoc: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// listFlag is a repeatable string flag; a value may also list several, separated by
// commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for part := range strings.SplitSeq(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
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
