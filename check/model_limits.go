package check

import (
	"strings"

	"github.com/eipassoc/eipassoc/eni"
)

// TypeInstanceTypes is the data source whose result gives instance types' ENI limits.
const TypeInstanceTypes = "alicloud_instance_types"

// dataLimits reads the ENI limits of the instance types that the plan's
// alicloud_instance_types data sources list (in prior_state, keyed by address): each
// entry's eni_quantity (DescribeInstanceTypes EniQuantity, the primary ENI included) and
// eni_private_ip_address_quantity (EniPrivateIpAddressQuantity). A configuration that
// takes its instance type from such a data source gets the limits the account's API
// gave, even for a type newer than the built-in table. An entry without a positive ENI
// count gives nothing; one without the private-IP count leaves that limit unknown.
func dataLimits(data map[string]any) map[string]eni.Limits {
	var out map[string]eni.Limits
	for addr, v := range data {
		if typeOf(addr) != TypeInstanceTypes {
			continue
		}
		values, _ := v.(map[string]any)
		list, _ := values["instance_types"].([]any)
		for _, e := range list {
			entry, _ := e.(map[string]any)
			id, _ := entry["id"].(string)
			enis, _ := entry["eni_quantity"].(float64)
			ips, _ := entry["eni_private_ip_address_quantity"].(float64)
			if id == "" || enis < 1 || enis != float64(int(enis)) {
				continue
			}
			if out == nil {
				out = map[string]eni.Limits{}
			}
			l := eni.Limits{ENIs: int(enis)}
			if ips >= 1 && ips == float64(int(ips)) {
				l.PrivateIPsPerENI = int(ips)
			}
			out[id] = l
		}
	}
	return out
}

// typeOf returns the resource type of a data source address
// ("module.a.data.alicloud_instance_types.x[0]" gives "alicloud_instance_types"), or "".
func typeOf(addr string) string {
	dotted := "." + addr
	i := strings.LastIndex(dotted, ".data.")
	if i < 0 {
		return ""
	}
	typ, _, ok := strings.Cut(dotted[i+len(".data."):], ".")
	if !ok {
		return ""
	}
	return typ
}
