terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# A registry module, installed by terraform init under .terraform/modules.
module "edge" {
  source   = "acme/edge/alicloud"
  version  = "1.2.0"
  for_each = { a = 1, b = 2 }
  name     = each.key
  eips     = each.value
}
