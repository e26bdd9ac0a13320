terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

# An association whose mode this plan changes in place to BINDED.
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = "vsw-uf6existing0000001"
  primary_ip_address = "192.168.0.10"
}

resource "alicloud_eip_address" "e" {}

resource "alicloud_eip_association" "e" {
  allocation_id = alicloud_eip_address.e.id
  instance_id   = alicloud_ecs_network_interface.pub.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
