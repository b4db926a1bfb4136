/**
 * AML003 (image-build-compute-not-a-cluster): Image-build compute of a workspace is not a CPU AML compute cluster of that workspace.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

/** A workspace whose image-build compute is the cluster of a for_each named by its key ("gpu-a100"); `computes` is the map. */
const clusterNamedByKey = (declaration: string, computes: string): string => `${declaration}
resource "azurerm_machine_learning_workspace" "a" {
  name                     = "mlw-a"
  location                 = "westeurope"
  resource_group_name      = "rg"
  application_insights_id  = "a"
  key_vault_id             = "k"
  storage_account_id       = "s"
  image_build_compute_name = azurerm_machine_learning_compute_cluster.c["gpu-a100"].name
  identity { type = "SystemAssigned" }
}
resource "azurerm_machine_learning_compute_cluster" "c" {
  for_each                      = ${computes}
  name                          = each.key
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.a.id
  vm_priority                   = "Dedicated"
  vm_size                       = each.value
  scale_settings {
    min_node_count = 0
    max_node_count = 1
  }
}
`;

/** An azurerm ML workspace `label` named `name`, building images on `imageBuild` (an expression as written) when given. */
const tfWorkspace = (label: string, name: string, imageBuild?: string): string => `resource "azurerm_machine_learning_workspace" "${label}" {
  name                     = "${name}"
  location                 = "westeurope"
  resource_group_name      = "rg"
  application_insights_id  = "a"
  key_vault_id             = "k"
  storage_account_id       = "s"
${imageBuild ? `  image_build_compute_name = ${imageBuild}\n` : ''}  identity {
    type = "SystemAssigned"
  }
}
`;

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // Two workspaces read one local for their build compute's name: b's build compute is not in the scan (a's cluster
        // of that name is no reference b makes), so nothing is reported for b.
        name: 'shared-local-names-another-workspaces-compute',
        files: {
          'main.tf': `
locals {
  build_compute = "cpu-build"
}

${tfWorkspace('a', 'mlw-a', 'local.build_compute')}
${tfWorkspace('b', 'mlw-b', 'local.build_compute')}
resource "azurerm_machine_learning_compute_cluster" "a_cpu" {
  name                          = local.build_compute
  location                      = "westeurope"
  vm_size                       = "Standard_DS3_v2"
  vm_priority                   = "Dedicated"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.a.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
      },
      {
        name: 'compute-not-in-code',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = "cpu-cluster"
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'cpu-cluster',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = "cpu-cluster"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
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
        name: 'gpu-size-unknown',
        files: {
          'main.tf': `
variable "size" {
  type = string
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = "build"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "build"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = var.size
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
        name: 'instance-in-other-workspace',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = "ci-build"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-build"
  machine_learning_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/other"
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
      },
      {
        name: 'unknown-name',
        files: {
          'main.tf': `
variable "build_compute" {
  type = string
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = var.build_compute
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-build"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
      },
    ],
    invalid: [
      {
        // The name read from another workspace's compute (a reference, not a literal that may name a compute not scanned): located where the name is written (RULES.md Location), the reference related.
        name: 'compute-of-another-workspace-by-reference',
        files: {
          'main.tf': `
${tfWorkspace('a', 'mlw-a', 'azurerm_machine_learning_compute_cluster.b_cpu.name')}
${tfWorkspace('b', 'mlw-b')}
resource "azurerm_machine_learning_compute_cluster" "b_cpu" {
  name                          = ⟦"cpu-b"⟧
  location                      = "westeurope"
  vm_size                       = "Standard_DS3_v2"
  vm_priority                   = "Dedicated"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.b.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'otherWorkspace',
      },
      {
        // Attached computes are computes of the workspace but no AML compute cluster: an AKS inference cluster, a Synapse Spark pool.
        name: 'attached-inference-cluster-or-synapse-spark',
        files: {
          'aks/main.tf': `${tfWorkspace('a', 'mlw-a', '⟦"aks-infer"⟧')}
resource "azurerm_machine_learning_inference_cluster" "aks" {
  name                          = "aks-infer"
  location                      = "westeurope"
  cluster_purpose               = "FastProd"
  kubernetes_cluster_id         = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.a.id
}
`,
          'spark/main.tf': `${tfWorkspace('a', 'mlw-a', '⟦"spark"⟧')}
resource "azurerm_machine_learning_synapse_spark" "spark" {
  name                          = "spark"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.a.id
  synapse_spark_pool_id         = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Synapse/workspaces/syn/bigDataPools/pool"
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // The cluster's name is each.key: located where the for_each map writes the key.
        name: 'cluster-named-by-each-key',
        files: {
          'main.tf': clusterNamedByKey(
            `variable "computes" {
  type = map(string)
  default = {
    ⟦"gpu-a100"⟧ = "Standard_NC24ads_A100_v4"
  }
}`,
            'var.computes',
          ),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        // The same with the map in a YAML file: the key's line there.
        name: 'cluster-named-by-a-key-of-a-yaml-file',
        files: {
          'computes.yaml': 'computes:\n  ⟦gpu-a100⟧: Standard_NC24ads_A100_v4\n',
          'main.tf': clusterNamedByKey('locals {\n  computes = yamldecode(file("${path.module}/computes.yaml")).computes\n}', 'local.computes'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        // And in a JSON file decoded by jsondecode(file(…)).
        name: 'cluster-named-by-a-key-of-a-json-file',
        files: {
          'computes.json': '{\n  ⟦"gpu-a100"⟧: "Standard_NC24ads_A100_v4"\n}\n',
          'main.tf': clusterNamedByKey('locals {\n  computes = jsondecode(file("${path.module}/computes.json"))\n}', 'local.computes'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        // A for expression or merge() over the map keeps where each key is written.
        name: 'cluster-named-by-a-key-through-a-for-expression-or-merge',
        files: Object.fromEntries(
          ['{ for k, v in var.computes : k => v }', 'merge(var.computes, {})'].map((computes, i) => [
            `root${i}/main.tf`,
            clusterNamedByKey('variable "computes" {\n  default = {\n    ⟦"gpu-a100"⟧ = "Standard_NC24ads_A100_v4"\n  }\n}', computes),
          ]),
        ),
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        name: 'compute-instance',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = ⟦"ci-build"⟧
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-build"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
        message: /"ci-build", which is a compute instance/,
      },
      {
        name: 'gpu-cluster',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = ⟦"gpu-build"⟧
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "gpu" {
  name                          = "gpu-build"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id

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
        messageId: 'gpuCluster',
        message: /GPU size "Standard_NC6s_v3"/,
      },
      {
        name: 'prod-tfvars',
        files: {
          'main.tf': `
variable "build_compute" {
  type = string
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = var.build_compute
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-build"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
          'prod.tfvars': `
build_compute = ⟦"ci-build"⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'notACluster',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "build_compute" {
  type    = string
  default = ⟦"ci-build"⟧
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  image_build_compute_name = var.build_compute
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = var.build_compute
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'compute-not-in-code',
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
      imageBuildCompute = "cpu-cluster"
    }
  }
}
`,
        },
      },
      {
        name: 'cpu-cluster',
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
      imageBuildCompute = "cpu-cluster"
    }
  }
}

resource "azapi_resource" "cpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "cpu-cluster"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties = {
        vmSize = "Standard_DS3_v2"

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
        name: 'compute-instance',
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
      imageBuildCompute = ⟦"ci-build"⟧
    }
  }
}

resource "azapi_resource" "ci" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "ci-build"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "ComputeInstance"
      properties = {
        vmSize = "Standard_DS3_v2"

      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
      {
        name: 'gpu-cluster',
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
      imageBuildCompute = ⟦"gpu-build"⟧
    }
  }
}

resource "azapi_resource" "gpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "gpu-build"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties = {
        vmSize = "Standard_NC24ads_A100_v4"

      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'compute-not-in-template',
        files: {
          'azuredeploy.json': `
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "shared-build"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-dev",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
        name: 'cpu-cluster',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "properties": {
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "ci-build"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-build",
      "location": "westeurope",
      "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
        name: 'unknown-parameter',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "imageBuildCompute": {
      "type": "string"
    }
  },
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "[parameters('imageBuildCompute')]"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-dev",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false
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
        name: 'compute-instance',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "properties": {
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": ⟦"ci-build"⟧
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-build",
      "location": "westeurope",
      "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
      {
        name: 'gpu-cluster',
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": ⟦"gpu-build"⟧
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/gpu-build",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC6s_v3",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": 0,
            "maxNodeCount": 4
          }
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        name: 'parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "imageBuildCompute": {
      "type": "string",
      "defaultValue": ⟦"ci-dev"⟧
    }
  },
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "[parameters('imageBuildCompute')]"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-dev",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false
        }
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-build",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": 0,
            "maxNodeCount": 4
          }
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
      {
        name: 'prod-parameter-file',
        fixture: 'fixtures/AML003/arm/bad/prod-parameter-file',
        level: 'error',
        env: 'prod',
        messageId: 'notACluster',
        errors: [
          { file: 'azuredeploy.parameters.prod.json', line: 6, column: 16, endLine: 6, endColumn: 24 },
        ],
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'compute-not-in-template',
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "shared-build"
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'cpu-cluster',
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "cpu-build"
      }
    },
    "build": {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "[format('{0}/{1}', 'mlw', 'cpu-build')]",
      "location": "westeurope",
      "dependsOn": [
        "ws"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": 0,
            "maxNodeCount": 4
          }
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
        name: 'compute-instance',
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": ⟦"ci-build"⟧
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-build",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": false,
          "idleTimeBeforeShutdown": "PT60M"
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
      {
        name: 'gpu-cluster',
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
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": ⟦"gpu-build"⟧
      }
    },
    "build": {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "[format('{0}/{1}', 'mlw', 'gpu-build')]",
      "location": "westeurope",
      "dependsOn": [
        "ws"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_NC6s_v3",
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": 0,
            "maxNodeCount": 4
          }
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'cpu-cluster',
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
    imageBuildCompute: 'cpu-cluster'
  }
  resource cpucluster 'computes' = {
    name: 'cpu-cluster'
    location: 'westeurope'
    properties: {
      computeType: 'AmlCompute'
      properties: {
        vmSize: 'Standard_DS3_v2'
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
        name: 'gpu-cluster',
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
    imageBuildCompute: ⟦'gpu-cluster'⟧
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
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'cpu-cluster-in-the-same-folder',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
image_build_compute: cpu-cluster
`,
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
`,
        },
      },
      {
        name: 'compute-in-another-folder-is-not-known',
        files: {
          'ws/workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
image_build_compute: my-ci
`,
          'compute/instance.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: my-ci
type: computeinstance
`,
        },
      },
    ],
    invalid: [
      {
        name: 'names-a-compute-instance',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
image_build_compute: ⟦my-ci⟧
`,
          'instance.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: my-ci
type: computeinstance
idle_time_before_shutdown: PT30M
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
      {
        name: 'names-a-gpu-cluster',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
image_build_compute: ⟦gpu-cluster⟧
`,
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC4as_T4_v3
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'cpu-cluster',
        files: {
          'deploy.sh': `
az ml workspace create -n ws -g rg --image-build-compute cpu-cluster --public-network-access Disabled
az ml compute create -n cpu-cluster -w ws -g rg --type AmlCompute --size Standard_DS3_v2
`,
        },
      },
      { name: 'compute-not-in-scan', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --image-build-compute other --public-network-access Disabled\n' } },
    ],
    invalid: [
      {
        name: 'gpu-cluster-builds-images',
        files: {
          'deploy.sh': `
az ml workspace create -n ws -g rg --image-build-compute ⟦gpu-cluster⟧ --public-network-access Disabled
az ml compute create -n gpu-cluster -w ws -g rg --type AmlCompute --size Standard_NC6s_v3
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
      {
        name: 'compute-instance-builds-images',
        files: {
          'deploy.sh': `
az ml workspace create -n ws -g rg --image-build-compute ⟦ci1⟧ --public-network-access Disabled
az ml compute create -n ci1 -w ws -g rg --type ComputeInstance --size Standard_DS3_v2
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
    ],
  },
};

// A child name whose workspace part is unknown (a generated workspace name) still ends in a
// literal compute name: AML003 decides on it (it was listed as undecided, "name is unknown").
const partlyKnownNames: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'instance-named-after-a-generated-workspace',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "workspaceName": { "type": "string", "defaultValue": "[concat('mlw-', uniqueString(resourceGroup().id))]" }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "[parameters('workspaceName')]",
      "location": "westeurope",
      "properties": { "publicNetworkAccess": "Disabled", "imageBuildCompute": ⟦"ci-build"⟧ }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "[concat(parameters('workspaceName'), '/ci-build')]",
      "location": "westeurope",
      "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', parameters('workspaceName'))]"],
      "properties": { "computeType": "ComputeInstance", "properties": { "vmSize": "Standard_DS3_v2", "enableNodePublicIp": false } }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notACluster',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The leaf is unknown too: nothing to decide on.
        name: 'leaf-from-a-parameter-without-default',
        files: {
          'main.bicep': `
param workspaceName string = 'mlw-\${uniqueString(resourceGroup().id)}'
param computeName string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: workspaceName
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
    imageBuildCompute: 'ci-build'
  }
}

resource ci 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  name: '\${workspaceName}/\${computeName}'
  location: 'westeurope'
  properties: {
    computeType: 'ComputeInstance'
    properties: { vmSize: 'Standard_DS3_v2' }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'gpu-cluster-named-after-a-generated-workspace',
        files: {
          'main.bicep': `
param workspaceName string = 'mlw-\${uniqueString(resourceGroup().id)}'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: workspaceName
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
    imageBuildCompute: ⟦'gpu-build'⟧
  }
}

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  name: '\${workspaceName}/gpu-build'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_NC4as_T4_v3'
      scaleSettings: { minNodeCount: 0, maxNodeCount: 2 }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'gpuCluster',
      },
    ],
  },
};

ruleTester('AML003', converted, azureCli, partlyKnownNames);

// What --verbose lists: compute names are unique in a workspace, so once a compute of the scanned
// code has the image-build compute's name, a sibling whose name is known only after apply
// (`"\${random_string.p.result}instance"`) cannot be it and is not "could not decide".
const { tree, cleanup } = tempTrees('aml003-');
afterAll(cleanup);

describe('AML003 undecided', () => {
  const workspace = (ibc: string): string => `
resource "random_string" "p" {
  length  = 8
  special = false
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-demo"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  public_network_access_enabled = false
  image_build_compute_name      = "${ibc}"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "\${random_string.p.result}instance"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
  node_public_ip_enabled        = false
}

resource "azurerm_machine_learning_compute_cluster" "build" {
  name                          = "image-builder"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  node_public_ip_enabled        = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`;
  const undecided = async (ibc: string): Promise<string[]> => {
    const dir = tree({ 'main.tf': workspace(ibc) });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML003'] });
    expect(r.findings.filter((f) => f.ruleId === 'AML003')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'AML003').map((u) => u.address);
  };

  it('is decided when a compute of the scanned code has the name', async () => {
    expect(await undecided('image-builder')).toEqual([]);
  });

  it('lists the compute of unknown name when no compute has the name', async () => {
    expect(await undecided('other-builder')).toEqual(['azurerm_machine_learning_compute_instance.ci']);
  });

  it('lists the workspace when its compute is not among the resources evaluated with it (a CI step creates it: review 62)', async () => {
    const dir = tree({
      'main.tf': workspace('gpu-cluster').replace(/resource "azurerm_machine_learning_compute_instance"[\s\S]*$/, ''),
      '.github/workflows/compute.yml': 'on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create -n gpu-cluster --type AmlCompute --size Standard_NC24ads_A100_v4 -w mlw-demo -g rg-ml\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML003'] });
    expect(r.findings.filter((f) => f.ruleId === 'AML003')).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'AML003').map((u) => `${u.address}: ${u.reason}`)).toEqual([
      expect.stringContaining('azurerm_machine_learning_workspace.ws: compute "gpu-cluster" is not among the resources evaluated with the workspace'),
    ]);
  });
});
