# ENI pub takes its vSwitch from instance other (vswitch_id =
# alicloud_instance.other.vswitch_id), in zone cn-hangzhou-i, and is attached to fw in
# cn-hangzhou-h: an ENI attaches only to an instance of its zone (AttachNetworkInterface).
# want: alicloud_ecs_network_interface_attachment.pub zone-mismatch fail
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

resource "alicloud_vswitch" "other" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.2.0/24"
  zone_id    = "cn-hangzhou-i"
}

resource "alicloud_instance" "other" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.other.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_instance" "fw" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = alicloud_instance.other.vswitch_id
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
}
