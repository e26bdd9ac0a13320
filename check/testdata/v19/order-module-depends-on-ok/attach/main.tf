variable "instance_id" {
  type = string
}

variable "eni_ids" {
  type = list(string)
}

resource "alicloud_ecs_network_interface_attachment" "this" {
  count                = length(var.eni_ids)
  instance_id          = var.instance_id
  network_interface_id = var.eni_ids[count.index]
}

terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}
