package check_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
)

var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func load(t testing.TB, fixture string, opts check.PlanOptions) *check.Model {
	t.Helper()
	f, err := os.Open("testdata/" + fixture + "/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if opts.Getenv == nil {
		opts.Getenv = func(string) string { return "" }
	}
	m, err := check.LoadPlan(f, "plan.json", opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// brief is what the tests compare: address, rule and status of each finding.
func brief(fs []check.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Address+" "+string(f.Rule)+" "+string(f.Status))
	}
	return out
}

// TestFixtures checks each Terraform-made plan: which rules fire where. The plans were
// made by terraform 1.11.4 with a schema-only stub of the alicloud provider; the .tf
// files beside them are their configurations.
func TestFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture string
		opts    check.Options
		want    []string
	}{
		{"basic", check.Options{}, []string{
			"alicloud_eip_association.cut plan-attachment-order fail",       // BINDED on an ENI the plan attaches
			"alicloud_eip_association.ecs plan-mode-on-non-eni-target fail", // MULTI_BINDED on an ECS instance
			"alicloud_eip_association.legacy[0] plan-eni-target-not-network-interface fail",
			"alicloud_eip_association.legacy[1] plan-eni-target-not-network-interface fail",
			"alicloud_eip_association.nat[1] private-ip-in-use fail", // no private_ip_address: the primary IP again
			"alicloud_eip_association.nat[2] eni-capacity fail",      // 3 EIPs, 2 private IPs
			"alicloud_eip_association.nat[2] private-ip-in-use fail",
		}},
		// The EIPs and two ENIs are named only by ID: their status, attachment and the
		// EIPs bound to them are unknown without -live, so those rules are undecided
		// (one finding per cause), while what the plan does know still fails.
		{"modules", check.Options{}, []string{
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`, // eip-bp1eacha named by ID
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`, // ENI named by ID: status, placement, addresses
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`, // ENI named by ID: EIPs already bound
			`alicloud_eip_association.each["b"] eni-capacity fail`,          // for_each: two cut-through EIPs on one ENI
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.multi mode-not-allowlisted fail",
			"alicloud_eip_association.multi mode-region-unsupported fail",    // MULTI in cn-hangzhou
			"alicloud_eip_association.multi plan-value-unknown unknown",      // eip-bp1multi named by ID
			"module.edge.alicloud_eip_association.this eni-capacity fail",    // var.eni_id resolved through the module call
			"module.edge.alicloud_eip_association.this mode-conflict fail",   //
			"module.edge.alicloud_eip_association.this region-mismatch fail", // aliased provider in ap-northeast-1
		}},
		{"modules", check.Options{Account: eipassoc.Account{MultiBindedAllowed: true}}, []string{
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["a"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["b"] eni-capacity fail`,
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			`alicloud_eip_association.each["b"] plan-value-unknown unknown`,
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.local plan-value-unknown unknown",
			"alicloud_eip_association.multi mode-region-unsupported fail",
			"alicloud_eip_association.multi plan-value-unknown unknown",
			"module.edge.alicloud_eip_association.this eni-capacity fail",
			"module.edge.alicloud_eip_association.this mode-conflict fail",
			"module.edge.alicloud_eip_association.this region-mismatch fail",
		}},
		{"prior", check.Options{Behaviour: eipassoc.Observed}, []string{
			"alicloud_eip_association.multi eni-attached fail",                // known from prior state
			"alicloud_eip_association.multi instance-family-unsupported fail", // ecs.g7 is not a MULTI family
			"alicloud_eip_association.multi mode-conflict fail",
			"alicloud_eip_association.multi mode-not-allowlisted fail",
			"alicloud_eip_association.multi plan-value-unknown unknown", // DHCP on the instance, which multi-EIP-to-ENI needs
			"alicloud_eip_association.second eni-capacity fail",
			"alicloud_eip_association.second mode-conflict fail",
			// NAT on pub, attached in the prior state: the documentation's prerequisite,
			// which the observed API does not enforce, is a warning.
			"alicloud_eip_association.second nat-attached-eni fail",
			"alicloud_eip_association.second private-ip-in-use fail", // 192.168.0.10 already has eip first
		}},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			got := brief(check.Run(load(t, tc.fixture, check.PlanOptions{}), tc.opts))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUndecidedFindingsSayWhy: an undecided finding names the rules it leaves open, why
// the plan lacks each fact, and what would decide it.
func TestUndecidedFindingsSayWhy(t *testing.T) {
	t.Parallel()
	var msgs []string
	for _, f := range check.Run(load(t, "modules", check.PlanOptions{}), check.Options{}) {
		if f.Address == `alicloud_eip_association.each["a"]` && f.Rule == check.CodeUnknown {
			msgs = append(msgs, f.Message)
		}
	}
	want := [][]string{
		{"eip-status", "eip-locked", "EIP eip-bp1eacha is not managed by this plan", "-live", "DescribeEipAddresses"},
		{
			"eni-status",
			"eni-attached",
			"ENI eni-bp1existing0000001 is not managed by this plan",
			"DescribeNetworkInterfaces",
		},
		{
			"eni-capacity",
			"mode-conflict",
			"the EIPs already bound to it are unknown",
			"DescribeEipAddresses filtered by the ENI",
		},
	}
	for _, parts := range want {
		found := false
		for _, m := range msgs {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(m, p)
			}
			found = found || ok
		}
		if !found {
			t.Errorf("no undecided finding says all of %q; have:\n%s", parts, strings.Join(msgs, "\n"))
		}
	}
}

func TestClosedRegion(t *testing.T) {
	t.Parallel()
	m := load(t, "noprovider", check.PlanOptions{Getenv: func(k string) string {
		if k == "ALICLOUD_REGION" {
			return "ap-south-1" // India (Mumbai): listed for MULTI_BINDED, decommissioned
		}
		return ""
	}})
	got := brief(check.Run(m, check.Options{Account: eipassoc.Account{MultiBindedAllowed: true}}))
	// The EIP is named only by ID, so its status is unknown; the closed region is known
	// for both the EIP and the ENI and reported once.
	if diff := cmp.Diff([]string{
		"alicloud_eip_association.n plan-value-unknown unknown", "alicloud_eip_association.n region-closed fail",
	}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRegionResolution(t *testing.T) {
	t.Parallel()
	m := load(t, "modules", check.PlanOptions{})
	got := map[string]string{}
	for _, a := range m.Associations {
		got[a.Address] = string(a.Region)
	}
	if got["alicloud_eip_association.multi"] != "cn-hangzhou" ||
		got["module.edge.alicloud_eip_association.this"] != "ap-northeast-1" {
		t.Errorf("regions %v", got)
	}
	m = load(t, "basic", check.PlanOptions{}) // region = var.region, default cn-shanghai
	if m.Associations[0].Region != "cn-shanghai" {
		t.Errorf("var.region resolved to %q", m.Associations[0].Region)
	}
	m = load(t, "basic", check.PlanOptions{Region: "cn-beijing"})
	if m.Associations[0].Region != "cn-beijing" {
		t.Errorf("-region override gave %q", m.Associations[0].Region)
	}
}

func TestUnknownPolicy(t *testing.T) {
	t.Parallel()
	const doc = `{"format_version":"1.2","terraform_version":"1.11.4",
	 "resource_changes":[{"address":"alicloud_eip_association.a","mode":"managed",
	   "type":"alicloud_eip_association","name":"a",
	   "change":{"actions":["create"],"before":null,
	     "after":{"allocation_id":"eip-1","instance_type":"NetworkInterface","mode":"NAT"},
	     "after_unknown":{"instance_id":true}}}],
	 "configuration":{"root_module":{"resources":[{"address":"alicloud_eip_association.a","mode":"managed",
	   "type":"alicloud_eip_association","name":"a",
	   "expressions":{"instance_id":{"references":["local.eni"]}}}]}}}`
	for policy, want := range map[check.UnknownPolicy]string{
		check.UnknownWarn: "warning", check.UnknownFail: "error", check.UnknownIgnore: "",
	} {
		m, err := check.LoadPlan(strings.NewReader(doc), "p.json", check.PlanOptions{Region: "cn-shanghai"})
		if err != nil {
			t.Fatal(err)
		}
		fs := check.Run(m, check.Options{Unknown: policy})
		got := ""
		if len(fs) == 1 && fs[0].Rule == check.CodeUnknown && fs[0].Status == check.StatusUnknown &&
			strings.Contains(fs[0].Message, "local.eni") {
			got = string(fs[0].Level)
		}
		if got != want {
			t.Errorf("-unknown=%s: %+v", policy, fs)
		}
	}
}

func TestWaivers(t *testing.T) {
	t.Parallel()
	m := load(t, "basic", check.PlanOptions{})
	f, _ := os.Open("testdata/waivers.yaml")
	ws, err := check.LoadWaivers(f, "waivers.yaml")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	src, err := check.LoadSources("testdata/basic", m.ModuleDirs)
	if err != nil {
		t.Fatal(err)
	}
	fs := check.ApplyWaivers(check.Run(m, check.Options{}), src, ws, today)
	got := brief(fs)
	want := []string{
		"alicloud_eip_association.cut plan-attachment-order fail",
		"alicloud_eip_association.ecs waiver-expired fail",
		"alicloud_eip_association.ecs plan-mode-on-non-eni-target fail",
		"alicloud_eip_association.legacy[0] plan-eni-target-not-network-interface suppressed",
		"alicloud_eip_association.legacy[1] plan-eni-target-not-network-interface suppressed",
		"alicloud_eip_association.nat[1] private-ip-in-use fail",
		"alicloud_eip_association.nat[2] eni-capacity fail",
		"alicloud_eip_association.nat[2] private-ip-in-use fail",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if fs[0].Location.File != "main.tf" || fs[0].Location.StartLine != 71 {
		t.Errorf("location %+v", fs[0].Location)
	}
	if check.Failed(fs[3:5], check.LevelError) {
		t.Error("suppressed findings count toward failure")
	}
}

func TestLoadWaiversErrors(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		"waivers:\n  - rule: eni-capacity\n",                                   // no reason
		"waivers:\n  - rule: no-such-rule\n    reason: r\n",                    // unknown code
		"waivers:\n  - rule: eni-capacity\n    reason: r\n    expires: soon\n", // bad date
		"waivers:\n  - rule: eni-capacity\n    reason: r\n    colour: red\n",   // unknown field
		"[1, 2",
	} {
		if _, err := check.LoadWaivers(strings.NewReader(doc), "w.yaml"); !errors.Is(err, check.ErrInput) {
			t.Errorf("LoadWaivers(%q) = %v", doc, err)
		}
	}
}

func TestLoadPlanErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ doc, want string }{
		{`{"format_version": "1.2",`, "line 1"},
		{"{\n\"format_version\": 7}", "not plan JSON"},
		{`{"format_version":"2.0","resource_changes":[]}`, "not plan JSON"},
		{`{"hello": "world"}`, "terraform show -json"},
		{`[]`, "not plan JSON"},
		{``, "not"},
	}
	for _, tc := range tests {
		_, err := check.LoadPlan(strings.NewReader(tc.doc), "bad.json", check.PlanOptions{})
		var ie *check.InputError
		if !errors.As(err, &ie) || ie.Code() != "input-invalid" || !strings.Contains(err.Error(), "bad.json") ||
			!strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadPlan(%q) = %v, want an InputError naming bad.json and %q", tc.doc, err, tc.want)
		}
	}
}

func FuzzLoadPlan(f *testing.F) {
	for _, fixture := range []string{"basic", "modules", "prior", "rules", "noprovider", "scale"} {
		data, _ := os.ReadFile("testdata/" + fixture + "/plan.json")
		f.Add(data)
	}
	v9, _ := filepath.Glob("testdata/v9/*/plan.json")
	for _, file := range v9 {
		data, _ := os.ReadFile(file)
		f.Add(data)
	}
	f.Add(
		[]byte(
			`{"format_version":"1.2","resource_changes":[{"mode":"managed","type":"alicloud_eip_association","change":{"actions":["create"],"after":{"instance_id":7}}}]}`,
		),
	)
	f.Add(
		[]byte(
			`{"format_version":"1.2","resource_changes":[{"change":{"actions":["update"],"after":{"\u0069d":"x"}},"type":"alicloud_vpc","mode":"managed","address":"module.a[\"x\"].alicloud_vpc.v[0]"}]}`,
		),
	)
	for _, s := range []string{ // what Terraform never writes, refused by name
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","change":{"actions":["explode"]}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{}},{"address":"a.b","change":{}}]}`,
		`{"format_version":"1.2","resource_changes":[{"address":null,"change":{}}]}`,
		`{"format_version":"1.2","resource_changes":[]} {}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := check.LoadPlan(
			strings.NewReader(string(data)),
			"fuzz.json",
			check.PlanOptions{Getenv: func(string) string { return "" }},
		)
		if err != nil {
			if !errors.Is(err, check.ErrInput) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		check.Run(m, check.Options{})
	})
}

// TestInvalidMode: provider versions before 1.225.1 did not validate mode, so a plan can
// carry one the API rejects.
func TestInvalidMode(t *testing.T) {
	t.Parallel()
	const doc = `{"format_version":"1.2","terraform_version":"1.11.4",
	 "resource_changes":[
	  {"address":"alicloud_ecs_network_interface.n","mode":"managed","type":"alicloud_ecs_network_interface","name":"n",
	   "change":{"actions":["create"],"before":null,"after":{"vswitch_id":"vsw-1"},"after_unknown":{"id":true}}},
	  {"address":"alicloud_eip_association.a","mode":"managed","type":"alicloud_eip_association","name":"a",
	   "change":{"actions":["create"],"before":null,
	     "after":{"allocation_id":"eip-1","instance_type":"NetworkInterface","mode":"nat"},
	     "after_unknown":{"instance_id":true}}}],
	 "configuration":{"root_module":{"resources":[{"address":"alicloud_eip_association.a","mode":"managed",
	   "type":"alicloud_eip_association","name":"a",
	   "expressions":{"instance_id":{"references":["alicloud_ecs_network_interface.n.id","alicloud_ecs_network_interface.n"]}}}]}}}`
	m, err := check.LoadPlan(strings.NewReader(doc), "p.json", check.PlanOptions{Region: "cn-shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	// eip-1 is named only by ID, so its status is undecided.
	if diff := cmp.Diff([]string{"alicloud_eip_association.a mode-invalid fail", "alicloud_eip_association.a " +
		"plan-value-unknown unknown"}, brief(check.Run(m, check.Options{}))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTwoEIPsOnOneInstance: an ECS target takes one EIP on its primary ENI.
func TestTwoEIPsOnOneInstance(t *testing.T) {
	t.Parallel()
	assoc := func(name string) string {
		return `{"address":"alicloud_eip_association.` + name + `","mode":"managed","type":"alicloud_eip_association","name":"` + name + `",
		  "change":{"actions":["create"],"before":null,"after":{"allocation_id":"eip-` + name + `","instance_id":"i-1"},"after_unknown":{"instance_type":true,"mode":true}}}`
	}
	doc := `{"format_version":"1.2","resource_changes":[
	  {"address":"alicloud_instance.web","mode":"managed","type":"alicloud_instance","name":"web",
	   "change":{"actions":["no-op"],"before":{"id":"i-1"},"after":{"id":"i-1","instance_type":"ecs.g7.large"},"after_unknown":{}}},` +
		assoc("a") + "," + assoc("b") + `]}`
	m, err := check.LoadPlan(strings.NewReader(doc), "p.json", check.PlanOptions{Region: "cn-shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	// Both map to the primary address by default: equal without knowing it. The EIPs
	// are named only by ID, so their status is undecided.
	want := []string{
		"alicloud_eip_association.a plan-value-unknown unknown",
		"alicloud_eip_association.b eni-capacity fail",
		"alicloud_eip_association.b plan-value-unknown unknown",
		"alicloud_eip_association.b private-ip-in-use fail",
	}
	if diff := cmp.Diff(want, brief(check.Run(m, check.Options{}))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestInvalidInlineWaiver: an inline waiver with an unknown code waives nothing and is
// reported under its own code, not as an expired waiver.
func TestInvalidInlineWaiver(t *testing.T) {
	t.Parallel()
	m := load(t, "basic", check.PlanOptions{})
	tf, err := os.ReadFile("testdata/basic/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := strings.Replace(string(tf), `resource "alicloud_eip_association" "cut"`,
		"# eipassoc:ignore:no-such-rule the order is fine\n"+`resource "alicloud_eip_association" "cut"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := check.LoadSources(dir, m.ModuleDirs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range check.ApplyWaivers(check.Run(m, check.Options{}), src, nil, today) {
		if f.Address == "alicloud_eip_association.cut" {
			got = append(got, string(f.Rule)+" "+string(f.Status))
		}
	}
	want := []string{"waiver-invalid fail", "plan-attachment-order fail"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSharedIDResolvesTheSameWay: when two plan resources carry the same ID, a
// reference by that ID resolves to the one with the first address, every run.
func TestSharedIDResolvesTheSameWay(t *testing.T) {
	t.Parallel()
	eniRes := func(name, ip string) string {
		return `{"address":"alicloud_ecs_network_interface.` + name + `","mode":"managed","type":"alicloud_ecs_network_interface","name":"` + name + `",
		  "change":{"actions":["no-op"],"before":{"id":"eni-dup"},"after":{"id":"eni-dup","vswitch_id":"vsw-1","primary_ip_address":"` + ip + `"},"after_unknown":{}}}`
	}
	doc := `{"format_version":"1.2","resource_changes":[` + eniRes(
		"zeta",
		"10.0.0.9",
	) + "," + eniRes(
		"alpha",
		"10.0.0.1",
	) + "," + eniRes(
		"mid",
		"10.0.0.5",
	) + `,
	  {"address":"alicloud_eip_association.a","mode":"managed","type":"alicloud_eip_association","name":"a",
	   "change":{"actions":["create"],"before":null,"after":{"allocation_id":"eip-1","instance_id":"eni-dup","instance_type":"NetworkInterface"},"after_unknown":{}}}]}`
	for run := range 50 {
		m, err := check.LoadPlan(strings.NewReader(doc), "p.json", check.PlanOptions{Region: "cn-shanghai"})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Associations[0].Target; got != "alicloud_ecs_network_interface.alpha" {
			t.Fatalf(
				"run %d: eni-dup resolved to %q, want the first address, alicloud_ecs_network_interface.alpha",
				run,
				got,
			)
		}
	}
}

// FuzzEvaluate feeds arbitrary sources to the evaluation of a plan that needs them (the
// computed-index idioms): whatever the .tf text, LoadPlan and Run end without a panic,
// and the plan's own facts still decide what they can.
func FuzzEvaluate(f *testing.F) {
	plan, err := os.ReadFile("testdata/v9/index-idioms-bad/plan.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, fixture := range []string{"index-idioms-bad", "index-idioms-ok", "sources-mismatch", "scale/modules/edge"} {
		if src, err := os.ReadFile(filepath.Join("testdata", "v9", fixture, "main.tf")); err == nil {
			f.Add(src)
		}
	}
	f.Add(
		[]byte(
			"locals {\n  a = local.b\n  b = local.a\n}\nresource \"alicloud_eip_association\" \"ci2\" {\n  count = " +
				"1\n  instance_id = local.a\n}\n",
		),
	)
	f.Add(
		[]byte(
			"resource \"alicloud_eip_association\" \"ev\" {\n  for_each = [1, 2]\n  instance_id = " +
				"cidrhost(\"10.0.0.0/8\", -1)\n}\n",
		),
	)
	f.Add([]byte("locals {\n  x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n}\n"))
	f.Add([]byte("x = \"" + strings.Repeat("${", 400) + "\"\n"))
	dir := f.TempDir() // one per worker: each input replaces main.tf
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := check.LoadPlan(
			bytes.NewReader(plan),
			"plan.json",
			check.PlanOptions{SourceDir: dir, Getenv: func(string) string { return "" }},
		)
		var in *check.InputError
		if errors.As(err, &in) && strings.HasSuffix(in.File, "main.tf") {
			return // over a documented limit (MaxSourceNesting, MaxSourceBytes), before any parser
		}
		if err != nil {
			t.Fatalf("the plan itself is good: %v", err)
		}
		check.Run(m, check.Options{})
	})
}
