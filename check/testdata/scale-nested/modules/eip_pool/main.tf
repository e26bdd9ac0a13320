terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "size" {
  type = number
}

resource "alicloud_eip_address" "this" {
  count = var.size
}

output "allocation_ids" {
  value = alicloud_eip_address.this[*].id
}
