/**
 * AML004 (compute-cluster-min-nodes): AML compute cluster with a minimum node count above zero.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'unknown-variable',
        files: {
          'main.tf': `
variable "min_nodes" {
  type = number
}

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
    min_node_count                       = var.min_nodes
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
      },
      {
        name: 'zero',
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
    ],
    invalid: [
      {
        name: 'dev-tfvars-warning',
        files: {
          'dev.tfvars': `
min_nodes = ⟦3⟧
`,
          'main.tf': `
variable "min_nodes" {
  type = number
}

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
    min_node_count                       = var.min_nodes
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'min-nodes-literal',
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
    min_node_count                       = ⟦2⟧
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
        message: /keeps 2 nodes running while idle/,
      },
      {
        name: 'module-argument',
        files: {
          'main.tf': `
module "compute" {
  source    = "./modules/compute"
  min_nodes = ⟦1⟧
}
`,
          'modules/compute/main.tf': `
variable "min_nodes" {
  type = number
}

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
    min_node_count                       = var.min_nodes
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'prod-tfvars-note',
        files: {
          'environments/dev.tfvars': `
min_nodes = 0
`,
          'environments/prod.tfvars': `
min_nodes = ⟦1⟧
`,
          'main.tf': `
variable "min_nodes" {
  type    = number
  default = 0
}

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
    min_node_count                       = var.min_nodes
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'note',
        env: 'prod',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "min_nodes" {
  type    = number
  default = ⟦1⟧
}

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
    min_node_count                       = var.min_nodes
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'absent-default-zero',
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
        scaleSettings = {
          maxNodeCount = 4
        }
      }
    }
  }
}
`,
        },
      },
      {
        name: 'instance-not-a-cluster',
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

resource "azapi_resource" "cpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "cpu-cluster"
  parent_id = azapi_resource.ws.id
  location  = "westeurope"
  body = {
    properties = {
      computeType = "ComputeInstance"
      properties = {
        vmSize = "Standard_DS3_v2"
        scaleSettings = {
          minNodeCount = 1
        }
      }
    }
  }
}
`,
        },
      },
      {
        name: 'zero',
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
        scaleSettings = {
          minNodeCount = 0
          maxNodeCount = 4
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
        scaleSettings = {
          minNodeCount = ⟦1⟧
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
        messageId: 'minNodesAboveZero',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'absent-default-zero',
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
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
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
        name: 'instance-not-a-cluster',
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
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": 1
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
        name: 'scale-to-zero',
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
      "name": "mlw/cpu-cluster",
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
      },
      {
        name: 'unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "minNodes": {
      "type": "int"
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
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": "[parameters('minNodes')]",
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
        name: 'language-version-2',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
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
        messageId: 'minNodesAboveZero',
      },
      {
        // A parameters/ folder beside templates/: the dev file pairs with templates/compute.json (its variant).
        name: 'parameter-file-in-a-sibling-parameters-folder',
        files: {
          'infra/templates/compute.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "minNodes": { "type": "int", "defaultValue": 0 } },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "properties": {
        "computeType": "AmlCompute",
        "properties": { "vmSize": "Standard_DS3_v2", "scaleSettings": { "minNodeCount": "[parameters('minNodes')]", "maxNodeCount": 4 } }
      }
    }
  ]
}
`,
          'infra/parameters/compute.dev.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "minNodes": { "value": ⟦2⟧ } }
}
`,
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'min-nodes-literal',
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
      "name": "mlw/cpu-cluster",
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
            "minNodeCount": ⟦2⟧,
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
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'parameter-default-dev',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "environmentName": {
      "type": "string",
      "defaultValue": "dev"
    },
    "minNodes": {
      "type": "int",
      "defaultValue": ⟦2⟧
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
          "enableNodePublicIp": false,
          "scaleSettings": {
            "minNodeCount": "[parameters('minNodes')]",
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
        env: 'nonprod',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'prod-parameter-file-note',
        fixture: 'fixtures/AML004/arm/bad/prod-parameter-file-note',
        level: 'note',
        env: 'prod',
        messageId: 'minNodesAboveZero',
        errors: [
          { file: 'azuredeploy.parameters.prod.json', line: 6, column: 16, endLine: 6, endColumn: 17 },
        ],
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'absent-default-zero',
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
      "name": "mlw/cpu-cluster",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.MachineLearningServices/workspaces', 'mlw')]"
      ],
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
        name: 'scale-to-zero',
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
      "name": "mlw/cpu-cluster",
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
      },
    ],
    invalid: [
      {
        name: 'language-version-2',
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
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'min-nodes-literal',
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
      "name": "mlw/cpu-cluster",
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
            "minNodeCount": ⟦2⟧,
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
        messageId: 'minNodesAboveZero',
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
        name: 'min-nodes-literal',
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
          minNodeCount: ⟦2⟧
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
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'module-param-parent',
        files: {
          'compute.bicep': `
param workspaceName string
param minNodes int

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: workspaceName
}

resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      scaleSettings: {
        minNodeCount: minNodes
        maxNodeCount: 4
      }
    }
  }
}
`,
          'main.bicep': `
module compute './compute.bicep' = {
  name: 'compute'
  params: {
    workspaceName: 'mlw-demo'
    minNodes: ⟦1⟧
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'min-absent-defaults-to-zero',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
max_instances: 4
`,
        },
      },
      {
        name: 'min-zero',
        files: {
          'cluster.yml': `
type: AmlCompute
name: cpu-cluster
min_instances: 0
`,
        },
      },
    ],
    invalid: [
      {
        name: 'min-two',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
min_instances: ⟦2⟧
max_instances: 4
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
        message: 'AML compute cluster "cpu-cluster" keeps 2 nodes running while idle (min_instances is 2); set min_instances to 0 so it scales to zero.',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'absent-default-zero', files: { 'deploy.sh': 'az ml compute create -n cpu-cluster -g rg -w ws --type AmlCompute --size Standard_DS3_v2\n' } },
      {
        name: 'update-fixes-create',
        files: { 'deploy.sh': 'az ml compute create -n cpu-cluster -w ws --type AmlCompute --min-instances 2\naz ml compute update -n cpu-cluster -w ws --min-instances 0\n' },
      },
      {
        // The file alone keeps 2 nodes; the command that uses it sets 0.
        name: 'file-set-min-instances-zero',
        files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n', 'deploy.sh': 'az ml compute create -f compute.yml --set min_instances=0 -w ws\n' },
      },
      {
        // Whether a flag given with --file replaces the file's key is not documented: the
        // file's 2 is not decided (--verbose says so), and neither is the flag's value.
        name: 'file-flag-min-instances-zero',
        files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n', 'deploy.sh': 'az ml compute create -f compute.yml --min-instances 0 -w ws\n' },
      },
      {
        name: 'file-flag-min-instances-two',
        files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'deploy.sh': 'az ml compute create -f compute.yml --min-instances 2 -w ws\n' },
      },
      {
        // Without --file, a flag and a --set of the same key: which one the extension applies last is not documented.
        name: 'flag-and-set-min-instances',
        files: { 'deploy.sh': 'az ml compute create -n cpu-cluster -w ws --type amlcompute --min-instances 0 --set min_instances=2\n' },
      },
      {
        // After a `cd` to a folder not known (a variable, a branch, `cd -`), or from a working
        // directory that is an expression, the file is not known: the root's compute.yml is not
        // read as the command's (--verbose says so). In a folder with no such file, neither.
        name: 'file-after-a-move-to-a-folder-not-known',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd "$DIR" && az ml compute create -f compute.yml --set min_instances=2 -w ws\n      - run: |\n          if [ -d x ]; then cd x; fi\n          az ml compute create -f compute.yml --set min_instances=3 -w ws\n      - run: |\n          cd other\n          cd -\n          az ml compute create -f compute.yml --set min_instances=4 -w ws\n      - run: az ml compute create -f compute.yml --set min_instances=5 -w ws\n        working-directory: ${{ inputs.dir }}\n      - run: az ml compute create -f compute.yml --set min_instances=6 -w ws\n        working-directory: other\n',
          'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n',
        },
      },
      {
        // An unquoted unknown expansion may carry `--set min_instances=0`: the file's 2 is not decided.
        name: 'file-with-opaque-expansion',
        files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n', 'deploy.sh': 'az ml compute create -f compute.yml -w ws $EXTRA_ARGS\n' },
      },
      {
        // `cd` alone is the substitution (its `)` comes before `&& pwd`): SCRIPT_DIR is empty, not the script's folder.
        name: 'substitution-closed-before-pwd-is-not-the-script-folder',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'SCRIPT_DIR=$(cd "$(dirname "$0")") && pwd\naz ml compute create -f "$SCRIPT_DIR/../aml/compute.yml" --set min_instances=2 -w ws\n' },
      },
      {
        // ROOT is the folder above the script's: compute.yml beside the script is not the one read (none is there).
        name: 'script-folder-idiom-with-a-suffix-is-not-the-script-folder',
        files: { 'scripts/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"\nROOT="$SCRIPT_DIR/.."\naz ml compute create -f "$ROOT/compute.yml" --set min_instances=3 -w ws\n' },
      },
      {
        // `$(…)/..` is one word: the output with `/..` after it, not the script's folder.
        name: 'unquoted-substitution-with-text-after-it-is-not-the-script-folder',
        files: { 'scripts/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'ROOT=$(cd "$(dirname "$0")" && pwd)/..\naz ml compute create -f "$ROOT/compute.yml" --set min_instances=3 -w ws\n' },
      },
      {
        name: 'text-before-a-substitution-is-not-the-script-folder',
        files: { 'scripts/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'HERE=./$(dirname "$0")\naz ml compute create -f "$HERE/compute.yml" --set min_instances=3 -w ws\n' },
      },
      {
        // The heredoc is written before MIN becomes 2: it expands the 0.
        name: 'heredoc-expands-the-value-at-its-place',
        files: { 'deploy.sh': 'MIN=0\ncat > c.yml <<EOF\ntype: amlcompute\nname: cpu-cluster\nmin_instances: ${MIN}\nEOF\nMIN=2\naz ml compute create -f c.yml\n' },
      },
      {
        // A quoted delimiter does not expand: "$MIN" is text, not 2.
        name: 'heredoc-quoted-delimiter-does-not-expand',
        files: { 'deploy.sh': "MIN=2\ncat > c.yml <<'EOF'\ntype: amlcompute\nname: cpu-cluster\nmin_instances: $MIN\nEOF\naz ml compute create -f c.yml\n" },
      },
      {
        name: 'heredoc-unquoted-variable',
        files: { 'deploy.sh': 'MIN=$1\ncat > c.yml <<EOF\ntype: amlcompute\nname: cpu-cluster\nmin_instances: $MIN\nEOF\naz ml compute create -f c.yml\n' },
      },
    ],
    invalid: [
      {
        // Only an AmlCompute cluster has scale settings: an update of one the scan does not create is still a cluster's.
        name: 'update-alone-sets-min-instances',
        files: { 'deploy.sh': 'az ml compute update -n cpu-cluster --min-instances ⟦2⟧ -g rg -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // An abbreviation the Azure CLI takes for --min-instances is a cluster's scale setting too.
        name: 'update-alone-abbreviated-min-instances',
        files: { 'deploy.sh': 'az ml compute update -n cpu-cluster --min-inst ⟦2⟧ -g rg -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // An unquoted heredoc expands $MIN as the script assigned it: the finding is at the assignment.
        name: 'heredoc-unquoted-literal-variable',
        files: { 'deploy.sh': 'MIN=⟦2⟧\ncat > c.yml <<EOF\ntype: amlcompute\nname: cpu-cluster\nmin_instances: $MIN\nEOF\naz ml compute create -f c.yml\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // "$(dirname "$0")" is the script's folder whatever the working directory: the file beside it is read.
        name: 'file-path-from-the-script-folder-idiom',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'HERE="$(dirname "$0")"\naz ml compute create -f "$HERE/../aml/compute.yml" --set min_instances=⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'file-path-from-realpath-of-a-spaced-dirname',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'HERE=$(realpath "$( dirname "$0" )")\naz ml compute create -f "$HERE/../aml/compute.yml" --set min_instances=⟦4⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'file-path-from-bash-source-dirname',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'DIR=$(dirname "${BASH_SOURCE[0]}")\naz ml compute create -f "${DIR}/../aml/compute.yml" --set min_instances=⟦3⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // The substitution's own quotes nest inside the outer ones (one word, as bash reads it): the script's folder.
        name: 'file-path-from-cd-dirname-pwd-in-double-quotes',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" &>/dev/null && pwd)"\naz ml compute create -f "$SCRIPT_DIR/../aml/compute.yml" --set min_instances=⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'file-path-from-cd-dirname-pwd-unquoted',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)\naz ml compute create -f "$SCRIPT_DIR/../aml/compute.yml" --set min_instances=⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // ROOT keeps the `/..` after the script's folder: the file is read from the repository's top.
        name: 'file-path-from-a-variable-built-on-the-script-folder',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"\nROOT="$SCRIPT_DIR/.."\naz ml compute create -f "$ROOT/aml/compute.yml" --set min_instances=⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // The `#` inside the substitution's own quotes starts no comment: the command after `;` runs.
        name: 'command-after-a-hash-inside-a-quoted-substitution',
        files: { 'deploy.sh': 'TAG="$(date "+%Y # %m")"; az ml compute create --name cpu --type amlcompute --min-instances ⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // The file is read from the folder the command runs in: after a `cd`/`pushd` to a known
        // folder, from a step's working directory, from the script's own folder after `cd "$(dirname "$0")"`.
        name: 'file-read-from-the-folder-the-command-runs-in',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd aml && az ml compute create -f compute.yml --set min_instances=⟦2⟧ -w ws\n      - run: az ml compute create -f compute.yml --set min_instances=⟦3⟧ -w ws\n        working-directory: aml2\n      - run: |\n          cd "$GITHUB_WORKSPACE/aml5"\n          az ml compute create -f ./compute.yml --set min_instances=⟦5⟧ -w ws\n',
          'azure-pipelines.yml': 'steps:\n- script: |\n    pushd aml4 > /dev/null\n    az ml compute create -f compute.yml --set min_instances=⟦4⟧ -w ws\n    popd\n',
          'scripts/deploy.sh': 'cd "$(dirname "$0")/../aml3"\naz ml compute create -f compute.yml --set min_instances=⟦6⟧ -w ws\n',
          'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n',
          'aml2/compute.yml': 'type: amlcompute\nname: cpu-cluster2\nmin_instances: 0\n',
          'aml3/compute.yml': 'type: amlcompute\nname: cpu-cluster3\nmin_instances: 0\n',
          'aml4/compute.yml': 'type: amlcompute\nname: cpu-cluster4\nmin_instances: 0\n',
          'aml5/compute.yml': 'type: amlcompute\nname: cpu-cluster5\nmin_instances: 0\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // A --file from the checkout's folder is from the repository's top; one from a composite
        // action's folder is beside its action.yml (review 70: both were "not known").
        name: 'file-from-the-checkout-or-the-action-folder',
        files: {
          '.github/workflows/w.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: other\n    steps:\n      - run: az ml compute create -f "$GITHUB_WORKSPACE/aml/c.yml" --set min_instances=⟦5⟧ -w ws\n      - uses: ./.github/actions/cc\n',
          '.github/actions/cc/action.yml':
            'runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: az ml compute create -f "$GITHUB_ACTION_PATH/c.yml" --set min_instances=⟦2⟧ -w ws\n',
          '.github/actions/cc/c.yml': 'type: amlcompute\nname: cpu2\nmin_instances: 0\n',
          'aml/c.yml': 'type: amlcompute\nname: cpu\nmin_instances: 0\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // A repository linted from the folder above it: a pipeline step's --file is read from the
        // repository's top, a folder between the scan root and the pipeline (review 70).
        name: 'file-of-a-repository-linted-from-above',
        files: {
          'repo/pipelines/deploy.yml': 'steps:\n- script: az ml compute create -f aml/compute.yml -w ws --set min_instances=⟦3⟧\n',
          'repo/aml/compute.yml': 'type: amlcompute\nname: cpu\nmin_instances: 0\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // A script in scripts/ names the file from its own folder (`../aml/…`): read, with the command's --set.
        name: 'file-path-climbing-from-the-script-folder',
        files: { 'aml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'scripts/deploy.sh': 'az ml compute create -f ../aml/compute.yml --set min_instances=⟦2⟧ -w ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'heredoc-quoted-delimiter',
        files: { 'deploy-prod.sh': "cat <<'EOF' > c.yml\ntype: amlcompute\nname: cpu-cluster\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c.yml -w ws\n" },
        // The script's environment class (its name) applies to the file's compute: prod keeps warm nodes on purpose.
        level: 'note',
        env: 'prod',
        messageId: 'minNodesAboveZero',
      },
      {
        // The file a heredoc writes may be named by a redirection before the program; `2>&1` names none.
        name: 'heredoc-target-redirected-before-the-program',
        files: {
          'deploy.sh': "2>&1 >c.yml cat <<EOF\ntype: amlcompute\nname: cpu-cluster\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c.yml -w ws\n",
          // Redirections apply left to right: stdout's last one names the file; stderr's none.
          'stderr-first.sh': "2>err.log cat >c2.yml <<EOF\ntype: amlcompute\nname: cpu-cluster2\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c2.yml -w ws\n",
          'last-wins.sh': ">/dev/null cat <<EOF >c3.yml\ntype: amlcompute\nname: cpu-cluster3\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c3.yml -w ws\n",
          // Only stderr goes to c4.yml: the heredoc is printed, the file stays empty.
          'stderr-only.sh': "2>c4.yml cat <<EOF\ntype: amlcompute\nname: cpu-cluster4\nmin_instances: 2\nEOF\naz ml compute create -f c4.yml -w ws\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // bash's `>|file` (write under noclobber) and `&>file`/`&>>file` (stdout and stderr) name the file too.
        name: 'heredoc-target-noclobber-and-both-streams',
        files: {
          'noclobber.sh': "cat >|c.yml <<EOF\ntype: amlcompute\nname: cpu-cluster\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c.yml -w ws\n",
          'both.sh': "cat &>c2.yml <<EOF\ntype: amlcompute\nname: cpu-cluster2\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c2.yml -w ws\n",
          'append-after.sh': "cat <<EOF &>>c3.yml\ntype: amlcompute\nname: cpu-cluster3\nmin_instances: ⟦2⟧\nEOF\naz ml compute create -f c3.yml -w ws\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'file-set-min-instances',
        files: { 'infra/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n', 'infra/deploy.sh': 'az ml compute create -f compute.yml --set min_instances=⟦3⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        // Without --file, `--set` applies to the object the flags build.
        name: 'flags-with-set-min-instances',
        files: { 'deploy.sh': 'az ml compute create -n cpu-cluster -w ws --type amlcompute --set min_instances=⟦2⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
      {
        name: 'min-instances-from-default-expansion',
        files: { 'deploy.sh': 'az ml compute create -n cpu-cluster -w ws --type amlcompute --min-instances "${MIN_NODES:-⟦2⟧}"\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
    ],
  },
};

// RULES.md Environments: "the environment/env tag of the resource": a compute declared on its
// own is classed by its own tags, not its workspace's (review 69: an untagged compute of a prod
// workspace was a note).
const ownTagsOnly: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'compute-of-a-prod-tagged-workspace-has-no-class-of-its-own',
        files: {
          'main.bicep':
            "resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {\n  name: 'mlw'\n  location: 'westeurope'\n  tags: { environment: 'prod' }\n  properties: { publicNetworkAccess: 'Disabled' }\n}\nresource c1 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {\n  parent: ws\n  name: 'c1'\n  location: 'westeurope'\n  properties: {\n    computeType: 'AmlCompute'\n    properties: {\n      vmSize: 'Standard_DS3_v2'\n      enableNodePublicIp: false\n      scaleSettings: { minNodeCount: ⟦2⟧, maxNodeCount: 4 }\n    }\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'minNodesAboveZero',
      },
    ],
  },
};

// The Azure ML CLI reads its YAML with PyYAML (YAML 1.1): `010` is octal 8, `0x10` is 16, `1_0` is
// 10, `00` is 0 (audit 54: read as YAML 1.2, `010` was 10).
const yaml11Numbers: RuleTable = {
  'azureml-yaml': {
    valid: [{ name: 'octal-zero', files: { 'cluster.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\nmin_instances: 00\n' } }],
    invalid: [
      {
        name: 'octal-min-instances',
        files: { 'cluster.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu-cluster\ntype: amlcompute\nmin_instances: ⟦010⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'min_instances is 8',
      },
    ],
  },
};

ruleTester('AML004', converted, azureCli, ownTagsOnly, yaml11Numbers);
