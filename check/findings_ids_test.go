package check

import "testing"

// TestNamedWithIDs: the ID follows every whole address of a resource that has one, the
// address comes before every whole ID of one, and no address or ID that merely contains
// one or is contained in one is touched.
func TestNamedWithIDs(t *testing.T) {
	t.Parallel()
	ids := map[string]string{
		"alicloud_ecs_network_interface.pub": "eni-1",
		"alicloud_instance.fw":               "i-1",
		`alicloud_eip_address.x["a"]`:        "eip-1",
	}
	for in, want := range map[string]string{
		"alicloud_ecs_network_interface.pub carries 2 EIPs": "alicloud_ecs_network_interface.pub (eni-1) carries 2 EIPs",
		"attached to alicloud_instance.fw.":                 "attached to alicloud_instance.fw (i-1).",
		"(alicloud_instance.fw); and alicloud_instance.fw2": "(alicloud_instance.fw (i-1)); and alicloud_instance.fw2",
		"module.m.alicloud_instance.fw is not it":           "module.m.alicloud_instance.fw is not it",
		"alicloud_instance.fw.primary is not it":            "alicloud_instance.fw.primary is not it",
		"alicloud_ecs_network_interface.pub2 either":        "alicloud_ecs_network_interface.pub2 either",
		`EIP alicloud_eip_address.x["a"] is InUse`:          `EIP alicloud_eip_address.x["a"] (eip-1) is InUse`,
		"nothing to name":                     "nothing to name",
		"attached to instance i-1; detach it": "attached to instance alicloud_instance.fw (i-1); detach it",
		"i-10 and (i-1) stay":                 "i-10 and (i-1) stay",
	} {
		addresses := map[string]string{}
		for a, id := range ids {
			addresses[id] = a
		}
		if got := namedWithIDs(in, ids, addresses); got != want {
			t.Errorf("namedWithIDs(%q) = %q, want %q", in, got, want)
		}
	}
}
