# A broken variant of the official module's example associate-with-network-interface:
# the ENI is named twice with the same private address, so the second EIP lands on an
# address that already carries the first (NAT maps one EIP to each private address).
provider "alicloud" {
  region = "ap-southeast-5"
}

module "eip" {
  source = "../../../../testdata/official/terraform-alicloud-eip"

  name                 = "tf-eip-example"
  bandwidth            = 5
  internet_charge_type = "PayByTraffic"
  instance_charge_type = "PostPaid"
  tags = {
    Env = "Private"
  }

  instances = [ # want: private-ip-in-use
    {
      instance_ids  = ["eni-gw5bvtqmu0qzsq7abcde", "eni-gw5bvtqmu0qzsq7abcde"]
      instance_type = "NetworkInterface"
      private_ips   = ["10.4.0.10", "10.4.0.10"]
    }
  ]
}
