terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# No provider block: the region comes from -region or the environment.

resource "alicloud_ecs_network_interface" "n" {
  vswitch_id = "vsw-existing"
}

resource "alicloud_eip_association" "n" {
  allocation_id = "eip-1"
  instance_id   = alicloud_ecs_network_interface.n.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
