terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# The associations of one ENI, passed in by the outer module.
variable "eni_id" { type = string }
variable "eips" { type = number }

resource "alicloud_eip_address" "this" {
  count = var.eips
}

resource "alicloud_eip_association" "this" {
  count         = var.eips
  allocation_id = alicloud_eip_address.this[count.index].id
  instance_id   = var.eni_id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}

output "associations" {
  value = alicloud_eip_association.this[*].id
}
