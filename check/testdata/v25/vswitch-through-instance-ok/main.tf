# ENI pub takes its vSwitch from the instance it is attached to (vswitch_id =
# alicloud_instance.fw.vswitch_id), one hop through another resource's argument: the
# plan's configuration says which vSwitch that is, so the ENI's zone and VPC are the
# instance's and every rule of the attachment is decided (an ecs.g6.large takes one ENI
# besides its primary: API facts, instance type table).
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

resource "alicloud_instance" "fw" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = alicloud_instance.fw.vswitch_id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
}
