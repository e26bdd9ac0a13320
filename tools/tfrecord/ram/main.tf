# The RAM role and policy an appliance's instance takes, and the instance options the
# provider reads back, recorded for the contract replays: a role with a trust policy
# and tags, a custom policy attached to it, and an instance that takes the role, with
# metadata options, a maintenance window and deletion protection. Stage 2 describes the
# role anew, gives the policy a second version, moves the maintenance window and turns
# deletion protection off (so that the destroy can delete the instance).
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}
variable "endpoint" {
  type = string
}
variable "stage" {
  type    = number
  default = 1
}
provider "alicloud" {
  access_key   = "tf"
  secret_key   = "tf-secret"
  region       = "cn-shanghai"
  protocol     = "HTTPS"
  account_type = "Domestic"
  endpoints {
    vpc = var.endpoint
    ecs = var.endpoint
    ram = var.endpoint
  }
}
resource "alicloud_vpc" "fw" {
  vpc_name   = "fw"
  cidr_block = "192.168.0.0/16"
}
resource "alicloud_vswitch" "fw" {
  vpc_id     = alicloud_vpc.fw.id
  cidr_block = "192.168.0.0/24"
  zone_id    = "cn-shanghai-b"
}
resource "alicloud_security_group" "fw" {
  security_group_name = "fw"
  vpc_id              = alicloud_vpc.fw.id
}
resource "alicloud_ram_role" "fw" {
  role_name                   = "fw-ha"
  description                 = var.stage >= 2 ? "moves the VIP on failover" : "firewall HA"
  max_session_duration        = 7200
  assume_role_policy_document = jsonencode({ Version = "1", Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { Service = ["ecs.aliyuncs.com"] } }] })
  tags                        = { team = "net" }
}
resource "alicloud_ram_policy" "fw" {
  policy_name     = "fw-ha"
  description     = "move HaVips and routes"
  policy_document = jsonencode({ Version = "1", Statement = [{ Action = var.stage >= 2 ? ["vpc:AssociateHaVip", "vpc:UnassociateHaVip", "vpc:CreateRouteEntry"] : ["vpc:AssociateHaVip", "vpc:UnassociateHaVip"], Effect = "Allow", Resource = ["*"] }] })
}
resource "alicloud_ram_role_policy_attachment" "fw" {
  role_name   = alicloud_ram_role.fw.role_name
  policy_name = alicloud_ram_policy.fw.policy_name
  policy_type = "Custom"
}
resource "alicloud_instance" "fw" {
  instance_name       = "fw"
  image_id            = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type       = "ecs.g7.large"
  vswitch_id          = alicloud_vswitch.fw.id
  security_groups     = [alicloud_security_group.fw.id]
  role_name           = alicloud_ram_role.fw.role_name
  http_tokens         = "required"
  deletion_protection = var.stage < 2
  maintenance_action  = "AutoRecover"
  maintenance_time {
    start_time = var.stage >= 2 ? "18:00:00Z" : "17:00:00Z"
    end_time   = var.stage >= 2 ? "21:00:00Z" : "20:00:00Z"
  }
  depends_on = [alicloud_ram_role_policy_attachment.fw]
}
