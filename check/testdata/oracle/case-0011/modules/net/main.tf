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
  count = var.n > 0 ? var.n : 0
  vswitch_id         = var.vswitch_id
  security_group_ids = ["sg-fixture"]
}

output "ids" {
  value = alicloud_ecs_network_interface.e[*].id
}
