# ENI pub's secondary address 10.0.1.11 is in the plan; its primary address is assigned
# at apply. An association that maps its EIP to 10.0.1.11 maps it to an address of the
# ENI (AssociateEipAddress PrivateIpAddress): private-ip-not-on-eni is decided and holds,
# though the primary address is unknown. Two private IPs take two NAT EIPs.
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
  vswitch_id           = alicloud_vswitch.net.id
  security_group_ids   = ["sg-fixture"]
  private_ip_addresses = ["10.0.1.11"]
}

resource "alicloud_eip_address" "a" {}

resource "alicloud_eip_association" "a" {
  allocation_id      = alicloud_eip_address.a.id
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = "10.0.1.11"
}
