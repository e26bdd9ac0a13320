terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "net" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-hangzhou-h"
}

variable "n" {
  type    = number
  default = 3
}

variable "names" {
  type    = set(string)
  default = ["a", "b", "c"]
}

variable "nics" {
  type    = map(object({ ip = number }))
  default = { a = { ip = 20 }, b = { ip = 21 }, c = { ip = 22 } }
}

locals {
  slots = range(var.n)
}

resource "alicloud_ecs_network_interface" "e" {
  for_each = var.names
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
}

locals {
  eni_ids = { for k, v in alicloud_ecs_network_interface.e : k => v.id }
}

resource "alicloud_eip_address" "p" {
  for_each = var.names
}

resource "alicloud_eip_association" "x" {
  for_each = var.names
  allocation_id = alicloud_eip_address.p[each.key].id
  instance_id   = alicloud_ecs_network_interface.e[format("%s", each.key)].id
  instance_type = "NetworkInterface"
}

resource "alicloud_instance" "fw" {
  count           = 1
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "y" {
  for_each = var.names
  instance_id          = one(alicloud_instance.fw[*].id)
  network_interface_id = [for k, v in alicloud_ecs_network_interface.e : v.id if k == each.key][0]
  depends_on           = [alicloud_eip_association.x]
}

resource "alicloud_instance" "gw" {
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
  dynamic "network_interfaces" {
    for_each = [alicloud_ecs_network_interface.e["a"].id]
    content {
      network_interface_id = network_interfaces.value
    }
  }
}
