terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

resource "alicloud_instance" "this" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = "vsw-fixture"
  security_groups = ["sg-fixture"]
}

output "instance_id" {
  value = alicloud_instance.this.id
}
