# check's corpus (check/testdata/official): as ecs-instance-ok, but the ENIs are made in
# the example's other VPC (alicloud_vswitch.ipv6 is in alicloud_vpc.ipv6), while the
# instances of ecs_with_multi_eni are in alicloud_vpc.default: an ENI can only be
# attached to an instance in its own VPC.
module "ecs_with_multi_eni" {
  instance_type = "ecs.g6.large"
}

resource "alicloud_ecs_network_interface" "default" {
  vswitch_id = alicloud_vswitch.ipv6.id
}
