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

resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.old.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
