# The nested shape of issue 25 item 4: module "edge" for_each over a map(object) variable,
# its EIPs from the nested module "eip_pool" (allocation_ids[each.key]), its addresses
# from locals (range, cidrhost, slice). Three sites here; 2,000 is the measured size.
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

variable "sites" {
  type = map(object({ subnet = number, offset = number }))
}

resource "alicloud_vpc" "net" {
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.0.0/9"
  zone_id    = "cn-hangzhou-h"
}

module "edge" {
  source     = "./modules/edge"
  for_each   = var.sites
  vswitch_id = alicloud_vswitch.net.id
  cidr       = cidrsubnet("10.0.0.0/9", 15, each.value.subnet)
  ip_offset  = each.value.offset
}
