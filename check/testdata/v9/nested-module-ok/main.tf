terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# Nested module instances: module.outer["b"].module.inner gets 1 EIPs.
module "outer" {
  source   = "./modules/outer"
  for_each = { a = 1, b = 1 }
  eips     = each.value
}
