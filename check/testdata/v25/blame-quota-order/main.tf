# An ecs.g6.large takes 2 ENIs, the primary included (API facts, instance type table):
# room for one attachment. Attachment a depends_on attachment b, so Terraform attaches
# b first and the API refuses a (InvalidOperation.EniCountExceeded): a is blamed,
# though it comes first by address.
# want: alicloud_ecs_network_interface_attachment.a instance-eni-quota fail
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

resource "alicloud_ecs_network_interface" "a" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "b" {
  vswitch_id         = alicloud_vswitch.net.id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "a" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.a.id
  depends_on           = [alicloud_ecs_network_interface_attachment.b]
}

resource "alicloud_ecs_network_interface_attachment" "b" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.b.id
}
