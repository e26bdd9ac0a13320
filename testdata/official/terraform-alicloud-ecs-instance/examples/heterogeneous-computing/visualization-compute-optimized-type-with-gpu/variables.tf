variable "region" {
  default     = "cn-heyuan"
  type        = string
  description = "The region where the instance is located."
}

variable "zone_id" {
  default     = "cn-heyuan-a"
  type        = string
  description = "The zone where the instance is located."
}