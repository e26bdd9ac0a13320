# The change in place: the EIP's bandwidth and tags, through the example's module call.
module "associate-with-network-interface" {
  bandwidth = 10
  tags = {
    Env      = "Public"
    Location = "bar"
  }
}
