/**
 * KV001 (keyvault-purge-protection): Key Vault without purge protection.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

/** A script that sources its vault name from another, and the prod finding either CI caller gives it. */
const SOURCING_SCRIPT = {
  's/kv.sh': 'source ./s/vars.sh\n⟦az⟧ keyvault create --name $KV --resource-group rg\n',
  's/vars.sh': 'KV=kvfromvars\n',
};
const PROD_KV_FROM_SOURCED_VARS = { level: 'error' as const, env: 'prod' as const, messageId: 'noPurgeProtection', messageIncludes: '"kvfromvars"' };

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // A module's own environment variable classes its resources: dev is nonprod, no KV001.
        name: 'module-environment-variable-nonprod',
        files: {
          'main.tf': 'module "kv" {\n  source      = "./mod"\n  environment = "dev"\n}\n',
          'mod/main.tf': `
variable "environment" {
  type = string
}

resource "azurerm_key_vault" "this" {
  name                = "kv-\${var.environment}"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
        },
      },
      {
        // A resource held whole in a local: an attribute it does not configure is known only after apply, not absent.
        name: 'try-of-an-unconfigured-attribute-through-a-local',
        files: {
          'main.tf':
            'resource "azurerm_storage_account" "sa" {\n  name                     = "sa"\n  resource_group_name      = "rg"\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n}\n\nlocals {\n  sa = azurerm_storage_account.sa\n}\n\nresource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  location                 = "westeurope"\n  resource_group_name      = "rg"\n  tenant_id                = "t"\n  sku_name                 = "standard"\n  purge_protection_enabled = try(local.sa.https_traffic_only_enabled, false)\n}\n',
        },
      },
      {
        name: 'plan-var-true',
        files: {
          'main.tf': `
variable "purge" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                     = "kv-ml"
  location                 = "westeurope"
  resource_group_name      = "rg-ml"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge
}
`,
          'plan.json': `
{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "variables": {
    "purge": {
      "value": true
    },
    "environment": {
      "value": "prod"
    }
  },
  "planned_values": {
    "root_module": {}
  },
  "resource_changes": [
    {
      "address": "azurerm_key_vault.kv",
      "mode": "managed",
      "type": "azurerm_key_vault",
      "name": "kv",
      "change": {
        "actions": [
          "create"
        ],
        "before": null,
        "after": {
          "name": "kv-ml",
          "location": "westeurope",
          "resource_group_name": "rg-ml",
          "tenant_id": "00000000-0000-0000-0000-000000000000",
          "sku_name": "standard",
          "purge_protection_enabled": true
        },
        "after_unknown": {
          "id": true
        },
        "before_sensitive": false,
        "after_sensitive": {}
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'enabled',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  purge_protection_enabled = true
}
`,
        },
      },
      {
        // `live` is a prod word, so `prelive` (one word, prefixed) is nonprod, as `preprod` is.
        name: 'prefixed-live-word-is-nonprod',
        files: {
          'main.tf': `
variable "environment" {
  type = string
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-\${var.environment}"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
          'terraform.tfvars': 'environment = "prelive"\n',
        },
      },
      {
        name: 'nonprod-no-finding',
        files: {
          'main.tf': `
variable "env" {
  default = "dev"
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
        },
      },
    ],
    invalid: [
      {
        // RULES.md "Environments": a module's own environment variable classes its resources (prod: error).
        name: 'module-environment-variable-prod',
        files: {
          'main.tf': 'module "kv" {\n  source      = "./mod"\n  environment = "prod"\n}\n',
          'mod/main.tf': `
variable "environment" {
  type = string
}

⟦resource "azurerm_key_vault" "this" {⟧
  name                = "kv-\${var.environment}"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Variable names are matched ignoring case, as ARM and Bicep parameters are (`Environment`, `ENV`): review 50.
        name: 'environment-variable-in-another-case',
        files: {
          'main.tf': 'variable "Environment" {\n  default = "prod"\n}\n⟦resource "azurerm_key_vault" "kv" {⟧\n  name = "kv-${var.Environment}"\n}\n',
          'mod/main.tf': 'variable "ENV" {\n  type = string\n}\n⟦resource "azurerm_key_vault" "kv" {⟧\n  name = "kv-mod"\n}\n',
          'mod-caller/main.tf': 'module "kv" {\n  source = "../mod"\n  ENV    = "production"\n}\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // One local module called twice, the property absent in it: one finding at the module's
        // resource (one place to fix), with each call of the root as a related location.
        name: 'module-called-twice-absent',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

module "kv_features" {
  source = "./modules/kv"
  name   = "kv-features"
}

module "kv_models" {
  source = "./modules/kv"
  name   = "kv-models"
}
`,
          'modules/kv/main.tf': `
variable "name" {
  type = string
}

⟦resource "azurerm_key_vault" "this" {⟧
  name                       = var.name
  location                   = "westeurope"
  resource_group_name        = "rg-ml"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
        related: [
          { file: 'main.tf', line: 5, label: 'module "kv_features"' },
          { file: 'main.tf', line: 10, label: 'module "kv_models"' },
        ],
      },
      {
        // The instances of one declaration are one finding at one place (one place to fix); the
        // message names the other instances so none is lost from the report.
        name: 'for-each-instances-named',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

⟦resource "azurerm_key_vault" "kv" {⟧
  for_each                   = toset(["kv-features", "kv-models"])
  name                       = each.key
  location                   = "westeurope"
  resource_group_name        = "rg-ml"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}
`,
        },
        level: 'warning',
        env: 'unknown',
        message:
          'Key Vault "kv-features" has no purge protection (purge_protection_enabled is not set (defaults to false)), so deleted secrets and keys can be purged for good; set purge_protection_enabled to true (the same holds for "kv-models", another instance of the same declaration).',
      },
      {
        // Instances whose names do not tell them apart (a name from an unknown variable) are named by address.
        name: 'count-instances-with-one-name-named-by-address',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

variable "prefix" {
  type = string
}

⟦resource "azurerm_key_vault" "kv" {⟧
  count                      = 3
  name                       = "\${var.prefix}-kv"
  location                   = "westeurope"
  resource_group_name        = "rg-ml"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}
`,
        },
        level: 'warning',
        env: 'unknown',
        message:
          'Key Vault "kv" has no purge protection (purge_protection_enabled is not set (defaults to false)), so deleted secrets and keys can be purged for good; set purge_protection_enabled to true (the same holds for "azurerm_key_vault.kv[1]", "azurerm_key_vault.kv[2]", other instances of the same declaration).',
      },
      {
        // A counted module's instances of one name are named by address too (the instance keys are the module's).
        name: 'counted-module-instances-named-by-address',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

module "m" {
  source = "./modules/kv"
  count  = 2
}
`,
          'modules/kv/main.tf': `
⟦resource "azurerm_key_vault" "kv" {⟧
  name                       = "ml-kv"
  location                   = "westeurope"
  resource_group_name        = "rg-ml"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
        messageIncludes: '(the same holds for "module.m[1].azurerm_key_vault.kv", another instance of the same declaration).',
      },
      {
        // A plan JSON beside the module (terraform show -json): the -var value the static run cannot see, at its .tf line.
        name: 'plan-var-value',
        files: {
          'main.tf': `
variable "purge" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                     = "kv-ml"
  location                 = "westeurope"
  resource_group_name      = "rg-ml"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  ⟦purge_protection_enabled = var.purge⟧
}
`,
          'plan.json': `
{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "variables": {
    "purge": {
      "value": false
    },
    "environment": {
      "value": "prod"
    }
  },
  "planned_values": {
    "root_module": {}
  },
  "resource_changes": [
    {
      "address": "azurerm_key_vault.kv",
      "mode": "managed",
      "type": "azurerm_key_vault",
      "name": "kv",
      "change": {
        "actions": [
          "create"
        ],
        "before": null,
        "after": {
          "name": "kv-ml",
          "location": "westeurope",
          "resource_group_name": "rg-ml",
          "tenant_id": "00000000-0000-0000-0000-000000000000",
          "sku_name": "standard",
          "purge_protection_enabled": false
        },
        "after_unknown": {
          "id": true
        },
        "before_sensitive": false,
        "after_sensitive": {}
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'absent-unknown-env',
        files: {
          'main.tf': `
⟦resource "azurerm_key_vault" "kv" {⟧
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // One root per environment folder, each with its terraform.tfvars: the var file's folder
        // names the class (RULES.md "Environments": "the variable file's name or folder").
        name: 'root-per-environment-folder',
        files: {
          'environments/prod/main.tf': `
provider "azurerm" {
  features {}
}
variable "location" {
  type = string
}
module "vault" {
  source   = "../../modules/vault"
  location = var.location
}
`,
          'environments/prod/terraform.tfvars': `
location = "westeurope"
`,
          'modules/vault/main.tf': `
variable "location" {
  type = string
}
⟦resource "azurerm_key_vault" "kv" {⟧
  name                = "kv-ml"
  location            = var.location
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'explicit-false-prod',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  purge_protection_enabled = ⟦false⟧
}
`,
        },
        options: { env: 'prod' },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'prod-tag',
        files: {
          'main.tf': `
⟦resource "azurerm_key_vault" "kv" {⟧
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  tags = {
    environment = "Production"
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      enablePurgeProtection = true
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "kv" {⟧
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  arm: {
    valid: [
      {
        // The nested deployment's environment parameter is dev: nonprod, no KV001.
        name: 'nested-deployment-environment-parameter-nonprod',
        files: { 'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "kv",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": { "environment": { "value": "dev" } },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "environment": { "type": "string" } },
          "resources": [
            {
              "type": "Microsoft.KeyVault/vaults",
              "apiVersion": "2023-07-01",
              "name": "[format('kv-{0}', parameters('environment'))]",
              "location": "westeurope",
              "properties": {
                "tenantId": "[subscription().tenantId]",
                "sku": { "family": "A", "name": "standard" },
                "enableRbacAuthorization": true
              }
            }
          ]
        }
      }
    }
  ]
}
` },
      },
      {
        name: 'enabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        },
        "enablePurgeProtection": true
      }
    }
  ]
}
`,
        },
      },
      {
        // RULES.md Environments: "the variable file's name or folder": a parameter file in a
        // dev/ folder is nonprod, where KV001 reports nothing.
        name: 'parameter-file-in-dev-folder',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "purge": {
      "type": "bool",
      "defaultValue": true
    }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        },
        "enablePurgeProtection": "[parameters('purge')]"
      }
    }
  ]
}
`,
          'dev/main.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "template": "../main.json"
  },
  "parameters": {
    "purge": {
      "value": false
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // An inner-scope nested deployment (a compiled Bicep module) with its own environment parameter: prod classes its resources.
        name: 'nested-deployment-environment-parameter-prod',
        files: { 'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "kv",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": { "environment": { "value": "prod" } },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "environment": { "type": "string" } },
          "resources": [
            {
              ⟦"type": "Microsoft.KeyVault/vaults"⟧,
              "apiVersion": "2023-07-01",
              "name": "[format('kv-{0}', parameters('environment'))]",
              "location": "westeurope",
              "properties": {
                "tenantId": "[subscription().tenantId]",
                "sku": { "family": "A", "name": "standard" },
                "enableRbacAuthorization": true
              }
            }
          ]
        }
      }
    }
  ]
}
` },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
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
      ⟦"type": "Microsoft.KeyVault/vaults"⟧,
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'prod-environment-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "environmentName": {
      "type": "string",
      "defaultValue": "prod"
    }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        },
        "enablePurgeProtection": ⟦false⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // The folder of the parameter file decides the class (prod/main.parameters.json).
        name: 'parameter-file-in-prod-folder',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "purge": {
      "type": "bool",
      "defaultValue": true
    }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        },
        "enablePurgeProtection": "[parameters('purge')]"
      }
    }
  ]
}
`,
          'prod/main.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "template": "../main.json"
  },
  "parameters": {
    "purge": {
      "value": ⟦false⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'enabled',
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
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        },
        "enablePurgeProtection": true
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
      ⟦"type": "Microsoft.KeyVault/vaults"⟧,
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": {
          "family": "A",
          "name": "standard"
        }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // A module's environment is its own value: the leaf's default dev, not the calling module's prod (nonprod: no KV001).
        name: 'nested-module-environment-default-is-its-own',
        files: {
          'main.bicep': "module mid 'mid.bicep' = {\n  name: 'mid'\n  params: {\n    environment: 'prod'\n  }\n}\n",
          'mid.bicep': "param environment string\nmodule leaf 'leaf.bicep' = {\n  name: 'leaf'\n}\n",
          'leaf.bicep': "param environment string = 'dev'\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-${environment}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
        },
      },
      {
        // The module's environment parameter is dev: nonprod, no KV001.
        name: 'module-environment-parameter-nonprod',
        files: {
          'main.bicep': "module kv 'modules/kv.bicep' = {\n  name: 'kv'\n  params: {\n    environment: 'dev'\n  }\n}\n",
          'modules/kv.bicep': "param environment string\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-${environment}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
        },
      },
      {
        // A JSON template used as a module: its own environment parameter, as the module passes it (dev), decides as a .bicep module's does.
        name: 'json-module-environment-parameter-nonprod',
        files: {
          'main.bicep': "module kv './kv.json' = {\n  name: 'kv'\n  params: {\n    environment: 'dev'\n  }\n}\n",
          'kv.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "environment": { "type": "string" } },\n  "resources": [\n    { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv1", "location": "westeurope", "properties": { "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true } }\n  ]\n}\n',
        },
      },
      {
        // A statement with a syntax error is not judged: the property the missing `:` cut off would read as absent.
        name: 'statement-with-a-syntax-error-not-judged',
        files: {
          'main.bicep': `
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  location: 'westeurope'
  properties: {
    enableRbacAuthorization: true
    enablePurgeProtection true
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
`,
        },
        parseError: true,
      },
      {
        // A `{` never closed: the error is at the end of the file, the statement the parser closed there is not judged.
        name: 'unclosed-block-not-judged',
        files: {
          'main.bicep': `
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  location: 'westeurope'
  properties: {
    enableRbacAuthorization: true
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
}
`,
        },
        parseError: true,
      },
      {
        // A parameter file that does not parse gives no variant: the template's default is not judged in its place.
        name: 'broken-bicepparam-variant-not-judged',
        files: {
          'main.bicep': `
param purge bool = false
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  location: 'westeurope'
  properties: {
    enableRbacAuthorization: true
    enablePurgeProtection: purge
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
`,
          'prod.bicepparam': `using 'main.bicep'
param purge = (true
`,
        },
        parseError: true,
      },
      {
        name: 'dev-bicepparam',
        files: {
          'dev.bicepparam': `
using 'main.bicep'

param purgeProtection = false
`,
          'main.bicep': `
param purgeProtection bool = true

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: purgeProtection ? true : null
  }
}
`,
        },
      },
      {
        name: 'enabled',
        files: {
          'main.bicep': `
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: true
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // Names without case, as ARM's parameters: `Environment` is an environment parameter too.
        name: 'module-environment-parameter-any-case',
        files: {
          'main.bicep': "module kv 'modules/kv.bicep' = {\n  name: 'kv'\n  params: {\n    Environment: 'prod'\n  }\n}\n",
          'modules/kv.bicep': "param Environment string\n⟦resource kv 'Microsoft.KeyVault/vaults@2023-07-01'⟧ = {\n  name: 'kv-${Environment}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A JSON template used as a module, its environment parameter's default prod: error (it was unknown: warning).
        name: 'json-module-environment-default-prod',
        files: {
          'main.bicep': "module kv './kv.json' = {\n  name: 'kv'\n}\n",
          'kv.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "environment": { "type": "string", "defaultValue": "prod" } },\n  "resources": [\n    { ⟦"type": "Microsoft.KeyVault/vaults"⟧, "apiVersion": "2023-07-01", "name": "kv1", "location": "westeurope", "properties": { "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true } }\n  ]\n}\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // RULES.md "Environments": a module's own environment parameter classes its resources (prod: error), as a Terraform module's variable does.
        name: 'module-environment-parameter-prod',
        files: {
          'main.bicep': "module kv 'modules/kv.bicep' = {\n  name: 'kv'\n  params: {\n    environment: 'prod'\n  }\n}\n",
          'modules/kv.bicep': "param environment string\n⟦resource kv 'Microsoft.KeyVault/vaults@2023-07-01'⟧ = {\n  name: 'kv-${environment}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'absent',
        files: {
          'main.bicep': `
⟦resource kv 'Microsoft.KeyVault/vaults@2023-07-01'⟧ = {
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'prod-bicepparam-ternary',
        files: {
          'main.bicep': `
param purgeProtection bool = true

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: purgeProtection ? true : null
  }
}
`,
          'prod.bicepparam': `
using 'main.bicep'

param purgeProtection = ⟦false⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // The arguments a task passes are split as the task (AzureCLI@2: double quotes only) or
        // bash (Bash@3: single quotes too) splits them: the second word is `true`.
        name: 'pipeline-task-arguments-split-as-the-task-does',
        files: {
          'azure-pipelines.yml': `steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptPath: scripts/kv.sh
    arguments: '"kv one" true'
- task: Bash@3
  inputs:
    filePath: scripts/kv.sh
    arguments: "'kv two' true"
- task: PowerShell@2
  inputs:
    filePath: scripts/kv.ps1
    arguments: "-Name 'kv three' -Purge:true"
`,
          'scripts/kv.sh': 'ENVIRONMENT=prod\naz keyvault create -n "$1" -g rg --enable-rbac-authorization true --enable-purge-protection "$2"\n',
          'scripts/kv.ps1': 'param([string]$Name, [string]$Purge)\n$environment = "prod"\naz keyvault create -n $Name -g rg --enable-rbac-authorization true --enable-purge-protection $Purge\n',
        },
      },
      // The arguments move (`shift`), or `$1` is a function's own argument: not the caller's.
      {
        name: 'script-shifts-its-arguments',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./kv.sh --name kv1 false\n',
          'kv.sh': 'shift\nNAME=$1\nshift\naz keyvault create -n "$NAME" -g rg --enable-rbac-authorization true --enable-purge-protection "$1"\n',
        },
      },
      {
        // After `set -- …` the arguments are replaced: $1 is unknown, not the default (dev would be a wrong known class).
        name: 'script-resets-its-arguments-the-default-is-not-taken',
        files: { 'kv.sh': 'set -- "$@" extra\nNAME=${1:-kv1}\naz keyvault create -n "$NAME" -g rg --enable-rbac-authorization true --enable-purge-protection ${2:-false}\n' },
      },
      {
        // `name()` with its brace on the next line is a function too: its $1 is its own argument.
        name: 'script-reads-a-function-argument-brace-on-the-next-line',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./kv.sh false\n',
          'kv.sh': 'make_kv()\n{\n  az keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection "$1"\n}\nmake_kv true\n',
        },
      },
      {
        // A function's param() is its own: the caller's -Protect reaches the script's parameter, not the function's.
        name: 'powershell-function-parameter-is-not-the-scripts',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: ./kv.ps1 -Protect false\n',
          'kv.ps1': "param([string]$Protect = 'true')\nfunction New-Kv {\n  param([string]$Protect = 'true')\n  az keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection $Protect\n}\nNew-Kv\n",
        },
      },
      {
        // A named argument the script does not declare, or a switch, binds nothing: the default stays the callers' to decide (unknown).
        name: 'powershell-script-argument-it-does-not-declare',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: ./kv.ps1 -Purge false -WhatIf\n',
          'kv.ps1': 'param([string]$Protect)\naz keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection $Protect\n',
        },
      },
      {
        name: 'script-reads-a-function-argument',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./kv.sh false\n',
          'kv.sh': 'make_kv() {\n  az keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection "$1"\n}\nmake_kv true\n',
        },
      },
      {
        // An unquoted unknown argument may be any number of words: every later position is unknown.
        name: 'script-argument-after-an-unquoted-unknown',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./kv.sh $EXTRA false\n',
          'kv.sh': 'az keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection "$2"\n',
        },
      },
      {
        // Each \${{ if }} branch of a task's inputs with its own scriptType: the bash branch's \\ continuation holds.
        name: 'task-input-branches-each-with-its-script-type',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nvariables:\n  environment: prod\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: sc\n      scriptLocation: inlineScript\n      ${{ if parameters.windows }}:\n        scriptType: pscore\n        inlineScript: az keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true --enable-purge-protection true\n      ${{ else }}:\n        scriptType: bash\n        inlineScript: |\n          az keyvault create --name kv2 --resource-group rg --enable-rbac-authorization true \\\n            --enable-purge-protection true\n',
        },
      },
      // An untyped PowerShell parameter may hold an array, which a native command gets as several arguments.
      { name: 'powershell-untyped-parameter-may-carry-flags', files: { 'deploy.ps1': 'param($Name)\naz keyvault create --name $Name -g rg\n' } },
      // A value with a blank may split into several words, a flag among them: undecided, never reported.
      { name: 'random-suffix-after-a-blank-unquoted', files: { 'deploy.sh': 'KV_NAME="kv ${RANDOM}"\naz keyvault create -n $KV_NAME -g rg\n' } },
      { name: 'positional-parameter-unquoted', files: { 'deploy.sh': 'az keyvault create -n $1 -g rg\n' } },
      // The value of a flag no table reads splits all the same (`-g $RG`, RG a command's output).
      { name: 'unquoted-command-output-as-resource-group', files: { 'deploy.sh': 'RG=$(az group show --query name -o tsv)\naz keyvault create -n kv1 -g $RG\n' } },
      { name: 'purge-protection-on', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-purge-protection true\n' } },
      { name: 'bare-flag', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-purge-protection\n' } },
      { name: 'update-fixes-create', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg\naz keyvault update -n kv1 -g rg --enable-purge-protection true\n' } },
      // `--ids` with a literal resource id names the vault by its last segment.
      // Several ids update several vaults: the update has no one name (kv2 may be among them).
      { name: 'update-by-several-ids', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg\naz keyvault create -n kv2 -g rg\naz keyvault update --ids /subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1 /subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2 --enable-purge-protection true\n' } },
      { name: 'update-by-ids-fixes-create', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg\naz keyvault update --ids /subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1 --enable-purge-protection true\n' } },
      // FORMATS.md §1(d): "keyvault create (update only clears)"; Azure refuses to turn purge protection off again.
      { name: 'update-alone-raises-nothing', files: { 'deploy.sh': 'az keyvault update -n kv-existing -g rg --enable-purge-protection false\n' } },
      { name: 'three-state-no-rejected', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-purge-protection true\naz keyvault update -n kv1 -g rg --enable-purge-protection no\n' } },
      { name: 'nonprod-file', files: { 'deploy-dev.sh': 'az keyvault create -n kv1 -g rg\n' } },
      { name: 'opaque-expansion', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg $KV_FLAGS\n' } },
      // "$@" is one word per argument even in double quotes (bash manual, "Special Parameters"); so is "${args[@]}".
      { name: 'quoted-all-arguments-may-carry-the-flag', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg "$@"\n' } },
      { name: 'quoted-array-may-carry-the-flag', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg "${EXTRA[@]}"\n' } },
      { name: 'quoted-all-arguments-in-braces-may-carry-the-flag', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg "${@}"\naz keyvault create -n kv2 -g rg "${@:2}"\n' } },
      { name: 'powershell-array-subexpression-may-carry-the-flag', files: { 'kv.ps1': 'az keyvault create -n kv1 -g rg @("--enable-purge-protection","true")\n' } },
      // PowerShell: splatting passes an array's elements as arguments (about_Splatting); a whole-word variable may hold an array.
      // about_Scopes: a $Local:/$Private: variable is seen only in its own scope, and a name set both with and
      // without $Global: may be two variables (a script run as ./x.ps1): the name, a whole word, is unknown.
      { name: 'powershell-private-scope-read', files: { 'kv.ps1': '$Private:kv = "kv-ml"\naz keyvault create -n $Private:kv -g rg\n' } },
      { name: 'powershell-name-set-with-and-without-global', files: { 'kv.ps1': '$kv = "kv-a"\n$Global:kv = "kv-b"\naz keyvault create -n $kv -g rg\n' } },
      { name: 'powershell-splatting-may-carry-the-flag', files: { 'kv.ps1': 'az keyvault create -n kv1 -g rg @kvArgs\n' } },
      { name: 'powershell-whole-word-variable-may-be-an-array', files: { 'kv.ps1': 'az keyvault create -n kv1 -g rg $kvArgs\n' } },
      // FORMATS.md §1: "any unquoted unknown expansion in the same command (it may carry the flag)".
      { name: 'unquoted-unknown-name-may-carry-the-flag', files: { 'deploy.sh': 'az keyvault create -n $KV_NAME -g rg\n' } },
      {
        // A batch script (cmd.exe): `^` continues the line, so the flag on the next line is the command's.
        name: 'batch-script-caret-continuation',
        files: {
          'azure-pipelines.yml': `
steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: batch
    scriptLocation: inlineScript
    inlineScript: |
      az keyvault create -n kv-batch -g rg ^
        --enable-purge-protection true
`,
        },
      },
      {
        // cmd's %ENV% is the variable ENV (here the job's env:): the quoted and the bare name are one vault, so the update fixes the create.
        name: 'cmd-step-variable-names-one-vault',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  infra:
    runs-on: windows-latest
    env:
      ENV: prod
    steps:
      - shell: cmd
        run: |
          az keyvault create --name "kv-%ENV%" --resource-group rg
          az keyvault update --name kv-%ENV% --resource-group rg --enable-purge-protection true
`,
        },
      },
      {
        // `shell: python` is not a shell script: not read.
        name: 'python-step-not-read',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: python\n        run: |\n          az keyvault create -n kv1 -g rg\n' },
      },
      {
        // RULES.md "Environments": the caller's value of input `environment` decides the class of
        // its variant; the only caller passes dev (nonprod: no finding), and so does the default.
        // (A required input without a default leaves the defaults variant unknown: README,
        // "Matrices and callers", evaluates it too.)
        name: 'reusable-workflow-dev-caller-only',
        files: {
          '.github/workflows/cd.yml': 'on: push\njobs:\n  dev:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: dev\n',
          '.github/workflows/deploy.yml': `
on:
  workflow_call:
    inputs:
      environment:
        type: string
        default: development
jobs:
  infra:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    steps:
      - run: az keyvault create -n "kv-\${{ inputs.environment }}" -g rg
`,
        },
      },
      {
        // A job environment written as an expression of a dispatch input whose default is dev.
        name: 'job-environment-expression-dev-default',
        files: {
          '.github/workflows/w.yml': `
on:
  workflow_dispatch:
    inputs:
      target:
        default: dev
jobs:
  a:
    runs-on: ubuntu-latest
    environment: \${{ inputs.target }}
    steps:
      - run: az keyvault create -n kv1 -g rg
`,
        },
      },
      {
        // A script a task runs creates a vault and then turns purge protection on: the update
        // cancels the create's default, as in the script linted alone (review 109: a false KV001
        // when the script was reached through a pipeline's scriptPath).
        name: 'script-file-task-create-then-update',
        files: {
          'azure-pipelines.yml': 'steps:\n- task: AzureCLI@2\n  inputs:\n    azureSubscription: sc\n    scriptType: bash\n    scriptLocation: scriptPath\n    scriptPath: scripts/kv.sh\n    arguments: a b\n',
          'scripts/kv.sh': 'az keyvault create --name kvprod --resource-group rg --enable-rbac-authorization true\naz keyvault update --name kvprod --enable-purge-protection true\n',
        },
      },
      {
        // … and the same through a script that script calls.
        name: 'called-script-create-then-update',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n',
          'scripts/deploy.sh': '#!/bin/bash\n./scripts/kv.sh\n',
          'scripts/kv.sh': '#!/bin/bash\naz keyvault create --name kvprod --resource-group rg --enable-rbac-authorization true\naz keyvault update --name kvprod --enable-purge-protection true\n',
        },
      },
      {
        // A command built in a bash array (one word or several a line, comments between) is the
        // command "\${cmd[@]}" runs, not commands of their own (review 107: the array's first line
        // was read as an az keyvault create without flags).
        name: 'command-built-in-a-bash-array',
        files: {
          'deploy-prod.sh': `#!/bin/bash
create_kv() {
  local kv_cmd=(
    az keyvault create
    --name "kv-prod"   # the vault
    --resource-group rg
    --enable-purge-protection true
    --enable-rbac-authorization true
  )
  "\${kv_cmd[@]}"
}
create_kv
`,
        },
      },
      {
        // A flag appended in a branch may be there: what the array holds after it is not known.
        name: 'flag-appended-to-a-bash-array-in-a-branch',
        files: {
          'deploy-prod.sh': `#!/bin/bash
kv=(az keyvault create --name kv-prod --resource-group rg --enable-rbac-authorization true)
if [[ "\${PROTECT:-yes}" == yes ]]; then
  kv+=(--enable-purge-protection true)
fi
"\${kv[@]}"
`,
        },
      },
    ],
    invalid: [
      {
        // A flag and its value held by a variable (`--enable-purge-protection=false` in $ARGS): the
        // value is after the `=` in the variable's text (it was read as the whole text: undecided).
        name: 'flag-and-value-held-by-a-variable',
        files: {
          'kv.sh': 'ARGS="--enable-purge-protection=⟦false⟧"\naz keyvault create -n kv1 -g rg --enable-rbac-authorization true $ARGS\n',
          'kv2.sh': "P='--enable-purge-protection=⟦false⟧'\naz keyvault create -n kv2 -g rg --enable-rbac-authorization true \"$P\"\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // A shell function's body runs where it is called (also `name()` with its brace on the next
        // line): the value its $1 gets is written at the call.
        name: 'flag-value-passed-to-a-shell-function',
        files: {
          'kv.sh': 'make_kv()\n{\n  az keyvault create -n kv1 -g rg --enable-rbac-authorization true --enable-purge-protection "$1"\n}\nmake_kv ⟦false⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // The value written in the array is where the finding points; an array appended to
        // unconditionally holds its words.
        name: 'flag-written-in-a-bash-array',
        files: {
          'deploy-prod.sh': `#!/bin/bash
kv=(
  az keyvault create --name kv-prod --resource-group rg
  --enable-rbac-authorization true
)
kv+=(--enable-purge-protection ⟦false⟧)
"\${kv[@]}"
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '(--enable-purge-protection is false)',
      },
      {
        name: 'flag-absent-from-a-bash-array',
        files: {
          'deploy-prod.sh': `#!/bin/bash
kv=(⟦az⟧ keyvault create --name kv-prod --resource-group rg --enable-rbac-authorization true)
"\${kv[@]}" --output none
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A scanned caller's argument is the called script's \$1: ENVIRONMENT=\$1 classes it prod.
        name: 'script-argument-names-the-environment',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash scripts/kv.sh prod\n',
          'scripts/kv.sh': '#!/bin/bash\nENVIRONMENT="$1"\n⟦az⟧ keyvault create -n "kv-$ENVIRONMENT" -g rg --enable-rbac-authorization true\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv-prod"',
      },
      {
        // A path from the checkout's folder names the script from the repository's top (GitHub: \$GITHUB_WORKSPACE, \${{ github.workspace }}).
        name: 'script-called-by-github-workspace-path',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    environment: prod\n    steps:\n      - run: bash "$GITHUB_WORKSPACE/scripts/kv.sh"\n',
          'scripts/kv.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-ml --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'script-called-by-github-workspace-expression-after-cd',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    environment: prod\n    defaults:\n      run:\n        working-directory: infra\n    steps:\n      - run: |\n          cd terraform\n          ${{ github.workspace }}/scripts/kv.sh\n',
          'scripts/kv.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-ml --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Azure Pipelines: the macro, and the environment variable it becomes (BUILD_SOURCESDIRECTORY; PowerShell's \$env:X).
        name: 'script-called-by-pipeline-sources-directory',
        files: {
          'azure-pipelines.yml':
            'stages:\n- stage: prod\n  jobs:\n  - job: kv\n    steps:\n    - bash: $(System.DefaultWorkingDirectory)/scripts/a.sh\n    - bash: bash "$BUILD_SOURCESDIRECTORY/scripts/b.sh"\n    - pwsh: \'& "$env:BUILD_SOURCESDIRECTORY\\scripts\\c.ps1"\'\n',
          'scripts/a.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-a --resource-group rg-ml\n',
          'scripts/b.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-b --resource-group rg-ml\n',
          'scripts/c.ps1': '⟦az⟧ keyvault create --name kv-c --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A script the step's script calls (beside itself, or by its path) runs in the step's environment too.
        name: 'script-called-by-a-script-a-ci-step-runs',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./scripts/deploy.sh\n',
          'scripts/deploy.sh': '#!/bin/bash\nSCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"\n"$SCRIPT_DIR/kv.sh"\n',
          'scripts/kv.sh': '#!/bin/bash\n./scripts/create.sh kv-ml\n',
          'scripts/create.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name "$1" --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv-ml"',
      },
      {
        // \$0 of a CI step's inline script is the runner's temporary file: \$(dirname "\$0") is not the YAML's folder,
        // so the script there is not run by the prod job: linted on its own, unknown class (review 58).
        name: 'dirname-of-dollar-zero-in-an-inline-step',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    environment: prod\n    steps:\n      - run: |\n          DIR=$(dirname "$0")\n          bash "$DIR/scripts/kv.sh"\n',
          '.github/workflows/scripts/kv.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv1 --resource-group rg\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // A variable the caller does not export is not the called script's: ENVIRONMENT=prod does not class it (review 58).
        name: 'unexported-environment-does-not-class-a-called-script',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash s/a.sh\n',
          's/a.sh': '#!/bin/bash\nENVIRONMENT=prod\nbash s/b.sh\n',
          's/b.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kvb --resource-group rg\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // A sourced file's `$0` is the script sourcing it: `$(dirname "$0")/b.sh` there is beside that script (review 58).
        name: 'dirname-of-dollar-zero-in-a-sourced-file',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    environment: prod\n    steps:\n      - run: bash s/main.sh\n',
          's/main.sh': '#!/bin/bash\nsource s/lib/helpers.sh\n',
          's/lib/helpers.sh': 'HDIR=$(dirname "$0")\nbash "$HDIR/b.sh"\n',
          's/b.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-s-b --resource-group rg\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv-s-b"',
      },
      {
        // A script a matrix job runs runs in every combination: the prod leg classes it prod, whatever the order.
        name: 'script-called-from-a-matrix-job',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        env: [staging, prod]\n    steps:\n      - run: ./scripts/kv.sh\n        env:\n          ENVIRONMENT: ${{ matrix.env }}\n',
          'scripts/kv.sh': '#!/bin/bash\n⟦az⟧ keyvault create --name kv-ml --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Sourced in one branch of an if, another file in the other: the paths disagree, no class (unknown: warning).
        name: 'environment-sourced-in-branches-decides-nothing',
        files: {
          'env/prod.sh': 'ENVIRONMENT=prod\n',
          'env/dev.sh': 'ENVIRONMENT=dev\n',
          'deploy.sh': 'if [ "$BRANCH" = main ]; then\n  source ./env/prod.sh\nelse\n  source ./env/dev.sh\nfi\n⟦az⟧ keyvault create --name kv-ml -g rg\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // Set inside a subshell (one line, across lines, or a command substitution), ENVIRONMENT is
        // gone when it ends: no class (unknown: warning), not prod.
        name: 'environment-set-in-a-subshell-classes-nothing',
        files: {
          'one-line.sh': '( ENVIRONMENT=prod; echo hi )\n⟦az⟧ keyvault create --name kv-a -g rg\n',
          'lines.sh': '(\n  ENVIRONMENT=prod\n  echo hi\n)\n⟦az⟧ keyvault create --name kv-b -g rg\n',
          'substitution.sh': 'OUT="$(ENVIRONMENT=prod; echo hi)"\n⟦az⟧ keyvault create --name kv-c -g rg\n',
          // A case over several lines inside it: its patterns' `)` close no subshell (review 51).
          'case.sh': '(\n  case $1 in\n    *) ENVIRONMENT=prod ;;\n  esac\n)\n⟦az⟧ keyvault create --name kv-d -g rg\n',
          // A subshell that ends a sourced file ends with it (review 51).
          'vars/sub.sh': '( ENVIRONMENT=prod )\n',
          'sourced.sh': 'source ./vars/sub.sh\n⟦az⟧ keyvault create --name kv-e -g rg\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // ENVIRONMENT= in a sourced (dot-sourced) file classes the commands after it, as written in the script itself.
        name: 'environment-set-in-a-sourced-file',
        files: {
          'vars.sh': 'ENVIRONMENT=prod\n',
          'deploy.sh': 'source ./vars.sh\n⟦az⟧ keyvault create --name kv-ml -g rg\n',
          'vars.ps1': "$environment = 'prod'\n",
          'deploy.ps1': '. ./vars.ps1\n⟦az⟧ keyvault create --name kv-ps -g rg\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A PowerShell script's named arguments bind its param(): -Environment prod classes it prod
        // (from a pwsh step, and from a bash step running pwsh -File).
        name: 'powershell-script-named-argument-names-the-environment',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: ./scripts/kv.ps1 -Environment prod\n      - run: pwsh -File ./scripts/kv2.ps1 -Environment:prod\n      - shell: pwsh\n        run: "./scripts/kv3.ps1 -Environment: prod"\n',
          'scripts/kv3.ps1': 'param([string]$Environment)\n⟦az⟧ keyvault create --name "kv3-$Environment" -g rg\n',
          'scripts/kv.ps1': 'param([string]$Environment = "dev")\n⟦az⟧ keyvault create --name "kv-$Environment" -g rg\n',
          'scripts/kv2.ps1': 'param(\n  [Parameter(Mandatory)]\n  [string]$Environment\n)\n⟦az⟧ keyvault create --name "kv2-$Environment" -g rg\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // An attribute with arguments before the type, on the param() line or the parameter's own
        // (`[Parameter(Mandatory)]`, `[Parameter(Mandatory=$true)]`, `[ValidateSet(…)]`): review 44.
        name: 'powershell-named-argument-binds-a-parameter-with-attributes',
        files: {
          '.github/workflows/deploy.yml':
            'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: |\n          ./a.ps1 -Environment prod\n          ./b.ps1 -Environment prod\n          ./c.ps1 -Environment prod\n          ./d.ps1 -Environment prod\n          ./e.ps1 -Environment prod\n          ./f.ps1 -Environment prod\n',
          'a.ps1': 'param([Parameter(Mandatory)][string]$Environment)\n⟦az⟧ keyvault create --name "kva-$Environment" -g rg\n',
          'b.ps1': 'param(\n  [Parameter(Mandatory=$true)][ValidateSet(\'dev\', \'prod\')][string]$Environment\n)\n⟦az⟧ keyvault create --name "kvb-$Environment" -g rg\n',
          'c.ps1': 'param([Parameter(Mandatory)][string]$Region, [Parameter()][string]$Environment)\n⟦az⟧ keyvault create --name "kvc-$Environment" -g rg -l $Region\n',
          // Written apart, and with a default (review 45).
          'd.ps1': 'param(\n  [Parameter(Mandatory)] [string] $Environment = \'dev\'\n)\n⟦az⟧ keyvault create --name "kvd-$Environment" -g rg\n',
          'e.ps1': 'param([string] $Region, [Parameter()][string]$Environment=\'dev\')\n⟦az⟧ keyvault create --name "kve-$Environment" -g rg -l $Region\n',
          'f.ps1': 'param($Region = \'westeurope\', [System.String]$Environment)\n⟦az⟧ keyvault create --name "kvf-$Environment" -g rg -l "$Region"\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A task running a script file passes it its arguments input, macros replaced first
        // (AzureCLI@2 scriptPath: the task splits it, double quotes group; Bash@3: bash reads it;
        // PowerShell@2: named arguments bind param()).
        name: 'pipeline-task-arguments-name-the-environment',
        files: {
          'azure-pipelines.yml': `variables:
  target: prod
steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptLocation: scriptPath
    scriptPath: scripts/kv.sh
    arguments: '"$(target)" "rg ml"'
- task: Bash@3
  inputs:
    targetType: filePath
    filePath: $(System.DefaultWorkingDirectory)/scripts/kv2.sh
    arguments: $(target)
- task: PowerShell@2
  inputs:
    filePath: scripts/kv.ps1
    arguments: -Environment prod -Name kv-ps
`,
          'scripts/kv.sh': '#!/bin/bash\nENVIRONMENT=$1\n⟦az⟧ keyvault create -n kv-ml -g "$2"\n',
          'scripts/kv2.sh': '#!/bin/bash\nENVIRONMENT=${1:-dev}\n⟦az⟧ keyvault create -n kv-two -g rg\n',
          'scripts/kv.ps1': "param(\n  [string]$Environment = 'dev',\n  [string]$Name\n)\n⟦az⟧ keyvault create --name $Name -g rg\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // An argument that is not known (a macro not set, bash syntax, single quotes the task does
        // not strip) decides nothing: not the script's default either (unknown: warning).
        name: 'pipeline-task-arguments-not-known-decide-nothing',
        files: {
          'azure-pipelines.yml': `steps:
- task: Bash@3
  inputs:
    filePath: scripts/kv.sh
    arguments: $(notSet)
- task: Bash@3
  inputs:
    filePath: scripts/kv2.sh
    arguments: $ENVIRONMENT
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptPath: scripts/kv3.sh
    arguments: "'dev'"
`,
          'scripts/kv.sh': 'ENVIRONMENT=${1:-dev}\n⟦az⟧ keyvault create -n kv-one -g rg\n',
          'scripts/kv2.sh': 'ENVIRONMENT=${1:-dev}\n⟦az⟧ keyvault create -n kv-two -g rg\n',
          'scripts/kv3.sh': 'ENVIRONMENT=$1\n⟦az⟧ keyvault create -n kv-three -g rg\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // `set -euo pipefail` sets options (-o takes pipefail), not the arguments.
        name: 'script-argument-beside-set-options',
        files: {
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/kv.sh prod\n',
          'scripts/kv.sh': '#!/bin/bash\nset -euo pipefail\nset +o xtrace\nENVIRONMENT=${1:-dev}\n⟦az⟧ keyvault create --name kv-ml --resource-group rg-ml\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // The second argument; an unquoted known one with blanks is several arguments.
        name: 'script-arguments-split-as-the-shell-does',
        files: {
          '.github/workflows/deploy.yml': 'on: push\nenv:\n  ARGS: ⟦kv1 false⟧\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./kv.sh $ARGS\n',
          'kv.sh': 'az keyvault create -n "$1" -g rg --enable-rbac-authorization true --enable-purge-protection "$2"\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv1"',
      },
      {
        // "stage" in an Azure Pipelines file's name is the pipeline's vocabulary (stages, stage
        // templates), not an environment: the pipeline's `environment: prod` variable decides.
        name: 'pipeline-file-named-stage-is-no-environment',
        files: {
          'multi-stage-pipeline.yml': `trigger: none
variables:
  environment: prod
stages:
  - stage: Deploy
    jobs:
      - job: kv
        steps:
          - bash: ⟦az⟧ keyvault create -n kv-ml -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A template is expanded where it is called: the caller's stage (or its file's name)
        // decides the class of the template's commands, as for a step written there.
        name: 'job-template-called-from-a-production-stage',
        files: {
          'azure-pipelines.yml': 'stages:\n- stage: Production\n  jobs:\n  - template: templates/job.yml\n',
          'deploy-prod.yml': 'jobs:\n- template: templates/job2.yml\n',
          'templates/job.yml': 'jobs:\n- job: Infra\n  steps:\n  - script: ⟦az⟧ keyvault create -g rg -n kv-a\n',
          'templates/job2.yml': 'jobs:\n- job: Infra\n  steps:\n  - script: ⟦az⟧ keyvault create -g rg -n kv-b\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A job template under a stage template whose stage is named by its parameter
        // (`deploy_${{ parameters.environment }}`): each caller's value names the stage.
        name: 'job-template-under-a-stage-named-by-a-parameter',
        files: {
          'azure-pipelines.yml':
            'stages:\n- template: templates/deploy-stage.yml\n  parameters:\n    environment: dev\n- template: templates/deploy-stage.yml\n  parameters:\n    environment: prod\n',
          'templates/deploy-stage.yml':
            'parameters:\n- name: environment\n  type: string\nstages:\n- stage: deploy_${{ parameters.environment }}\n  jobs:\n  - template: kv-job.yml\n',
          'templates/kv-job.yml': 'jobs:\n- job: kv\n  steps:\n  - script: ⟦az⟧ keyvault create --name kv1 --resource-group rg\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A stage template named deploy-stage.yml: its caller's environment parameter decides.
        name: 'stage-template-named-stage-takes-its-callers-environment',
        files: {
          'azure-pipelines.yml': `trigger: none
stages:
  - template: templates/deploy-stage.yml
    parameters:
      environment: prod
`,
          'templates/deploy-stage.yml': `parameters:
  - name: environment
    type: string
stages:
  - stage: Deploy
    jobs:
      - job: kv
        steps:
          - bash: ⟦az⟧ keyvault create -n kv-tpl -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // --env unknown is the first source (RULES.md "Environments"): final, the vault's
        // environment tag does not make it prod (it did for scripts and Azure ML YAML).
        name: 'env-flag-unknown-is-not-overridden-by-a-tag',
        files: { 'deploy.sh': '⟦az⟧ keyvault create -n kv1 -g rg --tags environment=prod\n' },
        options: { env: 'unknown' },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // `--ids` names another vault (kv2): the create of kv1 keeps its default (it was undecided, "an unknown name").
        name: 'update-by-ids-of-another-vault',
        files: { 'deploy.sh': '⟦az⟧ keyvault create -n kv1 -g rg\naz keyvault update --ids /subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2 --enable-purge-protection true\n' },
        level: 'warning',
        env: 'unknown',
      },
      { name: 'absent-default-off', files: { 'deploy.sh': '⟦az⟧ keyvault create -n kv1 -g rg\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      { name: 'quoted-unknown-name', files: { 'deploy.sh': '⟦az⟧ keyvault create -n "$KV_NAME" -g "$RG"\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      // PowerShell never splits a value into words: `--name=$kvName` is one argument, whatever $kvName holds (about_Parsing).
      { name: 'powershell-variable-inside-an-argument', files: { 'kv.ps1': 'param([string]$kvName)\n⟦az⟧ keyvault create --name=$kvName --resource-group rg-ml\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      { name: 'name-assigned-in-the-script', files: { 'deploy.sh': 'KV_NAME=kv-ml\n⟦az⟧ keyvault create -n $KV_NAME -g rg\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      // PowerShell scope modifiers name the variable `$kv` reads (about_Scopes): the name is known, so the absent flag is decided.
      { name: 'powershell-global-scope-assignment', files: { 'kv.ps1': '$Global:kv = "kv-ml"\n⟦az⟧ keyvault create -n $kv -g rg\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      { name: 'powershell-script-scope-read', files: { 'kv.ps1': '$kv = "kv-ml"\n⟦az⟧ keyvault create -n $Script:kv -g rg\n' }, level: 'warning', env: 'unknown', messageId: 'noPurgeProtection' },
      {
        name: 'pipeline-prod-stage',
        files: {
          'azure-pipelines.yml': `
trigger: none
stages:
- stage: prod
  jobs:
  - job: infra
    steps:
    - task: AzureCLI@2
      inputs:
        azureSubscription: sc
        scriptType: bash
        scriptLocation: inlineScript
        inlineScript: |
          az keyvault create -n kv1 -g rg --enable-purge-protection ⟦false⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // "Stage" in a stage's name is the pipeline's word (DeployStage is no staging environment): the
        // class comes from the other words (ProdStage is prod; DeployStage none, unknown).
        name: 'pipeline-stage-named-with-stage',
        files: {
          'azure-pipelines.yml': 'stages:\n- stage: ProdStage\n  jobs:\n  - job: j\n    steps:\n    - script: az keyvault create -n kv1 -g rg --enable-purge-protection ⟦false⟧\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'pipeline-stage-named-deploy-stage',
        files: {
          'azure-pipelines.yml': 'stages:\n- stage: DeployStage\n  jobs:\n  - job: j\n    steps:\n    - script: az keyvault create -n kv1 -g rg --enable-purge-protection ⟦false⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // `$RANDOM` is digits: the unquoted name cannot split into words (flags), so the absent flag is decided (azureml-examples).
        name: 'name-with-random-suffix-unquoted',
        files: { 'deploy.sh': 'KV_NAME="kvexample${RANDOM}"\n⟦az⟧ keyvault create -n $KV_NAME -g rg --enable-rbac-authorization false\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "<$KV_NAME>"',
      },
      {
        name: 'name-with-pid-and-arithmetic-unquoted',
        files: { 'deploy.sh': 'N="$((RANDOM % 100))"\n⟦az⟧ keyvault create -n kv-$$-$N -g rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // A prod step runs a scanned script that sources another: the sourced names count in the step's run too.
        name: 'script-run-by-prod-step-sources-vars',
        files: {
          '.github/workflows/deploy.yml': 'on: workflow_dispatch\njobs:\n  prod:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash s/kv.sh\n        env:\n          ENVIRONMENT: prod\n',
          ...SOURCING_SCRIPT,
        },
        ...PROD_KV_FROM_SOURCED_VARS,
      },
      {
        // AzureCLI@2 scriptPath: the same for a script an Azure Pipelines prod stage runs.
        name: 'script-path-run-by-prod-stage-sources-vars',
        files: {
          'azure-pipelines.yml': 'trigger: none\nstages:\n- stage: prod\n  jobs:\n  - job: infra\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        azureSubscription: sc\n        scriptType: bash\n        scriptLocation: scriptPath\n        scriptPath: s/kv.sh\n',
          ...SOURCING_SCRIPT,
        },
        ...PROD_KV_FROM_SOURCED_VARS,
      },
      {
        // `shell:` names its program by path: bash all the same.
        name: 'shell-given-as-a-path',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: /usr/bin/bash -e {0}\n        run: |\n          ⟦az⟧ keyvault create -n kv1 -g rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // GitHub `shell: cmd`: the continued line's value, at its place; %KV% is cmd's variable (unknown here).
        name: 'cmd-step-caret-continuation',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  a:
    runs-on: windows-latest
    steps:
      - shell: cmd
        run: |
          az keyvault create -n %KV% -g rg ^
            --enable-purge-protection ⟦false⟧
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // The mlops-v2 pattern: a reusable workflow called with \`environment: prod\` (and dev). The
        // prod caller's variant is prod (error); the dev caller's is nonprod (no finding); the
        // input has no default (unknown, a warning): one finding, the most severe, env prod.
        name: 'reusable-workflow-called-with-environment-prod',
        files: {
          '.github/workflows/cd.yml': `
on: push
jobs:
  dev:
    uses: ./.github/workflows/deploy-infra.yml
    with:
      environment: dev
  prod:
    needs: dev
    uses: ./.github/workflows/deploy-infra.yml
    with:
      environment: prod
`,
          '.github/workflows/deploy-infra.yml': `
on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
jobs:
  infra:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    steps:
      - name: Key Vault
        run: |
          ⟦az⟧ keyvault create --name "kv-mlops-\${{ inputs.environment }}" --resource-group rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // The input's default is dev; the caller passes prod: the caller's value decides its variant.
        name: 'reusable-workflow-caller-overrides-dev-default',
        files: {
          '.github/workflows/caller.yml': 'on: push\njobs:\n  prod:\n    uses: ./.github/workflows/reusable.yml\n    with:\n      environment: prod\n',
          '.github/workflows/reusable.yml': `
on:
  workflow_call:
    inputs:
      environment:
        type: string
        default: dev
jobs:
  kv:
    runs-on: ubuntu-latest
    steps:
      - run: ⟦az⟧ keyvault create --name kv-ml --resource-group rg-ml
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Azure Pipelines step template: parameter \`environment\` defaults to dev, the caller passes prod.
        name: 'pipeline-template-parameter-environment-prod',
        files: {
          'templates/kv.yml': 'parameters:\n  - name: environment\n    type: string\n    default: dev\nsteps:\n  - bash: ⟦az⟧ keyvault create -n kv-${{ parameters.environment }} -g rg\n',
          'azure-pipelines.yml': 'jobs:\n  - job: prod\n    steps:\n      - template: templates/kv.yml\n        parameters:\n          environment: prod\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A job \`environment:\` written as an expression: the dispatch input's default (prod).
        name: 'job-environment-expression-input-default',
        files: {
          '.github/workflows/w.yml': `
on:
  workflow_dispatch:
    inputs:
      target:
        default: prod
jobs:
  a:
    runs-on: ubuntu-latest
    environment: \${{ inputs.target }}
    steps:
      - run: ⟦az⟧ keyvault create -n kvexpr -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // \`environment: \${{ matrix.environment }}\`: the prod leg is prod (error), the dev leg nonprod (no finding).
        name: 'job-environment-from-matrix',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  b:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        environment: [dev, prod]
    environment: \${{ matrix.environment }}
    steps:
      - run: ⟦az⟧ keyvault create -n kv-\${{ matrix.environment }} -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A composite action's steps run in the calling job: the job's environment (production) is theirs.
        name: 'composite-action-called-by-a-production-job',
        files: {
          '.github/actions/kv/action.yml': 'name: kv\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: ⟦az⟧ keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true\n',
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: ./.github/actions/kv\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // A value built from macros is expanded at run time, with the job's variables over the root's.
        name: 'variable-built-from-macros-takes-the-jobs-value',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nvariables:\n  env_short: dev\n  environment: $(env_short)-ml\njobs:\n  - job: deploy\n    variables:\n      env_short: prod\n    steps:\n      - script: ⟦az⟧ keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // One macro alone is expanded at run time too: the job's envName (prod), not the root's.
        name: 'variable-that-is-one-macro-takes-the-jobs-value',
        files: {
          'azure-pipelines.yml':
            'variables:\n  envName: dev\n  environment: $(envName)\njobs:\n  - job: deploy\n    variables:\n      envName: prod\n    steps:\n      - script: ⟦az⟧ keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Names without case: the job's env_short replaces the root's Env_Short.
        name: 'variable-names-without-case-the-inner-scope-wins',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nvariables:\n  Env_Short: dev\njobs:\n  - job: deploy\n    variables:\n      env_short: prod\n      environment: $(ENV_SHORT)-ml\n    steps:\n      - script: ⟦az⟧ keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // PowerShell passes a string variable as one argument however it expands (an array would be
        // several): a quoted string or a [string] parameter cannot carry --enable-purge-protection.
        name: 'powershell-string-variables-are-one-argument',
        files: { 'deploy.ps1': 'param([string]$Rg = "rg-ml")\n$kv = "kv-$(Get-Random)"\n⟦az⟧ keyvault create --name $kv -g $Rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        // A matrix value named \`environment\` is a variable of its leg (RULES.md "Environments"), without a job \`environment:\`.
        name: 'matrix-variable-named-environment',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  b:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        environment: [dev, prod]
    steps:
      - run: ⟦az⟧ keyvault create -n kv-\${{ matrix.environment }} -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

// Conformance round (c-conf2): a property written with a value that fails to parse is unknown,
// not absent (RULES.md: "A rule never reports on an unknown value"; the file gets PARSE001).
// Azure Pipelines `${{ if }}`/`${{ else }}` steps: a branch the caller's parameters decide against
// is not compiled into the pipeline, so its command never runs for that caller.
const templateConditions: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'else-branch-the-only-caller-does-not-take',
        files: {
          'azure-pipelines.yml': 'trigger: none\nsteps:\n  - template: kv.yml\n    parameters:\n      environment: prod\n',
          'kv.yml':
            "parameters:\n  - name: environment\nsteps:\n  - ${{ if eq(parameters.environment, 'prod') }}:\n    - script: az keyvault create -n kv1 -g rg --enable-purge-protection true\n  - ${{ else }}:\n    - script: az keyvault create -n kv1 -g rg\n",
        },
      },
      {
        // A template call under a condition its context decides against is not in the pipeline: its
        // parameters reach no run (a boolean parameter holds a boolean: `false` is false).
        name: 'template-call-under-a-false-condition',
        files: {
          'azure-pipelines.yml':
            "parameters:\n  - name: legacy\n    type: boolean\n    default: false\nstages:\n  - stage: prod\n    jobs:\n      - job: kv\n        steps:\n          - ${{ if parameters.legacy }}:\n            - template: kv.yml\n              parameters:\n                protect: 'no'\n          - template: kv.yml\n            parameters:\n              protect: 'yes'\n",
          'kv.yml': "parameters:\n  - name: protect\nsteps:\n  - ${{ if eq(parameters.protect, 'yes') }}:\n    - script: az keyvault create -n kv1 -g rg --enable-purge-protection true\n  - ${{ else }}:\n    - script: az keyvault create -n kv1 -g rg\n",
        },
      },
    ],
    invalid: [
      {
        name: 'else-branch-a-caller-takes',
        files: {
          'azure-pipelines.yml': 'trigger: none\nstages:\n  - stage: prod\n    jobs:\n      - job: kv\n        steps:\n          - template: kv.yml\n            parameters:\n              locked: false\n',
          'kv.yml':
            "parameters:\n  - name: locked\n    type: boolean\nsteps:\n  - ${{ if eq(parameters.locked, true) }}:\n    - script: az keyvault create -n kv1 -g rg --enable-purge-protection true\n  - ${{ else }}:\n    - script: ⟦az⟧ keyvault create -n kv1 -g rg\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

// Review 105: Azure Pipelines `${{ each x in parameters.list }}` loops are expanded, one copy of
// what they hold per item of the parameter's list or mapping (its default, or a caller's value
// the linter reads), as a matrix's legs are; findings of the copies at one place merge.
const eachLoops: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // A caller passes the list: its items are not read, so the unquoted name may be several words.
        name: 'each-loop-over-a-list-the-caller-passes',
        files: {
          'azure-pipelines.yml': 'trigger: none\nstages:\n  - stage: prod\n    jobs:\n      - job: kv\n        steps:\n          - template: kv.yml\n            parameters:\n              environments: [dev, prod]\n',
          'kv.yml': 'parameters:\n  - name: environments\n    type: object\n    default: [qa]\nsteps:\n  - ${{ each env in parameters.environments }}:\n    - script: az keyvault create --name kv-ml-${{ env }} -g rg\n',
        },
      },
      {
        // A loop over an empty list inserts nothing.
        name: 'each-loop-over-an-empty-list',
        files: { 'azure-pipelines.yml': 'parameters:\n  - name: environments\n    type: object\n    default: []\nsteps:\n  - ${{ each env in parameters.environments }}:\n    - script: az keyvault create --name kv-ml-${{ env }} -g rg\n' },
      },
      {
        // The iteration's value decides a `${{ if }}` inside the loop: the prod copy protects its vault.
        name: 'each-loop-with-a-condition-on-the-loop-variable',
        files: {
          'azure-pipelines.yml':
            "parameters:\n  - name: environments\n    type: object\n    default: [prod]\nstages:\n  - ${{ each env in parameters.environments }}:\n    - stage: deploy_${{ env }}\n      jobs:\n        - job: kv\n          steps:\n            - ${{ if eq(env, 'prod') }}:\n              - script: az keyvault create --name kv-ml-${{ env }} -g rg --enable-purge-protection true\n            - ${{ else }}:\n              - script: az keyvault create --name kv-ml-${{ env }} -g rg\n",
        },
      },
    ],
    invalid: [
      {
        // The reviewer's probe: the unquoted `kv-ml-${{ env }}` is one known word in each copy, and
        // the stage name deploy_prod makes that copy prod.
        name: 'each-loop-over-stages-named-by-the-item',
        files: {
          'azure-pipelines.yml': `trigger: none
parameters:
  - name: environments
    type: object
    default:
      - dev
      - prod
stages:
  - \${{ each env in parameters.environments }}:
    - stage: deploy_\${{ env }}
      jobs:
        - job: kv
          steps:
            - script: |
                ⟦az⟧ keyvault create --name kv-ml-\${{ env }} --resource-group rg-\${{ env }}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "kv-ml-prod"',
      },
      {
        // A mapping parameter: `pair.value` is where its default writes the value.
        name: 'each-loop-over-a-mapping-pair-value',
        files: {
          'azure-pipelines.yml':
            "parameters:\n  - name: vaults\n    type: object\n    default:\n      kv-a: 'true'\n      kv-b: '⟦false⟧'\nstages:\n  - stage: prod\n    jobs:\n      - job: kv\n        steps:\n          - ${{ each pair in parameters.vaults }}:\n            - script: az keyvault create -n ${{ pair.key }} -g rg --enable-purge-protection ${{ pair.value }}\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "kv-b"',
      },
      {
        // Review 106 (the reviewer's probe): a template called in a loop is called for every item,
        // past the 32 matrix combinations a call is evaluated in: the 40th region's false is reported.
        name: 'each-loop-calling-a-template-for-forty-items',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nparameters:\n  - name: regions\n    type: object\n    default:\n      - name: region00\n        purge: true\n      - name: region01\n        purge: true\n      - name: region02\n        purge: true\n      - name: region03\n        purge: true\n      - name: region04\n        purge: true\n      - name: region05\n        purge: true\n      - name: region06\n        purge: true\n      - name: region07\n        purge: true\n      - name: region08\n        purge: true\n      - name: region09\n        purge: true\n      - name: region10\n        purge: true\n      - name: region11\n        purge: true\n      - name: region12\n        purge: true\n      - name: region13\n        purge: true\n      - name: region14\n        purge: true\n      - name: region15\n        purge: true\n      - name: region16\n        purge: true\n      - name: region17\n        purge: true\n      - name: region18\n        purge: true\n      - name: region19\n        purge: true\n      - name: region20\n        purge: true\n      - name: region21\n        purge: true\n      - name: region22\n        purge: true\n      - name: region23\n        purge: true\n      - name: region24\n        purge: true\n      - name: region25\n        purge: true\n      - name: region26\n        purge: true\n      - name: region27\n        purge: true\n      - name: region28\n        purge: true\n      - name: region29\n        purge: true\n      - name: region30\n        purge: true\n      - name: region31\n        purge: true\n      - name: region32\n        purge: true\n      - name: region33\n        purge: true\n      - name: region34\n        purge: true\n      - name: region35\n        purge: true\n      - name: region36\n        purge: true\n      - name: region37\n        purge: true\n      - name: region38\n        purge: true\n      - name: region39\n        purge: ⟦false⟧\nstages:\n  - stage: deploy_prod\n    jobs:\n      - ${{ each r in parameters.regions }}:\n        - template: t/kv.yml\n          parameters:\n            name: ${{ r.name }}\n            purge: ${{ r.purge }}\n',
          't/kv.yml':
            'parameters:\n  - name: name\n    type: string\n  - name: purge\n    type: string\njobs:\n  - job: kv_${{ parameters.name }}\n    steps:\n      - script: az keyvault create --name "kv-${{ parameters.name }}" -g rg --enable-rbac-authorization true --enable-purge-protection ${{ parameters.purge }}\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "kv-region39"',
      },
      {
        // Review 106: a loop variable named environment is a variable of that name in its copy
        // (RULES.md Environments), as a matrix variable `environment: prod` is of its leg.
        name: 'each-loop-variable-named-environment',
        files: {
          'azure-pipelines.yml':
            'trigger: none\nparameters:\n  - name: environments\n    type: object\n    default: [dev, prod]\npool:\n  vmImage: ubuntu-latest\nstages:\n  - stage: infra\n    jobs:\n      - ${{ each environment in parameters.environments }}:\n        - job: kv_${{ environment }}\n          steps:\n            - script: ⟦az⟧ keyvault create --name "kv-ml-${{ environment }}" -g rg --enable-rbac-authorization true\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "kv-ml-prod"',
      },
    ],
  },
};

const conformance: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'broken-value-is-unknown-not-absent',
        parseError: true,
        files: {
          'main.bicep': `
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-mlops'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: ]
    enableRbacAuthorization: true
  }
}
`,
        },
      },
    ],
    invalid: [],
  },
  arm: {
    valid: [
      {
        // A template that does not parse is its PARSE001 only: the property after the missing
        // comma would read as absent, a guess.
        name: 'template-that-does-not-parse-is-not-evaluated',
        parseError: true,
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.KeyVault/vaults" "apiVersion": "2023-07-01" }
  ]
}
`,
        },
      },
      {
        // A broken parameter file: its variant is not evaluated (the template's default would be a
        // guess for it); the template is linted with its parameters unknown (ACR001 has the case
        // of a literal setting, which is reported).
        name: 'parameter-file-that-does-not-parse-is-not-evaluated',
        parseError: true,
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "keyVaultEnablePurgeProtection": { "type": "bool", "defaultValue": false } },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-mlops",
      "location": "westeurope",
      "properties": { "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters('keyVaultEnablePurgeProtection')]" }
    }
  ]
}
`,
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "keyVaultEnablePurgeProtection" { "value": true } }
}
`,
        },
      },
    ],
    invalid: [],
  },
};

// A `.bicepparam` whose `using` names an ARM JSON template (BICEP.md §3): the template is
// evaluated once per such file with its values, as with a JSON parameters file, never alone with
// its defaults; a value the file sets is reported where the file writes it.
const VAULT_TEMPLATE = (purgeDefault: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "keyVaultEnablePurgeProtection": { "type": "bool", "defaultValue": ${purgeDefault} }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-mlops",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableRbacAuthorization": true,
        "enablePurgeProtection": "[parameters('keyVaultEnablePurgeProtection')]"
      }
    }
  ]
}
`;

const bicepparamJsonTemplate: RuleTable = {
  bicep: {
    valid: [
      {
        // Alone, the template's default (false) would be a finding: the .bicepparam fixes it.
        name: 'bicepparam-json-template-fixes-default',
        files: {
          'azuredeploy.json': VAULT_TEMPLATE('false'),
          'prod.bicepparam': "using './azuredeploy.json'\n\nparam keyVaultEnablePurgeProtection = true\n",
        },
      },
      {
        // The only variant is nonprod (KV001: no finding there); the default is not evaluated on its own.
        name: 'bicepparam-json-template-dev-only',
        files: {
          'main.json': VAULT_TEMPLATE('false'),
          'dev.bicepparam': "using 'main.json'\n",
        },
      },
    ],
    invalid: [
      {
        name: 'bicepparam-json-template-prod-value',
        files: {
          'azuredeploy.json': VAULT_TEMPLATE('true'),
          'prod.bicepparam': "using './azuredeploy.json'\n\nparam keyVaultEnablePurgeProtection = ⟦false⟧\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
      {
        // Not set by the .bicepparam: the template's default, in the prod variant.
        name: 'bicepparam-json-template-default-in-prod',
        files: {
          'infra/azuredeploy.json': VAULT_TEMPLATE('⟦false⟧'),
          'params/prod.bicepparam': "using '../infra/azuredeploy.json'\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};


// RULES.md "Environments": the variable file's name or folder. A template and its parameter
// file in one environment folder (`envs/prod/`): the folder above both decides, as a Terraform
// root's terraform.tfvars in `envs/prod/` does (both were "unknown": a warning, not an error).
const parameterFileFolders: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        // A var file whose name names both classes decides "unknown" (RULES.md "Environments");
        // a lower source, the vault's environment tag, does not override it (it did, while the
        // environment variable, a higher source, was rightly ignored).
        name: 'ambiguous-var-file-name-is-not-overridden-by-a-tag',
        files: {
          'main.tf': `
variable "tags" {
  type    = map(string)
  default = {}
}
variable "environment" {
  type = string
}
⟦resource "azurerm_key_vault" "kv" {⟧
  name                      = "kv-\${var.environment}"
  location                  = "westeurope"
  resource_group_name       = "rg"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
  tags                      = var.tags
}
`,
          'prod-test.tfvars': 'environment = "demo"\ntags = { environment = "prod" }\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'template-and-parameter-file-in-a-prod-folder',
        files: {
          'envs/prod/azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "name": { "type": "string" } },
  "resources": [
    {
      ⟦"type": "Microsoft.KeyVault/vaults"⟧,
      "apiVersion": "2022-07-01",
      "name": "[parameters('name')]",
      "location": "westeurope",
      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true }
    }
  ]
}
`,
          'envs/prod/azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "name": { "value": "kv-app" } }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'bicep-and-bicepparam-in-a-prod-folder',
        files: {
          'envs/prod/main.bicep': `
param name string
⟦resource kv 'Microsoft.KeyVault/vaults@2022-07-01'⟧ = {
  name: name
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}
`,
          'envs/prod/main.bicepparam': `
using './main.bicep'
param name = 'kv-app'
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

/** A vault named from the `environment` variable (default dev): its var files decide the class. */
const VAULT_NAMED_BY_ENVIRONMENT = `
terraform {
  backend "azurerm" {}
}

variable "environment" {
  default = "dev"
}

⟦resource "azurerm_key_vault" "kv" {⟧
  name                = "kv-\${var.environment}"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`;

// A backend configuration for `terraform init -backend-config` (`prod.backend.tfvars`) is no var
// file: it makes no prod variant of the root (RULES.md TF001 names it a backend file).
const backendConfigFiles: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'backend-tfvars-is-not-a-variant',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

variable "environment" {
  default = "dev"
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-\${var.environment}"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
          'prod.backend.tfvars': 'storage_account_name = "stprodstate"\nkey                  = "prod.tfstate"\n',
        },
      },
    ],
    invalid: [
      {
        name: 'backend-tfvars-beside-var-files',
        files: {
          'main.tf': VAULT_NAMED_BY_ENVIRONMENT,
          'environments/prod.tfvars': 'environment = "prod"\n',
          'environments/prod.backend.tfvars': 'key = "prod.tfstate"\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv-prod"',
      },
      {
        // Var files named for an environment after the extension, given to -var-file (review 112:
        // they were not read at all, so the prod vault was judged with the default's dev).
        name: 'environment-suffixed-var-files',
        files: {
          'main.tf': VAULT_NAMED_BY_ENVIRONMENT,
          'terraform.tfvars.prod': 'environment = "prod"\n',
          'terraform.tfvars.dev': 'environment = "dev"\n',
          // Neither an environment nor a var file Terraform is given.
          'terraform.tfvars.bak': 'environment = "prod-old"\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        messageIncludes: '"kv-prod"',
      },
    ],
  },
};

// A local Bicep module that two calls instantiate: one finding inside it (one place to fix), each
// call a related location, as for a Terraform module (review 62: the calls were not listed).
const sharedBicepModules: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'vault-of-a-module-two-calls-instantiate',
        files: {
          'main.bicep': "module a 'kv.bicep' = {\n  name: 'a'\n  params: { environmentName: 'prod' }\n}\nmodule b 'kv.bicep' = {\n  name: 'b'\n  params: { environmentName: 'live' }\n}\n",
          'kv.bicep':
            "param environmentName string\n⟦resource kv 'Microsoft.KeyVault/vaults@2023-07-01'⟧ = {\n  name: 'kv-${environmentName}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'noPurgeProtection',
        message: /"kv-prod".*the same holds for "kv-live", another instance of the same declaration/,
        related: [
          { file: 'main.bicep', line: 1, label: 'module a' },
          { file: 'main.bicep', line: 5, label: 'module b' },
        ],
      },
    ],
  },
};

// An azd placeholder for a whole parameter (`"${AZURE_ENV_NAME}"`) leaves it unknown, named as a
// parameter without a value is (review 62: the vault was "kv", the declaration's symbol).
const azdPlaceholders: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'vault-named-by-a-parameter-azd-fills-in',
        files: {
          'main.bicep':
            "param environmentName string\n⟦resource kv 'Microsoft.KeyVault/vaults@2023-07-01'⟧ = {\n  name: 'kv-${environmentName}'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n  }\n}\n",
          'main.parameters.json': '{\n  "parameters": {\n    "environmentName": { "value": "${AZURE_ENV_NAME}" }\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
        messageIncludes: 'Key Vault "kv-<environmentName>" has no purge protection',
      },
    ],
  },
};

// An inline deployment script (Microsoft.Resources/deploymentScripts `scriptContent`) runs its az
// commands as a script does: its resources are judged, located in the template where the flag is
// written (review 87: nothing was read).
const deploymentScripts: RuleTable = {
  bicep: {
    valid: [
      {
        // A script of a template deployed to dev (its .bicepparam) is a dev script: KV001 is silent
        // there (self-review 89: it took the template file's class, a warning); a script loaded from
        // a file is that file's, not read again here.
        name: 'deployment-scripts-of-a-dev-deployment-or-loaded-from-a-file',
        files: {
          'main.bicep':
            "resource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: 'az keyvault create --name kv-ml-dev --resource-group rg'\n  }\n}\n\nresource fromFile 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'from-file'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: loadTextContent('kv.txt')\n  }\n}\n",
          'main.dev.bicepparam': "using './main.bicep'\n",
          'kv.txt': 'az keyvault create --name kv-ml-file --resource-group rg\n',
        },
      },
      {
        // environmentVariables not known may set any variable the script reads: a `${X:-…}` default
        // is not taken (self-review 90); a script whose interpolation gives lines is a text read
        // elsewhere (loadTextContent through a var), not read again here.
        name: 'deployment-scripts-with-unknown-environment-or-loaded-text',
        files: {
          'main.bicep':
            "param envVars array\n\nresource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    environmentVariables: envVars\n    scriptContent: '''\naz keyvault create --name kv-ml --resource-group rg --enable-purge-protection \"${PURGE:-false}\"\n'''\n  }\n}\n\nvar loaded = loadTextContent('kv.txt')\n\nresource fromFile 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'from-file'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: 'set -e\\n${loaded}'\n  }\n}\n",
          'kv.txt': 'az keyvault create --name kv-ml-file --resource-group rg\naz keyvault create --name kv-ml-file2 --resource-group rg\n',
        },
      },
      {
        // A script read from a file, a kind that is no script language, and a script built by an expression that is not known.
        name: 'deployment-scripts-not-written-inline-or-not-known',
        files: {
          'main.bicep':
            "param script string\n\nresource fromFile 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'from-file'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: script\n  }\n}\n",
        },
      },
    ],
    invalid: [
      {
        name: 'bicep-multi-line-script',
        files: {
          'main.bicep':
            "resource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: '''\n      ⟦az⟧ keyvault create --name kv-ml-data --resource-group rg-ml \\\n        --location westeurope\n    '''\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Key Vault "kv-ml-data" has no purge protection (--enable-purge-protection is not set (defaults to false))',
      },
      {
        // An interpolation not known reads as a variable not known: the rest of the script is read
        // (review 89: the whole script was dropped); the vault's name is the interpolation.
        name: 'bicep-script-with-an-unknown-interpolation',
        files: {
          'main.bicep':
            "param rg string\n\nresource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: 'az keyvault create --name kv-ml-data --resource-group ${rg} --enable-purge-protection ⟦false⟧'\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Key Vault "kv-ml-data" has no purge protection (--enable-purge-protection is false)',
      },
      {
        // The script's environment is the resource's environmentVariables, located where each value is
        // written (review 89); a .bicepparam variant gives the script its class (prod: an error).
        name: 'bicep-script-environment-and-variant',
        files: {
          'main.bicep':
            "param vaultName string\n\nresource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    environmentVariables: [\n      { name: 'PURGE', value: ⟦'false'⟧ }\n      { name: 'KV', value: vaultName }\n    ]\n    scriptContent: '''\naz keyvault create --name \"$KV\" --resource-group rg --enable-purge-protection \"${PURGE:-true}\"\n'''\n  }\n}\n",
          'main.prod.bicepparam': "using './main.bicep'\n\nparam vaultName = 'kv-ml-prod'\n",
        },
        level: 'error',
        env: 'prod',
        messageIncludes: 'Key Vault "kv-ml-prod" has no purge protection (--enable-purge-protection is false)',
      },
      {
        // A quote in a comment is text: an unknown hole after it is read as one (self-review 90: the
        // script was dropped as if the hole sat inside a single-quoted string).
        name: 'bicep-script-with-a-quote-in-a-comment-before-a-hole',
        files: {
          'main.bicep':
            "param rg string\n\nresource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: '# Let\\'s make the vault\\naz keyvault create --name kv-ml-data --resource-group ${rg} --enable-purge-protection ⟦false⟧'\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: '--enable-purge-protection is false',
      },
      {
        // Through the escapes of a one-line Bicep string.
        name: 'bicep-one-line-script-with-escapes',
        files: {
          'main.bicep':
            "resource createKv 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'create-kv'\n  location: 'westeurope'\n  kind: 'AzureCLI'\n  properties: {\n    azCliVersion: '2.61.0'\n    retentionInterval: 'PT1H'\n    scriptContent: 'echo \\'start\\'\\naz keyvault create --name kv-ml-data --resource-group rg-ml --enable-purge-protection ⟦false⟧'\n  }\n}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: '--enable-purge-protection is false',
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        // ARM JSON, a PowerShell script, through JSON's escapes.
        name: 'arm-powershell-script',
        files: {
          'azuredeploy.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Resources/deploymentScripts",\n      "apiVersion": "2023-08-01",\n      "name": "create-kv",\n      "location": "westeurope",\n      "kind": "AzurePowerShell",\n      "properties": {\n        "azPowerShellVersion": "10.0",\n        "retentionInterval": "PT1H",\n        "scriptContent": "$name = \\"kv-ml-data\\"\\n⟦az⟧ keyvault create --name $name --resource-group rg-ml\\n"\n      }\n    }\n  ]\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Key Vault "kv-ml-data" has no purge protection',
      },
    ],
  },
};

/** A Bicep vault whose `properties` are written as given, beside a param `extra` that has no value. */
const vaultWithProperties = (properties: string): string => `
param extra object

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvmerge'
  location: 'westeurope'
  properties: ${properties}
}
`;

// Objects merged with an unknown one (review 105, p66): a key written after every unknown part
// is known (the spread's and union()'s later key wins); one written before it is not.
const mergedAfterUnknown: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'key-written-before-the-spread-of-an-unknown-object',
        files: { 'main.bicep': vaultWithProperties("{\n    tenantId: tenant().tenantId\n    enablePurgeProtection: false\n    ...extra\n    sku: { family: 'A', name: 'standard' }\n  }") },
      },
    ],
    invalid: [
      {
        name: 'key-written-after-the-spread-of-an-unknown-object',
        files: { 'main.bicep': vaultWithProperties("{\n    ...extra\n    tenantId: tenant().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enablePurgeProtection: ⟦false⟧\n  }") },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'union-whose-last-object-sets-the-key',
        files: { 'main.bicep': vaultWithProperties("union(extra, {\n    tenantId: tenant().tenantId\n    enablePurgeProtection: ⟦false⟧\n  })") },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  arm: {
    valid: [
      {
        // union() merges nested objects deeply: `properties` may hold other keys from the unknown
        // object (enablePurgeProtection among them), so only the keys written are known.
        name: 'union-of-a-nested-object-that-does-not-write-the-key',
        files: {
          'azuredeploy.json': JSON.stringify({
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            parameters: { extra: { type: 'object' } },
            variables: { vault: "[union(parameters('extra'), createObject('properties', createObject('tenantId', subscription().tenantId)))]" },
            resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kvmerge', location: 'westeurope', properties: "[variables('vault').properties]" }],
          }, null, 2),
        },
      },
    ],
    invalid: [
      {
        // …and a key it writes in the nested object is known.
        name: 'union-of-a-nested-object-that-writes-the-key',
        files: {
          'azuredeploy.json': JSON.stringify({
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            parameters: { extra: { type: 'object' } },
            variables: { vault: "[union(parameters('extra'), createObject('properties', createObject('enablePurgeProtection', false())))]" },
            resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kvmerge', location: 'westeurope', properties: "[variables('vault').properties]" }],
          }, null, 2).replace(`"[union(`, `⟦"[union(`).replace(`)))]"`, `)))]"⟧`),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

/** A vault per loop key, purge protection chosen by the key: `collection` is the for_each, `more` the rest of main.tf. */
const vaultPerKey = (collection: string, chosen: string, more = ''): string => `resource "azurerm_key_vault" "kv" {
  for_each                 = ${collection}
  name                     = "kv-\${each.key}"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = each.key == "prod" ? true : ${chosen}
}
${more}`;

// A condition on a loop key: an input the keys come from decides it, where that input is written;
// a literal of the loop's own collection or of a local decides nothing, and the finding is at the
// value chosen (RULES.md "Values chosen by a condition"; review 108).
const loopKeys: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'keys-computed-from-a-variable-in-the-loop',
        files: {
          'main.tf': vaultPerKey('toset([for e in var.envs : lower(e)])', 'false', 'variable "envs" {\n  type = list(string)\n}\n'),
          'terraform.tfvars': 'envs = [\n  ⟦"DEV"⟧,\n  "PROD",\n]\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'keys-split-out-of-a-variable',
        files: {
          'main.tf': vaultPerKey('toset(split(",", var.envs))', 'false', 'variable "envs" {\n  type = string\n}\n'),
          'terraform.tfvars': 'envs = ⟦"dev,prod"⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
      {
        name: 'keys-of-a-local-decide-nothing',
        files: { 'main.tf': vaultPerKey('toset(local.envs)', '⟦false⟧', 'locals {\n  envs = ["dev", "prod"]\n}\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'items-split-out-of-a-parameter',
        files: {
          'main.bicep': `param tiers string = ⟦'basic,secure'⟧
resource kvs 'Microsoft.KeyVault/vaults@2023-07-01' = [for e in split(tiers, ','): {
  name: 'kv-\${e}'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enablePurgeProtection: e == 'secure' ? true : false
    enableRbacAuthorization: true
  }
}]
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noPurgeProtection',
      },
    ],
  },
};

ruleTester('KV001', converted, azureCli, eachLoops, loopKeys, conformance, bicepparamJsonTemplate, parameterFileFolders, backendConfigFiles, templateConditions, sharedBicepModules, azdPlaceholders, deploymentScripts, mergedAfterUnknown);
