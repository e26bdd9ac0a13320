package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `Usage:
  eipassoc serve [flags]    run a local EIP/ENI API emulator
  eipassoc help             print this help

Run "eipassoc serve -h" for the flags of serve.
`

// run runs the command named by args[0] and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
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
