# check's corpus (check/testdata/official): the example with an instance type whose ENI
# limits the API facts give (ecs.g6.large: 2 ENIs, the primary one counted, 6 private
# IPs each), so each instance of ecs_with_multi_eni takes its one network_interfaces
# block. As it is, the example's instance type comes from a data source read only at
# apply, and the quotas stay undecided.
module "ecs_with_multi_eni" {
  instance_type = "ecs.g6.large"
}
