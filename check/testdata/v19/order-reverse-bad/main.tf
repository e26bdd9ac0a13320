# The association waits for the attachment: Terraform attaches first, and the
# association fails.
# want: alicloud_eip_association.public plan-attachment-order fail (certain)
resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
  depends_on    = [alicloud_ecs_network_interface_attachment.public]
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.public.id
}
