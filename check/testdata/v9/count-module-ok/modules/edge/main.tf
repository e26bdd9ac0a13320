terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# One ENI with `eips` cut-through EIPs: more than one breaks eni-capacity.
variable "name" { type = string }
variable "eips" { type = number }

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id             = "vsw-bp1existing00000001"
  network_interface_name = var.name
}

resource "alicloud_eip_address" "this" {
  count = var.eips
}

resource "alicloud_eip_association" "this" {
  count         = var.eips
  allocation_id = alicloud_eip_address.this[count.index].id
  instance_id   = alicloud_ecs_network_interface.this.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
