terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

# Each idiom puts cut-through EIPs on ENIs through an index that only the configuration
# can compute. The plan JSON keeps just the static part of each reference. In this
# variant the second resource of every idiom lands on an ENI that already has one EIP.
variable "offset" {
  type    = number
  default = 0
}

locals {
  vsw = "vsw-bp1existing00000001"
  lk  = [for i in range(3) : { instance_id = alicloud_ecs_network_interface.lk[i].id }]
}

# x[each.value.eni]
resource "alicloud_ecs_network_interface" "ev" {
  for_each   = toset(["x", "y"])
  vswitch_id = local.vsw
}
resource "alicloud_eip_address" "ev" {
  for_each = toset(["p", "q"])
}
resource "alicloud_eip_association" "ev" {
  for_each      = { p = { eni = "x" }, q = { eni = "x" } }
  allocation_id = alicloud_eip_address.ev[each.key].id
  instance_id   = alicloud_ecs_network_interface.ev[each.value.eni].id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# x[each.key]
resource "alicloud_ecs_network_interface" "ek" {
  for_each   = toset(["p", "q"])
  vswitch_id = local.vsw
}
resource "alicloud_eip_address" "ek" {
  for_each = toset(["p", "q", "r"])
}
resource "alicloud_eip_association" "ek" {
  for_each      = toset(["p", "q"])
  allocation_id = alicloud_eip_address.ek[each.key].id
  instance_id   = alicloud_ecs_network_interface.ek[each.key].id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
resource "alicloud_eip_association" "ek2" {
  for_each      = toset(["p"])
  allocation_id = alicloud_eip_address.ek["r"].id
  instance_id   = alicloud_ecs_network_interface.ek[each.key].id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# x[count.index]
resource "alicloud_ecs_network_interface" "ci" {
  count      = 3
  vswitch_id = local.vsw
}
resource "alicloud_eip_address" "ci" {
  count = 3
}
resource "alicloud_eip_association" "ci" {
  count         = 2
  allocation_id = alicloud_eip_address.ci[count.index].id
  instance_id   = alicloud_ecs_network_interface.ci[count.index].id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
resource "alicloud_eip_association" "ci2" {
  count         = 1
  allocation_id = alicloud_eip_address.ci[2].id
  instance_id   = alicloud_ecs_network_interface.ci[count.index + var.offset].id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# element(x[*].id, count.index)
resource "alicloud_ecs_network_interface" "el" {
  count      = 3
  vswitch_id = local.vsw
}
resource "alicloud_eip_address" "el" {
  count = 3
}
resource "alicloud_eip_association" "el" {
  count         = 2
  allocation_id = alicloud_eip_address.el[count.index].id
  instance_id   = element(alicloud_ecs_network_interface.el[*].id, count.index)
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
resource "alicloud_eip_association" "el2" {
  count         = 1
  allocation_id = alicloud_eip_address.el[2].id
  instance_id   = element(alicloud_ecs_network_interface.el[*].id, count.index + var.offset)
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

# lookup(local.m[count.index], "instance_id")
resource "alicloud_ecs_network_interface" "lk" {
  count      = 3
  vswitch_id = local.vsw
}
resource "alicloud_eip_address" "lk" {
  count = 3
}
resource "alicloud_eip_association" "lk" {
  count         = 2
  allocation_id = alicloud_eip_address.lk[count.index].id
  instance_id   = lookup(local.lk[count.index], "instance_id")
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
resource "alicloud_eip_association" "lk2" {
  count         = 1
  allocation_id = alicloud_eip_address.lk[2].id
  instance_id   = lookup(local.lk[count.index + var.offset], "instance_id")
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
