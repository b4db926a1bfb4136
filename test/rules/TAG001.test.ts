/**
 * TAG001 (missing-required-tags): Taggable resource missing a required tag.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'merge-complete-case-insensitive',
        files: {
          'main.tf': `
variable "cc" {
  default = "4711"
}

locals {
  common_tags = { Owner = "ml-team" }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = "westeurope"
  tags     = merge(local.common_tags, { "Cost-Center" = var.cc })
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
      {
        name: 'not-configured',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
}
`,
        },
      },
      {
        name: 'not-taggable',
        files: {
          'main.tf': `
resource "azurerm_role_assignment" "ra" {
  scope                = "/subscriptions/x"
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_subnet" "snet" {
  name                 = "snet"
  resource_group_name  = "rg-ml"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.0.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "a" {
  subnet_id                 = "/x"
  network_security_group_id = "/y"
}

resource "azurerm_network_security_rule" "ssh" {
  name                       = "ssh"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = "22"
  source_address_prefix      = "10.0.0.0/8"
  destination_address_prefix = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
      {
        name: 'unknown-map',
        files: {
          'main.tf': `
variable "tags" {
  type = map(string)
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = "westeurope"
  tags     = var.tags
}

resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
  tags = merge(var.tags, { owner = "x" })
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
    ],
    invalid: [
      {
        // `tags = var.tags` whose default is null: no tags, said where the null is written, as TAG002
        // says it (self-review 88: at the resource header).
        name: 'tags-null-from-a-variable-default',
        files: {
          'main.tf':
            'variable "tags" {\n  type    = map(string)\n  default = ⟦null⟧\n}\n\nresource "azurerm_storage_account" "st" {\n  name                            = "stmldemo"\n  resource_group_name             = "rg-ml"\n  location                        = "westeurope"\n  account_tier                    = "Standard"\n  account_replication_type        = "LRS"\n  allow_nested_items_to_be_public = false\n  tags                            = var.tags\n}\n',
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'has no tags, so it lacks the required tag "owner"',
      },
      {
        name: 'literal-missing-one',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
  tags = ⟦{
    Owner = "ml-team"
  }⟧
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
        message: /lacks the required tag "cost-center"/,
      },
      {
        name: 'local-map',
        files: {
          'main.tf': `
locals {
  tags = ⟦{ OWNER = "ml-team" }⟧
}

resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  tags                = local.tags
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
      {
        name: 'merge-locals-variable',
        files: {
          'main.tf': `
variable "extra_tags" {
  type    = map(string)
  default = { project = "churn" }
}

locals {
  common_tags = { owner = "ml-team" }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = "westeurope"
  tags     = ⟦merge(local.common_tags, var.extra_tags)⟧
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
      {
        name: 'no-tags',
        files: {
          'main.tf': `
⟦resource "azurerm_storage_account" "st" {⟧
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
        message: /has no tags, so it lacks the required tags "owner", "cost-center"/,
      },
      {
        name: 'other-kind-taggable',
        files: {
          'main.tf': `
⟦resource "azurerm_user_assigned_identity" "id" {⟧
  name                = "id-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
      },
      {
        name: 'tfvars-tags',
        files: {
          'main.tf': `
variable "tags" {
  type = map(string)
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = "westeurope"
  tags     = var.tags
}
`,
          'terraform.tfvars': `
tags = ⟦{
  owner = "ml-team"
}⟧
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'child-and-unknown',
        files: {
          'main.tf': `
variable "tags" {
  type = map(string)
}

resource "azapi_resource" "rg" {
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
  tags      = var.tags
}

resource "azapi_resource" "snet" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2023-09-01"
  name      = "snet"
  parent_id = "/subscriptions/x/vnet"
  body = {
    properties = {
      addressPrefix = "10.0.0.0/24"
    }
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
      {
        name: 'complete',
        files: {
          'main.tf': `
resource "azapi_resource" "rg" {
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
  tags      = merge({ OWNER = "ml" }, { "cost-center" = "4711" })
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
    ],
    invalid: [
      {
        name: 'no-tags',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "rg" {⟧
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
      },
      {
        name: 'tags-in-body',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    tags = ⟦{ "Cost-Center" = "4711" }⟧
    properties = {}
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
      {
        name: 'tags-missing-one',
        files: {
          'main.tf': `
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  tags      = local.tags
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
    }
  }
}

locals {
  tags = ⟦{ owner = "ml" }⟧
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'owner-in-parameter-default-union',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "tags": {
      "type": "object",
      "defaultValue": {
        "owner": "ml-platform"
      }
    }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": "[union(parameters('tags'), createObject('env', 'dev'))]"
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'owner-literal-case-insensitive',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": {
        "Owner": "ml-platform",
        "env": "dev"
      }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'owner-via-union-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "tags": {
      "type": "object",
      "defaultValue": {
        "env": "dev"
      }
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": "[union(parameters('tags'), createObject('owner', 'ml-platform'))]"
    }
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'security-rule-not-taggable',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": []
      },
      "tags": {
        "owner": "netops"
      }
    },
    {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'https')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 100,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRange": "443",
        "sourceAddressPrefix": "Internet",
        "destinationAddressPrefix": "*"
      }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'unknown-tags-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "tags": {
      "type": "object"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": "[parameters('tags')]"
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [
      {
        name: 'no-tags',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      ⟦"type": "Microsoft.Storage/storageAccounts"⟧,
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
      },
      {
        name: 'tags-without-owner-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": ⟦{
        "env": "dev"
      }⟧
    }
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'nonprod',
        messageId: 'missingTags',
      },
      {
        name: 'union-parameter-without-owner',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "tags": {
      "type": "object",
      "defaultValue": {
        "costCenter": "ml"
      }
    }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": ⟦"[union(parameters('tags'), createObject('env', 'dev'))]"⟧
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'nonprod',
        messageId: 'missingTags',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'owner-literal-case-insensitive',
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
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": {
        "Owner": "ml-platform",
        "env": "dev"
      }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'owner-via-union-symbolic',
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
  "parameters": {
    "tags": {
      "type": "object",
      "defaultValue": {
        "env": "dev"
      }
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": "[union(parameters('tags'), createObject('owner', 'ml-platform'))]"
    }
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [
      {
        name: 'no-tags',
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
      ⟦"type": "Microsoft.Storage/storageAccounts"⟧,
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
      },
      {
        name: 'tags-without-owner-symbolic',
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
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      },
      "tags": ⟦{
        "env": "dev"
      }⟧
    }
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'nonprod',
        messageId: 'missingTags',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'owner-via-union',
        files: {
          'main.bicep': `
var commonTags = {
  env: 'dev'
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: 'westeurope'
  kind: 'StorageV2'
  tags: union(commonTags, {
    owner: 'ml-platform'
  })
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [
      {
        name: 'tags-without-owner',
        files: {
          'main.bicep': `
var commonTags = ⟦{
  env: 'dev'
}⟧

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: 'westeurope'
  kind: 'StorageV2'
  tags: commonTags
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
  }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'nonprod',
        messageId: 'missingTags',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'all-required-tags',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
tags:
  owner: ml-team
  Cost-Center: "4711"
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
      },
    ],
    invalid: [
      {
        name: 'no-tags',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
⟦name: mlw-demo⟧
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
        message: 'Resource "mlw-demo" (azureml:workspace) has no tags, so it lacks the required tags "owner", "cost-center"; add a tags map with them.',
      },
      {
        name: 'one-missing',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
tags: ⟦{ owner: ml-team }⟧
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner', 'cost-center'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'has-owner', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic --tags owner=ml team=x\n' }, options: { ruleOptions: { TAG001: { required: ['owner'] } } } },
      { name: 'tags-unknown', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic --tags $TAGS\n' }, options: { ruleOptions: { TAG001: { required: ['owner'] } } } },
      // FORMATS.md §1(d): update commands "carry only the flags given: absent = unchanged, never defaulted".
      { name: 'update-without-tags-leaves-them', files: { 'deploy.sh': 'az acr update -n acrml --admin-enabled false\naz keyvault update -n kv1 --enable-purge-protection true\n' }, options: { ruleOptions: { TAG001: { required: ['owner'] } } } },
      {
        // An update merged into the create of the same file keeps the create's tags.
        name: 'update-after-create-keeps-create-tags',
        files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic --tags owner=ml\naz acr update -n acrml --admin-enabled false\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [
      {
        name: 'no-tags',
        files: { 'deploy.sh': '⟦az⟧ acr create -n acrml -g rg --sku Basic\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
        message: 'Resource "acrml" (az acr create) has no tags, so it lacks the required tag "owner"; add --tags with it.',
      },
      {
        name: 'missing-owner',
        files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --tags ⟦team=ml⟧ env=dev\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'nonprod',
        messageId: 'missingTags',
        message: 'Resource "kv1" (az keyvault create) lacks the required tag "owner"; add it to its --tags.',
      },
      {
        name: 'node-pool-without-tags-names-the-flag',
        files: { 'deploy.sh': '⟦az⟧ aks nodepool add --cluster-name aks -n user -s Standard_D4s_v5\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
        messageIncludes: 'add --tags with it.',
      },
    ],
  },
};

// Conformance round (c-conf2): `az group create` creates a tracked, taggable resource, as
// azurerm_resource_group does (it was not modelled: no TAG001, no GOV001).
const azGroup: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'group-with-required-tags',
        files: { 'deploy.sh': 'az group create -n rg-ml -l westeurope --tags owner=ml\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
      {
        name: 'group-tagged-by-a-later-update',
        files: { 'deploy.sh': 'az group create -n rg-ml -l westeurope\naz group update -n rg-ml --tags owner=ml\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [
      {
        name: 'group-without-tags',
        files: { 'deploy.sh': '⟦az⟧ group create --name rg-ml --location westeurope\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
        message: 'Resource "rg-ml" (az group create) has no tags, so it lacks the required tag "owner"; add --tags with it.',
      },
    ],
  },
};

// Conformance round (c-conf2): a compute linked to a workspace (the folder's only workspace
// YAML; `az ml compute create -w ws` after `az ml workspace create -n ws`) is a resource of its
// own, not an inline element of the workspace: it was skipped when its name was unknown or it
// came from YAML. RULES.md TAG001: "Taggable resource missing a required tag".
const linkedComputes: RuleTable = {
  'azureml-yaml': {
    valid: [],
    invalid: [
      {
        name: 'compute-beside-its-workspace',
        files: {
          'ml/workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw
public_network_access: Disabled
tags:
  owner: ml
`,
          'ml/compute.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
tags:
  ⟦team: ml⟧
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
    ],
  },
  'azure-cli': {
    valid: [],
    invalid: [
      {
        name: 'compute-with-unknown-name-in-a-created-workspace',
        files: { 'deploy.sh': 'az ml workspace create -n mlw -g rg --tags owner=ml\n⟦az⟧ ml compute create -n "$CLUSTER" -w mlw -g rg --type amlcompute\n' },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'noTags',
      },
    ],
  },
};

// Conformance round (c-conf2): a deployment (a Bicep module, a nested template) is not a
// tracked resource: checked only when it writes tags, like any other type that may take them.
const deployments: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'module-without-tags',
        files: {
          'main.bicep': `
module st 'st.bicep' = {
  name: 'st'
}
`,
          'st.bicep': `
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stml'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  tags: { owner: 'ml' }
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
      },
    ],
    invalid: [],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'nested-deployment-that-writes-tags',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "nested",
      "tags": ⟦{ "team": "ml" }⟧,
      "properties": { "mode": "Incremental", "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } }
    }
  ]
}
`,
        },
        options: { ruleOptions: { TAG001: { required: ['owner'] } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'missingTags',
      },
    ],
  },
};

ruleTester('TAG001', converted, azureCli, azGroup, linkedComputes, deployments);
