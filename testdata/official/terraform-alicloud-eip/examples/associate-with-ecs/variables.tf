variable "region" {
  default     = "ap-southeast-5"
  type        = string
  description = "The region of the resources."
}
