terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

# An instance with an attached ENI that carries a multi-EIP-to-ENI EIP; stage 1.
resource "alicloud_vpc" "v" {
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vswitch" "s" {
  vpc_id     = alicloud_vpc.v.id
  cidr_block = "192.168.0.0/24"
  zone_id    = "cn-shanghai-b"
}

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = alicloud_vswitch.s.id
  primary_ip_address = "192.168.0.10"
}

resource "alicloud_eip_address" "m" {}

resource "alicloud_eip_association" "m" {
  allocation_id = alicloud_eip_address.m.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}

resource "alicloud_instance" "app" {
  instance_type = "ecs.g5.large"
  vswitch_id    = alicloud_vswitch.s.id
}

resource "alicloud_ecs_network_interface_attachment" "pub" {
  network_interface_id = alicloud_ecs_network_interface.pub.id
  instance_id          = alicloud_instance.app.id
}
