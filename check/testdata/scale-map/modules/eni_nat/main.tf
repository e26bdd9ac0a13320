terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "name" {
  type = string
}

variable "subnet" {
  type = number
}

locals {
  addresses = [for i in range(5) : cidrhost(cidrsubnet("10.0.0.0/8", 16, var.subnet), 10 + i)]
}

resource "alicloud_ecs_network_interface" "this" {
  network_interface_name = var.name
  vswitch_id             = "vsw-1"
  security_group_ids     = ["sg-1"]
  primary_ip_address     = local.addresses[0]
  private_ip_addresses   = slice(local.addresses, 1, 5)
}

resource "alicloud_eip_address" "this" {
  count        = 5
  address_name = "${var.name}-${count.index}"
}

resource "alicloud_eip_association" "this" {
  count              = 5
  allocation_id      = alicloud_eip_address.this[count.index].id
  instance_id        = alicloud_ecs_network_interface.this.id
  instance_type      = "NetworkInterface"
  private_ip_address = local.addresses[count.index]
}
