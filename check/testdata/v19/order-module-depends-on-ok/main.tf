# The attachments are in a module that depends_on the association: every resource in
# it waits for the association.
resource "alicloud_eip_association" "public" {
  allocation_id = alicloud_eip_address.public.id
  instance_id   = alicloud_ecs_network_interface.public.id
  instance_type = "NetworkInterface"
}

module "attach" {
  source      = "./attach"
  instance_id = alicloud_instance.fw.id
  eni_ids     = [alicloud_ecs_network_interface.public.id, alicloud_ecs_network_interface.private.id]
  depends_on  = [alicloud_eip_association.public]
}
