terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_eip_address" "this" {}

resource "alicloud_eip_association" "this" {
  allocation_id = alicloud_eip_address.this.id
  instance_id   = alicloud_ecs_network_interface.this.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
