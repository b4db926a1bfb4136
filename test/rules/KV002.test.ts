/**
 * KV002 (keyvault-rbac-authorization): Key Vault uses access policies instead of Azure RBAC authorization.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';
import { azurermPinned } from '../support/terraform-pins.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'unknown-variable',
        files: {
          'main.tf': `
variable "kv_rbac" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  rbac_authorization_enabled = var.kv_rbac
}
`,
        },
      },
      {
        name: 'v3-true',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  enable_rbac_authorization = true
}
`,
        },
      },
      {
        name: 'v4-true',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  rbac_authorization_enabled = true
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-default',
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
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: /defaults to false/,
      },
      {
        name: 'module-argument',
        files: {
          'main.tf': `
module "kv" {
  source = "./modules/kv"
  rbac   = ⟦false⟧
}
`,
          'modules/kv/main.tf': `
variable "rbac" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  enable_rbac_authorization = var.rbac
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
      {
        name: 'tfvars-variant',
        files: {
          'dev.tfvars': `
kv_rbac = ⟦false⟧
`,
          'main.tf': `
variable "kv_rbac" {
  type    = bool
  default = true
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  rbac_authorization_enabled = var.kv_rbac
}
`,
          'prod.tfvars': `
kv_rbac = true
`,
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'accessPolicies',
      },
      {
        name: 'v3-explicit-false',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  enable_rbac_authorization = ⟦false⟧
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
      {
        name: 'v4-explicit-false',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  rbac_authorization_enabled = ⟦false⟧
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "kv_rbac" {
  type    = bool
  default = ⟦false⟧
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  rbac_authorization_enabled = var.kv_rbac
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'rbac-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
      enableRbacAuthorization = true
    }
  }
}
`,
        },
      },
      {
        name: 'unknown',
        files: {
          'main.tf': `
variable "rbac" {
  type = bool
}

resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
      enableRbacAuthorization = var.rbac
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-default',
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
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
      },
      {
        name: 'explicit-false',
        files: {
          'main.tf': `
resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
      enableRbacAuthorization = ⟦false⟧
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'rbac-enabled',
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": true
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
    "useRbac": {
      "type": "bool"
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": "[parameters('useRbac')]"
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
        name: 'absent-default',
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
        },
        "enablePurgeProtection": true
      }
    }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
      },
      {
        // RULES.md KV002: "no access policy declared (… empty accessPolicies …)": a
        // vaults/accessPolicies child named remove takes policies away, one with an empty list adds none.
        name: 'standalone-remove-or-empty-declares-none',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      ⟦"type": "Microsoft.KeyVault/vaults"⟧,
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enablePurgeProtection": true }
    },
    {
      "type": "Microsoft.KeyVault/vaults/accessPolicies",
      "apiVersion": "2023-07-01",
      "name": "kv-ml/remove",
      "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'kv-ml')]"],
      "properties": { "accessPolicies": [ { "tenantId": "[subscription().tenantId]", "objectId": "00000000-0000-0000-0000-000000000001", "permissions": { "secrets": ["get"] } } ] }
    },
    {
      "type": "Microsoft.KeyVault/vaults/accessPolicies",
      "apiVersion": "2023-07-01",
      "name": "kv-ml/add",
      "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'kv-ml')]"],
      "properties": { "accessPolicies": [] }
    }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
      },
      {
        name: 'explicit-false',
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": ⟦false⟧,
        "accessPolicies": []
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
      {
        name: 'parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "useRbac": {
      "type": "bool",
      "defaultValue": ⟦false⟧
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": "[parameters('useRbac')]"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
      {
        name: 'prod-parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "useRbac": {
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": "[parameters('useRbac')]"
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
    "useRbac": {
      "value": true
    }
  }
}
`,
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "useRbac": {
      "value": ⟦false⟧
    }
  }
}
`,
        },
        level: 'warning',
        env: 'prod',
        messageId: 'accessPolicies',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'rbac-enabled',
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
    "kv": {
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": true
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
        name: 'absent-default',
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
    "kv": {
      ⟦"type": "Microsoft.KeyVault/vaults"⟧,
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
  }
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
      },
      {
        name: 'explicit-false',
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
        "enablePurgeProtection": true,
        "enableRbacAuthorization": ⟦false⟧,
        "accessPolicies": []
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'rbac',
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
    enablePurgeProtection: true
    enableRbacAuthorization: true
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'access-policies',
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
    enablePurgeProtection: true
    enableRbacAuthorization: ⟦false⟧
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'absent-version-dependent', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-purge-protection\n' } },
      { name: 'rbac-true', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-rbac-authorization true\n' } },
    ],
    invalid: [
      {
        name: 'rbac-false',
        files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-rbac-authorization ⟦false⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
      },
    ],
  },
};

// Review 105: an `azure/cli` step pins the Azure CLI its inline script runs with (`azcliversion`,
// the action's docker image): the default of --enable-rbac-authorization is then decided — true
// since 2.61.0, false before (Azure CLI release notes 2.61.0, Azure/azure-cli#28886).
const azureCliStep = (version: string | undefined, script = 'az keyvault create --name kv1 --resource-group rg', strategy = ''): Record<string, string> => ({
  '.github/workflows/kv.yml': `name: kv
on: push
jobs:
  kv:
    runs-on: ubuntu-latest
${strategy}    steps:
      - uses: azure/cli@v2
        with:
${version === undefined ? '' : `          azcliversion: ${version}\n`}          inlineScript: |
            ${script}
`,
});
const cliVersions: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'azure-cli-action-2-63-0', files: azureCliStep('2.63.0') },
      { name: 'azure-cli-action-2-61-0-the-first-with-rbac', files: azureCliStep("'2.61.0'") },
      // `latest` moves and `agentazcliversion` (also the input's default) is the runner's CLI: not known.
      { name: 'azure-cli-action-latest', files: azureCliStep('latest') },
      { name: 'azure-cli-action-agent-version', files: azureCliStep('agentazcliversion') },
      { name: 'azure-cli-action-no-version', files: azureCliStep(undefined) },
      { name: 'azure-cli-action-version-from-a-secret', files: azureCliStep('${{ vars.AZ_CLI }}') },
      // An unquoted unknown expansion may carry the flag itself.
      { name: 'azure-cli-action-old-version-unquoted-unknown-expansion', files: azureCliStep('2.50.0', 'az keyvault create --name kv1 --resource-group rg $EXTRA_ARGS') },
      // Only the action's inline script runs in that version: a `run:` step uses the runner's CLI.
      {
        name: 'run-step-beside-a-pinned-azure-cli-step',
        files: { '.github/workflows/kv.yml': 'on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/cli@v2\n        with:\n          azcliversion: 2.50.0\n          inlineScript: az version\n      - run: az keyvault create --name kv1 --resource-group rg\n' },
      },
    ],
    invalid: [
      {
        // Review 106: without RBAC, az keyvault create adds an access policy for the signed-in
        // principal (azure-cli custom.py create_vault): the vault declares one, a warning. The
        // pinned version is a related place, and raising it a fix.
        name: 'azure-cli-action-2-50-0',
        files: azureCliStep('2.50.0', '⟦az⟧ keyvault create --name kv1 --resource-group rg'),
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
        message:
          "Key Vault \"kv1\" uses access policies because --enable-rbac-authorization is not set (defaults to false in Azure CLI 2.50.0) and it declares 1 access policy (the signed-in principal's, without --no-self-perms); set --enable-rbac-authorization to true (or azcliversion to 2.61.0 or later) and grant role assignments.",
        related: [{ file: '.github/workflows/kv.yml', line: 9, label: 'Azure CLI version 2.50.0' }],
      },
      {
        // The version from a matrix value: the 2.60.0 leg is reported, the 2.61.0 one is not.
        name: 'azure-cli-action-version-from-the-matrix',
        files: azureCliStep('${{ matrix.cli }}', '⟦az⟧ keyvault create --name kv1 --resource-group rg', "    strategy:\n      matrix:\n        cli: ['2.60.0', '2.61.0']\n"),
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
        messageIncludes: 'defaults to false in Azure CLI 2.60.0',
        related: [{ file: '.github/workflows/kv.yml', line: 8, label: 'Azure CLI version 2.60.0' }, { file: '.github/workflows/kv.yml', line: 12, label: 'azcliversion' }],
      },
      {
        // `--no-self-perms`: no policy is added, so the vault declares none (a note).
        name: 'azure-cli-action-2-50-0-no-self-perms',
        files: azureCliStep('2.50.0', '⟦az⟧ keyvault create --name kv1 --resource-group rg --no-self-perms'),
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        messageIncludes: 'though it declares no access policy; set --enable-rbac-authorization to true (or azcliversion to 2.61.0 or later) to use Azure RBAC.',
      },
      {
        name: 'azure-cli-action-2-50-0-no-self-perms-false',
        files: azureCliStep('2.50.0', '⟦az⟧ keyvault create --name kv1 --resource-group rg --no-self-perms false'),
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
      },
      {
        // The reviewer's probe: a reusable workflow's `azcliversion: ${{ inputs.cli }}`, its caller
        // passing 2.49.0: the caller's value, the input and the step's azcliversion are related places.
        name: 'azure-cli-action-version-a-caller-passes',
        files: {
          '.github/workflows/main.yml': 'name: main\non: [push]\njobs:\n  new:\n    uses: ./.github/workflows/kv-reusable.yml\n    with:\n      cli: 2.62.0\n  old:\n    uses: ./.github/workflows/kv-reusable.yml\n    with:\n      cli: 2.49.0\n',
          '.github/workflows/kv-reusable.yml':
            'name: kv-reusable\non:\n  workflow_call:\n    inputs:\n      cli:\n        type: string\n        default: 2.50.0\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/cli@v2\n        with:\n          azcliversion: ${{ inputs.cli }}\n          inlineScript: ⟦az⟧ keyvault create --name kv1 -g rg --enable-purge-protection true\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
        messageIncludes: 'defaults to false in Azure CLI 2.49.0',
        related: [
          { file: '.github/workflows/main.yml', line: 11, label: 'Azure CLI version 2.49.0' },
          { file: '.github/workflows/kv-reusable.yml', line: 5, label: 'input cli' },
          { file: '.github/workflows/kv-reusable.yml', line: 14, label: 'azcliversion' },
        ],
      },
    ],
  },
};

// Format round (c-fmt1): an `access_policy` block written out beside a dynamic one over an
// unknown collection: the written policy counts (the dynamic block no longer replaces it) and
// the message does not count the unknown ones as policies.
const dynamicPolicies: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        // Instances of one declaration with different findings (one vault declares a policy, the other
        // none: a note) are one finding at the most severe; the other is named apart, not as "the same" (review 50).
        name: 'instances-with-different-findings-are-not-named-alike',
        files: {
          'main.tf': 'terraform {\n  backend "azurerm" {}\n}\nmodule "a" {\n  source   = "./kv"\n  policies = ["o1"]\n}\nmodule "b" {\n  source = "./kv"\n}\n',
          'kv/main.tf':
            'variable "policies" {\n  default = []\n}\n⟦resource "azurerm_key_vault" "kv" {⟧\n  name                     = "kv-${length(var.policies)}"\n  purge_protection_enabled = true\n}\nresource "azurerm_key_vault_access_policy" "p" {\n  count        = length(var.policies)\n  key_vault_id = azurerm_key_vault.kv.id\n  object_id    = var.policies[count.index]\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
        message:
          'Key Vault "kv-1" uses access policies because rbac_authorization_enabled is not set (defaults to false) and it declares 1 standalone access policy; set rbac_authorization_enabled to true and grant role assignments (also reported for "kv-0", another instance of the same declaration, with its own values).',
      },
      {
        name: 'written-policy-beside-unknown-dynamic-policies',
        files: {
          'main.tf': `
variable "reader_ids" {
  type = list(string)
}
⟦resource "azurerm_key_vault" "kv" {⟧
  name                     = "kv-ml"
  location                 = "westeurope"
  resource_group_name      = "rg-ml"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
  access_policy {
    tenant_id = "00000000-0000-0000-0000-000000000000"
    object_id = "11111111-1111-1111-1111-111111111111"
  }
  dynamic "access_policy" {
    for_each = var.reader_ids
    content {
      tenant_id = "00000000-0000-0000-0000-000000000000"
      object_id = access_policy.value
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'defaultWithPolicies',
        message: /declares at least 1 access policy \(access_policy; more not evaluated\)/,
      },
    ],
  },
};

/** The resource each case below lints, with the attribute in question absent. */
const VAULT = `
⟦resource "azurerm_key_vault" "kv" {⟧
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`;

// The argument's name as the configuration's azurerm version spells it: enable_rbac_authorization
// before 4.42.0 (rbac_authorization_enabled was introduced there), from every version constraint
// of the configuration and its lock file; a constraint that does not bound the version names the new one.
const providerVersions: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'pinned-below-4.42-old-name',
        files: { 'versions.tf': azurermPinned('~> 3.85'), 'main.tf': VAULT },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: 'Key Vault "kv-ml" gets the access-policy model because enable_rbac_authorization is not set (defaults to false), though it declares no access policy; set enable_rbac_authorization to true to use Azure RBAC.',
      },
      {
        name: 'pinned-from-4.42-new-name',
        files: { 'versions.tf': azurermPinned('>= 4.42, < 5.0'), 'main.tf': VAULT },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: /because rbac_authorization_enabled is not set .* set rbac_authorization_enabled to true/,
      },
      {
        name: 'lower-bound-only-new-name',
        files: { 'versions.tf': azurermPinned('>= 3.0'), 'main.tf': VAULT },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: /because rbac_authorization_enabled is not set/,
      },
      {
        // ~> 4.0 allows 4.42, but the lock file selects 4.10.0.
        name: 'lock-file-selects-an-older-version',
        files: {
          'versions.tf': azurermPinned('~> 4.0'),
          '.terraform.lock.hcl': `
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.10.0"
  constraints = "~> 4.0"
}
`,
          'main.tf': VAULT,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: /because enable_rbac_authorization is not set/,
      },
      {
        // The called module's constraint bounds the whole configuration's provider.
        name: 'constraint-in-a-called-module',
        files: {
          'main.tf': `
provider "azurerm" {
  features {}
}
module "kv" {
  source = "./modules/kv"
}
`,
          'modules/kv/versions.tf': azurermPinned('~> 3.0'),
          'modules/kv/main.tf': VAULT,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'defaultNoPolicies',
        message: /because enable_rbac_authorization is not set/,
      },
    ],
  },
};


// A negation (`!var.legacy_access_policies_enabled`, Bicep `!legacyAccessPolicies`) is fixed by its
// operand: the finding is where the deciding input is written (each caller's argument, the
// parameter file's value), as for a value chosen by a condition; it was one finding inside the
// module, which a caller of a registry module cannot edit.
const negations: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'negated-module-argument-per-caller',
        files: {
          'main.tf': `
module "kv_a" {
  source                         = "./mod"
  legacy_access_policies_enabled = ⟦true⟧
}

module "kv_b" {
  source                         = "./mod"
  legacy_access_policies_enabled = ⟦true⟧
}
`,
          'mod/main.tf': `
variable "legacy_access_policies_enabled" {
  type    = bool
  default = false
}

resource "azurerm_key_vault" "this" {
  name                      = "kv"
  location                  = "westeurope"
  resource_group_name       = "rg"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  purge_protection_enabled  = true
  enable_rbac_authorization = !var.legacy_access_policies_enabled
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'accessPolicies',
        related: [{ file: 'mod/main.tf', line: 13, label: 'negated here' }],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'negated-parameter-file-value',
        files: {
          'main.bicep': `
param legacyAccessPolicies bool = false

resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: 'kv-neg'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: true
    enableRbacAuthorization: !legacyAccessPolicies
  }
}
`,
          'dev.bicepparam': "using './main.bicep'\n\nparam legacyAccessPolicies = ⟦true⟧\n",
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'accessPolicies',
      },
    ],
  },
};

// An equality test of an input against a literal (`var.environment == "prod"`, Bicep `env ==
// 'prod'`, ARM `equals(…)`) is fixed by that input as `var.environment == "prod" ? true : false`
// would be: the finding is where the input is written, the test related.
const comparisons: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'compared-module-argument-per-caller',
        files: {
          'main.tf': `
module "kv_a" {
  source      = "./mod"
  environment = ⟦"dev"⟧
}

module "kv_b" {
  source      = "./mod"
  environment = ⟦"test"⟧
}
`,
          'mod/main.tf': `
variable "environment" {
  type = string
}

resource "azurerm_key_vault" "this" {
  name                      = "kv-\${var.environment}"
  location                  = "westeurope"
  resource_group_name       = "rg"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  purge_protection_enabled  = true
  enable_rbac_authorization = var.environment == "prod"
}
`,
        },
        level: 'warning',
        // The module's own environment variable classes its vault (dev and test: nonprod).
        env: 'nonprod',
        messageId: 'accessPolicies',
        related: [{ file: 'mod/main.tf', line: 12, label: 'compared here' }],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'compared-parameter-file-value',
        files: {
          'main.bicep': `
param environment string

resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: 'kv-cmp'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: true
    enableRbacAuthorization: environment == 'prod'
  }
}
`,
          'main.bicepparam': "using './main.bicep'\n\nparam environment = ⟦'staging'⟧\n",
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'accessPolicies',
      },
    ],
  },
};

ruleTester('KV002', converted, azureCli, cliVersions, dynamicPolicies, providerVersions, negations, comparisons);

// A vault on the access-policy default whose dynamic access_policy iterates over an unknown
// collection uses access policies either way: the finding is decided, so --verbose does not also
// list KV002 as undecided (the two lines contradicted each other).
const { tree, cleanup } = tempTrees('kv002-');
afterAll(cleanup);
it('a dynamic access_policy over an unknown collection: a finding, not also undecided', async () => {
  const dir = tree({
    'main.tf':
      'variable "readers" {\n  type = list(string)\n}\nresource "azurerm_key_vault" "b" {\n  name                     = "b"\n  location                 = "westeurope"\n  resource_group_name      = "rg"\n  tenant_id                = "t"\n  sku_name                 = "standard"\n  purge_protection_enabled = true\n  dynamic "access_policy" {\n    for_each = var.readers\n    content {\n      tenant_id = "t"\n      object_id = access_policy.value\n    }\n  }\n}\n',
  });
  const r = await lint({ paths: [dir], root: dir, rules: ['KV002'] });
  expect(r.findings.map((f) => [f.ruleId, f.level])).toEqual([['KV002', 'warning']]);
  expect(r.undecided.filter((u) => u.ruleId === 'KV002')).toEqual([]);
});
