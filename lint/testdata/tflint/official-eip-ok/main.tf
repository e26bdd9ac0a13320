# The valid twin of official-eip-bad, a variant of the official module's example associate-with-network-interface:
# two EIPs on two private addresses of one ENI, which NAT mode allows.
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

  instances = [
    {
      instance_ids  = ["eni-gw5bvtqmu0qzsq7abcde", "eni-gw5bvtqmu0qzsq7abcde"]
      instance_type = "NetworkInterface"
      private_ips   = ["10.4.0.10", "10.4.0.11"]
    }
  ]
}
