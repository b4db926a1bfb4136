/**
 * TAG002 (gpu-resource-without-cost-center): GPU resource without a cost-center tag.
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
        name: 'case-insensitive-via-merge',
        files: {
          'main.tf': `
locals {
  common_tags = {
    "Cost-Center" = "ml"
  }
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
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = merge(local.common_tags, { project = "x" })
}
`,
        },
      },
      {
        name: 'cost-center',
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
        name: 'unknown-tags',
        files: {
          'main.tf': `
variable "tags" {
  type = map(string)
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
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = var.tags
}
`,
        },
      },
    ],
    invalid: [
      {
        // The instances of one for_each share one finding at the declaration; one of another size is
        // named apart ("with its own values"), neither lost nor said to be the same (review 51).
        name: 'for-each-instances-of-different-sizes',
        files: {
          'main.tf':
            '⟦resource "azurerm_kubernetes_cluster_node_pool" "np" {⟧\n  for_each              = { a = "Standard_NC24ads_A100_v4", b = "Standard_NV36ads_A10_v5" }\n  name                  = "gpu${each.key}"\n  kubernetes_cluster_id = "x"\n  vm_size               = each.value\n  node_taints           = ["sku=gpu:NoSchedule"]\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
        messageIncludes: '(also reported for "gpub", another instance of the same declaration, with its own values).',
      },
      {
        name: 'merge-without-cost-center',
        files: {
          'main.tf': `
locals {
  common_tags = {
    owner = "ml"
  }
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
  node_taints           = ["sku=gpu:NoSchedule"]
  tags = ⟦merge(local.common_tags, { project = "x" })⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        name: 'node-pool-no-tags',
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
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        name: 'tags-without-cost-center',
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
  tags = ⟦{
    owner = "ml-team"
  }⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'vm-with-cost-center',
        files: {
          'main.tf': `
resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  tags = {
    "cost-center" = "research"
  }
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
`,
        },
      },
      {
        // The azapi provider's default_tags go to a resource that sets no tags of its own (review 58: a false TAG002).
        name: 'vm-tagged-by-the-provider-default-tags',
        files: {
          'main.tf': `provider "azapi" {
  default_tags = { "cost-center" = "ml", owner = "platform" }
}
resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
`,
        },
      },
      {
        // tags = null (a variable with a null default) is not set: the provider's default_tags go (review 59).
        name: 'vm-null-tags-take-the-provider-default-tags',
        files: {
          'main.tf': 'provider "azapi" {\n  default_tags = { "cost-center" = "ml" }\n}\nvariable "tags" {\n  default = null\n}\nresource "azapi_resource" "vm" {\n  type      = "Microsoft.Compute/virtualMachines@2024-03-01"\n  name      = "vm-train"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  tags      = var.tags\n  body = {\n    properties = {\n      hardwareProfile = {\n        vmSize = "Standard_NC6s_v3"\n      }\n    }\n  }\n}\n',
        },
      },
      {
        // Several azapi provider blocks and a resource in a module: which one it gets is not read (undecided, not reported).
        name: 'module-resource-with-several-provider-blocks-declaring-default-tags',
        files: {
          'main.tf': 'provider "azapi" {\n  default_tags = { "cost-center" = "ml" }\n}\nprovider "azapi" {\n  alias = "other"\n}\nmodule "vm" {\n  source = "./vm"\n}\n',
          'vm/main.tf': `
resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
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
        // A resource's own tags replace the provider's default_tags (azapi does not merge them).
        name: 'vm-own-tags-replace-the-provider-default-tags',
        files: {
          'main.tf': `provider "azapi" {
  default_tags = { "cost-center" = "ml" }
}
resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  tags      = ⟦{ owner = "platform" }⟧
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        name: 'vm-without-tags',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "vm" {⟧
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-train"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_NC6s_v3"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
  arm: {
    valid: [
      {
        // ARM evaluates an expression in a property name (Bicep compiles `'${name}': v` to one).
        name: 'tag-name-from-an-expression',
        files: { 'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "costTagName": { "type": "string", "defaultValue": "cost-center" } },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "gpu-vm",
      "location": "westeurope",
      "tags": { "[parameters('costTagName')]": "ml" },
      "properties": { "hardwareProfile": { "vmSize": "Standard_NC4as_T4_v3" } }
    }
  ]
}
` },
      },
      {
        // The name's parameter has no value here: the tag map is not known, so nothing is reported.
        name: 'tag-name-from-an-unknown-parameter',
        files: { 'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "costTagName": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "gpu-vm",
      "location": "westeurope",
      "tags": { "[parameters('costTagName')]": "ml" },
      "properties": { "hardwareProfile": { "vmSize": "Standard_NC4as_T4_v3" } }
    }
  ]
}
` },
      },
      {
        name: 'profile-with-cost-center',
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
            "tags": {
              "Cost-Center": "ml"
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
        name: 'profile-without-cost-center',
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
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'profile-with-cost-center',
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
            "tags": {
              "Cost-Center": "ml"
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
        name: 'profile-without-cost-center',
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
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'profile-with-cost-center',
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
        tags: {
          'cost-center': 'ml-research'
        }
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
        name: 'profile-without-cost-center',
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
        nodeTaints: [
          'sku=gpu:NoSchedule'
        ]
      }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        // A document with a syntax error is not judged (its tags may be what the error cut off).
        name: 'document-with-a-syntax-error-not-judged',
        files: {
          'compute.yml': `$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu
type: amlcompute
size: Standard_NC24ads_A100_v4
min_instances: 0
 max_instances: 4
tags:
  cost-center: ml-research
`,
        },
        parseError: true,
      },
      {
        name: 'cost-center-tag',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: train
type: amlcompute
size: Standard_NC4as_T4_v3
tags:
  cost-center: "4711"
`,
        },
      },
      {
        name: 'cpu-cluster-no-tags',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu
type: amlcompute
size: Standard_DS3_v2
`,
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-cluster-without-tags',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: train
⟦type: amlcompute⟧
size: Standard_NC4as_T4_v3
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        // The tags map without the tag: the finding is the map, ending with its last value (not on the next line).
        name: 'gpu-cluster-tags-without-cost-center',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: train
type: amlcompute
size: Standard_NC4as_T4_v3
tags:
  ⟦owner: ml-team
  team: vision⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        // A last entry without a value ends the map with its colon.
        name: 'gpu-cluster-tags-last-entry-without-value',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: train
type: amlcompute
size: Standard_NC4as_T4_v3
tags:
  ⟦owner: ml-team
  team:⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // `${{ a || b }}` is put in before the shell runs: its `||` ends no command, so --tags after it is read (review 50).
        name: 'tag-after-an-expression-with-an-operator',
        files: {
          '.github/workflows/w.yml':
            'on:\n  workflow_dispatch:\n    inputs:\n      min: {type: string, default: "0"}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az aks nodepool add -g rg --cluster-name c -n gpu -s Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --min-count ${{ inputs.min || 0 }} --max-count 2 --tags cost-center=a\n',
        },
      },
      { name: 'cost-center', files: { 'deploy.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size Standard_NC6s_v3 --tags cost-center=1234 team=ml\n' } },
      { name: 'cpu-size', files: { 'deploy.sh': 'az vm create -n vm1 -g rg --image Ubuntu2204 --size Standard_D4s_v5\n' } },
      {
        name: 'template-call-cpu',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@main
    with:
      cluster_name: cpu-cluster
      size: Standard_DS3_v2
      min_instances: 0
      max_instances: 1
`,
        },
      },
    ],
    invalid: [
      {
        // A steps template is expanded into its pipeline: $(workspace) is the caller's variable, one word,
        // so the command's absent --tags is decided (no unquoted unknown expansion may carry it).
        name: 'pipeline-template-reads-the-callers-variables',
        files: {
          'azure-pipelines.yml': 'variables:\n  - name: workspace\n    value: mlw-prod\nsteps:\n  - template: templates/compute.yml\n    parameters:\n      clusterName: gpu-train\n',
          'templates/compute.yml':
            'parameters:\n  - name: clusterName\n    type: string\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: sc\n      scriptType: bash\n      scriptLocation: inlineScript\n      inlineScript: |\n        ⟦az⟧ ml compute create -n ${{ parameters.clusterName }} --type amlcompute --size Standard_NC8as_T4_v3 -g rg -w $(workspace)\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        name: 'gpu-size-default-expansion-no-tags',
        files: { 'deploy.sh': '⟦az⟧ vm create -n vm1 -g rg --image Ubuntu2204 --size ${SIZE:-Standard_NC6s_v3}\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      {
        name: 'tags-without-cost-center',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule --tags ⟦team=ml⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
        messageIncludes: 'add a "cost-center" tag to its --tags.',
      },
      {
        // One quoted word whose key is written: the key is known whatever the value (audit 54: the
        // whole --tags was unknown). An unquoted `owner=$OWNER` may split into more keys: undecided.
        name: 'tag-key-written-before-an-unknown-value',
        files: { 'deploy.sh': 'az vm create -n vm1 -g rg --image Ubuntu2204 --size Standard_NC4as_T4_v3 --tags ⟦owner="$OWNER"⟧\naz vm create -n vm2 -g rg --image Ubuntu2204 --size Standard_NC4as_T4_v3 --tags owner=$OWNER\naz vm create -n vm3 -g rg --image Ubuntu2204 --size Standard_NC4as_T4_v3 --tags "cost-center=$CC"\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'noCostCenter',
      },
      // Every az resource names the flag in the fix text, written or not.
      ...[
        ['aks-nodepool-add', 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 --node-taints sku=gpu:NoSchedule', '--tags'],
        ['vmss-create', 'az vmss create -n ss -g rg --image Ubuntu2204 --vm-sku Standard_NC6s_v3', '--tags'],
        ['vm-create', 'az vm create -n vm1 -g rg --image Ubuntu2204 --size Standard_NC6s_v3', '--tags'],
        ['aks-create-default-pool', 'az aks create -n aks -g rg -s Standard_NC6s_v3 --tags cost-center=1', '--nodepool-tags'],
      ].map(([name, cmd, flag]) => ({
        name: `${name}-names-${flag}`,
        files: { 'deploy.sh': `⟦az⟧${cmd!.slice(2)}\n` },
        level: 'error' as const,
        env: 'unknown' as const,
        messageId: 'noCostCenter',
        messageIncludes: `add a "cost-center" tag to its ${flag}.`,
      })),
      {
        name: 'mlops-templates-github-call',
        files: {
          '.github/workflows/train.yml': `
on: workflow_dispatch
jobs:
  compute:
    uses: ⟦Azure/mlops-templates/.github/workflows/create-compute.yml@main⟧
    with:
      cluster_name: gpu-cluster
      size: Standard_NC6
      min_instances: 0
      max_instances: 1
      cluster_tier: low_priority
`,
        },
        level: 'error',
        env: 'unknown',
        // The template has no tags input: the fix is in a copy of it or after it (review 107).
        messageId: 'templateTakesNoTags',
        message:
          'AML compute "gpu-cluster" has GPU size "Standard_NC6" but no "cost-center" tag, so its GPU spend cannot be attributed; the template "mlops-templates create-compute" takes no tags: add --tags cost-center=… to the az ml compute create in a copy of it, or run az ml compute update --tags cost-center=… after it.',
      },
      {
        name: 'mlops-templates-pipeline-call',
        files: {
          'azure-pipelines.yml': `
trigger: none
resources:
  repositories:
  - repository: mlops-templates
    name: Azure/mlops-templates
    type: github
    endpoint: gh
stages:
- stage: train
  jobs:
  - job: compute
    steps:
    - template: ⟦templates/aml-cli-v2/create-compute.yml@mlops-templates⟧
      parameters:
        cluster_name: gpu-cluster
        size: Standard_NV6
        min_instances: 0
        max_instances: 1
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'templateTakesNoTags',
      },
    ],
  },
};


// A tag spelled like the cost-center tag but not the same name (cost_center): still a finding,
// and the fix it names is a rename.
const nearMiss: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'same-name-other-case',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC4as_T4_v3"
  tags                  = { "Cost-Center" = "ml" }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'underscore-instead-of-hyphen',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC4as_T4_v3"
  tags                  = ⟦{ cost_center = "ml" }⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nearMiss',
        message:
          'Node pool "gpu" has GPU size "Standard_NC4as_T4_v3" but no "cost-center" tag ("cost_center" is another tag name), so its GPU spend cannot be attributed; rename "cost_center" to "cost-center" in its tags.',
      },
    ],
  },
};

// The instances of a pool block inside a registry module (read through modules.json) are
// reported at the module call, where the caller can act: one finding that names the other
// instances, as inside a local module (review 69: "gpub" was not named anywhere).
const registryModuleInstances: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'for-each-pools-of-a-registry-module-named-at-the-call',
        files: {
          'main.tf':
            'terraform {\n  backend "azurerm" {}\n  required_providers {\n    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "~> 4.20"\n    }\n  }\n}\n\nprovider "azurerm" {\n  features {}\n}\n\n⟦module "gpu" {⟧\n  source  = "example/gpupools/azurerm"\n  version = "1.0.0"\n  pools   = { gpua = "Standard_NC4as_T4_v3", gpub = "Standard_NC8as_T4_v3" }\n}\n',
          '.terraform/modules/modules.json': '{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"gpu","Source":"registry.terraform.io/example/gpupools/azurerm","Version":"1.0.0","Dir":".terraform/modules/gpu"}]}\n',
          '.terraform/modules/gpu/main.tf':
            'variable "pools" {\n  type = map(string)\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  for_each              = var.pools\n  name                  = each.key\n  kubernetes_cluster_id = "x"\n  vm_size               = each.value\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { owner = "ml" }\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(also reported for "gpub", another instance of the same declaration, with its own values)',
      },
    ],
  },
};

// Two calls of one node-pool module whose deployment names and cluster name are not known (the azd
// layout: names from readEnvironmentVariable()): each pool keeps its own known name, and the
// finding they share names the other (review 95: both read as "nodePool", the second not named).
const NODE_POOL_MODULE = `param clusterName string
param name string
param vmSize string
param tags object = {}
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' existing = {
  name: clusterName
}
resource nodePool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: name
  properties: {
    vmSize: vmSize
    nodeTaints: [ 'sku=gpu:NoSchedule' ]
    enableAutoScaling: true
    minCount: 0
    maxCount: 2
    tags: tags
  }
}
`;
const unknownParentName: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'two-calls-of-a-pool-module-under-a-cluster-of-unknown-name',
        files: {
          'modules/nodepool.bicep': NODE_POOL_MODULE,
          'main.bicep': `var env = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param tags object = ⟦{ owner: 'ml' }⟧
module poolA 'modules/nodepool.bicep' = {
  name: 'np-a-\${env}'
  params: { clusterName: 'aks-\${env}', name: 'projecta', vmSize: 'Standard_NC8as_T4_v3', tags: tags }
}
module poolB 'modules/nodepool.bicep' = {
  name: 'np-b-\${env}'
  params: { clusterName: 'aks-\${env}', name: 'projectb', vmSize: 'Standard_NC4as_T4_v3', tags: tags }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Node pool "<aks.name>/projecta" has GPU size "Standard_NC8as_T4_v3" but no "cost-center" tag, so its GPU spend cannot be attributed; add a "cost-center" tag to its properties.tags (also reported for "<aks.name>/projectb", another instance',
      },
    ],
  },
};

ruleTester('TAG002', converted, azureCli, nearMiss, registryModuleInstances, unknownParentName);

describe('TAG002: where tags come from (review 85, self-review 86)', () => {
  const { tree, cleanup } = tempTrees('mil-tag002-');
  afterAll(cleanup);
  it('tags the resource takes from the provider have no place in the resource: no "attribute tags" related at its body', async () => {
    const dir = tree({
      'main.tf':
        'provider "azapi" {\n  default_tags = { owner = "ml" }\n}\nresource "azapi_resource" "gpu" {\n  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"\n  name      = "gpu-cluster"\n  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"\n  location  = "westeurope"\n  body = {\n    properties = {\n      computeType = "AmlCompute"\n      properties  = { vmSize = "Standard_NC4as_T4_v3", scaleSettings = { minNodeCount = 0, maxNodeCount = 2 } }\n    }\n  }\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['TAG002'], noConfig: true });
    expect(r.findings.map((f) => `${f.location.range.start.line}:${f.location.range.start.column} ${f.related.map((l) => `${l.range.start.line} ${l.label}`).join(', ')}`)).toEqual(['2:18 12 GPU size "Standard_NC4as_T4_v3"']);
  });

  it('tags of branches with different keys: whether cost-center is there is not known (undecided, never taken as present)', async () => {
    const dir = tree({
      'main.tf':
        'variable "c" { type = bool }\nresource "azurerm_machine_learning_compute_cluster" "gpu" {\n  name                          = "gpu"\n  location                      = "westeurope"\n  machine_learning_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"\n  vm_priority                   = "Dedicated"\n  vm_size                       = "Standard_NC6s_v3"\n  scale_settings {\n    min_node_count = 0\n    max_node_count = 2\n  }\n  tags = var.c ? { "cost-center" = "ml", owner = "a" } : { owner = "a" }\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['TAG002'], noConfig: true });
    expect(r.findings).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'TAG002').length).toBeGreaterThan(0);
  });
});

describe('TAG002: where the GPU size is written is a related location (review 130)', () => {
  const trees = tempTrees('mil-tag002-size-');
  afterAll(() => trees.cleanup());
  it('the --set of the az ml compute create that sizes a compute file', async () => {
    const dir = trees.tree({
      'ml/gpu.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: Standard_D4s_v3\nmin_instances: 0\n',
      'deploy.sh': 'az ml compute create -f ml/gpu.yml -g rg -w mlw --set size=Standard_NC24ads_A100_v4\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['TAG002'], noConfig: true });
    expect(r.findings.map((f) => f.related.map((l) => `${l.label} ${l.file.slice(dir.length + 1)}:${l.range.start.line}`))).toEqual([['GPU size "Standard_NC24ads_A100_v4" deploy.sh:1', 'az ml compute create --file deploy.sh:1']]);
  });
  it('a variable default', async () => {
    const dir = trees.tree({
      'main.tf': 'variable "gpu_size" {\n  default = "Standard_NC24ads_A100_v4"\n}\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "aks"\n  vm_size               = var.gpu_size\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['TAG002'], noConfig: true });
    expect(r.findings.map((f) => f.related.map((l) => `${l.label} ${l.range.start.line}`).filter((x) => x.startsWith('GPU size')))).toEqual([['GPU size "Standard_NC24ads_A100_v4" 2']]);
  });
});
