# The addressing a dual-stack appliance uses, recorded for the contract replays: a VPC
# with an IPv6 block and a vSwitch with a /64 of it, a security group rule with an IPv6
# peer, an instance launched with an IPv6 address and a secondary ENI, an ENI with an
# IPv6 address and a /28 IPv4 prefix carrying a NAT EIP, and a second instance with a
# trunk ENI and a member ENI (on an instance of its own: the provider lists an
# instance's attached ENIs in its network_interfaces, so an instance that launches with
# one takes no attachment resource without a diff). Stage 2 gives the ENI a second IPv6
# address and a second prefix.
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}
variable "endpoint" {
  type = string
}
variable "stage" {
  type    = number
  default = 1
}
provider "alicloud" {
  access_key   = "tf"
  secret_key   = "tf-secret"
  region       = "cn-shanghai"
  protocol     = "HTTPS"
  account_type = "Domestic"
  endpoints {
    vpc = var.endpoint
    ecs = var.endpoint
  }
}
resource "alicloud_vpc" "ds" {
  vpc_name        = "dual-stack"
  cidr_block      = "192.168.0.0/16"
  enable_ipv6     = true
  ipv6_cidr_block = "2408:4000:0:100::/56"
}
resource "alicloud_vswitch" "ds" {
  vpc_id               = alicloud_vpc.ds.id
  cidr_block           = "192.168.0.0/24"
  zone_id              = "cn-shanghai-b"
  ipv6_cidr_block_mask = 1
}
resource "alicloud_security_group" "ds" {
  security_group_name = "dual-stack"
  vpc_id              = alicloud_vpc.ds.id
}
resource "alicloud_security_group_rule" "https6" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  ipv6_cidr_ip      = "2001:db8::/32"
  security_group_id = alicloud_security_group.ds.id
}
resource "alicloud_instance" "fw" {
  image_id           = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type      = "ecs.g7.large"
  vswitch_id         = alicloud_vswitch.ds.id
  security_groups    = [alicloud_security_group.ds.id]
  instance_name      = "fw"
  ipv6_address_count = 1
  network_interfaces {
    vswitch_id         = alicloud_vswitch.ds.id
    security_group_ids = [alicloud_security_group.ds.id]
  }
}
resource "alicloud_ecs_network_interface" "untrust" {
  network_interface_name = "untrust"
  vswitch_id             = alicloud_vswitch.ds.id
  security_group_ids     = [alicloud_security_group.ds.id]
  ipv6_address_count     = var.stage == 1 ? 1 : 2
  ipv4_prefix_count      = var.stage == 1 ? 1 : 2
}
resource "alicloud_eip_address" "untrust" {
  address_name = "untrust"
}
resource "alicloud_eip_association" "untrust" {
  allocation_id      = alicloud_eip_address.untrust.id
  instance_id        = alicloud_ecs_network_interface.untrust.id
  instance_type      = "NetworkInterface"
  private_ip_address = alicloud_ecs_network_interface.untrust.primary_ip_address
}
resource "alicloud_instance" "gw" {
  image_id        = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.ds.id
  security_groups = [alicloud_security_group.ds.id]
  instance_name   = "gw"
}
resource "alicloud_ecs_network_interface" "trunk" {
  network_interface_name = "trunk"
  vswitch_id             = alicloud_vswitch.ds.id
  security_group_ids     = [alicloud_security_group.ds.id]
  instance_type          = "Trunk"
}
resource "alicloud_ecs_network_interface_attachment" "trunk" {
  instance_id          = alicloud_instance.gw.id
  network_interface_id = alicloud_ecs_network_interface.trunk.id
}
resource "alicloud_ecs_network_interface" "member" {
  network_interface_name = "member"
  vswitch_id             = alicloud_vswitch.ds.id
  security_group_ids     = [alicloud_security_group.ds.id]
}
resource "alicloud_ecs_network_interface_attachment" "member" {
  instance_id               = alicloud_instance.gw.id
  network_interface_id      = alicloud_ecs_network_interface.member.id
  trunk_network_instance_id = alicloud_ecs_network_interface.trunk.id
  depends_on                = [alicloud_ecs_network_interface_attachment.trunk]
}
