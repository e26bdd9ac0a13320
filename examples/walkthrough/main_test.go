package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var buf bytes.Buffer
	if err := run(t.Context(), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"✗ associate a third EIP with the full ENI\n    refused: [eni-capacity private-ip-in-use]",
		"✓ associate an EIP with eni-cut in cut-through mode",
		"3 EIPs, e.g.",
		"✗ attach eni-multi to i-web (ecs.g7.xlarge, not a listed family)\n    refused: " +
			"[instance-family-unsupported]",
		"✓ attach eni-multi to i-legacy",
		"2 EIPs still on eni-nat",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
