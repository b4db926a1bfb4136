/**
 * AKS001 (gpu-node-pool-without-taint): AKS GPU node pool without a NoSchedule taint.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

/** An azurerm Spot node pool of a GPU size with these `node_taints` (as written). */
const spotGpuPool = (taints: string): string => `
resource "azurerm_kubernetes_cluster_node_pool" "spot" {
  name                  = "spot"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC6s_v3"
  priority              = "Spot"
  node_taints           = ${taints}
}
`;

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
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
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "cpu" {
  name                  = "cpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D8s_v5"
  node_count            = 1
}
`,
        },
      },
      {
        name: 'nvidia-taint',
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
  vm_size               = "Standard_NC6s_v3"
  node_count            = 1
  node_taints           = ["nvidia.com/gpu=present:NoSchedule"]
}
`,
        },
      },
      {
        name: 'taint',
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
  vm_size               = "Standard_NC6s_v3"
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
        name: 'unknown-taints',
        files: {
          'main.tf': `
variable "taints" {
  type = list(string)
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
  vm_size               = "Standard_NC6s_v3"
  node_count            = 1
  node_taints           = var.taints
}
`,
        },
      },
    ],
    invalid: [
      {
        // A system pool: AKS refuses the GPU taint there, so the message says to move the GPU work (review 69).
        name: 'gpu-default-node-pool',
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
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaintSystemPool',
      },
      {
        name: 'no-taints',
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

⟦resource "azurerm_kubernetes_cluster_node_pool" "gpu" {⟧
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC6s_v3"
  node_count            = 1
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'prefer-no-schedule-is-not-enough',
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
  vm_size               = "Standard_NC6s_v3"
  node_count            = 1
  node_taints           = ⟦["sku=gpu:PreferNoSchedule"]⟧
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'taint-not-gpu',
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
  vm_size               = "Standard_NC6s_v3"
  node_count            = 1
  node_taints           = ⟦["team=ml:NoSchedule"]⟧
  tags = {
    "cost-center" = "ml-research"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        // The Spot taint AKS adds (written or not) never names GPU; the message says so when it is not written.
        name: 'spot-pool-without-taints',
        files: { 'main.tf': spotGpuPool('⟦["team=ml:NoSchedule"]⟧') },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(node_taints is [team=ml:NoSchedule], plus the Spot taint AKS adds); add',
      },
      {
        name: 'spot-pool-with-the-spot-taint-written',
        files: { 'main.tf': spotGpuPool('⟦["kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]⟧') },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(node_taints is [kubernetes.azure.com/scalesetpriority=spot:NoSchedule]); add',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'taint',
        files: {
          'main.tf': `
resource "azapi_resource" "gpu" {
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2024-02-01"
  name      = "gpu"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  body = {
    properties = {
      vmSize     = "Standard_NC6s_v3"
      nodeTaints = ["sku=gpu:NoSchedule"]
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'no-taints',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "gpu" {⟧
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
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'profile-with-taint',
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
            ]
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
        // A property copy's input writes every pool's name at one place: each pool is located at its
        // own entry in the parameter (one finding per pool, not one merged at the input).
        name: 'profiles-from-a-property-copy-per-pool',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "pools": { "type": "array", "defaultValue": [
      { "name": ⟦"gpua"⟧, "size": "Standard_NC4as_T4_v3" },
      { "name": ⟦"gpub"⟧, "size": "Standard_NC4as_T4_v3" }
    ] }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks",
      "location": "westeurope",
      "properties": {
        "dnsPrefix": "a",
        "copy": [ { "name": "agentPoolProfiles", "count": "[length(parameters('pools'))]",
          "input": { "name": "[parameters('pools')[copyIndex('agentPoolProfiles')].name]", "mode": "User",
                     "vmSize": "[parameters('pools')[copyIndex('agentPoolProfiles')].size]" } } ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'element-name-from-parameter',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "poolName": { "type": "string", "defaultValue": "gpu" } },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks",
      "location": "westeurope",
      "properties": {
        "agentPoolProfiles": [
          { "name": "sys", "mode": "System", "vmSize": "Standard_D4s_v5", "count": 1 },
          {
            ⟦"name": "[parameters('poolName')]"⟧,
            "mode": "User",
            "vmSize": "Standard_NC4as_T4_v3",
            "count": 1
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
        messageId: 'noGpuTaint',
      },
      {
        name: 'agent-pool-without-taint',
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
      "name": "[format('{0}/{1}', 'aks-ml', 'gpu')]",
      "properties": {
        "vmSize": "Standard_NC6s_v3",
        "count": 1
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'profile-without-taint',
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
            "name": ⟦"gpu"⟧,
            "mode": "User",
            "vmSize": "Standard_NC6s_v3",
            "count": 1,
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
        messageId: 'noGpuTaint',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'profile-with-taint',
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
            ]
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
        name: 'profile-without-taint',
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
            "name": ⟦"gpu"⟧,
            "mode": "User",
            "vmSize": "Standard_NC6s_v3",
            "count": 1,
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
        messageId: 'noGpuTaint',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The cluster's name says GPU; the pool (its own name, its CPU size) does not.
        name: 'cpu-pool-of-gpu-named-cluster',
        files: {
          'main.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks-gpu-platform'
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'cpu'
  properties: {
    vmSize: 'Standard_D4s_v5'
    mode: 'User'
  }
}
`,
        },
      },
      {
        name: 'profile-with-taint',
        files: {
          'main.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-ml'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: 'aksml'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
      }
      {
        name: 'gpu'
        mode: 'User'
        vmSize: 'Standard_NC6s_v3'
        count: 1
        nodeTaints: [
          'sku=gpu:NoSchedule'
        ]
      }
    ]
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A value that reaches an element built by a for-expression: at the value, and the loop
        // body's attribute that consumes it is a related location (RULES.md "Location").
        name: 'for-expression-element-related-consumer',
        files: {
          'main.bicep': `
var pools = [
  {
    name: 'gpunp'
    taints: ⟦[]⟧
  }
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    agentPoolProfiles: [for p in pools: {
      name: p.name
      vmSize: 'Standard_NC24ads_A100_v4'
      mode: 'User'
      nodeTaints: p.taints
    }]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        related: [{ file: 'main.bicep', line: 16, label: 'attribute nodeTaints' }],
      },
      {
        // RULES.md Location: an element is located at its own name line, also when the name text comes from a param.
        name: 'element-name-from-param',
        files: {
          'main.bicep': `
param poolName string = 'gpu'

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    agentPoolProfiles: [
      {
        name: 'sys'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
      }
      {
        ⟦name: poolName⟧
        mode: 'User'
        vmSize: 'Standard_NC4as_T4_v3'
        count: 1
      }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        // Pool profiles built by a lambda (`map`, BICEP.md §6.3 item 7): evaluated, so the GPU pool
        // is seen. The element is located at its "name" where it is written (the parameter default).
        name: 'profiles-from-map-lambda',
        files: {
          'main.bicep': `
param pools array = [
  { name: ⟦'gpu'⟧, size: 'Standard_NC24ads_A100_v4' }
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-ml'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aksml'
    agentPoolProfiles: concat([
      { name: 'system', mode: 'System', vmSize: 'Standard_D4s_v5', count: 1 }
    ], map(pools, p => {
      name: p.name
      mode: 'User'
      vmSize: p.size
      count: 1
    }))
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        // The module's map() lambda writes every pool's name at one place: each pool is located at its
        // own entry in its caller's argument (one finding per caller, not one merged inside the module).
        name: 'profiles-from-map-lambda-in-a-module-per-caller',
        files: {
          'main.bicep': `
module a 'mod/main.bicep' = {
  name: 'a'
  params: {
    name: 'aks-a'
    pools: [ { name: ⟦'gpua'⟧, vmSize: 'Standard_NC4as_T4_v3', mode: 'User' } ]
  }
}

module b 'mod/main.bicep' = {
  name: 'b'
  params: {
    name: 'aks-b'
    pools: [ { name: ⟦'gpub'⟧, vmSize: 'Standard_NC4as_T4_v3', mode: 'User' } ]
  }
}
`,
          'mod/main.bicep': `
param name string
param pools array

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: name
  location: 'westeurope'
  properties: {
    agentPoolProfiles: map(pools, p => {
      name: p.name
      vmSize: p.vmSize
      mode: p.mode
    })
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'nested-agent-pool',
        files: {
          'main.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-ml'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: 'aksml'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
      }
    ]
  }
  ⟦resource gpupool 'agentPools'⟧ = {
    name: 'gpu'
    properties: {
      mode: 'User'
      vmSize: 'Standard_NC6s_v3'
      count: 1
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'profile-without-taint',
        files: {
          'main.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-ml'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: 'aksml'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 1
      }
      {
        name: ⟦'gpu'⟧
        mode: 'User'
        vmSize: 'Standard_NC6s_v3'
        count: 1
      }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'gpu-pool-with-taint',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 3\n' },
      },
      { name: 'cpu-pool', files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n user --node-vm-size Standard_D4s_v5\n' } },
      { name: 'commented-out', files: { 'deploy.sh': '# az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC6s_v3\n' } },
      {
        name: 'unknown-priority-with-a-gpu-taint',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC6s_v3 --priority $PRIORITY --node-taints sku=gpu:NoSchedule\n' },
      },
      {
        name: 'opaque-expansion-may-carry-taints',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC6s_v3 $EXTRA_ARGS\n' },
      },
      {
        // FORMATS.md §1(e) trap 6: a folded `run: >` makes `\ --node-taints` of the continued line,
        // a word the Azure CLI rejects: the taints are not decided (not "not set").
        name: 'folded-run-continuation',
        files: {
          '.github/workflows/w.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: >\n          az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC6s_v3 \\\n          --node-taints sku=gpu:NoSchedule\n',
        },
      },
      { name: 'escaped-blank-before-a-flag', files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC6s_v3 \\ --node-taints sku=gpu:NoSchedule\n' } },
      // FORMATS.md §1(e) trap 1: a later update of the default pool `aks create` made (by its --nodepool-name, else nodepool1).
      {
        name: 'default-pool-tainted-by-a-later-nodepool-update',
        files: { 'deploy.sh': 'az aks create -g rg -n aks-gpu --nodepool-name gpu0 -s Standard_NC8as_T4_v3\naz aks nodepool update -g rg --cluster-name aks-gpu -n gpu0 --node-taints sku=gpu:NoSchedule\n' },
      },
      {
        name: 'unnamed-default-pool-is-nodepool1',
        files: { 'deploy.sh': 'az aks create -g rg -n aks-gpu -s Standard_NC8as_T4_v3\naz aks nodepool update -g rg --cluster-name aks-gpu -n nodepool1 --node-taints sku=gpu:NoSchedule\n' },
      },
      {
        // FORMATS.md §1(d): an update leaves what it does not write unchanged; the pool is created
        // elsewhere, so its taints are unknown, not "not set" (review 44).
        name: 'nodepool-update-without-taints-of-a-pool-this-file-does-not-create',
        files: { 'deploy.sh': 'az aks nodepool update -g rg --cluster-name k -n gpupool --max-count 5\naz aks nodepool update -g rg --cluster-name k -n gpu2 --labels gpu=true\n' },
      },
      {
        // A pool update of an unknown name may target the default pool too.
        name: 'update-of-an-unknown-pool-name',
        files: { 'deploy.sh': 'az aks create -g rg -n aks-gpu -s Standard_NC8as_T4_v3\naz aks nodepool update -g rg --cluster-name aks-gpu -n "$POOL" --node-taints sku=gpu:NoSchedule\n' },
      },
    ],
    invalid: [
      {
        // A loop variable over literal words is one word: unquoted, it cannot carry --node-taints
        // (self-review 72: "may expand to several words", undecided).
        name: 'loop-variable-over-literal-words-is-one-argument',
        files: { 'deploy.sh': 'for c in aks-a aks-b; do\n  ⟦az⟧ aks nodepool add -g rg --cluster-name $c -n gpu --node-vm-size Standard_NC24ads_A100_v4\ndone\n' },
        level: 'error',
        env: 'unknown',
      },
      {
        // The update names another cluster's pool: the create's default pool keeps no taint.
        name: 'nodepool-update-of-another-cluster',
        files: { 'deploy.sh': '⟦az⟧ aks create -g rg -n aks-gpu --nodepool-name gpu0 -s Standard_NC8as_T4_v3\naz aks nodepool update -g rg --cluster-name other -n gpu0 --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
      },
      {
        // A `[string]` parameter is one argument, also with its type on a line of its own (review
        // 47: the name might have split into words, --nodepool-taints among them); `az --% …`,
        // PowerShell's stop-parsing token, is no argument of az.
        name: 'powershell-string-parameter-typed-on-its-own-line-and-stop-parsing',
        files: {
          'split-type.ps1': 'param (\n  [Parameter(Mandatory = $true)]\n  [string]\n  $n\n)\n⟦az⟧ aks create --name $n -g rg --node-vm-size Standard_NC4as_T4_v3\n',
          'stop-parsing.ps1': '⟦az⟧ --% aks nodepool add -g rg --cluster-name c -n gpu -s Standard_NC4as_T4_v3\n',
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'size-from-earlier-variable',
        files: { 'deploy.sh': 'GPU_SIZE=Standard_NC6s_v3\n⟦az⟧ aks nodepool add -g rg --cluster-name aks -n pool2 --node-vm-size $GPU_SIZE\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'nodepool-named-gpu-without-size',
        files: { 'deploy.sh': '⟦az⟧ aks nodepool add -g rg --cluster-name aks --name gpu\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'spot-taint-is-not-a-gpu-taint',
        files: { 'deploy.sh': '⟦az⟧ aks nodepool add -g rg --cluster-name aks -n spotpool -s Standard_NC6s_v3 --priority Spot\n' },
        level: 'error',
        env: 'unknown',
        message:
          'AKS node pool "spotpool" is a GPU pool (GPU size "Standard_NC6s_v3") but has no NoSchedule taint naming GPU (--node-taints is not set (defaults to []), plus the Spot taint AKS adds); add "sku=gpu:NoSchedule" to --node-taints so other pods stay off the GPU nodes.',
      },
      {
        name: 'spot-pool-with-a-non-gpu-taint-names-node-taints',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n spotpool -s Standard_NC6s_v3 --priority Spot --node-taints ⟦team=a:NoSchedule⟧\n' },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(--node-taints is [team=a:NoSchedule], plus the Spot taint AKS adds); add "sku=gpu:NoSchedule" to --node-taints so',
      },
      {
        // An unknown priority may add only the Spot taint, which never names GPU: the written taints decide.
        name: 'unknown-priority-keeps-the-written-taints',
        files: { 'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n pool -s Standard_NC6s_v3 --priority $PRIORITY --node-taints ⟦team=a:NoSchedule⟧\n' },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(--node-taints is [team=a:NoSchedule]); add "sku=gpu:NoSchedule" to --node-taints so',
      },
      {
        name: 'aks-create-default-pool',
        files: { 'deploy.sh': '⟦az⟧ aks create -g rg -n aks --node-vm-size Standard_NC6s_v3 --node-count 1\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaintSystemPool',
      },
    ],
  },
};


// An azapi body's agentPoolProfiles entry built by a local's `for`: the entry is written in the
// local, so its header is the entry's object there (it was `body = {`, where nothing is written).
const elementsFromLocals: RuleTable = {
  azapi: {
    valid: [],
    invalid: [
      {
        name: 'agent-pool-profile-from-a-local-for-expression',
        files: {
          'main.tf': `
locals {
  profiles = [
    for name in ["gpu1"] : ⟦{
      name              = name
      mode              = "User"
      vmSize            = "Standard_NC24ads_A100_v4"
      enableAutoScaling = true
      minCount          = 0
    }⟧
  ]
}

resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-09-01"
  name      = "aks"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      agentPoolProfiles = local.profiles
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
    ],
  },
};

// azurerm 1.x's agent_pool_profile blocks (removed in 2.0) are the cluster's pools, the first its system pool (review 50).
const agentPoolProfiles: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'gpu-agent-pool-profile-with-a-taint',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n  agent_pool_profile {\n    name    = "default"\n    vm_size = "Standard_B2ms"\n  }\n  agent_pool_profile {\n    name        = "gpu"\n    vm_size     = "Standard_NC4as_T4_v3"\n    node_taints = ["sku=gpu:NoSchedule"]\n  }\n}\n',
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-agent-pool-profile-without-a-taint',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n  agent_pool_profile {\n    name    = "default"\n    vm_size = "Standard_B2ms"\n  }\n  ⟦agent_pool_profile {⟧\n    name    = "gpu"\n    count   = 1\n    vm_size = "Standard_NC4as_T4_v3"\n  }\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        messageIncludes: 'AKS node pool "gpu"',
      },
    ],
  },
};

// A condition on a member of a local map (a template variable's object) reads a literal the
// local holds, no input: the finding is at the chosen branch, as for a scalar local (review 62:
// it was at the member inside the local).
const conditionsOnLocalMembers: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'taints-chosen-by-a-member-of-a-local-map',
        files: {
          'main.tf':
            'locals {\n  pools = {\n    gpu = { taint = false }\n  }\n}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "x"\n  vm_size               = "Standard_NC4as_T4_v3"\n  node_taints           = local.pools["gpu"].taint ? ["sku=gpu:NoSchedule"] : ⟦[]⟧\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'local "pools"', line: 2 }, { label: 'condition', line: 10 }],
      },
      {
        name: 'taints-chosen-by-each-value-of-a-local-map',
        files: {
          'main.tf':
            'locals {\n  pools = {\n    gpu = { taint = false }\n  }\n}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  for_each              = local.pools\n  name                  = each.key\n  kubernetes_cluster_id = "x"\n  vm_size               = "Standard_NC4as_T4_v3"\n  node_taints           = each.value.taint ? ["sku=gpu:NoSchedule"] : ⟦[]⟧\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'local "pools"', line: 2 }, { label: 'condition', line: 11 }],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'taints-chosen-by-a-member-of-a-var-object',
        files: {
          'main.bicep':
            "var pools = {\n  gpu: { taint: false }\n}\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks1'\n  properties: {\n    agentPoolProfiles: [\n      {\n        name: 'gpu'\n        mode: 'User'\n        vmSize: 'Standard_NC8as_T4_v3'\n        nodeTaints: pools.gpu.taint ? ['sku=gpu:NoSchedule'] : ⟦[]⟧\n      }\n    ]\n  }\n}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'variable "pools"', line: 1 }, { label: 'condition', line: 12 }],
      },
      {
        name: 'taints-chosen-by-a-loop-item-of-a-var-array',
        files: {
          'main.bicep':
            "var pools = [\n  { name: 'gpu', taint: false }\n]\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks1'\n  properties: {\n    agentPoolProfiles: [for p in pools: {\n      name: p.name\n      mode: 'User'\n      vmSize: 'Standard_NC8as_T4_v3'\n      nodeTaints: p.taint ? ['sku=gpu:NoSchedule'] : ⟦[]⟧\n    }]\n  }\n}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'variable "pools"', line: 1 }, { label: 'condition', line: 11 }],
      },
    ],
  },
};

// A tag the whole project carries (the cluster's too) does not make the system pool a GPU pool (review 66).
const projectTags: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'system-pool-with-the-project-tags',
        files: {
          'main.tf': `
variable "tags" {
  default = { Project = "aks-gpu-terraform" }
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name                         = "system"
    vm_size                      = "Standard_D2s_v3"
    only_critical_addons_enabled = true
    tags                         = var.tags
  }
  identity {
    type = "SystemAssigned"
  }
  tags = var.tags
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'pool-tagged-for-gpu-on-its-own',
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
  tags = { Project = "ml" }
}
⟦resource "azurerm_kubernetes_cluster_node_pool" "train" {⟧
  name                  = "train"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D16s_v5"
  tags                  = { Project = "ml", accelerator = "gpu" }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'its tag accelerator = "gpu" mentions GPU',
      },
    ],
  },
};

// A value read out of a map by a key not known keeps the map only for its guard (GPU002), not as a name it flowed through.
const readByUnknownKey: RuleTable = {
  terraform: {
    valid: [
      {
        // A map named for GPU that holds a CPU and a GPU size, read by a key not known: its name says
        // nothing of the size read (self-review 83: the pool was taken as meant for GPU).
        name: 'size-read-by-an-unknown-key-from-a-gpu-named-map',
        files: {
          'main.tf':
            'variable "pool_names" { type = set(string) }\nvariable "gpu_cluster_sizes" {\n  type    = map(string)\n  default = { system = "Standard_D4s_v5", gpu = "Standard_NC6s_v3" }\n}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  for_each              = var.pool_names\n  name                  = each.key\n  kubernetes_cluster_id = "x"\n  vm_size               = var.gpu_cluster_sizes[each.key]\n  node_count            = 1\n}\n',
        },
      },
    ],
    invalid: [],
  },
};

// A list written in the pool whose GPU taint (with the wrong effect) comes from an input: at the
// input's value, the attribute related, as a list read whole from an input is (RULES.md
// "Location"; review 105: ARM and Bicep pointed at the list, Terraform at the variable's default).
const taintElementFromInput: RuleTable = {
  arm: {
    invalid: [
      {
        name: 'taint-element-from-parameter-default',
        files: {
          'pool.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "gpuTaint": { "type": "string", "defaultValue": ⟦"sku=gpu:PreferNoSchedule"⟧ }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks/gpu",
      "properties": {
        "vmSize": "Standard_NC24ads_A100_v4",
        "nodeTaints": ["team=ml:NoSchedule", "[parameters('gpuTaint')]"]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'parameter "gpuTaint"', line: 5 }, { label: 'attribute properties.nodeTaints', line: 14 }],
      },
      {
        name: 'taint-element-from-parameter-file',
        files: {
          'pool.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "gpuTaint": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks/gpu",
      "properties": { "vmSize": "Standard_NC24ads_A100_v4", "nodeTaints": ["[parameters('gpuTaint')]"] }
    }
  ]
}
`,
          'pool.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "gpuTaint": { "value": ⟦"sku=gpu:NoExecute"⟧ } }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ file: 'pool.json', label: 'attribute properties.nodeTaints', line: 10 }],
      },
    ],
  },
  bicep: {
    invalid: [
      {
        name: 'taint-element-from-param-default',
        files: {
          'pool.bicep': `
param gpuTaint string = ⟦'sku=gpu:PreferNoSchedule'⟧

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}

resource gpu 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'gpu'
  properties: {
    vmSize: 'Standard_NC24ads_A100_v4'
    nodeTaints: [
      gpuTaint
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'parameter "gpuTaint"', line: 1 }, { label: 'attribute properties.nodeTaints', line: 12 }],
      },
    ],
    valid: [],
  },
  terraform: {
    invalid: [
      {
        // A literal element beside it stays in the list: no taint names GPU, the list is what to fix.
        name: 'no-taint-names-gpu-list-from-locals-stays-at-the-list',
        files: {
          'main.tf': `
variable "team_taint" {
  type    = string
  default = "team=ml:NoSchedule"
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "x"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = ⟦[var.team_taint]⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
      },
      {
        name: 'taint-element-from-variable-default',
        files: {
          'main.tf': `
variable "gpu_taint" {
  type    = string
  default = ⟦"sku=gpu:PreferNoSchedule"⟧
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "x"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = [var.gpu_taint]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noGpuTaint',
        related: [{ label: 'variable "gpu_taint"', line: 1 }, { label: 'attribute node_taints', line: 9 }],
      },
    ],
  },
};

ruleTester('AKS001', converted, azureCli, elementsFromLocals, agentPoolProfiles, conditionsOnLocalMembers, projectTags, readByUnknownKey, taintElementFromInput);

// What --verbose lists. A pool whose written taint names GPU is meant for GPU with its GPU taint,
// whatever its size and labels hold: AKS001 is decided (no finding), so it may not be listed as
// "could not decide" for the unknown size or labels (as KAITO's CI did for `az aks nodepool add
// --node-vm-size ${{ matrix… }} --labels pool=${{ steps… }}`). The rules that need the size
// (GPU001, GPU003 — a "GPU node pool" is one of a GPU size —, GPU004, TAG002) list it.
const { tree, cleanup } = tempTrees('aks001-');
afterAll(cleanup);

describe('a GPU-tainted pool of unknown size and labels', () => {
  const cases: Record<string, Record<string, string>> = {
    'azure-cli': {
      'pool.sh': 'az aks nodepool add --cluster-name aks -g rg --name "$1" --node-vm-size "$2" --labels "pool=$1" --node-taints sku=gpu:NoSchedule\n',
    },
    terraform: {
      'main.tf': `
variable "size" {
  type = string
}
variable "labels" {
  type = map(string)
}
resource "azurerm_kubernetes_cluster_node_pool" "pool" {
  name                  = "pool1"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = var.size
  node_labels           = var.labels
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
    },
  };
  for (const [format, files] of Object.entries(cases)) {
    it(`${format}: AKS001 is decided, GPU001 and GPU003 are not`, async () => {
      const dir = tree(files);
      const r = await lint({ paths: [dir], root: dir, rules: ['AKS001', 'GPU003', 'GPU001'] });
      expect(r.findings.map((f) => f.ruleId)).toEqual([]);
      expect(r.undecided.map((u) => `${u.ruleId} ${u.attribute}`).sort()).toEqual(['GPU001 vmSize', 'GPU003 vmSize']);
    });
  }
});

describe('a pool whose name may say GPU', () => {
  // RULES.md Conventions: an unknown value that hides a possible finding is recorded. AKS001's
  // pools are GPU001's "meant for GPU" ones: a name whose `gpu` follows an unknown part (maybe
  // `non-gpu`) decides it, on a pool without a GPU taint (review 62: only GPU001 was listed).
  const undecided = async (name: string, taints = ''): Promise<string[]> => {
    const dir = tree({ 'main.tf': `variable "prefix" {}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  name                  = ${name}\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = "Standard_D4s_v5"\n${taints}}\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['AKS001'] });
    expect(r.findings.filter((f) => f.ruleId === 'AKS001')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'AKS001').map((u) => `${u.attribute}: ${u.reason}`);
  };

  it('is listed when the pool has no GPU taint', async () => {
    expect(await undecided('"${var.prefix}-gpu"')).toEqual([expect.stringContaining('name: its name "…-gpu" says GPU unless the unknown part before "gpu" negates it (non-gpu)')]);
    expect(await undecided('"${var.prefix}-gpu"', '  node_taints = ["team=ml:NoSchedule"]\n')).toHaveLength(1);
  });

  it('is not listed when the pool has a GPU taint, or the name cannot say GPU', async () => {
    expect(await undecided('"${var.prefix}-gpu"', '  node_taints = ["sku=gpu:NoSchedule"]\n')).toEqual([]);
    expect(await undecided('"${var.prefix}-cpu"')).toEqual([]);
    expect(await undecided('var.prefix')).toEqual([]);
  });
});
