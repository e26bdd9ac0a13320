# Nothing orders the association and the attachment of ENI public: Terraform may attach
# first, and the documentation requires a detached ENI.
# want: alicloud_eip_association.public plan-attachment-order fail
resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}

resource "alicloud_ecs_network_interface_attachment" "public" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.public.id
}

resource "alicloud_ecs_network_interface_attachment" "private" {
  instance_id          = alicloud_instance.fw.id
  network_interface_id = alicloud_ecs_network_interface.private.id
}
