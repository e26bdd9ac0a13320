package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// explainCmd prints the rules and capacities that apply to a mode and region.
func explainCmd(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand(
		"explain",
		"[-mode M] [-region R]",
		"Prints what each association mode allows and needs, and the rules the checker applies.",
		"Exit status: 0, or 2 for a usage error.",
	)
	modeFlag := cmd.fs.String("mode", "", "only this `mode` (NAT, BINDED, MULTI_BINDED, cut-through, ...)")
	regionFlag := cmd.fs.String("region", "", "and say whether the mode is offered in this `region`")
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	list := modes.All()
	if *modeFlag != "" {
		m, err := modes.Parse(*modeFlag)
		if err != nil {
			return cmd.fail(stderr, "%s", userError(err))
		}
		list = []modes.Mode{m}
	}
	var info *regions.Info
	if *regionFlag != "" {
		i, err := regions.Lookup(regions.ID(*regionFlag))
		if err != nil {
			return cmd.fail(stderr, "%s", userError(err))
		}
		info = &i
	}
	for _, m := range list {
		p := m.Properties()
		fmt.Fprintf(stdout, "%s (%s)\n", p.Name, m)
		for _, line := range p.Lines() {
			fmt.Fprintln(stdout, "  "+line)
		}
		if info != nil {
			l := info.Listing(m)
			fmt.Fprintf(
				stdout,
				"  in %s (%s, %s): product doc %s, API doc %s\n",
				info.ID,
				info.Name,
				info.Status,
				offered(l.ProductDoc),
				offered(l.APIDoc),
			)
		} else {
			fmt.Fprintf(stdout, "  regions: %d (eipassoc regions -mode %s)\n", len(regions.ForMode(m)), m)
		}
	}
	fmt.Fprintln(stdout, "\nRules (code: what is checked):")
	for _, r := range check.AllRules() {
		fmt.Fprintf(stdout, "  %s: %s\n", r.Code, r.Summary)
	}
	return exitOK
}

func offered(b bool) string {
	if b {
		return "offered"
	}
	return "not offered"
}

// modesCmd lists the modes.
func modesCmd(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand(
		"modes",
		"",
		"Lists the association modes with their capacities and the number of regions that offer them.",
		"Exit status: 0, or 2 for a usage error.",
	)
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MODE\tNAME\tPRIMARY ENI\tSECONDARY ENI\tREGIONS")
	for _, m := range modes.All() {
		p := m.Properties()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", m, p.Name, p.PrimaryENI, p.SecondaryENI, len(regions.ForMode(m)))
	}
	tw.Flush()
	return exitOK
}

// regionsCmd lists the regions and the modes each offers.
func regionsCmd(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand(
		"regions",
		"[-mode M]",
		"Lists the Alibaba Cloud regions, their status and the modes each offers (a closed region offers none).",
		"Exit status: 0, or 2 for a usage error.",
	)
	modeFlag := cmd.fs.String("mode", "", "only regions that offer this `mode`")
	positional, code, done := cmd.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return cmd.fail(stderr, "unexpected argument %q", positional[0])
	}
	var want modes.Mode
	if *modeFlag != "" {
		m, err := modes.Parse(*modeFlag)
		if err != nil {
			return cmd.fail(stderr, "%s", userError(err))
		}
		want = m
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REGION\tNAME\tSTATUS\tMODES")
	for _, info := range regions.All() {
		if want != 0 && !info.Supports(want) {
			continue
		}
		names := make([]string, 0, 3)
		for _, m := range info.Modes() {
			names = append(names, m.String())
		}
		if len(names) == 0 {
			names = append(names, "-")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", info.ID, info.Name, info.Status, strings.Join(names, ","))
	}
	tw.Flush()
	return exitOK
}
