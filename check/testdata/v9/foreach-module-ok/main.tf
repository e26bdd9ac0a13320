terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# A module instance per key; only edge["b"] is asked for 1 EIPs.
variable "eips" {
  type    = map(number)
  default = { a = 1, b = 1, c = 1 }
}

module "edge" {
  source   = "./modules/edge"
  for_each = var.eips
  name     = each.key
  eips     = each.value
}
