# The change in place: the instance's public bandwidth, through the example's module call.
module "bare_metal_cpu_ecs_instance" {
  internet_max_bandwidth_out = 20
}
