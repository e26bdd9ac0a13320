package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/english"
)

// limitsCmd writes the ENI limits table of the account's instance types.
func limitsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("limits", "[flags]",
		"Writes the ENI limits of instance types, read from the account's DescribeInstanceTypes, as a table\n"+
			"that \"eipassoc check -limits FILE\" and eni.ParseLimits read: a fresher source than the built-in\n"+
			"table dated "+eni.LimitsDate+". Credentials come from the default chain\n"+
			"(ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, a profile, a RAM role).",
		`Exit status:
  0  the table was written
  2  a usage error
  3  the account could not be reached or read`)
	fs := cmd.fs
	out := fs.String("o", "", "write the table to `file` (replaced whole) instead of standard output")
	var types listFlag
	fs.Var(&types, "types", "only these instance `types` (comma-separated or repeated); default all")
	account := addAccountFlags(fs, "region", "")
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	found, err := account.instanceTypes(ctx, types)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc limits: %v\n", err)
		return exitAccount
	}
	limits := map[string]eni.Limits{}
	var skipped []string
	for _, t := range found {
		// A type the table cannot hold (no ENIs, a name out of shape) is left out and
		// named, never written half-right.
		if _, err := eni.NewLimitsTable(map[string]eni.Limits{t.Type: t.Limits}); err != nil {
			skipped = append(skipped, t.Type)
			continue
		}
		limits[t.Type] = t.Limits
	}
	table, err := eni.NewLimitsTable(limits)
	if err != nil {
		fmt.Fprintf(stderr, "eipassoc limits: %v\n", err)
		return exitAccount
	}
	var b strings.Builder
	fmt.Fprintf(
		&b,
		"# ENI limits of Alibaba Cloud ECS instance types: family: size ENIs/IPsPerENI, ... ('?' = not reported)\n",
	)
	fmt.Fprintf(
		&b,
		"# ENIs counts the primary ENI (EniQuantity); IPsPerENI the primary IP (EniPrivateIpAddressQuantity).\n",
	)
	fmt.Fprintf(
		&b,
		"# Source: DescribeInstanceTypes, region %s, %s, by eipassoc limits.\n",
		*account.region,
		time.Now().UTC().Format(time.DateOnly),
	)
	if _, err := table.WriteTo(&b); err != nil {
		fmt.Fprintf(stderr, "eipassoc limits: %v\n", err)
		return exitFail
	}
	if err := writeOutput(*out, stdout, b.String()); err != nil {
		return cmd.fail(stderr, "%v", err)
	}
	fmt.Fprintf(stderr, "eipassoc limits: %s written", english.Count(table.Len(), "instance type"))
	if len(skipped) > 0 {
		fmt.Fprintf(
			stderr,
			"; %s left out (no ENI limits reported): %s",
			english.Count(len(skipped), "type"),
			strings.Join(skipped, ", "),
		)
	}
	fmt.Fprintln(stderr)
	return exitOK
}
