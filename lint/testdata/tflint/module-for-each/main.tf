# A module called for each edge; edge "b" puts three NAT EIPs on an ENI with two
# private addresses. tflint reports an issue in a called module at the caller's
# argument that the module's expression reads.
provider "alicloud" {
  region = "cn-hangzhou"
}

module "edge" {
  source   = "./modules/edge"
  for_each = {
    a = { secondary = 1, addresses = ["10.0.0.1", "10.0.0.2"] }
    b = { secondary = 1, addresses = ["10.0.1.1", "10.0.1.2", "10.0.1.3"] }
  }

  secondary = each.value.secondary
  addresses = each.value.addresses # want: eni-capacity
}
