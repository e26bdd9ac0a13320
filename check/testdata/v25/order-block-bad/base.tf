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

# The firewall's internet-facing secondary ENI, which carries a NAT EIP and which the
# instance's own network_interfaces block attaches when the instance is made.
resource "alicloud_ecs_network_interface" "public" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_eip_address" "public" {}
