# The reference for `make bench`: as many terraform_data resources as the
# records benchmark has records, so Terraform's own cost of a refresh walk
# over that many resources can be told apart from the provider's.
terraform {
  required_version = ">= 1.5"
}

variable "record_count" {
  description = "How many resources to plan."
  type        = number
  default     = 1000
}

resource "terraform_data" "host" {
  for_each = { for i in range(var.record_count) : "h${i}" => i }

  input = {
    name  = each.key
    value = "10.${floor(each.value / 65536) % 256}.${floor(each.value / 256) % 256}.${each.value % 256}"
  }
}
