variable "environment" {
  description = "Deployment environment (dev, prod)."
  type        = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "prefix" {
  type    = string
  default = "mlops"
}

variable "gpu_node_size" {
  description = "VM size of the AKS GPU inference pool."
  type        = string
  default     = "Standard_D16s_v5"
}

variable "training_cluster_size" {
  description = "VM size of the AML GPU training cluster."
  type        = string
  default     = "Standard_NC24ads_A100_v4"

  validation {
    condition     = can(regex("^Standard_N[CDGV]", var.training_cluster_size))
    error_message = "The training cluster must use an N-series GPU size."
  }
}

variable "tags" {
  type = map(string)
  default = {
    owner = "ml-platform"
  }
}
