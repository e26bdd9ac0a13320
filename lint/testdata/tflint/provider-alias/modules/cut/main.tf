variable "mode" {
  type = string
}

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id = "vsw-1"
}

resource "alicloud_eip_association" "this" {
  allocation_id = "eip-1"
  instance_id   = alicloud_ecs_network_interface.this.id
  instance_type = "NetworkInterface"
  mode          = var.mode
}
