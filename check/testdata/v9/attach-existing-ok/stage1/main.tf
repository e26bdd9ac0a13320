terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

# An ENI that already carries a multi-EIP-to-ENI EIP.
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = "vsw-uf6existing0000001"
  primary_ip_address = "192.168.0.10"
}

resource "alicloud_eip_address" "m" {}

resource "alicloud_eip_association" "m" {
  allocation_id = alicloud_eip_address.m.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
