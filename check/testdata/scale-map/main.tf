# The shape users write at scale: a root module calling one local module for_each over
# a map variable, each instance an ENI with five private addresses and five NAT
# associations, one on each address. plan.json was made with groups.tfvars (three
# keys); check/scale_test.go copies its module instances to make plans of thousands.
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

# Fake credentials and endpoints at a closed local port: planning new resources makes
# no call.
provider "alicloud" {
  region                 = "cn-hangzhou"
  access_key             = "fake"
  secret_key             = "fake"
  skip_region_validation = true
  endpoints {
    ecs = "127.0.0.1:1"
    vpc = "127.0.0.1:1"
  }
}

variable "groups" {
  type = map(object({ subnet = number }))
}

module "eni_nat" {
  source   = "./modules/eni_nat"
  for_each = var.groups

  name   = each.key
  subnet = each.value.subnet
}
