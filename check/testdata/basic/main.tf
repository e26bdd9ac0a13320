terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "region" {
  default = "cn-shanghai"
}

provider "alicloud" {
  region = var.region
}

resource "alicloud_vpc" "main" {
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vswitch" "b" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "192.168.0.0/24"
  zone_id    = "cn-shanghai-b"
}

resource "alicloud_instance" "web" {
  instance_type     = "ecs.g7.large"
  vswitch_id        = alicloud_vswitch.b.id
  availability_zone = "cn-shanghai-b"
}

resource "alicloud_ecs_network_interface" "nat" {
  vswitch_id                         = alicloud_vswitch.b.id
  secondary_private_ip_address_count = 1
}

resource "alicloud_network_interface" "legacy" {
  vswitch_id        = alicloud_vswitch.b.id
  private_ips_count = 0
}

resource "alicloud_ecs_network_interface" "cut" {
  vswitch_id = alicloud_vswitch.b.id
}

resource "alicloud_ecs_network_interface_attachment" "cut" {
  network_interface_id = alicloud_ecs_network_interface.cut.id
  instance_id          = alicloud_instance.web.id
}

resource "alicloud_eip_address" "nat" {
  count        = 3
  payment_type = "PayAsYouGo"
}

resource "alicloud_eip" "cut" {}

resource "alicloud_eip_address" "legacy" {
  count = 2
}

# Three NAT EIPs on an ENI with two private IPs: one too many.
resource "alicloud_eip_association" "nat" {
  count         = 3
  allocation_id = alicloud_eip_address.nat[count.index].id
  instance_id   = alicloud_ecs_network_interface.nat.id
  instance_type = "NetworkInterface"
  mode          = "NAT"
}

# Cut-through on an ENI the same plan attaches to an instance.
resource "alicloud_eip_association" "cut" {
  allocation_id = alicloud_eip.cut.id
  instance_id   = alicloud_ecs_network_interface.cut.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# ENI target without instance_type: the provider sends EcsInstance.
resource "alicloud_eip_association" "legacy" {
  count         = 2
  allocation_id = alicloud_eip_address.legacy[count.index].id
  instance_id   = alicloud_network_interface.legacy.id
}

# A mode on an ECS target.
resource "alicloud_eip_association" "ecs" {
  allocation_id = "eip-bp1existing0000001"
  instance_id   = alicloud_instance.web.id
  mode          = "MULTI_BINDED"
}
