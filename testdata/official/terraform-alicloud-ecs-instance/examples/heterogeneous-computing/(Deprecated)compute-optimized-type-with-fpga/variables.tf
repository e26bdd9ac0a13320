variable "region" {
  default     = "cn-beijing"
  type        = string
  description = "The region where the instance is located."
}

variable "zone_id" {
  default     = "cn-beijing-g"
  type        = string
  description = "The zone where the instance is located."
}