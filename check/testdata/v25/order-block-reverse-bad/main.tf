# The association waits for the instance, whose network_interfaces block attaches ENI
# public: Terraform attaches first, and the association fails.
# want: alicloud_eip_association.public plan-attachment-order fail (certain)
resource "alicloud_instance" "fw" {
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
  network_interfaces {
    network_interface_id = alicloud_ecs_network_interface.public.id
  }
}

resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
  depends_on    = [alicloud_instance.fw]
}
