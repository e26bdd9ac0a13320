# ENI pub is created in the existing vSwitch vsw-live-i, instance fw in the existing
# vSwitch vsw-live-h: the plan names both by ID only, so their zones are unknown and
# the attachment's placement rules are undecided (decided by DescribeVSwitches). The
# account of the -live test has vsw-live-h in cn-hangzhou-h and vsw-live-i in
# cn-hangzhou-i, both in vpc-live: an ENI attaches only to an instance of its zone
# (AttachNetworkInterface), so with -live it is an error.
# want: alicloud_ecs_network_interface_attachment.pub plan-value-unknown warning
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_instance" "fw" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = "vsw-live-h"
  security_groups = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id         = "vsw-live-i"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "pub" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.pub.id
}
