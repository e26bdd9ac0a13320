# Counted ENIs and associations, the ENI picked through a local: eni[0] has two private
# addresses and takes two NAT EIPs; eni[1] has one, and nat[3] is a second EIP on its
# primary address (NAT maps one EIP to each private address).
provider "alicloud" {
  region = "cn-hangzhou"
}

variable "secondary" {
  default = [1, 0]
}

locals {
  targets = [0, 0, 1, 1]
}

resource "alicloud_ecs_network_interface" "eni" {
  count                              = 2
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = var.secondary[count.index]
}

resource "alicloud_eip_address" "e" {
  count = 4
}

resource "alicloud_eip_association" "nat" {
  count         = 4
  allocation_id = alicloud_eip_address.e[count.index].id
  instance_id   = alicloud_ecs_network_interface.eni[local.targets[count.index]].id # want: eni-capacity, private-ip-in-use
  instance_type = "NetworkInterface"
  private_ip_address = count.index == 1 ? "10.0.0.2" : null
}
