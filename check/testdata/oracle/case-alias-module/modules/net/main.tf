terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "vswitch_id" {
  type = string
}

variable "n" {}
variable "names" {}
variable "nics" {}

locals {
  slots = range(var.n)
}

resource "alicloud_ecs_network_interface" "e" {
  for_each = toset(flatten([for k in var.names : [k]]))
  vswitch_id         = var.vswitch_id
  security_group_ids = ["sg-fixture"]
}

output "ids" {
  value = { for k, v in alicloud_ecs_network_interface.e : k => v.id }
}
