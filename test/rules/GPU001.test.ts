/**
 * GPU001 (gpu-workload-on-non-gpu-size): A node pool, compute, VM or scale set meant for GPU work uses a size without a GPU.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // A container of several sizes says nothing about each: the system pool's size is not a GPU input's.
        name: 'member-of-a-gpu-named-object-with-several-sizes',
        files: {
          'main.tf': `
variable "gpu_cluster" {
  default = { system_vm_size = "Standard_D4s_v5", gpu_vm_size = "Standard_NC24ads_A100_v4" }
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"
  default_node_pool {
    name       = "system"
    vm_size    = var.gpu_cluster.system_vm_size
    node_count = 1
  }
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        // A YAML data file read by yamldecode(file()) holds the finding's value: a directive in it
        // covers the pool's mapping (RULES.md "Inline suppressions": YAML `#`, a YAML mapping).
        name: 'suppressed-in-yaml-data-file',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "p" {
  for_each              = yamldecode(file("\${path.module}/pools.yaml"))
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
          'pools.yaml': `
# mlops-iac-lint-ignore GPU001 -- CPU stand-in until the A100 quota lands
gpua100:
  vm_size: Standard_D16s_v5
`,
        },
      },
      {
        // A directive on its own line above a map entry that opens an object (`gpuinfer = {` in a
        // .tfvars) covers that whole entry, as above a block or a JSON object (RULES.md "Inline
        // suppressions": "when that line opens a block … to the whole block").
        name: 'suppressed-above-tfvars-map-entry',
        files: {
          'main.tf': `
variable "pools" {
  type = map(object({ vm_size = string }))
}

resource "azurerm_kubernetes_cluster_node_pool" "np" {
  for_each              = var.pools
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
          'prod.tfvars': `
pools = {
  # mlops-iac-lint-ignore GPU001 until=2099-01-01 -- CPU inference stand-in until the T4 quota lands
  gpuinfer = {
    vm_size = "Standard_D16s_v5"
  }
}
`,
        },
      },
      {
        name: 'cpu-pool-not-meant-for-gpu',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "cpu" {
  name                  = "cpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D16s_v5"
  node_count            = 1
}
`,
        },
      },
      {
        // A negated GPU word says the opposite of GPU intent, as non-prod is not prod (RULES.md Environments).
        name: 'negated-gpu-name',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "nongpu" {
  name                  = "nongpu"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = "Standard_D16s_v5"
  node_labels           = { "workload" = "no-gpu" }
}
`,
        },
      },
      {
        // The NVIDIA GPU Operator's opt-out label on CPU nodes: a GPU key switched off.
        name: 'gpu-label-switched-off',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "cpu" {
  name                  = "cpu"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = "Standard_D16s_v5"
  node_labels           = { "nvidia.com/gpu.deploy.operands" = "false" }
  tags                  = { "gpu" = "no" }
}
`,
        },
      },
      {
        name: 'gpu-size',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC24ads_A100_v4"
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
      },
      {
        name: 'module-for-each',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

module "pools" {
  source   = "./modules/pool"
  for_each = {
    gpu = "Standard_NC6s_v3"
    cpu = "Standard_D8s_v5"
  }
  name    = each.key
  vm_size = each.value
}
`,
          'modules/pool/main.tf': `
variable "name" {
  type = string
}

variable "vm_size" {
  type = string
}

resource "azurerm_kubernetes_cluster_node_pool" "this" {
  name                  = var.name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.vm_size
}

output "id" {
  value = azurerm_kubernetes_cluster_node_pool.this.id
}
`,
        },
      },
      {
        name: 'unknown-size',
        files: {
          'main.tf': `
variable "gpu_vm_size" {
  type = string
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = var.gpu_vm_size
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A for_each over a collection whose name says GPU: every instance is one of its elements, so
        // each pool's size comes from that variable (RULES.md GPU001), here through a module too (review 105).
        name: 'for-each-over-a-gpu-named-map-of-pools',
        files: {
          'main.tf': `
variable "gpu_pools" {
  type = map(object({ vm_size = string }))
}

resource "azurerm_kubernetes_cluster_node_pool" "np" {
  for_each              = var.gpu_pools
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
}
`,
          'terraform.tfvars': `
gpu_pools = {
  a100 = { vm_size = "Standard_NC24ads_A100_v4" }
  typo = { vm_size = ⟦"Standard_D16s_v5"⟧ }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpu_pools")',
      },
      {
        // A condition on a range() number is decided by no input (a loop's position, as count.index):
        // the finding is at the chosen size, not at range(2) (review 106; Bicep and ARM alike).
        name: 'size-chosen-by-a-range-index-in-a-for-expression',
        files: {
          'main.tf': `
locals {
  pools = [for i in range(2) : {
    name = "gpu\${i}"
    size = i == 0 ? "Standard_NC24ads_A100_v4" : ⟦"Standard_D8s_v5"⟧
  }]
}

resource "azurerm_kubernetes_cluster_node_pool" "p" {
  count                 = 2
  name                  = local.pools[count.index].name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = local.pools[count.index].size
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The older idiom of the same loop: count over a gpu-named list, each instance reading its
        // item by count.index (a loop's position, as each.value is its element; list[count.index]
        // and element(list, count.index) alike).
        name: 'count-over-a-gpu-named-list-of-pools',
        files: {
          'main.tf': `
variable "gpu_pools" {
  type = list(object({ name = string, vm_size = string }))
}

resource "azurerm_kubernetes_cluster_node_pool" "np" {
  count                 = length(var.gpu_pools)
  name                  = var.gpu_pools[count.index].name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.gpu_pools[count.index].vm_size
}
`,
          'terraform.tfvars': `
gpu_pools = [
  { name = "a100", vm_size = "Standard_NC24ads_A100_v4" },
  { name = "typo", vm_size = ⟦"Standard_D16s_v5"⟧ },
]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpu_pools")',
      },
      {
        name: 'count-over-a-gpu-named-list-of-sizes-read-with-element',
        files: {
          'main.tf': `
variable "gpu_vm_sizes" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster_node_pool" "np" {
  count                 = length(var.gpu_vm_sizes)
  name                  = "pool\${count.index}"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = element(var.gpu_vm_sizes, count.index)
}
`,
          'terraform.tfvars': `
gpu_vm_sizes = ["Standard_NC24ads_A100_v4", ⟦"Standard_D16s_v5"⟧]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpu_vm_sizes")',
      },
      {
        // … and through a for expression that keys the list (its iteration value is an element too; review 106).
        name: 'for-each-over-a-for-expression-of-a-gpu-named-list',
        files: {
          'main.tf': `
variable "gpu_pools" {
  type = list(object({ name = string, vm_size = string, enabled = bool }))
}

resource "azurerm_kubernetes_cluster_node_pool" "np" {
  for_each              = { for p in var.gpu_pools : p.name => p if p.enabled }
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
}
`,
          'terraform.tfvars': `
gpu_pools = [
  { name = "a100", vm_size = "Standard_NC24ads_A100_v4", enabled = true },
  { name = "typo", vm_size = ⟦"Standard_D16s_v5"⟧, enabled = true },
]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpu_pools")',
      },
      {
        // … and through the instances of a module (its variable's value keeps the collection's chain).
        name: 'module-for-each-over-a-gpu-named-map-of-pools',
        files: {
          'main.tf': `
variable "gpu_pools" {
  type = map(object({ vm_size = string }))
}

module "pool" {
  source   = "./pool"
  for_each = var.gpu_pools
  name     = each.key
  vm_size  = each.value.vm_size
}
`,
          'pool/main.tf': `
variable "name" {}
variable "vm_size" {}
resource "azurerm_kubernetes_cluster_node_pool" "np" {
  name                  = var.name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.vm_size
}
`,
          'terraform.tfvars': `
gpu_pools = {
  a100 = { vm_size = "Standard_NC24ads_A100_v4" }
  typo = { vm_size = ⟦"Standard_D16s_v5"⟧ }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpu_pools")',
      },
      {
        // Config-driven pools: yamldecode(file(…)) / jsondecode(file(…)) inside the scan root are
        // read, and the size is located where the data file writes it (RULES.md "Location": "where
        // the offending value is written").
        name: 'pools-from-yaml-and-json-data-files',
        files: {
          'main.tf': `
locals {
  pools      = yamldecode(file("\${path.module}/config/pools.yaml")).pools
  json_pools = jsondecode(file("config/pools.json"))
}

resource "azurerm_kubernetes_cluster_node_pool" "p" {
  for_each              = merge(local.pools, local.json_pools)
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
          'config/pools.yaml': `
pools:
  gpua100:
    vm_size: ⟦Standard_D16s_v5⟧
  gput4:
    vm_size: Standard_NC4as_T4_v3
`,
          'config/pools.json': `
{ "gpujson": { "vm_size": ⟦"Standard_E8s_v5"⟧ } }
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Pools from YAML written in a heredoc (yamldecode(<<-EOT …)): the size where the heredoc
        // writes it; a pool whose size is interpolated is unknown and not reported.
        name: 'pools-from-a-yaml-heredoc',
        files: {
          'main.tf': `
variable "t4_size" {
  type = string
}

locals {
  pools = yamldecode(<<-EOT
    gpua100:
      vm_size: ⟦Standard_D16s_v5⟧
    gput4:
      vm_size: \${var.t4_size}
    EOT
  )
}

resource "azurerm_kubernetes_cluster_node_pool" "p" {
  for_each              = local.pools
  name                  = each.key
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.value.vm_size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // "gpu-${var.env}": the known text says GPU whatever the environment is.
        name: 'partly-known-name-says-gpu',
        files: {
          'main.tf': `
variable "env" {
  type = string
}

resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "gpu\${var.env}"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = ⟦"Standard_D16s_v5"⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its name "gpu…" says GPU',
      },
      {
        name: 'aml-compute-cluster',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_compute_cluster" "gpu" {
  name                          = "gpu-cluster"
  location                      = "westeurope"
  machine_learning_workspace_id = "/subscriptions/x/ws"
  vm_priority                   = "Dedicated"
  vm_size                       = ⟦"Standard_DS3_v2"⟧

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'cpu-size-on-gpu-pool',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = ⟦"Standard_D16s_v5"⟧
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'fpga-size-is-not-gpu',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpupool" {
  name                  = "gpupool"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = ⟦"Standard_NP10s"⟧
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'gpu-label',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = ⟦"Standard_E8s_v5"⟧
  node_count            = 1
  node_labels = {
    "accelerator" = "nvidia-gpu"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        // The label is shown as key = value: the value says GPU, the key names the label.
        messageIncludes: 'its label accelerator = "nvidia-gpu" mentions GPU',
      },
      {
        name: 'gpu-tag-value',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = ⟦"Standard_E8s_v5"⟧
  tags = {
    Project = "aks-gpu-terraform"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its tag Project = "aks-gpu-terraform" mentions GPU',
      },
      {
        name: 'module-argument',
        files: {
          'main.tf': `
module "gpu_pool" {
  source  = "./modules/pool"
  vm_size = ⟦"Standard_D16s_v5"⟧
}
`,
          'modules/pool/main.tf': `
variable "vm_size" {
  type = string
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.vm_size
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'module-count',
        files: {
          'main.tf': `
module "gpu" {
  source  = "./modules/pool"
  count   = 2
  name    = "gpu\${count.index}"
  vm_size = count.index == 0 ? "Standard_NC6s_v3" : ⟦"Standard_D16s_v5"⟧
}
`,
          'modules/pool/main.tf': `
variable "name" {
  type = string
}

variable "vm_size" {
  type = string
}

resource "azurerm_kubernetes_cluster_node_pool" "this" {
  name                  = var.name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.vm_size
}

output "id" {
  value = azurerm_kubernetes_cluster_node_pool.this.id
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'module-for-each',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

module "pools" {
  source   = "./modules/pool"
  for_each = {
    gpu = ⟦"Standard_D16s_v5"⟧
    cpu = "Standard_D8s_v5"
  }
  name    = each.key
  vm_size = each.value
}
`,
          'modules/pool/main.tf': `
variable "name" {
  type = string
}

variable "vm_size" {
  type = string
}

resource "azurerm_kubernetes_cluster_node_pool" "this" {
  name                  = var.name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.vm_size
}

output "id" {
  value = azurerm_kubernetes_cluster_node_pool.this.id
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'size-from-gpu-variable-prod-tfvars',
        files: {
          'env/prod/terraform.tfvars': `
gpu_vm_size = ⟦"Standard_D16s_v5"⟧
`,
          'main.tf': `
variable "gpu_vm_size" {
  type    = string
  default = "Standard_NC6s_v3"
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = var.gpu_vm_size
  node_count            = 1
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'notGpuSize',
      },
      {
        // Terraform's JSON syntax (`.tf.json`, what CDK for Terraform writes) is Terraform.
        name: 'tf-json-syntax',
        files: {
          'main.tf.json': `{
  "variable": { "gpu_vm_size": { "type": "string", "default": ⟦"Standard_D16s_v5"⟧ } },
  "resource": {
    "azurerm_kubernetes_cluster_node_pool": {
      "gpu": {
        "name": "gpu",
        "kubernetes_cluster_id": "/subscriptions/x/aks",
        "vm_size": "\${var.gpu_vm_size}",
        "node_taints": ["sku=gpu:NoSchedule"]
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.tf.json', line: 8, label: 'attribute vm_size' }],
      },
      {
        // A local is Terraform's template variable (ARM `variables`, Bicep `var` already count).
        name: 'size-from-gpu-local',
        files: {
          'main.tf': `
locals {
  gpu_vm_size = ⟦"Standard_D16s_v5"⟧
}
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = local.gpu_vm_size
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its size comes from "gpu_vm_size"',
      },
      {
        // A member of an object input passed through that input: its name says GPU.
        name: 'size-from-member-of-gpu-object-variable',
        files: {
          'main.tf': `
variable "gpu_pool" {
  type    = object({ vm_size = string })
  default = { vm_size = ⟦"Standard_D8s_v5"⟧ }
}
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.gpu_pool.vm_size
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its size comes from "gpu_pool"',
      },
      {
        name: 'size-from-entry-of-gpu-map-variable',
        files: {
          'main.tf': `
variable "gpu_sizes" {
  type    = map(string)
  default = { train = ⟦"Standard_D8s_v5"⟧ }
}
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.gpu_sizes["train"]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its size comes from "gpu_sizes"',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'agent-pool',
        files: {
          'main.tf': `
resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize = "Standard_NC6s_v3"
      count  = 1
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'agent-pool',
        files: {
          'main.tf': `
resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize     = ⟦"Standard_D16s_v5"⟧
      count      = 1
      nodeTaints = ["sku=gpu:NoSchedule"]
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
  arm: {
    valid: [
      {
        // A name built by an expression, gpu right after its unknown part: it may be non-gpu (review 59: its rendering was read as a label).
        name: 'gpu-right-after-an-unknown-part-of-the-name',
        files: {
          'azuredeploy.json': JSON.stringify(
            {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              parameters: { prefix: { type: 'string' } },
              resources: [
                { type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: "[concat(parameters('prefix'), '-gpu')]", location: 'westeurope', properties: { hardwareProfile: { vmSize: 'Standard_D4s_v5' } } },
              ],
            },
            null,
            2,
          ),
        },
      },
      {
        // The workspace's name (the first segment of the child's name) says GPU, the compute's own name does not.
        name: 'child-named-under-gpu-parent',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw-gpu-team/cpu-cluster",
      "location": "westeurope",
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_D4s_v3",
          "scaleSettings": { "minNodeCount": 0, "maxNodeCount": 2 }
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'gpu-profile-gpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks-ml",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "dnsPrefix": "aksml",
        "agentPoolProfiles": [
          {
            "name": "system",
            "mode": "System",
            "vmSize": "Standard_D4s_v5",
            "count": 2
          },
          {
            "name": "gpu",
            "mode": "User",
            "vmSize": "Standard_NC6s_v3",
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
      },
      {
        // A directive on the attribute that consumes a parameter covers the finding at the
        // parameter's default, as in Terraform and Bicep.
        name: 'arm-suppressed-at-consuming-attribute',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "clusterSize": {
      "type": "string",
      "defaultValue": "Standard_D16s_v5"
    }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo/gpu-cluster",
      "location": "westeurope",
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          // mlops-iac-lint-ignore GPU001 -- CPU stand-in until the GPU quota is granted
          "vmSize": "[parameters('clusterSize')]"
        }
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'agent-pool-size-from-gpu-parameter-file',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuVmSize": {
      "type": "string",
      "defaultValue": "Standard_NC6s_v3"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "[format('{0}/{1}', 'aks-ml', 'gpu')]",
      "properties": {
        "vmSize": "[parameters('gpuVmSize')]",
        "count": 1,
        "mode": "User"
      }
    }
  ]
}
`,
          'main.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuVmSize": {
      "value": ⟦"Standard_D16s_v5"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'notGpuSize',
        // RULES.md "Location": "The resource attribute that consumed it is a relatedLocation".
        related: [{ file: 'main.json', line: 16, label: 'attribute properties.vmSize' }],
      },
      {
        name: 'fpga-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "[format('{0}/{1}', 'aks-ml', 'gpu')]",
      "properties": {
        "vmSize": ⟦"Standard_NP10s"⟧,
        "count": 1,
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'gpu-profile-cpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks-ml",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "dnsPrefix": "aksml",
        "agentPoolProfiles": [
          {
            "name": "system",
            "mode": "System",
            "vmSize": "Standard_D4s_v5",
            "count": 2
          },
          {
            "name": "gpu",
            "mode": "User",
            "vmSize": ⟦"Standard_D16s_v5"⟧,
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'gpu-profile-gpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks-ml",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "dnsPrefix": "aksml",
        "agentPoolProfiles": [
          {
            "name": "system",
            "mode": "System",
            "vmSize": "Standard_D4s_v5",
            "count": 2
          },
          {
            "name": "gpu",
            "mode": "User",
            "vmSize": "Standard_NC6s_v3",
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-profile-cpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks-ml",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "dnsPrefix": "aksml",
        "agentPoolProfiles": [
          {
            "name": "system",
            "mode": "System",
            "vmSize": "Standard_D4s_v5",
            "count": 2
          },
          {
            "name": "gpu",
            "mode": "User",
            "vmSize": ⟦"Standard_D16s_v5"⟧,
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The GPU-named parameter holds a second size that is not known (a parameter without a value),
        // nested or flat, under a name that says size or sku, or as a whole `gpu` object: the system
        // pool's CPU size is not known to be the parameter's one size, so the name says nothing of it
        // (reviews 131, 133, 134: a false GPU001, AKS001 and GPU002).
        name: 'gpu-named-object-with-a-second-size-not-known',
        files: {
          'main.bicep': `param gpuVmSize string
param gpuAks object = {
  system: {
    vmSize: 'Standard_D4s_v3'
  }
  gpu: {
    vmSize: gpuVmSize
  }
}
param gpuAksFlat object = {
  systemVmSize: 'Standard_D4s_v3'
  gpuSize: gpuVmSize
}
param gpuObj object
param gpuAksObject object = {
  system: { vmSize: 'Standard_D4s_v3' }
  gpu: gpuObj
  sku: gpuVmSize
  targetVmSize: gpuVmSize
  node_pools: gpuObj
}
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' existing = {
  name: 'aks'
}
resource sys 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'system'
  properties: {
    mode: 'System'
    vmSize: gpuAks.system.vmSize
    count: 1
  }
}
resource sys2 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'system2'
  properties: {
    mode: 'System'
    vmSize: gpuAksFlat.systemVmSize
    count: 1
  }
}
resource sys3 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'system3'
  properties: {
    mode: 'System'
    vmSize: gpuAksObject.system.vmSize
    count: 1
  }
}
`,
        },
      },
      {
        // A camelCase negation in the middle of a name negates its gpu (review 105): not meant for GPU.
        name: 'camel-case-negation-inside-a-parameter-name',
        files: {
          'main.bicep': `
param cpuNonGpuSize string = 'Standard_D8s_v5'
param systemPoolNoGpuVmSize string = 'Standard_D4s_v5'
param batchVMNoGpuSize string = 'Standard_D16s_v5'

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ml'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    agentPoolProfiles: [
      { name: 'system', mode: 'System', count: 1, vmSize: systemPoolNoGpuVmSize }
      { name: 'batch', mode: 'User', count: 1, vmSize: cpuNonGpuSize }
      { name: 'batch2', mode: 'User', count: 1, vmSize: batchVMNoGpuSize }
    ]
  }
}
`,
        },
      },
      {
        // A child's name is parent/child: only its own segment says what it is meant for.
        name: 'child-of-gpu-named-parent',
        files: {
          'main.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-gpu-platform'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
      }
    ]
  }
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'cpu'
  properties: {
    vmSize: 'Standard_D4s_v5'
    mode: 'User'
    enableAutoScaling: true
    minCount: 0
    maxCount: 2
  }
}
`,
        },
      },
      {
        name: 'gpu-size',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
  resource gpucluster 'computes' = {
    name: 'gpu-cluster'
    location: 'westeurope'
    properties: {
      computeType: 'AmlCompute'
      properties: {
        vmSize: 'Standard_NC6s_v3'
        scaleSettings: {
          minNodeCount: 0
          maxNodeCount: 4
        }
      }
    }
  }
}
`,
        },
      },
      {
        name: 'suppressed-at-consuming-attribute',
        files: {
          'main.bicep': `
param clusterSize string = 'Standard_D16s_v5'

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  name: 'mlw-demo/gpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      // mlops-iac-lint-ignore GPU001 -- CPU stand-in until the GPU quota is granted
      vmSize: clusterSize
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A sibling not known whose name says a disk size (a number) is no second VM size: the size
        // is still the parameter's one (review 132: the findings were lost).
        name: 'gpu-named-object-with-an-unknown-disk-size',
        files: {
          'main.bicep': `param diskSizeGB int
param gpuPool object = {
  vmSize: ⟦'Standard_D16s_v5'⟧
  osDiskSizeGB: diskSizeGB
  zones: [ diskSizeGB ]
  shmSize: diskSizeGB
  cache_size: diskSizeGB
  maxSize: diskSizeGB
  os_sku: diskSizeGB
  skuTier: diskSizeGB
  scaleSetSize: diskSizeGB
}
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' existing = {
  name: 'aks'
}
resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'pool1'
  properties: {
    vmSize: gpuPool.vmSize
    osDiskSizeGB: gpuPool.osDiskSizeGB
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpuPool")',
      },
      {
        // The size one object deeper in a parameter whose name says GPU (`gpuCluster.pool.vmSize`):
        // the pool object holds the parameter's one size, so the size comes from the parameter.
        name: 'size-nested-in-an-object-of-a-gpu-named-parameter',
        files: {
          'main.bicep': `param gpuCluster object = {
  name: 'ml'
  pool: {
    vmSize: ⟦'Standard_D16s_v5'⟧
    count: 1
  }
}
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' existing = {
  name: 'aks'
}
resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'training'
  properties: {
    vmSize: gpuCluster.pool.vmSize
    count: gpuCluster.pool.count
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpuCluster")',
      },
      {
        // A resource loop over a parameter whose name says GPU: each item's size comes from it (review 106).
        name: 'resource-loop-over-a-gpu-named-parameter',
        files: {
          'main.bicep': `param gpuPools array = [
  { name: 'a100', vmSize: 'Standard_NC24ads_A100_v4' }
  { name: 'typo', vmSize: ⟦'Standard_D16s_v5'⟧ }
]
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}
resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for p in gpuPools: {
  parent: aks
  name: p.name
  properties: {
    vmSize: p.vmSize
  }
}]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpuPools")',
      },
      {
        // A pool chosen by a known condition (`deployGpu ? [gpuPool] : []` inside concat()): the
        // attribute that consumed the size is related, as without the conditional (review 80).
        name: 'pool-in-a-conditional-part-of-concat',
        files: {
          'main.bicep':
            "param deployGpu bool = true\nparam gpuSize string = ⟦'Standard_D8s_v5'⟧\nvar systemPool = { name: 'system', vmSize: 'Standard_D4s_v5', mode: 'System', count: 1 }\nvar gpuPool = {\n  name: 'gpupool'\n  vmSize: gpuSize\n  mode: 'User'\n  count: 1\n}\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: concat([ systemPool ], deployGpu ? [ gpuPool ] : [])\n  }\n}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.bicep', line: 6, label: 'attribute vmSize' }],
      },
      {
        // A property of an object parameter passed through that parameter: its name says GPU.
        name: 'size-from-property-of-gpu-object-parameter',
        files: {
          'main.bicep': `
param gpuPool object = { vmSize: ⟦'Standard_D8s_v5'⟧ }

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: 'aks/train'
  properties: {
    vmSize: gpuPool.vmSize
    mode: 'User'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its size comes from "gpuPool"',
      },
      {
        // loadJsonContent: the size is written in the JSON file, so the finding is there.
        name: 'size-from-loadJsonContent',
        files: {
          'pools.json': '{\n  "gpu": { "size": ⟦"Standard_D16s_v5"⟧ }\n}\n',
          'main.bicep': `
var pools = loadJsonContent('pools.json')

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: 'aks/gpu'
  properties: {
    vmSize: pools.gpu.size
    mode: 'User'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // loadYamlContent too: the size is written in the YAML file (with and without a path filter).
        name: 'size-from-loadYamlContent',
        files: {
          'pools.yaml': 'gpu:\n  size: ⟦Standard_D16s_v5⟧\ntrain:\n  size: ⟦Standard_D8s_v5⟧\n',
          'main.bicep': `
var pools = loadYamlContent('pools.yaml')
var train = loadYamlContent('pools.yaml', '$.train')

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: 'aks/gpu'
  properties: {
    vmSize: pools.gpu.size
    mode: 'User'
  }
}

resource trainPool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: 'aks/gputrain'
  properties: {
    vmSize: train.size
    mode: 'User'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // '${clusterName}/gpu${suffix}': the own segment's known text says GPU.
        name: 'partly-known-name-says-gpu',
        files: {
          'main.bicep': `
param clusterName string
param suffix string

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: '\${clusterName}/gpu\${suffix}'
  properties: {
    vmSize: ⟦'Standard_D16s_v5'⟧
    mode: 'User'
    nodeTaints: [
      'team=ml:NoSchedule'
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'gpu-name-cpu-size',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
  resource gpucluster 'computes' = {
    name: 'gpu-cluster'
    location: 'westeurope'
    properties: {
      computeType: 'AmlCompute'
      properties: {
        vmSize: ⟦'Standard_D16s_v5'⟧
        scaleSettings: {
          minNodeCount: 0
          maxNodeCount: 4
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // RULES.md "Location": the value's origin is primary and "the resource attribute that
        // consumed it is a relatedLocation" (as in Terraform); a suppression on that attribute covers it.
        name: 'parameter-default-related-consuming-attribute',
        files: {
          'main.bicep': `
param clusterSize string = ⟦'Standard_D16s_v5'⟧

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  name: 'mlw-demo/gpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: clusterSize
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ line: 9, label: 'attribute properties.properties.vmSize' }],
      },
      {
        name: 'loop-item',
        files: {
          'main.bicep': `
var pools = [
  {
    name: 'gpu-a'
    size: 'Standard_NC6s_v3'
  }
  {
    name: 'gpu-b'
    size: ⟦'Standard_D16s_v5'⟧
  }
]

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource clusters 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = [for p in pools: {
  parent: ws
  name: p.name
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: p.size
      scaleSettings: {
        minNodeCount: 0
        maxNodeCount: 2
      }
    }
  }
}]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        // A template's placeholder (envsubst, Jinja) is filled in before the file is used: unknown.
        name: 'size-is-a-template-placeholder',
        files: {
          'compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: ${GPU_SIZE}\n',
          'jinja/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: "{{ gpu_size }}"\n',
          // envsubst also expands $NAME; Azure Pipelines' token-replacement tasks write #{Name}# or __Name__.
          'envsubst/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: $GPU_SIZE\n',
          'tokens/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: "#{GpuSize}#"\n',
          'tokens2/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: __GpuSize__\n',
        },
      },
      {
        name: 'gpu-name-gpu-size',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC4as_T4_v3
`,
        },
      },
      {
        name: 'cpu-name-default-size',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
`,
        },
      },
    ],
    invalid: [
      {
        // A template's `--file` default that its only caller overrides names a file no run uses: it
        // is linted on its own (it was taken as read by the template, and dropped).
        name: 'file-named-only-by-an-overridden-template-default',
        files: {
          'azure-pipelines.yml': 'trigger: none\nsteps:\n  - template: t.yml\n    parameters:\n      f: other.yml\n',
          't.yml': 'parameters:\n  - name: f\n    default: compute.yml\nsteps:\n  - script: az ml compute create -f ${{ parameters.f }} -w ws -g rg\n',
          'compute.yml': 'name: gpu-cluster\ntype: amlcompute\nsize: ⟦Standard_D4s_v5⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'gpu-name-cpu-size',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: ⟦Standard_D16s_v5⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        message: 'AML compute "gpu-cluster" is meant for GPU work (its name "gpu-cluster" says GPU) but its size "Standard_D16s_v5" has no GPU; set size to a size of a GPU family (NC, ND, NG, NV).',
      },
      {
        name: 'gpu-name-size-absent-defaults-to-cpu',
        files: {
          'instance.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: gpu-ci
⟦type: computeinstance⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'defaultNotGpuSize',
        messageIncludes: 'size is not set, so it gets "Standard_DS3_v2", which has no GPU',
      },
      {
        // Lone CR line ends (classic Mac OS) are YAML 1.2 line breaks: the file is recognised as
        // Azure ML YAML (it was skipped) and the size is found on its own line.
        name: 'lone-cr-line-breaks',
        files: {
          'cluster.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\rname: gpu-cluster\rtype: amlcompute\rsize: ⟦Standard_D16s_v5⟧\rmin_instances: 0\r',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        message: 'AML compute "gpu-cluster" is meant for GPU work (its name "gpu-cluster" says GPU) but its size "Standard_D16s_v5" has no GPU; set size to a size of a GPU family (NC, ND, NG, NV).',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // A matrix value keeps its YAML type (`false` may be a boolean, which is falsy): as an operand it
        // is not known, so the size an expression picks by it is undecided (review 52: the text
        // "false" was truthy and the A100 size was judged).
        name: 'matrix-boolean-as-an-operand-is-not-known',
        files: {
          '.github/workflows/w.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        gpu: [false]\n    steps:\n      - run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size \"${{ matrix.gpu && 'Standard_NC24ads_A100_v4' || 'Standard_D8s_v5' }}\" --node-taints sku=gpu:NoSchedule\n",
        },
      },
      {
        // A multi-line array or substitution inside a multi-line subshell closes itself, not the
        // subshell: the size assigned after it stays there (review 53).
        name: 'array-over-lines-inside-a-subshell',
        files: {
          'sub.sh': 'S=Standard_NC24ads_A100_v4\n(\n  arr=(a\n   b)\n  X=$(echo a\n   b)\n  S=Standard_D2s_v5\n)\naz aks nodepool add -n gpupool --cluster-name c -g rg --node-vm-size $S\n',
          // Arithmetic over lines, and a line that closes an array and goes on (review 54).
          'arith.sh': 'S=Standard_NC24ads_A100_v4\n(\n  echo $((1+\n  2))\n  S=Standard_D2s_v5\n)\naz aks nodepool add -n gpupool2 --cluster-name c -g rg --node-vm-size $S\n',
          'goes-on.sh': 'S=Standard_NC24ads_A100_v4\n(\n  arr=(a\n   c); S=Standard_D2s_v5\n)\naz aks nodepool add -n gpupool3 --cluster-name c -g rg --node-vm-size $S\n',
          // A line that starts with the closer and goes on (review 55).
          'starts-closing.sh': 'S=Standard_NC24ads_A100_v4\n(\n  arr=(\n    1\n  ); S=Standard_D2s_v5\n  X=$(\n    echo a\n  ) ; S=Standard_D4s_v5\n)\naz aks nodepool add -n gpupool4 --cluster-name c -g rg --node-vm-size $S\n',
        },
      },
      {
        // A file sourced inside a subshell sets its variables there only: after it, $SIZE is unset.
        name: 'sourced-inside-a-subshell',
        files: {
          'vars.sh': 'SIZE=Standard_D4s_v5\n',
          'deploy.sh': '( source ./vars.sh; echo "$SIZE" )\naz aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
        },
      },
      {
        // On Linux and macOS PowerShell's environment variable names keep their case: `$env:gpu_size`
        // is not the job's `GPU_SIZE` there, and the pool gets no size from it (review 74).
        name: 'powershell-environment-variable-in-another-case-on-linux',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GPU_SIZE: Standard_D4s_v5\n    steps:\n      - shell: pwsh\n        run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size $env:gpu_size --node-taints sku=gpu:NoSchedule\n',
        },
      },
      {
        // A parameter typed other than [string] converts what is passed (PowerShell refuses a size
        // for [int], and the script does not run): the argument is not read (review 45).
        name: 'argument-to-a-parameter-of-another-type',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: ./pool.ps1 -Size Standard_D4s_v5\n',
          'pool.ps1': 'param([Parameter(Mandatory)][int]$Size)\naz aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size $Size --node-taints sku=gpu:NoSchedule\n',
        },
      },
      {
        // A value a command may not set is not the variable's: after `&&`/`||`, in a loop (which
        // may run no time), in a subshell `( … )` or a piped `while` (their assignments stay there).
        name: 'size-assigned-where-it-may-not-hold',
        files: {
          'and.sh': 'SIZE=Standard_NC24ads_A100_v4\n[ -n "$CPU_ONLY" ] && SIZE=Standard_D8s_v5\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          'loop.sh': 'SIZE=Standard_NC24ads_A100_v4\nfor p in $CPU_POOLS; do SIZE=Standard_D8s_v5; done\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          'sub.sh': 'SIZE=Standard_NC24ads_A100_v4\n( SIZE=Standard_D8s_v5 )\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule --node-taints sku=gpu:NoSchedule\n',
          'pipe.sh': 'SIZE=Standard_NC24ads_A100_v4\necho go | while read -r x; do SIZE=Standard_D8s_v5; done\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          // A function reads its variables when it is called: one the script sets again after the function is not known there.
          'func.sh': 'SIZE=Standard_D8s_v5\nmk() {\n  az aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n}\nSIZE=Standard_NC24ads_A100_v4\nmk\n',
          // A template between the pipeline and the file runs only as the pipeline calls it: its own default is never used.
          'azure-pipelines.yml': 'trigger: none\nsteps:\n  - template: a.yml\n    parameters:\n      size: Standard_NC24ads_A100_v4\n',
          'a.yml': 'parameters:\n  - name: size\n    default: Standard_D2s_v5\nsteps:\n  - template: b.yml\n    parameters:\n      size: ${{ parameters.size }}\n',
          'b.yml': 'parameters:\n  - name: size\nsteps:\n  - script: az ml compute create -n gpu --type AmlCompute --size ${{ parameters.size }} -w ws --tags cost-center=x\n',
          // Another function that sets it (and may run first): a shell function, a PowerShell $script: assignment.
          'set-by-function.sh': 'SIZE=Standard_D4s_v5\nmk() {\n  az ml compute create -n gpua --type AmlCompute --size "$SIZE" -w ws\n}\nsetsize() { SIZE=Standard_NC24ads_A100_v4; }\nsetsize\nmk\n',
          'set-by-function.ps1': "$gpuSize = 'Standard_D4s_v5'\nfunction New-Gpu { az ml compute create -n gpub --type AmlCompute --size $gpuSize -w ws }\nfunction Set-Size { $script:gpuSize = 'Standard_NC24ads_A100_v4' }\nSet-Size\nNew-Gpu\n",
          // A function's body does not run where it is defined: its `local` stays its own, and what else it sets is unknown after it.
          'local-in-a-function.sh': 'SIZE=Standard_NC24ads_A100_v4\nf1() {\n  local SIZE=Standard_D4s_v5\n}\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          'set-in-an-uncalled-function.sh': 'SIZE=Standard_NC24ads_A100_v4\nf1() { SIZE=Standard_D4s_v5; }\naz aks nodepool add --cluster-name aks -n gpu2 --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          // A function's size is its caller's: a GPU size at every call, and a CPU size for a pool not meant for GPU work.
          'function-called-with-gpu-sizes.sh': 'mk() { az aks nodepool add -g rg --cluster-name c --name "$1" --node-vm-size "$2" $3; }\nmk gpupool Standard_NC24ads_A100_v4 --node-taints=sku=gpu:NoSchedule\nmk gpupool2 Standard_ND96asr_v4\nmk cpupool Standard_D8s_v5\n',
          // `sudo f` runs a program named f, not the function: the body as written (its $2 unknown) is all there is.
          'sudo-is-no-call.sh': 'mk() { az aks nodepool add -g rg --cluster-name c --name gpu3 --node-vm-size "$1"; }\nsudo mk Standard_D8s_v5\n',
          // A function that may set the size runs in the if's condition: past `then exit 1; fi` the size is its (review 136).
          'condition-runs-a-function.sh': 'SIZE=Standard_D4s_v5\nload() { eval "$(cat sizes.env)"; }\nif ! load; then\n  exit 1\nfi\naz aks nodepool add --cluster-name aks -n gpu5 --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
          // A name a value holds may be run (`step=use_gpu; $step`): what that function sets stays unknown (review 136).
          'function-run-through-a-variable.sh': 'SIZE=Standard_D4s_v5\nuse_gpu() { SIZE=Standard_NC24ads_A100_v4; }\nadd() { az aks nodepool add --cluster-name aks -n gpu6 --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule; }\nstep=use_gpu\n$step\nadd\n',
          // Only the arm that runs sets the size: the other arm's CPU size is not the size a GPU arm uses.
          'case-arm-sets-its-own.sh': 'SIZE=Standard_NC24ads_A100_v4\ncase "$1" in\n  cpu) SIZE=Standard_D8s_v5 ;;\n  gpu) az aks nodepool add --cluster-name aks -n gpu4 --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule ;;\nesac\n',
          // PowerShell functions too (about_Scopes), whatever the case of the name, in a block or on one line.
          'func.ps1': "$gpuSize = 'Standard_D4s_v5'\nfunction New-Gpu {\n  az ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n}\n$GPUSIZE = 'Standard_NC24ads_A100_v4'\nNew-Gpu\n",
          'func-branch.ps1': "$gpuSize = 'Standard_D4s_v5'\nfunction New-Gpu { az ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws }\nif ($env:GPU) { $gpuSize = 'Standard_NC24ads_A100_v4' }\nNew-Gpu\n",
        },
      },
      {
        // A template runs only as its callers call it: the default a scanned caller overrides is not the size of any run.
        name: 'template-default-its-caller-overrides',
        files: {
          'azure-pipelines.yml': 'trigger: none\njobs:\n  - template: templates/ml.yml\n    parameters:\n      size: Standard_NC24ads_A100_v4\n',
          'templates/ml.yml':
            'parameters:\n  - name: size\n    type: string\n    default: Standard_D4s_v3\njobs:\n  - job: compute\n    steps:\n      - script: az ml compute create -n gpu-cluster --type AmlCompute --size ${{ parameters.size }} -w ws\n',
          '.github/workflows/ci.yml': 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/ml.yml\n    with:\n      size: Standard_NC24ads_A100_v4\n',
          '.github/workflows/ml.yml':
            'on:\n  workflow_call:\n    inputs:\n      size:\n        type: string\n        default: Standard_D4s_v3\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create -n gpu-cluster2 --type AmlCompute --size ${{ inputs.size }} -w ws\n',
        },
      },
      {
        // GitHub's input names ignore case: `with: { SIZE: … }` sets input `size` (review 58: the default was judged).
        name: 'caller-input-name-in-another-case',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/ml.yml\n    with:\n      SIZE: Standard_NC24ads_A100_v4\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/c\n        with:\n          Size: Standard_NC24ads_A100_v4\n',
          '.github/workflows/ml.yml':
            'on:\n  workflow_call:\n    inputs:\n      size:\n        type: string\n        default: Standard_D4s_v3\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create -n gpu-cluster2 --type AmlCompute --size ${{ inputs.size }} -w ws\n',
          '.github/actions/c/action.yml':
            "name: c\ninputs:\n  size:\n    default: Standard_D4s_v3\nruns:\n  using: composite\n  steps:\n    - run: az ml compute create -n gpu-cluster3 --type AmlCompute --size ${{ inputs.SIZE }} -w ws\n      shell: bash\n",
        },
      },
      {
        // A composite action alone: a \$VAR its callers' env: does not set is unknown (not reported).
        name: 'local-composite-action-env-variable-no-caller-sets',
        files: {
          '.github/workflows/deploy.yml': `on: push
jobs:
  pool:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/gpu-pool
`,
          '.github/actions/gpu-pool/action.yml': `name: gpu-pool
runs:
  using: composite
  steps:
    - shell: bash
      run: az aks nodepool add --cluster-name aks -n gpu --node-vm-size "$GPU_SIZE" --node-taints sku=gpu:NoSchedule --tags cost-center=ml
`,
        },
      },
      {
        // PowerShell member expressions are evaluated at run time: $base.Replace(…) may well be a GPU
        // size, and `-n $pool.ToLower()` is one argument (the flags after it are read).
        name: 'powershell-member-expressions',
        files: {
          'replace.ps1': "$base = 'Standard_D16s_v5'\n$gpuSize = $base.Replace('D16s_v5', 'NC4as_T4_v3')\naz aks nodepool add -g rg --cluster-name aks1 -n gpu --node-vm-size \"$gpuSize\" --node-taints sku=gpu:NoSchedule\n",
          'lower.ps1': "$pool = 'GPU'\naz aks nodepool add -g rg --cluster-name aks1 -n $pool.ToLower() --node-vm-size Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule\n",
        },
      },
      {
        // Expressions that are no value as written (review 87: each was read as one, a GPU001
        // error on a GPU size): a unary operator, a type, a member of a string, a pipeline, strings
        // joined by an operator without blanks, an array (self-review 88).
        name: 'powershell-assigned-expressions',
        files: {
          'exprs.ps1':
            '$A = -join ("Standard_NC4as", "_T4_v3")\n$B = [string]"Standard_NC4as_T4_v3"\n$C = [System.String]::Concat("Standard_NC4as", "_T4_v3")\n$D = "Standard_D4s_v5".Replace("D4s_v5", "NC4as_T4_v3")\n$E = "Standard_D4s_v5" | ForEach-Object { $_ -replace "D4s_v5", "NC4as_T4_v3" }\n$F = \'Standard_N\'+\'C4as_T4_v3\'\n$G = \'Standard_N\',\'C4as_T4_v3\'\naz aks nodepool add -g rg --cluster-name aks1 -n gpua --node-vm-size $A --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpub --node-vm-size $B --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpuc --node-vm-size $C --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpud --node-vm-size $D --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpue --node-vm-size $E --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpuf --node-vm-size $F --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks1 -n gpug --node-vm-size $G --node-taints sku=gpu:NoSchedule\n',
        },
      },
      {
        // A function's parameter defaults are its callers' to override (in a param() list over
        // several lines with attributes, on one line, or in the function's header); a bare word
        // after `=` runs a command (about_Parsing: expression mode), whose output is not known.
        // (The script's own param() defaults apply when it runs on its own: the invalid cases.)
        name: 'powershell-parameter-defaults-and-command-output',
        files: {
          'params.ps1':
            'function New-Gpu {\n  [CmdletBinding()]\n  param(\n    [Parameter(Mandatory = $true)]\n    [string]$Workspace,\n    [string]$gpuSize = "Standard_D4s_v5"\n  )\n  az ml compute create -n trainer --type AmlCompute --size "$gpuSize" -w $Workspace\n}\n',
          'oneline.ps1': 'function New-Gpu {\n  param([string]$gpuSize = "Standard_D4s_v5")\n  az ml compute create -n trainer --type AmlCompute --size "$gpuSize" -w ws\n}\n',
          'header.ps1': 'function New-Gpu ($gpuSize = "Standard_D4s_v5") {\n  az ml compute create -n trainer --type AmlCompute --size "$gpuSize" -w ws\n}\n',
          'prompt.ps1': '$gpuSize = Read-Host\naz ml compute create -n trainer --type AmlCompute --size "$gpuSize" -w ws\n',
          // The script's own default under a type that converts it (`[object]`): not followed.
          'converted.ps1': "param(\n  [object]$gpuSize = 'Standard_D4s_v5'\n)\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n",
          // A parameter without a default hides the script's variable of that name.
          'shadow.ps1':
            "$gpuSize = 'Standard_D4s_v5'\nfunction New-Gpu([string]$gpuSize) {\n  az ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n}\nNew-Gpu -gpuSize 'Standard_NC6s_v3'\n",
          // An assignment in a branch (a switch label's block, `} else {`) may or may not run.
          'switch.ps1':
            "$gpuSize = 'Standard_D4s_v5'\nswitch ($env:POOL) {\n  'gpu' {$gpuSize='Standard_NC24ads_A100_v4'}\n}\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n",
          'else.ps1':
            "$gpuSize = 'Standard_D4s_v5'\nif ($env:CPU) {\n  Write-Host 'cpu'\n} else {$gpuSize = 'Standard_NC24ads_A100_v4'}\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n",
        },
      },
      {
        // The unknown part before "gpu" may be "non-": the name does not surely say GPU.
        name: 'partly-known-name-gpu-after-an-unknown-part',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n "$PREFIX-gpu" --node-vm-size Standard_D16s_v5\n' },
      },
      {
        // A sourced file that is not in the scan may set anything: the size stays unknown.
        name: 'sourced-file-outside-the-scan',
        files: { 'deploy.sh': 'GPU_SIZE=Standard_D4s_v5\nsource /etc/profile.d/ml.sh\naz ml compute create -n trainer --type AmlCompute --size "$GPU_SIZE" -w ws\n' },
      },
      {
        // A leg's variable and a job variable of the same name: which one the script sees is not documented.
        name: 'pipeline-matrix-leg-shadows-job-variable',
        files: {
          'azure-pipelines.yml': `
jobs:
  - job: compute
    variables:
      vmSize: Standard_D4s_v5
    strategy:
      matrix:
        a100:
          vmSize: Standard_NC24ads_A100_v4
    steps:
      - script: az ml compute create -n gpu-cluster --type AmlCompute --size $(vmSize) --tags cost-center=ml
`,
        },
      },
      {
        // The job id says gpu, the compute (cluster_name trainer, no GPU label/tag/size variable) does not:
        // a step or job name is not the resource's name.
        name: 'job-named-gpu-calls-template-for-cpu-cluster',
        files: {
          '.github/workflows/train.yml': `name: train
on: workflow_dispatch
jobs:
  create-compute-gpu:
    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@main
    with:
      cluster_name: trainer
      size: Standard_D16s_v5
      min_instances: 0
      max_instances: 1
`,
        },
      },
      { name: 'gpu-size', files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule\n' } },
      { name: 'unknown-size', files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu --node-vm-size "$1"\n' } },
      {
        // `--flag="$X"` and `--flag=$X` write the flag; only the value after `=` is unknown (it was read as no size at all).
        name: 'unknown-size-inline-after-equals',
        files: { 'deploy.sh': 'SIZE=$(cat size.txt)\naz aks nodepool add --cluster-name aks -n gpupool --node-vm-size="$SIZE" --node-taints sku=gpu:NoSchedule\naz aks nodepool add --cluster-name aks -n gpu2 --node-vm-size=$SIZE\naz ml compute create -n gpu-cluster --type AmlCompute --size="$SIZE"\naz aks nodepool add --cluster-name aks -n gpu3 -s="$SIZE"\naz aks nodepool add --cluster-name aks -n gpu4 -s"$SIZE"\n' },
      },
      {
        name: 'branches-disagree',
        files: { 'deploy.sh': 'if [ "$X" = 1 ]; then\n  SIZE=Standard_D4s_v5\nelse\n  SIZE=Standard_NC6s_v3\nfi\naz ml compute create -n gpu-cluster --type AmlCompute --size $SIZE\n' },
      },
      { name: 'loop-variable', files: { 'deploy.sh': 'for SIZE in Standard_D4s_v5 Standard_NC6s_v3; do\n  az ml compute create -n gpu-$SIZE --type AmlCompute --size $SIZE\ndone\n' } },      {
        // The file alone is a GPU001 case; the only command that uses it sets a GPU size.
        name: 'file-set-gpu-size',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: Standard_D4s_v3\n',
          'deploy.sh': 'az ml compute create -f compute.yml --set size=Standard_NC6s_v3 -w ws\n',
        },
      },
      {
        // An unknown override: the size is not known, whatever the file says.
        name: 'file-set-unknown-size',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: Standard_D4s_v3\n',
          'deploy.sh': 'az ml compute create -f compute.yml --set "size=$1"\n',
        },
      },
      {
        // PowerShell's default idiom over a variable that holds an unknown value: unknown, as `${X:-lit}` then is.
        name: 'powershell-default-idiom-over-an-unknown-value',
        files: {
          'pool.ps1': "$env:GPU_SIZE = (Get-Content size.txt)\n$GpuSize = if ($env:GPU_SIZE) { $env:GPU_SIZE } else { 'Standard_D4s_v3' }\naz ml compute create -n gpu-cluster -g rg -w ws --type AmlCompute --size $GpuSize\n",
        },
      },
    ],
    invalid: [
      {
        // `$x = if ($env:X) { $env:X } else { 'lit' }` is bash's `${X:-lit}` (review 71: "assigned the
        // output of if"): the default when the script does not set the variable, located at its text.
        name: 'powershell-default-idiom-takes-the-default',
        files: {
          'pool.ps1': "$GpuSize = if ($env:GPU_SIZE) { $env:GPU_SIZE } else { \"⟦Standard_D4s_v3⟧\" }\naz ml compute create -n gpu-cluster -g rg -w ws --type AmlCompute --size \"$GpuSize\"\n",
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'its size "Standard_D4s_v3" has no GPU',
      },
      {
        // The variable set by the script earlier is the idiom's value.
        name: 'powershell-default-idiom-takes-the-variable-set-earlier',
        files: {
          'pool.ps1': "$env:GPU_SIZE = '⟦Standard_D8s_v5⟧'\n$GpuSize = if ($env:GPU_SIZE) { $env:GPU_SIZE } else { 'Standard_NC4as_T4_v3' }\naz ml compute create -n gpu-cluster -g rg -w ws --type AmlCompute --size $GpuSize\n",
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'its size "Standard_D8s_v5" has no GPU',
      },
      {
        // The script's own param() default applies when it runs on its own (as `${1:-x}` in a shell
        // script): an attribute spanning lines (review 64: it was unknown).
        name: 'script-parameter-default-attribute-over-lines',
        files: { 'attribute.ps1': "param(\n  [Parameter(Mandatory = $false,\n    HelpMessage = 'size')]\n  [string]$gpuSize = '⟦Standard_D4s_v5⟧'\n)\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'script-parameter-default-param-on-its-own-line',
        files: { 'allman.ps1': "param\n(\n  [string]$gpuSize = '⟦Standard_D4s_v5⟧'\n)\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'script-parameter-default-leading-comma-style',
        files: { 'leading-comma.ps1': "param(\n  [string]$Rg = 'rg'\n  , [string]$gpuSize = '⟦Standard_D4s_v5⟧'\n)\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws -g $Rg\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Called with only named arguments, none for it: its default applies (the script's own run too).
        name: 'script-parameter-default-a-caller-does-not-pass',
        files: {
          'pool.ps1': "param(\n  [string]$Rg,\n  [string]$gpuSize = '⟦Standard_D4s_v5⟧'\n)\naz ml compute create -n trainer --type AmlCompute --size \"$gpuSize\" -w ws -g $Rg\n",
          'azure-pipelines.yml': 'steps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: c\n      scriptType: pscore\n      scriptLocation: scriptPath\n      scriptPath: pool.ps1\n      arguments: -Rg rg-ml\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // PowerShell's `$PSScriptRoot` in a .ps1 file is its folder: a file it dot-sources from there is read (review 64).
        name: 'size-from-a-file-dot-sourced-beside-the-script',
        files: {
          'scripts/config.ps1': "$GpuSize = '⟦Standard_D16s_v5⟧'\n",
          'scripts/pools.ps1': '. "$PSScriptRoot\\config.ps1"\naz aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$GpuSize" --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A composite action's script run from its own folder ($GITHUB_ACTION_PATH, \${{ github.action_path }}) runs with the caller's values (review 60).
        name: 'composite-action-script-from-the-action-path-env',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/c\n        with:\n          size: ⟦Standard_E8s_v5⟧\n',
          '.github/actions/c/action.yml':
            "name: c\ninputs:\n  size:\n    default: Standard_NC24ads_A100_v4\nruns:\n  using: composite\n  steps:\n    - run: $GITHUB_ACTION_PATH/create.sh\n      shell: bash\n      env:\n        SIZE: ${{ inputs.size }}\n",
          '.github/actions/c/create.sh': '#!/bin/bash\naz ml compute create -n gpu-train --type amlcompute --size "$SIZE" -g rg -w ws\n',
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // A composite action's script run from its own folder ($GITHUB_ACTION_PATH, \${{ github.action_path }}) runs with the caller's values (review 60).
        name: 'composite-action-script-from-the-action-path-expression',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/c\n        with:\n          size: ⟦Standard_E8s_v5⟧\n',
          '.github/actions/c/action.yml':
            "name: c\ninputs:\n  size:\n    default: Standard_NC24ads_A100_v4\nruns:\n  using: composite\n  steps:\n    - run: ${{ github.action_path }}/create.sh\n      shell: bash\n      env:\n        SIZE: ${{ inputs.size }}\n",
          '.github/actions/c/create.sh': '#!/bin/bash\naz ml compute create -n gpu-train2 --type amlcompute --size "$SIZE" -g rg -w ws\n',
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // A branch that ends the script (`else echo usage; exit 1`) reaches no later command: the
        // size is the other path's (review 47).
        name: 'branch-that-exits-is-no-path',
        files: {
          'deploy.sh':
            'SIZE=Standard_NC4as_T4_v3\nif [ -n "$1" ]; then\n  SIZE=⟦Standard_D4s_v3⟧\nelse\n  echo usage; exit 1\nfi\naz ml compute create -n gpu-a --type AmlCompute --size "$SIZE" -w ws -g rg\n',
          'deploy2.sh':
            'SIZE2=⟦Standard_D8s_v3⟧\nif [ -z "$1" ]; then\n  SIZE2=Standard_NC4as_T4_v3\n  echo usage; exit 1\nfi\naz ml compute create -n gpu-b --type AmlCompute --size "$SIZE2" -w ws -g rg\n',
          // The same for a case arm that exits (`*) echo usage; exit 2 ;;`: audit 54).
          'deploy3.sh':
            'case "$1" in\n  a) SIZE=⟦Standard_D4s_v3⟧ ;;\n  b) SIZE=Standard_NC4as_T4_v3; exit 1 ;;\n  *) echo usage; exit 2 ;;\nesac\naz ml compute create -n gpu-c --type AmlCompute --size "$SIZE" -w ws -g rg\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A shell function's body runs where it is called, with the call's words as `$1`…: the size is
        // written at the call (bash manual, "Shell Functions"); also through a function that calls it,
        // with the call's own `SIZE=…` word, and after an earlier case arm that set the size otherwise.
        name: 'size-passed-to-a-shell-function',
        files: {
          'pool.sh': 'add_pool() {\n  local name=$1\n  local size=$2\n  az aks nodepool add -g rg --cluster-name c --name "$name" --node-vm-size "$size" --node-taints sku=gpu:NoSchedule\n}\nadd_pool gpupool ⟦Standard_D16s_v5⟧\n',
          'nested.sh': 'mk() { az ml compute create -n "$1" --type AmlCompute --size "$2" -w ws -g rg; }\nmain() {\n  mk gpu-train ⟦Standard_D4s_v3⟧\n}\nmain "$@"\n',
          'prefix.sh': 'mk() { az ml compute create -n gpu-b --type AmlCompute --size "$SIZE" -w ws -g rg; }\nSIZE=⟦Standard_D8s_v3⟧ mk\n',
          'case.sh': 'SIZE=⟦Standard_D2s_v3⟧\ncase "$1" in\n  big) SIZE=Standard_NC24ads_A100_v4 ;;\n  small) az ml compute create -n gpu-c --type AmlCompute --size "$SIZE" -w ws -g rg ;;\nesac\n',
          // What a called function sets holds after the call (review 136).
          'set-by-a-call.sh': 'SIZE=Standard_NC24ads_A100_v4\nuse_cpu() { SIZE=⟦Standard_D4s_v5⟧; }\nuse_cpu\naz ml compute create -n gpu-d --type AmlCompute --size "$SIZE" -w ws -g rg\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // `--set size=$GPU_SKU` names the variable as `--size "$GPU_SKU"` does: the intent holds for the flags' object and for a --file.
        name: 'set-size-from-a-gpu-variable',
        files: {
          'deploy.sh': 'GPU_SKU="⟦Standard_D4s_v3⟧"\naz ml compute create -n train --type amlcompute -g rg -w ws --set size=$GPU_SKU\n',
          'file/deploy.sh': 'GPU_SKU="⟦Standard_D4s_v3⟧"\naz ml compute create --file compute.yml -g rg -w ws --set "size=$GPU_SKU"\n',
          'file/compute.yml': 'type: amlcompute\nname: train2\nsize: Standard_D2s_v3\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its size comes from "GPU_SKU"',
      },
      {
        // argparse reads a short flag's value in its word too: `-s=X` and `-sX` are `-s X` (review 131:
        // read as no size, a false "is not set").
        name: 'short-flag-with-its-value-in-the-word',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpupool -s=⟦Standard_D4s_v3⟧ --node-taints sku=gpu:NoSchedule\naz aks nodepool add --cluster-name aks -n gpu2 -s⟦Standard_D8s_v5⟧ --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The name is only partly known, but the known text says GPU whatever the unknown part holds.
        name: 'partly-known-name-says-gpu',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n "gpu$1" --node-vm-size ⟦Standard_D16s_v5⟧ --node-taints team=ml:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its name "gpu…" says GPU',
      },
      {
        // A job's env: reused by alias (GitHub Actions reads anchors since September 2025) holds the size.
        name: 'github-env-by-alias',
        files: {
          '.github/workflows/pools.yml': `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    env: &e
      SIZE: ⟦Standard_D8s_v5⟧
    steps:
      - run: echo a
  b:
    runs-on: ubuntu-latest
    env: *e
    steps:
      - run: az aks nodepool add -g rg --cluster-name aks -n gpu -s "$SIZE" --node-taints sku=gpu:NoSchedule
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'partly-known-name-says-gpu-github-matrix',
        files: {
          '.github/workflows/train.yml': `on: push
jobs:
  train:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        sku: [⟦Standard_E16s_v5⟧]
    steps:
      - run: az ml compute create --name "gpu-\${{ strategy.job-index }}" --type AmlCompute --size \${{ matrix.sku }} -g rg -w mlw
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'literal-cpu-size-on-gpu-pool',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu --node-vm-size ⟦Standard_D16s_v5⟧ --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'default-expansion-of-gpu-variable',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n workers --node-vm-size ${GPU_NODE_SIZE:-⟦Standard_D16s_v5⟧}\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'GPU_NODE_SIZE',
      },
      {
        name: 'branches-agree',
        files: { 'deploy.sh': 'case "$ENV" in\n  dev) SIZE=⟦Standard_D4s_v5⟧ ;;\n  *) SIZE=Standard_D4s_v5 ;;\nesac\naz ml compute create -n gpu-cluster --type AmlCompute --size $SIZE\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // `size: $GPU_SKU` in an unquoted heredoc is the literal the script assigned (FORMATS.md 1(e) trap 8).
        name: 'heredoc-unquoted-variable',
        files: { 'deploy.sh': 'GPU_SKU="⟦Standard_D4s_v5⟧"\ncat > compute.yml <<EOF\ntype: amlcompute\nname: trainer\nsize: "${GPU_SKU}"\nEOF\naz ml compute create -f compute.yml -w ws\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // What an eval or a sourced file inside a subshell may set ends with it: the size assigned before is still known.
        name: 'eval-inside-a-subshell-leaves-the-size-known',
        files: {
          'deploy.sh': 'GPU_SIZE=⟦Standard_D4s_v5⟧\n( eval "$EXTRA"; source "$ENV_FILE" )\naz ml compute create -n trainer --type AmlCompute --size "$GPU_SIZE" -w ws\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // `inputs.gpu && 'A' || 'B'`: the size is chosen by the caller's `gpu: false`, so the finding
        // points there, the chosen literal related (RULES.md "Values chosen by a condition"; review 52).
        name: 'size-chosen-by-an-expression-over-a-callers-input',
        files: {
          '.github/workflows/main.yml': 'on: push\njobs:\n  c1:\n    uses: ./.github/workflows/reuse.yml\n    with:\n      gpu: ⟦false⟧\n',
          '.github/workflows/reuse.yml':
            "on:\n  workflow_call:\n    inputs:\n      gpu:\n        type: boolean\n        default: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size \"${{ inputs.gpu && 'Standard_NC24ads_A100_v4' || 'Standard_D8s_v5' }}\" --node-taints sku=gpu:NoSchedule\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: '.github/workflows/reuse.yml', line: 11, label: 'value chosen by the condition' }],
      },
      {
        // A subshell over lines opened as `( cmd` or closed as `cmd )` / `esac)`: what it assigns stays
        // there, so the size assigned before it is the pool's (review 52: the subshell's size was judged).
        name: 'subshell-over-lines-opened-or-closed-beside-a-command',
        files: {
          'a.sh': 'SIZE=⟦Standard_D4s_v5⟧\n( echo a\n  SIZE=Standard_NC6s_v3\n)\naz aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size "$SIZE"\n',
          'b.sh': 'SIZE=⟦Standard_D8s_v5⟧\n(\n  SIZE=Standard_NC6s_v3\n  echo done )\naz aks nodepool add -g rg --cluster-name c -n gpupoolb --node-vm-size "$SIZE"\n',
          'c.sh': 'SIZE=⟦Standard_D2s_v5⟧\n( cd x\n  case "$1" in\n    gpu) SIZE=Standard_NC6s_v3 ;;\n  esac)\naz aks nodepool add -g rg --cluster-name c -n gpupoolc --node-vm-size "$SIZE"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A caller's `with:` value that is an expression choosing a literal by the caller's own input:
        // the finding is the caller's, at that input (review 54: it landed in the called workflow).
        name: 'callers-expression-valued-argument',
        files: {
          '.github/workflows/caller.yml':
            "on:\n  workflow_dispatch:\n    inputs:\n      flag:\n        type: boolean\n        default: ⟦true⟧\njobs:\n  a:\n    uses: ./.github/workflows/pool.yml\n    with:\n      gsize: ${{ inputs.flag && 'Standard_E32s_v5' || 'Standard_NC24ads_A100_v4' }}\n",
          '.github/workflows/pool.yml':
            'on:\n  workflow_call:\n    inputs:\n      gsize:\n        type: string\n        default: Standard_NC24ads_A100_v4\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size ${{ inputs.gsize }} --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: '.github/workflows/caller.yml', line: 11, label: 'value chosen by the condition' }],
      },
      {
        // An input an expression passes through (`inputs.big && inputs.gsize || …`) is where the size is
        // written: the finding points at its default, not at the input that chose it (review 53).
        name: 'input-passed-through-an-expression-keeps-its-place',
        files: {
          '.github/workflows/w.yml':
            "on:\n  workflow_dispatch:\n    inputs:\n      big:\n        type: boolean\n        default: true\n      gsize:\n        type: string\n        default: ⟦Standard_D8s_v5⟧\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az aks nodepool add -n gpu1 --cluster-name c -g rg --node-vm-size ${{ inputs.big && inputs.gsize || 'Standard_NC24ads_A100_v4' }} --node-taints sku=gpu:NoSchedule\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A literal in a nested default is located where it is written (review 56: at 1:1).
        name: 'nested-default-located-where-written',
        files: {
          'a.sh': 'S=${S:-${B:-⟦Standard_D2s_v3⟧}}\naz aks nodepool add -n gpupool --node-vm-size "$S"\naz aks nodepool add -n gpupool3 --node-vm-size "${Q:-${R:-⟦Standard_D8s_v3⟧}}"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A size copied from a variable whose name says GPU keeps that name in its chain (review 51).
        name: 'size-copied-from-a-gpu-named-variable',
        files: {
          'deploy.sh': 'GPU_SKU=⟦Standard_E4s_v5⟧\nSIZE=$GPU_SKU\naz aks nodepool add -g rg --cluster-name aks -n trainer --node-vm-size "$SIZE"\n',
          'azure-pipelines.yml':
            'variables:\n  gpuSize: ⟦Standard_D4s_v5⟧\nsteps:\n  - bash: |\n      SIZE="$(gpuSize)"\n      az aks nodepool add -g rg --cluster-name aks -n trainer4 --node-vm-size "$SIZE"\n',
          // A caller's parameter that is a macro: the variable's name joins the chain.
          'tpl/azure-pipelines.yml': 'variables:\n  gpuSize: ⟦Standard_D2s_v5⟧\nsteps:\n  - template: t.yml\n    parameters:\n      size: $(gpuSize)\n',
          'tpl/t.yml': 'parameters:\n  - name: size\n    type: string\nsteps:\n  - bash: az aks nodepool add -g rg --cluster-name aks -n trainer3 --node-vm-size "${{ parameters.size }}"\n',
          // PowerShell, and an Azure Pipelines variable whose value is another's macro (review 52).
          'p.ps1': "$gpuSku = '⟦Standard_D2as_v5⟧'\n$size = $gpuSku\naz aks nodepool add -g rg --cluster-name aks -n pool1 --node-vm-size $size\n",
          'vars/azure-pipelines.yml': 'variables:\n  gpuSku: ⟦Standard_E2s_v5⟧\n  poolSize: $(gpuSku)\nsteps:\n  - bash: az aks nodepool add -g rg --cluster-name c -n pool2 --node-vm-size "$(poolSize)"\n',
          // A template's own default that is a macro: the variable's name as well.
          'ml/azure-pipelines.yml': 'variables:\n  gpu_vm: ⟦Standard_D8s_v5⟧\nsteps:\n  - template: t2.yml\n',
          'ml/t2.yml': 'parameters:\n  - name: vm\n    default: $(gpu_vm)\nsteps:\n  - bash: az aks nodepool add -g rg --cluster-name aks -n trainer5 --node-vm-size "${{ parameters.vm }}"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The flag is related with the variable as written: an Azure Pipelines macro `$(gpuSize)`,
        // not `$gpuSize`, a shell variable of its own (review 80).
        name: 'macro-on-the-flag-related-as-written',
        files: {
          'azure-pipelines.yml':
            'variables:\n  gpuSize: ⟦Standard_E8s_v5⟧\nsteps:\n  - pwsh: |\n      az aks nodepool add -g rg --cluster-name aks -n gpuado `\n        --node-vm-size $(gpuSize) --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'azure-pipelines.yml', line: 6, label: '$(gpuSize)' }],
      },
      {
        // `source ./vars.sh` runs a scanned script in this shell: its literal assignment is the size.
        name: 'sourced-variables-file',
        files: {
          'vars.sh': 'GPU_SIZE=⟦Standard_D4s_v5⟧\n',
          'deploy.sh': 'source ./vars.sh\naz ml compute create -n trainer --type AmlCompute --size "$GPU_SIZE" -w ws\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A template's steps run the scripts they name with each caller's values (the step's env:, a task's arguments).
        name: 'script-a-template-step-runs-gets-the-callers-value',
        files: {
          'azure-pipelines.yml': 'trigger: none\njobs:\n  - template: templates/ml.yml\n    parameters:\n      size: ⟦Standard_D4s_v3⟧\n      size2: ⟦Standard_D8s_v3⟧\n',
          'templates/ml.yml':
            'parameters:\n  - name: size\n    default: Standard_NC24ads_A100_v4\n  - name: size2\n    default: Standard_NC24ads_A100_v4\njobs:\n  - job: compute\n    steps:\n      - script: ./deploy.sh\n        env:\n          SIZE: ${{ parameters.size }}\n      - task: AzureCLI@2\n        inputs:\n          azureSubscription: x\n          scriptType: bash\n          scriptLocation: scriptPath\n          scriptPath: deploy2.sh\n          arguments: ${{ parameters.size2 }}\n',
          'deploy.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size "$SIZE" -w ws\n',
          'deploy2.sh': 'az ml compute create -n gpu-cluster2 --type AmlCompute --size "$1" -w ws\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // On a Windows runner the same name in another case is the same variable.
        name: 'powershell-environment-variable-in-another-case-on-windows',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    env:\n      GPU_SIZE: ⟦Standard_D4s_v5⟧\n    steps:\n      - shell: pwsh\n        run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size $env:gpu_size --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A PowerShell step's environment reaches the scripts it runs (a .ps1's $env:X, a shell script's $X).
        name: 'powershell-step-environment-reaches-called-scripts',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      SIZE: ⟦Standard_D4s_v5⟧\n      SIZE2: ⟦Standard_D8s_v5⟧\n    steps:\n      - shell: pwsh\n        run: |\n          ./p.ps1\n          bash ./x.sh\n',
          'p.ps1': 'az aks nodepool add --cluster-name aks -g rg -n gpu --node-vm-size $env:SIZE --node-taints sku=gpu:NoSchedule\n',
          'x.sh': 'az aks nodepool add --cluster-name aks -g rg -n gpu2 --node-vm-size "$SIZE2" --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A PowerShell function's own assignment holds in its body, whatever spelling the script uses later.
        name: 'powershell-function-assigns-its-own-size',
        files: {
          'f.ps1': "function New-Gpu {\n  $gpuSize = '⟦Standard_D4s_v5⟧'\n  az ml compute create -n gpu --type AmlCompute --size $gpuSize\n}\n$GPUSIZE = 'Standard_NC24ads_A100_v4'\nNew-Gpu\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A function's body assigns and reads the size: the value holds inside the function.
        name: 'powershell-assignment-in-a-function-body',
        files: {
          'deploy.ps1':
            'function New-Gpu {\n  param([string]$Workspace = "ws")\n  $gpuSize = "⟦Standard_D4s_v5⟧"\n  az ml compute create -n trainer --type AmlCompute --size $gpuSize -w $Workspace\n}\nNew-Gpu\n',
          // A parameter list that ends with a parameter without a default: the script's own assignment follows.
          'script.ps1': "param(\n  [string]$Rg\n)\n$gpuSize2 = '⟦Standard_D4s_v5⟧'\naz ml compute create -n trainer2 --type AmlCompute --size \"$gpuSize2\" -w ws -g $Rg\n",
          // The script's value, not set again after the function: the function reads that one when called.
          'script-value.ps1': "$gpuSize3 = '⟦Standard_D4s_v5⟧'\nfunction New-Gpu {\n  az ml compute create -n trainer3 --type AmlCompute --size \"$gpuSize3\" -w ws\n}\n$other = 'x'\nNew-Gpu\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // PowerShell dot-sourcing of a scanned script: the same.
        name: 'dot-sourced-powershell-variables',
        files: {
          'vars.ps1': '$gpuSize = "⟦Standard_D4s_v5⟧"\n',
          'deploy.ps1': '. ./vars.ps1\naz ml compute create -n trainer --type AmlCompute --size $gpuSize -w ws\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'heredoc-compute-yml',
        files: {
          'deploy.sh': "cat > compute.yml <<'EOF'\ntype: amlcompute\nname: gpu-cluster\nsize: ⟦Standard_D4s_v3⟧\nEOF\naz ml compute create -f compute.yml -w ws\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'file-set-from-variable',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: Standard_NC6s_v3\n',
          'deploy.sh': 'SIZE=⟦Standard_D4s_v3⟧\naz ml compute create -f compute.yml --set size=$SIZE\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'file-set-overrides-gpu-size',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: Standard_NC6s_v3\n',
          'deploy.sh': 'az ml compute create --file ./compute.yml --set size=⟦Standard_D4s_v3⟧ -w ws\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'compute.yml', line: 3, label: /replaced by --set/ }],
      },
      {
        // `--workspace` is a prefix of --workspace-name only, which sets no key of the file: the file's size is decided.
        name: 'file-with-abbreviated-workspace-flag',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: ⟦Standard_D4s_v3⟧\n',
          'deploy.sh': 'az ml compute create --file compute.yml --workspace mlw -g rg\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'nodepool-add-without-size',
        files: { 'deploy.sh': '⟦az⟧ aks nodepool add --cluster-name aks --name gpu --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'defaultNotGpuSize',
      },
      {
        name: 'workflow-matrix-of-sizes',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC6s_v3, ⟦Standard_D4s_v3⟧]
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ matrix.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // GitHub: an include entry that would overwrite an original value becomes a combination of its own.
        name: 'workflow-matrix-include-adds-a-combination',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC24ads_A100_v4]
        include:
          - size: ⟦Standard_D8s_v5⟧
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ matrix.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A matrix of only include entries: each entry is a combination.
        name: 'workflow-matrix-include-only',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - pool: a100
            size: Standard_NC24ads_A100_v4
          - pool: t4
            size: ⟦Standard_D4s_v5⟧
    steps:
      - run: az aks nodepool add --cluster-name aks -n gpu\${{ matrix.pool }} --node-vm-size \${{ matrix.size }} --node-taints sku=gpu:NoSchedule --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // An include entry's key of no axis whose value is a mapping: \${{ matrix.pool.size }} reads its member,
        // in a combination of its own and added to the ones it fits (review 51).
        name: 'workflow-matrix-include-with-a-mapping',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  pools:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - pool: { name: gpuc, size: ⟦Standard_D4s_v5⟧ }
    steps:
      - run: az aks nodepool add --cluster-name aks -n "\${{ matrix.pool.name }}" --node-vm-size "\${{ matrix.pool.size }}" --node-taints sku=gpu:NoSchedule --tags cost-center=ml
  fitted:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        gpu: [a100]
        include:
          - gpu: a100
            cfg: { size: ⟦Standard_D8s_v5⟧ }
    steps:
      - run: az ml compute create -n gpu-trainer --type AmlCompute --size "\${{ matrix.cfg.size }}" --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // An include entry that matches an original combination adds its keys to it.
        name: 'workflow-matrix-include-adds-a-key',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        gpu: [a100, t4]
        include:
          - gpu: a100
            size: Standard_NC24ads_A100_v4
          - gpu: t4
            size: ⟦Standard_D4s_v5⟧
    steps:
      - run: az ml compute create -n trainer --type AmlCompute --size \${{ matrix.size }} --tags gpu=\${{ matrix.gpu }} cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Azure Pipelines: each matrix leg runs the job with its variables.
        name: 'pipeline-matrix-leg-variable',
        files: {
          'azure-pipelines.yml': `
jobs:
  - job: compute
    strategy:
      matrix:
        a100:
          vmSize: Standard_NC24ads_A100_v4
        cpu:
          vmSize: ⟦Standard_D4s_v5⟧
    steps:
      - script: az ml compute create -n gpu-cluster --type AmlCompute --size $(vmSize) --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A scanned caller of a local reusable workflow passes the size: the finding is at its `with:` value.
        name: 'local-reusable-workflow-caller-with',
        files: {
          '.github/workflows/deploy.yml': `on: push
jobs:
  compute:
    uses: ./.github/workflows/compute.yml
    with:
      size: ⟦Standard_D8s_v5⟧
`,
          '.github/workflows/compute.yml': `on:
  workflow_call:
    inputs:
      size:
        type: string
        default: Standard_NC24ads_A100_v4
jobs:
  c:
    runs-on: ubuntu-latest
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ inputs.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The same for a local composite action's step input.
        name: 'local-composite-action-caller-with',
        files: {
          '.github/workflows/deploy.yml': `on: push
jobs:
  pool:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/gpu-pool
        with:
          size: ⟦Standard_D8s_v5⟧
`,
          '.github/actions/gpu-pool/action.yml': `name: gpu-pool
inputs:
  size:
    default: Standard_NC24ads_A100_v4
runs:
  using: composite
  steps:
    - shell: bash
      run: az aks nodepool add --cluster-name aks -n gpu --node-vm-size \${{ inputs.size }} --node-taints sku=gpu:NoSchedule --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A composite action's steps run in the calling step's environment: the job's `env:`
        // (and the workflow's, and the step's) are the action's `$VAR`s.
        name: 'local-composite-action-caller-job-env',
        files: {
          '.github/workflows/deploy.yml': `on: push
jobs:
  pool:
    runs-on: ubuntu-latest
    env:
      GPU_SIZE: ⟦Standard_D8s_v5⟧
    steps:
      - uses: ./.github/actions/gpu-pool
`,
          '.github/actions/gpu-pool/action.yml': `name: gpu-pool
runs:
  using: composite
  steps:
    - shell: bash
      run: az aks nodepool add --cluster-name aks -n gpu --node-vm-size "$GPU_SIZE" --node-taints sku=gpu:NoSchedule --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The calling step's own `env:` over the job's.
        name: 'local-composite-action-calling-step-env',
        files: {
          '.github/workflows/deploy.yml': `on: push
env:
  GPU_SIZE: Standard_NC24ads_A100_v4
jobs:
  pool:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/gpu-pool
        env:
          GPU_SIZE: ⟦Standard_D8s_v5⟧
`,
          '.github/actions/gpu-pool/action.yml': `name: gpu-pool
runs:
  using: composite
  steps:
    - shell: bash
      run: az aks nodepool add --cluster-name aks -n gpu --node-vm-size "\${{ env.GPU_SIZE }}" --node-taints sku=gpu:NoSchedule --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Azure Pipelines: a job template called with parameters (path relative to the including file).
        name: 'pipeline-job-template-caller-parameters',
        files: {
          'pipelines/azure-pipelines.yml': `jobs:
  - template: ../templates/compute-job.yml
    parameters:
      size: ⟦Standard_D8s_v5⟧
`,
          'templates/compute-job.yml': `parameters:
  - name: size
    type: string
    default: Standard_NC24ads_A100_v4
jobs:
  - job: compute
    steps:
      - script: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ parameters.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The caller's matrix: one variant per combination, the finding at the matrix value.
        name: 'local-reusable-workflow-caller-matrix',
        files: {
          '.github/workflows/deploy.yml': `on: push
jobs:
  compute:
    strategy:
      matrix:
        size: [Standard_NC24ads_A100_v4, ⟦Standard_D2s_v3⟧]
    uses: ./.github/workflows/compute.yml
    with:
      size: \${{ matrix.size }}
`,
          '.github/workflows/compute.yml': `on:
  workflow_call:
    inputs:
      size:
        type: string
        default: Standard_NC24ads_A100_v4
jobs:
  c:
    runs-on: ubuntu-latest
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ inputs.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // `extends:` runs the template as the whole pipeline, with the extending file's parameters.
        name: 'pipeline-extends-template-parameters',
        files: {
          'azure-pipelines.yml': `extends:
  template: templates/base.yml
  parameters:
    size: ⟦Standard_D8s_v5⟧
`,
          'templates/base.yml': `parameters:
  - name: size
    type: string
    default: Standard_NC24ads_A100_v4
steps:
  - script: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ parameters.size }} --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'workflow-input-default',
        files: {
          '.github/workflows/train.yml': `
on:
  workflow_call:
    inputs:
      gpu_size:
        type: string
        default: ⟦Standard_D4s_v3⟧
jobs:
  compute:
    runs-on: ubuntu-latest
    env:
      SIZE: \${{ inputs.gpu_size }}
    steps:
      - run: az ml compute create -n cluster1 --type AmlCompute --size "$SIZE"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A size read through ${{ env.X }}, ${{ variables.x }} or ${{ matrix.x }} keeps the
        // variable's name, as "$X" and $(x) do (review 44); reported where the size is written.
        name: 'expression-reads-a-variable-named-for-gpu',
        files: {
          '.github/workflows/env.yml': 'on: push\nenv:\n  GPU_SKU: ⟦Standard_D4s_v5⟧\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create -n c1 --type AmlCompute --size "${{ env.GPU_SKU }}"\n',
          '.github/workflows/matrix.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        gpu_size: [⟦Standard_D4s_v5⟧]\n        gpu_pool: [{ size: ⟦Standard_D8s_v5⟧ }]\n    steps:\n      - run: |\n          az ml compute create -n c2 --type AmlCompute --size "${{ matrix.gpu_size }}"\n          az ml compute create -n c3 --type AmlCompute --size "${{ matrix.gpu_pool.size }}"\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  gpuVmSize: ⟦Standard_D4s_v5⟧\nsteps:\n  - script: az ml compute create -n c4 --type AmlCompute --size "${{ variables.gpuVmSize }}"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
};

// A `.bicepparam` whose `using` names an ARM JSON template: the size it passes is reported
// where it writes it (the parameter's name says GPU); the template is not also linted alone.
const GPU_POOL_TEMPLATE = (sizeDefault: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuPoolSize": { "type": "string", "defaultValue": ${sizeDefault} }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu",
      "properties": {
        "mode": "User",
        "vmSize": "[parameters('gpuPoolSize')]",
        "count": 0,
        "nodeTaints": ["sku=gpu:NoSchedule"],
        "tags": { "cost-center": "ml" }
      }
    }
  ]
}
`;

const bicepparamJsonTemplate: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'bicepparam-json-template-gpu-size',
        files: {
          'main.json': GPU_POOL_TEMPLATE('"Standard_D4s_v5"'),
          'prod.bicepparam': "using './main.json'\n\nparam gpuPoolSize = 'Standard_NC24ads_A100_v4'\n",
        },
      },
    ],
    invalid: [
      {
        name: 'bicepparam-json-template-cpu-size',
        files: {
          'main.json': GPU_POOL_TEMPLATE('"Standard_NC24ads_A100_v4"'),
          'prod.bicepparam': "using './main.json'\n\nparam gpuPoolSize = ⟦'Standard_D16s_v5'⟧\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'notGpuSize',
      },
      {
        // A function the file defines hides the built-in of its name (`nameOf` over `nameof`, called
        // `sys.nameof` then): the name it builds is known, and says GPU.
        name: 'user-function-named-as-a-built-in',
        files: {
          'main.bicep':
            "func nameOf(s string) string => '${s}-01'\n\nresource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: nameOf('mlw')\n  location: 'westeurope'\n}\n\nresource c 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {\n  parent: ws\n  name: nameOf('gpu-train')\n  location: 'westeurope'\n  properties: {\n    computeType: 'AmlCompute'\n    description: sys.nameof(ws)\n    properties: {\n      vmSize: ⟦'Standard_D16s_v5'⟧\n    }\n  }\n}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        message: /AML compute "mlw-01\/gpu-train-01"/,
      },
    ],
  },
};

// A variable an earlier step of the job sets at run time ($GITHUB_ENV, ##vso[task.setvariable]) is
// unknown in later steps, whatever env:/variables: says: never judged from the stale literal.
const runtimeVariables: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // Steps a caller passes to a template (a stepList parameter the template inserts) that set a
        // variable at run time: unknown in the template (self-review 68: the caller's literal was reported).
        name: 'set-variable-in-a-step-list-the-caller-passes',
        files: {
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  gpuSize: Standard_D4s_v5\njobs:\n  - template: t/job.yml\n    parameters:\n      pre:\n        - bash: echo "##vso[task.setvariable variable=gpuSize]Standard_NC24ads_A100_v4"\n',
          't/job.yml': 'parameters:\n  - name: pre\n    type: stepList\n    default: []\njobs:\n  - job: j\n    steps:\n      - ${{ parameters.pre }}\n      - script: az aks nodepool add --name gpupool --cluster-name c -g rg --node-vm-size "$(gpuSize)" --node-taints sku=gpu:NoSchedule\n',
        },
      },
      {
        // A step template's ##vso[task.setvariable] sets the variable for the caller's later steps
        // as one written inline does (review 67: the caller's literal was reported), also through a
        // template that inserts another.
        name: 'set-variable-in-a-step-template',
        files: {
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  gpuSize: Standard_D4s_v5\n  poolSize: Standard_D4s_v5\nsteps:\n  - template: t/set.yml\n  - template: t/outer.yml\n  - script: az aks nodepool add --name gpupool --cluster-name c -g rg --node-vm-size "$(gpuSize)" --node-taints sku=gpu:NoSchedule\n  - script: az aks nodepool add --name gpupool2 --cluster-name c -g rg --node-vm-size "$(poolSize)" --node-taints sku=gpu:NoSchedule\n',
          't/set.yml': 'steps:\n  - bash: echo "##vso[task.setvariable variable=gpuSize]Standard_NC24ads_A100_v4"\n',
          't/outer.yml': 'steps:\n  - template: inner.yml\n',
          't/inner.yml': 'steps:\n  - pwsh: Write-Output "##vso[task.setvariable variable=poolSize]Standard_NC24ads_A100_v4"\n',
        },
      },
      {
        name: 'github-env-overrides-workflow-env',
        files: {
          '.github/workflows/pool.yml': `name: pool
on: push
env:
  POOL_SIZE: Standard_D8s_v5
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "POOL_SIZE=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"
      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE" --node-taints sku=gpu:NoSchedule
      - run: az aks nodepool add -g rg --cluster-name aks -n gpuctx --node-vm-size \${{ env.POOL_SIZE }} --node-taints sku=gpu:NoSchedule
`,
          // Every output redirection writes the file: &>> (stdout and stderr), >| (under noclobber).
          '.github/workflows/pool2.yml': `name: pool2
on: push
env:
  SIZE_A: Standard_D8s_v5
  SIZE_B: Standard_D8s_v5
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "SIZE_A=Standard_NC4as_T4_v3" &>> "$GITHUB_ENV"
      - run: echo "SIZE_B=Standard_NC4as_T4_v3" >| $GITHUB_ENV
      - run: az aks nodepool add -g rg --cluster-name aks -n gpua --node-vm-size "$SIZE_A" --node-taints sku=gpu:NoSchedule
      - run: az aks nodepool add -g rg --cluster-name aks -n gpub --node-vm-size "$SIZE_B" --node-taints sku=gpu:NoSchedule
`,
        },
      },
      {
        // A scanned script a step runs, or a local composite action, that writes $GITHUB_ENV /
        // ##vso[task.setvariable] sets the variable for the later steps as an inline write does
        // (review 87: the workflow's env: and the pipeline's variables: literal were reported).
        name: 'runtime-writes-in-scanned-scripts-and-composite-actions',
        files: {
          '.github/workflows/script.yml':
            'name: s\non: push\nenv:\n  POOL_SIZE: Standard_D8s_v5\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash scripts/pick.sh\n      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE" --node-taints sku=gpu:NoSchedule\n',
          'scripts/pick.sh': 'echo "POOL_SIZE=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
          '.github/workflows/action.yml':
            'name: a\non: push\nenv:\n  ACTION_SIZE: Standard_D8s_v5\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/pick\n      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool2 --node-vm-size "$ACTION_SIZE" --node-taints sku=gpu:NoSchedule\n',
          '.github/actions/pick/action.yml': 'name: pick\ndescription: picks the size\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo "ACTION_SIZE=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
          'azure-pipelines.yml':
            'trigger: none\nvariables:\n  gpuSize: Standard_D4s_v5\n  taskSize: Standard_D4s_v5\nsteps:\n  - bash: ./scripts/setvar.sh\n  - task: Bash@3\n    inputs:\n      filePath: scripts/settask.sh\n  - script: az aks nodepool add --name gpupool3 --cluster-name c -g rg --node-vm-size "$(gpuSize)" --node-taints sku=gpu:NoSchedule\n  - script: az aks nodepool add --name gpupool4 --cluster-name c -g rg --node-vm-size "$(taskSize)" --node-taints sku=gpu:NoSchedule\n',
          'scripts/setvar.sh': 'echo "##vso[task.setvariable variable=gpuSize]Standard_NC24ads_A100_v4"\n',
          'scripts/settask.sh': 'echo "##vso[task.setvariable variable=taskSize]Standard_NC24ads_A100_v4"\n',
        },
      },
      {
        // A script run with options before it, or through a wrapper, is run (self-review 89: the
        // option's value was taken for the script, and `sudo`/`time` for the program).
        name: 'runtime-writes-in-scripts-run-with-options-or-wrappers',
        files: {
          '.github/workflows/w.yml':
            'on: push\nenv:\n  SIZE_A: Standard_D4s_v5\n  SIZE_B: Standard_D4s_v5\n  SIZE_C: Standard_D4s_v5\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash -o pipefail scripts/a.sh\n      - run: sudo -E ./scripts/b.sh\n      - run: pwsh -ExecutionPolicy Bypass -File scripts/c.ps1\n      - run: |\n          az aks nodepool add -g rg --cluster-name aks -n gpua --node-vm-size "$SIZE_A" --node-taints sku=gpu:NoSchedule\n          az aks nodepool add -g rg --cluster-name aks -n gpub --node-vm-size "$SIZE_B" --node-taints sku=gpu:NoSchedule\n          az aks nodepool add -g rg --cluster-name aks -n gpuc --node-vm-size "$SIZE_C" --node-taints sku=gpu:NoSchedule\n',
          'scripts/a.sh': 'echo "SIZE_A=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
          'scripts/b.sh': 'echo "SIZE_B=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
          'scripts/c.ps1': '"SIZE_C=Standard_NC4as_T4_v3" | Out-File -FilePath $env:GITHUB_ENV -Append\n',
        },
      },
      {
        // A shell given the script's path as its command string runs it (`pwsh -Command ./x.ps1`);
        // a wrapper's options with a value (`sudo -u root`) come before it (self-review 90).
        name: 'runtime-writes-in-scripts-run-by-command-string-or-wrapper-options',
        files: {
          '.github/workflows/w.yml':
            'on: push\nenv:\n  SIZE_A: Standard_D4s_v5\n  SIZE_B: Standard_D4s_v5\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pwsh -Command ./scripts/a.ps1\n      - run: sudo -u root ./scripts/b.sh\n      - run: |\n          az aks nodepool add -g rg --cluster-name aks -n gpua --node-vm-size "$SIZE_A" --node-taints sku=gpu:NoSchedule\n          az aks nodepool add -g rg --cluster-name aks -n gpub --node-vm-size "$SIZE_B" --node-taints sku=gpu:NoSchedule\n',
          'scripts/a.ps1': '"SIZE_A=Standard_NC4as_T4_v3" | Out-File -FilePath $env:GITHUB_ENV -Append\n',
          'scripts/b.sh': 'echo "SIZE_B=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
        },
      },
      {
        name: 'github-env-written-from-a-file-may-set-anything',
        files: {
          '.github/workflows/pool.yml': `name: pool
on: push
env:
  POOL_SIZE: Standard_D8s_v5
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: cat config/pool.env >> $GITHUB_ENV
      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE"
`,
        },
      },
      {
        // Azure Pipelines variable names are case-insensitive: `variable=vmsize` sets `VmSize`.
        name: 'pipeline-setvariable-in-another-case',
        files: {
          'azure-pipelines.yml': `
variables:
  VmSize: Standard_D4s_v5
steps:
  - bash: echo "##vso[task.setvariable variable=vmsize]Standard_NC6s_v3"
  - script: az ml compute create -n gpu-cluster --type AmlCompute --size $(VmSize) --tags cost-center=ml
`,
        },
      },
      {
        name: 'pipeline-setvariable-overrides-variables',
        files: {
          'azure-pipelines.yml': `
variables:
  vmSize: Standard_D4s_v5
steps:
  - bash: echo "##vso[task.setvariable variable=vmSize]Standard_NC6s_v3"
  - script: az ml compute create -n gpu-cluster --type AmlCompute --size $(vmSize) --tags cost-center=ml
`,
        },
      },
    ],
    invalid: [
      {
        // A step that only names a script (lints it, makes it executable) runs nothing: the steps
        // before the one that runs it read the literal (self-review 88: they were undecided).
        name: 'script-named-but-not-run-sets-nothing',
        files: {
          '.github/workflows/deploy.yml':
            'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      CLUSTER_SIZE: ⟦Standard_D4s_v3⟧\n    steps:\n      - run: shellcheck scripts/set-gpu-env.sh\n      - run: chmod +x scripts/set-gpu-env.sh\n      - run: bash -n scripts/set-gpu-env.sh\n      - run: command -v scripts/set-gpu-env.sh\n      - run: az ml compute create --name gpu-cluster --type AmlCompute --size "$CLUSTER_SIZE" --min-instances 0 -g rg -w ws\n      - run: ./scripts/set-gpu-env.sh\n      - run: az ml compute create --name gpu-train --type AmlCompute --size "$CLUSTER_SIZE" --min-instances 0 -g rg -w ws\n',
          'scripts/set-gpu-env.sh': 'echo "CLUSTER_SIZE=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'AML compute "gpu-cluster" is meant for GPU work',
      },
      {
        // `${{ variables.x }}` is put in when the YAML is compiled, before any step runs: an earlier
        // step's ##vso[task.setvariable] does not change it, as it changes `$(x)` (review 71).
        name: 'compile-time-variable-is-not-changed-by-set-variable',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nvariables:\n  gpuSize: ⟦Standard_D4s_v3⟧\nsteps:\n  - bash: echo "##vso[task.setvariable variable=gpuSize]Standard_NC24ads_A100_v4"\n  - bash: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size ${{ variables.gpuSize }} --node-taints sku=gpu:NoSchedule\n  - bash: az aks nodepool add -g rg --cluster-name aks -n gpupool2 --node-vm-size "$(gpuSize)" --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Node pool "gpupool" is meant for GPU work',
      },
      {
        // The same in a steps template the pipeline expands after the write (self-review 72).
        name: 'compile-time-variable-in-a-template-is-not-changed-by-set-variable',
        files: {
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  gpuSize: ⟦Standard_D4s_v3⟧\nsteps:\n  - bash: echo "##vso[task.setvariable variable=gpuSize]Standard_NC24ads_A100_v4"\n  - template: steps.yml\n',
          'steps.yml': 'steps:\n  - bash: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size ${{ variables.gpuSize }} --node-taints sku=gpu:NoSchedule\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Node pool "gpupool" is meant for GPU work',
      },
      {
        // Another name is written: the literal still decides.
        name: 'github-env-writes-another-name',
        files: {
          '.github/workflows/pool.yml': `name: pool
on: push
env:
  POOL_SIZE: ⟦Standard_D8s_v5⟧
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "OTHER=x" >> "$GITHUB_ENV"
      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Reading the file writes nothing.
        name: 'github-env-read-not-written',
        files: {
          '.github/workflows/pool.yml': `name: pool
on: push
env:
  POOL_SIZE: ⟦Standard_D8s_v5⟧
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: cat "$GITHUB_ENV"
      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // Written by a later step: this one still runs with the literal.
        name: 'github-env-written-after-the-command',
        files: {
          '.github/workflows/pool.yml': `name: pool
on: push
env:
  POOL_SIZE: ⟦Standard_D8s_v5⟧
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$POOL_SIZE"
      - run: echo "POOL_SIZE=Standard_NC4as_T4_v3" >> "$GITHUB_ENV"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
};

// A GPU family's size written without its `Standard_` prefix is a typo, not a CPU size: said so.
const sizeNames: RuleTable = {
  'azure-cli': {
    valid: [],
    invalid: [
      {
        name: 'gpu-size-without-its-prefix',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size ⟦NC4as_T4_v3⟧ --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notSizeName',
        messageIncludes: 'its size "NC4as_T4_v3" is not a VM size name (they start with Standard_), so it is no GPU size; set --node-vm-size to a size of a GPU family (NC, ND, NG, NV): "Standard_NC4as_T4_v3".',
      },
    ],
  },
};

// A tag the project writes on everything (the resource group, the cluster, every pool) is the
// project's: it says nothing about one pool (review 66: the CPU system pool of two GPU projects).
const projectTags: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'project-tag-on-cluster-and-system-pool',
        files: {
          'main.tf': `
variable "tags" {
  default = { Project = "aks-gpu-terraform", Purpose = "GPU-AKS" }
}
resource "azurerm_resource_group" "rg" {
  name     = "rg-aks"
  location = "westeurope"
  tags     = var.tags
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-gpu"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aks"
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v3"
    node_count = 1
    tags       = merge(var.tags, { Role = "system" })
  }
  identity {
    type = "SystemAssigned"
  }
  tags = var.tags
}
`,
        },
      },
      {
        // The cluster's tags are not known (a map merged with a variable without a value): the pool's
        // GPU tag may be the project's, so nothing is decided (self-review 68: reported).
        name: 'cluster-tags-unknown',
        files: {
          'main.tf': `
variable "tags" {}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name    = "system"
    vm_size = "Standard_D2s_v3"
    tags    = { Project = "aks-gpu-demo" }
  }
  identity {
    type = "SystemAssigned"
  }
  tags = merge(var.tags, { Project = "aks-gpu-demo" })
}
`,
        },
      },
      {
        // Tag names ignore case: the cluster's "project" is the pool's "Project".
        name: 'project-tag-name-in-another-case',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name    = "system"
    vm_size = "Standard_D2s_v3"
  }
  identity {
    type = "SystemAssigned"
  }
  tags = { project = "gpu-demo" }
}
resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  tags                  = { Project = "gpu-demo" }
}
`,
        },
      },
    ],
    invalid: [
      {
        // The pool's own tag still says GPU when the project's does not decide.
        name: 'own-tag-beside-project-tags',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name    = "system"
    vm_size = "Standard_D2s_v3"
  }
  identity {
    type = "SystemAssigned"
  }
  tags = { Project = "aks-gpu" }
}
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = ⟦"Standard_D16s_v5"⟧
  tags                  = { Project = "aks-gpu", workload = "gpu-training" }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its tag workload = "gpu-training" mentions GPU',
      },
      {
        // Only the parent's tags are the project's: a VM's role tag written on its NSG too is still the VM's (self-review 67).
        name: 'own-tag-shared-with-a-sibling-resource',
        files: {
          'main.tf': `
locals {
  vm_tags = { role = "gpu-inference" }
}
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-infer"
  location            = "westeurope"
  resource_group_name = "rg"
  tags                = local.vm_tags
}
resource "azurerm_linux_virtual_machine" "infer" {
  name                = "vm-infer"
  location            = "westeurope"
  resource_group_name = "rg"
  size                = ⟦"Standard_D8s_v5"⟧
  admin_username      = "azureuser"
  network_interface_ids = ["x"]
  tags                = local.vm_tags
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its tag role = "gpu-inference" mentions GPU',
      },
      {
        // Only the same value is the project's: another value under the project's tag name is the pool's.
        name: 'project-tag-name-with-another-value',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
  tags     = { Purpose = "ml-platform" }
}
resource "azurerm_kubernetes_cluster_node_pool" "train" {
  name                  = "train"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = ⟦"Standard_D16s_v5"⟧
  tags                  = { Purpose = "gpu-training" }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: 'its tag Purpose = "gpu-training" mentions GPU',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'project-tag-on-cluster-and-agent-pool',
        files: {
          'main.bicep': `param tags object = {
  Project: 'aks-gpu-bicep'
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  location: 'westeurope'
  tags: tags
  properties: {
    dnsPrefix: 'aks'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
        tags: tags
      }
    ]
  }
}
`,
        },
      },
    ],
    invalid: [],
  },
  'azure-cli': {
    valid: [
      {
        name: 'project-tag-on-cluster-and-nodepool',
        files: {
          'deploy.sh': 'az aks create -g rg -n aks --node-vm-size Standard_D4s_v5 --tags project=gpu-demo\naz aks nodepool add -g rg --cluster-name aks -n user --node-vm-size Standard_D8s_v5 --tags project=gpu-demo\n',
        },
      },
    ],
    invalid: [],
  },
};

// Two `${{ if }}`/`${{ else }}` groups in one mapping repeat their keys, which Azure Pipelines
// allows (review 69: the file was PARSE001 and nothing in it was checked).
const repeatedTemplateDirectives: RuleTable = {
  'azure-cli': {
    valid: [],
    invalid: [
      {
        // An if/elseif/else chain over one parameter: that parameter decided (self-review 70: the chosen value was the location).
        name: 'elseif-chain-over-one-parameter',
        files: {
          'azure-pipelines.yml':
            "trigger: none\nparameters:\n- name: target\n  type: string\n  default: ⟦dev⟧\nvariables:\n  ${{ if eq(parameters.target, 'prod') }}:\n    clusterSize: Standard_NC4as_T4_v3\n  ${{ elseif eq(parameters.target, 'test') }}:\n    clusterSize: Standard_NC6s_v3\n  ${{ else }}:\n    clusterSize: Standard_D16s_v5\nsteps:\n- script: az ml compute create -n gpu-one --type AmlCompute --size $(clusterSize) --tags cost-center=x\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'two-if-else-groups-in-one-variables-mapping',
        files: {
          'azure-pipelines.yml':
            "trigger: none\nparameters:\n- name: target\n  type: string\n  default: ⟦dev⟧\nvariables:\n  ${{ if eq(parameters.target, 'prod') }}:\n    clusterSize: Standard_NC4as_T4_v3\n  ${{ else }}:\n    clusterSize: Standard_D16s_v5\n  ${{ if eq(parameters.target, 'prod') }}:\n    minNodes: 1\n  ${{ else }}:\n    minNodes: 0\nsteps:\n- script: az ml compute create -n gpu-one --type AmlCompute --size $(clusterSize) --min-instances $(minNodes) --tags cost-center=x\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [
          { file: 'azure-pipelines.yml', line: 10, label: 'value chosen by the condition' },
          { file: 'azure-pipelines.yml', line: 16, label: '$(clusterSize)' },
        ],
      },
    ],
  },
};

/** A Bicep pool `gpuNodePool` named `poolName` under a cluster whose name is unknown (`uniqueString`), after `params`. */
const poolUnderUnknownCluster = (params: string): string => `${params}
resource cluster 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-\${uniqueString(resourceGroup().id)}'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'x'
    agentPoolProfiles: [ { name: 'system', vmSize: 'Standard_D4s_v5', mode: 'System', count: 1 } ]
  }
}

resource gpuNodePool 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: cluster
  name: poolName
  properties: { vmSize: nodeSize, mode: 'User' }
}
`;

// RULES.md GPU001 "name contains gpu": the resource's name. A Terraform label or a Bicep symbolic
// name stands for it only when the name is not known (review 70: the symbol `gpuCluster` of the
// CPU cluster 'ws/cpu-cluster' was reported, as the ARM it compiles to is not).
const labelsAreNotNames: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'symbolic-name-says-gpu-the-name-does-not',
        files: {
          'main.bicep':
            "resource gpuCluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {\n  name: 'ws/cpu-cluster'\n  location: 'westeurope'\n  properties: {\n    computeType: 'AmlCompute'\n    properties: {\n      vmSize: 'Standard_DS3_v2'\n    }\n  }\n}\n",
        },
      },
      {
        // Only the parent's part of the name is unknown (review 71: the cluster named with
        // uniqueString, as most AKS templates do): the pool's own name `nimpool` is known.
        name: 'symbolic-name-says-gpu-the-name-under-an-unknown-parent-does-not',
        files: {
          'main.bicep': poolUnderUnknownCluster("param poolName string = 'nimpool'\nparam nodeSize string = 'Standard_D16s_v5'\n"),
        },
      },
    ],
    invalid: [
      {
        // The pool's own name is not known either: the symbolic name stands for it.
        name: 'symbolic-name-says-gpu-and-the-own-name-is-unknown',
        files: {
          'main.bicep': poolUnderUnknownCluster("param poolName string\nparam nodeSize string = ⟦'Standard_D16s_v5'⟧\n"),
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'is meant for GPU work (its name "gpuNodePool" says GPU)',
      },
    ],
  },
  terraform: {
    valid: [
      {
        name: 'label-says-gpu-the-name-does-not',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "user1"\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = "Standard_D4s_v5"\n}\n',
        },
      },
    ],
    invalid: [],
  },
};

/** A Bicep loop of GPU-named pools over `loop` (the `for` header after `for`), each pool's size written as given. */
const poolLoop = (loop: string, vmSize: string, before = ''): string => `${before}
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}

resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for ${loop}: {
  parent: aks
  name: 'gpu\${i}'
  properties: {
    mode: 'User'
    vmSize: ${vmSize}
    enableAutoScaling: true
    minCount: 0
    maxCount: 1
    nodeTaints: [
      'sku=gpu:NoSchedule'
    ]
  }
}]
`;

// A loop's position (its index, a number of range()) is no input deciding a condition, as ARM's
// copyIndex() and Terraform's count.index are not: the value chosen is where the finding points
// (RULES.md "Values chosen by a condition"; review 105 p24, p23). An item of a parameter's array
// is an input: the parameter's value decides.
const loopPositions: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'index-of-a-range-loop-decides',
        files: { 'main.bicep': poolLoop('i in range(0, 2)', "i == 0 ? 'Standard_NC24ads_A100_v4' : ⟦'Standard_D8s_v5'⟧") },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.bicep', line: 10, label: 'condition' }],
      },
      {
        name: 'index-of-a-loop-over-a-parameter-decides',
        files: { 'main.bicep': poolLoop('(p, i) in poolNames', "i == 0 ? 'Standard_NC24ads_A100_v4' : ⟦'Standard_D8s_v5'⟧", "param poolNames array = [\n  'a'\n  'b'\n]\n") },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'index-of-a-map-lambda-decides',
        files: {
          'main.bicep': poolLoop(
            '(p, i) in sizes',
            'p',
            "var sizes = map(range(0, 2), (n, j) => j == 0 ? 'Standard_NC24ads_A100_v4' : ⟦'Standard_D8s_v5'⟧)\n",
          ),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // The parameter's item decides: the finding is at the item its default writes.
        name: 'item-of-a-loop-over-a-parameter-decides',
        files: { 'main.bicep': poolLoop('(p, i) in poolNames', "p == 'a' ? 'Standard_NC24ads_A100_v4' : 'Standard_D8s_v5'", "param poolNames array = [\n  'a'\n  ⟦'b'⟧\n]\n") },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.bicep', line: 15, label: 'value chosen by the condition' }],
      },
      {
        // A gpu-named array read at a range loop's index: each pool's size is an element of it (review 108).
        name: 'range-index-reads-a-gpu-named-array',
        files: {
          'main.bicep': `param gpuSizes array = [
  'Standard_NC24ads_A100_v4'
  ⟦'Standard_D16s_v5'⟧
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}

resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for i in range(0, length(gpuSizes)): {
  parent: aks
  name: 'pool\${i}'
  properties: {
    mode: 'User'
    vmSize: gpuSizes[i]
    enableAutoScaling: true
    minCount: 0
    maxCount: 1
  }
}]
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpuSizes")',
      },
      {
        // An item of an array written in the loop itself is no input either (no variable or
        // parameter sets it): the finding is at the chosen size, the condition related.
        name: 'item-of-a-loop-over-a-literal-array-decides-nothing',
        files: { 'main.bicep': poolLoop("(p, i) in ['a', 'b']", "p == 'a' ? 'Standard_NC24ads_A100_v4' : ⟦'Standard_D8s_v5'⟧") },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.bicep', line: 10, label: 'condition' }],
      },
    ],
  },
  terraform: {
    valid: [],
    invalid: [
      {
        // The same in Terraform: a key of for_each's own literal set, and an item of a for expression's list.
        name: 'key-of-a-for-each-over-a-literal-set-decides-nothing',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  for_each              = toset(["a100", "t4"])
  name                  = "gpu\${each.key}"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.key == "a100" ? "Standard_NC24ads_A100_v4" : ⟦"Standard_D8s_v5"⟧
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        related: [{ file: 'main.tf', line: 5, label: 'condition' }],
      },
      {
        name: 'item-of-a-for-expression-over-a-literal-list-decides-nothing',
        files: {
          'main.tf': `
locals {
  pools = [for n in ["a100", "t4"] : { name = "gpu\${n}", size = n == "a100" ? "Standard_NC24ads_A100_v4" : ⟦"Standard_D8s_v5"⟧ }]
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  count                 = 2
  name                  = local.pools[count.index].name
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = local.pools[count.index].size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A for_each over a variable: its value decides, where the var file writes the key.
        name: 'key-of-a-for-each-over-a-variable-decides',
        files: {
          'main.tf': `
variable "pool_names" {
  type = set(string)
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  for_each              = var.pool_names
  name                  = "gpu\${each.key}"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = each.key == "a100" ? "Standard_NC24ads_A100_v4" : "Standard_D8s_v5"
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
          'terraform.tfvars': 'pool_names = ["a100", ⟦"t4"⟧]\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        // A gpu-named array read at copyIndex(): each instance's size is an element of it (review 108).
        name: 'copy-index-reads-a-gpu-named-array',
        files: {
          'azuredeploy.json': JSON.stringify({
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            parameters: { gpuSizes: { type: 'array', defaultValue: ['Standard_NC24ads_A100_v4', 'Standard_D16s_v5'] } },
            resources: [
              {
                type: 'Microsoft.ContainerService/managedClusters/agentPools',
                apiVersion: '2024-02-01',
                name: "[concat('aks/pool', copyIndex())]",
                copy: { name: 'p', count: "[length(parameters('gpuSizes'))]" },
                properties: { mode: 'User', vmSize: "[parameters('gpuSizes')[copyIndex()]]", enableAutoScaling: true, minCount: 0, maxCount: 1 },
              },
            ],
          }, null, 2).replace('"Standard_D16s_v5"', '⟦"Standard_D16s_v5"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
        messageIncludes: '(its size comes from "gpuSizes")',
      },
      {
        // map() over range(): the lambda's number is a position, as copyIndex() is.
        name: 'number-of-range-in-a-lambda-decides',
        files: {
          'azuredeploy.json': JSON.stringify({
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            variables: { sizes: "[map(range(0, 2), lambda('n', if(equals(lambdaVariables('n'), 0), 'Standard_NC24ads_A100_v4', 'Standard_D8s_v5')))]" },
            resources: [
              {
                type: 'Microsoft.ContainerService/managedClusters/agentPools',
                apiVersion: '2024-02-01',
                name: "[format('aks/gpu{0}', copyIndex())]",
                copy: { name: 'pools', count: 2 },
                properties: { mode: 'User', vmSize: "[variables('sizes')[copyIndex()]]", enableAutoScaling: true, minCount: 0, maxCount: 1, nodeTaints: ['sku=gpu:NoSchedule'] },
              },
            ],
          }, null, 2).replace('"[map(', '⟦"[map(').replace(")))]\"", ")))]\"⟧"),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
};

ruleTester('GPU001', converted, azureCli, bicepparamJsonTemplate, runtimeVariables, sizeNames, projectTags, repeatedTemplateDirectives, labelsAreNotNames, loopPositions);

// RULES.md "Three-valued facts": "Where an unknown value hides a possible finding, the run records it".
// A pool named "gpu${each.key}" under a for_each over a data source: its name (the GPU signal) is unknown.
describe('GPU001 undecided', () => {
  const { tree, cleanup } = tempTrees('gpu001-');
  afterAll(cleanup);
  const pools = (name: string): string => `
data "azurerm_resources" "clusters" {
  type = "Microsoft.ContainerService/managedClusters"
}

resource "azurerm_kubernetes_cluster_node_pool" "dyn" {
  for_each              = toset(data.azurerm_resources.clusters.resources[*].name)
  name                  = ${name}
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = "Standard_D4s_v5"
}
`;
  const undecided = async (name: string): Promise<string[]> => {
    const dir = tree({ 'main.tf': pools(name) });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU001'] });
    expect(r.findings.filter((f) => f.ruleId === 'GPU001')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'GPU001').map((u) => `${u.address} ${u.attribute}`);
  };

  // ("gpu${each.key}" says GPU by its known text: reported, see the table above.)
  it('lists a pool whose name comes from an unknown for_each', async () => {
    expect(await undecided('each.key')).toEqual(['azurerm_kubernetes_cluster_node_pool.dyn name']);
  });

  it('says why the for_each is unknown', async () => {
    const dir = tree({ 'main.tf': pools('each.key') });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU001'] });
    expect(r.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('each.key of an unknown for_each (depends on data.azurerm_resources.clusters)')]);
  });

  it('is silent when the name is known', async () => {
    expect(await undecided('"cpu"')).toEqual([]);
  });

  it('lists a name whose gpu comes right after an unknown part (it may be non-gpu), and not a name unknown otherwise (review 57)', async () => {
    const one = async (name: string): Promise<string[]> => {
      const dir = tree({ 'main.tf': `variable "prefix" {}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  name                  = ${name}\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = "Standard_D4s_v5"\n}\n` });
      const r = await lint({ paths: [dir], root: dir, rules: ['GPU001'] });
      expect(r.findings.filter((f) => f.ruleId === 'GPU001')).toEqual([]);
      return r.undecided.filter((u) => u.ruleId === 'GPU001').map((u) => u.reason);
    };
    expect(await one('"${var.prefix}-gpu"')).toEqual([expect.stringContaining('its name "…-gpu" says GPU unless the unknown part before "gpu" negates it (non-gpu)')]);
    expect(await one('"${var.prefix}-cpu"')).toEqual([]);
    expect(await one('var.prefix')).toEqual([]);
  });
});

