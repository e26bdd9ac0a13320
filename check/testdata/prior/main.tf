terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_instance" "app" {
  instance_type = "ecs.g7.large"
  vswitch_id    = "vsw-uf6existing0000001"
}

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id           = "vsw-uf6existing0000001"
  private_ip_addresses = ["192.168.0.11"]
  primary_ip_address   = "192.168.0.10"
}

resource "alicloud_ecs_network_interface_attachment" "pub" {
  network_interface_id = alicloud_ecs_network_interface.pub.id
  instance_id          = alicloud_instance.app.id
}

resource "alicloud_eip_address" "first" {}

resource "alicloud_eip_association" "first" {
  allocation_id      = alicloud_eip_address.first.id
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  mode               = "NAT"
  private_ip_address = "192.168.0.10"
}

resource "alicloud_eip_address" "second" {}

# Reuses the private IP of the first association.
resource "alicloud_eip_association" "second" {
  allocation_id      = alicloud_eip_address.second.id
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  mode               = "NAT"
  private_ip_address = "192.168.0.10"
}

resource "alicloud_eip_address" "multi" {}

# Multi-EIP-to-ENI on an ENI attached to an ecs.g7 instance.
resource "alicloud_eip_association" "multi" {
  allocation_id = alicloud_eip_address.multi.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
