# Two NAT EIPs on an ENI with one private address, keyed by a set(string) variable
# whose default Terraform converts to a set: the association names its EIP by
# each.key, which only the sources resolve.
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

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

variable "names" {
  type    = set(string)
  default = ["a", "b"]
}

resource "alicloud_ecs_network_interface" "nat" {
  vswitch_id         = "vsw-fixture"
  security_group_ids = ["sg-fixture"]
}

resource "alicloud_eip_address" "e" {
  for_each = var.names
}

resource "alicloud_eip_association" "a" {
  for_each      = var.names
  allocation_id = alicloud_eip_address.e[each.key].id
  instance_id   = alicloud_ecs_network_interface.nat.id
  instance_type = "NetworkInterface"
  mode          = "NAT"
}
