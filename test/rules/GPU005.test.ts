/**
 * GPU005 (gpu-size-into-opaque-module): a GPU-named argument of a module that is not
 * evaluated (a registry module without a local copy) gets a size without a GPU.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

const MANIFEST = JSON.stringify({
  Modules: [
    { Key: '', Source: '', Dir: '.' },
    { Key: 'aks_gpu', Source: 'registry.terraform.io/contoso/aks-gpu/azurerm', Version: '1.2.0', Dir: '.terraform/modules/aks_gpu' },
  ],
});

/** terraform init's manifest of a registry module "aks" copied to .terraform/modules/aks. */
const AKS_COPY_MANIFEST = JSON.stringify({
  Modules: [
    { Key: '', Source: '', Dir: '.' },
    { Key: 'aks', Source: 'registry.terraform.io/contoso/aks/azurerm', Version: '1.0.0', Dir: '.terraform/modules/aks' },
  ],
});

/** The copy's call of another registry module with its own size variable (`gpu_vm_size`, declared with `declaration`). */
const copyCallingPool = (declaration: string): string => `
variable "gpu_vm_size" {
  ${declaration}
}
module "pool" {
  source      = "contoso/gpu-pool/azurerm"
  version     = "2.0.0"
  gpu_vm_size = var.gpu_vm_size
}
`;

const table: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'gpu-size-into-registry-module',
        files: {
          'main.tf': `
module "aks_gpu" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "1.2.0"
  gpu_vm_size = "Standard_NC16as_T4_v3"
}
`,
        },
      },
      {
        name: 'cpu-size-into-a-cpu-named-argument',
        files: {
          'main.tf': `
module "aks" {
  source       = "contoso/aks/azurerm"
  version      = "1.2.0"
  node_vm_size = "Standard_D16s_v5"
}
`,
        },
      },
      {
        name: 'fpga-named-not-gpu-named',
        files: {
          'main.tf': `
module "fpga" {
  source   = "contoso/fpga/azurerm"
  fpga_sku = "Standard_D4s_v5"
}
`,
        },
      },
      {
        name: 'unknown-size',
        files: {
          'main.tf': `
variable "gpu_node_size" {
  type = string
}

module "aks_gpu" {
  source        = "contoso/aks-gpu/azurerm"
  gpu_node_size = var.gpu_node_size
}
`,
        },
      },
      {
        name: 'not-a-vm-size',
        files: {
          'main.tf': `
module "aks_gpu" {
  source  = "contoso/aks-gpu/azurerm"
  gpu_sku = "a100"
}
`,
        },
      },
      {
        // With terraform init's copy the module is evaluated: GPU001 judges the pool itself.
        name: 'evaluated-from-the-manifest',
        files: {
          'main.tf': `
module "aks_gpu" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "~> 1.2"
  gpu_vm_size = "Standard_D16s_v5"
}
`,
          '.terraform/modules/modules.json': MANIFEST,
          '.terraform/modules/aks_gpu/main.tf': `
variable "gpu_vm_size" {
  type = string
}
`,
        },
      },
      {
        name: 'local-module',
        files: {
          'main.tf': `
module "aks_gpu" {
  source      = "./aks"
  gpu_vm_size = "Standard_D16s_v5"
}
`,
          'aks/main.tf': `
variable "gpu_vm_size" {
  type = string
}
`,
        },
      },
    ],
    invalid: [
      {
        // Two module blocks passing one variable: a finding each at its default (a module block inside
        // a local module called twice stays one finding: one declaration).
        name: 'two-module-calls-share-a-variable',
        files: {
          'main.tf': `
variable "gpu_vm_size" {
  type    = string
  default = ⟦⟦"Standard_D4s_v5"⟧⟧
}

module "train" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "1.2.0"
  gpu_vm_size = var.gpu_vm_size
}

module "infer" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "1.2.0"
  gpu_vm_size = var.gpu_vm_size
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // One module block in a local module that two calls use: one declaration, one finding.
        name: 'one-module-block-called-twice',
        files: {
          'main.tf': 'module "a" {\n  source = "./mod"\n}\n\nmodule "b" {\n  source = "./mod"\n}\n',
          'mod/main.tf': 'variable "gpu_vm_size" {\n  default = ⟦"Standard_D4s_v5"⟧\n}\n\nmodule "reg" {\n  source      = "contoso/aks-gpu/azurerm"\n  version     = "1.0.0"\n  gpu_vm_size = var.gpu_vm_size\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        // A list of sizes under a GPU-size name: the non-GPU entry is the finding, at that entry.
        name: 'cpu-size-in-a-list-of-gpu-sizes',
        files: {
          'main.tf': `
module "aks_gpu" {
  source       = "contoso/aks-gpu/azurerm"
  version      = "1.2.0"
  gpu_vm_sizes = ["Standard_NC24ads_A100_v4", ⟦"Standard_D16s_v5"⟧]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'cpu-size-literal',
        files: {
          'main.tf': `
module "aks_gpu" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "1.2.0"
  gpu_vm_size = ⟦"Standard_D16s_v5"⟧
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
        message:
          'Argument "gpu_vm_size" of module "aks_gpu" ("contoso/aks-gpu/azurerm", not evaluated) names a GPU size but gets "Standard_D16s_v5", which has no GPU; pass a size of a GPU family (NC, ND, NG, NV).',
      },
      {
        name: 'fpga-size-from-a-variable-default',
        files: {
          'main.tf': `
variable "gpu_node_size" {
  type    = string
  default = ⟦"Standard_NP10s"⟧
}

module "aks_gpu" {
  source        = "git::https://example.com/aks-gpu.git?ref=v1"
  gpu_node_size = var.gpu_node_size
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'gets "Standard_NP10s", which has no GPU',
        related: [{ file: 'main.tf', line: 8, label: 'argument "gpu_node_size"' }],
      },
      {
        // A registry call written inside terraform init's copy of the user's registry module: no
        // place shown is under .terraform/ (FORMATS.md "Remote modules"). The size is the copy's
        // own default: the finding is at the user's call into the copy.
        name: 'registry-call-inside-a-module-copy-default',
        files: {
          'main.tf': `
⟦module "aks" {⟧
  source  = "contoso/aks/azurerm"
  version = "1.0.0"
}
`,
          '.terraform/modules/modules.json': AKS_COPY_MANIFEST,
          '.terraform/modules/aks/main.tf': copyCallingPool('default = "Standard_D16s_v5"'),
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Argument "gpu_vm_size" of module "pool" ("contoso/gpu-pool/azurerm", not evaluated) names a GPU size but gets "Standard_D16s_v5"',
      },
      {
        // The same size given by the user's call: the finding is at that argument's value.
        name: 'registry-call-inside-a-module-copy-argument',
        files: {
          'main.tf': `
module "aks" {
  source      = "contoso/aks/azurerm"
  version     = "1.0.0"
  gpu_vm_size = ⟦"Standard_D16s_v5"⟧
}
`,
          '.terraform/modules/modules.json': AKS_COPY_MANIFEST,
          '.terraform/modules/aks/main.tf': copyCallingPool('type = string'),
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'gets "Standard_D16s_v5"',
      },
      {
        name: 'stale-manifest-entry',
        files: {
          'main.tf': `
module "aks_gpu" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "2.0.0"
  gpu_vm_size = ⟦"Standard_D16s_v5"⟧
}
`,
          '.terraform/modules/modules.json': MANIFEST,
          '.terraform/modules/aks_gpu/main.tf': `
variable "gpu_vm_size" {
  type = string
}
`,
        },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // A local module whose file is missing is no registry module: EVAL001 says it is not read (review 112).
        name: 'missing-local-module',
        files: { 'main.bicep': "module pool 'modules/gpu-pool.bicep' = {\n  name: 'pool'\n  params: { gpuVmSize: 'Standard_D16s_v5' }\n}\n" },
      },
      {
        name: 'gpu-size',
        files: {
          'main.bicep': `
module aksGpu 'br:myregistry.azurecr.io/bicep/modules/aks-gpu:v1.2.0' = {
  name: 'aks-gpu'
  params: {
    gpuVmSize: 'Standard_NC6s_v3'
  }
}
`,
        },
      },
      {
        name: 'local-module',
        files: {
          'main.bicep': `
module aksGpu './aks.bicep' = {
  name: 'aks-gpu'
  params: {
    gpuVmSize: 'Standard_D16s_v5'
  }
}
`,
          'aks.bicep': `
param gpuVmSize string
`,
        },
      },
    ],
    invalid: [
      {
        // RULES.md "Values chosen by a condition": the input that decided the conditional is the location.
        name: 'size-chosen-by-a-default-object',
        files: {
          'main.bicep': `param sizes object = ⟦{}⟧
module aks 'br:example.azurecr.io/aks-gpu:1.0.0' = {
  name: 'aks'
  params: {
    gpuVmSize: sizes.?gpu ?? 'Standard_D4s_v5'
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
      {
        name: 'size-chosen-by-the-environment-parameter',
        files: {
          'main.bicep': `param environmentName string
module aks 'br:example.azurecr.io/aks-gpu:1.0.0' = {
  name: 'aks'
  params: {
    gpuVmSize: environmentName == 'prod' ? 'Standard_NC24ads_A100_v4' : 'Standard_D4s_v5'
  }
}
`,
          'params/dev.bicepparam': "using '../main.bicep'\nparam environmentName = ⟦'dev'⟧\n",
        },
        level: 'warning',
        env: 'nonprod',
        messageId: 'notGpuSize',
      },
      {
        // The AI-infrastructure book's registry example with the "$4,000 typo".
        name: 'cpu-size-into-br-module',
        files: {
          'main.bicep': `
module aksGpu 'br:myregistry.azurecr.io/bicep/modules/aks-gpu:v1.2.0' = {
  name: 'aks-gpu'
  params: {
    gpuVmSize: ⟦'Standard_D16s_v5'⟧
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        message:
          'Argument "gpuVmSize" of module "aksGpu" ("br:myregistry.azurecr.io/bicep/modules/aks-gpu:v1.2.0", not evaluated) names a GPU size but gets "Standard_D16s_v5", which has no GPU; pass a size of a GPU family (NC, ND, NG, NV).',
      },
      {
        // Size names are case-insensitive (GPU004 matches them so): a lower-case CPU size is still a size.
        name: 'lower-case-cpu-size',
        files: {
          'main.bicep': `
module aksGpu 'br:myregistry.azurecr.io/bicep/modules/aks-gpu:v1.2.0' = {
  name: 'aks-gpu'
  params: {
    gpuPoolVmSize: ⟦'standard_d8s_v5'⟧
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'gets "standard_d8s_v5", which has no GPU',
      },
      {
        name: 'size-from-a-param-default',
        files: {
          'main.bicep': `
param gpuSku string = ⟦'Standard_E4s_v3'⟧

module aksGpu 'br/public:avm/ptn/aks-gpu:0.1.0' = {
  name: 'aks-gpu'
  params: {
    gpu_sku: gpuSku
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'gets "Standard_E4s_v3"',
      },
    ],
  },
  azapi: {
    valid: [
      {
        // An azapi configuration calling a registry module: the argument is the same.
        name: 'gpu-size-into-registry-module',
        files: {
          'main.tf': `
resource "azapi_resource" "rg" {
  type     = "Microsoft.Resources/resourceGroups@2024-03-01"
  name     = "rg-ml"
  location = "westeurope"
}

module "aks_gpu" {
  source      = "contoso/aks-gpu/azapi"
  version     = "1.0.0"
  parent_id   = azapi_resource.rg.id
  gpu_vm_size = "Standard_NC24ads_A100_v4"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'cpu-size-into-registry-module',
        files: {
          'main.tf': `
resource "azapi_resource" "rg" {
  type     = "Microsoft.Resources/resourceGroups@2024-03-01"
  name     = "rg-ml"
  location = "westeurope"
}

module "aks_gpu" {
  source      = "contoso/aks-gpu/azapi"
  version     = "1.0.0"
  parent_id   = azapi_resource.rg.id
  gpu_vm_size = ⟦"Standard_D16s_v5"⟧
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Argument "gpu_vm_size" of module "aks_gpu"',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'linked-template-gets-a-gpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "aks-gpu", "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.org/templates/aks-gpu.json" }, "parameters": { "gpuVmSize": { "value": "Standard_NC24ads_A100_v4" } } } }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'linked-template-gets-a-cpu-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "aks-gpu", "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.org/templates/aks-gpu.json" }, "parameters": { "gpuVmSize": { "value": ⟦"Standard_D16s_v5"⟧ } } } }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'names a GPU size but gets "Standard_D16s_v5"',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'linked-template-gets-a-gpu-size',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "aks-gpu", "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.org/templates/aks-gpu.json" }, "parameters": { "gpuVmSize": { "value": "Standard_NC24ads_A100_v4" } } } }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        // A template linked by URL is a module Azure fetches at deployment time: its parameters are the call's arguments.
        name: 'linked-template-parameter-from-a-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "gpuVmSize": { "type": "string", "defaultValue": ⟦"Standard_D16s_v5"⟧ } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "aks-gpu",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://example.org/templates/aks-gpu.json" },
        "parameters": { "gpuVmSize": { "value": "[parameters('gpuVmSize')]" } }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Argument "gpuVmSize" of module "aks-gpu" ("https://example.org/templates/aks-gpu.json", not evaluated) names a GPU size but gets "Standard_D16s_v5"',
      },
      {
        // Two deployments declared apart that pass one parameter are two findings at its value (RULES.md
        // merges only "the same rule, resource and primary location"), as two resources reading it are.
        name: 'two-linked-templates-share-a-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "gpuVmSize": { "type": "string", "defaultValue": ⟦⟦"Standard_D4s_v5"⟧⟧ } },
  "resources": [
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "train",
      "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.com/aks.json" }, "parameters": { "gpuVmSize": { "value": "[parameters('gpuVmSize')]" } } } },
    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "infer",
      "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.com/aks.json" }, "parameters": { "gpuVmSize": { "value": "[parameters('gpuVmSize')]" } } } }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'notGpuSize',
      },
    ],
  },
};

ruleTester('GPU005', table);
