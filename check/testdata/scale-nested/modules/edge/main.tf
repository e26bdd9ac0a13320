terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "vswitch_id" {
  type = string
}

variable "cidr" {
  type = string
}

variable "ip_offset" {
  type = number
}

variable "ip_count" {
  type    = number
  default = 6
}

locals {
  ips = [for i in range(var.ip_count) : cidrhost(var.cidr, var.ip_offset + i)]
}

module "eip_pool" {
  source = "../eip_pool"
  size   = var.ip_count - 1
}

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id           = var.vswitch_id
  security_group_ids   = ["sg-fixture"]
  primary_ip_address   = local.ips[0]
  private_ip_addresses = slice(local.ips, 1, length(local.ips))
}

resource "alicloud_eip_association" "this" {
  for_each           = { for i, ip in slice(local.ips, 1, length(local.ips)) : tostring(i) => ip }
  allocation_id      = module.eip_pool.allocation_ids[tonumber(each.key)]
  instance_id        = alicloud_ecs_network_interface.this.id
  instance_type      = "NetworkInterface"
  private_ip_address = each.value
}
