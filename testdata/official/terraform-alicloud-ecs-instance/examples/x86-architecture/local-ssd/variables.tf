variable "region" {
  default     = "cn-hangzhou"
  type        = string
  description = "The region where the instance is located."
}

variable "zone_id" {
  default     = "cn-hangzhou-h"
  type        = string
  description = "The zone where the instance is located."
}