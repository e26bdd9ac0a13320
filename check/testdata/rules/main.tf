terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_vpc" "a" {
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vpc" "b" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "a_b" {
  vpc_id     = alicloud_vpc.a.id
  cidr_block = "192.168.1.0/24"
  zone_id    = "cn-shanghai-b"
}

resource "alicloud_vswitch" "a_e" {
  vpc_id     = alicloud_vpc.a.id
  cidr_block = "192.168.2.0/24"
  zone_id    = "cn-shanghai-e"
}

resource "alicloud_vswitch" "b_b" {
  vpc_id     = alicloud_vpc.b.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "cn-shanghai-b"
}

resource "alicloud_instance" "small" {
  instance_type = "ecs.g6.large"
  vswitch_id    = alicloud_vswitch.a_b.id
}

resource "alicloud_ecs_network_interface" "two_ips" {
  vswitch_id           = alicloud_vswitch.a_b.id
  primary_ip_address   = "192.168.1.10"
  private_ip_addresses = ["192.168.1.11"]
}

resource "alicloud_ecs_network_interface" "trunk" {
  vswitch_id    = alicloud_vswitch.a_b.id
  instance_type = "Trunk"
}

resource "alicloud_ecs_network_interface" "other_zone" {
  vswitch_id = alicloud_vswitch.a_e.id
}

resource "alicloud_ecs_network_interface" "other_vpc" {
  vswitch_id = alicloud_vswitch.b_b.id
}

# Cut-through on an ENI with a secondary IP, mapped to that secondary IP.
resource "alicloud_eip_association" "cut_sub" {
  allocation_id      = "eip-uf6cut"
  instance_id        = alicloud_ecs_network_interface.two_ips.id
  instance_type      = "NetworkInterface"
  mode               = "BINDED"
  private_ip_address = "192.168.1.11"
}

# NAT on an address the ENI does not have.
resource "alicloud_eip_association" "nat_foreign" {
  allocation_id      = "eip-uf6foreign"
  instance_id        = alicloud_ecs_network_interface.two_ips.id
  instance_type      = "NetworkInterface"
  private_ip_address = "192.168.1.99"
}

# NAT on a trunk ENI.
resource "alicloud_eip_association" "trunk" {
  allocation_id = "eip-uf6trunk"
  instance_id   = alicloud_ecs_network_interface.trunk.id
  instance_type = "NetworkInterface"
  mode          = "NAT"
}

# Attachments: another zone, another VPC, and one more ENI than ecs.g6.large takes.
resource "alicloud_ecs_network_interface_attachment" "other_zone" {
  network_interface_id = alicloud_ecs_network_interface.other_zone.id
  instance_id          = alicloud_instance.small.id
}

resource "alicloud_ecs_network_interface_attachment" "other_vpc" {
  network_interface_id = alicloud_ecs_network_interface.other_vpc.id
  instance_id          = alicloud_instance.small.id
}

resource "alicloud_instance" "medium" {
  instance_type = "ecs.g6.xlarge"
  vswitch_id    = alicloud_vswitch.a_b.id
}

# Eleven private IPs on an ENI for an instance type that takes ten per ENI.
resource "alicloud_ecs_network_interface" "many_ips" {
  vswitch_id                         = alicloud_vswitch.a_b.id
  secondary_private_ip_address_count = 10
}

resource "alicloud_ecs_network_interface_attachment" "many_ips" {
  network_interface_id = alicloud_ecs_network_interface.many_ips.id
  instance_id          = alicloud_instance.medium.id
}
