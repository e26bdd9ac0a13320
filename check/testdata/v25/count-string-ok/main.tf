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

resource "alicloud_instance" "default" {
  count           = "2"
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "default" {
  count              = "2"
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "default" {
  count                = "2"
  instance_id          = alicloud_instance.default[count.index].id
  network_interface_id = alicloud_ecs_network_interface.default[count.index].id
}
