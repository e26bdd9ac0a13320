# One module, called with the default provider (China (Hangzhou), which offers
# cut-through mode) and with an aliased one whose region comes from a variable (China
# (Ulanqab), which the documentation does not list for cut-through).
variable "north_region" {
  default = "cn-wulanchabu"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

provider "alicloud" {
  alias  = "north"
  region = var.north_region
}

module "south" {
  source = "./modules/cut"
  mode   = "BINDED"
}

module "north" {
  source = "./modules/cut"
  providers = {
    alicloud = alicloud.north
  }
  mode = "BINDED" # want: mode-region-unsupported
}
