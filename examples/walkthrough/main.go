// Command walkthrough builds a small account in the fake backend and walks through the
// three association modes the way Alibaba Cloud's documentation describes them, through
// the checked Client: NAT mode on a secondary ENI (one EIP per private IP, then attach
// the ENI), cut-through mode (detached ENI without secondary IPs, then attach), and
// multi-EIP-to-ENI mode (allowlisted account, gateway info for the OS, attach only to a
// listed instance family). Finally it moves an ENI with its EIPs to another instance.
//
// Usage:
//
//	go run ./examples/walkthrough
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

const region = "cn-shanghai"

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "walkthrough:", err)
		os.Exit(1)
	}
}

// step prints what is being done and its outcome; a refusal by the rules is printed,
// not returned, since showing it is the point.
type step struct {
	w   io.Writer
	err error
}

func (s *step) do(title string, fn func() (string, error)) {
	if s.err != nil {
		return
	}
	out, err := fn()
	var denied *client.DeniedError
	switch {
	case errors.As(err, &denied):
		fmt.Fprintf(s.w, "✗ %s\n    refused: %v\n", title, denied.Decision.Codes())
	case err != nil:
		s.err = fmt.Errorf("%s: %w", title, err)
	default:
		fmt.Fprintf(s.w, "✓ %s\n    %s\n", title, out)
	}
}

func run(ctx context.Context, w io.Writer) error {
	f := fake.NewBuilder(fake.Options{Seed: 2024, Account: eipassoc.Account{MultiBindedAllowed: true}}).
		VSwitch("vsw-b", region, "cn-shanghai-b", "vpc-demo", "192.168.10.0/24").
		Instance("i-web", "ecs.g7.xlarge", "vsw-b").
		Instance("i-legacy", "ecs.g5.xlarge", "vsw-b").
		ENI("eni-nat", "vsw-b", 2).
		ENI("eni-cut", "vsw-b", 1).
		ENI("eni-multi", "vsw-b", 1).
		MustBuild()
	c := client.New(f, client.Options{
		Account:      eipassoc.Account{MultiBindedAllowed: true},
		PollInterval: 10 * time.Millisecond,
	})
	s := &step{w: w}
	newEIP := func() eip.ID {
		a, err := f.AllocateEIP(ctx, backend.AllocateEIPInput{Region: region})
		if err != nil && s.err == nil {
			s.err = err
		}
		return a.ID
	}
	associate := func(a eip.ID, n eni.ID, m modes.Mode, private netip.Addr) func() (string, error) {
		return func() (string, error) {
			got, err := c.Associate(
				ctx,
				client.AssociateRequest{Region: region, EIP: a, ENI: n, Mode: m, PrivateIP: private},
			)
			out := fmt.Sprintf("%s (%s) is %s on %s", got.ID, got.IP, got.Status, n)
			if p := got.Association.PrivateIP; p.IsValid() {
				out += ", mapped to " + p.String()
			}
			return out, err
		}
	}
	attach := func(n eni.ID, to string) func() (string, error) {
		return func() (string, error) {
			got, err := c.MoveENI(ctx, client.MoveRequest{Region: region, ENI: n, To: to})
			return fmt.Sprintf("%s is %s on %s", n, got.Status, got.Instance), err
		}
	}

	fmt.Fprintln(w, "== NAT mode: one EIP per private IP of a secondary ENI")
	nat1, nat2, nat3 := newEIP(), newEIP(), newEIP()
	page, err := f.DescribeENIs(ctx, backend.DescribeENIsInput{Region: region, IDs: []eni.ID{"eni-nat"}})
	if err != nil {
		return err
	}
	secondary := page.ENIs[0].SecondaryIPs[0]
	s.do("associate an EIP with the primary address of eni-nat", associate(nat1, "eni-nat", modes.NAT, netip.Addr{}))
	s.do(
		"associate an EIP with its secondary address "+secondary.String(),
		associate(nat2, "eni-nat", modes.NAT, secondary),
	)
	s.do("associate a third EIP with the full ENI", associate(nat3, "eni-nat", modes.NAT, netip.Addr{}))
	s.do("attach eni-nat to i-web", attach("eni-nat", "i-web"))

	fmt.Fprintln(w, "\n== Cut-through mode: the EIP replaces the ENI's private address")
	cut := newEIP()
	s.do("associate an EIP with eni-cut in cut-through mode", associate(cut, "eni-cut", modes.Binded, netip.Addr{}))
	s.do("attach eni-cut to i-web", attach("eni-cut", "i-web"))

	fmt.Fprintln(w, "\n== Multi-EIP-to-ENI mode: up to 10 EIPs, configured statically in the OS")
	for range 3 {
		s.do("associate an EIP with eni-multi", associate(newEIP(), "eni-multi", modes.MultiBinded, netip.Addr{}))
	}
	s.do("read the gateways and masks for the OS (DescribeEipGatewayInfo)", func() (string, error) {
		infos, err := f.DescribeEIPGatewayInfo(
			ctx,
			backend.DescribeEIPGatewayInfoInput{Region: region, ENI: "eni-multi"},
		)
		if err != nil || len(infos) == 0 {
			return "", err
		}
		return fmt.Sprintf(
			"%d EIPs, e.g. %s via %s mask %s",
			len(infos),
			infos[0].IP,
			infos[0].Gateway,
			infos[0].Mask,
		), nil
	})
	s.do("attach eni-multi to i-web (ecs.g7.xlarge, not a listed family)", attach("eni-multi", "i-web"))
	s.do("attach eni-multi to i-legacy (ecs.g5.xlarge)", attach("eni-multi", "i-legacy"))

	fmt.Fprintln(w, "\n== Moving an ENI keeps its private and public addresses")
	s.do("move eni-nat from i-web to i-legacy", attach("eni-nat", "i-legacy"))
	s.do("check where the NAT EIPs are now", func() (string, error) {
		page, err := f.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, AssociatedInstanceID: "eni-nat"})
		return fmt.Sprintf("%d EIPs still on eni-nat", page.TotalCount), err
	})
	return s.err
}
