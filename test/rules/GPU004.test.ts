/**
 * GPU004 (gpu-size-retired): a node pool, AML compute, VM or scale set whose size belongs to
 * a retired or retiring GPU series, and guards (allowedValues, @allowed, validation lists)
 * that admit one. The tester's scan date is 2026-06-01 (NC, NCv2, ND, NV and NCv3 are retired;
 * NVv3 and NVv4 retire on 2026-09-30, within 12 months: warning); boundary cases set `today`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { brief, tempTrees } from '../support/temp-tree.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { addMonths, retiredSeriesOf, retirementState, RETIRED_GPU_SERIES } from '../../src/model/facts/gpu-retirement.js';
import { virtualMachinesPool } from './aks-pools.js';

const NC = 'https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/nc-series-retirement';
const NCV3 = 'https://learn.microsoft.com/azure/virtual-machines/ncv3-nc6s-nc12s-nc24s-retirement';
const NVV3 = 'https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nvv3-series-retirement';

const pool = (size: string): string => `
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = ${size}
  node_count            = 1
}
`;

const NV12S_V3_WARNING = `Node pool "gpu" uses size "Standard_NV12s_v3" of the NVv3 series, which Azure retires on 2026-09-30; set vm_size to a current GPU size before then (${NVV3}).`;

const table: RuleTable = {
  terraform: {
    valid: [
      { name: 'current-t4-size', files: { 'main.tf': pool('"Standard_NC64as_T4_v3"') } },
      { name: 'a100-size', files: { 'main.tf': pool('"Standard_NC24ads_A100_v4"') } },
      { name: 'prefix-of-a-retired-name-is-not-retired', files: { 'main.tf': pool('"Standard_NC6s_v4"') } },
      {
        name: 'unknown-size',
        files: { 'main.tf': `variable "size" {\n  type = string\n}\n${pool('var.size')}` },
      },
      {
        name: 'deny-list-of-retired-sizes-admits-none',
        files: {
          'main.tf': `
variable "gpu_vm_size" {
  type    = string
  default = "Standard_NC4as_T4_v3"
  validation {
    condition     = !contains(["Standard_NC6", "Standard_NC6s_v3"], var.gpu_vm_size)
    error_message = "Retired sizes are not allowed."
  }
}
${pool('var.gpu_vm_size')}`,
        },
      },
      {
        name: 'retiring-more-than-12-months-ahead',
        files: { 'main.tf': pool('"Standard_NV12s_v3"') },
        options: { today: '2025-09-29' },
      },
    ],
    invalid: [
      {
        name: 'ncv3-literal',
        files: { 'main.tf': pool('⟦"Standard_NC6s_v3"⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `Node pool "gpu" uses size "Standard_NC6s_v3" of the NCv3 series, which Azure retired on 2025-09-30, so it can no longer be deployed; set vm_size to a current GPU size (${NCV3}).`,
      },
      {
        name: 'lower-case-name-matches',
        files: { 'main.tf': pool('⟦"standard_nc6"⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: `of the NC series, which Azure retired on 2023-09-06`,
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "gpu_vm_size" {
  type    = string
  default = ⟦"Standard_NC6"⟧
}

resource "azurerm_linux_virtual_machine" "gpu" {
  name                  = "vm-gpu"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = var.gpu_vm_size
  admin_username        = "azureuser"
  network_interface_ids = []
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `VM "vm-gpu" uses size "Standard_NC6" of the NC series, which Azure retired on 2023-09-06, so it can no longer be deployed; set size to a current GPU size (${NC}).`,
        related: [{ file: 'main.tf', line: 10 }],
      },
      {
        // The legacy scale set: its size is the sku block's name.
        name: 'legacy-scale-set-sku-block',
        files: {
          'main.tf': `
resource "azurerm_virtual_machine_scale_set" "train" {
  name                = "vmss-train"
  location            = "westeurope"
  resource_group_name = "rg"
  upgrade_policy_mode = "Manual"
  tags                = { "cost-center" = "cc-1" }
  sku {
    name     = ⟦"Standard_NC6"⟧
    tier     = "Standard"
    capacity = 0
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `Scale set "vmss-train" uses size "Standard_NC6" of the NC series, which Azure retired on 2023-09-06, so it can no longer be deployed; set sku.0.name to a current GPU size (${NC}).`,
      },
      {
        name: 'validation-list-admits-retired-size',
        files: {
          'main.tf': `
variable "gpu_vm_size" {
  type    = string
  default = "Standard_NC4as_T4_v3"
  validation {
    condition     = contains(["Standard_NC4as_T4_v3", ⟦"Standard_NC6s_v3"⟧], var.gpu_vm_size)
    error_message = "A GPU size."
  }
}
${pool('var.gpu_vm_size')}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        message: `Terraform variable "gpu_vm_size" sets the size of node pool "gpu" and its validation admits "Standard_NC6s_v3" of the NCv3 series, which Azure retired on 2025-09-30; remove it (${NCV3}).`,
      },
      {
        name: 'retiring-nvv3-is-a-warning',
        files: { 'main.tf': pool('⟦"Standard_NV12s_v3"⟧') },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        message: NV12S_V3_WARNING,
      },
      {
        name: 'boundary-on-the-retirement-day-still-retiring',
        files: { 'main.tf': pool('⟦"Standard_NV12s_v3"⟧') },
        options: { today: '2026-09-30' },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        message: NV12S_V3_WARNING,
      },
      {
        name: 'boundary-the-day-after-retired',
        files: { 'main.tf': pool('⟦"Standard_NV12s_v3"⟧') },
        options: { today: '2026-10-01' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'which Azure retired on 2026-09-30',
      },
      {
        name: 'boundary-exactly-12-months-ahead',
        files: { 'main.tf': pool('⟦"Standard_NV12s_v3"⟧') },
        options: { today: '2025-09-30' },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'current-size',
        files: {
          'main.tf': `
resource "azapi_resource" "cluster" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "gpu-cluster"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties  = { vmSize = "Standard_NC24ads_A100_v4" }
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'nd-size',
        files: {
          'main.tf': `
resource "azapi_resource" "cluster" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "gpu-cluster"
  parent_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties  = { vmSize = ⟦"Standard_ND24rs"⟧ }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'AML compute "gpu-cluster" uses size "Standard_ND24rs" of the ND series, which Azure retired on 2023-09-06',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'allowed-values-all-current',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "vmSize": { "type": "string", "defaultValue": "Standard_NC4as_T4_v3", "allowedValues": ["Standard_NC4as_T4_v3", "Standard_NC64as_T4_v3"] }
  },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-03-01", "name": "vmss-gpu", "location": "westeurope", "sku": { "name": "[parameters('vmSize')]", "capacity": 1 } }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        // A size both branches of if() hold, passed through from a parameter: it is written at the
        // parameter's default, not chosen by the condition (review 85: it was placed at the
        // condition's input, whose flip does not change the size).
        name: 'size-in-both-branches-of-an-if-over-template-variables',
        files: {
          'main.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "vmSize": { "type": "string", "defaultValue": ⟦"Standard_NC6s_v3"⟧ },\n    "autoscale": { "type": "bool", "defaultValue": false }\n  },\n  "variables": {\n    "base": { "vmSize": "[parameters(\'vmSize\')]", "count": 1, "mode": "User", "nodeTaints": [ "sku=gpu:NoSchedule" ] },\n    "scale": { "enableAutoScaling": true, "minCount": 0, "maxCount": 2 }\n  },\n  "resources": [\n    {\n      "type": "Microsoft.ContainerService/managedClusters/agentPools",\n      "apiVersion": "2024-05-01",\n      "name": "aks-ml/gpu",\n      "properties": "[if(parameters(\'autoscale\'), union(variables(\'base\'), variables(\'scale\')), variables(\'base\'))]"\n    }\n  ]\n}\n',
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'allowed-values-entry-and-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "vmSize": { "type": "string", "defaultValue": ⟦"Standard_NC12s_v2"⟧, "allowedValues": [⟦"Standard_NC12s_v2"⟧, "Standard_NC64as_T4_v3"] }
  },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-03-01", "name": "vmss-gpu", "location": "westeurope", "sku": { "name": "[parameters('vmSize')]", "capacity": 1 } }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [
          { messageId: 'retired', messageIncludes: 'Scale set "vmss-gpu" uses size "Standard_NC12s_v2" of the NCv2 series, which Azure retired on 2023-09-06' },
          { messageId: 'guardRetired', messageIncludes: 'Parameter "vmSize" sets the size of scale set "vmss-gpu" and its allowedValues admits "Standard_NC12s_v2"' },
        ],
      },
      {
        // substring() cuts the size out of a described choice: the size is written in the parameter's default.
        name: 'size-cut-out-of-a-described-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "vmSize": { "type": "string", "defaultValue": ⟦"Standard_NC6 (1 Nvidia K80 GPU, 6 vCPU)"⟧ }
  },
  "variables": {
    "size": "[substring(parameters('vmSize'), 0, indexOf(parameters('vmSize'), ' ('))]"
  },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-03-01", "name": "vmss-gpu", "location": "westeurope", "sku": { "name": "[variables('size')]", "capacity": 1 } }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'uses size "Standard_NC6" of the NC series',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'vm-current-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm-gpu", "location": "westeurope", "properties": { "hardwareProfile": { "vmSize": "Standard_NV36ads_A10_v5" } } }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'vm-nvv4-retiring',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm-gpu", "location": "westeurope", "properties": { "hardwareProfile": { "vmSize": ⟦"Standard_NV8as_v4"⟧ } } }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        messageIncludes: 'VM "vm-gpu" uses size "Standard_NV8as_v4" of the NVv4 series, which Azure retires on 2026-09-30',
      },
      {
        // The sizes without a local temp disk retire with the series (its retirement page names them; review 107).
        name: 'vm-nvv4-ahs-size-retiring',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm-gpu", "location": "westeurope", "properties": { "hardwareProfile": { "vmSize": ⟦"Standard_NV8ahs_v4"⟧ } } }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        messageIncludes: 'VM "vm-gpu" uses size "Standard_NV8ahs_v4" of the NVv4 series, which Azure retires on 2026-09-30',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'allowed-current-sizes',
        files: {
          'main.bicep': `
@allowed([
  'Standard_NC4as_T4_v3'
  'Standard_NC24ads_A100_v4'
])
param gpuVmSize string = 'Standard_NC4as_T4_v3'

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  name: 'aks/gpu'
  properties: {
    mode: 'User'
    vmSize: gpuVmSize
    count: 1
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'allowed-entry-admits-retired-size',
        files: {
          'main.bicep': `
@allowed([
  'Standard_NC4as_T4_v3'
  ⟦'Standard_NC24s_v3'⟧
])
param gpuVmSize string = 'Standard_NC4as_T4_v3'

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  name: 'aks/gpu'
  properties: {
    mode: 'User'
    vmSize: gpuVmSize
    count: 1
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        messageIncludes: 'Parameter "gpuVmSize" sets the size of node pool "aks/gpu" and its @allowed list admits "Standard_NC24s_v3" of the NCv3 series',
      },
      {
        // One entry to fix for two pools that read one parameter: one finding at the entry, and
        // every pool's size as a related location (the second pool was named nowhere).
        name: 'allowed-entry-shared-by-two-pools',
        files: {
          'main.bicep': `
@allowed([
  ⟦'Standard_NC6'⟧
  'Standard_NC24ads_A100_v4'
])
param gpuVmSize string = 'Standard_NC24ads_A100_v4'

resource poolA 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  name: 'aks/gpua'
  properties: { mode: 'User', vmSize: gpuVmSize, count: 1 }
}

resource poolB 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  name: 'aks/gpub'
  properties: { mode: 'User', vmSize: gpuVmSize, count: 1 }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        messageIncludes: 'Parameter "gpuVmSize" sets the size of node pool "aks/gpua" and its @allowed list admits "Standard_NC6" of the NC series',
        related: [
          { file: 'main.bicep', line: 9, label: 'size of node pool "aks/gpua"' },
          { file: 'main.bicep', line: 14, label: 'size of node pool "aks/gpub"' },
        ],
      },
      {
        // A literal union type is the param's allowedValues once compiled: its entries are guard entries.
        name: 'union-type-entry-admits-retired-size',
        files: {
          'main.bicep': `
type gpuSize = 'Standard_NC4as_T4_v3' | ⟦'Standard_NC24s_v3'⟧
param gpuVmSize gpuSize = 'Standard_NC4as_T4_v3'

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  name: 'aks/gpu'
  properties: {
    mode: 'User'
    vmSize: gpuVmSize
    count: 1
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        messageIncludes: 'and its type admits "Standard_NC24s_v3" of the NCv3 series',
      },
      {
        // The quickstart layout: a registry module's body is the nested deployment of the
        // language-version-1 twin (azuredeploy.json, a resources array) whose compiled name
        // matches the module's name (FORMATS.md §6(d)); without it, an EVAL002 and no finding.
        name: 'registry-module-body-from-azuredeploy-twin',
        files: {
          'main.bicep': `
param vmSize string = ⟦'Standard_NC24s_v3'⟧

module gpuVm 'br/public:compute/gpu-vm:1.0.0' = {
  name: 'gpuVm-\${deployment().name}'
  params: {
    vmSize: vmSize
  }
}
`,
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.22.6.54827", "templateHash": "1" } },
  "parameters": { "vmSize": { "type": "string", "defaultValue": "Standard_NC24s_v3" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "[format('gpuVm-{0}', deployment().name)]",
      "properties": {
        "expressionEvaluationOptions": { "scope": "inner" },
        "mode": "Incremental",
        "parameters": { "vmSize": { "value": "[parameters('vmSize')]" } },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "vmSize": { "type": "string" } },
          "resources": [
            { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm-gpu", "location": "westeurope", "properties": { "hardwareProfile": { "vmSize": "[parameters('vmSize')]" } } }
          ]
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'VM "vm-gpu" uses size "Standard_NC24s_v3" of the NCv3 series',
      },
    ],
  },
  'azure-cli': {
    valid: [
      {
        // GitHub drops the excluded combination: Standard_NC6 is never deployed.
        name: 'workflow-matrix-exclude-drops-the-retired-size',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC6, Standard_NC24ads_A100_v4]
        region: [eastus, westeurope]
        exclude:
          - size: Standard_NC6
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ matrix.size }} -l \${{ matrix.region }} --tags cost-center=ml
`,
        },
      },
      {
        // An axis of mappings: the exclude names the member it drops by (GitHub matches partially).
        name: 'workflow-matrix-exclude-by-a-member-of-an-axis-of-mappings',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        pool: [{ name: old, size: Standard_NC6 }, { name: new, size: Standard_NC24ads_A100_v4 }]
        min: [0, 1]
        exclude:
          - pool: { name: old }
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size "\${{ matrix.pool.size }}" --min-instances \${{ matrix.min }} --tags cost-center=ml
`,
        },
      },
      {
        // After PowerShell's stop-parsing token `--%`, `$Size` is passed as written, not expanded (review 48).
        name: 'powershell-stop-parsing-passes-a-variable-as-text',
        files: { 'deploy.ps1': "$Size = 'Standard_NC6'\naz --% aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size $Size --node-taints sku=gpu:NoSchedule\n" },
      },
      {
        // An entry whose value is built at run time may equal any combination's (review 46).
        name: 'workflow-matrix-exclude-entry-with-an-expression-value',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC6, Standard_D4s_v5]
        exclude:
          - size: \${{ vars.SKIP_SIZE }}
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size "\${{ matrix.size }}" --tags cost-center=ml
`,
        },
      },
      {
        // An exclude list built at run time may drop any combination: no size is known.
        name: 'workflow-matrix-exclude-expression',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC6, Standard_NC24ads_A100_v4]
        exclude: \${{ fromJSON(vars.EXCLUDED) }}
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size \${{ matrix.size }} --tags cost-center=ml
`,
        },
      },
      { name: 'current-size', files: { 'deploy.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size Standard_NC64as_T4_v3 --min-instances 0\n' } },
      { name: 'prefix-of-a-current-size-is-not-retired', files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC64as_T4_v3 --node-taints sku=gpu:NoSchedule\n' } },
      { name: 'unknown-size', files: { 'deploy.sh': 'az vm create -n vm1 -g rg --image Ubuntu2204 --size "$1"\n' } },
      // The sourced file may reassign $S (src/eval/azcli/interpret.ts): its value is unknown after it.
      { name: 'size-reassigned-by-source', files: { 'deploy.sh': 'S=Standard_NC6\nsource ./env.sh\naz vm create -n vm1 -g rg --image Ubuntu2204 --size $S\n' } },
      { name: 'size-reassigned-by-export-of-a-dotenv', files: { 'deploy.sh': 'S=Standard_NC6\nexport $(cat .env | xargs)\naz vm create -n vm1 -g rg --image Ubuntu2204 --size $S\n' } },
      { name: 'size-reassigned-by-dot-sourcing', files: { 'deploy.ps1': "$s = 'Standard_NC6'\n. ./env.ps1\naz vm create -n vm1 -g rg --image Ubuntu2204 --size $s\n" } },
      {
        // GitHub's multiline form, `{ echo "SIZE<<EOF"; …; } >> "$GITHUB_ENV"` over several lines, sets SIZE at run time
        // (the quoted `<<EOF` is text, no heredoc): the workflow's env: value is not what the next step reads.
        name: 'size-rewritten-through-github-env-multiline-group',
        files: {
          '.github/workflows/deploy.yml':
            'on: push\nenv:\n  SIZE: Standard_NC6\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          {\n            echo "SIZE<<EOF"\n            echo "Standard_NC24ads_A100_v4"\n            echo "EOF"\n          } >> "$GITHUB_ENV"\n      - run: az ml compute create -n c -t AmlCompute --size "$SIZE" -w w -g g\n',
        },
      },
      {
        // `${X:-lit}` in a heredoc: X assigned a current size wins over the default; X that a command's output sets is unknown.
        name: 'heredoc-default-expansion-not-taken',
        files: {
          'a.sh': 'GPU_SKU=Standard_NC24ads_A100_v4\ncat > gpu.yml <<EOF\ntype: amlcompute\nname: gpu-a\nsize: ${GPU_SKU:-Standard_NC6}\nEOF\naz ml compute create -f gpu.yml -w ws\n',
          'b.sh': 'GPU_SKU=$(cat sku.txt)\ncat > gpu.yml <<EOF\ntype: amlcompute\nname: gpu-b\nsize: ${GPU_SKU:-Standard_NC6}\nEOF\naz ml compute create -f gpu.yml -w ws\n',
        },
      },
      {
        // A group written to $GITHUB_ENV that also runs another program (`cat sizes.env`) may write any name.
        name: 'size-rewritten-through-github-env-group-with-cat',
        files: {
          '.github/workflows/deploy.yml':
            'on: push\nenv:\n  SIZE: Standard_NC6\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          {\n            echo "A=1"\n            cat sizes.env\n          } >> "$GITHUB_ENV"\n      - run: az ml compute create -n c -t AmlCompute --size "$SIZE" -w w -g g\n',
        },
      },
      {
        // What the task does not pass for certain is not read: a quoted '-Size' is a string, not
        // the parameter's name; an empty "" word (task-lib versions differ) leaves the rest unknown.
        name: 'pipeline-task-arguments-not-read-for-certain',
        files: {
          'azure-pipelines.yml': `steps:
- task: PowerShell@2
  inputs:
    filePath: scripts/vm.ps1
    arguments: "'-Size' Standard_NC6"
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptPath: scripts/vm.sh
    arguments: '"" Standard_NC6'
`,
          'scripts/vm.ps1': 'param([string]$Name, [string]$Other, [string]$Size)\naz vm create -n vm1 -g rg --image Ubuntu2204 --size $Size\n',
          'scripts/vm.sh': 'az vm create -n vm-one -g rg --image Ubuntu2204 --size "$1"\n',
        },
      },
      {
        // The file alone names a retired size; the only command that uses it sets a current one (src/frontends/azure-cli-files.ts).
        name: 'file-set-current-size',
        files: {
          'compute.yml': 'type: amlcompute\nname: gpu-cluster\nsize: Standard_NC6\n',
          'deploy.sh': 'az ml compute create --file compute.yml --set size=Standard_NC64as_T4_v3\n',
        },
      },
    ],
    invalid: [
      {
        // Review 44: an exclude of a mapping value (the other pool, with its whole mapping, or one
        // combination of it) leaves the retired size in the combinations that remain.
        name: 'workflow-matrix-exclude-of-a-mapping-keeps-the-rest',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        pool: [{ name: gpua, size: ⟦Standard_NC6⟧ }, { name: gpub, size: Standard_NC6 }]
        min: [0, 1]
        exclude:
          - pool: { name: gpub, size: Standard_NC6 }
          - pool: { name: gpua }
            min: 1
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size "\${{ matrix.pool.size }}" --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // An exclude that cannot be decided for one combination (gpub has no scalar `extra`) leaves
        // that one unknown, not the others (review 45).
        name: 'workflow-matrix-exclude-undecided-for-one-combination-only',
        files: {
          '.github/workflows/compute.yml': `on: push
jobs:
  compute:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        pool: [{ name: gpua, size: ⟦Standard_NC6⟧ }, { name: gpub, size: Standard_NC12 }]
        exclude:
          - pool: { name: gpub, extra: x }
    steps:
      - run: az ml compute create -n gpu-cluster --type AmlCompute --size "\${{ matrix.pool.size }}" --tags cost-center=ml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // A function's one-line `{ param(…) }` is the function's own: the script's $Size keeps the
        // caller's argument after it (review 46).
        name: 'one-line-function-param-stays-in-the-function',
        files: {
          '.github/workflows/a.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: pwsh\n        run: ./s.ps1 -Size ⟦Standard_NC6⟧\n',
          's.ps1': 'param([string]$Size)\nfunction F { param([string]$Size) }\naz vm create -n v -g g --image Ubuntu2204 --size $Size --tags cost-center=x\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // The script's first argument with a default: the default is known, as \${NAME:-lit}'s is.
        name: 'positional-parameter-default',
        files: { 'deploy.sh': 'SIZE=${1:-⟦Standard_NC6⟧}\naz vm create -n vm1 -g rg --image Ubuntu2204 --size "$SIZE"\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'ml-compute-nc6',
        files: { 'deploy.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size ⟦Standard_NC6⟧ --min-instances 0\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'uses size "Standard_NC6" of the NC series, which Azure retired on 2023-09-06',
      },
      // `source` of the file beside the script, by the shell's idioms for the script's folder: its assignment is the size.
      ...[
        ['script-dir-variable', 'SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"\nsource "$SCRIPT_DIR/lib.sh"\n'],
        ['dirname-substitution', 'source "$(dirname "$0")/lib.sh"\n'],
        ['cd-pwd-substitution-dot', '. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"\n'],
      ].map(([name, head]) => ({
        name: `sourced-beside-script-${name!}`,
        files: {
          'scripts/lib.sh': 'GPU_SIZE=⟦Standard_NC6⟧\n',
          'scripts/deploy.sh': `${head!}az ml compute create -n gpu-cluster --type AmlCompute --size "$GPU_SIZE" --min-instances 0\n`,
        },
        level: 'error' as const,
        env: 'unknown' as const,
        messageId: 'retired',
      })),
      {
        // The size a task passes its script file in its arguments input: reported at that word
        // (a macro's value where the variable is written), each task reading the text its way.
        name: 'pipeline-task-argument-is-the-size',
        files: {
          'azure-pipelines.yml': `variables:
  poolSize: ⟦Standard_NV6⟧
steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptLocation: scriptPath
    scriptPath: ./scripts/cluster.sh
    arguments: gpu-cluster ⟦Standard_NC6⟧
- task: Bash@3
  inputs:
    filePath: scripts/pool.sh
    arguments: gpu $(poolSize)
- task: PowerShell@2
  inputs:
    filePath: scripts/vm.ps1
    arguments: -Name vm1 -Size:⟦Standard_NC12⟧
`,
          'scripts/cluster.sh': 'az ml compute create -n "$1" --type AmlCompute --size "$2" --min-instances 0\n',
          'scripts/pool.sh': 'az aks nodepool add --cluster-name aks -n "$1" --node-vm-size "$2" --node-taints sku=gpu:NoSchedule\n',
          'scripts/vm.ps1': 'param([string]$Name, [string]$Size)\naz vm create -n $Name -g rg --image Ubuntu2204 --size $Size\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // A function's parameters hide the script's variables in its body only: inside, $Size is
        // the function's (unknown: no finding for vm-in); after it, the script's again (vme).
        name: 'powershell-function-parameters-hide-script-variables-in-their-body',
        files: {
          'deploy.ps1': "$Size = '⟦Standard_NC6⟧'\nfunction Deploy {\n  param([string]$Name, [string]$Size)\n  az vm create -g rg -n vm-in --image x --size $Size\n}\nfunction Deploy2 ([string]$Size) {\n  az vm create -g rg -n vm-in2 --image x --size $Size\n}\nfunction Deploy3 {\n  param([string]$Size)\n  az vm create -g rg -n vm-in3 --image x --size $Size }\nfunction Deploy4 ([string]$Size) { az vm create -g rg -n vm-in4 --image x --size $Size }\naz vm create -g rg -n vme --image x --size $Size\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'VM "vme"',
      },
      {
        // A matrix axis of mappings: `${{ matrix.cfg.size }}` is each combination's member, reported where it is written.
        name: 'matrix-axis-of-mappings',
        files: {
          '.github/workflows/deploy.yml':
            'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        cfg:\n          - { name: gpu1, size: ⟦Standard_NC6⟧ }\n          - { name: gpu2, size: Standard_NC24ads_A100_v4 }\n    steps:\n      - run: az ml compute create -n "${{ matrix.cfg.name }}" -t AmlCompute --size "${{ matrix.cfg.size }}" -w w -g g\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'AML compute "gpu1"',
      },
      {
        // `-Size:$(var)`: the value is the variable's, reported where the variable is written.
        name: 'pipeline-task-named-argument-from-a-variable',
        files: {
          'azure-pipelines.yml': 'variables:\n  gpuSize: ⟦Standard_NC6⟧\nsteps:\n- task: PowerShell@2\n  inputs:\n    filePath: scripts/vm.ps1\n    arguments: -Name vm1 -Size:$(gpuSize)\n',
          'scripts/vm.ps1': 'param([string]$Name, [string]$Size)\naz vm create -n $Name -g rg --image Ubuntu2204 --size $Size\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'default-expansion-names-a-retired-size',
        files: { 'deploy.sh': 'az aks nodepool add --cluster-name aks -n gpu --node-vm-size ${GPU_SIZE:-⟦Standard_NV6⟧} --node-taints sku=gpu:NoSchedule\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'of the NV series, which Azure retired on 2023-09-06',
      },
      {
        // `${X:-lit}` in an unquoted heredoc expands as in a flag: X unset, the default, where the heredoc writes it.
        name: 'heredoc-default-expansion-is-the-size',
        files: { 'deploy.sh': 'cat > gpu.yml <<EOF\ntype: amlcompute\nname: gpu-cluster\nsize: ${GPU_SKU:-⟦Standard_NC6⟧}\nEOF\naz ml compute create -f gpu.yml -w ws\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'heredoc-retired-size',
        files: { 'deploy.sh': "cat > gpu.yml <<'EOF'\ntype: amlcompute\nname: gpu-cluster\nsize: ⟦Standard_NV6⟧\nEOF\naz ml compute create -f gpu.yml -w ws\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'of the NV series, which Azure retired on 2023-09-06',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'current-size',
        files: {
          'compute.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC64as_T4_v3
`,
        },
      },
      {
        name: 'absent-size-is-the-cpu-default',
        files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\n' },
      },
    ],
    invalid: [
      {
        name: 'nc6-cluster',
        files: {
          'compute.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: ⟦Standard_NC6⟧
min_instances: 0
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `AML compute "gpu-cluster" uses size "Standard_NC6" of the NC series, which Azure retired on 2023-09-06, so it can no longer be deployed; set size to a current GPU size (${NC}).`,
      },
      {
        name: 'instance-without-schema-lower-case',
        files: { 'instance.yaml': 'type: ComputeInstance\nname: gpu-ci\nsize: "⟦standard_nv6⟧"\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'of the NV series, which Azure retired on 2023-09-06',
      },
    ],
  },
  // KAITO (kaito.sh): the provisioner creates GPU nodes of the object's instance type.
  k8s: {
    valid: [
      {
        name: 'kaito-workspace-current-size',
        files: { 'kaito/phi.yaml': 'apiVersion: kaito.sh/v1beta1\nkind: Workspace\nmetadata:\n  name: phi\nresource:\n  instanceType: "Standard_NC24ads_A100_v4"\ninference:\n  preset:\n    name: phi-3\n' },
      },
      {
        // Another group's Workspace is not KAITO's.
        name: 'other-api-group-workspace',
        files: { 'x.yaml': 'apiVersion: example.com/v1\nkind: Workspace\nmetadata:\n  name: w\nresource:\n  instanceType: Standard_NC6\n' },
      },
    ],
    invalid: [
      {
        name: 'kaito-workspace-ncv3',
        files: { 'kaito/falcon.yaml': 'apiVersion: kaito.sh/v1alpha1\nkind: Workspace\nmetadata:\n  name: workspace-falcon-7b\nresource:\n  instanceType: "⟦Standard_NC12s_v3⟧"\n  labelSelector:\n    matchLabels:\n      apps: falcon-7b\ninference:\n  preset:\n    name: "falcon-7b"\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `KAITO Workspace "workspace-falcon-7b" uses size "Standard_NC12s_v3" of the NCv3 series, which Azure retired on 2025-09-30, so it can no longer be deployed; set resource.instanceType to a current GPU size (${NCV3}).`,
      },
      {
        name: 'kaito-ragengine-nvv3-second-document',
        files: { 'rag.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: rag\n---\napiVersion: kaito.sh/v1alpha1\nkind: RAGEngine\nmetadata:\n  name: ragengine-start\nspec:\n  compute:\n    instanceType: ⟦Standard_NV12s_v3⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        messageIncludes: 'KAITO RAGEngine "ragengine-start" uses size "Standard_NV12s_v3" of the NVv3 series, which Azure retires on 2026-09-30; set spec.compute.instanceType',
      },
    ],
  },
};

// Format round (c-fmt1): resources declared apart that read one value are a finding each, at
// that value (RULES.md merges only "the same rule, resource and primary location"; "each caller
// … gets its own finding"). Before, the second pool's finding was merged into the first's and
// its name appeared nowhere; a directive above one command now covers only that command.
const sharedValue: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // A finding placed in a variables template is suppressed by a directive written there.
        name: 'suppressed-in-a-variables-template',
        files: {
          'config-infra-prod.yml': 'variables:\n  # mlops-iac-lint-ignore GPU004 -- quota for NC6 runs out in Q3\n  gpuSize: Standard_NC6\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- template: config-infra-prod.yml\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "$(gpuSize)" --min-instances 0\n',
        },
      },
    ],
    invalid: [
      {
        // A GitHub matrix of 36 combinations (GitHub runs up to 256): every one is expanded.
        name: 'matrix-of-36-combinations',
        files: {
          '.github/workflows/gpu-vms.yml':
            'on: push\njobs:\n  vms:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        region: [eastus, westus, northeurope, westeurope, uksouth, japaneast]\n        size: [Standard_D4s_v3, ⟦Standard_NC6⟧, Standard_NC4as_T4_v3, Standard_NC8as_T4_v3, Standard_NC16as_T4_v3, Standard_NC64as_T4_v3]\n    steps:\n      - run: az vm create -n gpu-vm -g rg -l ${{ matrix.region }} --image Ubuntu2204 --size ${{ matrix.size }} --tags cost-center=ml\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'two-commands-read-one-assignment',
        files: { 'deploy.sh': 'SIZE=⟦⟦Standard_NC6⟧⟧\naz aks nodepool add -g rg --cluster-name aks -n a --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\naz aks nodepool add -g rg --cluster-name aks -n b --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // The size comes from an Azure Pipelines variables template: reported where it is written there.
        name: 'size-from-a-pipeline-variables-template',
        files: {
          'config-infra-prod.yml': 'variables:\n  gpuSize: ⟦Standard_NC6⟧\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- template: config-infra-prod.yml\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "$(gpuSize)" --min-instances 0\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'retired',
        related: [{ file: 'azure-pipelines.yml', line: 5 }],
      },
      {
        // A template whose path holds a compile-time expression (the mlops-v2 layout) is the caller's template all the same.
        name: 'template-path-with-a-variables-expression',
        files: {
          'templates/aml-cli-v2/create-compute.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  version: aml-cli-v2\nsteps:\n- template: templates/${{ variables.version }}/create-compute.yml\n  parameters:\n    size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // Through two template levels: the root's value reaches the inner template through the outer one's parameter.
        name: 'size-passed-through-two-template-levels',
        files: {
          'templates/inner.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          'templates/outer.yml': 'parameters:\n- name: size\n  type: string\n  default: Standard_NC24ads_A100_v4\nsteps:\n- template: inner.yml\n  parameters:\n    size: ${{ parameters.size }}\n',
          'azure-pipelines.yml': 'trigger: none\nsteps:\n- template: templates/outer.yml\n  parameters:\n    size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // A step template called without parameters still reads its caller's variables (it is expanded into the caller).
        name: 'template-without-parameters-reads-the-caller-variables',
        files: {
          'steps/compute.yml': 'steps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "$(gpuSize)" --min-instances 0\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  gpuSize: ⟦Standard_NC6⟧\nsteps:\n- template: steps/compute.yml\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // Sixteen callers that pass nothing do not crowd out the one that passes a value.
        name: 'caller-with-a-value-after-sixteen-plain-callers',
        files: {
          't/create.yml': 'parameters:\n- name: size\n  default: Standard_NC24ads_A100_v4\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`p${String(i).padStart(2, '0')}.yml`, 'trigger: none\nsteps:\n- template: t/create.yml\n'])),
          'p99.yml': 'trigger: none\nsteps:\n- template: t/create.yml\n  parameters:\n    size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // Two callers of a template chain with the same (no) inputs but different variables are two contexts.
        name: 'callers-differing-only-in-variables',
        files: {
          'steps.yml': 'steps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "$(gpuSize)" --min-instances 0\n',
          'job.yml': 'steps:\n- template: steps.yml\n',
          'p1.yml': 'trigger: none\nvariables:\n  gpuSize: Standard_NC24ads_A100_v4\nsteps:\n- template: job.yml\n',
          'p2.yml': 'trigger: none\nvariables:\n  gpuSize: ⟦Standard_NC6⟧\nsteps:\n- template: job.yml\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // The template path reads a variable of a variables template (read before the path is resolved).
        name: 'template-path-from-a-variables-template',
        files: {
          'config-infra-prod.yml': 'variables:\n  version: aml-cli-v2\n',
          'templates/aml-cli-v2/create-compute.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- template: config-infra-prod.yml\nsteps:\n- template: templates/${{ variables.version }}/create-compute.yml\n  parameters:\n    size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'retired',
      },
      {
        // A job's template path reads its stage's variables.
        name: 'template-path-from-stage-variables',
        files: {
          'templates/aml-cli-v2/create-compute.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          'azure-pipelines.yml': 'trigger: none\nstages:\n- stage: build\n  variables:\n    version: aml-cli-v2\n  jobs:\n  - job: compute\n    steps:\n    - template: templates/${{ variables.version }}/create-compute.yml\n      parameters:\n        size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // An expression inside the template's file name: the template is still in its caller's unit.
        name: 'template-file-name-with-an-expression',
        files: {
          'templates/create-compute-v2.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n  version: v2\nsteps:\n- template: "templates/create-compute-${{ variables.version }}.yml"\n  parameters:\n    size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        // A matrix whose legs pass the same value is one caller context: a later caller's value is not cut off.
        name: 'nested-template-caller-after-a-wide-matrix',
        files: {
          't/inner.yml': 'parameters:\n- name: size\n  type: string\nsteps:\n- script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}" --min-instances 0\n',
          't/outer.yml': 'parameters:\n- name: size\n  type: string\n  default: Standard_NC24ads_A100_v4\nsteps:\n- template: inner.yml\n  parameters:\n    size: ${{ parameters.size }}\n',
          'azure-pipelines.yml': 'trigger: none\njobs:\n- job: a\n  strategy:\n    matrix:\n' + Array.from({ length: 16 }, (_, i) => `      leg${i}:\n        shard: "${i}"\n`).join('') + '  steps:\n  - template: t/outer.yml\n    parameters:\n      size: Standard_NC24ads_A100_v4\n- job: b\n  steps:\n  - template: t/outer.yml\n    parameters:\n      size: ⟦Standard_NC6⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'suppressed-command-leaves-the-other',
        files: { 'deploy.sh': 'SIZE=⟦Standard_NC6⟧\n# mlops-iac-lint-ignore GPU004 -- legacy pool\naz aks nodepool add -g rg --cluster-name aks -n a --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\naz aks nodepool add -g rg --cluster-name aks -n b --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: /"aks\/b"|"b"/,
      },
    ],
  },
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'two-resource-blocks-read-one-variable-default',
        files: {
          'main.tf': `
variable "size" {
  default = ⟦⟦"Standard_NC6"⟧⟧
}
resource "azurerm_linux_virtual_machine" "a" {
  name = "vm-a"
  size = var.size
}
resource "azurerm_linux_virtual_machine" "b" {
  name = "vm-b"
  size = var.size
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
    ],
  },
};

// An inner-scope nested deployment's allowedValues are a guard of the size too (the nested
// template's parameters are inputs, as a Bicep module's are): a retired entry is reported there.
const nestedTemplate: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'nested-template-allowed-value-retired',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "gpuSku": { "type": "string", "defaultValue": "Standard_NC4as_T4_v3" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "gpu-compute",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": { "computeSku": { "value": "[parameters('gpuSku')]" } },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "computeSku": { "type": "string", "allowedValues": ["Standard_NC4as_T4_v3", ⟦"Standard_NC6"⟧] } },
          "resources": [
            {
              "type": "Microsoft.MachineLearningServices/workspaces/computes",
              "apiVersion": "2024-04-01",
              "name": "mlw/gpu-cluster",
              "location": "westeurope",
              "tags": { "cost-center": "ml" },
              "properties": {
                "computeType": "AmlCompute",
                "properties": { "vmSize": "[parameters('computeSku')]", "scaleSettings": { "minNodeCount": 0, "maxNodeCount": 2 } }
              }
            }
          ]
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
      },
    ],
  },
};

// An object or array parameter's member type is the guard of the size it holds (Bicep compiles
// a literal union property to the definition's allowedValues): a retired member is reported there.
const memberPool = (size: string, loop = ''): string => `
resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = ${loop ? `[for p in ${loop}: {` : '{'}
  name: 'aks/gpu'
  properties: {
    mode: 'User'
    vmSize: ${size}
    count: 1
  }
}${loop ? ']' : ''}
`;

const memberGuards: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'typed-object-union-of-current-sizes',
        files: {
          'main.bicep': `
type poolSpec = {
  vmSize: 'Standard_NC4as_T4_v3' | 'Standard_NP10s'
}
param gpuPool poolSpec = { vmSize: 'Standard_NC4as_T4_v3' }
${memberPool('gpuPool.vmSize')}`,
        },
      },
    ],
    invalid: [
      {
        name: 'typed-object-union-admits-retired-size',
        files: {
          'main.bicep': `
type poolSpec = {
  name: string
  vmSize: 'Standard_NC4as_T4_v3' | 'Standard_NP10s' | ⟦'Standard_NC6'⟧
}
param gpuPool poolSpec = {
  name: 'gpu'
  vmSize: 'Standard_NC4as_T4_v3'
}
${memberPool('gpuPool.vmSize')}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        message: `Parameter "gpuPool" sets the size of node pool "aks/gpu" and its type admits "Standard_NC6" of the NC series, which Azure retired on 2023-09-06; remove it (${NC}).`,
      },
      {
        name: 'typed-array-union-admits-retired-size',
        files: {
          'main.bicep': `
type poolSpec = {
  name: string
  vmSize: 'Standard_NC4as_T4_v3' | 'Standard_NP10s' | ⟦'Standard_NC6'⟧
}
param pools poolSpec[] = [
  { name: 'gpu', vmSize: 'Standard_NC4as_T4_v3' }
]
${memberPool('p.vmSize', 'pools')}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        messageIncludes: 'Parameter "pools" sets the size of node pool "aks/gpu" and its type admits "Standard_NC6" of the NC series',
      },
    ],
  },
  'bicep-compiled': {
    valid: [],
    invalid: [
      {
        name: 'items-ref-definition-admits-retired-size',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
  "definitions": {
    "poolSpec": { "type": "object", "properties": { "vmSize": { "type": "string", "allowedValues": ["Standard_NC4as_T4_v3", ⟦"Standard_NC24s_v3"⟧] } } }
  },
  "parameters": {
    "pools": { "type": "array", "items": { "$ref": "#/definitions/poolSpec" }, "defaultValue": [ { "vmSize": "Standard_NC4as_T4_v3" } ] }
  },
  "resources": {
    "pool": {
      "copy": { "name": "pools", "count": "[length(parameters('pools'))]" },
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-05-01",
      "name": "[format('aks/gpu{0}', copyIndex())]",
      "properties": { "mode": "User", "vmSize": "[parameters('pools')[copyIndex()].vmSize]", "count": 1 }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'guardRetired',
        messageIncludes: 'Parameter "pools" sets the size of node pool "aks/gpu0" and its allowedValues admits "Standard_NC24s_v3" of the NCv3 series',
      },
    ],
  },
};


// A VirtualMachines pool's size is its scale profile's (`scale.manual[].size`): reported there.
const virtualMachinesPools: RuleTable = {
  bicep: {
    valid: [
      {
        // Profiles of several sizes: the pool's size is not one value (not read).
        name: 'virtual-machines-pool-of-several-current-sizes',
        files: { 'main.bicep': virtualMachinesPool("manual: [ { size: 'Standard_NC24ads_A100_v4', count: 1 }, { size: 'Standard_NC40ads_H100_v5', count: 1 } ]") },
      },
    ],
    invalid: [
      {
        name: 'virtual-machines-pool-manual-profile-of-a-retired-size',
        files: { 'main.bicep': virtualMachinesPool("manual: [ { size: ⟦'Standard_NC6'⟧, count: 0 } ]") },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'set properties.virtualMachinesProfile.scale.manual.0.size to a current GPU size',
      },
    ],
  },
};


// A guard entry is about its input: with a pool behind a condition that is false in dev, the dev
// and prod variants name different first pools, and the entry is still one finding, every
// variant listed (it was two findings at one entry).
const guardAcrossVariants: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'allowed-entry-read-by-different-pools-per-variant',
        files: {
          'main.bicep': `
@allowed([
  ⟦'Standard_NC6'⟧
  'Standard_NC24ads_A100_v4'
])
param gpuSize string = 'Standard_NC24ads_A100_v4'
param deployTrain bool = true
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' existing = {
  name: 'aks'
}
resource train 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = if (deployTrain) {
  parent: aks
  name: 'gputrain'
  properties: { vmSize: gpuSize, count: 0, enableAutoScaling: true, minCount: 0, maxCount: 2, nodeTaints: ['sku=gpu:NoSchedule'], tags: { 'cost-center': 'x' } }
}
resource infer 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'gpuinfer'
  properties: { vmSize: gpuSize, count: 0, enableAutoScaling: true, minCount: 0, maxCount: 2, nodeTaints: ['sku=gpu:NoSchedule'], tags: { 'cost-center': 'x' } }
}
`,
          'main.dev.bicepparam': "using 'main.bicep'\nparam deployTrain = false\n",
          'main.prod.bicepparam': "using 'main.bicep'\nparam deployTrain = true\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'guardRetired',
      },
    ],
  },
};


// Pools written by a lambda (`map(sizes, s => { … vmSize: s … })`): the lambda's `vmSize:` is
// the consuming attribute, a related location as a `for` body's is (it had none).
const mappedPools: RuleTable = {
  // The same for an ARM property copy: every element is written by its `input`.
  arm: {
    valid: [],
    invalid: [
      {
        name: 'pool-profiles-written-by-a-property-copy',
        files: { 'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "pools": { "type": "array", "defaultValue": [ { "name": "gpu", "size": ⟦"Standard_NC24"⟧ } ] }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks",
      "location": "westeurope",
      "tags": { "cost-center": "c" },
      "properties": {
        "dnsPrefix": "a",
        "copy": [ { "name": "agentPoolProfiles", "count": "[length(parameters('pools'))]",
          "input": { "name": "[parameters('pools')[copyIndex('agentPoolProfiles')].name]", "mode": "User",
                     "vmSize": "[parameters('pools')[copyIndex('agentPoolProfiles')].size]",
                     "enableAutoScaling": true, "minCount": 0, "maxCount": 1,
                     "nodeTaints": [ "sku=gpu:NoSchedule" ], "tags": { "cost-center": "c" } } } ]
      }
    }
  ]
}
` },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        related: [{ file: 'azuredeploy.json', line: 18, label: 'attribute vmSize' }],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'pool-profiles-written-by-a-map-lambda',
        files: { 'main.bicep': `
param sizes array = [
  ⟦'Standard_NC6'⟧
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks2'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks2'
    agentPoolProfiles: map(sizes, s => {
      name: 'gpu'
      mode: 'User'
      vmSize: s
      count: 0
      enableAutoScaling: true
      minCount: 0
      maxCount: 1
      nodeTaints: [
        'sku=gpu:NoSchedule'
      ]
      tags: {
        'cost-center': 'ml'
      }
    })
  }
}
` },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        related: [{ file: 'main.bicep', line: 13 }],
      },
      {
        // The loop item shadows a var of the same name: the pool is the loop's, not the var's, so
        // nothing in the var is its site (a directive there must not hide the finding).
        name: 'loop-item-shadows-a-var-of-the-same-name',
        files: { 'main.bicep': `
var profile = {
  name: 'system'
  // mlops-iac-lint-ignore GPU004 -- the system pool var is CPU only
  vmSize: 'Standard_D4s_v3'
  mode: 'System'
  count: 1
}
param clusters array = [
  { name: 'gpu', vmSize: ⟦'Standard_NC6'⟧, count: 1, mode: 'User' }
]
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = [for profile in clusters: {
  name: 'aks-\${profile.name}'
  location: 'westeurope'
  tags: { 'cost-center': 'ml' }
  properties: {
    agentPoolProfiles: [ profile ]
  }
}]
` },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
    ],
  },
};

// A compile-time condition over a variable written in the YAML is decided (Azure Pipelines
// inserts one branch); one built from macros is not (`${{ }}` does not expand them): both are read
// (review 67: both branches of `eq(variables.tier, 'premium')` were reported).
const PIPELINE = (tier: string, premium: string, other: string): string => `trigger: none
variables:
  base: premium
  tier: ${tier}
steps:
  - \${{ if eq(variables.tier, 'premium') }}:
    - script: az ml compute create --name "gpu-train" --type amlcompute --size ${premium} --tags cost-center=ml
  - \${{ else }}:
    - script: az ml compute create --name "gpu-train" --type amlcompute --size ${other} --tags cost-center=ml
`;
const compileTimeVariables: RuleTable = {
  'azure-cli': {
    valid: [
      {
        // A caller that passes the object parameter: its members are not read (unknown), the default's are not used.
        name: 'object-parameter-passed-by-a-caller',
        files: {
          'azure-pipelines.yml': 'trigger: none\nsteps:\n  - template: t.yml\n    parameters:\n      cluster:\n        size: Standard_NC24ads_A100_v4\n',
          't.yml': 'parameters:\n  - name: cluster\n    type: object\n    default:\n      size: Standard_NC6\nsteps:\n  - script: az ml compute create --name gpu-train --type amlcompute --size ${{ parameters.cluster.size }} --tags cost-center=ml\n',
        },
      },
      {
        // A member that may be a YAML boolean decides no condition.
        name: 'object-parameter-boolean-member-in-a-condition',
        files: {
          'azure-pipelines.yml': "trigger: none\nparameters:\n  - name: cluster\n    type: object\n    default:\n      legacy: false\nsteps:\n  - ${{ if eq(parameters.cluster.legacy, 'false') }}:\n    - script: az ml compute create --name gpu-train --type amlcompute --size Standard_NC24ads_A100_v4 --tags cost-center=ml\n",
        },
      },
      { name: 'literal-variable-rules-out-the-if-branch', files: { 'azure-pipelines.yml': PIPELINE('basic', 'Standard_NC6', 'Standard_NC24ads_A100_v4') } },
      {
        // Variable names ignore case: `variables['TIER']` reads `tier` (self-review 68).
        name: 'variable-read-in-another-case',
        files: { 'azure-pipelines.yml': PIPELINE('basic', 'Standard_NC6', 'Standard_NC24ads_A100_v4').replace("eq(variables.tier, 'premium')", "eq(variables['TIER'], 'premium')") },
      },
      {
        // A variable set under a condition its values decide false is not set: the earlier value stands.
        name: 'variable-under-a-condition-decided-false',
        files: { 'azure-pipelines.yml': "trigger: none\nparameters:\n  - name: legacy\n    type: boolean\n    default: false\nvariables:\n  - name: size\n    value: Standard_NC24ads_A100_v4\n  - ${{ if eq(parameters.legacy, true) }}:\n    - name: size\n      value: Standard_NC6\nsteps:\n  - script: az ml compute create --name gpu-train --type amlcompute --size $(size) --tags cost-center=ml\n" },
      },
      { name: 'literal-variable-rules-out-the-else-branch', files: { 'azure-pipelines.yml': PIPELINE('premium', 'Standard_NC24ads_A100_v4', 'Standard_NC6') } },
    ],
    invalid: [
      {
        // `${{ parameters.cluster.size }}`: a member of an object parameter's default (review 67: unknown).
        name: 'object-parameter-default-member',
        files: {
          'azure-pipelines.yml': 'trigger: none\nparameters:\n  - name: cluster\n    type: object\n    default:\n      name: gpu-train\n      pool:\n        size: ⟦Standard_NC6⟧\nsteps:\n  - script: az ml compute create --name ${{ parameters.cluster.name }} --type amlcompute --size ${{ parameters.cluster.pool.size }} --tags cost-center=ml\n',
        },
        level: 'error',
        env: 'unknown',
        message: /AML compute "gpu-train" uses size "Standard_NC6"/,
      },
      {
        // A variable set under a condition its values decide: set, and reported at the input that decided it (RULES.md
        // "Values chosen by a condition"; review 67: it was unknown).
        name: 'variable-under-a-condition-decided-true',
        files: { 'azure-pipelines.yml': "trigger: none\nparameters:\n  - name: legacy\n    type: boolean\n    default: ⟦true⟧\nvariables:\n  - name: size\n    value: Standard_NC24ads_A100_v4\n  - ${{ if eq(parameters.legacy, true) }}:\n    - name: size\n      value: Standard_NC6\nsteps:\n  - script: az ml compute create --name gpu-train --type amlcompute --size $(size) --tags cost-center=ml\n" },
        level: 'error',
        env: 'unknown',
        related: [{ file: 'azure-pipelines.yml', line: 11 }],
      },
      {
        // A job's own variables are not in scope where a condition around the job sits: that
        // condition over a name the job sets is not decided, and the job is read (self-review 68).
        name: 'condition-around-a-job-that-sets-the-variable',
        files: { 'azure-pipelines.yml': "trigger: none\nvariables:\n  tier: basic\njobs:\n  - ${{ if eq(variables.tier, 'premium') }}:\n    - job: premium\n      variables:\n        tier: premium\n      steps:\n        - script: az ml compute create --name gpu-train --type amlcompute --size ⟦Standard_NC6⟧ --tags cost-center=ml\n" },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'variable-built-from-a-macro-decides-nothing',
        files: { 'azure-pipelines.yml': PIPELINE('$(base)', 'Standard_NC24ads_A100_v4', '⟦Standard_NC6⟧') },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

// One pool created in either branch of an if (one deployed resource, one finding at the size):
// both commands that consume the size are related locations (review 69: only the first was).
const oneResourceTwoCommands: RuleTable = {
  'azure-cli': {
    valid: [],
    invalid: [
      {
        name: 'same-pool-created-in-both-branches',
        files: {
          'a.sh':
            'vmSize="⟦Standard_NC6⟧"\nif [[ -z $X ]]; then\n  az aks nodepool add --name gpu --cluster-name c -g r --node-vm-size $vmSize --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 1 --tags cost-center=x\nelse\n  az aks nodepool add --name gpu --cluster-name c -g r --node-vm-size $vmSize --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 1 --tags cost-center=x --max-pods 50\nfi\n',
        },
        level: 'error',
        env: 'unknown',
        related: [
          { file: 'a.sh', line: 3, label: '$vmSize' },
          { file: 'a.sh', line: 5, label: '$vmSize' },
        ],
      },
    ],
  },
};

// cmd.exe's `set NAME=value` (AzureCLI `scriptType: batch`, the CmdLine task on Windows) is an
// assignment `%NAME%` reads (review 91: the size was unknown); `set /a` and a value of several
// words are not read as one.
const BATCH = (lines: string): string => `steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: x
      scriptType: batch
      scriptLocation: inlineScript
      inlineScript: |
${lines}        az aks nodepool add --resource-group rg --cluster-name aks --name gpu4 --node-vm-size %SIZE% --node-taints sku=gpu:NoSchedule --tags cost-center=ml --enable-cluster-autoscaler --min-count 0 --max-count 1
`;
const batchAssignments: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'set-arithmetic-is-not-read', files: { 'azure-pipelines.yml': BATCH('        set /a SIZE=1\n') } },
      { name: 'set-of-several-words-is-not-read', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6 & echo x\n') } },
      // Inside a ( … ) block cmd expands %SIZE% when it reads the block, before the set there runs:
      // the command in the block reads the value set before it.
      {
        name: 'set-inside-a-block-is-not-seen-by-the-block',
        files: {
          'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC4as_T4_v3\n        if "%ENV%"=="prod" (\n          set SIZE=Standard_NC6\n').replace(
            /(\n +az aks nodepool add[^\n]*\n)$/,
            (line) => line.replace(/^\n +/, '\n          ') + '        )\n',
          ),
        },
      },
      // Set again inside a block (cmd sees it after the block): the value is not known after it either.
      {
        name: 'set-again-inside-a-block-is-not-known-after-it',
        files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        if "%ENV%"=="prod" (\n          set SIZE=Standard_NC4as_T4_v3\n        )\n') },
      },
      // A goto may skip a set: which value reaches the command is not known.
      { name: 'goto-is-not-followed', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC4as_T4_v3\n        if "%ENV%"=="dev" goto deploy\n        set SIZE=Standard_NC6\n        :deploy\n') } },
      // cmd's names ignore case: set under two spellings, the last one is what %SIZE% reads (self-review 92).
      { name: 'set-under-two-spellings', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        set Size=Standard_NC4as_T4_v3\n') } },
      // set /a changes every name of its expression (self-review 92).
      { name: 'set-arithmetic-of-the-name', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        set /a X=1, SIZE=2\n') } },
      { name: 'call-of-another-script', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        call pick-size.cmd\n') } },
      // A conditional call of a subroutine (self-review 93) and set/a without a blank.
      { name: 'conditional-call-of-a-subroutine', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        if "%ENV%"=="prod" call :bigger\n') } },
      { name: 'set-arithmetic-without-a-blank', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC6\n        set/a SIZE=2\n') } },
      { name: 'set-of-a-current-size', files: { 'azure-pipelines.yml': BATCH('        set SIZE=Standard_NC4as_T4_v3\n') } },
    ],
    invalid: [
      {
        name: 'set-then-read',
        files: { 'azure-pipelines.yml': BATCH('        set SIZE=⟦Standard_NC6⟧\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
      {
        name: 'set-quoted-whole-with-at',
        files: { 'azure-pipelines.yml': BATCH('        @set "SIZE=⟦Standard_NC6⟧"\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
      },
    ],
  },
};

// `@allowed` on a type property (review 105 p57) is no guard: Bicep refuses the file (BCP297,
// a PARSE001 at the decorator), and the type declaration is not read, so the parameter's guard
// is not known: neither "its type does not restrict it" nor an entry of the refused list.
const refusedTypeDecorator: RuleTable = {
  bicep: {
    valid: [
      {
        name: 'allowed-on-a-type-property-is-refused',
        parseError: true,
        files: {
          'main.bicep':
            "type agentPoolType = {\n  name: string\n  @allowed([\n    'Standard_NC24ads_A100_v4'\n    'Standard_NC6s_v3'\n    'Standard_E16s_v5'\n  ])\n  vmSize: string\n}\n\nparam agentPools agentPoolType[] = [\n  {\n    name: 'gpu'\n    vmSize: 'Standard_NC24ads_A100_v4'\n  }\n]\n\nresource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {\n  name: 'aks'\n}\n\nresource pools 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for p in agentPools: {\n  parent: aks\n  name: p.name\n  properties: {\n    vmSize: p.vmSize\n    mode: 'User'\n    nodeTaints: ['sku=gpu:NoSchedule']\n  }\n}]\n",
        },
      },
    ],
    invalid: [],
  },
};

// Review 107: a KAITO object a Terraform manifest resource writes (kubectl_manifest's YAML,
// kubernetes_manifest's object) is read as the manifest file's is, its size located where it is
// written (a .tfvars value through the variable a heredoc interpolates; the input that decided a
// condition), in the Terraform root's environment.
const kaitoWorkspace = (size: string, resource = 'kubectl_manifest" "ws'): string => `
resource "${resource}" {
  yaml_body = <<-EOF
    apiVersion: kaito.sh/v1alpha1
    kind: Workspace
    metadata:
      name: workspace-falcon-7b
    resource:
      count: 1
      instanceType: ${size}
    inference:
      preset:
        name: falcon-7b
    EOF
}
`;
const kaitoInTerraform: RuleTable = {
  terraform: {
    valid: [
      { name: 'kubectl-manifest-kaito-current-size', files: { 'main.tf': kaitoWorkspace('"Standard_NC24ads_A100_v4"') } },
      {
        // Written in a manifest file the run lints on its own, which reports it (once).
        name: 'kubectl-manifest-of-a-linted-manifest-file',
        files: {
          'main.tf': 'resource "kubectl_manifest" "ws" {\n  yaml_body = file("${path.module}/k8s/ws.yaml")\n}\n',
          'k8s/ws.yaml': 'apiVersion: kaito.sh/v1alpha1\nkind: Workspace\nmetadata:\n  name: ws\nresource:\n  instanceType: Standard_NC24ads_A100_v4\n',
        },
      },
    ],
    invalid: [
      {
        name: 'kubectl-manifest-heredoc-literal',
        files: { 'main.tf': kaitoWorkspace('"⟦Standard_NC12s_v3⟧"') },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        message: `KAITO Workspace "workspace-falcon-7b" uses size "Standard_NC12s_v3" of the NCv3 series, which Azure retired on 2025-09-30, so it can no longer be deployed; set resource.instanceType to a current GPU size (${NCV3}).`,
      },
      {
        name: 'kubectl-manifest-heredoc-variable-set-in-tfvars',
        files: {
          'main.tf': `variable "instance_type" {\n  type    = string\n  default = "Standard_NC24ads_A100_v4"\n}\n${kaitoWorkspace('"${var.instance_type}"')}`,
          'terraform.tfvars': 'instance_type = ⟦"Standard_NC12s_v3"⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'retired',
        messageIncludes: 'KAITO Workspace "workspace-falcon-7b" uses size "Standard_NC12s_v3" of the NCv3 series',
        related: [{ file: 'main.tf', line: 1 }, { file: 'main.tf', line: 14, label: 'attribute resource.instanceType' }],
      },
      {
        name: 'kubectl-manifest-heredoc-size-chosen-by-environment',
        files: {
          'main.tf': `variable "environment" {\n  type = string\n}\n${kaitoWorkspace('"${var.environment == "prod" ? "Standard_NC12s_v3" : "Standard_NC24ads_A100_v4"}"')}`,
          'prod.tfvars': 'environment = ⟦"prod"⟧\n',
          'dev.tfvars': 'environment = "dev"\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'retired',
        related: [{ file: 'main.tf', line: 13, label: 'value chosen by the condition' }],
      },
      {
        name: 'kubernetes-manifest-hcl-object',
        files: {
          'main.tf': `
resource "kubernetes_manifest" "rag" {
  manifest = {
    apiVersion = "kaito.sh/v1alpha1"
    kind       = "RAGEngine"
    metadata   = { name = "ragengine-start" }
    spec = {
      compute = { instanceType = ⟦"Standard_NV12s_v3"⟧ }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'retiring',
        messageIncludes: 'KAITO RAGEngine "ragengine-start" uses size "Standard_NV12s_v3" of the NVv3 series, which Azure retires on 2026-09-30; set spec.compute.instanceType',
      },
    ],
  },
};

ruleTester('GPU004', table, sharedValue, nestedTemplate, memberGuards, virtualMachinesPools, guardAcrossVariants, mappedPools, compileTimeVariables, oneResourceTwoCommands, batchAssignments, refusedTypeDecorator, kaitoInTerraform);

describe('GPU004 guard entries across variants', () => {
  const { tree, cleanup } = tempTrees('gpu004-');
  afterAll(cleanup);
  it('reports a guard entry once, with every variant that admits it (RULES.md "Variants")', async () => {
    const dir = tree({
      'main.tf': `
terraform {
  backend "azurerm" {}
}
variable "environment" { type = string }
variable "gpu_size" {
  type    = string
  default = "Standard_NC4as_T4_v3"
  validation {
    condition     = contains(["Standard_NC6s_v3", "Standard_NC4as_T4_v3"], var.gpu_size)
    error_message = "GPU sizes only."
  }
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "id"
  vm_size               = var.gpu_size
}
`,
      'dev.tfvars': 'environment = "dev"\n',
      'prod.tfvars': 'environment = "prod"\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], noConfig: true, today: '2026-06-01' });
    expect(r.findings.map((f) => brief(dir, f))).toEqual(['GPU004 error guardRetired main.tf:10:31']);
    expect(r.findings[0]!.variants).toEqual(['dev.tfvars', 'prod.tfvars']);
  });
});

describe('GPU004 of a KAITO object in Terraform whose size is not known', () => {
  // RULES.md Conventions: an unknown size is never reported, and --verbose says so.
  const { tree, cleanup } = tempTrees('gpu004-kaito-');
  afterAll(cleanup);
  it('is listed as undecided, at the size or the part not known above it', async () => {
    const dir = tree({
      'main.tf': `variable "size" {\n  type = string\n}\nvariable "res" {\n  type = any\n}\n${kaitoWorkspace('"${var.size}"')}
resource "kubernetes_manifest" "ws2" {
  manifest = {
    apiVersion = "kaito.sh/v1alpha1"
    kind       = "Workspace"
    metadata   = { name = "ws2" }
    resource   = var.res
  }
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], noConfig: true, today: '2026-06-01' });
    expect(r.findings).toEqual([]);
    expect(r.undecided.map((u) => `${u.address} ${u.sourcePath} ${u.location.range.start.line}: ${u.reason}`)).toEqual([
      'kubectl_manifest.ws resource.instanceType 16: depends on ${var.size}, interpolated into the heredoc, which is not known: variable "size" has no value',
      'kubernetes_manifest.ws2 resource.instanceType 28: variable "res" has no value',
    ]);
  });
});

describe('GPU004 retirement table', () => {
  it('matches exact names only, case-insensitively', () => {
    expect(retiredSeriesOf('Standard_NC6')?.series).toBe('NC');
    expect(retiredSeriesOf(' standard_nc6 ')?.series).toBe('NC');
    expect(retiredSeriesOf('Standard_NC64as_T4_v3')).toBeUndefined();
    expect(retiredSeriesOf('Standard_NC6s_v3')?.series).toBe('NCv3');
    expect(retiredSeriesOf('Standard_NC6s_v2')?.series).toBe('NCv2');
    expect(retiredSeriesOf('Standard_NC6s')).toBeUndefined();
  });

  it('has one row per series, each size once, each with a date and a Learn page', () => {
    const sizes = RETIRED_GPU_SERIES.flatMap((r) => r.sizes.map((s) => s.toLowerCase()));
    expect(new Set(sizes).size).toBe(sizes.length);
    for (const r of RETIRED_GPU_SERIES) {
      expect(r.retires).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\/virtual-machines\//);
    }
  });

  it('decides retired, retiring and later on the scan date', () => {
    const nvv3 = retiredSeriesOf('Standard_NV12s_v3')!;
    expect(retirementState(nvv3, '2026-10-01')).toBe('retired');
    expect(retirementState(nvv3, '2026-09-30')).toBe('retiring');
    expect(retirementState(nvv3, '2025-09-30')).toBe('retiring');
    expect(retirementState(nvv3, '2025-09-29')).toBe('later');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
