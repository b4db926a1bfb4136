/**
 * ST002 (storage-min-tls): Storage account minimum TLS version below 1.2.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { azurermPinned } from '../support/terraform-pins.js';
import { oldProviderStoragePlan } from '../support/storage-plans.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'absent-default',
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
        name: 'tls1_2',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_2"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'tls1_0',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = ⟦"TLS1_0"⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        name: 'tls1_1-variable',
        files: {
          'main.tf': `
variable "tls" {
  default = ⟦"TLS1_1"⟧
}

resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = var.tls
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        // upper() gives the value written where its argument was: each caller of the module gets
        // its finding at its own argument (RULES.md "Location"), the attribute related.
        name: 'upper-of-a-module-argument-at-each-callers-argument',
        files: {
          'main.tf': `
module "logs" {
  source  = "./modules/st"
  name    = "stlogs"
  min_tls = ⟦"tls1_0"⟧
}
module "data" {
  source  = "./modules/st"
  name    = "stdata"
  min_tls = ⟦"tls1_1"⟧
}
`,
          'modules/st/main.tf': `
variable "name" {
  type = string
}
variable "min_tls" {
  type    = string
  default = "tls1_2"
}
resource "azurerm_storage_account" "st" {
  name                            = var.name
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = upper(trimspace(var.min_tls))
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
        errors: [
          { messageIncludes: '"stlogs"', related: [{ file: 'modules/st/main.tf', line: 15 }] },
          { messageIncludes: '"stdata"', related: [{ file: 'modules/st/main.tf', line: 15 }] },
        ],
      },
      {
        // The same through format("%s", …), a var file per environment: one finding at each file's line.
        name: 'format-of-a-variable-at-each-var-files-line',
        files: {
          'main.tf': `
variable "min_tls" {
  type = string
}
resource "azurerm_storage_account" "st" {
  name                            = "stml"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = format("%s", var.min_tls)
}
`,
          'dev.tfvars': 'min_tls = ⟦"TLS1_1"⟧\n',
          'prod.tfvars': 'min_tls = ⟦"TLS1_0"⟧\n',
        },
        level: 'error',
        messageId: 'weakTls',
        errors: [{ env: 'nonprod' }, { env: 'prod' }],
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'absent',
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
        name: 'tls1_2',
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
      minimumTlsVersion = "TLS1_2"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'tls1_0',
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
      minimumTlsVersion = ⟦"TLS1_0"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
        message: /minimumTlsVersion is "TLS1_0"/,
      },
      {
        name: 'tls1_1',
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
      minimumTlsVersion = ⟦"TLS1_1"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'absent-symbolic',
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
      }
    }
  }
}
`,
        },
      },
      {
        name: 'tls1-2',
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
        "minimumTlsVersion": "TLS1_2"
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
    "minTls": {
      "type": "string"
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
        "minimumTlsVersion": "[parameters('minTls')]"
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
        name: 'parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "minTls": {
      "type": "string",
      "defaultValue": "TLS1_2"
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
        "minimumTlsVersion": "[parameters('minTls')]"
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
    "minTls": {
      "value": ⟦"TLS1_0"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'nonprod',
        messageId: 'weakTls',
      },
      {
        name: 'tls1-0',
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
        "minimumTlsVersion": ⟦"TLS1_0"⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        name: 'tls1-1-parameter-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "minTls": {
      "type": "string",
      "defaultValue": ⟦"TLS1_1"⟧,
      "allowedValues": [
        "TLS1_1",
        "TLS1_2"
      ]
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
        "minimumTlsVersion": "[parameters('minTls')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        // format('{0}', x) is x's value: located at the parameter's default, as parameters('x') is.
        name: 'format-of-one-parameter-at-its-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "minTls": {
      "type": "string",
      "defaultValue": ⟦"TLS1_0"⟧
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
        "minimumTlsVersion": "[format('{0}', parameters('minTls'))]"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'absent-symbolic',
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
      }
    }
  }
}
`,
        },
      },
      {
        name: 'tls1-2',
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
        "minimumTlsVersion": "TLS1_2"
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
        name: 'tls1-0',
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
        "minimumTlsVersion": ⟦"TLS1_0"⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        name: 'tls1-1-parameter-default-symbolic',
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
    "minTls": {
      "type": "string",
      "defaultValue": ⟦"TLS1_1"⟧,
      "allowedValues": [
        "TLS1_1",
        "TLS1_2"
      ]
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
        "minimumTlsVersion": "[parameters('minTls')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'tls12',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmlops'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'tls10-param',
        files: {
          'main.bicep': `
param tls string = ⟦'TLS1_0'⟧

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${uniqueString(resourceGroup().id)}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    minimumTlsVersion: tls
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        // '\${tls}' is tls's value (Bicep's simplify-interpolation): each module caller's argument.
        name: 'interpolated-parameter-at-each-callers-argument',
        files: {
          'main.bicep': `
module a 'modules/st.bicep' = {
  name: 'a'
  params: {
    tls: ⟦'TLS1_0'⟧
  }
}
module b 'modules/st.bicep' = {
  name: 'b'
  params: {
    tls: ⟦'TLS1_1'⟧
  }
}
`,
          'modules/st.bicep': `
param tls string = 'TLS1_2'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${uniqueString(resourceGroup().id, tls)}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    minimumTlsVersion: '\${tls}'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'tls12', files: { 'deploy.sh': 'az storage account create -n st1 -g rg --min-tls-version TLS1_2\n' } },
      { name: 'absent', files: { 'deploy.sh': 'az storage account create -n st1 -g rg\n' } },
    ],
    invalid: [
      {
        name: 'tls10',
        files: { 'deploy.sh': 'az storage account create -n st1 -g rg --min-tls-version ⟦TLS1_0⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
      {
        // `$((…))` is one piece of the name, blanks and all: the command is not cut at `$((`.
        name: 'name built by arithmetic',
        files: { 'deploy.sh': 'N=$((2 + 1))\naz storage account create -n st$((N * 2)) -g rg --min-tls-version ⟦TLS1_0⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
};


// azurerm v2 defaulted min_tls_version to TLS1_0 for new accounts; 3.0.0 made it TLS1_2.
const providerVersions: RuleTable = {
  terraform: {
    valid: [{ name: 'v3-absent-defaults-to-tls1_2', files: { 'versions.tf': azurermPinned('~> 3.0'), 'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = false
}
` } }],
    invalid: [
      {
        name: 'v2-absent-defaults-to-tls1_0',
        files: { 'versions.tf': azurermPinned('~> 2.46'), 'main.tf': `
⟦resource "azurerm_storage_account" "st" {⟧
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = false
}
` },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
        message: /min_tls_version is not set \(defaults to "TLS1_0"\)/,
      },
    ],
  },
};

// A template linked by `templateLink.relativePath` is evaluated through the deployment that
// links it, with the parameters it passes (review 66: linted on its own, its default was reported
// although the caller passed TLS1_2, and the caller's TLS1_0 was missed).
const LINKING = (tls: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "linked",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "relativePath": "nested/st.json" },
        "parameters": { "tls": { "value": ${tls} } }
      }
    }
  ]
}
`;
const LINKED = (tlsDefault: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "tls": { "type": "string", "defaultValue": ${tlsDefault} } },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-05-01",
      "name": "stlinked",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": { "name": "Standard_LRS" },
      "properties": { "minimumTlsVersion": "[parameters('tls')]" }
    }
  ]
}
`;
const linkedTemplates: RuleTable = {
  arm: {
    valid: [
      {
        name: 'linked-template-default-overridden-by-the-caller',
        files: { 'azuredeploy.json': LINKING('"TLS1_2"'), 'nested/st.json': LINKED('"TLS1_1"') },
      },
      {
        // ARM property names ignore case: `RelativePath` links as `relativePath` does (self-review 68).
        name: 'relative-path-in-another-case',
        files: { 'azuredeploy.json': LINKING('"TLS1_2"').replace('"relativePath"', '"RelativePath"'), 'nested/st.json': LINKED('"TLS1_1"') },
      },
      {
        // `parametersLink`: the values come from a parameter file Azure fetches: unknown, not the defaults (self-review 68).
        name: 'parameters-from-a-parameters-link',
        files: {
          'azuredeploy.json': LINKING('"TLS1_2"').replace(/"parameters": \{[^\n]*\}\n/, '"parametersLink": { "uri": "https://example.com/p.json" }\n'),
          'nested/st.json': LINKED('"TLS1_1"'),
        },
      },
    ],
    invalid: [
      {
        name: 'value-the-caller-passes-to-a-linked-template',
        files: { 'azuredeploy.json': LINKING('⟦"TLS1_0"⟧'), 'nested/st.json': LINKED('"TLS1_2"') },
        level: 'error',
        env: 'unknown',
        message: /"stlinked" accepts TLS below 1\.2 \(properties\.minimumTlsVersion is "TLS1_0"\)/,
        related: [{ file: 'nested/st.json', line: 13 }],
      },
      {
        // A parameter the deployment does not pass keeps the linked template's default.
        name: 'linked-template-default-the-caller-leaves',
        files: { 'azuredeploy.json': LINKING('"TLS1_2"').replace(/"parameters": \{[^\n]*\}\n/, '"parameters": {}\n'), 'nested/st.json': LINKED('⟦"TLS1_1"⟧') },
        level: 'error',
        env: 'unknown',
      },
      {
        // Two templates that link each other, linked by nothing else: the first is evaluated with its
        // defaults, the other through it (self-review 67: neither was evaluated).
        name: 'templates-that-link-each-other',
        files: {
          'a.json': LINKING('"TLS1_2"').replace('nested/st.json', 'b.json').replace('"resources": [', '"parameters": { "tls": { "type": "string", "defaultValue": ⟦"TLS1_0"⟧ } },\n  "resources": [\n    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "sta", "location": "westeurope", "properties": { "minimumTlsVersion": "[parameters(\'tls\')]" } },'),
          'b.json': LINKING('"TLS1_2"').replace('nested/st.json', 'a.json'),
        },
        level: 'error',
        env: 'unknown',
        message: /"sta" accepts TLS below 1\.2/,
      },
      {
        // The Bicep front end evaluates a template a `.bicep` file uses as a module, and does not
        // follow its links: the linked template is linted on its own, with its defaults (self-review 67:
        // it was evaluated nowhere).
        name: 'linked-by-a-template-a-bicep-module-uses',
        files: {
          'main.json': LINKING('"TLS1_2"'),
          'nested/st.json': LINKED('⟦"TLS1_0"⟧'),
          'root.bicep': "module m './main.json' = {\n  name: 'm'\n}\n",
        },
        level: 'error',
        env: 'unknown',
      },
      {
        // A template linked from two deployments: one finding per deployment's value.
        name: 'linked-from-two-templates',
        files: { 'a.json': LINKING('⟦"TLS1_0"⟧'), 'b.json': LINKING('"TLS1_2"'), 'nested/st.json': LINKED('"TLS1_2"') },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

// A plan's `after` has every attribute of its provider's schema, null when not set (FORMATS.md
// §5(a)): a name it lacks is not the provider's (an older version), so its value is not known,
// never the latest provider's default (review 107). The tester files plan cases under terraform,
// whose trees have a .tf: the configuration's versions.tf alone, so findings are in the plan JSON.
const PLAN_VERSIONS = azurermPinned('~> 2.0');
const planProviderSchema: RuleTable = {
  terraform: {
    valid: [
      { name: 'plan-of-a-provider-without-the-attribute', files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan() } },
      { name: 'plan-attribute-null-takes-the-default', files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"min_tls_version": null') } },
      { name: 'plan-attribute-tls1_2', files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"min_tls_version": "TLS1_2"') } },
    ],
    invalid: [
      {
        name: 'plan-attribute-tls1_0',
        files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"min_tls_version": ⟦"TLS1_0"⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'weakTls',
      },
    ],
  },
};

ruleTester('ST002', converted, azureCli, providerVersions, linkedTemplates, planProviderSchema);

describe('ST002 on a plan whose provider has no such attribute', () => {
  const { tree, cleanup } = tempTrees('mil-st002-plan-');
  afterAll(cleanup);

  it('is undecided (not the latest provider default), and --verbose says the plan\'s provider has no such attribute', async () => {
    const dir = tree({ 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan() });
    const { briefs, undecided } = await lintTree(dir, ['ST002']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'ST002').map((u) => `${u.attribute}: ${u.reason}`)).toEqual([
      'minTls: min_tls_version is not an attribute of the provider version that made the plan (its resource change has no such key), so the value that applies is not known',
    ]);
  });

  it('a null one is absent: the default, nothing undecided', async () => {
    const dir = tree({ 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"min_tls_version": null') });
    const { briefs, undecided } = await lintTree(dir, ['ST002']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'ST002')).toEqual([]);
  });
});
