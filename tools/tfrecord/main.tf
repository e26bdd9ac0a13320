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
  protocol     = "HTTP"
  account_type = "Domestic"
  endpoints {
    vpc = var.endpoint
    ecs = var.endpoint
  }
}
resource "alicloud_ecs_network_interface" "nat" {
  network_interface_name             = "tf-nat"
  vswitch_id                         = "vsw-tf"
  security_group_ids                 = ["sg-tf"]
  secondary_private_ip_address_count = 1
}
resource "alicloud_ecs_network_interface" "cut" {
  network_interface_name = "tf-cut"
  vswitch_id             = "vsw-tf"
  security_group_ids     = ["sg-tf", "sg-tf2"]
}
resource "alicloud_ecs_network_interface" "multi" {
  network_interface_name             = "tf-multi"
  vswitch_id                         = "vsw-tf"
  security_group_ids                 = ["sg-tf"]
  secondary_private_ip_address_count = 2
}
resource "alicloud_ecs_network_interface" "att" {
  network_interface_name = "tf-att"
  vswitch_id             = "vsw-tf"
  security_group_ids     = ["sg-tf"]
}
resource "alicloud_eip_address" "nat_ip" {
  address_name = "nat-ip"
  bandwidth    = var.stage >= 2 ? "20" : "10"
}
resource "alicloud_eip_address" "nat_noip" {
  address_name = "nat-noip"
}
resource "alicloud_eip_address" "cut" {
  address_name = "cut"
}
resource "alicloud_eip_address" "multi" {
  address_name = "multi"
}
resource "alicloud_eip_association" "nat_ip" {
  allocation_id      = alicloud_eip_address.nat_ip.id
  instance_id        = alicloud_ecs_network_interface.nat.id
  instance_type      = "NetworkInterface"
  private_ip_address = tolist(alicloud_ecs_network_interface.nat.private_ips)[0]
}
resource "alicloud_eip_association" "nat_noip" {
  allocation_id = alicloud_eip_address.nat_noip.id
  instance_id   = alicloud_ecs_network_interface.nat.id
  instance_type = "NetworkInterface"
}
resource "alicloud_eip_association" "cut" {
  allocation_id = alicloud_eip_address.cut.id
  instance_id   = alicloud_ecs_network_interface.cut.id
  instance_type = "NetworkInterface"
  mode          = var.stage >= 2 ? "MULTI_BINDED" : "BINDED"
}
resource "alicloud_eip_association" "multi" {
  allocation_id = alicloud_eip_address.multi.id
  instance_id   = alicloud_ecs_network_interface.multi.id
  instance_type = "NetworkInterface"
  mode          = "MULTI_BINDED"
}
resource "alicloud_ecs_network_interface_attachment" "att" {
  network_interface_id = alicloud_ecs_network_interface.att.id
  instance_id          = "i-tf"
}

# Stage 3: a rule violation the cloud refuses (a cut-through EIP on an attached ENI).
resource "alicloud_eip_address" "bad" {
  count        = var.stage == 3 ? 1 : 0
  address_name = "bad"
}
resource "alicloud_eip_association" "bad" {
  count         = var.stage == 3 ? 1 : 0
  allocation_id = alicloud_eip_address.bad[0].id
  instance_id   = alicloud_ecs_network_interface.att.id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
  depends_on    = [alicloud_ecs_network_interface_attachment.att]
}

# The network the emulator also serves: a VPC, a vSwitch, a security group, and an ENI
# in them.
resource "alicloud_vpc" "net" {
  vpc_name   = "tf-vpc"
  cidr_block = "172.16.0.0/16"
}
resource "alicloud_vswitch" "net" {
  vswitch_name = "tf-vsw"
  vpc_id       = alicloud_vpc.net.id
  cidr_block   = "172.16.1.0/24"
  zone_id      = "cn-shanghai-b"
}
resource "alicloud_security_group" "net" {
  security_group_name = "tf-sg"
  vpc_id              = alicloud_vpc.net.id
}
resource "alicloud_ecs_network_interface" "net" {
  network_interface_name = "tf-net"
  vswitch_id             = alicloud_vswitch.net.id
  security_group_ids     = [alicloud_security_group.net.id]
}

# An instance in that network, renamed in place at stage 2.
resource "alicloud_instance" "net" {
  instance_name   = var.stage >= 2 ? "tf-instance-renamed" : "tf-instance"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = [alicloud_security_group.net.id]
}
