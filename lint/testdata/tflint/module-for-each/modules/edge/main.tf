variable "secondary" {
  type = number
}

variable "addresses" {
  type = list(string)
}

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id                         = "vsw-1"
  secondary_private_ip_address_count = var.secondary
}

resource "alicloud_eip_address" "this" {
  count = length(var.addresses)
}

resource "alicloud_eip_association" "this" {
  count              = length(var.addresses)
  allocation_id      = alicloud_eip_address.this[count.index].id
  instance_id        = alicloud_ecs_network_interface.this.id
  instance_type      = "NetworkInterface"
  private_ip_address = var.addresses[count.index]
}
