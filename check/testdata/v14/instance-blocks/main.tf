# Two instances that attach a secondary ENI through their own network_interfaces block
# when they are made. ecs.n1.medium takes 1 ENI, the primary included, so its block
# exceeds the quota; ecs.g6.large takes 2, so its block fits (API facts, instance type
# table: ENIs count the primary ENI).
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# Fake credentials and endpoints at a closed local port: planning new resources makes
# no call.
provider "alicloud" {
  region                 = "cn-hangzhou"
  access_key             = "fake"
  secret_key             = "fake"
  skip_region_validation = true
  endpoints {
    ecs = "127.0.0.1:1"
    vpc = "127.0.0.1:1"
  }
}

resource "alicloud_ecs_network_interface" "small" {
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_ecs_network_interface" "large" {
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_instance" "small" {
  instance_type   = "ecs.n1.medium"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240130.vhd"
  vswitch_id      = "vsw-fixture"
  security_groups = ["sg-fixture"]
  network_interfaces {
    network_interface_id = alicloud_ecs_network_interface.small.id
  }
}

resource "alicloud_instance" "large" {
  instance_type   = "ecs.g6.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240130.vhd"
  vswitch_id      = "vsw-fixture"
  security_groups = ["sg-fixture"]
  network_interfaces {
    network_interface_id = alicloud_ecs_network_interface.large.id
  }
}
