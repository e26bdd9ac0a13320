package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// explainCmd prints the rules and capacities that apply to a mode and region.
func explainCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eipassoc explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modeFlag := fs.String("mode", "", "only this `mode` (NAT, BINDED, MULTI_BINDED, cut-through, ...)")
	regionFlag := fs.String("region", "", "and say whether the mode is offered in this `region`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	list := modes.All()
	if *modeFlag != "" {
		m, err := modes.Parse(*modeFlag)
		if err != nil {
			fmt.Fprintf(stderr, "eipassoc explain: %v\n", err)
			return exitUsage
		}
		list = []modes.Mode{m}
	}
	var info *regions.Info
	if *regionFlag != "" {
		i, err := regions.Lookup(regions.ID(*regionFlag))
		if err != nil {
			fmt.Fprintf(stderr, "eipassoc explain: %v\n", err)
			return exitUsage
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
			fmt.Fprintf(stdout, "  in %s (%s, %s): product doc %s, API doc %s\n", info.ID, info.Name, info.Status, offered(l.ProductDoc), offered(l.APIDoc))
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
func modesCmd(stdout io.Writer) int {
	fmt.Fprintf(stdout, "%-13s %-22s %-9s %-10s %s\n", "MODE", "NAME", "PRIMARY", "SECONDARY", "REGIONS")
	for _, m := range modes.All() {
		p := m.Properties()
		fmt.Fprintf(stdout, "%-13s %-22s %-9s %-10s %d\n", m, p.Name, p.PrimaryENI, p.SecondaryENI, len(regions.ForMode(m)))
	}
	return exitOK
}

// regionsCmd lists the regions and the modes each offers.
func regionsCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eipassoc regions", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modeFlag := fs.String("mode", "", "only regions that offer this `mode`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	var want modes.Mode
	if *modeFlag != "" {
		m, err := modes.Parse(*modeFlag)
		if err != nil {
			fmt.Fprintf(stderr, "eipassoc regions: %v\n", err)
			return exitUsage
		}
		want = m
	}
	fmt.Fprintf(stdout, "%-22s %-32s %-8s %s\n", "REGION", "NAME", "STATUS", "MODES")
	for _, info := range regions.All() {
		if want != 0 && !info.Supports(want) {
			continue
		}
		names := make([]string, 0, 3)
		for _, m := range info.Modes() {
			names = append(names, m.String())
		}
		fmt.Fprintf(stdout, "%-22s %-32s %-8s %s\n", info.ID, info.Name, info.Status, strings.Join(names, ","))
	}
	return exitOK
}
