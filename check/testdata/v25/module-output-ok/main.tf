terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-hangzhou"
}

module "fw" {
  source = "./modules/fw"
}

resource "alicloud_ecs_network_interface" "public" {
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = module.fw.instance_id
  network_interface_id = alicloud_ecs_network_interface.public.id
}
