/**
 * ST001 (storage-public-blob-access): Storage account allowing anonymous blob access.
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
        // A map one branch has a key in and the other not: its length is not known (self-review 86: an
        // unknown member was taken as a key surely there, and length() gave 1).
        name: 'length-of-a-conditional-map-whose-branches-differ-in-keys',
        files: {
          'main.tf':
            'variable "c" { type = bool }\nlocals {\n  m = var.c ? { a = "x" } : {}\n}\nresource "azurerm_storage_account" "sa" {\n  name                            = "sa1"\n  resource_group_name             = "rg"\n  location                        = "westeurope"\n  account_tier                    = "Standard"\n  account_replication_type        = "LRS"\n  allow_nested_items_to_be_public = length(local.m) > 0\n}\n',
        },
      },
      {
        name: 'false',
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
        name: 'unknown',
        files: {
          'main.tf': `
variable "public_blobs" {
  type = bool
}

resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = var.public_blobs
}
`,
        },
      },
    ],
    invalid: [
      {
        // FORMATS.md §5(e): a plan's `after` holds the provider default as if written; the .tf
        // does not write it, so it is absent (RULES.md ST001 "Absent in azurerm …: warning").
        name: 'plan-provider-default-true',
        files: {
          'main.tf': `
⟦resource "azurerm_storage_account" "st" {⟧
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
          'plan.json': JSON.stringify({
            format_version: '1.2',
            terraform_version: '1.9.5',
            planned_values: { root_module: {} },
            resource_changes: [
              {
                address: 'azurerm_storage_account.st',
                mode: 'managed',
                type: 'azurerm_storage_account',
                name: 'st',
                change: {
                  actions: ['create'],
                  before: null,
                  after: { name: 'stmldemo', account_tier: 'Standard', allow_nested_items_to_be_public: true, min_tls_version: 'TLS1_2' },
                  after_unknown: { id: true },
                },
              },
            ],
          }),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'containersCanBePublic',
        message: /allow_nested_items_to_be_public is not set \(defaults to true\)/,
      },
      {
        name: 'absent-default-true',
        files: {
          'main.tf': `
⟦resource "azurerm_storage_account" "st" {⟧
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'containersCanBePublic',
        message: /allow_nested_items_to_be_public is not set \(defaults to true\)/,
      },
      {
        name: 'explicit-true',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = ⟦true⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
      {
        name: 'from-tfvars',
        files: {
          'main.tf': `
variable "public_blobs" {
  type = bool
}

resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_nested_items_to_be_public = var.public_blobs
}
`,
          'terraform.tfvars': `
public_blobs = ⟦true⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
      {
        name: 'v2-name-true',
        files: {
          'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = ⟦true⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
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
        name: 'false',
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
      allowBlobPublicAccess = false
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'allow-true',
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
      allowBlobPublicAccess = ⟦true⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'absent',
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
        name: 'disabled-symbolic',
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
        name: 'unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "allowPublicBlobs": {
      "type": "bool"
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
        "allowBlobPublicAccess": "[parameters('allowPublicBlobs')]"
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
        name: 'allow-blob-public-access',
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
        "allowBlobPublicAccess": ⟦true⟧,
        "minimumTlsVersion": "TLS1_2"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
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
    "allowPublicBlobs": {
      "type": "bool",
      "defaultValue": ⟦true⟧
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
        "allowBlobPublicAccess": "[parameters('allowPublicBlobs')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
      {
        name: 'parameter-file',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "allowPublicBlobs": {
      "type": "bool",
      "defaultValue": false
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
        "allowBlobPublicAccess": "[parameters('allowPublicBlobs')]"
      }
    }
  ]
}
`,
          'main.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "allowPublicBlobs": {
      "value": ⟦true⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'absent',
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
      {
        name: 'disabled-symbolic',
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
    ],
    invalid: [
      {
        name: 'allow-blob-public-access',
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
        "allowBlobPublicAccess": ⟦true⟧,
        "minimumTlsVersion": "TLS1_2"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
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
    "allowPublicBlobs": {
      "type": "bool",
      "defaultValue": ⟦true⟧
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
        "allowBlobPublicAccess": "[parameters('allowPublicBlobs')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'no-public-blob',
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
        name: 'public-blob',
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
    allowBlobPublicAccess: ⟦true⟧
    minimumTlsVersion: 'TLS1_2'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'absent-not-reported', files: { 'deploy.sh': 'az storage account create -n st1 -g rg\n' } },
      { name: 'false', files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access false\n' } },
    ],
    invalid: [
      {
        name: 'true',
        files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
      {
        name: 'update-sets-true',
        files: { 'deploy.sh': 'az storage account update -n st1 -g rg ⟦--allow-blob-public-access⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
};

// Conformance round (c-conf2): an azapi container's `parent_id` names its blob service, not
// the account: written as a path below the account, or as an azapi blobServices resource.
// Both are linked to the account (they were not: the public container was never reported).
// RULES.md ST001: "A scanned container with public access … on an account that allows it:
// error at the container's value."
const AZAPI_ACCOUNT = `
resource "azurerm_storage_account" "st" {
  name                            = "stmldemo"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = ⟦true⟧
}
`;
const azapiContainers: RuleTable = {
  azapi: {
    valid: [
      {
        name: 'container-below-account-that-disallows',
        files: {
          'main.tf': `${AZAPI_ACCOUNT.replace('⟦true⟧', 'false')}
resource "azapi_resource" "c" {
  type      = "Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01"
  name      = "models"
  parent_id = "\${azurerm_storage_account.st.id}/blobServices/default"
  body = {
    properties = { publicAccess = "Blob" }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'container-parent-id-path-below-account',
        files: {
          'main.tf': `${AZAPI_ACCOUNT}
resource "azapi_resource" "c" {
  type      = "Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01"
  name      = "models"
  parent_id = "\${azurerm_storage_account.st.id}/blobServices/default"
  body = {
    properties = { publicAccess = ⟦"Blob"⟧ }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [{ messageId: 'publicBlobAccess' }, { messageId: 'publicContainer' }],
      },
      {
        name: 'container-parent-id-is-an-azapi-blob-service',
        files: {
          'main.tf': `${AZAPI_ACCOUNT}
resource "azapi_resource" "svc" {
  type      = "Microsoft.Storage/storageAccounts/blobServices@2023-01-01"
  name      = "default"
  parent_id = azurerm_storage_account.st.id
  body      = {}
}

resource "azapi_resource" "c" {
  type      = "Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01"
  name      = "models"
  parent_id = azapi_resource.svc.id
  body = {
    properties = { publicAccess = ⟦"Container"⟧ }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [{ messageId: 'publicBlobAccess' }, { messageId: 'publicContainer' }],
      },
    ],
  },
};

// Conformance round (c-conf2): `az storage container create|set-permission --public-access`
// is a scanned container (it was not modelled), linked to the `az storage account create` of
// its `--account-name`. RULES.md ST001: "A scanned container with public access … on an
// account that allows it: error at the container's value".
const azContainers: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'container-on-account-not-scanned', files: { 'deploy.sh': 'az storage container create -n models --account-name other --public-access blob\n' } },
      { name: 'container-off', files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access false\naz storage container create -n models --account-name st1 --public-access container\n' } },
    ],
    invalid: [
      {
        name: 'public-container-on-an-account-that-allows-it',
        files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access ⟦true⟧\naz storage container create -n models --account-name st1 --public-access ⟦blob⟧\n' },
        level: 'error',
        env: 'unknown',
        errors: [
          { messageId: 'publicBlobAccess' },
          {
            messageId: 'publicContainer',
            message: 'Container "models" is readable by anyone without credentials: --public-access is blob, and storage account "st1" allows it as --allow-blob-public-access is true; set --public-access to "off" or --allow-blob-public-access to false.',
          },
        ],
      },
      {
        // Without --public-access a container is private: only the account is reported.
        name: 'container-private-by-default',
        files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access ⟦true⟧\naz storage container create -n models --account-name st1\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
      {
        name: 'set-permission-after-create',
        files: { 'deploy.sh': 'az storage account create -n st1 -g rg --allow-blob-public-access ⟦true⟧\naz storage container create -n models --account-name st1\naz storage container set-permission -n models --account-name st1 --public-access ⟦container⟧\n' },
        level: 'error',
        env: 'unknown',
        errors: [{ messageId: 'publicBlobAccess' }, { messageId: 'publicContainer' }],
      },
    ],
  },
};

// Format round (c-fmt1): a condition built from can() is decided by the input its argument read.
// RULES.md "Values chosen by a condition": "the primary location is where that deciding input
// was written, and the chosen branch is a related location" (as for try(), which already did).
const terraformFunctions: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'can-condition-decided-by-variable-default',
        files: {
          'main.tf': `
variable "settings" {
  type    = any
  default = ⟦{}⟧
}
resource "azurerm_storage_account" "st" {
  name                            = "stmldemo"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = can(var.settings.private) ? false : true
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
};


// azurerm v2 called it allow_blob_public_access and defaulted it to false (v2 docs); 3.0.0 renamed
// it allow_nested_items_to_be_public and made the default true.
const providerVersions: RuleTable = {
  terraform: {
    valid: [{ name: 'v2-absent-defaults-to-false', files: { 'versions.tf': azurermPinned('~> 2.99'), 'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version = "TLS1_2"
}
` } }],
    invalid: [
      {
        name: 'v2-set-true-old-name',
        files: { 'versions.tf': azurermPinned('~> 2.99'), 'main.tf': `
resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version = "TLS1_2"
  allow_blob_public_access = ⟦true⟧
}
` },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
        message: /allow_blob_public_access is true/,
      },
      {
        name: 'v3-absent-defaults-to-true',
        files: { 'versions.tf': azurermPinned('~> 3.0'), 'main.tf': `
⟦resource "azurerm_storage_account" "st" {⟧
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version = "TLS1_2"
}
` },
        level: 'warning',
        env: 'unknown',
        messageId: 'containersCanBePublic',
        message: /allow_nested_items_to_be_public is not set \(defaults to true\)/,
      },
    ],
  },
};

// "Containers can be made public" holds only where there are containers: a FileStorage account
// (premium Azure Files) has no Blob service (review 91); a kind not known leaves it undecided.
const ACCOUNT = (kind: string, header = 'resource "azurerm_storage_account" "files" {'): string =>
  `variable "kind" {\n  type = string\n}\n\n${header}\n  name                     = "stclusterfiles"\n  resource_group_name      = "rg"\n  location                 = "westeurope"\n  account_tier             = "Premium"\n  account_replication_type = "LRS"\n${kind}}\n`;
const accountKinds: RuleTable = {
  terraform: {
    valid: [
      { name: 'file-storage-account', files: { 'main.tf': ACCOUNT('  account_kind             = "FileStorage"\n') } },
      { name: 'account-kind-not-known', files: { 'main.tf': ACCOUNT('  account_kind             = var.kind\n') } },
    ],
    invalid: [
      {
        name: 'block-blob-storage-account',
        files: { 'main.tf': ACCOUNT('  account_kind             = "BlockBlobStorage"\n', '⟦resource "azurerm_storage_account" "files" {⟧') },
        level: 'warning',
        env: 'unknown',
        messageId: 'containersCanBePublic',
      },
      {
        // An explicit allow is judged as written, whatever the kind (RULES.md ST001).
        name: 'file-storage-account-allowing-it-explicitly',
        files: { 'main.tf': ACCOUNT('  account_kind             = "FileStorage"\n  allow_nested_items_to_be_public = ⟦true⟧\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
};

// A plan's `after` has every attribute of its provider's schema, null when not set (FORMATS.md
// §5(a)): a name it lacks is not the provider's (an older version), so its value is not known,
// never the latest provider's default; a null one is absent, with that default (review 107).
// The tester files plan cases under terraform, whose trees have a .tf: here the configuration's
// versions.tf alone (its resources are not in the tree, so findings are located in the plan JSON,
// as in the corpus plan).
const PLAN_VERSIONS = azurermPinned('~> 2.0');
const planProviderSchema: RuleTable = {
  terraform: {
    valid: [
      { name: 'plan-of-a-provider-without-the-attribute', files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan() } },
      { name: 'plan-attribute-false', files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"allow_nested_items_to_be_public": false') } },
    ],
    invalid: [
      {
        name: 'plan-attribute-null',
        files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"allow_nested_items_to_be_public": null', true) },
        level: 'warning',
        env: 'unknown',
        messageId: 'containersCanBePublic',
        message: /allow_nested_items_to_be_public is not set \(defaults to true\).*located in the plan JSON/,
      },
      {
        name: 'plan-attribute-true',
        files: { 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan('"allow_nested_items_to_be_public": ⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'publicBlobAccess',
      },
    ],
  },
};

ruleTester('ST001', converted, azureCli, azapiContainers, azContainers, terraformFunctions, providerVersions, accountKinds, planProviderSchema);

describe('ST001 on a plan whose provider has no such attribute', () => {
  const { tree, cleanup } = tempTrees('mil-st001-plan-');
  afterAll(cleanup);

  it('is undecided, and --verbose says the plan\'s provider has no such attribute', async () => {
    const dir = tree({ 'versions.tf': PLAN_VERSIONS, 'plan.json': oldProviderStoragePlan() });
    const { briefs, undecided } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'ST001').map((u) => `${u.attribute}: ${u.reason}`)).toEqual([
      expect.stringMatching(/^allowBlobPublicAccess: neither allow_nested_items_to_be_public nor allow_blob_public_access is an attribute of the provider version that made the plan/),
    ]);
  });
});
