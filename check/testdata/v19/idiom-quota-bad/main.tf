# The attachment takes its ENI from the association (so Terraform attaches after
# associating), on an ecs.g6.large: 2 ENIs with the primary (API facts, instance type
# table: g6 large 2/6), so one secondary ENI. The second attachment in address order
# (public, after private) is over the quota.
# want: alicloud_ecs_network_interface_attachment.public instance-eni-quota fail
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
