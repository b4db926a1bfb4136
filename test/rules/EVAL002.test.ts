/**
 * EVAL002 (remote-module-not-evaluated): a registry or remote module with no local copy the
 * linter may read; the resources it creates are not checked. One note per call, at its source.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

const KV_MODULE = `
variable "name" {
  type = string
}
`;

const manifest = (...records: { Key: string; Source: string; Version?: string; Dir: string }[]): string =>
  JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...records] });

const table: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'local-module',
        files: {
          'main.tf': `
module "kv" {
  source = "./kv"
  name   = "kv-ml"
}
`,
          'kv/main.tf': KV_MODULE,
        },
      },
      {
        name: 'copy-from-terraform-init',
        files: {
          'main.tf': `
module "kv" {
  source  = "Azure/avm-res-keyvault-vault/azurerm"
  version = "~> 0.10"
  name    = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': KV_MODULE,
        },
      },
      {
        name: 'git-source-with-copy',
        files: {
          'main.tf': `
module "kv" {
  source = "git::https://example.com/modules/kv.git?ref=v1.0.0"
  name   = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'git::https://example.com/modules/kv.git?ref=v1.0.0', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': KV_MODULE,
        },
      },
    ],
    invalid: [
      {
        name: 'registry-module-without-init',
        files: {
          'main.tf': `
module "kv" {
  source  = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  version = "0.10.1"
  name    = "kv-ml"
}
`,
        },
        level: 'note',
        env: 'unknown',
        message:
          'Module "kv" ("Azure/avm-res-keyvault-vault/azurerm") is not evaluated, so the resources it creates are not checked: no module manifest (.terraform/modules/modules.json): run `terraform init` before linting (or pass --tf-data-dir when TF_DATA_DIR is set).',
      },
      {
        // The manifest names a copy folder that is not there (a partial .terraform cache): said so, from the scan root.
        name: 'copy-folder-missing',
        files: {
          'main.tf': `
module "kv" {
  source  = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  version = "0.10.1"
  name    = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' }),
        },
        level: 'note',
        env: 'unknown',
        message:
          'Module "kv" ("Azure/avm-res-keyvault-vault/azurerm") is not evaluated, so the resources it creates are not checked: the module manifest\'s copy (.terraform/modules/kv) is missing or leads out of the scanned folder (run `terraform init` again).',
      },
      {
        // A manifest cut short is no manifest, but not "no module manifest" either.
        name: 'manifest-not-json',
        files: {
          'main.tf': `
module "kv" {
  source  = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  version = "0.10.1"
  name    = "kv-ml"
}
`,
          '.terraform/modules/modules.json': '{"Modules":[{"Key":"kv",',
        },
        level: 'note',
        env: 'unknown',
        message:
          'Module "kv" ("Azure/avm-res-keyvault-vault/azurerm") is not evaluated, so the resources it creates are not checked: the module manifest (.terraform/modules/modules.json) cannot be read: it is not valid JSON (run `terraform init` again).',
      },
      {
        name: 'stale-version',
        files: {
          'main.tf': `
module "kv" {
  source  = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  version = "0.11.0"
  name    = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': KV_MODULE,
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: `the module manifest's copy is version 0.10.1, which "0.11.0" does not admit (stale: run \`terraform init\` again)`,
      },
      {
        name: 'other-source-under-the-key',
        files: {
          'main.tf': `
module "kv" {
  source = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  name   = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/contoso/kv/azurerm', Version: '1.0.0', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': KV_MODULE,
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'the module manifest\'s copy is of "registry.terraform.io/contoso/kv/azurerm", not this source',
      },
      {
        // A remote call inside a copy with no entry of its own: said at the user's call.
        name: 'nested-call-without-entry',
        files: {
          'main.tf': `
⟦module "kv" {⟧
  source  = "Azure/avm-res-keyvault-vault/azurerm"
  version = "0.10.1"
  name    = "kv-ml"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': `${KV_MODULE}
module "naming" {
  source  = "Azure/naming/azurerm"
  version = "0.4.2"
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'the module manifest has no entry "kv.naming"',
      },
      {
        name: 'call-with-no-instance-in-this-variant',
        files: {
          'main.tf': `
variable "secrets" {
  type    = map(string)
  default = {}
}

module "dynamic_keyvault_secrets" {
  source   = ⟦"aztfmod/caf/azurerm//modules/security/dynamic_keyvault_secrets"⟧
  version  = "5.7.11"
  for_each = var.secrets
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'one-note-per-call-across-variants',
        files: {
          'main.tf': `
variable "environment" {
  type = string
}

module "kv" {
  source = ⟦"Azure/avm-res-keyvault-vault/azurerm"⟧
  name   = "kv-\${var.environment}"
}
`,
          'dev.tfvars': 'environment = "dev"\n',
          'prod.tfvars': 'environment = "prod"\n',
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'local-module',
        files: {
          'main.bicep': `
module kv './kv.bicep' = {
  name: 'kv'
  params: {
    name: 'kv-ml'
  }
}
`,
          'kv.bicep': `
param name string
`,
        },
      },
      {
        // A deployment resource linking a template that sits beside the file (artifacts location).
        name: 'deployment-resource-linking-a-file-beside-it',
        files: {
          'main.bicep': `
param artifactsLocation string = deployment().properties.templateLink.uri
var kvTemplate = uri(artifactsLocation, 'nestedtemplates/kv.json')

resource kv 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'kv'
  properties: {
    mode: 'Incremental'
    templateLink: {
      uri: kvTemplate
    }
  }
}
`,
          'nestedtemplates/kv.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'br-public-module-without-twin',
        files: {
          'main.bicep': `
module pe ⟦'br/public:avm/res/network/private-endpoint:0.11.0'⟧ = {
  name: 'pe'
  params: {
    name: 'pe-kv'
  }
}
`,
        },
        level: 'note',
        env: 'unknown',
        message:
          'Module "pe" ("br/public:avm/res/network/private-endpoint:0.11.0") is not evaluated, so the resources it creates are not checked: no compiled twin (`bicep build`) beside the file holds its body.',
      },
      {
        name: 'registry-module-looped-over-an-empty-array',
        files: {
          'main.bicep': `
param privateEndpoints array = []

module pe ⟦'br/public:avm/res/network/private-endpoint:0.11.1'⟧ = [for (ep, i) in privateEndpoints: {
  name: 'pe-\${i}'
  params: {
    name: ep.name
  }
}]
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'template-spec-module',
        files: {
          'main.bicep': `
module kv ⟦'ts:00000000-0000-0000-0000-000000000000/rg-specs/kv:1.0'⟧ = {
  name: 'kv'
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        // A deployment resource whose template Azure fetches by URL: the same remote module.
        name: 'deployment-resource-with-linked-template',
        files: {
          'main.bicep': `
var workspaceTemplate = 'https://raw.githubusercontent.com/example/templates/main/ml-workspace.json'

resource ml 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'ml'
  properties: {
    mode: 'Incremental'
    templateLink: {
      uri: ⟦workspaceTemplate⟧
    }
    parameters: {
      workspaceName: { value: 'mlw-demo' }
    }
  }
}
`,
        },
        level: 'note',
        env: 'unknown',
        message:
          'Module "ml" ("https://raw.githubusercontent.com/example/templates/main/ml-workspace.json") is not evaluated, so the resources it creates are not checked: its template is linked by URL (templateLink.uri), which Azure fetches when it deploys.',
      },
    ],
  },
  arm: {
    valid: [
      {
        // A relativePath link names a file of the repository, evaluated through the deployment.
        name: 'linked-template-by-relative-path',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": { "mode": "Incremental", "templateLink": { "relativePath": "nested/kv.json" } } }
  ]
}
`,
          'nested/kv.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`,
        },
      },
      {
        // The quickstart layout: _artifactsLocation is the folder the template was deployed from,
        // so the linked file beside it is the copy Azure is given, linted on its own.
        name: 'linked-template-beside-the-template-via-artifacts-location',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
    "_artifactsLocationSasToken": { "type": "securestring", "defaultValue": "" }
  },
  "variables": { "kvTemplate": "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/kv.json', parameters('_artifactsLocationSasToken')))]" },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": { "mode": "Incremental", "templateLink": { "uri": "[variables('kvTemplate')]" } } }
  ]
}
`,
          'nestedtemplates/kv.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`,
        },
      },
      {
        // The file name two variables deep, as a bare value (Azure/MLWorkbenchTemplate): still the file beside the template.
        name: 'linked-template-named-through-a-chain-of-variables',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
    "_artifactsLocationSasToken": { "type": "securestring", "defaultValue": "" }
  },
  "variables": {
    "kvFile": "kv.json",
    "kvUrl": "[concat(parameters('_artifactsLocation'), '/', variables('kvFile'), parameters('_artifactsLocationSasToken'))]"
  },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": { "mode": "Incremental", "templateLink": { "uri": "[variables('kvUrl')]" } } }
  ]
}
`,
          'kv.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`,
        },
      },
      {
        // The relative path in a parameter's default, as machine-learning-service-create-aks' prerequisites write it.
        name: 'linked-template-path-in-a-parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
    "computeTemplatePath": { "type": "string", "defaultValue": "compute-azuredeploy.json" }
  },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "compute", "properties": { "mode": "Incremental", "templateLink": { "uri": "[uri(parameters('_artifactsLocation'), parameters('computeTemplatePath'))]" } } }
  ]
}
`,
          'compute-azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`,
        },
      },
    ],
    invalid: [
      {
        // The quickstart prerequisite shape: the workspace comes from a template fetched by URL.
        name: 'linked-template-by-uri',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "_artifactsLocation": { "type": "string", "defaultValue": "https://example.org/templates/" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "ml",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": ⟦"[uri(parameters('_artifactsLocation'), 'ml-workspace.json')]"⟧, "contentVersion": "1.0.0.0" },
        "parameters": { "workspaceName": { "value": "mlw-demo" } }
      }
    }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'Module "ml" ("[uri(parameters(\'_artifactsLocation\'), \'ml-workspace.json\')]") is not evaluated, so the resources it creates are not checked: its template is linked by URL (templateLink.uri)',
      },
      {
        name: 'template-spec-deployment',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": { "mode": "Incremental", "templateLink": { "id": ⟦"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/specs/providers/Microsoft.Resources/templateSpecs/kv/versions/1.0"⟧ } } }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'its template is a template spec (templateLink.id)',
      },
    ],
  },
};

ruleTester('EVAL002', table);
