terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# Nested module instances: module.outer["b"].module.inner gets 2 EIPs.
module "outer" {
  source   = "./modules/outer"
  for_each = { a = 1, b = 2 }
  eips     = each.value
}
