// Command tfstub is a schema-only stand-in for the alicloud Terraform provider, used to
// make the plan JSON fixtures of package check with a real Terraform. It has the
// attribute names and Optional/Computed/ForceNew flags of the real resources that
// eipassoc reads (see shared/reference/ci-ecosystem.md, section 2), makes no API call,
// and invents IDs on apply. Plans that Terraform writes with it have the genuine JSON
// shape; values the real provider would compute are left unknown or empty.
//
// It is its own Go module, so the main module neither builds nor depends on it. See
// check/testdata/README.md for how fixtures are regenerated.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"

	"github.com/hashicorp/terraform-plugin-sdk/v2/diag"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/validation"
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{ProviderFunc: provider})
}

func provider() *schema.Provider {
	return &schema.Provider{
		Schema: map[string]*schema.Schema{
			"region":       {Type: schema.TypeString, Optional: true},
			"access_key":   {Type: schema.TypeString, Optional: true},
			"secret_key":   {Type: schema.TypeString, Optional: true, Sensitive: true},
			"profile":      {Type: schema.TypeString, Optional: true},
			"account_type": {Type: schema.TypeString, Optional: true},
		},
		ResourcesMap: map[string]*schema.Resource{
			"alicloud_eip_association":                  stub("eip", eipAssociation()),
			"alicloud_eip_address":                      stub("eip", eipAddress()),
			"alicloud_eip":                              stub("eip", eipAddress()),
			"alicloud_ecs_network_interface":            stub("eni", eni()),
			"alicloud_network_interface":                stub("eni", eni()),
			"alicloud_ecs_network_interface_attachment": stub("att", attachment()),
			"alicloud_network_interface_attachment":     stub("att", attachment()),
			"alicloud_instance":                         stub("i", instance()),
			"alicloud_vswitch":                          stub("vsw", vswitch()),
			"alicloud_vpc":                              stub("vpc", vpc()),
		},
		DataSourcesMap: map[string]*schema.Resource{
			"alicloud_instance_types": instanceTypes(),
		},
	}
}

// instanceTypes is the alicloud_instance_types data source with the attributes eipassoc
// reads: it answers, with no API call, the one instance type its filters describe (the
// type named by instance_type, with eni_amount ENIs and
// minimum_eni_private_ip_address_quantity private IPs per ENI), as the real provider
// lists types in instance_types (id, eni_quantity, eni_amount,
// eni_private_ip_address_quantity) and ids.
func instanceTypes() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			"instance_type":                           str("O"),
			"instance_type_family":                    str("O"),
			"availability_zone":                       str("O"),
			"cpu_core_count":                          num("O"),
			"eni_amount":                              num("O"),
			"minimum_eni_private_ip_address_quantity": num("O"),
			"ids": {Type: schema.TypeList, Computed: true, Elem: &schema.Schema{Type: schema.TypeString}},
			"instance_types": {Type: schema.TypeList, Computed: true, Elem: &schema.Resource{Schema: map[string]*schema.Schema{
				"id":                              str("C"),
				"eni_quantity":                    num("C"),
				"eni_amount":                      num("C"),
				"eni_private_ip_address_quantity": num("C"),
			}}},
		},
		ReadContext: func(_ context.Context, d *schema.ResourceData, _ any) diag.Diagnostics {
			typ := d.Get("instance_type").(string)
			d.SetId("types-" + typ)
			enis, ips := d.Get("eni_amount").(int), d.Get("minimum_eni_private_ip_address_quantity").(int)
			_ = d.Set("ids", []string{typ})
			return diag.FromErr(d.Set("instance_types", []map[string]any{{"id": typ, "eni_quantity": enis,
				"eni_amount": enis, "eni_private_ip_address_quantity": ips}}))
		},
	}
}

func str(flags string) *schema.Schema {
	s := &schema.Schema{Type: schema.TypeString}
	apply(s, flags)
	return s
}

func num(flags string) *schema.Schema {
	s := &schema.Schema{Type: schema.TypeInt}
	apply(s, flags)
	return s
}

func set(flags string) *schema.Schema {
	s := &schema.Schema{Type: schema.TypeSet, Elem: &schema.Schema{Type: schema.TypeString}}
	apply(s, flags)
	return s
}

// apply sets R(equired), O(ptional), C(omputed) and F(orceNew) from flags.
func apply(s *schema.Schema, flags string) {
	for _, f := range flags {
		switch f {
		case 'R':
			s.Required = true
		case 'O':
			s.Optional = true
		case 'C':
			s.Computed = true
		case 'F':
			s.ForceNew = true
		}
	}
}

func eipAssociation() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"allocation_id": str("RF"),
		"instance_id":   str("RF"),
		"instance_type": str("OCF"),
		"mode": {
			Type:         schema.TypeString,
			Optional:     true,
			Computed:     true,
			ValidateFunc: validation.StringInSlice([]string{"NAT", "MULTI_BINDED", "BINDED"}, false),
		},
		"private_ip_address": str("OF"),
		"vpc_id":             str("OF"),
		"force":              {Type: schema.TypeBool, Optional: true},
	}
}

func eipAddress() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"payment_type":         str("OCF"),
		"instance_charge_type": str("OCF"),
		"internet_charge_type": str("OCF"),
		"isp":                  str("OCF"),
		"bandwidth":            str("OC"),
		"mode":                 str("OC"),
		"address_name":         str("OC"),
		"name":                 str("OC"),
		"ip_address":           str("OC"),
		"allocation_id":        str("OC"),
		"status":               str("C"),
		"zone":                 str("OC"),
		"netmode":              str("OC"),
		"resource_group_id":    str("OC"),
		"tags":                 {Type: schema.TypeMap, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}},
	}
}

func eni() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"vswitch_id":                         str("RF"),
		"primary_ip_address":                 str("OCF"),
		"private_ip":                         str("OCF"),
		"private_ip_addresses":               set("OC"),
		"private_ips":                        set("OC"),
		"secondary_private_ip_address_count": num("OC"),
		"private_ips_count":                  num("OC"),
		"security_group_ids":                 set("OC"),
		"security_groups":                    set("OC"),
		"network_interface_name":             str("OC"),
		"name":                               str("OC"),
		"instance_type":                      str("OCF"),
		"network_interface_traffic_mode":     str("OC"),
		"resource_group_id":                  str("OC"),
		"mac":                                str("C"),
		"status":                             str("C"),
		"tags": {
			Type:     schema.TypeMap,
			Optional: true,
			Elem:     &schema.Schema{Type: schema.TypeString},
		},
	}
}

func attachment() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"network_interface_id":      str("RF"),
		"instance_id":               str("RF"),
		"trunk_network_instance_id": str("OF"),
		"network_card_index":        num("OF"),
	}
}

func instance() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"instance_type":        str("OC"),
		"image_id":             str("OC"),
		"availability_zone":    str("OCF"),
		"vswitch_id":           str("OC"),
		"vpc_id":               str("OC"),
		"private_ip":           str("OC"),
		"security_groups":      set("OC"),
		"network_interface_id": str("OCF"),
		"instance_name":        str("OC"),
		"primary_ip_address":   str("C"),
		"public_ip":            str("C"),
		"status":               str("OC"),
		"network_interfaces": {
			Type:     schema.TypeList,
			Optional: true,
			Computed: true,
			ForceNew: true,
			Elem: &schema.Resource{Schema: map[string]*schema.Schema{
				"network_interface_id":           str("OC"),
				"vswitch_id":                     str("OC"),
				"security_group_ids":             set("OC"),
				"network_interface_traffic_mode": str("OC"),
			}},
		},
		"tags": {Type: schema.TypeMap, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}},
	}
}

func vswitch() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"vpc_id":       str("RF"),
		"cidr_block":   str("RF"),
		"zone_id":      str("OCF"),
		"vswitch_name": str("OC"),
	}
}

func vpc() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"cidr_block": str("OC"),
		"vpc_name":   str("OC"),
	}
}

// stub returns a resource whose create invents an ID with prefix, and whose read,
// update and delete keep what Terraform planned.
func stub(prefix string, attrs map[string]*schema.Schema) *schema.Resource {
	r := &schema.Resource{
		Schema: attrs,
		CreateContext: func(_ context.Context, d *schema.ResourceData, _ any) diag.Diagnostics {
			var b [4]byte
			_, _ = rand.Read(b[:])
			d.SetId(prefix + "-stub" + hex.EncodeToString(b[:]))
			return nil
		},
		ReadContext:   func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
		DeleteContext: func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
	}
	for _, a := range attrs {
		if !a.ForceNew && (a.Optional || a.Required) {
			r.UpdateContext = func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil }
		}
	}
	return r
}
