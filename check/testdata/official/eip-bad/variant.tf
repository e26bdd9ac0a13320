# The variant that breaks a rule: the module's computed_instances names the ENI twice,
# so two NAT EIPs go on its primary private IP, which carries one EIP in NAT mode.
module "associate-with-network-interface" {
  computed_instances = [
    {
      instance_ids  = [alicloud_network_interface.default.id, alicloud_network_interface.default.id]
      instance_type = "NetworkInterface"
      private_ips   = []
    }
  ]
}
