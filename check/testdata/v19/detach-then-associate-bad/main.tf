# Applied first (stage1/): ENI public attached to the firewall. Now the plan destroys the
# attachment and associates an EIP with the ENI in NAT mode. A new resource cannot depend
# on one the plan destroys, so nothing orders the detach first: Terraform may associate
# while the ENI is still attached, which the documentation forbids.
# want: alicloud_eip_association.public plan-attachment-order fail
resource "alicloud_vpc" "net" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-hangzhou-h"
}

resource "alicloud_instance" "fw" {
  instance_type = "ecs.g6.xlarge"
  image_id      = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id    = alicloud_vswitch.net.id
}

resource "alicloud_ecs_network_interface" "public" {
  vswitch_id = alicloud_vswitch.net.id
}

resource "alicloud_eip_address" "public" {}

resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}
