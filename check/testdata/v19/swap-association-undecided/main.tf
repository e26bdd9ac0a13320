# Applied first (stage1/): EIP old on ENI public in cut-through mode, which takes one
# EIP. Now association public goes and association next brings EIP new to the ENI. A new
# resource cannot depend on a destroyed one, so Terraform may make next while old is
# still bound: whether the ENI's one cut-through EIP is exceeded depends on an order
# the plan does not fix, so the capacity is undecided, and says why.
# want: alicloud_eip_association.next plan-value-unknown unknown
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

resource "alicloud_ecs_network_interface" "public" {
  vswitch_id = alicloud_vswitch.net.id
}

resource "alicloud_eip_address" "old" {}

resource "alicloud_eip_address" "new" {}

resource "alicloud_eip_association" "next" {
  allocation_id = alicloud_eip_address.new.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
