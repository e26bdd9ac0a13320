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
  providers  = { alicloud = alicloud.west }
}

locals {
  eni_ids = module.net.ids
}

resource "alicloud_eip_address" "p" {
  for_each = toset(flatten([for k in var.names : [k]]))
  provider = alicloud.west
}

resource "alicloud_eip_association" "x" {
  for_each = toset(flatten([for k in var.names : [k]]))
  provider = alicloud.west
  allocation_id = alicloud_eip_address.p[each.key].id
  instance_id   = lookup(module.net.ids, each.key)
  instance_type = "NetworkInterface"
  mode          = var.mode
}
