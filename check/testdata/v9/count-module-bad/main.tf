terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# Three module instances; only edge[1] is asked for 2 EIPs.
module "edge" {
  source = "./modules/edge"
  count  = 3
  name   = "edge-${count.index}"
  eips   = count.index == 1 ? 2 : 1
}
