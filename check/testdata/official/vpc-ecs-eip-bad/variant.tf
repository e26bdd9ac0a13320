# The variant that breaks a rule: the association names the ENI but says EcsInstance,
# so the API looks for an instance with the ENI's ID.
module "example" {
  eip_instance_type = "EcsInstance"
}
