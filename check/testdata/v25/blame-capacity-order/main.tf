# ENI pub has one private IP, so it takes one NAT EIP (doc, comparison table: one EIP
# per private IP). Association a depends_on association b, so Terraform associates b
# first and the API refuses a (InvalidEip.EipQuotaExceeded): a is blamed, though it
# comes first by address.
# want: alicloud_eip_association.a eni-capacity fail
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

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
  primary_ip_address = "10.0.1.10"
}

resource "alicloud_eip_address" "a" {}

resource "alicloud_eip_address" "b" {}

resource "alicloud_eip_association" "a" {
  allocation_id = alicloud_eip_address.a.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  depends_on    = [alicloud_eip_association.b]
}

resource "alicloud_eip_association" "b" {
  allocation_id = alicloud_eip_address.b.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
}
