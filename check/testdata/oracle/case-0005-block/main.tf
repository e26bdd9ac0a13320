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
  default = 2
}

variable "names" {
  type    = set(string)
  default = ["a", "b"]
}

variable "nics" {
  type    = map(object({ ip = number }))
  default = { a = { ip = 20 }, b = { ip = 21 } }
}

variable "mode" {
  type    = string
  default = "NAT"
}

locals {
  slots = range(var.n)
}

resource "alicloud_ecs_network_interface" "e" {
  for_each = var.nics
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
  primary_ip_address = cidrhost("10.0.1.0/24", each.value.ip)
}

locals {
  eni_ids = { for k, v in alicloud_ecs_network_interface.e : k => v.id }
}

resource "alicloud_eip_address" "p" {
  for_each = var.nics
}

resource "alicloud_eip_association" "x" {
  for_each = var.nics
  allocation_id = alicloud_eip_address.p[each.key].id
  instance_id   = alicloud_ecs_network_interface.e[format("%s", each.key)].id
  instance_type = "NetworkInterface"
  mode          = var.mode
  private_ip_address = cidrhost("10.0.1.0/24", each.value.ip)
}

resource "alicloud_instance" "fw" {
  count           = 1
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "y" {
  for_each = var.nics
  instance_id          = one(alicloud_instance.fw[*].id)
  network_interface_id = alicloud_ecs_network_interface.e[each.key].id
  depends_on           = [alicloud_eip_association.x]
}

resource "alicloud_instance" "gw" {
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
  network_interfaces {
    network_interface_id = alicloud_ecs_network_interface.e["a"].id
  }
}
