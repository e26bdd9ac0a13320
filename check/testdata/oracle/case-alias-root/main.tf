terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

provider "alicloud" {
  alias  = "west"
  region = "cn-shanghai"
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
  default = "BINDED"
}

locals {
  slots = range(var.n)
}

resource "alicloud_ecs_network_interface" "e" {
  count = "2"
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
  provider = alicloud.west
}

locals {
  eni_ids = alicloud_ecs_network_interface.e[*].id
}

resource "alicloud_eip_address" "p" {
  count = "2"
  provider = alicloud.west
}

resource "alicloud_eip_association" "x" {
  count = "2"
  provider = alicloud.west
  allocation_id = alicloud_eip_address.p[count.index].id
  instance_id   = slice(alicloud_ecs_network_interface.e[*].id, count.index, count.index + 1)[0]
  instance_type = "NetworkInterface"
  mode          = var.mode
}

resource "alicloud_instance" "fw" {
  count           = 1
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "y" {
  count = "2"
  instance_id          = one(alicloud_instance.fw[*].id)
  network_interface_id = alicloud_ecs_network_interface.e[count.index].id
  depends_on           = [alicloud_eip_association.x]
}
