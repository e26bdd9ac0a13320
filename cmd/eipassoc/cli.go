package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// A command describes one subcommand for its help: the arguments after its flags, what
// it does, and notes such as its exit statuses.
type command struct {
	name    string // e.g. "check"
	args    string // e.g. "[flags] PLAN.json|-"
	summary string
	notes   string
	fs      *flag.FlagSet
}

// newCommand makes a command with an empty flag set that reports nothing by itself:
// parse prints help and errors.
func newCommand(name, args, summary, notes string) *command {
	fs := flag.NewFlagSet("eipassoc "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &command{name: name, args: args, summary: summary, notes: notes, fs: fs}
}

// usage writes the command's help.
func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: eipassoc %s %s\n\n%s\n", c.name, c.args, c.summary)
	var flags strings.Builder
	c.fs.SetOutput(&flags)
	c.fs.PrintDefaults()
	c.fs.SetOutput(io.Discard)
	if flags.Len() > 0 {
		fmt.Fprintf(w, "\nFlags (before or after the arguments):\n%s", flags.String())
	}
	if c.notes != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.notes))
	}
}

// parse parses args, whose flags may come before or after the positional arguments, as
// conftest, tflint and trivy accept; "--" ends the flags. -h, -help and --help print the
// help on stdout (exit 0); a bad flag prints the error and a hint on stderr (exit 2).
// done is true when the caller should return code.
func (c *command) parse(args []string, stdout, stderr io.Writer) (positional []string, code int, done bool) {
	for {
		err := c.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.usage(stdout)
			return nil, exitOK, true
		}
		if err != nil {
			fmt.Fprintf(stderr, "eipassoc %s: %v\nRun \"eipassoc help %s\" for its flags.\n", c.name, err, c.name)
			return nil, exitUsage, true
		}
		rest := c.fs.Args()
		if len(rest) == 0 {
			return positional, exitOK, false
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), exitOK, false
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// fail reports a usage error of the command: the message and a hint, exit 2.
func (c *command) fail(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(
		stderr,
		"eipassoc %s: %s\nRun \"eipassoc help %s\" for its flags.\n",
		c.name,
		fmt.Sprintf(format, a...),
		c.name,
	)
	return exitUsage
}

// userError turns an error of the library into a message for people: the text after
// the package prefix ("modes: parse \"x\": ..." becomes "parse \"x\": ...").
func userError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 && !strings.ContainsAny(msg[:i], " \"") {
		return msg[i+2:]
	}
	return msg
}
