terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

provider "alicloud" {
  alias  = "sg"
  region = "ap-northeast-1"
}

locals {
  eni = "eni-bp1local000000001"
}

resource "alicloud_ecs_network_interface" "secondary" {
  vswitch_id = "vsw-bp1existing00000001"
}

module "edge" {
  source = "./modules/edge"
  eni_id = alicloud_ecs_network_interface.secondary.id
  providers = {
    alicloud = alicloud.sg
  }
}

# for_each over known ENI IDs: each.value is concrete in the plan.
resource "alicloud_eip_association" "each" {
  for_each      = { a = "eni-bp1existing0000001", b = "eni-bp1existing0000001" }
  allocation_id = "eip-bp1each${each.key}"
  instance_id   = each.value
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# A target only known through a local: opaque in the plan.
resource "alicloud_eip_association" "local" {
  allocation_id = "eip-bp1local"
  instance_id   = local.eni
  instance_type = "NetworkInterface"
}

# eipassoc:ignore:mode-not-allowlisted:exp:2099-01-01 the account is allowlisted
resource "alicloud_eip_association" "multi" {
  allocation_id = "eip-bp1multi"
  instance_id   = alicloud_ecs_network_interface.secondary.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
