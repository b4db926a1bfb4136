# The representative one-file run whose compiled code the build keeps in the CLI's V8 code cache
# (scripts/build.mjs, src/cli/code-cache.ts): a Terraform module with findings, as in a pre-commit
# call. A copy of examples/mlops-platform/infra/terraform, which a packed stage does not have.
terraform {
  required_version = ">= 1.6"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
  # No backend block: state is kept in a local terraform.tfstate (TF001).
}

provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

locals {
  name = "${var.prefix}-${var.environment}"
  tags = merge(var.tags, { environment = var.environment })
}

resource "azurerm_resource_group" "ml" {
  name     = "rg-${local.name}"
  location = var.location
  tags     = local.tags
}

resource "azurerm_application_insights" "ml" {
  name                = "appi-${local.name}"
  location            = azurerm_resource_group.ml.location
  resource_group_name = azurerm_resource_group.ml.name
  application_type    = "web"
  tags                = local.tags
}

resource "azurerm_storage_account" "ml" {
  name                            = "st${var.prefix}${var.environment}"
  location                        = azurerm_resource_group.ml.location
  resource_group_name             = azurerm_resource_group.ml.name
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = local.tags
}

# Key Vault without purge protection: a deleted vault (and every secret in it) can be purged at once.
resource "azurerm_key_vault" "ml" {
  name                      = "kv-${local.name}"
  location                  = azurerm_resource_group.ml.location
  resource_group_name       = azurerm_resource_group.ml.name
  tenant_id                 = data.azurerm_client_config.current.tenant_id
  sku_name                  = "standard"
  enable_rbac_authorization = true
  tags                      = local.tags
}

# Private registry: public access is off, so AML cannot build images with serverless compute.
resource "azurerm_container_registry" "ml" {
  name                          = "acr${var.prefix}${var.environment}"
  location                      = azurerm_resource_group.ml.location
  resource_group_name           = azurerm_resource_group.ml.name
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
  tags                          = local.tags
}

# The workspace is left public (public_network_access_enabled is not set: azurerm defaults to true)
# and has no image_build_compute_name although its registry is private.
resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "mlw-${local.name}"
  location                = azurerm_resource_group.ml.location
  resource_group_name     = azurerm_resource_group.ml.name
  application_insights_id = azurerm_application_insights.ml.id
  key_vault_id            = azurerm_key_vault.ml.id
  storage_account_id      = azurerm_storage_account.ml.id
  container_registry_id   = azurerm_container_registry.ml.id
  tags                    = local.tags

  identity {
    type = "SystemAssigned"
  }
}

# GPU training cluster: a real GPU size, scales to zero, but no cost-center tag.
resource "azurerm_machine_learning_compute_cluster" "train" {
  name                          = "gpu-train"
  location                      = azurerm_resource_group.ml.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "LowPriority"
  vm_size                       = var.training_cluster_size
  node_public_ip_enabled        = false
  tags                          = local.tags

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT15M"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "inference" {
  name                = "aks-${local.name}"
  location            = azurerm_resource_group.ml.location
  resource_group_name = azurerm_resource_group.ml.name
  dns_prefix          = local.name
  tags                = local.tags

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

# The "$4,000 typo": the pool named gpu runs on a CPU size, has no GPU taint and no cost-center tag.
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.inference.id
  vm_size               = var.gpu_node_size
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 2
}

# The A100 training pool: tainted as AKS recommends, scales to zero, tagged for charge-back.
# Only pods that tolerate sku=gpu:NoSchedule can run here (k8s/train-job.yaml forgot to).
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.inference.id
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 2
  tags                  = merge(local.tags, { "cost-center" = "ml-training" })
}
