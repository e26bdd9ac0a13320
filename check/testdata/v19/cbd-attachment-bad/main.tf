# Applied first (stage1/): ENI public attached to instance old. Now the attachment moves
# to instance new, which replaces it, and create_before_destroy attaches the ENI to new
# before detaching it from old: the ENI is still in use, and AttachNetworkInterface fails.
# want: alicloud_ecs_network_interface_attachment.public eni-status fail
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

resource "alicloud_instance" "old" {
  instance_type = "ecs.g6.xlarge"
  image_id      = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id    = alicloud_vswitch.net.id
}

resource "alicloud_instance" "new" {
  instance_type = "ecs.g6.xlarge"
  image_id      = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id    = alicloud_vswitch.net.id
}

resource "alicloud_ecs_network_interface" "public" {
  vswitch_id = alicloud_vswitch.net.id
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = alicloud_instance.new.id
  network_interface_id = alicloud_ecs_network_interface.public.id

  lifecycle {
    create_before_destroy = true
  }
}
