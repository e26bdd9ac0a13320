# ecs.g9i.large is not in the built-in limits table (dated 2021); the instance takes its
# type from data.alicloud_instance_types.fw, whose result in the plan says 2 ENIs, the
# primary included (eni_quantity: DescribeInstanceTypes EniQuantity), and 6 private IPs
# per ENI. Two secondary ENIs attached: the second by address is one too many.
# want: alicloud_ecs_network_interface_attachment.b instance-eni-quota fail
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

data "alicloud_instance_types" "fw" {
  instance_type                           = "ecs.g9i.large"
  eni_amount                              = 2
  minimum_eni_private_ip_address_quantity = 6
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
  instance_type   = data.alicloud_instance_types.fw.instance_types.0.id
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
}

resource "alicloud_ecs_network_interface_attachment" "b" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.b.id
}
