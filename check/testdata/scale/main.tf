terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

# The template of the generated large plans (check/scale_test.go): a module instance per
# key, each with an ENI and its EIPs (made in stage 1) and, in this plan, five NAT
# associations on the ENI's five addresses.
variable "keys" {
  type    = list(string)
  default = ["k0", "k1", "k2"]
}

module "edge" {
  source    = "./modules/edge"
  for_each  = toset(var.keys)
  index     = index(var.keys, each.key)
  associate = true
}
