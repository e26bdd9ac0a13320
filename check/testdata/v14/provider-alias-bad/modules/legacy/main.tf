terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

variable "region" {
  type = string
}

locals {
  region = var.region
}

provider "alicloud" {
  region                 = local.region
  access_key             = "fake"
  secret_key             = "fake"
  skip_region_validation = true
  endpoints {
    ecs = "127.0.0.1:1"
    vpc = "127.0.0.1:1"
  }
}

module "cut" {
  source = "../cut"
}
