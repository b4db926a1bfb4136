/**
 * AML006 (compute-node-public-ip): AML compute with node public IPs in a workspace whose public access is disabled.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'node-ip-unknown',
        files: {
          'main.tf': `
variable "nip" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
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
  node_public_ip_enabled        = var.nip
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
        name: 'node-public-ip-disabled',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
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
  node_public_ip_enabled        = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-dev"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
  node_public_ip_enabled        = false
}
`,
        },
      },
      {
        name: 'public-workspace',
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
        name: 'workspace-access-unknown',
        files: {
          'main.tf': `
variable "ws_public" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.ws_public
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
        name: 'workspace-not-in-code',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "westeurope"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  machine_learning_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // RULES.md "Values chosen by a condition": each.key decided it, and a key is where the map
        // writes it (the for_each variable's default), not its value's line.
        name: 'condition-on-each-key-is-located-at-the-key',
        files: {
          'main.tf': `variable "instances" {
  type = map(string)
  default = {
    "ci-a" = "Standard_DS11_v2"
    ⟦"ci-b"⟧ = "Standard_DS3_v2"
  }
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "a"
  key_vault_id                  = "k"
  storage_account_id            = "s"
  public_network_access_enabled = false
  identity { type = "SystemAssigned" }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  for_each                      = var.instances
  name                          = each.key
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = each.value
  node_public_ip_enabled        = each.key == "ci-b" ? true : false
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        messageIncludes: 'AML compute instance "ci-b"',
      },
      {
        name: 'cluster-absent-default',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}

⟦resource "azurerm_machine_learning_compute_cluster" "cpu" {⟧
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
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        message: /defaults to true.*public network access disabled/,
      },
      {
        // The workspace through a local that holds the resource (the AVM module's
        // `resource_id = local.aml_resource.id`, `aml_resource = azapi_resource.this[0]`).
        name: 'workspace-through-a-local-holding-the-resource',
        files: {
          'main.tf': `
locals {
  workspace = azapi_resource.ws[0]
}

resource "azapi_resource" "ws" {
  count     = 1
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}

⟦resource "azapi_resource" "cpu" {⟧
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "cpu-cluster"
  parent_id = local.workspace.id
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
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
      {
        name: 'instance-explicit-true',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-dev"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
  node_public_ip_enabled        = ⟦true⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        related: [{ label: /public network access disabled/ }],
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "node_public_ip" {
  type    = bool
  default = ⟦true⟧
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
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
  node_public_ip_enabled        = var.node_public_ip
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
        messageId: 'nodePublicIp',
      },
      {
        name: 'workspace-private-from-tfvars',
        files: {
          'main.tf': `
variable "ws_public" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.ws_public
  identity {
    type = "SystemAssigned"
  }
}

⟦resource "azurerm_machine_learning_compute_cluster" "cpu" {⟧
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
ws_public = false
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'nodePublicIp',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'node-public-ip-disabled',
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
      publicNetworkAccess = "Disabled"
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
        enableNodePublicIp = false
      }
    }
  }
}
`,
        },
      },
      {
        name: 'public-workspace',
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
      publicNetworkAccess = "Enabled"
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
        name: 'cluster-absent-default',
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
      publicNetworkAccess = "Disabled"
    }
  }
}

⟦resource "azapi_resource" "cpu" {⟧
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
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
      {
        name: 'instance-explicit-true',
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
      publicNetworkAccess = "Disabled"
    }
  }
}

resource "azapi_resource" "ci" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "ci-dev"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "ComputeInstance"
      properties = {
        vmSize = "Standard_DS3_v2"
        enableNodePublicIp = ⟦true⟧
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'disabled',
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
        name: 'public-workspace',
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
        "publicNetworkAccess": "Enabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
      },
      {
        name: 'workspace-access-unknown',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
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
        "publicNetworkAccess": "[parameters('publicAccess')]"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
      },
    ],
    invalid: [
      {
        name: 'cluster-absent-default',
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
      ⟦"type": "Microsoft.MachineLearningServices/workspaces/computes"⟧,
      "apiVersion": "2024-04-01",
      "name": "mlw/ci-build",
      "location": "westeurope",
      "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2"
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
      {
        // A child declared inside its parent with the full type and a name whose parent part is
        // unknown (`concat(parameters('workspaceName'), '/', 'cpu-cluster')`, no default): the
        // name is already full, so the parent's name is not prefixed a second time and the
        // cluster keeps its workspace (it was "<ws>/<ws>/cpu-cluster", workspace unknown).
        name: 'nested-child-full-type-unknown-name',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "workspaceName": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2023-04-01",
      "name": "[parameters('workspaceName')]",
      "location": "westeurope",
      "properties": {
        "publicNetworkAccess": "Disabled"
      },
      "resources": [
        {
          ⟦"type": "Microsoft.MachineLearningServices/workspaces/computes"⟧,
          "apiVersion": "2023-04-01",
          "name": "[concat(parameters('workspaceName'), '/', 'cpu-cluster')]",
          "location": "westeurope",
          "dependsOn": [ "[parameters('workspaceName')]" ],
          "properties": {
            "computeType": "AmlCompute",
            "properties": {
              "vmSize": "Standard_DS3_v2"
            }
          }
        }
      ]
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        message: 'AML compute cluster "<workspaceName>/cpu-cluster" gives its nodes public IPs because properties.properties.enableNodePublicIp is not set (defaults to true), although workspace "<workspaceName>" has public network access disabled; set properties.properties.enableNodePublicIp to false.',
      },
      {
        name: 'instance-explicit-true',
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
      "name": "mlw/ci-dev",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": ⟦true⟧,
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
        messageId: 'nodePublicIp',
      },
      {
        name: 'parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "nodePublicIp": {
      "type": "bool",
      "defaultValue": ⟦true⟧
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
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": "[parameters('nodePublicIp')]",
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
        messageId: 'nodePublicIp',
      },
      {
        name: 'workspace-private-in-prod-parameter-file',
        fixture: 'fixtures/AML006/arm/bad/workspace-private-in-prod-parameter-file',
        level: 'error',
        env: 'prod',
        messageId: 'nodePublicIp',
        errors: [
          { file: 'azuredeploy.json', line: 24, column: 7, endLine: 24, endColumn: 70 },
        ],
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'disabled',
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
    "cluster": {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "[format('{0}/{1}', 'mlw', 'cpu-cluster')]",
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
      {
        name: 'public-workspace',
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
        "publicNetworkAccess": "Enabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
      },
    ],
    invalid: [
      {
        name: 'cluster-absent-default',
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
    "cluster": {
      ⟦"type": "Microsoft.MachineLearningServices/workspaces/computes"⟧,
      "apiVersion": "2024-04-01",
      "name": "[format('{0}/{1}', 'mlw', 'cpu-cluster')]",
      "location": "westeurope",
      "dependsOn": [
        "ws"
      ],
      "properties": {
        "computeType": "AmlCompute",
        "properties": {
          "vmSize": "Standard_DS3_v2",
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
        messageId: 'nodePublicIp',
      },
      {
        name: 'instance-explicit-true',
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
      "name": "mlw/ci-dev",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
      "properties": {
        "computeType": "ComputeInstance",
        "properties": {
          "vmSize": "Standard_DS3_v2",
          "enableNodePublicIp": ⟦true⟧,
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
        messageId: 'nodePublicIp',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // A module deployed to another resource group makes a compute under an `existing` workspace of the
        // same name there: not the private workspace here (review 60: a false error).
        name: 'compute-under-a-same-named-workspace-of-another-resource-group',
        files: { 'main.bicep': `resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw1'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

module otherCl 'cluster.bicep' = {
  name: 'other'
  scope: resourceGroup('other-rg')
  params: {
    workspaceName: 'mlw1'
  }
}
`, 'cluster.bicep': `param workspaceName string
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: workspaceName
}
resource cl 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cpu'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      scaleSettings: { minNodeCount: 0, maxNodeCount: 2 }
    }
  }
}
` },
      },
      {
        // The same project under a public hub: the project's own absent setting is not its network's.
        name: 'compute-of-a-project-whose-hub-is-public',
        files: {
          'main.bicep': "resource hub 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'hub1'\n  location: 'westeurope'\n  kind: 'Hub'\n  properties: {\n    publicNetworkAccess: 'Enabled'\n  }\n}\n\nresource proj 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'proj1'\n  location: 'westeurope'\n  kind: 'Project'\n  properties: {\n    hubResourceId: hub.id\n    publicNetworkAccess: 'Disabled'\n  }\n}\n\nresource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {\n  parent: proj\n  name: 'cpu'\n  location: 'westeurope'\n  properties: {\n    computeType: 'AmlCompute'\n  }\n}\n",
        },
      },
      {
        name: 'disabled',
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
        enableNodePublicIp: false
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
        // An AI Foundry project takes its hub's network settings: a compute of a project whose
        // hub has public access disabled is judged against the hub (valid: the hub is public).
        name: 'compute-of-a-project-whose-hub-is-private',
        files: {
          'main.bicep': `resource hub 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'hub1'
  location: 'westeurope'
  kind: 'Hub'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource proj 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'proj1'
  location: 'westeurope'
  kind: 'Project'
  properties: {
    hubResourceId: hub.id
  }
}

⟦resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01'⟧ = {
  parent: proj
  name: 'cpu'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIpHub',
        message: 'AML compute cluster "proj1/cpu" gives its nodes public IPs because properties.properties.enableNodePublicIp is not set (defaults to true), although the hub "hub1" of project "proj1" has public network access disabled; set properties.properties.enableNodePublicIp to false.',
      },
      {
        name: 'cluster-absent-default',
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
  ⟦resource cpucluster 'computes'⟧ = {
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
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'node-public-ip-off',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
enable_node_public_ip: false
`,
        },
      },
      {
        name: 'workspace-not-known-in-another-folder',
        files: {
          'ws/workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'compute/cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
`,
        },
      },
      {
        name: 'two-workspaces-in-the-folder',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'workspace2.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-other
`,
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
        // One workspace per environment in one folder: each compute's is the one of its own class.
        name: 'one-workspace-per-environment-class',
        files: {
          'workspace-prod.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-prod
public_network_access: Disabled
`,
          'workspace-dev.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-dev
public_network_access: Enabled
`,
          'compute-prod.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-prod
⟦type: amlcompute⟧
`,
          'compute-dev.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-dev
type: amlcompute
`,
        },
        level: 'error',
        env: 'prod',
      },
      {
        // The workspace file's name says prod, the cluster's says nothing: still the folder's only
        // workspace (each file keeps its own environment class).
        name: 'workspace-file-named-for-an-environment',
        files: {
          'workspace-prod.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
⟦type: amlcompute⟧
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'absent-defaults-true',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
⟦type: amlcompute⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        related: [{ file: 'workspace.yml', line: 3 }],
      },
      {
        name: 'explicit-true-on-an-instance',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-private
public_network_access: Disabled
`,
          'instance.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: my-ci
type: computeinstance
idle_time_before_shutdown: PT30M
enable_node_public_ip: ⟦true⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'no-node-public-ip',
        files: {
          'deploy.sh': `
az ml workspace create -n ws -g rg --public-network-access Disabled
az ml compute create -n cpu-cluster -w ws --type AmlCompute --enable-node-public-ip false
`,
        },
      },
      { name: 'workspace-public', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg\naz ml compute create -n cpu-cluster -w ws --type AmlCompute\n' } },
      {
        // A job's `with:` cannot read the env context (GitHub rejects it): the workspace is unknown (self-review 63).
        name: 'mlops-templates-create-compute-workspace-from-env-in-a-job-with',
        files: {
          '.github/workflows/c.yml':
            'on: workflow_dispatch\nenv:\n  WS: mlw-dev\njobs:\n  ws:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml workspace create -n mlw-dev -g rg --public-network-access Disabled\n  tpl:\n    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@v1\n    with:\n      cluster_name: cpu-cluster\n      size: Standard_DS3_v2\n      workspace_name: ${{ env.WS }}\n',
        },
      },
      {
        name: 'mlops-templates-create-compute-under-a-public-workspace',
        files: {
          '.github/workflows/c.yml':
            'on: workflow_dispatch\njobs:\n  ws:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml workspace create -n mlw-dev -g rg\n  tpl:\n    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@v1\n    with:\n      cluster_name: cpu-cluster\n      size: Standard_DS3_v2\n      workspace_name: mlw-dev\n',
        },
      },
      // The default workspace is set after the command, or cleared, or under a condition: not this compute's known workspace.
      { name: 'configure-default-after-the-command', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\naz ml compute create -n cpu-cluster --type AmlCompute\naz configure --defaults workspace=ws\n' } },
      { name: 'configure-default-cleared', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\naz configure --defaults workspace=ws\naz configure --defaults workspace=\naz ml compute create -n cpu-cluster --type AmlCompute\n' } },
      // A later `az config set defaults.workspace=…`, the `--defaults=…` form, or AZURE_DEFAULTS_WORKSPACE (before the file) changes it.
      { name: 'config-set-changes-the-default', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\naz configure --defaults workspace=ws\naz config set defaults.workspace=ws-pub\naz ml compute create -n cpu-cluster --type AmlCompute\n' } },
      { name: 'configure-defaults-equals-form', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\naz configure --defaults workspace=ws\naz configure --defaults=workspace=ws-pub\naz ml compute create -n cpu-cluster --type AmlCompute\n' } },
      { name: 'environment-default-comes-first', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\naz configure --defaults workspace=ws\nexport AZURE_DEFAULTS_WORKSPACE=ws-pub\naz ml compute create -n cpu-cluster --type AmlCompute\n' } },
      { name: 'configure-default-under-a-condition', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\nif [ -n "$PRIVATE" ]; then\n  az configure --defaults workspace=ws\nfi\naz ml compute create -n cpu-cluster --type AmlCompute\n' } },
    ],
    invalid: [
      {
        // The mlops-templates create-compute workflow runs `az ml compute create … --workspace-name ${{ inputs.workspace_name }}`
        // without --enable-node-public-ip (the command's default, true): linked to the caller's workspace (review 62).
        name: 'mlops-templates-create-compute-under-a-private-workspace',
        files: {
          '.github/workflows/c.yml':
            'on: workflow_dispatch\njobs:\n  ws:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml workspace create -n mlw-dev -g rg --public-network-access Disabled\n  tpl:\n    uses: ⟦Azure/mlops-templates/.github/workflows/create-compute.yml@v1⟧\n    with:\n      cluster_name: cpu-cluster\n      size: Standard_DS3_v2\n      min_instances: 0\n      max_instances: 2\n      resource_group: rg\n      workspace_name: mlw-dev\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
        messageIncludes: "because the template's --enable-node-public-ip is not set (defaults to true), although workspace \"mlw-dev\" has public network access disabled; the template cannot set it: create the cluster with az ml compute create --enable-node-public-ip false instead.",
      },
      {
        name: 'absent-default-true',
        files: {
          'deploy.sh': `
WS=ws
az ml workspace create -n $WS -g rg --public-network-access Disabled
⟦az⟧ ml compute create -n cpu-cluster -w $WS --type AmlCompute
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
      {
        // No -w: az ml takes the workspace from `az configure --defaults` (Microsoft Learn, "Install and set up the CLI (v2)").
        name: 'workspace-from-configure-defaults',
        files: {
          'setup.sh': `
WORKSPACE=mlw-private
az ml workspace create --name $WORKSPACE -g rg --public-network-access Disabled
az configure --defaults group=rg workspace=$WORKSPACE location=westeurope
⟦az⟧ ml compute create --name cpu-cluster --type AmlCompute --max-instances 2
`,
        },
        level: 'error',
        env: 'unknown',
        message:
          'AML compute cluster "cpu-cluster" gives its nodes public IPs because --enable-node-public-ip is not set (defaults to true), although workspace "mlw-private" has public network access disabled; set --enable-node-public-ip to false.',
      },
      {
        name: 'workspace-from-config-set-defaults',
        files: { 'setup.sh': 'az ml workspace create --name mlw-private -g rg --public-network-access Disabled\naz config set defaults.workspace=mlw-private defaults.group=rg\n⟦az⟧ ml compute create --name cpu-cluster --type AmlCompute\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
    ],
  },
};

// Format round (c-fmt1): chaining for_each between resources (`for_each = azurerm_x.this`, or a
// for expression over it) is Terraform's documented pattern; the whole resource was unknown
// ("depends on all instances"), so the compute's workspace was undecided and AML006 missed.
const WS_SET = `
resource "azurerm_machine_learning_workspace" "this" {
  for_each                      = toset(["a"])
  name                          = "mlw-\${each.key}"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "appi"
  key_vault_id                  = "kv"
  storage_account_id            = "st"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}
`;
const chaining: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'chained-for-each-node-public-ip-off',
        files: {
          'main.tf': `${WS_SET}
resource "azurerm_machine_learning_compute_instance" "ci" {
  for_each                      = azurerm_machine_learning_workspace.this
  name                          = "ci-\${each.key}"
  machine_learning_workspace_id = each.value.id
  virtual_machine_size          = "Standard_DS3_v2"
  node_public_ip_enabled        = false
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'chained-for-each-over-the-resource',
        files: {
          'main.tf': `${WS_SET}
⟦resource "azurerm_machine_learning_compute_instance" "ci" {⟧
  for_each                      = azurerm_machine_learning_workspace.this
  name                          = "ci-\${each.key}"
  machine_learning_workspace_id = each.value.id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
      {
        name: 'for-expression-over-the-resource',
        files: {
          'main.tf': `${WS_SET}
⟦resource "azurerm_machine_learning_compute_instance" "ci" {⟧
  for_each                      = { for k, w in azurerm_machine_learning_workspace.this : k => w.id }
  name                          = "ci-\${each.key}"
  machine_learning_workspace_id = each.value
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'nodePublicIp',
      },
    ],
  },
};

// Format round (c-fmt1): `x.y["b"].id` names instance "b". The reference carried only the
// declaration's token, so the compute was linked to the first instance ("a", private) and
// reported although its own workspace "b" is public (a false positive; AML006 needs "its
// workspace has public access disabled").
const instanceLinks: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'indexed-instance-of-a-public-workspace',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "this" {
  for_each                      = { a = false, b = true }
  name                          = "mlw-\${each.key}"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "appi"
  key_vault_id                  = "kv"
  storage_account_id            = "st"
  public_network_access_enabled = each.value
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.this["b"].id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
        },
      },
    ],
    invalid: [],
  },
};

// One module deployed to two resource groups declares two workspaces of one name: a compute's
// workspace is the one in its own resource group (a child lives in its parent's scope), never
// the first one declared (the prod workspace's "Disabled" gave the dev cluster a false AML006).
const resourceGroups: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'same-name-workspace-disabled-only-in-another-resource-group',
        files: {
          'compute.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: 'mlw-core'
}

resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      enableNodePublicIp: true
    }
  }
}
`,
          'ws.bicep': `
param pna string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-core'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: pna
  }
}
`,
          'main.bicep': `
targetScope = 'subscription'

module prod 'ws.bicep' = {
  name: 'ws-prod'
  scope: resourceGroup('rg-ml-prod')
  params: { pna: 'Disabled' }
}

module dev 'ws.bicep' = {
  name: 'ws-dev'
  scope: resourceGroup('rg-ml-dev')
  params: { pna: 'Enabled' }
}

module devCompute 'compute.bicep' = {
  name: 'compute-dev'
  scope: resourceGroup('rg-ml-dev')
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'same-name-workspace-disabled-in-the-compute-resource-group',
        files: {
          'compute.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: 'mlw-core'
}

resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      enableNodePublicIp: ⟦true⟧
    }
  }
}
`,
          'ws.bicep': `
param pna string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-core'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: pna
  }
}
`,
          'main.bicep': `
targetScope = 'subscription'

module prod 'ws.bicep' = {
  name: 'ws-prod'
  scope: resourceGroup('rg-ml-prod')
  params: { pna: 'Enabled' }
}

module dev 'ws.bicep' = {
  name: 'ws-dev'
  scope: resourceGroup('rg-ml-dev')
  params: { pna: 'Disabled' }
}

module devCompute 'compute.bicep' = {
  name: 'compute-dev'
  scope: resourceGroup('rg-ml-dev')
}
`,
        },
        level: 'error',
        env: 'unknown',
        related: [{ file: 'main.bicep', line: 12 }],
      },
      {
        // A module whose resource group cannot be read (a parameter) deploys a template whose nested
        // deployment names one: its workspace and compute share that one place, so the compute
        // still finds its private workspace although another "mlw-core" sits in rg-other.
        name: 'module-with-unreadable-scope-deploys-a-nested-deployment',
        files: {
          'main.bicep': `
param rgName string

module ml 'ml.json' = {
  name: 'ml'
  scope: resourceGroup(rgName)
  params: { access: 'Disabled' }
}

module other 'other.bicep' = {
  name: 'other'
  scope: resourceGroup('rg-other')
}
`,
          'other.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-core'
  location: 'westeurope'
  properties: { publicNetworkAccess: 'Enabled' }
}
`,
          'ml.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "access": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "inner",
      "resourceGroup": "rg-x",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.MachineLearningServices/workspaces", "apiVersion": "2024-04-01", "name": "mlw-core", "location": "westeurope", "properties": { "publicNetworkAccess": "[parameters('access')]" } },
            { "type": "Microsoft.MachineLearningServices/workspaces/computes", "apiVersion": "2024-04-01", "name": "mlw-core/cpu-cluster", "location": "westeurope", "properties": { "computeType": "AmlCompute", "properties": { "vmSize": "Standard_DS3_v2", "enableNodePublicIp": ⟦true⟧ } } }
          ]
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'nested-deployments-to-two-resource-groups',
        files: { 'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "ws-prod",
      "resourceGroup": "rg-ml-prod",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.MachineLearningServices/workspaces", "apiVersion": "2024-04-01", "name": "mlw-core", "location": "westeurope", "properties": { "publicNetworkAccess": "Disabled" } }
          ]
        }
      }
    },
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "ws-dev",
      "resourceGroup": "rg-ml-dev",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.MachineLearningServices/workspaces", "apiVersion": "2024-04-01", "name": "mlw-core", "location": "westeurope", "properties": { "publicNetworkAccess": "Enabled" } },
            { "type": "Microsoft.MachineLearningServices/workspaces/computes", "apiVersion": "2024-04-01", "name": "mlw-core/cpu-cluster", "location": "westeurope", "properties": { "computeType": "AmlCompute", "properties": { "vmSize": "Standard_DS3_v2", "enableNodePublicIp": true } } }
          ]
        }
      }
    }
  ]
}
` },
      },
    ],
    invalid: [
      {
        name: 'nested-deployments-to-two-resource-groups-compute-beside-a-private-workspace',
        files: { 'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "ws-prod",
      "resourceGroup": "rg-ml-prod",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.MachineLearningServices/workspaces", "apiVersion": "2024-04-01", "name": "mlw-core", "location": "westeurope", "properties": { "publicNetworkAccess": "Disabled" } }
          ]
        }
      }
    },
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "ws-dev",
      "resourceGroup": "rg-ml-dev",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.MachineLearningServices/workspaces", "apiVersion": "2024-04-01", "name": "mlw-core", "location": "westeurope", "properties": { "publicNetworkAccess": "Disabled" } },
            { "type": "Microsoft.MachineLearningServices/workspaces/computes", "apiVersion": "2024-04-01", "name": "mlw-core/cpu-cluster", "location": "westeurope", "properties": { "computeType": "AmlCompute", "properties": { "vmSize": "Standard_DS3_v2", "enableNodePublicIp": ⟦true⟧ } } }
          ]
        }
      }
    }
  ]
}
` },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

// Two creates from one YAML file, one renamed by `--set name=`: two computes, each named (review 66:
// one address for both, so the second was merged into the first's finding without a word).
const renamedBySet: RuleTable = {
  'azure-cli': {
    valid: [],
    invalid: [
      {
        name: 'second-create-renamed-by-set',
        files: {
          'ws.yml': '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\nname: mlw-private\npublic_network_access: Disabled\n',
          'gpu.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\n⟦type: amlcompute⟧\nsize: Standard_NC4as_T4_v3\nmin_instances: 0\ntags:\n  cost-center: ml\n',
          'setup.sh': 'az ml workspace create --file ws.yml -g rg\naz ml compute create --file gpu.yml -g rg -w mlw-private\naz ml compute create --file gpu.yml -g rg -w mlw-private --set name=gpu-b\naz ml compute create --file gpu.yml -g rg -w mlw-private --set name=gpu-c\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(the same holds for "gpu-b", "gpu-c", other instances of the same declaration)',
      },
    ],
  },
};

// PyYAML (YAML 1.1), which the Azure ML CLI reads its YAML with, takes `yes`/`on` for true and
// `no`/`off` for false (audit 54: "yes" was not a boolean, the finding missed).
const yaml11Booleans: RuleTable = {
  'azureml-yaml': {
    valid: [{ name: 'off-is-false', files: { 'workspace.yml': '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\nname: mlw-private\npublic_network_access: Disabled\n', 'cluster.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\nenable_node_public_ip: off\n' } }],
    invalid: [
      {
        name: 'yes-is-true',
        files: { 'workspace.yml': '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\nname: mlw-private\npublic_network_access: Disabled\n', 'cluster.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\nenable_node_public_ip: ⟦yes⟧\n' },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

ruleTester('AML006', converted, azureCli, chaining, instanceLinks, resourceGroups, renamedBySet, yaml11Booleans);

// RULES.md Conventions: an unknown value is recorded only where it hides a possible finding. Nodes
// known to have no public IP hide none, whatever the workspace's access (review 87: --verbose
// listed the workspace's unknown public access for such an instance).
describe('AML006: what --verbose lists', () => {
  const trees = tempTrees('mil-aml006-');
  afterAll(() => trees.cleanup());
  const main = (publicIp: string): string =>
    `variable "pna" {\n  type = bool\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "a"\n  key_vault_id                  = "k"\n  storage_account_id            = "s"\n  public_network_access_enabled = var.pna\n  identity {\n    type = "SystemAssigned"\n  }\n}\n\nresource "azurerm_machine_learning_compute_instance" "ci" {\n  name                          = "ci"\n  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id\n  virtual_machine_size          = "Standard_DS3_v2"\n  node_public_ip_enabled        = ${publicIp}\n}\n`;

  it('an instance whose nodes have no public IP: nothing undecided; with public IPs, the workspace access is', async () => {
    const off = await lintTree(trees.tree({ 'main.tf': main('false') }), ['AML006']);
    expect(off.undecided.filter((u) => u.ruleId === 'AML006')).toEqual([]);
    const on = await lintTree(trees.tree({ 'main.tf': main('true') }), ['AML006']);
    // Listed for the compute, which is what could not be decided (review 105: it named the workspace).
    expect(on.undecided.filter((u) => u.ruleId === 'AML006').map((u) => [u.address, u.attribute])).toEqual([['azurerm_machine_learning_compute_instance.ci', 'the public network access of workspace "mlw"']]);
  });
});
