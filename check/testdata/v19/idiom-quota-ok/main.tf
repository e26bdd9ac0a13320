# The same on an ecs.g6.xlarge: 3 ENIs with the primary (g6 xlarge 3/10), so two
# secondary ENIs fit.
resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_eip_association.public.instance_id
}

resource "alicloud_ecs_network_interface_attachment" "private" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.private.id
}
