/**
 * GOV002 (org-policy-deny): a resource that a configured Azure Policy with effect deny
 * rejects. The two reference policies (deny public ML workspace; deny listed GPU VM sizes
 * without cost-center) in every resource format; a parameterised effect assigned as Deny.
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import { ALLOWED_LOCATIONS_ML, allOfDefinition, AZ_LIST_PUBLIC_ML, DENY_GPU_NO_COST_CENTER, DENY_PUBLIC_ML, PARAM_EFFECT_PUBLIC_ML, policyConfig, tfParamEffectDefinition } from './policy-cases.js';

const ml = { 'policies/deny-public-ml.json': DENY_PUBLIC_ML };
const gpu = { 'policies/deny-gpu.json': DENY_GPU_NO_COST_CENTER };
const param = { 'policies/ml-public-param.json': PARAM_EFFECT_PUBLIC_ML };
const opts = { config: policyConfig() };
const deny = { level: 'error' as const, env: 'unknown' as const, messageId: 'deny' };

/**
 * A naming policy on a child type: Azure Policy's `name` is the resource's own name, `fullName` the
 * name "prepended by any parent resource names (for example "myServer/myDatabase")" (Microsoft Learn,
 * definition-structure-policy-rule, "Fields"). ARM/Bicep children carry their full name (`mlw/cc-cpu`).
 */
const computeNaming = {
  'policies/compute-naming.json': JSON.stringify({
    name: 'deny-compute-naming',
    properties: {
      displayName: 'Compute names start with cc-',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
            { anyOf: [{ field: 'name', notLike: 'cc-*' }, { field: 'fullName', equals: 'mlw-demo/cc-legacy' }] },
          ],
        },
        then: { effect: 'deny' },
      },
    },
  }),
};
/**
 * The built-in "Require a tag on resource groups" shape: Azure Policy sees a resource group as
 * `Microsoft.Resources/subscriptions/resourceGroups`, the type a template writes being
 * `Microsoft.Resources/resourceGroups` (built-in 8ce3da23-7156-49e4-b145-24f95f9dcb46).
 */
const rgTagPolicy = (mode: string): Record<string, string> => ({
  'policies/require-rg-owner.json': JSON.stringify({
    name: 'require-rg-owner',
    properties: {
      displayName: 'Require an owner tag on resource groups',
      mode,
      parameters: { tagName: { type: 'String', defaultValue: 'owner' } },
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.Resources/subscriptions/resourceGroups' },
            { field: "[concat('tags[', parameters('tagName'), ']')]", exists: 'false' },
          ],
        },
        then: { effect: 'deny' },
      },
    },
  }),
});
const tfRg = (tags: string): string => `resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "westeurope"\n${tags}}\n`;
const bicepRg = (tags: string): string => `targetScope = 'subscription'\n\nresource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {\n  name: 'rg-ml'\n  location: 'westeurope'\n${tags}}\n`;

const armCompute = (name: string): string => `    {
      "type": "Microsoft.MachineLearningServices/workspaces/computes",
      "apiVersion": "2024-04-01",
      "name": ${name},
      "location": "westeurope",
      "properties": { "computeType": "AmlCompute", "properties": { "vmSize": "Standard_D4s_v5" } }
    }`;

const tfWorkspace = (attr: string): string => `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
${attr}
  identity {
    type = "SystemAssigned"
  }
}
`;

const tfVm = (size: string, tags: string): string => `
resource "azurerm_linux_virtual_machine" "gpu" {
  name                  = "vm-train"
  resource_group_name   = "rg-ml"
  location              = "westeurope"
  size                  = ${size}
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/x/nic"]
${tags}
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
`;

const armTemplate = (resource: string, generator = false): string => `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",${generator ? `
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },` : ''}
  "parameters": {
    "vmSize": {
      "type": "string",
      "defaultValue": "Standard_NC24ads_A100_v4"
    }
  },
  "resources": [
${resource}
  ]
}
`;

const armWorkspace = (pna: string): string => `    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "properties": {
        "friendlyName": "demo"${pna}
      }
    }`;

const armVm = (size: string, tags: string): string => `    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-03-01",
      "name": "vm-train",
      "location": "westeurope",${tags}
      "properties": {
        "hardwareProfile": {
          "vmSize": ${size}
        }
      }
    }`;

/** Allowed locations (the built-in's shape, mode Indexed): only uksouth. */
/** Key Vault purge protection, in the shapes real definitions use: `notEquals true` (deny) and `equals false` (audit). */
const kvPurge = {
  'policies/kv-purge.json': JSON.stringify({
    name: 'kv-purge',
    properties: {
      displayName: 'Key vaults must have purge protection',
      mode: 'Indexed',
      policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.KeyVault/vaults' }, { field: 'Microsoft.KeyVault/vaults/enablePurgeProtection', notEquals: 'true' }] }, then: { effect: 'deny' } },
    },
  }),
};
const tfVault = (extra: string): string =>
  `resource "azurerm_key_vault" "kv" {\n  name                = "kv-ml"\n  location            = "westeurope"\n  resource_group_name = "rg-ml"\n  tenant_id           = "00000000-0000-0000-0000-000000000000"\n  sku_name            = "standard"\n${extra}}\n`;

const allowedLocations = {
  'policies/allowed-locations.json': JSON.stringify({
    name: 'allowed-locations',
    properties: { displayName: 'Allowed locations', mode: 'Indexed', policyRule: { if: { not: { field: 'location', in: ['uksouth'] } }, then: { effect: 'deny' } } },
  }),
};

/** Allowed locations in mode All, which also judges resources without tags and location (the ones Indexed skips). */
const allowedLocationsAll = {
  'policies/allowed-locations-all.json': JSON.stringify({
    name: 'allowed-locations-all',
    properties: { displayName: 'Allowed locations (all)', mode: 'All', policyRule: { if: { not: { field: 'location', in: ['uksouth', 'global'] } }, then: { effect: 'deny' } } },
  }),
};

/** Sizes denied by a count whose `where` is a value condition (it reads the field through field(): no field condition decides). */
const deniedPrefixCount = {
  'policies/denied-prefix-count.json': JSON.stringify({
    name: 'denied-prefix-count',
    properties: {
      displayName: 'No ND sizes (count)',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
            { count: { value: ['Standard_ND'], name: 'p', where: { value: "[startsWith(field('Microsoft.MachineLearningServices/workspaces/computes/computeType'), 'Aml')]", equals: true } }, greater: 0 },
          ],
        },
        then: { effect: 'deny' },
      },
    },
  }),
};

/** Allowed regions written as a count over a parameter's list (a count of 0 matching regions denies). */
const allowedRegionsCount = {
  'policies/allowed-regions-count.json': JSON.stringify({
    name: 'allowed-regions-count',
    properties: {
      displayName: 'Only EU regions (count)',
      mode: 'All',
      parameters: { allowed: { type: 'Array', defaultValue: ['westeurope', 'northeurope'] } },
      policyRule: { if: { count: { value: "[parameters('allowed')]", name: 'loc', where: { field: 'location', equals: "[current('loc')]" } }, equals: 0 }, then: { effect: 'deny' } },
    },
  }),
};

const cases: RuleTable = {
  terraform: {
    valid: [
      // azurerm sends purge protection when it is true: the policy's condition does not hold.
      { name: 'vault-with-purge-protection', files: { 'main.tf': tfVault('  purge_protection_enabled = true\n'), ...kvPurge }, options: opts },
      {
        // ARM never receives these: a resource of another Terraform provider, or a Kubernetes object.
        name: 'what-resource-manager-never-receives',
        files: {
          'main.tf': 'resource "random_string" "suffix" {\n  length = 4\n}\n\nresource "null_resource" "setup" {}\n\nresource "azuread_application" "app" {\n  display_name = "ml"\n}\n',
          'k8s/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n    spec:\n      containers:\n        - name: t\n          image: trainer\n',
          ...allowedLocationsAll,
        },
        options: opts,
      },
      {
        // An azurerm type the model does not map may send a location of its own (a private DNS zone
        // sends "global") or be a data-plane object with none (a secret): undecided, not "location is not set".
        name: 'unmapped-type-without-location-argument',
        files: {
          'main.tf': 'resource "azurerm_private_dns_zone" "aml" {\n  name                = "privatelink.api.azureml.ms"\n  resource_group_name = "rg-ml"\n}\n\nresource "azurerm_key_vault_secret" "s" {\n  name         = "s"\n  value        = var.secret\n  key_vault_id = "kv-id"\n}\n',
          ...allowedLocationsAll,
        },
        options: opts,
      },
      {
        // The provider creates a compute instance in its workspace's location (it reads it at apply
        // time; azurerm 4 has no location argument): not "location is not set".
        name: 'compute-instance-location-from-its-workspace',
        files: {
          'main.tf': `${tfWorkspace('  public_network_access_enabled = false').replace('westeurope', 'uksouth')}
resource "azurerm_machine_learning_compute_instance" "ci" {
  name                          = "ci-dev"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_DS3_v2"
}
`,
          ...allowedLocations,
        },
        options: opts,
      },
      { name: 'workspace-private', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = false'), ...ml }, options: opts },
      { name: 'gpu-vm-with-cost-center', files: { 'main.tf': tfVm('"Standard_NC24ads_A100_v4"', '  tags = { "cost-center" = "cc-4471" }'), ...gpu }, options: opts },
      { name: 'cpu-vm-without-tags', files: { 'main.tf': tfVm('"Standard_D4s_v5"', ''), ...gpu }, options: opts },
      { name: 'no-policies-configured', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = true') } },
      {
        name: 'count-of-allowed-regions-is-one',
        files: { 'main.tf': 'resource "azurerm_user_assigned_identity" "id" {\n  name                = "id-ml"\n  resource_group_name = "rg-ml"\n  location            = "westeurope"\n}\n', ...allowedRegionsCount },
        options: opts,
      },
      { name: 'resource-group-with-owner-tag', files: { 'main.tf': tfRg('  tags = { owner = "ml-team" }\n'), ...rgTagPolicy('All') }, options: opts },
      // Mode Indexed does not apply to resource groups (the built-in "Require a tag and its value on resources").
      { name: 'resource-group-policy-in-indexed-mode', files: { 'main.tf': tfRg(''), ...rgTagPolicy('Indexed') }, options: opts },
      {
        name: 'size-unknown',
        files: { 'main.tf': `variable "size" {\n  type = string\n}\n${tfVm('var.size', '')}`, ...gpu },
        options: opts,
      },
      // The parameterised built-in defaults to Audit: GOV003's, not GOV002's.
      { name: 'param-effect-default-audit', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = true'), ...param }, options: opts },
    ],
    invalid: [
      {
        // Several conditions hold: the one holding by what the value is not (vmSize notIn the
        // allowed sizes) is where to change, not the one selecting the compute type.
        name: 'deciding-condition-is-the-excluding-one',
        files: {
          'main.tf':
            'resource "azurerm_machine_learning_compute_cluster" "cpu" {\n  name                          = "cpu"\n  location                      = "westeurope"\n  vm_priority                   = "Dedicated"\n  vm_size                       = ⟦"Standard_D16s_v5"⟧\n  machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw"\n  scale_settings {\n    min_node_count                       = 0\n    max_node_count                       = 2\n    scale_down_nodes_after_idle_duration = "PT30S"\n  }\n}\n',
          'policies/compute-sizes.json': JSON.stringify({
            name: 'compute-sizes',
            properties: {
              displayName: 'Allowed compute cluster sizes',
              mode: 'All',
              policyRule: {
                if: {
                  allOf: [
                    { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
                    { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', equals: 'AmlCompute' },
                    { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', notEquals: 'ComputeInstance' },
                    { field: 'Microsoft.MachineLearningServices/workspaces/computes/vmSize', notIn: ['Standard_DS3_v2'] },
                  ],
                },
                then: { effect: 'deny' },
              },
            },
          }),
        },
        options: opts,
        ...deny,
        message: /rejects azurerm_machine_learning_compute_cluster "cpu": vmSize is "Standard_D16s_v5" and computeType is "AmlCompute";/,
      },
      {
        // azurerm leaves purge protection out of the request unless it is true (absent or false):
        // `notEquals true` holds, at the vault's header (nothing of it is sent).
        name: 'vault-without-purge-protection-sent',
        files: { 'main.tf': `${tfVault('')}\n${tfVault('  purge_protection_enabled = false\n').replace(/"kv"/, '"kv2"').replace('kv-ml', 'kv-ml2')}`.replace(/^(resource .*\{)$/gm, '⟦$1⟧'), ...kvPurge },
        options: opts,
        ...deny,
        message: /rejects azurerm_key_vault "kv-ml2?": enablePurgeProtection is not set;/,
      },
      {
        // A count of 0 decided by what no member matched: the location read, not "count is not set".
        name: 'count-of-allowed-regions-is-zero',
        files: { 'main.tf': 'resource "azurerm_user_assigned_identity" "id" {\n  name                = "id-ml"\n  resource_group_name = "rg-ml"\n  location            = ⟦"eastus"⟧\n}\n', ...allowedRegionsCount },
        options: opts,
        ...deny,
        message: /rejects azurerm_user_assigned_identity "id-ml": location is "eastus";/,
      },
      {
        // A count decided by members whose `where` reads no field condition: the message says the count
        // matched (not "count is not set"), at the resource (review 50).
        name: 'count-decided-by-a-value-condition',
        files: {
          'main.tf':
            '⟦resource "azurerm_machine_learning_compute_cluster" "gpu" {⟧\n  name                          = "gpu"\n  location                      = "westeurope"\n  vm_priority                   = "Dedicated"\n  vm_size                       = "Standard_NC6s_v3"\n  machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw"\n  scale_settings {\n    min_node_count                       = 0\n    max_node_count                       = 2\n    scale_down_nodes_after_idle_duration = "PT30S"\n  }\n}\n',
          ...deniedPrefixCount,
        },
        options: opts,
        ...deny,
        message: /rejects azurerm_machine_learning_compute_cluster "gpu": 1 member of the policy's count matches;/,
      },
      {
        // An unmapped type that writes its location is judged by it.
        name: 'unmapped-type-with-location-outside-the-list',
        files: {
          'main.tf': 'resource "azurerm_user_assigned_identity" "id" {\n  name                = "id-ml"\n  resource_group_name = "rg-ml"\n  location            = ⟦"westeurope"⟧\n}\n',
          ...allowedLocationsAll,
        },
        options: opts,
        ...deny,
      },
      { name: 'workspace-public-literal', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), ...ml }, options: opts, ...deny,
        message: /^Azure Policy "Deny public Azure ML workspaces" \(deny\) rejects azurerm_machine_learning_workspace "mlw-demo": publicNetworkAccess is "Enabled"/,
        related: [{ file: 'policies/deny-public-ml.json', label: /policy "Deny public Azure ML workspaces": the condition/ }] },
      {
        // azurerm sends its default (publicNetworkAccess: Enabled): absent is public.
        name: 'workspace-public-by-default',
        files: { 'main.tf': tfWorkspace('').replace('resource "azurerm_machine_learning_workspace" "ws" {', '⟦resource "azurerm_machine_learning_workspace" "ws" {⟧'), ...ml },
        options: opts,
        ...deny,
      },
      { name: 'gpu-vm-without-cost-center', files: { 'main.tf': tfVm('⟦"Standard_NC24ads_A100_v4"⟧', '  tags = { owner = "ml-team" }'), ...gpu }, options: opts, ...deny,
        messageIncludes: 'sku.name is "Standard_NC24ads_A100_v4"' },
      {
        // Without a tags map the tag is absent as well: azurerm sends every tag the resource has.
        name: 'resource-group-without-tags',
        files: { 'main.tf': tfRg('').replace('resource "azurerm_resource_group" "rg" {', '⟦resource "azurerm_resource_group" "rg" {⟧'), ...rgTagPolicy('All') },
        options: opts,
        ...deny,
        message: /^Azure Policy "Require an owner tag on resource groups" \(deny\) rejects azurerm_resource_group "rg-ml": tags\[owner\] is not set/,
      },
      {
        name: 'gpu-size-from-tfvars',
        files: { 'main.tf': `variable "size" {\n  type = string\n}\n${tfVm('var.size', '')}`, 'terraform.tfvars': 'size = ⟦"Standard_ND96asr_v4"⟧\n', ...gpu },
        options: opts,
        ...deny,
      },
      {
        name: 'param-effect-assigned-deny',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), ...param },
        options: { config: policyConfig({ parameters: { 'ml-public-network-param': { effect: 'Deny' } } }) },
        ...deny,
      },
      {
        // Assignment files and Enterprise Policy as Code wrap each value: { "effect": { "value": "Deny" } } (review 105).
        name: 'param-effect-assigned-deny-in-a-value-wrapper',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), ...param },
        options: { config: policyConfig({ parameters: { 'ml-public-network-param': { effect: { value: 'Deny' } } } }) },
        ...deny,
      },
      {
        // `az policy definition list` output, a JSON array: each element is a definition (review 105: dropped as "not a JSON object").
        name: 'definition-from-an-az-policy-definition-list-array',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), 'policies/az-list.json': AZ_LIST_PUBLIC_ML },
        options: { config: policyConfig({ parameters: { '438c38d2-3772-465a-a9cc-7a6666a275ce': { effect: 'Deny' } } }) },
        ...deny,
        message: /^Azure Policy "Azure Machine Learning Workspaces should disable public network access" \(deny\) rejects/,
      },
      {
        // An array parameter with allowedValues takes an array whose every element is allowed: Learn's own example (review 106: a config error).
        name: 'array-parameter-assigned-elements-within-allowed-values',
        files: { 'main.tf': tfWorkspace('').replace('location                = "westeurope"', 'location                = ⟦"westeurope"⟧'), 'policies/allowed-locations.json': ALLOWED_LOCATIONS_ML },
        options: { config: policyConfig({ parameters: { 'allowed-ml-locations': { allowedLocations: ['westus', 'eastus2'] } } }) },
        ...deny,
        message: /^Azure Policy "Allowed ML workspace locations" \(deny\) rejects azurerm_machine_learning_workspace "mlw-demo": location is "westeurope"/,
      },
      {
        // A definition in the code whose parameters are not known may declare effect: assigned Deny (review 106: "declares no parameters", exit 2).
        name: 'param-effect-assigned-to-a-code-definition-whose-parameters-are-not-known',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), 'governance/policy.tf': tfParamEffectDefinition('"deny-ml-public"', 'var.policy_parameters') },
        options: { config: { policies: { fromScannedCode: true, parameters: { 'deny-ml-public': { effect: 'Deny' } } } } },
        ...deny,
        message: /^Azure Policy "Deny public ML workspaces \(code\)" \(deny\) rejects/,
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'workspace-disabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
          ...ml,
        },
        options: opts,
      },
    ],
    invalid: [
      {
        name: 'workspace-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = ⟦"Enabled"⟧
    }
  }
}
`,
          ...ml,
        },
        options: opts,
        ...deny,
      },
    ],
  },
  arm: {
    valid: [
      // The template omits publicNetworkAccess: the request has no such property, so `equals Enabled` is false.
      { name: 'workspace-property-absent', files: { 'main.json': armTemplate(armWorkspace('')), ...ml }, options: opts },
      { name: 'gpu-vm-tagged', files: { 'main.json': armTemplate(armVm('"Standard_NC24ads_A100_v4"', '\n      "tags": { "cost-center": "cc-1" },')), ...gpu }, options: opts },
      // `name` of the child "mlw-demo/cc-cpu" is "cc-cpu": the naming policy holds.
      { name: 'child-name-is-its-own-segment', files: { 'main.json': armTemplate(armCompute('"mlw-demo/cc-cpu"')), ...computeNaming }, options: opts },
    ],
    invalid: [
      { name: 'child-name-violates-naming', files: { 'main.json': armTemplate(armCompute('⟦"mlw-demo/cpu"⟧')), ...computeNaming }, options: opts, ...deny },
      { name: 'child-full-name', files: { 'main.json': armTemplate(armCompute('⟦"mlw-demo/cc-legacy"⟧')), ...computeNaming }, options: opts, ...deny },
      { name: 'workspace-enabled', files: { 'main.json': armTemplate(armWorkspace(',\n        "publicNetworkAccess": ⟦"Enabled"⟧')), ...ml }, options: opts, ...deny },
      {
        name: 'gpu-vm-size-from-parameter-default',
        files: { 'main.json': armTemplate(armVm(`"[parameters('vmSize')]"`, '')).replace('"defaultValue": "Standard_NC24ads_A100_v4"', '"defaultValue": ⟦"Standard_NC24ads_A100_v4"⟧'), ...gpu },
        options: opts,
        ...deny,
      },
    ],
  },
  'bicep-compiled': {
    valid: [{ name: 'workspace-disabled', files: { 'main.json': armTemplate(armWorkspace(',\n        "publicNetworkAccess": "Disabled"'), true), ...ml }, options: opts }],
    invalid: [
      { name: 'gpu-vm-untagged', files: { 'main.json': armTemplate(armVm('⟦"Standard_ND96asr_v4"⟧', ''), true), ...gpu }, options: opts, ...deny },
    ],
  },
  bicep: {
    valid: [
      {
        // Extension resources go to their own APIs (a Kubernetes API group, Microsoft Graph), never to ARM.
        name: 'extension-resources-arm-never-receives',
        files: {
          'k8s.bicep': "@secure()\nparam kubeConfig string\nextension kubernetes with {\n  namespace: 'default'\n  kubeConfig: kubeConfig\n}\nresource job 'batch/Job@v1' = {\n  metadata: { name: 'train' }\n  spec: { template: { spec: { containers: [ { name: 't', image: 'trainer' } ] } } }\n}\n",
          'graph.bicep': "extension microsoftGraphV1\n\nresource app 'Microsoft.Graph/applications@v1.0' = {\n  displayName: 'ml-app'\n  uniqueName: 'ml-app'\n}\n",
          ...allowedLocationsAll,
        },
        options: opts,
      },
      {
        name: 'gpu-vm-tagged',
        files: {
          'main.bicep': `
resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-train'
  location: 'westeurope'
  tags: {
    'cost-center': 'cc-4471'
  }
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_NC24ads_A100_v4'
    }
  }
}
`,
          ...gpu,
        },
        options: opts,
      },
      {
        name: 'child-with-parent-name-is-its-own',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: 'mlw-demo'
}
resource cpu 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: ws
  name: 'cc-cpu'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
  }
}
`,
          ...computeNaming,
        },
        options: opts,
      },
      { name: 'resource-group-with-owner-tag', files: { 'main.bicep': bicepRg("  tags: { owner: 'ml-team' }\n"), ...rgTagPolicy('All') }, options: opts },
    ],
    invalid: [
      {
        name: 'resource-group-without-tags',
        files: { 'main.bicep': bicepRg('').replace("resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {", "⟦resource rg 'Microsoft.Resources/resourceGroups@2024-03-01'⟧ = {"), ...rgTagPolicy('All') },
        options: opts,
        ...deny,
        messageIncludes: 'rejects Microsoft.Resources/resourceGroups "rg-ml": tags[owner] is not set',
      },
      {
        // \`not { allOf: [...] }\`: the member of the allOf that is false decides, so the finding is at its value.
        name: 'negated-allof-points-at-the-failing-value',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st1'
  location: 'uksouth'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: ⟦'TLS1_1'⟧
    allowBlobPublicAccess: false
  }
}
`,
          'policies/tls.json': JSON.stringify({
            name: 'tls-and-private',
            properties: {
              displayName: 'Storage must be TLS1_2 and private',
              mode: 'All',
              policyRule: {
                if: {
                  allOf: [
                    { field: 'type', equals: 'Microsoft.Storage/storageAccounts' },
                    { not: { allOf: [{ field: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', equals: 'TLS1_2' }, { field: 'Microsoft.Storage/storageAccounts/allowBlobPublicAccess', equals: false }] } },
                  ],
                },
                then: { effect: 'deny' },
              },
            },
          }),
        },
        options: opts,
        ...deny,
        messageIncludes: 'minimumTlsVersion is "TLS1_1"',
      },
      {
        name: 'gpu-vm-untagged',
        files: {
          'main.bicep': `
resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-train'
  location: 'westeurope'
  properties: {
    hardwareProfile: {
      vmSize: ⟦'Standard_NC24ads_A100_v4'⟧
    }
  }
}
`,
          ...gpu,
        },
        options: opts,
        ...deny,
      },
      {
        name: 'workspace-enabled',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: ⟦'Enabled'⟧
  }
}
`,
          ...ml,
        },
        options: opts,
        ...deny,
      },
    ],
  },
};

/** A deny policy on the AML compute type (`operator` `value`: `equals "AmlCompute"`, `exists false`). */
const computeType = (operator: string, value: string): Record<string, string> => ({
  'policies/compute-type.json': `{ "name": "ct", "properties": { "displayName": "Compute type", "mode": "All",
  "policyRule": { "if": { "allOf": [
    { "field": "type", "equals": "Microsoft.MachineLearningServices/workspaces/computes" },
    { "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType", "${operator}": ${value} } ] },
  "then": { "effect": "deny" } } } }`,
});

// The az CLI front end (issue 13) produces canonical resources: the same view applies. Its
// cases join the table when that front end is part of the build.
if ((RESOURCE_FORMATS as readonly string[]).includes('azure-cli')) {
  (cases as Record<string, unknown>)['azure-cli'] = {
    valid: [
      { name: 'workspace-disabled', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\n', ...ml }, options: opts },
      // The type is sent: `exists: false` does not hold (it did: "computeType is not set").
      { name: 'compute-type-sent', files: { 'deploy.sh': 'az ml compute create -n ci -w ws -g rg --size Standard_DS3_v2 --type computeinstance\n', ...computeType('exists', 'false') }, options: opts },
      { name: 'compute-type-other', files: { 'deploy.sh': 'az ml compute create -n ci -w ws -g rg --size Standard_DS3_v2 --type computeinstance\n', ...computeType('equals', '"AmlCompute"') }, options: opts },
      { name: 'resource-group-with-the-owner-tag', files: { 'deploy.sh': 'az group create --name rg-ml --location westeurope --tags owner=ml\n', ...rgTagPolicy('All') }, options: opts },
      // An unknown type decides nothing.
      { name: 'compute-type-unknown', files: { 'deploy.sh': 'az ml compute create -n cl -w ws -g rg --size Standard_DS3_v2 --type "$TYPE"\n', ...computeType('equals', '"AmlCompute"') }, options: opts },
      // Without --location the CLI sends the resource group's (the workspace's for az ml compute):
      // a location known only at run time, not "location is not set".
      {
        name: 'location-filled-in-by-the-cli',
        files: {
          'deploy.sh': 'az keyvault create -n kv1 -g rg --enable-purge-protection true\naz ml compute create -n cl -w ws -g rg --size Standard_DS3_v2 --type amlcompute\n',
          ...allowedLocations,
        },
        options: opts,
      },
    ],
    invalid: [
      { name: 'workspace-enabled', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access ⟦Enabled⟧\n', ...ml }, options: opts, ...deny },
      { name: 'workspace-default-sent', files: { 'deploy.sh': '⟦az⟧ ml workspace create -n ws -g rg\n', ...ml }, options: opts, ...deny },
      // `az group create` makes a Microsoft.Resources/resourceGroups (review 64: its type was not known).
      { name: 'resource-group-without-the-owner-tag', files: { 'deploy.sh': '⟦az⟧ group create --name rg-ml --location westeurope --tags team=ml\n', ...rgTagPolicy('All') }, options: opts, ...deny },
      // `--type` names the ARM computeType (`computeinstance` → ComputeInstance): a policy keyed on it decides.
      { name: 'compute-type-from-type-flag', files: { 'deploy.sh': 'az ml compute create -n cl -w ws -g rg --size Standard_DS3_v2 --type ⟦amlcompute⟧\n', ...computeType('equals', '"AmlCompute"') }, options: opts, ...deny },
      { name: 'location-written-and-not-allowed', files: { 'deploy.sh': 'az keyvault create -n kv1 -g rg -l ⟦westeurope⟧ --enable-purge-protection true\n', ...allowedLocations }, options: opts, ...deny },
    ],
  };
}

// Azure ML YAML workspaces are canonical resources too (the workspace YAML's public_network_access).
const amlWorkspace = (pna: string): string => `$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
location: westeurope
${pna}
`;
(cases as Record<string, unknown>)['azureml-yaml'] = {
  valid: [
    { name: 'workspace-disabled', files: { 'workspace.yml': amlWorkspace('public_network_access: disabled'), ...ml }, options: opts },
    // A compute file without location: is created in its workspace's location (the Azure ML CLI sends it).
    { name: 'compute-location-from-its-workspace', files: { 'compute.yml': 'type: amlcompute\nname: cpu-cluster\nsize: Standard_DS3_v2\nmin_instances: 0\n', ...allowedLocations }, options: opts },
  ],
  invalid: [{ name: 'workspace-enabled', files: { 'workspace.yml': amlWorkspace('public_network_access: ⟦enabled⟧'), ...ml }, options: opts, ...deny }],
};

/**
 * RULES.md "Location": a value written elsewhere (a parameter or variable default) is reported
 * there, and "the resource attribute that consumed it is a relatedLocation": the property the
 * deciding field condition read. A value chosen by a conditional points at the deciding input.
 */
const consumer: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'variable-default-consumed-by-public-network-access',
        files: {
          'main.tf': `variable "public_access" {
  type    = bool
  default = ⟦true⟧
}
${tfWorkspace('  public_network_access_enabled = var.public_access')}`,
          ...ml,
        },
        options: opts,
        ...deny,
        related: [
          { file: 'main.tf', line: 13, label: 'attribute public_network_access_enabled' },
          { file: 'policies/deny-public-ml.json', label: /the condition/ },
        ],
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'shared-parameter-consumed-by-each-workspace',
        files: {
          'main.bicep': `param pna string = ⟦⟦'Enabled'⟧⟧

resource a 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-a'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: pna
  }
}

resource b 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-b'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: pna
  }
}
`,
          ...ml,
        },
        options: opts,
        ...deny,
        related: [{ file: 'main.bicep', label: 'attribute properties.publicNetworkAccess' }],
      },
      {
        name: 'ternary-decided-by-parameter-default',
        files: {
          'main.bicep': `param isolated bool = ⟦false⟧

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: isolated ? 'Disabled' : 'Enabled'
  }
}
`,
          ...ml,
        },
        options: opts,
        ...deny,
        related: [
          { file: 'main.bicep', line: 7, label: 'value chosen by the condition' },
          { file: 'main.bicep', line: 7, label: 'attribute properties.publicNetworkAccess' },
        ],
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'parameter-default-consumed-by-public-network-access',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "pna": { "type": "string", "defaultValue": ⟦"Enabled"⟧ }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "properties": {
        "publicNetworkAccess": "[parameters('pna')]"
      }
    }
  ]
}
`,
          ...ml,
        },
        options: opts,
        ...deny,
        related: [{ file: 'azuredeploy.json', line: 14, label: 'attribute properties.publicNetworkAccess' }],
      },
    ],
  },
};

// A selector written (`computeType equals AmlCompute`) and a constraint whose value is absent
// (`remoteLoginPortPublicAccess exists false`): the finding is at the resource, naming the
// constraint first (review 64: it was at the selector's value).
const absentConstraint: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'constraint-value-absent-beside-a-written-selector',
        files: {
          'c.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      ⟦"type": "Microsoft.MachineLearningServices/workspaces/computes"⟧,\n      "apiVersion": "2024-04-01",\n      "name": "mlw/cpu",\n      "location": "westeurope",\n      "properties": { "computeType": "AmlCompute", "properties": { "vmSize": "Standard_DS3_v2" } }\n    }\n  ]\n}\n',
          'policies/ssh.json': allOfDefinition(
            'ssh',
            'No public SSH on clusters',
            [
              { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
              { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', equals: 'AmlCompute' },
              { field: 'Microsoft.MachineLearningServices/workspaces/computes/remoteLoginPortPublicAccess', exists: false },
            ],
            'deny',
          ),
        },
        options: { config: policyConfig() },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'remoteLoginPortPublicAccess is not set and computeType is "AmlCompute"',
      },
    ],
  },
};

// Two constraints: the one with a policy parameter (what an assignment configures) decides, the
// other named after it, the selector last (self-review 65: the first written one decided).
const twoConstraints: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'parameter-constraint-decides-over-a-list-written-in-the-rule',
        files: {
          'main.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.MachineLearningServices/workspaces/computes",\n      "apiVersion": "2024-04-01",\n      "name": "ws/cpu",\n      "location": "westeurope",\n      "properties": { "computeType": "AmlCompute", "properties": { "vmSize": ⟦"Standard_D16s_v5"⟧ } }\n    }\n  ]\n}\n',
          'policies/two.json': allOfDefinition(
            'two',
            'Two constraints',
            [
              { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
              { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', equals: 'AmlCompute' },
              { field: 'location', notIn: ['northeurope'] },
              { field: 'Microsoft.MachineLearningServices/workspaces/computes/vmSize', notIn: "[parameters('allowed')]" },
            ],
            'deny',
            { allowed: { type: 'Array', defaultValue: ['Standard_DS3_v2'] } },
          ),
        },
        options: { config: policyConfig() },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'vmSize is "Standard_D16s_v5" and location is "westeurope"',
      },
    ],
  },
};

// A null the condition reads is an attribute not set (RULES.md: null counts as absent): at the
// resource's header, as AML001 puts the same fact (review 69: at the `[null()]`, or at the
// optional parameter's declaration, which holds no value).
const notPublic = allOfDefinition(
  'not-public',
  'Workspaces without public access',
  [
    { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' },
    { field: 'Microsoft.MachineLearningServices/workspaces/publicNetworkAccess', notEquals: 'Disabled' },
  ],
  'deny',
);
const nullIsAbsent: RuleTable = {
  arm: {
    valid: [],
    invalid: [
      {
        name: 'null-expression-is-not-set',
        files: {
          'main.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧,\n      "apiVersion": "2024-04-01",\n      "name": "mlw",\n      "location": "westeurope",\n      "properties": { "publicNetworkAccess": "[null()]" }\n    }\n  ]\n}\n',
          'policies/not-public.json': notPublic,
        },
        options: { config: policyConfig() },
        ...deny,
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'optional-parameter-without-a-value-is-not-set',
        files: {
          'main.bicep': "param pna string?\n\n⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {\n  name: 'mlw'\n  location: 'westeurope'\n  properties: {\n    publicNetworkAccess: pna\n  }\n}\n",
          'policies/not-public.json': notPublic,
        },
        options: { config: policyConfig() },
        ...deny,
      },
    ],
  },
};

// A plan's azapi body is the request Azure receives: a policy may read any property of it, not
// only those the model reads (review 71: a known primaryUserAssignedIdentity read as "not set",
// a known hbiWorkspace missed, a value known only after apply reported as not set).
const workspacePolicy = (field: string, test: string): Record<string, string> => ({
  'policies/ws.json': JSON.stringify({
    name: 'ws-policy',
    properties: {
      displayName: 'ML workspace policy',
      mode: 'Indexed',
      policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' }, { field: `Microsoft.MachineLearningServices/workspaces/${field}`, ...JSON.parse(test) }] }, then: { effect: 'deny' } },
    },
  }),
});
const planAzapiWorkspace = (properties: string, unknownProperties = '{}', variables = '{}'): string => `{
  "format_version": "1.2",
  "terraform_version": "1.9.8",
  "variables": ${variables},
  "resource_changes": [
    {
      "address": "azapi_resource.mlw",
      "mode": "managed",
      "type": "azapi_resource",
      "name": "mlw",
      "provider_name": "registry.terraform.io/azure/azapi",
      "change": {
        "actions": ["create"],
        "before": null,
        "after": {
          "type": "Microsoft.MachineLearningServices/workspaces@2024-10-01",
          "name": "mlw-genai",
          "location": "swedencentral",
          "body": {
            "properties": ${properties}
          }
        },
        "after_unknown": { "id": true, "parent_id": true, "body": { "properties": ${unknownProperties} } },
        "after_sensitive": {}
      }
    }
  ]
}
`;
// The .tf reads both properties from variables the plan was made with (-var): only the plan knows
// them, and a finding is at the body member that consumes the value (written in no scanned file).
const tfAzapiWorkspace = (hbi = 'hbiWorkspace                = var.hbi'): string => `variable "hbi" {
  type = bool
}

variable "uai" {
  type = string
}

resource "azapi_resource" "mlw" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "mlw-genai"
  location  = "swedencentral"
  parent_id = "/subscriptions/0/resourceGroups/rg"
  body = {
    properties = {
      publicNetworkAccess         = "Disabled"
      ${hbi}
      primaryUserAssignedIdentity = var.uai
    }
  }
}
`;
const planAzapiBody: RuleTable = {
  azapi: {
    valid: [
      {
        name: 'plan-azapi-property-the-model-does-not-read-is-set',
        files: { 'main.tf': tfAzapiWorkspace(), 'plan.json': planAzapiWorkspace('{ "publicNetworkAccess": "Disabled", "hbiWorkspace": true, "primaryUserAssignedIdentity": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai" }'), ...workspacePolicy('primaryUserAssignedIdentity', '{"exists": "false"}') },
        options: opts,
      },
      {
        name: 'plan-azapi-property-known-only-after-apply-is-undecided',
        files: { 'main.tf': tfAzapiWorkspace(), 'plan.json': planAzapiWorkspace('{ "publicNetworkAccess": "Disabled", "hbiWorkspace": true }', '{ "primaryUserAssignedIdentity": true }'), ...workspacePolicy('primaryUserAssignedIdentity', '{"exists": "false"}') },
        options: opts,
      },
    ],
    invalid: [
      {
        name: 'plan-azapi-property-the-model-does-not-read-is-denied',
        files: { 'main.tf': tfAzapiWorkspace('⟦hbiWorkspace                = var.hbi⟧'), 'plan.json': planAzapiWorkspace('{ "publicNetworkAccess": "Disabled", "hbiWorkspace": false, "primaryUserAssignedIdentity": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai" }',
            '{}',
            // As `terraform show -json` writes it: the -var values (self-review 72: then the value was at the resource header).
            '{ "hbi": { "value": false }, "uai": { "value": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai" } }',
          ), ...workspacePolicy('hbiWorkspace', '{"equals": false}') },
        options: opts,
        ...deny,
        messageIncludes: 'rejects Microsoft.MachineLearningServices/workspaces "mlw-genai": hbiWorkspace is false',
      },
    ],
  },
};

// `current()` of a child alias of the counted array reads that member of the current item (Microsoft
// Learn, definition-structure-policy-rule: "pass the alias defined in count.field or any of its
// child aliases"; review 90: the ALZ "Deny-MgmtPorts-From-Internet" policy was undecided).
const currentChildAlias: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'count-where-current-of-a-child-alias',
        files: {
          'main.tf':
            'resource "azurerm_network_security_group" "jump" {\n  name                = "nsg-jump"\n  location            = "westeurope"\n  resource_group_name = "rg-aml"\n  security_rule {\n    name                       = "ssh-range"\n    priority                   = 100\n    direction                  = "Inbound"\n    access                     = "Allow"\n    protocol                   = "Tcp"\n    source_port_range          = "*"\n    destination_port_range     = ⟦"20-25"⟧\n    source_address_prefix      = "Internet"\n    destination_address_prefix = "*"\n  }\n}\n',
          'policies/ports.json': JSON.stringify({
            name: 'ports',
            properties: {
              displayName: 'No port range 20-25',
              mode: 'All',
              policyRule: {
                if: {
                  allOf: [
                    { field: 'type', equals: 'Microsoft.Network/networkSecurityGroups' },
                    {
                      count: {
                        field: 'Microsoft.Network/networkSecurityGroups/securityRules[*]',
                        where: { value: "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange')]", equals: '20-25' },
                      },
                      greater: 0,
                    },
                  ],
                },
                then: { effect: 'deny' },
              },
            },
          }),
        },
        options: opts,
        ...deny,
      },
    ],
  },
};

// azurerm arguments Azure Policy's view now carries (review 90: the ALZ ML policies could never be
// decided for azurerm): written, judged where written; absent, not known (what the provider sends
// then is not documented), so no finding.
const azurermPolicyPaths: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'hbi-workspace-not-written',
        files: {
          'main.tf': 'resource "azurerm_machine_learning_workspace" "ws" {\n  name                    = "mlw-genai"\n  location                = "westeurope"\n  resource_group_name     = "rg"\n  application_insights_id = "a"\n  key_vault_id            = "k"\n  storage_account_id      = "s"\n  public_network_access_enabled = false\n  identity {\n    type = "SystemAssigned"\n  }\n}\n',
          ...workspacePolicy('hbiWorkspace', '{"equals": false}'),
        },
        options: opts,
      },
    ],
    invalid: [
      {
        name: 'hbi-workspace-written-false',
        files: {
          'main.tf': 'resource "azurerm_machine_learning_workspace" "ws" {\n  name                    = "mlw-genai"\n  location                = "westeurope"\n  resource_group_name     = "rg"\n  application_insights_id = "a"\n  key_vault_id            = "k"\n  storage_account_id      = "s"\n  public_network_access_enabled = false\n  high_business_impact    = ⟦false⟧\n  identity {\n    type = "SystemAssigned"\n  }\n}\n',
          ...workspacePolicy('hbiWorkspace', '{"equals": false}'),
        },
        options: opts,
        ...deny,
        messageIncludes: 'hbiWorkspace is false',
      },
    ],
  },
};

/** A deny policy on AML computes without a subnet, with `selector` conditions before it. */
const subnetPolicy = (...selector: Record<string, unknown>[]): string =>
  JSON.stringify({
    name: 'subnet',
    properties: {
      displayName: 'Compute in a subnet',
      mode: 'Indexed',
      policyRule: {
        if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' }, ...selector, { field: 'Microsoft.MachineLearningServices/workspaces/computes/subnet.id', exists: false }] },
        then: { effect: 'deny' },
      },
    },
  });

// A selector written as a list (`computeType in […]`) selects as `equals` does: the absent constraint
// decides, at the resource (review 90: the finding was at `computeType:`).
const selectorIn: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'selector-in-a-list-with-an-absent-constraint',
        files: {
          'ci.bicep':
            "⟦resource ci 'Microsoft.MachineLearningServices/workspaces/computes@2023-04-01'⟧ = {\n  name: 'mlw-demo/ci-dev'\n  location: 'westeurope'\n  properties: {\n    computeType: 'ComputeInstance'\n    properties: {\n      vmSize: 'Standard_DS3_v2'\n      idleTimeBeforeShutdown: 'PT30M'\n    }\n  }\n}\n",
          'policies/subnet.json': subnetPolicy({ field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', in: ['AmlCompute', 'ComputeInstance'] }),
        },
        options: opts,
        ...deny,
        messageIncludes: 'subnet.id is not set and computeType is "ComputeInstance"',
      },
      {
        // The object above the field chosen as null by a condition: at the input that decided it
        // (RULES.md "Values chosen by a condition"; review 90: at the resource, nothing related).
        name: 'parent-object-chosen-null-by-a-condition',
        files: {
          'ci.bicep':
            "param subnetId string = ⟦''⟧\n\nresource ci 'Microsoft.MachineLearningServices/workspaces/computes@2023-04-01' = {\n  name: 'mlw-demo/ci-dev'\n  location: 'westeurope'\n  properties: {\n    computeType: 'ComputeInstance'\n    properties: {\n      vmSize: 'Standard_DS3_v2'\n      idleTimeBeforeShutdown: 'PT30M'\n      subnet: empty(subnetId) ? null : { id: subnetId }\n    }\n  }\n}\n",
          'policies/subnet.json': subnetPolicy(),
        },
        options: opts,
        ...deny,
        related: [{ file: 'ci.bicep', line: 11, label: 'null chosen by the condition' }],
      },
    ],
  },
};

/** A deny policy on AML computes with one condition on a compute alias (after the type). */
const computePolicy = (field: string, test: Record<string, unknown>): Record<string, string> => ({
  'policies/compute.json': JSON.stringify({
    name: 'compute',
    properties: {
      displayName: 'Compute setting',
      mode: 'Indexed',
      policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' }, { field: `Microsoft.MachineLearningServices/workspaces/computes/${field}`, ...test }] }, then: { effect: 'deny' } },
    },
  }),
});

/** An azurerm compute cluster with `extra` arguments (`⟦…⟧` marks where a finding points). */
const tfCluster = (extra = '', header = 'resource "azurerm_machine_learning_compute_cluster" "gpu" {'): string =>
  `${header}\n  name                          = "gpu"\n  location                      = "westeurope"\n  vm_priority                   = "Dedicated"\n  vm_size                       = "Standard_NC6s_v3"\n  machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w"\n${extra}  scale_settings {\n    min_node_count                       = 0\n    max_node_count                       = 2\n    scale_down_nodes_after_idle_duration = "PT5M"\n  }\n}\n`;

// The ML built-in "Azure Machine Learning Computes should have local authentication methods
// disabled" (disableLocalAuth notEquals true) and a no-public-SSH policy were never decided for
// azurerm: `local_auth_enabled` (inverted, "Defaults to true": the provider always sends
// disableLocalAuth) and `ssh_public_access_enabled` (sent as remoteLoginPortPublicAccess; no
// documented default: left out, not known).
const azurermComputeAuth: RuleTable = {
  terraform: {
    valid: [
      { name: 'local-auth-disabled', files: { 'main.tf': tfCluster('  local_auth_enabled            = false\n'), ...computePolicy('disableLocalAuth', { notEquals: true }) }, options: opts },
      { name: 'ssh-public-access-not-written-is-not-known', files: { 'main.tf': tfCluster(), ...computePolicy('remoteLoginPortPublicAccess', { notEquals: 'Disabled' }) }, options: opts },
      { name: 'ssh-public-access-off', files: { 'main.tf': tfCluster('  ssh_public_access_enabled     = false\n'), ...computePolicy('remoteLoginPortPublicAccess', { notEquals: 'Disabled' }) }, options: opts },
    ],
    invalid: [
      {
        name: 'local-auth-left-at-its-default',
        files: { 'main.tf': tfCluster('', '⟦resource "azurerm_machine_learning_compute_cluster" "gpu" {⟧'), ...computePolicy('disableLocalAuth', { notEquals: true }) },
        options: opts,
        ...deny,
        messageIncludes: 'disableLocalAuth is false',
      },
      {
        name: 'local-auth-written-true-on-an-instance',
        files: {
          'main.tf':
            'resource "azurerm_machine_learning_compute_instance" "ci" {\n  name                          = "ci1"\n  virtual_machine_size          = "Standard_DS3_v2"\n  machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w"\n  local_auth_enabled            = ⟦true⟧\n}\n',
          ...computePolicy('disableLocalAuth', { notEquals: true }),
        },
        options: opts,
        ...deny,
        messageIncludes: 'disableLocalAuth is false',
      },
      {
        // A provider before 2.84.0 has no local_auth_enabled and sends no disableLocalAuth (self-review 92).
        name: 'local-auth-with-a-provider-before-it-existed',
        files: {
          'main.tf':
            'terraform {\n  required_providers {\n    azurerm = { source = "hashicorp/azurerm", version = "~> 2.70.0" }\n  }\n}\n\n' + tfCluster('', '⟦resource "azurerm_machine_learning_compute_cluster" "gpu" {⟧'),
          ...computePolicy('disableLocalAuth', { notEquals: true }),
        },
        options: opts,
        ...deny,
        messageIncludes: 'disableLocalAuth is not set',
      },
      {
        name: 'ssh-public-access-on',
        files: { 'main.tf': tfCluster('  ssh_public_access_enabled     = ⟦true⟧\n'), ...computePolicy('remoteLoginPortPublicAccess', { notEquals: 'Disabled' }) },
        options: opts,
        ...deny,
        messageIncludes: 'remoteLoginPortPublicAccess is "Enabled"',
      },
    ],
  },
};

ruleTester('GOV002', cases, consumer, absentConstraint, twoConstraints, nullIsAbsent, planAzapiBody, currentChildAlias, azurermPolicyPaths, selectorIn, azurermComputeAuth);
