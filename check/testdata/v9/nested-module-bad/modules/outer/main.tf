terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# An ENI, and an inner module instance that associates EIPs with it.
variable "eips" { type = number }

resource "alicloud_ecs_network_interface" "this" {
  vswitch_id = "vsw-bp1existing00000001"
}

module "inner" {
  source = "../inner"
  eni_id = alicloud_ecs_network_interface.this.id
  eips   = var.eips
}
