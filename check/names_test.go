package check_test

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

var (
	// internalName matches a fact's internal name ("instance.limits"): never a
	// person's word.
	internalName = regexp.MustCompile(`\b(eni|eip|instance|account)\.[a-z_]+\b`)
	// resourceName matches a name a user knows a resource by: a Terraform address
	// (alicloud_ecs_network_interface.pub, module.x.alicloud_instance.fw[0]) or a cloud
	// ID (eni-..., eip-..., i-...).
	resourceName = regexp.MustCompile(`\balicloud_[a-z_]+\.[a-zA-Z0-9_-]+|\b(eni|eip|i)-[0-9a-z]+`)
	// ownFact matches what a finding may speak of instead, when its subject is the
	// resource it is filed on: one of that resource's arguments, or its provider's
	// region.
	ownFact = regexp.MustCompile(`\b(instance_id|allocation_id|network_interface_id|private_ip_address)\b|` +
		`\bprovider\b`)
)

// findingFaults lists what a finding fails to say in the user's words: an internal
// name in its message or fix, or a message that names no resource (the ENI, instance
// or EIP it blames, by address or ID).
func findingFaults(f check.Finding) []string {
	var out []string
	for what, s := range map[string]string{"message": f.Message, "fix": f.Fix} {
		if m := internalName.FindString(s); m != "" {
			out = append(out, what+" says "+m+", an internal name")
		}
	}
	msg := f.Message // without the rule codes it names, which look like IDs (eni-capacity)
	for _, r := range check.AllRules() {
		msg = strings.ReplaceAll(msg, string(r.Code), "")
	}
	if !resourceName.MatchString(msg) && !ownFact.MatchString(msg) &&
		!strings.HasPrefix(string(f.Rule), "waiver-") {
		out = append(out, "the message names no resource, and none of the arguments of "+f.Address)
	}
	return out
}

// TestFindingFaultsCatchesUnnamed: the check fails on a deliberately unnamed subject
// and an internal name, and passes a finding that names what it blames.
func TestFindingFaultsCatchesUnnamed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f      check.Finding
		faults int
	}{
		{check.Finding{Rule: eipassoc.CodeENICapacity, Message: "the ENI carries 2 EIPs and takes at most 2 in NAT mode"}, 1},
		{check.Finding{Rule: check.CodeUnknown, Message: "instance-eni-quota not decided: instance.limits is unknown"}, 2},
		{check.Finding{Rule: check.CodeUnknown, Message: "cannot tell which resource instance_id names"}, 0},
		{check.Finding{Rule: eipassoc.CodeENICapacity,
			Message: "ENI alicloud_ecs_network_interface.pub carries 2 EIPs (alicloud_eip_association.a, " +
				"alicloud_eip_association.b) and takes at most 2 in NAT mode"}, 0},
		{check.Finding{Rule: eipassoc.CodeENIAttached, Message: "ENI eni-123 is attached to instance i-9",
			Fix: "Detach ENI eni-123 from instance i-9 (DetachNetworkInterface)"}, 0},
	} {
		if got := findingFaults(tc.f); len(got) != tc.faults {
			t.Errorf("%q: faults %q, want %d", tc.f.Message, got, tc.faults)
		}
	}
}

// TestFindingsNameTheirSubjects: every finding of every committed plan fixture, under
// both behaviours and with undecided rules reported, names the resource it is about
// and says no internal name, in its message and its fix.
func TestFindingsNameTheirSubjects(t *testing.T) {
	t.Parallel()
	var dirs []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "plan.json" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 40 {
		t.Fatalf("found %d plan fixtures; the walk missed some", len(dirs))
	}
	seen := map[eipassoc.Code]bool{}
	for _, dir := range dirs {
		for _, b := range []eipassoc.Behaviour{eipassoc.Documented, eipassoc.Observed} {
			opts := v9Options
			opts.Behaviour, opts.Unknown = b, check.UnknownWarn
			for _, f := range check.Run(loadFixture(t, dir, false), opts) {
				seen[f.Rule] = true
				for _, fault := range findingFaults(f) {
					t.Errorf("%s (%v): %s %s: %q: %s", dir, b, f.Address, f.Rule, f.Message, fault)
				}
			}
		}
	}
	if len(seen) < 15 {
		t.Errorf("the fixtures gave findings of only %d rules: %v", len(seen), seen)
	}
}

// TestFindingsNameByAddressAndID: a resource the plan manages that exists already is
// named by its address and by the cloud ID its prior state gives (testdata/prior: the
// ENI eni-stub683870 and the instance i-stub097004 in plan.json's prior_state), whether
// the rules spoke of it by address (the ENI) or by ID (the instance it is attached to).
func TestFindingsNameByAddressAndID(t *testing.T) {
	t.Parallel()
	fs := check.Run(loadFixture(t, filepath.Join("testdata", "prior"), false), v9Options)
	want := "ENI alicloud_ecs_network_interface.pub (eni-stub683870) is attached to instance " +
		"alicloud_instance.app (i-stub097004)"
	found := false
	for _, f := range fs {
		found = found || f.Rule == eipassoc.CodeENIAttached && strings.HasPrefix(f.Message, want)
		if strings.Contains(f.Message, "(eni-stub683870) (eni-stub683870)") {
			t.Errorf("an ID written twice: %q", f.Message)
		}
	}
	if !found {
		t.Errorf("no eni-attached finding says %q: %v", want, fs)
	}
}
