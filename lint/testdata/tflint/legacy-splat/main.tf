terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_instance" "default" {
  count           = 2
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = "vsw-fixture"
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "default" {
  count              = 2
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "default" {
  count                = 2
  instance_id          = element(alicloud_instance.default.*.id, count.index)
  network_interface_id = element(alicloud_ecs_network_interface.default.*.id, count.index)
}
