terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# Fake credentials and endpoints at a closed local port: planning new resources makes
# no call.
provider "alicloud" {
  region                 = "cn-hangzhou"
  access_key             = "fake"
  secret_key             = "fake"
  skip_region_validation = true
  endpoints {
    ecs = "127.0.0.1:1"
    vpc = "127.0.0.1:1"
  }
}

variable "instance_type" {
  default = "ecs.g6.xlarge"
}

resource "alicloud_vpc" "net" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-hangzhou-h"
}

resource "alicloud_security_group" "net" {
  vpc_id = alicloud_vpc.net.id
}

# A firewall with an internet-facing secondary ENI that carries an EIP, and a second
# secondary ENI, both attached in the same plan.
resource "alicloud_instance" "fw" {
  instance_type   = var.instance_type
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = [alicloud_security_group.net.id]
}

resource "alicloud_ecs_network_interface" "public" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = [alicloud_security_group.net.id]
}

resource "alicloud_ecs_network_interface" "private" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = [alicloud_security_group.net.id]
}

resource "alicloud_eip_address" "public" {}
