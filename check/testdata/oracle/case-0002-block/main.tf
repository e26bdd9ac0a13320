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
  default = 1
}

variable "names" {
  type    = set(string)
  default = ["a"]
}

variable "nics" {
  type    = map(object({ ip = number }))
  default = { a = { ip = 20 } }
}

variable "mode" {
  type    = string
  default = "NAT"
}

locals {
  slots = range(var.n)
}

module "net" {
  source     = "./modules/net"
  vswitch_id = alicloud_vswitch.net.id
  n          = var.n
  names      = var.names
  nics       = var.nics
}

locals {
  eni_ids = module.net.ids
}

resource "alicloud_eip_address" "p" {
  count = "1"
}

resource "alicloud_eip_association" "x" {
  count = "1"
  allocation_id = alicloud_eip_address.p[count.index].id
  instance_id   = module.net.ids[count.index]
  instance_type = "NetworkInterface"
  mode          = var.mode
}

resource "alicloud_instance" "gw" {
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
  dynamic "network_interfaces" {
    for_each = [module.net.ids[0]]
    content {
      network_interface_id = network_interfaces.value
    }
  }
}
