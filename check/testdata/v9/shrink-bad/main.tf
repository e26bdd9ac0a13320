terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

# Three NAT EIPs, one on each private address of the ENI; this plan changes the ENI's secondary addresses to ["192.168.0.11"].
resource "alicloud_ecs_network_interface" "pub" {
  vswitch_id           = "vsw-uf6existing0000001"
  primary_ip_address   = "192.168.0.10"
  private_ip_addresses = ["192.168.0.11"]
}

resource "alicloud_eip_address" "nat" {
  count = 3
}

resource "alicloud_eip_association" "nat" {
  count              = 3
  allocation_id      = alicloud_eip_address.nat[count.index].id
  instance_id        = alicloud_ecs_network_interface.pub.id
  instance_type      = "NetworkInterface"
  private_ip_address = ["192.168.0.10", "192.168.0.11", "192.168.0.12"][count.index]
}
