/**
 * GPU003 (gpu-pool-not-scale-to-zero): GPU node pool or GPU AML compute cluster that cannot scale to zero.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { azurermPinned } from '../support/terraform-pins.js';
import { virtualMachinesPool } from './aks-pools.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'aml-gpu-cluster-zero',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "train" {
  name                          = "train"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC24ads_A100_v4"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
      },
      {
        name: 'autoscale-from-zero',
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 4
}
`,
        },
      },
      {
        name: 'autoscale-unknown',
        files: {
          'main.tf': `
variable "autoscale" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = var.autoscale
  min_count             = 0
}
`,
        },
      },
      {
        name: 'cpu-pool',
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "cpu" {
  name                  = "cpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  node_taints           = ["sku=batch:NoSchedule"]
}
`,
        },
      },
      {
        // Meant for GPU (its name) on a size that is not known: whether its nodes are GPU nodes is
        // not known (RULES.md's "GPU node pool"; AKS001 takes pools meant for GPU, this rule not).
        name: 'gpu-intent-name-size-unknown',
        files: {
          'main.tf': `
variable "pool_size" {
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpupool" {
  name                  = "gpupool"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = var.pool_size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
      },
    ],
    invalid: [
      {
        // A system pool cannot scale to zero at all (AKS keeps a node): reported, the fix another pool (AKS002 reports its size too).
        name: 'system-pool-cannot-scale-to-zero',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  ⟦default_node_pool {⟧
    name       = "system"
    vm_size    = "Standard_NC6s_v3"
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'systemPool',
      },
      {
        name: 'aml-gpu-cluster-min-nodes',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "train" {
  name                          = "train"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC24ads_A100_v4"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id

  scale_settings {
    min_node_count                       = ⟦1⟧
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
      {
        name: 'autoscaling-absent',
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

⟦resource "azurerm_kubernetes_cluster_node_pool" "gpu" {⟧
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
        message: /autoscaling off \(auto_scaling_enabled is not set/,
      },
      {
        name: 'min-count-dev-tfvars',
        files: {
          'dev.tfvars': `
gpu_min = ⟦2⟧
`,
          'main.tf': `
variable "gpu_min" {
  type    = number
  default = 0
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = true
  min_count             = var.gpu_min
  max_count             = 4
}
`,
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'poolMinCount',
      },
      {
        name: 'min-count-prod-note',
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
  auto_scaling_enabled  = true
  min_count             = ⟦1⟧
  max_count             = 4
}
`,
        },
        options: { env: 'prod' },
        level: 'note',
        env: 'prod',
        messageId: 'poolMinCount',
      },
      {
        name: 'v3-autoscaling-false',
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
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_taints           = ["sku=gpu:NoSchedule"]
  enable_auto_scaling   = ⟦false⟧
  node_count            = 1
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'aml-gpu-cluster-default-zero',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"

    }
  }
}

resource "azapi_resource" "gpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "gpu"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties = {
        vmSize = "Standard_NC6s_v3"

      }
    }
  }
}
`,
        },
      },
      {
        name: 'autoscale-from-zero',
        files: {
          'main.tf': `
resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"
  name      = "aks-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      dnsPrefix = "aksml"
      agentPoolProfiles = [
        {
          name   = "system"
          vmSize = "Standard_D4s_v5"
          count  = 1
        }
      ]
    }
  }
}

resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-05-01"
  name      = "gpu"
  parent_id = azapi_resource.aks.id
  body = {
    properties = {
      vmSize     = "Standard_NC6s_v3"
      nodeTaints = ["sku=gpu:NoSchedule"]
      enableAutoScaling = true
      minCount   = 0
      maxCount   = 3
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A pool written in a local: the attribute that consumes the value is the local's member
        // (review 72: the related location was `body = {`).
        name: 'pool-profile-from-a-local-min-count-from-a-variable',
        files: {
          'main.tf': `
variable "gpu_min" {
  type    = number
  default = ⟦1⟧
}

locals {
  gpu_profile = {
    name              = "gpu"
    vmSize            = "Standard_NC4as_T4_v3"
    enableAutoScaling = true
    minCount          = var.gpu_min
    maxCount          = 2
    nodeTaints        = ["sku=gpu:NoSchedule"]
  }
}

resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"
  name      = "aks-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      dnsPrefix = "aksml"
      agentPoolProfiles = [
        { name = "system", vmSize = "Standard_D4s_v5", count = 1, mode = "System" },
        local.gpu_profile,
      ]
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
        related: [{ label: 'variable "gpu_min"' }, { label: 'attribute minCount', line: 11 }],
      },
      {
        name: 'agentpool-autoscale-absent',
        files: {
          'main.tf': `
resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"
  name      = "aks-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      dnsPrefix = "aksml"
      agentPoolProfiles = [
        {
          name   = "system"
          vmSize = "Standard_D4s_v5"
          count  = 1
        }
      ]
    }
  }
}

⟦resource "azapi_resource" "gpu" {⟧
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-05-01"
  name      = "gpu"
  parent_id = azapi_resource.aks.id
  body = {
    properties = {
      vmSize     = "Standard_NC6s_v3"
      nodeTaints = ["sku=gpu:NoSchedule"]

    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'aml-gpu-cluster',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"

    }
  }
}

resource "azapi_resource" "gpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "gpu"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties = {
        vmSize = "Standard_NC6s_v3"
        scaleSettings = {
          minNodeCount = ⟦2⟧
          maxNodeCount = 4
        }
      }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
      {
        name: 'inline-profile-min-count',
        files: {
          'main.tf': `
resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"
  name      = "aks-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      dnsPrefix = "aksml"
      agentPoolProfiles = [
        {
          name   = "system"
          vmSize = "Standard_D4s_v5"
          count  = 1
        },
        {
          name              = "gpu"
          mode              = "User"
          vmSize            = "Standard_NC6s_v3"
          enableAutoScaling = true
          minCount          = ⟦1⟧
          maxCount          = 3
        }
      ]
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'aml-gpu-cluster-default-zero',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/gpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC6s_v3",
          "enableNodePublicIp": false
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'autoscale-from-zero',
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
            "enableAutoScaling": true,
            "minCount": 0,
            "maxCount": 3,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu2",
      "properties": {
        "mode": "User",
        "vmSize": "Standard_NC6s_v3",
        "enableAutoScaling": true,
        "minCount": 0,
        "maxCount": 3,
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ],
        "tags": {
          "cost-center": "ml"
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'cpu-user-pool',
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
            "name": "cpu",
            "mode": "User",
            "vmSize": "Standard_D8s_v5",
            "count": 2
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
        // A system pool cannot scale to zero at all (AKS keeps a node): reported, the fix another pool (AKS002 reports its size too).
        name: 'system-pool-cannot-scale-to-zero',
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
            "name": ⟦"system"⟧,
            "vmSize": "Standard_NC6s_v3",
            "count": 1
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'systemPool',
      },
      {
        name: 'agentpool-autoscale-absent',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      ⟦"type": "Microsoft.ContainerService/managedClusters/agentPools"⟧,
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu",
      "properties": {
        "vmSize": "Standard_NC6s_v3",
        "count": 1,
        "mode": "User",
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ]
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'aml-gpu-cluster',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/gpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC24ads_A100_v4",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": ⟦1⟧,
            "maxNodeCount": 4
          }
        }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
      {
        name: 'inline-profile-autoscale-false',
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
            "enableAutoScaling": ⟦false⟧,
            "minCount": 0,
            "maxCount": 3,
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
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'inline-profile-min-count',
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
            "enableAutoScaling": true,
            "minCount": ⟦1⟧,
            "maxCount": 3,
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
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
      {
        name: 'min-count-parameter-default-dev',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "environment": {
      "type": "string",
      "defaultValue": "dev"
    },
    "gpuMinCount": {
      "type": "int",
      "defaultValue": ⟦1⟧
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu",
      "properties": {
        "mode": "User",
        "vmSize": "Standard_NC6s_v3",
        "enableAutoScaling": true,
        "minCount": "[parameters('gpuMinCount')]",
        "maxCount": 3,
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ],
        "tags": {
          "cost-center": "ml"
        }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'poolMinCount',
      },
      {
        name: 'min-count-prod-parameter-file-note',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuMinCount": {
      "type": "int",
      "defaultValue": 0
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu",
      "properties": {
        "mode": "User",
        "vmSize": "Standard_NC6s_v3",
        "enableAutoScaling": true,
        "minCount": "[parameters('gpuMinCount')]",
        "maxCount": 3,
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ],
        "tags": {
          "cost-center": "ml"
        }
      }
    }
  ]
}
`,
          'azuredeploy.parameters.dev.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuMinCount": {
      "value": 0
    }
  }
}
`,
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuMinCount": {
      "value": ⟦2⟧
    }
  }
}
`,
        },
        level: 'note',
        env: 'prod',
        messageId: 'poolMinCount',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'aml-gpu-cluster-default-zero',
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
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/gpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC6s_v3",
          "enableNodePublicIp": false
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'autoscale-from-zero',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": {
    "aks": {
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
            "enableAutoScaling": true,
            "minCount": 0,
            "maxCount": 3,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ],
            "tags": {
              "cost-center": "ml"
            }
          }
        ]
      }
    },
    "gpu2": {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "[format('{0}/{1}', 'aks-ml', 'gpu2')]",
      "properties": {
        "mode": "User",
        "vmSize": "Standard_NC6s_v3",
        "enableAutoScaling": true,
        "minCount": 0,
        "maxCount": 3,
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ],
        "tags": {
          "cost-center": "ml"
        }
      }
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'agentpool-autoscale-absent',
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
      ⟦"type": "Microsoft.ContainerService/managedClusters/agentPools"⟧,
      "apiVersion": "2024-02-01",
      "name": "aks-ml/gpu",
      "properties": {
        "vmSize": "Standard_NC6s_v3",
        "count": 1,
        "mode": "User",
        "nodeTaints": [
          "sku=gpu:NoSchedule"
        ]
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'aml-gpu-cluster',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": {
    "ws": {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    "gpu": {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "[format('{0}/{1}', 'mlw', 'gpu-cluster')]",
      "location": "westeurope",
      "dependsOn": [
        "ws"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC24ads_A100_v4",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": ⟦1⟧,
            "maxNodeCount": 4
          }
        }
      }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
      {
        name: 'inline-profile-autoscale-false',
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
            "enableAutoScaling": ⟦false⟧,
            "minCount": 0,
            "maxCount": 3,
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
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'inline-profile-min-count',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": {
    "aks": {
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
            "enableAutoScaling": true,
            "minCount": ⟦1⟧,
            "maxCount": 3,
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
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'scale-to-zero',
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
    ],
    invalid: [
      {
        name: 'min-nodes',
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
          minNodeCount: ⟦1⟧
          maxNodeCount: 4
        }
      }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'gpu-cluster-min-absent',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC4as_T4_v3
max_instances: 2
`,
        },
      },
      {
        // Named for GPU, on a CPU size: GPU001's finding, not this one.
        name: 'gpu-named-cluster-on-a-cpu-size',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_D4s_v3
min_instances: 1
`,
        },
      },
      {
        name: 'cpu-cluster-min-one',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
min_instances: 1
`,
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-cluster-min-one',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: train
type: amlcompute
size: Standard_NC4as_T4_v3
min_instances: ⟦1⟧
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
        message: 'GPU AML compute cluster "train" (GPU size "Standard_NC4as_T4_v3") keeps at least 1 node running (min_instances is 1), so its GPU nodes bill while idle; set min_instances to 0.',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // A three-state switch's short form with its value in the word, as argparse reads it (review 132:
        // `-e=true` read as no autoscaler, a false GPU003; one not known is undecided).
        name: 'short-autoscaler-switch-with-its-value-in-the-word',
        files: { 'deploy.sh': 'AUTOSCALE=$(get_autoscale)\naz aks nodepool add --cluster-name c -g rg -n gpupool1 -s Standard_NC24ads_A100_v4 -e="$AUTOSCALE" --min-count 0 --max-count 3 --node-taints sku=gpu:NoSchedule\naz aks nodepool add --cluster-name c -g rg -n gpupool3 -s Standard_NC24ads_A100_v4 -e=true --min-count 0 --max-count 3 --node-taints sku=gpu:NoSchedule\naz aks nodepool add --cluster-name c -g rg -n gpupool5 -s Standard_NC24ads_A100_v4 -etrue --min-count 0 --max-count 3 --node-taints sku=gpu:NoSchedule\n' },
      },
      {
        // Both switches in one update: the Azure CLI refuses the command, so the pool is as created (review 45).
        name: 'enable-and-disable-autoscaler-together-are-refused',
        files: {
          'deploy.sh':
            'az aks nodepool add -g rg --cluster-name k -n np -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 2\naz aks nodepool update -g rg --cluster-name k -n np --disable-cluster-autoscaler --enable-cluster-autoscaler\n',
        },
      },
      {
        // One branch passes the autoscaler flags through the unquoted $AUTOSCALE, the other not: not decided.
        name: 'autoscaler-in-one-branch-of-a-variable',
        files: {
          'deploy.sh':
            'if [ "$ENV" = prod ]; then AUTOSCALE="--enable-cluster-autoscaler --min-count 0 --max-count 3"; else AUTOSCALE=""; fi\naz aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule $AUTOSCALE\n',
        },
      },
      {
        name: 'autoscale-to-zero',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 3\n' },
      },
      { name: 'cluster-min-zero-default', files: { 'deploy.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size Standard_NC6s_v3\n' } },
      {
        // The idiom over a variable that may hold a number: `$m = 0` is false in PowerShell, the
        // else branch runs; not read as bash's default (self-review 72): undecided.
        name: 'powershell-if-over-a-non-environment-variable-is-not-read',
        files: {
          'pool.ps1':
            '$m = 0\n$min = if ($m) { $m } else { 1 }\naz aks nodepool add --cluster-name aks -n gpu -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count $min --max-count 3\n',
        },
      },
      {
        // Meant for GPU (its taint, its name) on a known CPU size, written or the default: not a
        // GPU pool's cost (GPU001 reports the size).
        name: 'meant-for-gpu-on-a-cpu-size',
        files: {
          'deploy.sh':
            'az aks nodepool add --cluster-name aks -n gpu -s Standard_D8s_v5 --node-taints sku=gpu:NoSchedule --node-count 1\naz ml compute create -n gpu-cluster --type AmlCompute --min-instances 1\n',
        },
      },
    ],
    invalid: [
      {
        name: 'min-count-one',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count ⟦1⟧ --max-count 3\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
      {
        // The idiom with the variable spelled otherwise in the branch: another case, braced (self-review 73).
        name: 'powershell-default-idiom-spelled-otherwise',
        files: {
          'pool.ps1':
            '$min = if ($env:MIN_NODES) { ${ENV:min_nodes} } else { ⟦1⟧ }\naz aks nodepool add --cluster-name aks -n gpu -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count $min --max-count 3\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
      {
        // PowerShell's default idiom with a number as the default (review 72).
        name: 'powershell-default-idiom-number',
        files: {
          'pool.ps1':
            '$min = if ($env:MIN_NODES) { $env:MIN_NODES } else { ⟦1⟧ }\naz aks nodepool add --cluster-name aks -n gpu -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count $min --max-count 3\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
      {
        name: 'autoscaler-absent',
        files: { 'deploy.sh': '⟦az⟧ aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule --node-count 1\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOffSwitch',
      },
      {
        // A later update turns the autoscaler off (azure-cli: "--disable-cluster-autoscaler -d: Disable cluster autoscaler"); review 44.
        name: 'autoscaler-disabled-by-a-later-update',
        files: {
          'deploy.sh':
            'az aks nodepool add -g rg --cluster-name k -n np -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 2\naz aks nodepool update -g rg --cluster-name k -n np ⟦--disable-cluster-autoscaler⟧\naz aks nodepool add -g rg --cluster-name k -n np2 -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule -e --min-count 0 --max-count 2\naz aks nodepool update -g rg --cluster-name k -n np2 ⟦-d⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOffSwitch',
      },
      {
        // Each branch sets the unquoted $MANAGED_ARGS to a known text, none of which passes an
        // autoscaler flag: they stay absent (review 112, from ganeshkumarashok/aks-gpu-lab).
        name: 'autoscaler-absent-beside-a-variable-of-known-texts',
        files: {
          'deploy.sh':
            'MANAGED_ARGS=""\nif [ "$MANAGED" = "true" ]; then\n  MANAGED_ARGS="--enable-managed-gpu=true"\nfi\n⟦az⟧ aks nodepool add -g rg --cluster-name c -n h100np --node-vm-size Standard_ND96isrf_H100_v5 --node-taints sku=gpu:NoSchedule $MANAGED_ARGS -o none\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOffSwitch',
      },
      {
        // The default (system) pool of `az aks create` with a GPU size.
        name: 'aks-create-gpu-system-pool',
        files: { 'deploy.sh': '⟦az⟧ aks create -g rg -n aks --node-vm-size Standard_NC24ads_A100_v4 --node-count 1 --tags cost-center=ml\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'systemPool',
      },
      {
        name: 'idempotency-guard-still-creates',
        files: {
          'deploy.sh': 'az ml compute show -n gpu-cluster -w ws || az ml compute create -n gpu-cluster -w ws --type AmlCompute --size Standard_NC6s_v3 --min-instances ⟦2⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'clusterMinNodes',
      },
    ],
  },
};

/** The resource each case below lints, with the attribute in question absent. */
const GPU_POOL = `
⟦resource "azurerm_kubernetes_cluster_node_pool" "gpu" {⟧
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC4as_T4_v3"
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
}
`;

// azurerm renamed enable_auto_scaling to auto_scaling_enabled in 4.0.0: a configuration pinned
// below it is told the name its provider takes.
const providerVersions: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'pinned-exactly-to-3.x-old-name',
        files: { 'versions.tf': azurermPinned('=3.31.0'), 'main.tf': GPU_POOL },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
        message: /autoscaling off \(enable_auto_scaling is not set \(defaults to false\)\), so its GPU nodes bill while idle; set enable_auto_scaling to true/,
      },
      {
        name: 'pinned-to-4.x-new-name',
        files: { 'versions.tf': azurermPinned('~> 4.1'), 'main.tf': GPU_POOL },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
        message: /autoscaling off \(auto_scaling_enabled is not set/,
      },
    ],
  },
};


// An AKS pool of type VirtualMachines has scale profiles instead of enableAutoScaling/minCount
// (AgentPoolScaleProfile: manual[] size/count, autoscale size/minCount/maxCount): an autoscale
// profile with minCount 0 scales to zero (it was "autoscaling off": the absent
// enableAutoScaling's default does not apply to such a pool), a manual profile keeps its count.
const virtualMachinesPools: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'virtual-machines-pool-autoscale-profile-to-zero',
        files: { 'main.bicep': virtualMachinesPool("autoscale: [ { size: 'Standard_NC24ads_A100_v4', minCount: 0, maxCount: 3 } ]") },
      },
      {
        name: 'virtual-machines-pool-manual-profile-of-zero-nodes',
        files: { 'main.bicep': virtualMachinesPool("manual: [ { size: 'Standard_NC24ads_A100_v4', count: 0 } ]") },
      },
    ],
    invalid: [
      {
        name: 'virtual-machines-pool-autoscale-profile-keeps-a-node',
        files: { 'main.bicep': virtualMachinesPool("autoscale: [ { size: 'Standard_NC24ads_A100_v4', minCount: ⟦1⟧, maxCount: 3 } ]") },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
      },
      {
        name: 'virtual-machines-pool-scaled-by-hand',
        files: { 'main.bicep': virtualMachinesPool("manual: [ { size: 'Standard_NC24ads_A100_v4', count: ⟦2⟧ } ]") },
        level: 'warning',
        env: 'unknown',
        messageId: 'manualScale',
        message:
          'GPU node pool "aks-prod/gpuvms" (GPU size "Standard_NC24ads_A100_v4") is scaled by hand to 2 nodes (properties.virtualMachinesProfile.scale.manual.0.count is 2), so its GPU nodes bill while idle; replace its scale.manual profile with a scale.autoscale profile whose minCount is 0.',
      },
    ],
  },
};

// A pool written in a `var` (also one merged by `union()`), its name from a parameter: the
// finding is at the pool's `name` property where it is written, not at the parameter default
// that holds its text (RULES.md "Location": an element is located at its name as it writes it).
const poolsInVariables: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'pool-in-var-named-by-a-parameter',
        files: {
          'main.bicep': `
param poolName string = 'gpu'

var profiles = [
  {
    ⟦name: poolName⟧
    vmSize: 'Standard_NC4as_T4_v3'
    mode: 'User'
    nodeTaints: ['sku=gpu:NoSchedule']
  }
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks1'
  location: 'westeurope'
  properties: {
    agentPoolProfiles: profiles
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
      {
        name: 'pool-in-var-merged-by-union',
        files: {
          'main.bicep': `
param gpuPoolName string = 'gpu'
param enablePrivateCluster bool = false

var baseProperties = {
  dnsPrefix: 'aks1'
  agentPoolProfiles: [
    {
      ⟦name: gpuPoolName⟧
      vmSize: 'Standard_NC4as_T4_v3'
      mode: 'User'
      nodeTaints: ['sku=gpu:NoSchedule']
    }
  ]
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks1'
  location: 'westeurope'
  properties: union(baseProperties, enablePrivateCluster ? { apiServerAccessProfile: { enablePrivateCluster: true } } : {})
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'autoscaleOff',
      },
    ],
  },
};

// Pools joined by `concat()` / `flatten()` (a system pool and the user pools): the property an
// element writes is still the consuming attribute, a related location and the place an inline
// suppression names (review 62: both were lost).
const poolsJoined = (pools: string, params = "param gpuMin int = ⟦1⟧\n"): string => `${params}
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks1'
  location: 'westeurope'
  properties: {
    agentPoolProfiles: ${pools}
  }
}
`;
const gpuPool = (min: string): string => `{
      name: 'gpu'
      mode: 'User'
      vmSize: 'Standard_NC8as_T4_v3'
      enableAutoScaling: true
      minCount: ${min}
      maxCount: 3
      nodeTaints: ['sku=gpu:NoSchedule']
    }`;
const systemPool = "{ name: 'sys', mode: 'System', vmSize: 'Standard_D4s_v5', count: 1 }";
const poolsJoinedByCalls: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'suppressed-on-the-property-of-a-concatenated-pool',
        files: { 'main.bicep': poolsJoined(`concat([${systemPool}], null, [...[], ${gpuPool('gpuMin // mlops-iac-lint-ignore GPU003 -- sandbox')}])`, 'param gpuMin int = 1\n') },
      },
    ],
    invalid: [
      {
        name: 'concatenated-pool-minCount-from-a-parameter',
        files: { 'main.bicep': poolsJoined(`concat([${systemPool}], [${gpuPool('gpuMin')}])`) },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
        related: [{ label: 'parameter "gpuMin"' }, { label: 'attribute minCount', line: 12 }],
      },
      {
        name: 'flattened-pool-minCount-from-a-parameter',
        files: { 'main.bicep': poolsJoined(`flatten([[${systemPool}], [${gpuPool('gpuMin')}]])`) },
        level: 'warning',
        env: 'unknown',
        messageId: 'poolMinCount',
        related: [{ label: 'parameter "gpuMin"' }, { label: 'attribute minCount', line: 12 }],
      },
    ],
  },
};

// A default_node_pool block is part of its cluster's declaration: the cluster's environment tag classes it.
const elementOfATaggedCluster: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'default-node-pool-of-a-prod-tagged-cluster',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks-ml"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aksml"\n  tags                = { environment = "prod" }\n\n  default_node_pool {\n    name                 = "system"\n    vm_size              = "Standard_NC6s_v3"\n    auto_scaling_enabled = true\n    min_count            = ⟦1⟧\n    max_count            = 2\n  }\n}\n',
        },
        level: 'note',
        env: 'prod',
      },
    ],
  },
};

ruleTester('GPU003', converted, azureCli, providerVersions, virtualMachinesPools, poolsInVariables, poolsJoinedByCalls, elementOfATaggedCluster);
