# A firewall layout as appliance vendors publish them: an instance with a fixed address
# in the trust vSwitch, a secondary ENI in the untrust vSwitch with fixed addresses (the
# primary one the second of the block), attached to it, and two EIPs with anti-DDoS
# protection mapped in NAT mode to the ENI's two addresses. Stage 2 renames the host and
# raises the bandwidth and describes the SSH rule anew. serve runs over HTTPS (the
# provider sends some calls over HTTPS whatever its protocol) with -behaviour observed:
# NAT on an attached ENI, as the API accepts it.
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
data "alicloud_regions" "current" {
  current = true
}
resource "alicloud_vpc" "fw" {
  vpc_name   = "fw"
  cidr_block = "192.168.0.0/16"
}
resource "alicloud_vswitch" "trust" {
  vswitch_name = "trust"
  vpc_id       = alicloud_vpc.fw.id
  cidr_block   = "192.168.0.0/24"
  zone_id      = "cn-shanghai-b"
}
resource "alicloud_vswitch" "untrust" {
  vswitch_name = "untrust"
  vpc_id       = alicloud_vpc.fw.id
  cidr_block   = "192.168.1.0/24"
  zone_id      = "cn-shanghai-b"
}
resource "alicloud_security_group" "fw" {
  security_group_name = "fw"
  vpc_id              = alicloud_vpc.fw.id
}
resource "alicloud_security_group_rule" "ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "10.0.0.0/8"
  policy            = "accept"
  priority          = 1
  nic_type          = "intranet"
  security_group_id = alicloud_security_group.fw.id
  description       = var.stage >= 2 ? "ssh from the office" : "ssh"
}
resource "alicloud_security_group_rule" "out" {
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  cidr_ip           = "0.0.0.0/0"
  nic_type          = "intranet"
  security_group_id = alicloud_security_group.fw.id
}
resource "alicloud_ecs_key_pair" "ops" {
  key_pair_name = "fw-ops"
}
resource "alicloud_instance" "fw" {
  instance_name   = "fw"
  host_name       = var.stage >= 2 ? "fw-2" : "fw-1"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.trust.id
  private_ip      = "192.168.0.10"
  security_groups = [alicloud_security_group.fw.id]
  user_data       = "#!/bin/sh\necho firewall > /etc/motd\n"
  key_name        = alicloud_ecs_key_pair.ops.key_pair_name
}
resource "alicloud_ecs_network_interface" "untrust" {
  network_interface_name = "untrust"
  vswitch_id             = alicloud_vswitch.untrust.id
  security_group_ids     = [alicloud_security_group.fw.id]
  primary_ip_address     = "192.168.1.2"
  private_ip_addresses   = ["192.168.1.3"]
}
resource "alicloud_ecs_network_interface_attachment" "untrust" {
  network_interface_id = alicloud_ecs_network_interface.untrust.id
  instance_id          = alicloud_instance.fw.id
}
resource "alicloud_eip_address" "untrust" {
  count                     = 2
  address_name              = "untrust-${count.index}"
  isp                       = "BGP"
  bandwidth                 = var.stage >= 2 ? "20" : "10"
  security_protection_types = ["AntiDDoS_Enhanced"]
}
resource "alicloud_eip_association" "untrust" {
  count              = 2
  allocation_id      = alicloud_eip_address.untrust[count.index].id
  instance_id        = alicloud_ecs_network_interface.untrust.id
  instance_type      = "NetworkInterface"
  mode               = "NAT"
  private_ip_address = count.index == 0 ? "192.168.1.2" : "192.168.1.3"
  depends_on         = [alicloud_ecs_network_interface_attachment.untrust]
}
# The trust side's default route goes through the firewall's untrust ENI.
resource "alicloud_route_entry" "through_fw" {
  route_table_id        = alicloud_vpc.fw.route_table_id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_type          = "NetworkInterface"
  nexthop_id            = alicloud_ecs_network_interface.untrust.id
  name                  = "through-fw"
  depends_on            = [alicloud_ecs_network_interface_attachment.untrust]
}
# The trust side's virtual IP, held by the firewall (an HA pair moves it on failover).
resource "alicloud_havip" "trust" {
  vswitch_id  = alicloud_vswitch.trust.id
  ip_address  = "192.168.0.100"
  havip_name  = "trust-vip"
  description = var.stage >= 2 ? "trust VIP, failover" : "trust VIP"
}
resource "alicloud_havip_attachment" "trust" {
  havip_id      = alicloud_havip.trust.id
  instance_id   = alicloud_instance.fw.id
  instance_type = "EcsInstance"
}
# The untrust vSwitch routes by a table of its own: its default route goes to the
# firewall instance.
resource "alicloud_route_table" "untrust" {
  vpc_id           = alicloud_vpc.fw.id
  route_table_name = "untrust"
  description      = var.stage >= 2 ? "untrust, through the firewall" : "untrust"
}
resource "alicloud_route_table_attachment" "untrust" {
  vswitch_id     = alicloud_vswitch.untrust.id
  route_table_id = alicloud_route_table.untrust.id
}
resource "alicloud_route_entry" "untrust_default" {
  route_table_id        = alicloud_route_table.untrust.id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_type          = "Instance"
  nexthop_id            = alicloud_instance.fw.id
  name                  = "untrust-default"
}
