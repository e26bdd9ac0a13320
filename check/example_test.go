package check_test

import (
	"fmt"

	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/check/tfplan"
)

// A producer without plan JSON builds the typed plan and checks it: here an EIP
// associated in cut-through mode (BINDED) with an instance, which only an ENI target
// takes (the API refuses it with Invalid.DirectEip.BindType).
func ExampleFromPlan() {
	var after tfplan.Attrs
	after.Set("id", "eip-assoc")
	after.Set("allocation_id", "eip-bp1example")
	after.Set("instance_id", "i-bp1example")
	after.Set("instance_type", "EcsInstance")
	after.Set("mode", "BINDED")
	p := &tfplan.Plan{FormatVersion: "1.2", Changes: []*tfplan.Change{{
		Address: "alicloud_eip_association.a",
		Type:    check.TypeAssociation,
		Name:    "a",
		Actions: []string{"create"},
		After:   after,
	}}}
	m, err := check.FromPlan(p, "example", check.PlanOptions{Region: "cn-hangzhou"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range check.Run(m, check.Options{Unknown: check.UnknownIgnore}) {
		fmt.Println(f.Address, f.Rule, f.Level)
	}
	// Output:
	// alicloud_eip_association.a plan-mode-on-non-eni-target error
}

// The options as the CLI's flags and the tflint plugin block give them; a bad value
// names its setting.
func ExampleSettings() {
	opts, err := check.Settings{Behaviour: "documented", Unknown: "fail"}.Options()
	fmt.Println(opts.Behaviour, opts.Unknown, err)
	_, err = check.Settings{InstanceDHCP: "maybe"}.Options()
	fmt.Println(err)
	// Output:
	// documented fail <nil>
	// instance_dhcp must be enabled, disabled or unknown
}
