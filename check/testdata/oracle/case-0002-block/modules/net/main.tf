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
  count = "1"
  vswitch_id         = var.vswitch_id
  security_group_ids = ["sg-fixture"]
  primary_ip_address = cidrhost("10.0.1.0/24", 10 + count.index)
}

output "ids" {
  value = alicloud_ecs_network_interface.e[*].id
}
