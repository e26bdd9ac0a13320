# The fix plan-attachment-order suggests: the attachment depends_on the association.
resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.public.id
  depends_on           = [alicloud_eip_association.public]
}

resource "alicloud_ecs_network_interface_attachment" "private" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.private.id
}
