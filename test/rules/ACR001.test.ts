/**
 * ACR001 (registry-admin-user): Container registry with the admin user enabled.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';
import { MAX_ARM_EXPRESSION_DEPTH } from '../../src/eval/arm/expression.js';

/** An ARM template of one registry whose name and admin user are written as given (JSON text). */
function acrTemplate(name: string, admin: string): string {
  return `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": ${name},
      "location": "westeurope",
      "sku": { "name": "Basic" },
      "properties": { "adminUserEnabled": ${admin} }
    }
  ]
}
`;
}

/** A registry whose admin user variable `acr_admin` sets, declared as `declaration` says. */
const acrFromVariable = (declaration: string): string => `
${declaration}

resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = var.acr_admin
}
`;

/** …a variable without a default (the var-file cases). */
const ACR_FROM_VARIABLE = acrFromVariable('variable "acr_admin" {\n  type = bool\n}');

/** `"[not(…(false())…)]"`, `levels` levels tall: true when `levels` is even. */
const nots = (levels: number): string => `"[${'not('.repeat(levels - 1)}false()${')'.repeat(levels - 1)}]"`;

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'absent-default-false',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Standard"
}
`,
        },
      },
      {
        name: 'admin-false',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = false
}
`,
        },
      },
      {
        name: 'unknown',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
        },
      },
      {
        // Terraform refuses a var file that does not parse (review 74): the values before the error are not judged.
        name: 'var-file-with-a-syntax-error-is-not-read',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
          'prod.tfvars': 'acr_admin = true\nowner = "unterminated\n',
        },
        parseError: true,
      },
      {
        // Nor is the last of two assignments of one name ("Attribute redefined").
        name: 'var-file-assigning-a-name-twice-is-not-read',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
          'terraform.tfvars': 'acr_admin = false\nacr_admin = true\n',
        },
        parseError: true,
      },
      {
        // The only var file refused: the variables are unknown, not their defaults (self-review 75,
        // as a template whose only parameter file cannot be read).
        name: 'only-var-file-refused-leaves-variables-unknown-not-default',
        files: {
          'main.tf': acrFromVariable('variable "acr_admin" {\n  type    = bool\n  default = true\n}'),
          'prod.tfvars': 'acr_admin = false\nacr_admin = false\n',
        },
        parseError: true,
      },
      {
        name: 'tfvars-json-with-a-syntax-error-is-not-read',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
          'prod.tfvars.json': '{ "acr_admin": true, }\n',
        },
        parseError: true,
      },
    ],
    invalid: [
      {
        name: 'admin-from-tfvars',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
          'terraform.tfvars': `
acr_admin = ⟦true⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The other variants are still evaluated: only the broken file's is dropped.
        name: 'broken-prod-var-file-leaves-the-dev-variant',
        files: {
          'main.tf': ACR_FROM_VARIABLE,
          'prod.tfvars': 'acr_admin = true\nowner = "unterminated\n',
          'dev.tfvars': 'acr_admin = ⟦true⟧\n',
        },
        parseError: true,
        level: 'error',
        env: 'nonprod',
        messageId: 'adminUser',
      },
      {
        name: 'admin-from-variable',
        files: {
          'main.tf': acrFromVariable('variable "acr_admin" {\n  type    = bool\n  default = ⟦true⟧\n}'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'admin-true',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  admin_enabled       = ⟦true⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        message: /"acrmldemo" enables the shared admin user \(admin_enabled is true\)/,
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'absent',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = "Premium"
    }
    properties = {
    }
  }
}
`,
        },
      },
      {
        name: 'disabled',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = "Premium"
    }
    properties = {
      adminUserEnabled = false
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'admin-user-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = "Premium"
    }
    properties = {
      adminUserEnabled = ⟦true⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'admin-absent-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Enabled"
      }
    }
  }
}
`,
        },
      },
      {
        // Two levels past the nesting cap (true if it were evaluated): unknown, never reported.
        name: 'admin-expression-past-the-nesting-cap-is-unknown',
        files: { 'azuredeploy.json': acrTemplate('"acr1"', nots(MAX_ARM_EXPRESSION_DEPTH + 2)) },
      },
      {
        name: 'admin-disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": false
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'admin-unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrAdminEnabled": {
      "type": "bool"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": "[parameters('acrAdminEnabled')]"
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
        // A valid name expression 1,500 calls deep (12 KB; ARM allows 24,576 characters) is past
        // the nesting cap: the name is unknown, the resource and its findings stay (the stack
        // overflowed and the whole resource was an EVAL001 before).
        name: 'name-expression-past-the-nesting-cap',
        files: { 'azuredeploy.json': acrTemplate(`"[${'concat('.repeat(1500)}'acr'${')'.repeat(1500)}]"`, '⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        message: 'Container registry "?" enables the shared admin user (properties.adminUserEnabled is true); set properties.adminUserEnabled to false and grant AcrPull/AcrPush to managed identities.',
      },
      {
        // An expression as deep as the cap is evaluated (`not` 255 times of `false()`: true).
        name: 'admin-expression-at-the-nesting-cap',
        files: { 'azuredeploy.json': acrTemplate('"acr1"', `⟦${nots(MAX_ARM_EXPRESSION_DEPTH)}⟧`) },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        message: 'Container registry "acr1" enables the shared admin user (properties.adminUserEnabled is true); set properties.adminUserEnabled to false and grant AcrPull/AcrPush to managed identities.',
      },
      {
        name: 'admin-enabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": ⟦true⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'admin-from-parameter-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrAdminEnabled": {
      "type": "bool",
      "defaultValue": ⟦true⟧
    }
  },
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": "[parameters('acrAdminEnabled')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrAdminEnabled": {
      "type": "bool",
      "defaultValue": false
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": "[parameters('acrAdminEnabled')]"
      }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrAdminEnabled": {
      "value": ⟦true⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'two-registries',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrone",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": ⟦true⟧
      }
    },
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrtwo",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": false
      }
    },
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrthree",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": ⟦true⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'admin-absent-symbolic',
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
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Enabled"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'admin-disabled',
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
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": false
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'admin-unknown-parameter',
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
  "parameters": {
    "acrAdminEnabled": {
      "type": "bool"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": "[parameters('acrAdminEnabled')]"
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
        name: 'admin-enabled',
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
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": ⟦true⟧
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'admin-from-parameter-default',
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
    "acrAdminEnabled": {
      "type": "bool",
      "defaultValue": ⟦true⟧
    }
  },
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "adminUserEnabled": "[parameters('acrAdminEnabled')]"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'admin-disabled',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: false
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A var of nested objects past the 500-level limit is a PARSE001 where level 501 starts
        // (495 levels overflowed the stack and the whole file was lost, this finding with it):
        // the declarations before and after it are still linted.
        name: 'declarations-around-objects-nested-past-the-limit',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: ⟦true⟧ }
}
var deep = ${'{a:'.repeat(1000)}1${'}'.repeat(1000)}
resource acr2 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr2'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: ⟦true⟧ }
}
`,
        },
        parseError: true,
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // mainTemplate.json (the name a Managed Application / Marketplace package requires) compiled
        // from main.bicep is its twin: the finding is reported once, in the source.
        name: 'main-bicep-with-its-mainTemplate-twin',
        files: {
          'main.bicep': "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr1'\n  location: resourceGroup().location\n  sku: {\n    name: 'Basic'\n  }\n  properties: {\n    adminUserEnabled: ⟦true⟧\n  }\n}\n",
          'mainTemplate.json': JSON.stringify({
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            metadata: { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' } },
            resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acr1', location: '[resourceGroup().location]', sku: { name: 'Basic' }, properties: { adminUserEnabled: true } }],
          }, null, 2),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'admin-enabled',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: ⟦true⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'admin-from-var',
        files: {
          'main.bicep': `
var settings = {
  admin: ⟦true⟧
}

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: settings.admin
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // Inside double quotes a default's single quotes are text: `'true'` (quotes included), which
        // the CLI rejects as a boolean (audit 54: read as true). Unquoted, they are removed (invalid below).
        name: 'single-quoted-default-inside-double-quotes',
        files: { 'acr.sh': 'ADMIN="${ADMIN:-\'true\'}"\naz acr create -n acr1 -g rg --sku Basic --admin-enabled "$ADMIN"\naz acr create -n acr2 -g rg --sku Basic --admin-enabled "${ADMIN2:-\'true\'}"\n' },
      },
      {
        // A step whose condition is the literal false never runs (a switched-off step), as `enabled: false`.
        name: 'steps-whose-condition-never-holds',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n acr1 -g rg --sku Basic --admin-enabled true\n        if: false\n      - if: ${{ false }}\n        run: az acr create -n acr2 -g rg --sku Basic --admin-enabled true\n',
          'azure-pipelines.yml': 'steps:\n  - script: az acr create -n acr3 -g rg --sku Basic --admin-enabled true\n    condition: false\n',
        },
      },
      {
        // A job or stage whose condition is the literal false never runs: nothing under it is read.
        name: 'jobs-and-stages-whose-condition-never-holds',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n acr1 -g rg --sku Basic --admin-enabled true\n',
          'azure-pipelines.yml':
            'stages:\n  - stage: s1\n    condition: false\n    jobs:\n      - job: j\n        steps:\n          - script: az acr create -n acr2 -g rg --sku Basic --admin-enabled true\n  - stage: s2\n    jobs:\n      - deployment: d\n        condition: ${{ false }}\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - script: az acr create -n acr3 -g rg --sku Basic --admin-enabled true\n',
        },
      },
      {
        // cmd.exe: `^&` is an ampersand as text, so echo prints the rest; nothing runs (review 46).
        name: 'caret-escaped-separator-in-cmd-is-text',
        files: {
          '.github/workflows/w.yml':
            'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n      - shell: cmd\n        run: echo hi ^& az acr create -n acr1 -g rg --sku Basic --admin-enabled true\n',
        },
      },
      // Azure Pipelines reads variables: in order, a later entry over an earlier one, a job's over
      // the pipeline's: a variable group (its values unknown) after a variable may set it.
      {
        name: 'pipeline-variable-then-a-job-variable-group',
        files: { 'azure-pipelines.yml': 'trigger: none\nvariables:\n  admin: true\njobs:\n- job: b\n  variables:\n  - group: g\n  steps:\n  - bash: az acr create -n acr4 -g rg --sku Basic --admin-enabled "$(admin)"\n' },
      },
      {
        name: 'variables-template-then-a-variable-group',
        files: {
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- template: vars.yml\n- group: g\nsteps:\n- bash: az acr create -n acr4 -g rg --sku Basic --admin-enabled "$(admin)"\n',
          'vars.yml': 'variables:\n  admin: true\n',
        },
      },
      {
        // A template under a condition may set the names it holds.
        name: 'variable-then-a-conditional-template-that-sets-it',
        files: {
          'azure-pipelines.yml': "trigger: none\nvariables:\n- name: admin\n  value: true\n- ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:\n  - template: vars.yml\nsteps:\n- bash: az acr create -n acr4 -g rg --sku Basic --admin-enabled \"$(admin)\"\n",
          'vars.yml': 'variables:\n  admin: false\n',
        },
      },
      // A script run from another folder (working-directory, a cd before it) is not the root's
      // s/a.sh of the same relative path: the caller's argument does not reach it.
      {
        name: 'script-called-from-another-working-directory',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./s/a.sh true\n        working-directory: sub\n      - run: cd sub && ./s/a.sh true\n      - run: ./s/a.sh true\n        working-directory: ${{ inputs.dir }}\n',
          'azure-pipelines.yml': 'steps:\n- script: ./s/a.sh true\n  workingDirectory: sub\n',
          's/a.sh': 'az acr create -n acrroot -g rg --sku Basic --admin-enabled "$1"\n',
          'sub/s/a.sh': 'echo nothing to create\n',
        },
      },
      // After a `cd` to a folder not known (a variable, a branch, `cd -`, a `popd` with nothing
      // pushed), the script a relative path names is not known: the root's s/a.sh does not get the argument.
      {
        name: 'script-called-after-a-move-to-a-folder-not-known',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd "$DIR" && ./s/a.sh true\n      - run: |\n          if [ -d sub ]; then cd sub; fi\n          ./s/a.sh true\n      - run: |\n          cd sub\n          cd -\n          ./s/a.sh true\n      - run: |\n          popd\n          ./s/a.sh true\n      - run: |\n          [ -d sub ] && cd sub\n          ./s/a.sh true\n',
          's/a.sh': 'az acr create -n acrroot -g rg --sku Basic --admin-enabled "$1"\n',
        },
      },
      // A function body that runs or sources a script runs when it is called: the script reads
      // the values then (ADMIN=false here), not those at the definition (self-review 70: a true
      // was reported); such calls are not followed from the body.
      {
        name: 'script-run-from-a-function-body-with-values-set-before-the-call',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n      - run: ./deploy3.sh\n      - shell: pwsh\n        run: ./deploy4.ps1\n',
          'deploy.sh': 'export ADMIN=true\ndeploy() {\n  ./s/a.sh\n}\nexport ADMIN=false\ndeploy\n',
          'deploy3.sh': 'ADMIN=true\ndeploy() {\n  source ./s/b.sh\n}\nADMIN=false\ndeploy\n',
          'deploy4.ps1': '$env:ADMIN = "true"\nfunction Deploy {\n  ./s/c.ps1\n}\n$env:ADMIN = "false"\nDeploy\n',
          's/a.sh': 'az acr create -n acra -g rg --sku Basic --admin-enabled "$ADMIN"\n',
          's/b.sh': 'az acr create -n acrb -g rg --sku Basic --admin-enabled "$ADMIN"\n',
          's/c.ps1': 'az acr create -n acrc -g rg --sku Basic --admin-enabled $env:ADMIN\n',
        },
      },
      // A move inside a block on the line (`try { … } finally { Pop-Location }`) may run: the
      // folder is not known after it, so neither copy of the script is taken (self-review 70: infra's was).
      {
        name: 'powershell-move-inside-a-one-line-block',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - run: |\n          Push-Location infra\n          try { Write-Host hi } finally { Pop-Location }\n          ./s/a.ps1 -Admin true\n',
          's/a.ps1': 'param($Admin)\naz acr create -n roota -g rg --sku Basic --admin-enabled $Admin\n',
          'infra/s/a.ps1': 'param($Admin)\naz acr create -n infraa -g rg --sku Basic --admin-enabled $Admin\n',
        },
      },
      // $false, a PowerShell constant, is the text False for az.
      { name: 'powershell-false-constant', files: { 'deploy.ps1': 'az acr create -n acrml -g rg --sku Basic --admin-enabled $false\n' } },
      // azure-cli's three-state flags take the next word as their value and accept only true/false:
      // `--admin-enabled Standard_D4s_v5` is rejected by the CLI, not a bare (true) flag.
      { name: 'three-state-flag-with-a-non-boolean-value', files: { 'deploy.sh': 'X=Standard_D4s_v5\naz acr create -n acrml -g rg --sku Standard --admin-enabled $X\n' } },
      // get_three_state_flag's choices are the two labels (true/false): yes, on and 1 are rejected by the CLI.
      { name: 'three-state-flag-yes-on-1-rejected', files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku Standard --admin-enabled yes\naz acr create -n acr2 -g rg --sku Standard --admin-enabled on\naz acr create -n acr3 -g rg --sku Standard --admin-enabled 1\n' } },
      // `command -v az …` only looks az up: nothing runs.
      { name: 'command-v-looks-up-only', files: { 'deploy.sh': 'command -v az acr create -n acrml --admin-enabled true\n' } },
      // A function that does not run its arguments (it only logs them): the az words are text,
      // also beside a function that does run its arguments, and beside a dispatcher's top-level "$@".
      { name: 'function-that-only-logs-its-arguments', files: { 'deploy.sh': 'log() { echo "[$(date)] $*"; }\nlog az acr create -n acrml --admin-enabled true\n' } },
      { name: 'logging-function-beside-a-running-one', files: { 'deploy.sh': 'run() { echo "+ $*"; "$@"; }\nshow() { echo "would run: $*"; }\nshow az acr create -n acrml -g rg --sku Standard --admin-enabled true\n' } },
      { name: 'dispatcher-runs-its-own-arguments-not-the-functions', files: { 'deploy.sh': "explain() { printf '%s ' \"$@\"; }\nstep() {\n  explain az acr create -n acrml -g rg --sku Standard --admin-enabled true\n}\n\"$@\"\n" } },
      {
        // Azure Pipelines gives a script its variables as upper-cased environment variables:
        // bash's $acrAdmin is not set (its value is unknown to the linter, never reported).
        name: 'pipeline-variable-by-its-yaml-case-in-bash',
        files: {
          'azure-pipelines.yml': `variables:
  acrAdmin: 'true'
steps:
  - bash: az acr create -n acrml -g rg --sku Standard --admin-enabled "$acrAdmin"
`,
        },
      },
      { name: 'create-absent-default-false', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Standard\n' } },
      { name: 'explicit-false', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Standard --admin-enabled false\n' } },
      { name: 'commented-out', files: { 'deploy.sh': '# az acr update -n acrml --admin-enabled true\n' } },
      { name: 'unknown-value', files: { 'deploy.sh': 'az acr update -n acrml --admin-enabled "$ADMIN"\n' } },
      {
        name: 'update-fixes-create',
        files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic --admin-enabled true\naz acr update -n acrml --admin-enabled false\n' },
      },
      // A command substitution written apart from the flag is the flag's value (unknown), in
      // both spellings: not a bare (true) flag with the command cut short at the substitution.
      // An update of an unknown name that sets another value may target the registry created above: undecided there.
      { name: 'update-of-an-unknown-name-with-another-setting', files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled true\naz acr update -n $registry_name --admin-enabled false\n' } },
      // PowerShell: a function's parameter default is overridden by its callers; braces inside strings and
      // here-strings open and close no block (the value assigned in the `if` block is unknown after it).
      {
        name: 'powershell-function-parameter-default-and-braces-in-strings',
        files: {
          'fn.ps1': "function New-Acr {\n  param(\n    $Admin = 'true'\n  )\n  az acr create -n acr1 -g rg --sku Basic --admin-enabled $Admin\n}\nNew-Acr -Admin false\n",
          'brace.ps1': "$admin = 'false'\nif ($c) {\n  $admin = 'true'\n  Write-Host \"admin {\"\n}\naz acr create -n acr2 -g rg --sku Basic --admin-enabled $admin\n",
          'here.ps1': "$admin = 'false'\nif ($c) {\n  $admin = 'true'\n  $doc = @\"\n{ \"open\":\n\"@\n}\naz acr create -n acr3 -g rg --sku Basic --admin-enabled $admin\n",
        },
      },
      { name: 'value-from-a-command-substitution-with-blanks', files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled $(get admin)\naz acr create -n acr2 -g rg --sku Basic --admin-enabled `get admin`\n' } },
    ],
    invalid: [
      {
        // A bare flag a `${{ }}` condition chose because of an input: at that input, the chosen text and the condition related (review 62).
        name: 'bare-flag-chosen-by-a-condition-an-input-decides',
        files: { '.github/workflows/w.yml': "on:\n  workflow_dispatch:\n    inputs:\n      admin:\n        default: '⟦yes⟧'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n acrb -g rg --sku Basic ${{ inputs.admin == 'yes' && '--admin-enabled' || '' }}\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        related: [{ label: 'value chosen by the condition', line: 10 }, { label: 'condition', line: 10 }],
      },
      {
        // Bash ANSI-C quoting: `\'` is a quote inside `$'…'`, and escapes are decoded (`\x31` is 1) (review 64: the
        // quote was read as never closed, and every command after it was lost).
        name: 'after-ansi-c-quoting',
        files: { 'deploy.sh': "MSG=$'it\\'s'\nNAME=$'acr\\x31'\naz acr create -n \"$NAME\" -g rg --sku Basic --admin-enabled ⟦true⟧\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        messageIncludes: 'Container registry "acr1"',
      },
      {
        // A PowerShell here-string ends only at a `"@` that starts a line: one inside a line, or indented, is its text
        // (review 64: read as the end, every command after it was lost).
        name: 'after-a-powershell-here-string',
        files: { 'deploy.ps1': '$note = @"\nClose a here-string with "@\n  "@\n"@\n$n = @"\nacr9\n"@\naz acr create -n $n -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        messageIncludes: 'Container registry "acr9"',
      },
      {
        // A job condition that reads anything may hold: its steps are linted.
        name: 'job-whose-condition-may-hold',
        files: { 'azure-pipelines.yml': 'jobs:\n  - job: j\n    condition: eq(variables.run, true)\n    steps:\n      - script: az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A condition that reads anything may hold: the step is linted.
        name: 'step-whose-condition-may-hold',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ github.ref == \'refs/heads/main\' }}\n        run: az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A sourced file runs in the step's shell: it sees the step's variables, exported or not (review 59).
        name: 'sourced-file-sees-unexported-variables',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          ADMIN=⟦true⟧\n          source scripts/y.sh\n',
          'scripts/y.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled "$ADMIN"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // azure/cli's input name in another case runs the same script (`inlinescript:`; review 58: not read).
        name: 'azure-cli-action-inline-script-key-in-another-case',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/CLI@v1\n        with:\n          inlinescript: az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A command inside an unquoted parameter expansion's default runs too (review 55: the
        // expansion kept whole hid it).
        name: 'command-in-a-parameter-expansion-default',
        files: { 'deploy.sh': 'ACR_ID=${ACR_ID:-$(az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧)}\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'single-quoted-default-unquoted',
        files: { 'acr.sh': "az acr create -n acr3 -g rg --sku Basic --admin-enabled ${ADMIN3:-⟦'true'⟧}\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The CI system puts `${{ … }}` and an Azure Pipelines `$(var)` in before the shell reads the
        // script, inside single quotes too (review 51: read as literal text, so "not a boolean").
        name: 'expression-and-macro-inside-single-quotes',
        files: {
          '.github/workflows/w.yml':
            "on:\n  workflow_dispatch:\n    inputs:\n      admin:\n        default: '⟦true⟧'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n r1 -g g --sku Basic --admin-enabled '${{ inputs.admin }}'\n",
          'azure-pipelines.yml': "trigger: none\nvariables:\n  ADMIN: '⟦true⟧'\nsteps:\n  - script: az acr create -n r3 -g g --sku Basic --admin-enabled '$(ADMIN)'\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // GitHub's || over an input and a literal: the input's default when truthy (at its default);
        // else the literal, chosen because of the input, so at the input (RULES.md "Values chosen
        // by a condition"), the literal related (review 51, review 52).
        name: 'expression-with-or-over-an-input',
        files: {
          '.github/workflows/w.yml':
            "on:\n  workflow_dispatch:\n    inputs:\n      admin:\n        default: '⟦true⟧'\n      off:\n        type: boolean\n        default: ⟦false⟧\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n r1 -g g --sku Basic --admin-enabled ${{ inputs.admin || 'false' }}\n      - run: az acr create -n r2 -g g --sku Basic --admin-enabled ${{ inputs.off || 'true' }}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A function-call expression (`format(…)`, `lower(…)`) is one piece of its word: the flags after it are read (review 50).
        name: 'admin-flag-after-a-function-call-expression',
        files: {
          '.github/workflows/w.yml': "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az acr create -n acr1 -g ${{ format('rg-{0}', github.run_id) }} --sku Basic --admin-enabled ⟦true⟧\n",
          'azure-pipelines.yml': 'trigger: none\nparameters:\n  - name: env\n    default: Ops\nsteps:\n  - script: az acr create -n acr2 -g rg-${{ lower(parameters.env) }} --sku Basic --admin-enabled ⟦true⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A substitution joined to a word (`-n acr$(openssl rand -hex 3)`) is part of it: the command
        // goes on after it (review 49: the flags after it were lost).
        name: 'name-joined-to-a-substitution',
        files: { 'deploy.sh': 'az acr create -n acr$(openssl rand -hex 3) -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
      },
      {
        // A pipeline made of `extends:` alone, whatever its file's name, is a pipeline: its parameters reach the template.
        name: 'pipeline-that-only-extends-a-template',
        files: {
          'deploy.yml': 'trigger: none\nextends:\n  template: base.yml\n  parameters:\n    admin: ⟦true⟧\n',
          'base.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- script: az acr create -n acr1 -g rg --sku Basic --admin-enabled ${{ parameters.admin }}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // `template: x.yml@self` is the pipeline's own repository's template: its caller's parameters reach it.
        name: 'pipeline-template-at-self',
        files: {
          'azure-pipelines.yml': 'steps:\n- template: templates/t.yml@self\n  parameters:\n    admin: ⟦true⟧\n',
          'templates/t.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- script: az acr create -n acr1 -g rg --sku Basic --admin-enabled ${{ parameters.admin }}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // `uses: ./` runs the action at the repository's top: its caller's with: reaches it (they share a unit of work).
        name: 'root-action-called-with-uses-dot-slash',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          admin: "⟦true⟧"\n',
          'action.yml': 'inputs:\n  admin:\n    default: "false"\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: az acr create --name acr1 -g rg --sku Basic --admin-enabled ${{ inputs.admin }}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A `cd` inside `$(…)` or `( … )` leaves the step's folder as it was: the script is still the one called.
        name: 'script-called-after-a-cd-in-a-subshell',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          VERSION=$(cd app && git rev-parse HEAD)\n          (cd app && make)\n          ./s/a.sh ⟦true⟧\n',
          's/a.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled "$1"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The step's working directory is where a relative script path is read from (the checkout's top written as a variable too).
        name: 'script-called-in-its-working-directory',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: infra\n    steps:\n      - run: ./s/a.sh ⟦true⟧\n',
          'azure-pipelines.yml': 'steps:\n- script: ./s/a.sh ⟦true⟧\n  workingDirectory: $(System.DefaultWorkingDirectory)/infra\n',
          'infra/s/a.sh': 'az acr create -n acrinfra -g rg --sku Basic --admin-enabled "$1"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A relative script path is read from the folder a `cd`/`pushd` moved to (in a subshell
        // too, until it ends), and a `popd` comes back: the called script gets the caller's arguments.
        name: 'script-called-after-a-cd',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd infra && ./s/a.sh ⟦true⟧\n      - run: |\n          pushd infra >/dev/null\n          pushd s\n          ./b.sh ⟦true⟧\n          popd\n          popd\n          ./c.sh ⟦true⟧\n      - run: (cd infra/s && ./d.sh ⟦true⟧)\n      - run: cd s && ./e.sh ⟦true⟧\n        working-directory: infra\n      - run: ./scripts/deploy.sh\n      - shell: pwsh\n        run: |\n          Set-Location -Path infra\n          ./s/f.ps1 -Admin ⟦true⟧\n',
          'infra/s/a.sh': 'az acr create -n acra -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/b.sh': 'az acr create -n acrb -g rg --sku Basic --admin-enabled "$1"\n',
          'c.sh': 'az acr create -n acrc -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/d.sh': 'az acr create -n acrd -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/e.sh': 'az acr create -n acre -g rg --sku Basic --admin-enabled "$1"\n',
          // A script it calls starts in the folder its caller moved to.
          'scripts/deploy.sh': 'cd "$(dirname "$0")/../infra"\n./s/g.sh ⟦true⟧\n',
          // (It runs in infra/, not in its own folder: its `cd s2` goes to infra/s2.)
          'infra/s/g.sh': 'cd s2\n./h.sh "$1"\n',
          'infra/s2/h.sh': 'az acr create -n acrh -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/s2/h.sh': 'echo not this one\n',
          'infra/s/f.ps1': 'param($Admin)\naz acr create -n acrf -g rg --sku Basic --admin-enabled $Admin\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // PowerShell's moves: `Set-Location .\infra` (backslashes), Push-Location/Pop-Location, a folder from the checkout's top.
        name: 'powershell-script-called-after-set-location',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        run: |\n          Set-Location .\\infra\n          .\\s\\f.ps1 -Admin ⟦true⟧\n      - shell: pwsh\n        run: |\n          Push-Location infra\n          Pop-Location\n          Set-Location $env:GITHUB_WORKSPACE\\infra\n          ./s/g.ps1 -Admin ⟦true⟧\n',
          'infra/s/f.ps1': 'param($Admin)\naz acr create -n acrf -g rg --sku Basic --admin-enabled $Admin\n',
          'infra/s/g.ps1': 'param($Admin)\naz acr create -n acrg -g rg --sku Basic --admin-enabled $Admin\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // (self-review 70) A `cd` in a pipeline's part or a background job runs in a subshell (no
        // move); `cd "$(dirname "$0")"` alone is the script's folder; a `cd` in a sourced file moves its caller.
        name: 'script-called-after-subshell-moves-the-script-folder-and-a-sourced-cd',
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cd infra &\n          ./s/a.sh ⟦true⟧\n      - run: |\n          cd infra | cat\n          ./s/b.sh ⟦true⟧\n      - run: ./scripts/two.sh ⟦true⟧\n      - run: |\n          source ./lib.sh\n          ./s/e.sh ⟦true⟧\n',
          's/a.sh': 'az acr create -n roota -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/a.sh': 'echo not this one\n',
          's/b.sh': 'az acr create -n rootb -g rg --sku Basic --admin-enabled "$1"\n',
          'infra/s/b.sh': 'echo not this one\n',
          'scripts/two.sh': 'cd "$(dirname "$0")"\n./s/c.sh "$1"\n',
          'scripts/s/c.sh': 'az acr create -n scriptsc -g rg --sku Basic --admin-enabled "$1"\n',
          'lib.sh': 'cd infra\n',
          'infra/s/e.sh': 'az acr create -n infrae -g rg --sku Basic --admin-enabled "$1"\n',
          's/e.sh': 'echo not this one\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A variable written after the group is its own again; a conditional template that does not set it leaves it known.
        name: 'variable-group-then-a-variable',
        files: {
          'azure-pipelines.yml': "trigger: none\nvariables:\n- group: g\n- name: admin\n  value: ⟦true⟧\n- ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:\n  - template: vars.yml\nsteps:\n- bash: az acr create -n acr4 -g rg --sku Basic --admin-enabled \"$(admin)\"\n",
          'vars.yml': 'variables:\n  other: x\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // PowerShell runs the command whose output it assigns, and a command after `time`, `sudo VAR=1` or a redirection.
        name: 'command-assigned-wrapped-or-redirected',
        files: {
          // With or without blanks around `=`.
          'deploy.ps1': '$acr = az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧ | ConvertFrom-Json\n$acr6=az acr create -n acr6 -g rg --sku Basic --admin-enabled ⟦true⟧\n$acr7= az acr create -n acr7 -g rg --sku Basic --admin-enabled ⟦true⟧\n',
          // A brace, a type constraint or a blank only before `=` change nothing.
          'joined.ps1':
            "if ($go) {$a8=az acr create -n acr8 -g rg --sku Basic --admin-enabled ⟦true⟧ }\n[string]$a9=az acr create -n acr9 -g rg --sku Basic --admin-enabled ⟦true⟧\n$a10 =az acr create -n acr10 -g rg --sku Basic --admin-enabled ⟦true⟧\n$a11+=az acr create -n acr13 -g rg --sku Basic --admin-enabled ⟦true⟧\n",
          // A block closed right after the last argument: PowerShell ends the word at `}`.
          'closed.ps1': "if ($go) { az acr create -n acr14 -g rg --sku Basic --admin-enabled ⟦true⟧}\n",
          // A value assigned with a [string] constraint is the string (another type converts it: unknown).
          'typed.ps1': "[string]$admin = '⟦true⟧'\naz acr create -n acr11 -g rg --sku Basic --admin-enabled $admin\n[bool]$off = 'false'\naz acr create -n acr12 -g rg --sku Basic --admin-enabled $off\n",
          'deploy.sh': 'time -p az acr create -n acr2 -g rg --sku Basic --admin-enabled ⟦true⟧\nsudo AZURE_CORE_OUTPUT=json az acr create -n acr3 -g rg --sku Basic --admin-enabled ⟦true⟧\nnice -n 10 az acr create -n acr4 -g rg --sku Basic --admin-enabled ⟦true⟧\n',
          // A function that runs its arguments through a wrapper runs the az command it is given.
          'timed.sh': 'timed() { time "$@"; }\ntimed az acr create -n acr5 -g rg --sku Basic --admin-enabled ⟦true⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // `+=` changes the value it was given: the name is no longer the one assigned before.
        name: 'powershell-compound-assignment-changes-the-value',
        files: { 'deploy.ps1': "$n = 'acr1'\n$n += '2'\naz acr create -n $n -g rg --sku Basic --admin-enabled ⟦true⟧\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        messageIncludes: 'Container registry "<$n>"',
      },
      {
        // PowerShell: a value assigned inside a block holds for the commands after it in the same block;
        // once the block is left it may or may not have been assigned (the last command: no finding).
        name: 'powershell-assignment-inside-a-block',
        files: {
          'deploy.ps1':
            "if ($create) {\n  $admin = '⟦true⟧'\n  az acr create -n acr1 -g rg --sku Basic --admin-enabled $admin\n}\nelse {\n  $admin = 'false'\n}\naz acr create -n acr2 -g rg --sku Basic --admin-enabled $admin\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The words after a substitution still belong to the az command.
        name: 'flags-after-a-command-substitution',
        files: { 'deploy.sh': 'az acr create -n acr1 -g `get_rg` --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A case statement's patterns end in `)`: not the substitution's close.
        name: 'flags-after-a-quoted-substitution-holding-a-case-statement',
        files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku "$(case $ENV in prod) echo "$(echo Premium)";; esac)" --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'flags-after-a-substitution-holding-a-case-statement',
        files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku $(case "$ENV" in prod) echo Premium;; *) echo Basic;; esac) --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'flags-after-a-dollar-substitution-with-blanks',
        files: { 'deploy.sh': 'az acr create -n acr1 -g $(az group show -n rg --query name -o tsv) --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A retry function of the script runs its arguments ("$@"): the az command among them runs.
        name: 'through-a-multi-line-function-that-runs-its-arguments',
        files: { 'deploy.sh': 'retry() {\n  local n=$1\n  shift\n  until "$@"; do\n    sleep 5\n  done\n}\nretry 5 az acr create -n acrml -g rg --sku Standard --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'through-a-function-that-runs-its-arguments',
        files: { 'deploy.sh': 'retry() { local n=$1; shift; for i in $(seq 1 "$n"); do "$@" && return 0; done; return 1; }\nretry 5 az acr create -n acrml -g rg --sku Standard --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A redirection after a bare flag is not its value.
        name: 'bare-flag-before-a-redirection',
        files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Standard ⟦--admin-enabled⟧ >/dev/null\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A comment after the template path: the caller's parameters still reach the template.
        name: 'pipeline-template-path-followed-by-a-comment',
        files: {
          'pipelines/ci.yml': `steps:
  - template: ../templates/acr.yml # the registry
    parameters:
      adminEnabled: ⟦true⟧
`,
          'templates/acr.yml': `parameters:
  - name: adminEnabled
    type: boolean
    default: false
steps:
  - bash: az acr create -n acrml -g rg --sku Premium --admin-enabled \${{ parameters.adminEnabled }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A workflow step runs a script by its path from the repository root, the repository one
        // folder below the scan root: the script runs with the job's env (and the finding is there).
        name: 'workflow-runs-a-repository-script-below-the-scan-root',
        files: {
          'repo/.github/workflows/acr.yml': `on: push
jobs:
  acr:
    runs-on: ubuntu-latest
    env:
      ACR_ADMIN: "⟦true⟧"
    steps:
      - run: ./scripts/acr.sh
`,
          'repo/scripts/acr.sh': '#!/bin/bash\naz acr create -n acrml -g rg --sku Premium --admin-enabled "$ACR_ADMIN"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A step template named from the repository root (/templates/…) with the repository one
        // folder below the scan root (several checkouts in one folder): the caller's value decides.
        name: 'pipeline-template-from-the-repository-root-below-the-scan-root',
        files: {
          'repo/pipelines/ci.yml': `trigger:
  - main
steps:
  - template: /templates/acr.yml
    parameters:
      adminEnabled: ⟦true⟧
`,
          'repo/templates/acr.yml': `parameters:
  - name: adminEnabled
    type: boolean
    default: false
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: sc
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: az acr create -n acrml -g rg --sku Premium --admin-enabled \${{ parameters.adminEnabled }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // sudo, command, env, nohup, exec and timeout run the az command after them unchanged.
        name: 'wrapped-in-sudo',
        files: { 'deploy.sh': 'sudo -E az acr create -n acrml -g rg --sku Standard --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'wrapped-in-env-with-assignments',
        files: { 'deploy.sh': 'env AZURE_CORE_OUTPUT=none az acr create -n acrml -g rg --sku Standard --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'wrapped-in-timeout',
        files: { 'deploy.sh': 'timeout 10m az acr create -n acrml -g rg --sku Standard --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A redirection written before the program, among the command's own assignments or not, is no word of it.
        name: 'redirection-before-the-program',
        files: { 'deploy.sh': '>/tmp/acr.log az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧\n2>&1 X=1 az acr create -n acr2 -g rg --sku Basic --admin-enabled ⟦true⟧\nX=1 > log az acr create -n acr3 -g rg --sku Basic --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'pipeline-variable-as-upper-case-environment-variable',
        files: {
          // Two registries read the one variable: a finding each (RULES.md merges only "the same
          // rule, resource and primary location"). PowerShell spells the name as the agent sets it:
          // on a Linux agent `$env:acr_admin` is another variable (review 74).
          'azure-pipelines.yml': `variables:
  acr.admin: '⟦⟦true⟧⟧'
steps:
  - bash: az acr create -n acrml -g rg --sku Standard --admin-enabled "$ACR_ADMIN"
  - pwsh: az acr create -n acrml2 -g rg --sku Standard --admin-enabled $env:ACR_ADMIN
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      { name: 'bare-flag-is-true', files: { 'deploy.sh': 'az acr update -n acrml ⟦--admin-enabled⟧\n' }, level: 'error', env: 'unknown', messageId: 'adminUser' },
      // FORMATS.md §1(b): `az acr update -n $registry_name --admin-enabled true` — "the setting is
      // literal — report anyway". It may target the registry created above, which has the same
      // setting: that one stays reported too (its value is true whichever registry is updated).
      {
        name: 'update-of-an-unknown-name-with-the-same-setting',
        files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled ⟦true⟧\naz acr update -n $registry_name --admin-enabled ⟦true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'workflow-run-step',
        files: {
          '.github/workflows/cd.yml': `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          registry_name=$(az ml workspace show --query container_registry -o tsv)
          az acr update --name $registry_name --admin-enabled ⟦true⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'powershell-backtick-continuation',
        files: {
          'deploy.ps1': `
$admin = '⟦true⟧'
az acr create -n acrml -g rg \`
  --sku Standard \`
  --admin-enabled $admin
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        related: [{ file: 'deploy.ps1', line: 4 }],
      },
      {
        // $true is a PowerShell constant; a native command receives it as the text True.
        name: 'powershell-true-constant',
        files: { 'deploy.ps1': 'az acr create -n acrml -g rg --sku Basic --admin-enabled ⟦$true⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Format round (c-fmt1): a property of an azapi `body` object literal whose value comes from a
// local or variable is consumed where the body writes it, not at `body = {`. RULES.md
// "Location": "The resource attribute that consumed it is a relatedLocation"; README: "an
// inline suppression on that property covers the finding". Before the fix the related location
// was the `body` line, and a suppression on the property line was reported unused.
const AZAPI_ACR = (value: string, trailing = ''): string => `
locals {
  admin = ${value}
}
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrml"
  parent_id = "/subscriptions/0000/resourceGroups/rg-ml"
  location  = "westeurope"
  body = jsonencode({
    sku = { name = "Basic" }
    properties = {
      adminUserEnabled = local.admin${trailing}
    }
  })
}
`;
const azapiBodyMembers: RuleTable = {
  azapi: {
    valid: [
      {
        name: 'suppression-on-body-property-covers-value-from-local',
        files: { 'main.tf': AZAPI_ACR('true', ' # mlops-iac-lint-ignore ACR001 -- bootstrap registry, removed in sprint 12') },
      },
    ],
    invalid: [
      {
        name: 'body-property-is-the-consuming-attribute',
        files: { 'main.tf': AZAPI_ACR('⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        related: [{ file: 'main.tf', line: 12, label: 'attribute properties.adminUserEnabled' }],
      },
      {
        // `body = file("acr.json")`: the JSON file's text, decoded by the provider; the value is
        // where that file writes it (as for jsondecode(file(…))), which a commit of the JSON alone reports.
        name: 'body-read-from-a-json-file',
        files: {
          'main.tf': `resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acr1"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = file("\${path.module}/acr.json")
}
`,
          'acr.json': `{
  "sku": { "name": "Basic" },
  "properties": { "adminUserEnabled": ⟦true⟧ }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  terraform: {
    // Terraform JSON's comment is a "//" property, followed by the comma valid JSON requires: on
    // the line before a block it covers the block (the README's example), as a # comment does.
    valid: [
      {
        name: 'json-comment-property-before-a-resource-block',
        files: {
          'main.tf.json': `
{
  "resource": {
    "azurerm_container_registry": {
      "//": "mlops-iac-lint-ignore ACR001 -- bootstrap registry, removed in sprint 12",
      "acr": {
        "name": "acrdemo",
        "resource_group_name": "rg",
        "location": "westeurope",
        "sku": "Premium",
        "admin_enabled": true
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
        name: 'json-comment-property-after-the-block-covers-nothing-below',
        files: {
          'main.tf.json': `
{
  "resource": {
    "azurerm_container_registry": {
      "acr": {
        "name": "acrdemo",
        "resource_group_name": "rg",
        "location": "westeurope",
        "sku": "Premium",
        "admin_enabled": ⟦true⟧
      },
      "//": "mlops-iac-lint-ignore ACR001 -- too late: nothing follows"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Format round (c-fmt1): `import * as ns from './shared.bicep'` then `ns.settings.admin` reads
// the exported variable of that file, as `import { settings } from …` already did (BICEP.md
// §6.3 item 10: "`import * as ns from './x.bicep'`, `ns.type`"). It was unknown ("'ns' is not
// declared"), so the finding was missed.
const bicepNamespaceImport: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'namespace-import-false',
        files: {
          'shared.bicep': "@export()\nvar settings = {\n  admin: false\n}\n",
          'main.bicep': `import * as sh from 'shared.bicep'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: sh.settings.admin }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'namespace-import-exported-variable',
        files: {
          'shared.bicep': "@export()\nvar settings = {\n  admin: ⟦true⟧\n}\n",
          'main.bicep': `import * as sh from 'shared.bicep'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: sh.settings.admin }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        related: [{ file: 'main.bicep', line: 6, label: 'attribute properties.adminUserEnabled' }],
      },
      // A user function another file exports is evaluated in its file, imported by name or
      // through a namespace (it was "function adminOn() is not evaluated").
      {
        name: 'imported-user-function-by-name',
        files: {
          'shared.bicep': '@export()\nfunc acrProps(admin bool) object => {\n  adminUserEnabled: admin\n}\n',
          'main.bicep': `import { acrProps } from 'shared.bicep'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: acrProps(⟦true⟧)
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'imported-user-function-through-a-namespace',
        files: {
          'shared.bicep': '@export()\nfunc acrProps(admin bool) object => {\n  adminUserEnabled: admin\n}\n',
          'main.bicep': `import * as sh from 'shared.bicep'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: sh.acrProps(⟦true⟧)
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Format round (c-fmt1): `.bicepparam` `extends` (BICEP.md §3: "parameters of the base file apply
// first, the extending file overrides them"). The base file's values were ignored, so the
// template default (false) stood in for the base's `true`.
const BP_MAIN = `param acrAdmin bool = false
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: acrAdmin }
}
`;
const bicepparamExtends: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'extending-file-overrides-the-base',
        files: {
          'main.bicep': BP_MAIN,
          'base.bicepparam': 'using none\nparam acrAdmin = true\n',
          'main.bicepparam': "using 'main.bicep'\nextends 'base.bicepparam'\nparam acrAdmin = false\n",
        },
      },
    ],
    invalid: [
      {
        name: 'value-from-the-base-file',
        files: {
          'main.bicep': BP_MAIN,
          'base.bicepparam': 'using none\nparam acrAdmin = ⟦true⟧\n',
          'main.bicepparam': "using 'main.bicep'\nextends 'base.bicepparam'\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Format round (c-fmt1): parameter files named `<env>.parameters.json` and
// `main.<env>.parameters.json` pair with `main.json` (RULES.md "Variants": "ARM: once per paired
// parameter file"). They paired with nothing, so the template was linted with its defaults only.
const ARM_MAIN = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { admin: { type: 'bool', defaultValue: false } },
  resources: [
    {
      type: 'Microsoft.ContainerRegistry/registries',
      apiVersion: '2023-07-01',
      name: 'acrml',
      location: 'westeurope',
      sku: { name: 'Basic' },
      properties: { adminUserEnabled: "[parameters('admin')]" },
    },
  ],
}, null, 2);
const ARM_PARAMS = (value: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "admin": { "value": ${value} } }
}
`;
const armParameterFileNames: RuleTable = {
  arm: {
    valid: [
      {
        // Review 105: an environment's name alone spells no template; with two conventional
        // templates one folder up neither is meant more than the other (--verbose says so, below).
        name: 'env-file-in-a-parameter-folder-with-two-templates-pairs-with-neither',
        files: { 'main.json': ARM_MAIN, 'azuredeploy.json': ARM_MAIN, 'parameters/prod.json': ARM_PARAMS('true') },
      },
      {
        // Review 106: the one conventional template one folder up does not declare a parameter the
        // file gives (ARM refuses the pair): the file is for another template, not paired.
        name: 'env-file-giving-a-parameter-the-template-does-not-declare-pairs-with-none',
        files: { 'main.json': ARM_MAIN, 'network.json': ARM_MAIN.replace('"admin"', '"vnetName": { "type": "string" }, "admin"'), 'parameters/prod.json': ARM_PARAMS('true').replace('"parameters": {', '"parameters": { "vnetName": { "value": "vnet-prod" },') },
      },
    ],
    invalid: [
      {
        // Review 105: `-`/`_` after `parameters` (main.parameters-live.json): the name still spells main.json.
        name: 'name-parameters-dash-env-json',
        files: { 'main.json': ARM_MAIN, 'main.parameters-live.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        name: 'name-parameters-underscore-env-json',
        files: { 'main.json': ARM_MAIN, 'main.parameters_dev.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'nonprod',
        messageId: 'adminUser',
      },
      {
        // Review 105: parameters/prod.json with main.json alone one folder up.
        name: 'env-file-in-a-parameter-folder',
        files: { 'main.json': ARM_MAIN, 'parameters/prod.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        name: 'env-dot-parameters-json',
        files: { 'main.json': ARM_MAIN, 'prod.parameters.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        name: 'name-env-parameters-json',
        files: { 'main.json': ARM_MAIN, 'main.dev.parameters.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'nonprod',
        messageId: 'adminUser',
      },
      {
        // Review 125: `parameters-X.json` names X.json (`parameters-aks.json` beside `aks.bicep`).
        name: 'parameters-dash-name-json',
        files: { 'acr.json': ARM_MAIN, 'main.json': ARM_MAIN, 'parameters-acr.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // Review 127: a name that says only an environment goes with the first conventional template
        // that declares what it gives — here azuredeploy.json, main.json lacking `vnetName`.
        name: 'parameters-dash-env-json-with-the-template-that-declares-its-parameters',
        files: {
          'main.json': ARM_MAIN,
          'azuredeploy.json': ARM_MAIN.replace('"admin"', '"vnetName": { "type": "string" }, "admin"'),
          'parameters-prod.json': ARM_PARAMS('⟦true⟧').replace('"parameters": {', '"parameters": { "vnetName": { "value": "vnet-prod" },'),
        },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        // `template-vnet.json` deployed with `parameters-vnet.json`.
        name: 'parameters-dash-name-json-with-template-dash-name-json',
        files: { 'template-acr.json': ARM_MAIN, 'parameters-acr.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // `create-container-registry-parameters.json` beside `create-container-registry.json`.
        name: 'name-dash-parameters-json',
        files: { 'create-acr.json': ARM_MAIN, 'create-acr-parameters.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'name-underscore-parameters-env-json',
        files: { 'acr.json': ARM_MAIN, 'acr_parameters_prod.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        // `parameters-<env>.json` as `parameters.<env>.json`: beside main.json, azuredeploy.json or template.json.
        name: 'parameters-dash-env-json-beside-template-json',
        files: { 'template.json': ARM_MAIN, 'parameters-prod.json': ARM_PARAMS('⟦true⟧') },
        level: 'error',
        env: 'prod',
        messageId: 'adminUser',
      },
      {
        // RULES.md: a broken file is PARSE001 "and every other file is still linted": the
        // template whose only parameter file cannot be read is linted with its defaults.
        name: 'template-linted-when-its-only-parameter-file-is-broken',
        files: {
          'main.json': ARM_MAIN.replace('"adminUserEnabled": "[parameters(\'admin\')]"', '"adminUserEnabled": ⟦true⟧'),
          'main.parameters.json': ARM_PARAMS('"unterminated }'),
        },
        parseError: true,
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        // Review 125: `parameters-aks.json` was skipped beside `aks.bicep` (the Omniverse layout).
        name: 'parameters-dash-name-json-beside-its-bicep-file',
        files: {
          'acr.bicep': `param admin bool = false
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: 'westeurope'
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: admin }
}
`,
          'parameters-acr.json': ARM_PARAMS('⟦true⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// RULES.md: "Loops expand up to 1,024 instances before the cap applies" — the instances beyond
// are not made, so the collection as a whole (its length) is unknown, never the length of the
// part that was made (which decided `admin_enabled = true` here).
const loopCap: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'length-of-a-count-over-the-cap-is-unknown',
        files: {
          'main.tf': `resource "null_resource" "n" {
  count = 100000
}

resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Basic"
  admin_enabled       = length(null_resource.n) > 2000 ? false : true
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
        name: 'length-of-a-copy-over-the-cap-is-unknown',
        files: {
          'azuredeploy.json': JSON.stringify(
            {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              variables: { copy: [{ name: 'v', count: 1000000000, input: "[copyIndex('v')]" }] },
              resources: [
                {
                  type: 'Microsoft.ContainerRegistry/registries',
                  apiVersion: '2023-07-01',
                  name: 'acrml',
                  location: 'westeurope',
                  sku: { name: 'Basic' },
                  properties: { adminUserEnabled: "[if(greater(length(variables('v')), 2000), false, true)]" },
                },
              ],
            },
            null,
            2,
          ),
        },
      },
    ],
    invalid: [],
  },
};

/** A Bicep registry whose `properties` are written as given, beside a param `extra` that has no value. */
const acrWithProperties = (properties: string, before = ''): string => `
param extra object
${before}
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmerge'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: ${properties}
}
`;

/** An ARM registry whose `properties` are the expression given (JSON text), beside a parameter `extra` that has no value. */
const armAcrWithProperties = (properties: string): string => `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "extra": { "type": "object" } },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmerge",
      "location": "westeurope",
      "sku": { "name": "Premium" },
      "properties": ${properties}
    }
  ]
}
`;

// Objects merged with an unknown one (review 105): a key written after every unknown part is
// known (union()'s and a spread's later key wins); one written before may be overwritten.
const mergedAfterUnknown: RuleTable = {
  bicep: {
    valid: [
      { name: 'union-whose-unknown-object-comes-last', files: { 'main.bicep': acrWithProperties('union({ adminUserEnabled: true }, extra)') } },
      { name: 'spread-of-an-unknown-object-after-the-key', files: { 'main.bicep': acrWithProperties('{\n    adminUserEnabled: true\n    ...extra\n  }') } },
    ],
    invalid: [
      {
        name: 'union-whose-last-object-sets-the-key',
        files: { 'main.bicep': acrWithProperties('union(extra, {\n    adminUserEnabled: ⟦true⟧\n  })') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'key-written-after-the-spread-of-an-unknown-object',
        files: { 'main.bicep': acrWithProperties("{\n    ...extra\n    publicNetworkAccess: 'Disabled'\n    adminUserEnabled: ⟦true⟧\n  }") },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A condition not known choosing between objects of different keys: the keys both give are
        // known as both give them (README "a key only one branch has is unknown"; audit 54: all unknown).
        name: 'unknown-condition-over-objects-of-different-keys',
        files: { 'main.bicep': acrWithProperties("c ? union(base, { zoneRedundancy: 'Enabled' }) : base", "param c bool\nvar base = {\n  adminUserEnabled: ⟦true⟧\n}") },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The partly known object passes through a variable.
        name: 'union-held-by-a-variable',
        files: { 'main.bicep': acrWithProperties('acrProps', 'var acrProps = union(extra, { adminUserEnabled: ⟦true⟧ })') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
  arm: {
    valid: [
      { name: 'union-whose-unknown-object-comes-last', files: { 'azuredeploy.json': armAcrWithProperties(`"[union(createObject('adminUserEnabled', true()), parameters('extra'))]"`) } },
      // A key only one branch writes is not known.
      { name: 'unknown-condition-key-only-one-branch-writes', files: { 'azuredeploy.json': armAcrWithProperties(`"[if(empty(parameters('extra')), createObject('adminUserEnabled', true(), 'zoneRedundancy', 'Enabled'), createObject('zoneRedundancy', 'Enabled'))]"`) } },
    ],
    invalid: [
      {
        name: 'union-whose-last-object-sets-the-key',
        files: { 'azuredeploy.json': armAcrWithProperties(`⟦"[union(parameters('extra'), createObject('adminUserEnabled', true()))]"⟧`) },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // Bicep's `{ ...extra, adminUserEnabled: true }` as it compiles.
        name: 'shallowMerge-whose-last-object-sets-the-key',
        files: { 'azuredeploy.json': armAcrWithProperties(`⟦"[shallowMerge(createArray(parameters('extra'), createObject('adminUserEnabled', true())))]"⟧`) },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Review 105: a linked template named by a URL built on the template's own link — the quickstart
// `uri(parameters('_artifactsLocation'), …)` with `_artifactsLocation` defaulting to
// `deployment().properties.templateLink.uri`, or that link itself — is the file beside the
// template (ARM's uri() drops the base's last segment), evaluated with the caller's parameters as a
// `relativePath` link is. The caller's `adminUserEnabled: true` was dropped (no finding).
const NESTED_ACR = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "adminUserEnabled": { "type": "bool", "defaultValue": false } },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrlinked",
      "location": "westeurope",
      "sku": { "name": "Basic" },
      "properties": { "adminUserEnabled": "[parameters('adminUserEnabled')]" }
    }
  ]
}
`;
const ARTIFACTS_PARAMETERS = `"_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
    "_artifactsLocationSasToken": { "type": "securestring", "defaultValue": "" }`;
const linkingTemplate = (link: string, passed: string, variables = ''): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    ${ARTIFACTS_PARAMETERS}
  },${variables}
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "acr",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "${link}", "contentVersion": "1.0.0.0" },
        "parameters": { "adminUserEnabled": { "value": ${passed} } }
      }
    }
  ]
}
`;
const ARTIFACTS_LINK = "[uri(parameters('_artifactsLocation'), concat('nested/acr.json', parameters('_artifactsLocationSasToken')))]";
const ARTIFACTS_PARAMETER_FILE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "_artifactsLocation": { "value": "https://example.blob.core.windows.net/templates/" } }
}
`;
// Review 106: the linked template declares the quickstart's own `_artifactsLocation` and SAS token,
// which the caller passes on (demos/create-hpc-cluster/mainTemplate.json): it was linted on its own too.
const NESTED_ACR_DEFAULT_TRUE_WITH_ARTIFACTS = NESTED_ACR.replace(
  '"parameters": { "adminUserEnabled": { "type": "bool", "defaultValue": false } }',
  `"parameters": { "_artifactsLocation": { "type": "string" }, "_artifactsLocationSasToken": { "type": "securestring" }, "adminUserEnabled": { "type": "bool", "defaultValue": true } }`,
);
const PASSES_ARTIFACTS = `false },
          "_artifactsLocation": { "value": "[parameters('_artifactsLocation')]" },
          "_artifactsLocationSasToken": { "value": "[parameters('_artifactsLocationSasToken')]"`;
const linksBuiltOnTheTemplatesOwnLink: RuleTable = {
  arm: {
    valid: [
      {
        // The caller passes false to a template whose default is true: judged with the caller's value, not on its own.
        name: 'artifacts-location-caller-value-wins-over-the-linked-default',
        files: { 'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, 'false'), 'nested/acr.json': NESTED_ACR.replace('"defaultValue": false', '"defaultValue": true') },
      },
      {
        // Review 106 (HIGH): the parameters the caller passes to the linked template are that
        // template's, not the caller's: they do not make the caller's own link uncertain.
        name: 'artifacts-parameters-passed-on-to-the-linked-template',
        files: { 'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, PASSES_ARTIFACTS), 'nested/acr.json': NESTED_ACR_DEFAULT_TRUE_WITH_ARTIFACTS },
      },
      {
        // …also when the caller has a parameter file that gives others of its parameters.
        name: 'artifacts-parameters-passed-on-with-a-parameter-file-of-the-caller',
        files: {
          'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, PASSES_ARTIFACTS).replace(ARTIFACTS_PARAMETERS, `${ARTIFACTS_PARAMETERS},\n    "sku": { "type": "string", "defaultValue": "Basic" }`),
          'azuredeploy.parameters.dev.json': ARTIFACTS_PARAMETER_FILE.replace('"_artifactsLocation": { "value": "https://example.blob.core.windows.net/templates/" }', '"sku": { "value": "Standard" }'),
          'nested/acr.json': NESTED_ACR_DEFAULT_TRUE_WITH_ARTIFACTS,
        },
      },
      {
        // Review 106 (HIGH): the file's name held by a variable; planning read only literals.
        name: 'relative-part-in-a-variable',
        files: {
          'azuredeploy.json': linkingTemplate(
            "[uri(parameters('_artifactsLocation'), concat(variables('acrTemplateFile'), parameters('_artifactsLocationSasToken')))]",
            'false',
            `\n  "variables": { "acrTemplateFile": "nested/acr.json" },`,
          ),
          'nested/acr.json': NESTED_ACR.replace('"defaultValue": false', '"defaultValue": true'),
        },
      },
      {
        // Review 106 (HIGH): a relative part only the evaluation knows (an array's item by
        // copyIndex()): the evaluation follows the link, so the file is not linted alone.
        name: 'relative-part-only-the-evaluation-knows',
        files: {
          'azuredeploy.json': linkingTemplate("[uri(parameters('_artifactsLocation'), concat(variables('templates')[copyIndex()], parameters('_artifactsLocationSasToken')))]", 'false', `\n  "variables": { "templates": ["nested/acr.json"] },`).replace(
            '"name": "acr",',
            '"name": "[concat(\'acr\', copyIndex())]", "copy": { "name": "acrs", "count": 1 },',
          ),
          'nested/acr.json': NESTED_ACR.replace('"defaultValue": false', '"defaultValue": true'),
        },
      },
    ],
    invalid: [
      {
        name: 'artifacts-location-default-is-the-templates-own-link',
        files: { 'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, '⟦true⟧'), 'nested/acr.json': NESTED_ACR },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
        related: [{ file: 'azuredeploy.json', label: 'deployment parameter "adminUserEnabled"' }, { file: 'nested/acr.json', label: 'attribute properties.adminUserEnabled' }],
      },
      {
        name: 'uri-of-deployment-templatelink-uri',
        files: { 'azuredeploy.json': linkingTemplate("[uri(deployment().properties.templateLink.uri, 'nested/acr.json')]", '⟦true⟧'), 'nested/acr.json': NESTED_ACR },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // The link in a variable, its relative part a parameter's default (the quickstart prerequisites' shape), `..` resolved.
        name: 'link-in-a-variable-relative-part-in-a-parameter',
        files: {
          'main/azuredeploy.json': linkingTemplate(
            "[variables('acrUrl')]",
            '⟦true⟧',
            `\n  "variables": { "acrUrl": "[uri(parameters('_artifactsLocation'), concat(parameters('acrPath'), parameters('_artifactsLocationSasToken')))]" },`,
          ).replace(ARTIFACTS_PARAMETERS, `${ARTIFACTS_PARAMETERS},\n    "acrPath": { "type": "string", "defaultValue": "../shared/acr.json" }`),
          'shared/acr.json': NESTED_ACR,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // Review 106: in an outer-scope wrapper deployment, `_artifactsLocation` is the file's own
        // parameter, evaluated in its deployment: its default is the file's URL.
        name: 'link-in-an-outer-scope-wrapper-on-the-files-artifacts-location',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { ${ARTIFACTS_PARAMETERS} },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "wrapper",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "outer" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Resources/deployments",
              "apiVersion": "2022-09-01",
              "name": "acr",
              "properties": {
                "mode": "Incremental",
                "templateLink": { "uri": "${ARTIFACTS_LINK}" },
                "parameters": { "adminUserEnabled": { "value": ⟦true⟧ } }
              }
            }
          ]
        }
      }
    }
  ]
}
`,
          'nested/acr.json': NESTED_ACR,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        // A parameter file gives `_artifactsLocation`: any URL, not guessed at. The file beside is
        // linted on its own, with its defaults (true here), and --verbose says why (describe below).
        name: 'artifacts-location-given-by-a-parameter-file-is-not-guessed',
        files: {
          'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, 'false'),
          'azuredeploy.parameters.json': ARTIFACTS_PARAMETER_FILE,
          'nested/acr.json': NESTED_ACR.replace('"adminUserEnabled": { "type": "bool", "defaultValue": false }', '"adminUserEnabled": { "type": "bool", "defaultValue": ⟦true⟧ }'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// Terraform converts a value to the type that receives it: a bool or number given to a `string`
// variable is its text, and a conditional's branches share one type (audit 54: `"false"` was read as `false`).
const ACR_WITH = (admin: string, vars: string): string =>
  `${vars}\nresource "azurerm_container_registry" "a" {\n  name                = "a"\n  resource_group_name = "rg"\n  location            = "westeurope"\n  sku                 = "Premium"\n  admin_enabled       = ${admin}\n}\n`;
const stringConversion: RuleTable = {
  terraform: {
    valid: [
      { name: 'bool-default-of-a-string-variable-compared-as-text', files: { 'main.tf': ACR_WITH('var.admin == "false" ? false : true', 'variable "admin" {\n  type    = string\n  default = false\n}') } },
      { name: 'number-in-an-object-of-strings-compared-as-text', files: { 'main.tf': ACR_WITH('contains(var.cfg.ids, "2")', 'variable "cfg" {\n  type    = object({ ids = list(string) })\n  default = { ids = [1, 3] }\n}') } },
    ],
    invalid: [
      {
        name: 'module-argument-true-for-a-string-variable',
        files: {
          'main.tf': 'module "a" {\n  source = "./acr"\n  admin  = ⟦true⟧\n}\n',
          'acr/main.tf': ACR_WITH('contains(["enabled", "true"], var.admin)', 'variable "admin" {\n  type = string\n}'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
      {
        name: 'conditional-of-a-number-and-a-string-is-text',
        files: { 'main.tf': ACR_WITH('(var.use_default ? 1 : "custom") == "1"', 'variable "use_default" {\n  default = ⟦true⟧\n}') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

// A Bicep expression too deep for the call stack (a flat chain of 3,000 operators: hostile input)
// is unknown with EVAL001 at it; the resource's other properties are still linted (audit 54: the
// whole resource was dropped with an internal-error note).
const tooDeepForTheStack: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'a-variable-of-a-3000-term-chain-read-by-the-tags',
        files: {
          'main.bicep': `var total = ${Array(3000).fill('1').join(' + ')}\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n  tags: { n: string(total), m: '\${total}' }\n  properties: { adminUserEnabled: ⟦true⟧ }\n}\n`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminUser',
      },
    ],
  },
};

ruleTester('ACR001', converted, stringConversion, tooDeepForTheStack, azureCli, azapiBodyMembers, bicepNamespaceImport, bicepparamExtends, armParameterFileNames, loopCap, linksBuiltOnTheTemplatesOwnLink, mergedAfterUnknown);

// RULES.md "Where an unknown value hides a possible finding, the run records it": a link the
// linter does not follow to the file beside the template says so under --verbose, with why.
describe('a link built on _artifactsLocation that is not followed', () => {
  const { tree, cleanup } = tempTrees('acr001-artifacts-');
  afterAll(cleanup);
  const notFollowed = async (files: Record<string, string>): Promise<string[]> => {
    const dir = tree(files);
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001', 'EVAL002'] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL002')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'EVAL002').map((u) => `${u.address}: ${u.reason}`);
  };

  it('is listed when a parameter file gives _artifactsLocation', async () => {
    expect(await notFollowed({ 'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, 'true'), 'azuredeploy.parameters.json': ARTIFACTS_PARAMETER_FILE, 'nested/acr.json': NESTED_ACR })).toEqual([
      "deployment(acr): its template nested/acr.json is linted on its own with its defaults, not with the values this deployment passes: its base, parameter '_artifactsLocation', is given a value (azuredeploy.parameters.json:4), which may be any URL",
    ]);
  });

  it('is listed when _artifactsLocation has no default', async () => {
    const template = linkingTemplate(ARTIFACTS_LINK, 'true').replace('"defaultValue": "[deployment().properties.templateLink.uri]" ', '');
    expect(await notFollowed({ 'azuredeploy.json': template, 'nested/acr.json': NESTED_ACR })).toEqual([expect.stringContaining("its base, parameter '_artifactsLocation', does not default to this template's own link")]);
  });

  it('is not listed when the link is followed', async () => {
    expect(await notFollowed({ 'azuredeploy.json': linkingTemplate(ARTIFACTS_LINK, 'true'), 'nested/acr.json': NESTED_ACR })).toEqual([]);
  });
});

// Review 105: a parameter file that pairs with no template was dropped without a word; --verbose
// lists it with why and how to name it (RULES.md "Variants": "ARM: once per paired parameter file").
describe('an ARM parameter file that pairs with no template', () => {
  const { tree, cleanup } = tempTrees('acr001-unpaired-');
  afterAll(cleanup);
  const skipped = async (files: Record<string, string>): Promise<string[]> => {
    const dir = tree(files);
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'] });
    return r.skipped.map((s) => `${path.relative(dir, s.file).split(path.sep).join('/')}: ${s.reason}`);
  };

  it('is listed with the templates it could be named for', async () => {
    expect(await skipped({ 'main.json': ARM_MAIN, 'live-settings.json': ARM_PARAMS('true'), 'params/custom.json': ARM_PARAMS('true') })).toEqual([
      "live-settings.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name names no template by the pairing conventions (main.json beside it); name it main.parameters.json or main.parameters.<env>.json, or set its metadata.template to the template's path",
      "params/custom.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name names no template by the pairing conventions (main.json one folder up); name it main.parameters.json or main.parameters.<env>.json, or set its metadata.template to the template's path",
    ]);
  });

  it('says why an environment-named file in a parameter folder pairs with neither of two templates', async () => {
    expect(await skipped({ 'main.json': ARM_MAIN, 'azuredeploy.json': ARM_MAIN, 'parameters/prod.json': ARM_PARAMS('true') })).toEqual([
      expect.stringContaining('its name says an environment but no template, and main.json and azuredeploy.json are both one folder up; name it <template>.parameters.prod.json'),
    ]);
  });

  it('says which parameter the one template one folder up does not declare', async () => {
    const prod = ARM_PARAMS('true').replace('"parameters": {', '"parameters": { "vnetName": { "value": "vnet-prod" },');
    expect(await skipped({ 'main.json': ARM_MAIN, 'parameters/prod.json': prod })).toEqual([
      "parameters/prod.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name says an environment but no template, and main.json one folder up does not declare parameter 'vnetName', which this file gives (Azure refuses such a pair); name it <template>.parameters.prod.json, or set its metadata.template to the template's path",
    ]);
  });

  it('says when its metadata.template names no template of the scan', async () => {
    const prod = ARM_PARAMS('true').replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",\n  "metadata": { "template": "../missing.json" },');
    expect(await skipped({ 'network.json': ARM_MAIN, 'parameters/prod.json': prod })).toEqual([
      'parameters/prod.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its metadata.template names ../missing.json, which is not a template among the scanned files; add that template to the scan, or correct the path',
    ]);
  });

  // Review 126: a name that says only an environment (`parameters-prod.json`, `prod-parameters.json`,
  // `params.prod.json`) spells no template: beside one conventional template that declares what it
  // gives, it pairs; beside two, or with a parameter that one does not declare, it pairs with none.
  it('an environment-named file pairs with the first conventional template that declares what it gives, else with none', async () => {
    const withVnet = ARM_PARAMS('true').replace('"parameters": {', '"parameters": { "vnetName": { "value": "vnet-prod" },');
    const network = ARM_MAIN.replace('"admin"', '"vnetName": { "type": "string" }, "admin"');
    // (main.json, then azuredeploy.json, then template.json: the first that fits.)
    expect(await skipped({ 'main.json': ARM_MAIN, 'azuredeploy.json': ARM_MAIN, 'parameters-prod.json': ARM_PARAMS('true') })).toEqual([]);
    expect(await skipped({ 'main.json': ARM_MAIN, 'azuredeploy.json': network, 'parameters-prod.json': withVnet })).toEqual([]);
    expect(await skipped({ 'main.json': ARM_MAIN, 'azuredeploy.json': ARM_MAIN, 'parameters-prod.json': withVnet })).toEqual([
      "parameters-prod.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name says an environment but no template, and main.json beside it does not declare parameter 'vnetName', which this file gives (nor does azuredeploy.json) (Azure refuses such a pair); name it <template>.parameters.prod.json, or set its metadata.template to the template's path",
    ]);
    expect(await skipped({ 'main.json': ARM_MAIN, 'network.json': network, 'prod-parameters.json': withVnet })).toEqual([
      "prod-parameters.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name says an environment but no template, and main.json beside it does not declare parameter 'vnetName', which this file gives (Azure refuses such a pair); name it <template>.parameters.prod.json, or set its metadata.template to the template's path",
    ]);
    expect(await skipped({ 'infra/main.json': ARM_MAIN, 'infra/parameters/parameters-prod.json': withVnet })).toEqual([
      expect.stringContaining("main.json one folder up does not declare parameter 'vnetName'"),
    ]);
    // In a parameter folder: one folder up, then the one sibling folder, the first that declares what it gives (review 128).
    expect(await skipped({ 'infra/main.json': ARM_MAIN, 'infra/templates/main.json': network, 'infra/parameters/params.prod.json': withVnet })).toEqual([]);
    expect(await skipped({ 'infra/main.json': ARM_MAIN, 'infra/azuredeploy.json': network, 'infra/parameters/params.prod.json': withVnet })).toEqual([]);
    // In a parameter folder, a template in the one sibling folder too (review 127: it was dropped).
    expect(await skipped({ 'infra/templates/main.json': ARM_MAIN, 'infra/parameters/params.prod.json': ARM_PARAMS('true') })).toEqual([]);
    expect(await skipped({ 'infra/templates/main.json': ARM_MAIN, 'infra/parameters/params.prod.json': withVnet })).toEqual([
      expect.stringContaining("main.json in a sibling folder does not declare parameter 'vnetName'"),
    ]);
    // A `.bicep` file's parameters decide as a template's do.
    const bicep = "param admin bool = false\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrml'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n  properties: { adminUserEnabled: admin }\n}\n";
    expect(await skipped({ 'main.bicep': bicep, 'parameters-prod.json': withVnet })).toEqual([
      "parameters-prod.json: pairs with no template, so none is evaluated with its values (SEC001 still reads them): its name says an environment but no template, and main.bicep beside it does not declare parameter 'vnetName', which this file gives (Azure refuses such a pair); name it <template>.parameters.prod.json, or set its metadata.template to the template's path",
    ]);
    expect(await skipped({ 'main.bicep': bicep, 'parameters-prod.json': ARM_PARAMS('true') })).toEqual([]);
  });

  // Review 128: a `.bicep` without a compiled twin beside an ARM template — the file goes with the
  // first candidate (main.bicep), evaluated once, by the Bicep front end, never by both.
  it('a file named for an environment beside main.bicep and an ARM azuredeploy.json is evaluated once', async () => {
    const dir = tree({
      'main.bicep': "param admin bool = false\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrml'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n  properties: { adminUserEnabled: admin }\n}\n",
      'azuredeploy.json': ARM_MAIN,
      'params.prod.json': ARM_PARAMS('true'),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'] });
    expect(r.findings.map((f) => [path.relative(dir, f.location.file), f.location.range.start.line, f.related.map((l) => path.basename(l.file)).sort().join(',')])).toEqual([['params.prod.json', 4, 'main.bicep,main.bicep']]);
  });

  it('is not listed when it pairs', async () => {
    expect(await skipped({ 'main.json': ARM_MAIN, 'main.parameters-live.json': ARM_PARAMS('true'), 'parameters/prod.json': ARM_PARAMS('true') })).toEqual([]);
  });
});
