terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "eni_id" {
  type = string
}

resource "alicloud_eip_address" "this" {}

resource "alicloud_eip_association" "this" {
  allocation_id = alicloud_eip_address.this.id
  instance_id   = var.eni_id
  instance_type = "NetworkInterface"
  mode          = "BINDED"
}
