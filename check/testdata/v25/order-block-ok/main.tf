# The fix plan-attachment-order gives for order-block-bad, as it words it: the instance
# depends_on the association, so Terraform associates first.
resource "alicloud_instance" "fw" {
  instance_type   = "ecs.g6.xlarge"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  vswitch_id      = alicloud_vswitch.net.id
  security_groups = ["sg-fixture"]
  network_interfaces {
    network_interface_id = alicloud_ecs_network_interface.public.id
  }
  depends_on = [alicloud_eip_association.public]
}

resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}
