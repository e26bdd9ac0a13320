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
  default = "BINDED"
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
  count = length(local.slots)
}

resource "alicloud_eip_association" "x" {
  count = length(local.slots)
  allocation_id = alicloud_eip_address.p[count.index].id
  instance_id   = module.net.ids[count.index]
  instance_type = "NetworkInterface"
  mode          = var.mode
}
