# One module called with the default provider (China (Hangzhou), which the documentation
# lists for cut-through mode) and with an aliased one whose region comes from a variable
# (China (Ulanqab), which it does not list); and a module that configures its own
# provider from a module variable (the legacy layout), also in China (Ulanqab).
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "north_region" {
  default = "cn-wulanchabu"
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

provider "alicloud" {
  alias                  = "north"
  region                 = var.north_region
  access_key             = "fake"
  secret_key             = "fake"
  skip_region_validation = true
  endpoints {
    ecs = "127.0.0.1:1"
    vpc = "127.0.0.1:1"
  }
}

module "south" {
  source = "./modules/cut"
}

module "north" {
  source = "./modules/cut"
  providers = {
    alicloud = alicloud.north
  }
}

module "legacy" {
  source = "./modules/legacy"
  region = "cn-wulanchabu"
}
