terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# One ENI with five private addresses, five EIPs and, when associate is true, five NAT
# associations, one on each address.
variable "index" { type = number }
variable "associate" { type = bool }

locals {
  base = cidrsubnet("10.0.0.0/8", 16, var.index)
  ips  = [for i in range(5) : cidrhost(local.base, 10 + i)]
}

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id           = "vsw-uf6existing0000001"
  primary_ip_address   = local.ips[0]
  private_ip_addresses = slice(local.ips, 1, 5)
}

resource "alicloud_eip_address" "this" {
  count = 5
}

resource "alicloud_eip_association" "this" {
  count              = var.associate ? 5 : 0
  allocation_id      = alicloud_eip_address.this[count.index].id
  instance_id        = alicloud_ecs_network_interface.this.id
  instance_type      = "NetworkInterface"
  private_ip_address = local.ips[count.index]
}
