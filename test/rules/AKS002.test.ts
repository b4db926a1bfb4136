/**
 * AKS002 (gpu-size-in-system-pool): The default/system node pool of an AKS cluster uses a GPU size.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'cpu-system-gpu-user',
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
}
`,
        },
      },
      {
        name: 'unknown-size',
        files: {
          'main.tf': `
variable "system_vm_size" {
  type = string
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = var.system_vm_size
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'default-pool-gpu',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = ⟦"Standard_NC6s_v3"⟧
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
        messageId: 'gpuSystemPool',
        message: /System node pool "system" of cluster "aks-ml" uses GPU size/,
      },
      {
        name: 'system-mode-pool',
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
  vm_size               = ⟦"Standard_NC6s_v3"⟧
  node_taints           = ["sku=gpu:NoSchedule"]
  mode                  = "System"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
      {
        name: 'tfvars-variant',
        files: {
          'dev.tfvars': `
system_vm_size = "Standard_D2s_v5"
`,
          'main.tf': `
variable "system_vm_size" {
  type    = string
  default = "Standard_D4s_v5"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  dns_prefix          = "aksml"

  default_node_pool {
    name       = "system"
    vm_size    = var.system_vm_size
    node_count = 1
  }

  identity {
    type = "SystemAssigned"
  }
}
`,
          'prod.tfvars': `
system_vm_size = ⟦"Standard_NC4as_T4_v3"⟧
`,
        },
        level: 'warning',
        env: 'prod',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'gpu-in-second-profile',
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
          name   = "gpu"
          mode   = "User"
          vmSize = "Standard_NC6s_v3"
        }
      ]
    }
  }
}
`,
        },
      },
      {
        name: 'gpu-user-agentpool',
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

    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'agentpool-system-mode',
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
      vmSize     = ⟦"Standard_NC6s_v3"⟧
      nodeTaints = ["sku=gpu:NoSchedule"]
      mode       = "System"
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
      {
        name: 'first-profile-gpu',
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
          vmSize = ⟦"Standard_ND96asr_v4"⟧
          count  = 1
        }
      ]
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'cpu-system-gpu-user',
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
        name: 'gpu-agentpool-default-user',
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
      "name": "aks-ml/gpu",
      "properties": {
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
        name: 'size-unknown-parameter',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "systemVmSize": {
      "type": "string"
    }
  },
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
            "vmSize": "[parameters('systemVmSize')]",
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
        // Pools built by map() over a parameter (the AVM managed-cluster module's shape; review 75:
        // "lambda functions are not evaluated"): the size is located at the parameter's value.
        name: 'profiles-built-by-a-map-lambda',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "pools": {
      "type": "array",
      "defaultValue": [ { "name": "system", "vmSize": ⟦"Standard_NC24ads_A100_v4"⟧, "mode": "System" } ]
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-05-01",
      "name": "aks-ml",
      "location": "westeurope",
      "properties": {
        "dnsPrefix": "aksml",
        "agentPoolProfiles": "[map(parameters('pools'), lambda('p', createObject('name', lambdaVariables('p').name, 'vmSize', lambdaVariables('p').vmSize, 'mode', lambdaVariables('p').mode, 'count', 1)))]"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
      },
      {
        name: 'first-profile-gpu',
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
            "vmSize": ⟦"Standard_NC6s_v3"⟧,
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ]
          },
          {
            "name": "cpu",
            "mode": "User",
            "vmSize": "Standard_D4s_v5",
            "count": 2
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
        messageId: 'gpuSystemPool',
      },
      {
        name: 'prod-parameter-file',
        fixture: 'fixtures/AKS002/arm/bad/prod-parameter-file',
        level: 'warning',
        env: 'prod',
        messageId: 'gpuSystemPool',
        errors: [
          { file: 'azuredeploy.parameters.prod.json', line: 6, column: 16, endLine: 6, endColumn: 35 },
        ],
      },
      {
        name: 'size-from-parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "systemVmSize": {
      "type": "string",
      "defaultValue": ⟦"Standard_NC4as_T4_v3"⟧
    }
  },
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
            "vmSize": "[parameters('systemVmSize')]",
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
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
      {
        name: 'system-mode-agentpool',
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
      "name": "aks-ml/sysgpu",
      "properties": {
        "vmSize": ⟦"Standard_ND96asr_v4"⟧,
        "count": 1,
        "mode": "System",
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
        messageId: 'gpuSystemPool',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'cpu-system-gpu-user',
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
        name: 'first-profile-gpu',
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
            "vmSize": ⟦"Standard_NC6s_v3"⟧,
            "count": 1,
            "nodeTaints": [
              "sku=gpu:NoSchedule"
            ]
          },
          {
            "name": "cpu",
            "mode": "User",
            "vmSize": "Standard_D4s_v5",
            "count": 2
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
        messageId: 'gpuSystemPool',
      },
      {
        name: 'system-mode-agentpool',
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
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks-ml/sysgpu",
      "properties": {
        "vmSize": ⟦"Standard_ND96asr_v4"⟧,
        "count": 1,
        "mode": "System",
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
        messageId: 'gpuSystemPool',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'cpu-system-pool',
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
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-system-pool',
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
        vmSize: ⟦'Standard_NC6s_v3'⟧
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
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'cpu-system-pool', files: { 'deploy.sh': 'az aks create -g rg -n aks --node-vm-size Standard_D4s_v5\n' } },
      { name: 'absent-size-server-default', files: { 'deploy.sh': 'az aks create -g rg -n aks\n' } },
    ],
    invalid: [
      {
        name: 'gpu-size-on-default-pool',
        files: { 'deploy.sh': 'az aks create -g rg -n aks -s ⟦Standard_NC6s_v3⟧ --nodepool-taints sku=gpu:NoSchedule\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
};

// azurerm 1.x: the first agent_pool_profile block is the cluster's system pool, the others are not (review 50).
const agentPoolProfiles: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'gpu-in-a-later-agent-pool-profile',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n  agent_pool_profile {\n    name    = "default"\n    vm_size = "Standard_B2ms"\n  }\n  agent_pool_profile {\n    name        = "gpu"\n    vm_size     = "Standard_NC4as_T4_v3"\n    node_taints = ["sku=gpu:NoSchedule"]\n  }\n}\n',
        },
      },
    ],
    invalid: [
      {
        // A dynamic block over a map makes its blocks in the keys' lexical order, as Terraform does:
        // "agpu" is the first block, the system pool, though written second (review 51).
        name: 'dynamic-agent-pool-profiles-in-key-order',
        files: {
          'main.tf':
            'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n  dynamic "agent_pool_profile" {\n    for_each = { sys = "Standard_D4s_v5", agpu = ⟦"Standard_NC4as_T4_v3"⟧ }\n    content {\n      name    = agent_pool_profile.key\n      vm_size = agent_pool_profile.value\n    }\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
        messageIncludes: 'System node pool "agpu"',
      },
      {
        name: 'gpu-in-the-first-agent-pool-profile',
        files: {
          'main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n  agent_pool_profile {\n    name    = "default"\n    vm_size = ⟦"Standard_NC4as_T4_v3"⟧\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
};

// A pool list only partly known (`concat([systemPool], deployGpu ? [gpuPool] : [])` with the
// condition unknown): the pools before the unknown part exist whatever it is (review 80).
const partlyKnownPools: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'unknown-condition-before-the-system-pool',
        files: {
          'main.bicep':
            "param deployGpu bool\nvar systemPool = { name: 'system', vmSize: 'Standard_NC6s_v3', mode: 'System', count: 1 }\nvar gpuPool = { name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', mode: 'User', count: 1 }\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: concat(deployGpu ? [ gpuPool ] : [], [ systemPool ])\n  }\n}\n",
        },
      },
    ],
    invalid: [
      {
        name: 'concat-with-an-unknown-conditional-part',
        files: {
          'main.bicep':
            "param deployGpu bool\nvar systemPool = { name: 'system', vmSize: ⟦'Standard_NC6s_v3'⟧, mode: 'System', count: 1 }\nvar gpuPool = { name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', mode: 'User', count: 1 }\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: concat([ systemPool ], deployGpu ? [ gpuPool ] : [])\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
      {
        name: 'spread-of-an-unknown-conditional-part',
        files: {
          'main.bicep':
            "param deployGpu bool\nvar systemPool = { name: 'system', vmSize: ⟦'Standard_NC6s_v3'⟧, mode: 'System', count: 1 }\nvar gpuPool = { name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', mode: 'User', count: 1 }\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: [ systemPool, ...(deployGpu ? [ gpuPool ] : []) ]\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'concat-with-an-unknown-if',
        files: {
          'main.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "deployGpu": { "type": "bool" } },\n  "variables": {\n    "systemPool": { "name": "system", "vmSize": ⟦"Standard_NC6s_v3"⟧, "mode": "System", "count": 1 },\n    "gpuPool": { "name": "gpu", "vmSize": "Standard_NC24ads_A100_v4", "mode": "User", "count": 1 }\n  },\n  "resources": [\n    {\n      "type": "Microsoft.ContainerService/managedClusters",\n      "apiVersion": "2024-05-01",\n      "name": "aks-ml",\n      "location": "westeurope",\n      "properties": {\n        "dnsPrefix": "aks",\n        "agentPoolProfiles": "[concat(createArray(variables(\'systemPool\')), if(parameters(\'deployGpu\'), createArray(variables(\'gpuPool\')), createArray()))]"\n      }\n    }\n  ]\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'azapi-body-concat-with-an-unknown-conditional-part',
        files: {
          'main.tf':
            'variable "deploy_gpu" { type = bool }\nlocals {\n  system_pool = { name = "system", vmSize = ⟦"Standard_NC6s_v3"⟧, mode = "System", count = 1 }\n  gpu_pool    = { name = "gpu", vmSize = "Standard_NC24ads_A100_v4", mode = "User", count = 1 }\n}\nresource "azapi_resource" "aks" {\n  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"\n  name      = "aks-ml"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  body = {\n    properties = {\n      dnsPrefix         = "aks"\n      agentPoolProfiles = concat([local.system_pool], var.deploy_gpu ? [local.gpu_pool] : [])\n    }\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
};

// A conditional whose condition is not known still gives what both its branches give: the pools
// of `if(c, union(base, {dnsPrefix: …}), base)` (review 85: every rule was "could not decide"). Objects
// agree key by key only when both have the same keys (self-review 86: a key one branch lacks may be absent).
const branchesThatAgree: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'same-pools-in-both-branches-of-an-unknown-if',
        files: {
          'main.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "windowsProfile": { "type": "object" } },\n  "variables": {\n    "base": { "dnsPrefix": "aks", "agentPoolProfiles": [ { "name": "system", "vmSize": ⟦"Standard_NC6s_v3"⟧, "mode": "System", "count": 1 } ] }\n  },\n  "resources": [\n    {\n      "type": "Microsoft.ContainerService/managedClusters",\n      "apiVersion": "2024-05-01",\n      "name": "aks-ml",\n      "location": "westeurope",\n      "properties": "[if(empty(parameters(\'windowsProfile\')), variables(\'base\'), union(variables(\'base\'), createObject(\'dnsPrefix\', \'aks-win\')))]"\n    }\n  ]\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'same-pools-in-both-branches-of-an-unknown-ternary',
        files: {
          'main.bicep':
            "param windows bool\nvar base = {\n  dnsPrefix: 'aks'\n  agentPoolProfiles: [ { name: 'system', vmSize: ⟦'Standard_NC6s_v3'⟧, mode: 'System', count: 1 } ]\n}\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: windows ? union(base, { dnsPrefix: 'aks-win' }) : base\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'azapi-same-pools-in-both-branches-of-an-unknown-conditional',
        files: {
          'main.tf':
            'variable "windows" { type = bool }\nlocals {\n  base = { dnsPrefix = "aks", agentPoolProfiles = [{ name = "system", vmSize = ⟦"Standard_NC6s_v3"⟧, mode = "System", count = 1 }] }\n}\nresource "azapi_resource" "aks" {\n  type      = "Microsoft.ContainerService/managedClusters@2024-05-01"\n  name      = "aks-ml"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  body = {\n    properties = var.windows ? merge(local.base, { dnsPrefix = "aks-win" }) : local.base\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'gpuSystemPool',
      },
    ],
  },
};

ruleTester('AKS002', converted, azureCli, agentPoolProfiles, partlyKnownPools, branchesThatAgree);
