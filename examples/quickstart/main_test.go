package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"== NAT mode: second EIP on a secondary ENI with 2 private IPs\nallowed",
		"== NAT mode: third EIP on the same ENI\ndenied\n  ✗ eni-capacity",
		"== NAT mode on an attached ENI, documented behaviour\ndenied\n  ✗ eni-attached",
		"! nat-attached-eni",
		"== Cut-through mode on a detached ENI without secondary IPs\nallowed",
		"✗ mode-region-unsupported",
		"== Multi-EIP-to-ENI mode: tenth EIP, allowlisted account\nallowed",
		"✗ mode-not-allowlisted",
		"== Attach an ENI with multi-EIP-to-ENI EIPs to ecs.g7.large\ndenied\n  ✗ instance-family-unsupported",
		"charged: true",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
