package tfplan_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/eipassoc/eipassoc/check/tfplan"
)

// Decode keeps, of each resource change, the attributes asked for; Encode writes the
// plan back as plan JSON, which Decode reads again.
func ExampleDecode() {
	const planJSON = `{
	  "format_version": "1.2",
	  "resource_changes": [{
	    "address": "alicloud_eip_association.a", "mode": "managed",
	    "type": "alicloud_eip_association", "name": "a",
	    "change": {
	      "actions": ["create"],
	      "after": {"allocation_id": "eip-1", "mode": "NAT", "tags": {"team": "net"}},
	      "after_unknown": {"id": true, "instance_id": true}
	    }
	  }]
	}`
	want := map[string][]string{"alicloud_eip_association": {"allocation_id", "instance_id", "mode"}}
	p, err := tfplan.Decode(strings.NewReader(planJSON), want)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := p.Changes[0]
	fmt.Println(c.Address, c.Actions, c.After.Get("allocation_id"), c.After.Get("mode"), c.After.Get("tags"))
	fmt.Println("instance_id known after apply:", c.Unknown.Get("instance_id"))
	if err := tfplan.Encode(os.Stdout, p); err != nil {
		fmt.Println(err)
	}
	// Output:
	// alicloud_eip_association.a [create] eip-1 NAT <nil>
	// instance_id known after apply: true
	// {"format_version":"1.2","resource_changes":[{"address":"alicloud_eip_association.a","mode":"managed","type":"alicloud_eip_association","name":"a","change":{"actions":["create"],"before":null,"after":{"allocation_id":"eip-1","mode":"NAT"},"after_unknown":{"instance_id":true}}}]}
}
