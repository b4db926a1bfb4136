/**
 * GOV001 (location-not-allowed): Resource deployed to a region outside the allowed locations.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLocation } from '../../rules/governance/GOV001-location-not-allowed.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'allowed-variants',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "a" {
  name     = "rg-a"
  location = "Norway East"
}
resource "azurerm_resource_group" "b" {
  name     = "rg-b"
  location = "norwayeast"
}
resource "azurerm_resource_group" "c" {
  name     = "rg-c"
  location = "norwaywest"
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
      },
      {
        name: 'data-source-location',
        files: {
          'main.tf': `
data "azurerm_resource_group" "rg" {
  name = "rg-ml"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = data.azurerm_resource_group.rg.location
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
      },
      {
        name: 'not-configured',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'unknown',
        files: {
          'main.tf': `
variable "location" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = var.location
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
      },
    ],
    invalid: [
      {
        name: 'display-name',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = ⟦"West Europe"⟧
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        message: /"West Europe", which is not an allowed location \(norwayeast, norwaywest\)/,
      },
      {
        // Two resources in one location: a finding each, at the one value (c-fmt1; RULES.md
        // merges findings only for "the same rule, resource and primary location").
        name: 'from-resource-group',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = ⟦⟦"westeurope"⟧⟧
}

resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = azurerm_resource_group.rg.location
  sku                 = "Premium"
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'literal',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = ⟦"westeurope"⟧
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'tfvars',
        files: {
          'main.tf': `
variable "location" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = var.location
}
`,
          'terraform.tfvars': `
location = ⟦"eastus"⟧
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "location" {
  default = ⟦⟦"swedencentral"⟧⟧
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-rg"
  location = var.location
}

resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = var.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'allowed-and-global',
        files: {
          'main.tf': `
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "NorwayEast"
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
    }
  }
}

resource "azapi_resource" "dns" {
  type      = "Microsoft.Network/privateDnsZones@2020-06-01"
  name      = "privatelink.api.azureml.ms"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "global"
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
      },
      {
        name: 'not-configured',
        files: {
          'main.tf': `
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
    }
  }
}
`,
        },
      },
      {
        // azapi's default_location does not go to a type without a location (a subnet), nor over the resource's own.
        name: 'provider-default-location-where-it-does-not-apply',
        files: {
          'main.tf': `
provider "azapi" {
  default_location = "westeurope"
}
resource "azapi_resource" "snet" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2023-05-01"
  name      = "snet-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml/providers/Microsoft.Network/virtualNetworks/vnet"
  body = {
    properties = {
      addressPrefix = "10.0.1.0/24"
    }
  }
}
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "norwayeast"
  body = {
    kind = "StorageV2"
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
    ],
    invalid: [
      {
        // The azapi provider's default_location is where a resource that sets none is deployed (review 58: not read).
        name: 'provider-default-location',
        files: {
          'main.tf': `
provider "azapi" {
  default_location = ⟦"westeurope"⟧
}
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  body = {
    kind = "StorageV2"
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'literal',
        files: {
          'main.tf': `
resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = ⟦"West Europe"⟧
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'location-in-body',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  body = {
    location = ⟦"eastus2"⟧
    properties = {}
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'allowed-literal',
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
      "location": "Norway East",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    },
    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2020-06-01",
      "name": "privatelink.api.azureml.ms",
      "location": "global"
    }
  ]
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
      {
        name: 'resource-group-location-literal',
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
      "location": "[resourceGroup().location]",
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
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
      {
        name: 'resource-group-location-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "type": "string",
      "defaultValue": "[resourceGroup().location]"
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
      {
        name: 'unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
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
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
    ],
    invalid: [
      {
        name: 'literal-location',
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
      "location": ⟦"westeurope"⟧,
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
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'parameter-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "type": "string",
      "defaultValue": ⟦"West Europe"⟧
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "type": "string",
      "defaultValue": "norwayeast"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
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
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": {
      "value": ⟦"swedencentral"⟧
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'prod',
        messageId: 'notAllowed',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'allowed-literal',
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
      "location": "Norway East",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    },
    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2020-06-01",
      "name": "privatelink.api.azureml.ms",
      "location": "global"
    }
  ]
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
      {
        name: 'resource-group-location-symbolic',
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
    "location": {
      "type": "string",
      "defaultValue": "[resourceGroup().location]"
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
    ],
    invalid: [
      {
        name: 'literal-location',
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
      "location": ⟦"westeurope"⟧,
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
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
      {
        name: 'parameter-default-symbolic',
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
    "location": {
      "type": "string",
      "defaultValue": ⟦"West Europe"⟧
    }
  },
  "resources": {
    "storage": {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stmlops",
      "location": "[parameters('location')]",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "properties": {
        "allowBlobPublicAccess": false
      }
    }
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'allowed',
        files: {
          'main.bicep': `
param location string = 'norwayeast'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
      {
        name: 'resource-group-location',
        files: {
          'main.bicep': `
param location string = resourceGroup().location

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
      },
    ],
    invalid: [
      {
        name: 'param-default',
        files: {
          'main.bicep': `
param location string = ⟦'westeurope'⟧

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
  }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'allowed-location',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
location: Norway East
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
      },
    ],
    invalid: [
      {
        name: 'other-location',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
location: ⟦eastus⟧
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'Norway West'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        message: 'Resource "cpu-cluster" (azureml:amlcompute) is deployed to "eastus", which is not an allowed location (norwayeast, norwaywest); set its location to one of the allowed regions.',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'allowed', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic -l westeurope\n' }, options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } } },
      { name: 'no-location', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic\n' }, options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } } },
    ],
    invalid: [
      {
        name: 'location-from-variable',
        files: { 'deploy.sh': 'LOCATION=⟦eastus⟧\naz acr create -n acrml -g rg --sku Basic --location "$LOCATION"\n' },
        options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
};

// Conformance round (c-conf2): `az group create -l` is a resource location like
// azurerm_resource_group's `location` (the command was not modelled).
const azGroup: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'group-allowed', files: { 'deploy.sh': 'az group create -n rg-ml -l "West Europe"\n' }, options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } } },
    ],
    invalid: [
      {
        name: 'group-outside-allowed',
        files: { 'deploy.sh': 'az group create -g rg-ml -l ⟦eastus⟧\n' },
        options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        message: 'Resource "rg-ml" (az group create) is deployed to "eastus", which is not an allowed location (westeurope); set its location to one of the allowed regions.',
      },
    ],
  },
};

// Conformance round (c-conf2): a compute YAML beside its workspace YAML is a resource of its
// own (it read as an inline element of the workspace and was skipped).
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
location: westeurope
`,
          'ml/compute.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
location: ⟦eastus⟧
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
};

// Conformance round (c-conf2): a location that no Azure region could be named (a placeholder,
// an expression written as a string) is not a value the rule can judge: undecided, no finding.
const notRegions: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'placeholder-and-expression-as-text',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "a" {
  name     = "a"
  location = "<location>"
}

resource "azurerm_resource_group" "b" {
  name     = "b"
  location = "azurerm_resource_group.example.location"
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } },
      },
    ],
    invalid: [
      {
        name: 'region-with-spaces-and-digits-is-still-judged',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "a" {
  name     = "a"
  location = ⟦"West US 2"⟧
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['westeurope'] } } },
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
      },
    ],
  },
};

/**
 * RULES.md "Values chosen by a condition": a location chosen by a conditional that an input
 * decided points at where that input was written; the chosen branch, the condition and the
 * consuming `location` attribute are related (as AML001, KV001 and GOV002 place theirs).
 * RULES.md "Location": the resource attribute that consumed a value written elsewhere is related.
 */
const gov001Options = { ruleOptions: { GOV001: { allowedLocations: ['norwayeast', 'norwaywest'] } } };
const chosenByCondition: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'condition-chooses-allowed-location',
        files: {
          'main.tf': `
variable "use_dr" {
  type    = bool
  default = false
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-dr"
  location = var.use_dr ? "swedencentral" : "norwayeast"
}
`,
        },
        options: gov001Options,
      },
    ],
    invalid: [
      {
        name: 'conditional-decided-by-variable-default',
        files: {
          'main.tf': `
variable "use_dr" {
  type    = bool
  default = ⟦true⟧
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-dr"
  location = var.use_dr ? "swedencentral" : "norwayeast"
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [
          { file: 'main.tf', line: 8, label: 'value chosen by the condition' },
          { file: 'main.tf', line: 8, label: 'attribute location' },
          { file: 'main.tf', line: 6, label: 'resource azurerm_resource_group.rg' },
        ],
      },
      {
        name: 'tfvars-value-consumed-by-location',
        files: {
          'main.tf': `
variable "location" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = var.location
}
`,
          'terraform.tfvars': `
location = ⟦"westeurope"⟧
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [{ file: 'main.tf', line: 7, label: 'attribute location' }],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'ternary-through-variable-decided-by-parameter-default',
        files: {
          'main.bicep': `
param useDr bool = ⟦true⟧
param primaryLocation string = 'norwayeast'

var location = useDr ? 'swedencentral' : primaryLocation

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stdrtern01'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [
          { file: 'main.bicep', line: 4, label: 'value chosen by the condition' },
          { file: 'main.bicep', line: 8, label: 'attribute location' },
        ],
      },
      {
        name: 'ternary-in-the-attribute',
        files: {
          'main.bicep': `
param useDr bool = ⟦true⟧

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stdrtern02'
  location: useDr ? 'westeurope' : 'norwayeast'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [
          { file: 'main.bicep', line: 5, label: 'value chosen by the condition' },
          { file: 'main.bicep', line: 5, label: 'condition' },
          { file: 'main.bicep', line: 5, label: 'attribute location' },
        ],
      },
      {
        name: 'parameter-default-consumed-by-location',
        files: {
          'main.bicep': `
param location string = ⟦'westeurope'⟧

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [{ file: 'main.bicep', line: 5, label: 'attribute location' }],
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'if-decided-by-parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "useDr": { "type": "bool", "defaultValue": ⟦true⟧ }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-dr",
      "location": "[if(parameters('useDr'), 'swedencentral', 'norwayeast')]",
      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enablePurgeProtection": true }
    }
  ]
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [
          { file: 'azuredeploy.json', line: 12, label: 'value chosen by the condition' },
          { file: 'azuredeploy.json', line: 12, label: 'attribute location' },
          { file: 'azuredeploy.json', line: 5, label: 'parameter "useDr"' },
        ],
      },
      {
        name: 'parameter-file-value-consumed-by-location',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "type": "string", "defaultValue": "norwayeast" }
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stgovarm01",
      "location": "[parameters('location')]",
      "kind": "StorageV2",
      "sku": { "name": "Standard_LRS" }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "value": ⟦"westeurope"⟧ }
  }
}
`,
        },
        options: gov001Options,
        level: 'error',
        env: 'unknown',
        messageId: 'notAllowed',
        related: [{ file: 'azuredeploy.json', line: 12, label: 'attribute location' }],
      },
    ],
  },
};


// A resource group's own environment tag is its class's last source (RULES.md "Environments"),
// as any resource's is: it was read only for kinds the tables model.
const resourceGroupTags: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'resource-group-environment-tag',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = ⟦"uksouth"⟧
  tags     = { environment = "production" }
}
`,
        },
        options: { ruleOptions: { GOV001: { allowedLocations: ['norwayeast'] } } },
        level: 'error',
        env: 'prod',
        messageId: 'notAllowed',
      },
    ],
  },
};

ruleTester('GOV001', converted, azureCli, azGroup, linkedComputes, notRegions, chosenByCondition, resourceGroupTags);

describe('GOV001 locations', () => {
  it('normalizes display names', () => {
    expect(normalizeLocation('Norway East')).toBe('norwayeast');
    expect(normalizeLocation('NorwayEast')).toBe('norwayeast');
    expect(normalizeLocation('norwayeast')).toBe('norwayeast');
  });
});
