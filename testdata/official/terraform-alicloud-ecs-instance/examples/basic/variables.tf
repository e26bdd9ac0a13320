variable "region" {
  default     = "cn-hangzhou"
  type        = string
  description = "The region where the instance is located."
}

