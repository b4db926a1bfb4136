/**
 * GOV003 (org-policy-audit): a resource that a configured Azure Policy with effect audit marks
 * non-compliant. A parameterised effect at its default (Audit); count/where over NSG rules
 * (inline and, for the child type, standalone); `like` with `*`; `mode: Indexed` on a type
 * without tags.
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import { allOfDefinition, AUDIT_N_SERIES, AZ_LIST_PUBLIC_ML, AUDIT_NSG_ADMIN_PORTS, PARAM_EFFECT_PUBLIC_ML, policyConfig, tfParamEffectDefinition } from './policy-cases.js';

const param = { 'policies/ml-public-param.json': PARAM_EFFECT_PUBLIC_ML };
const nsg = { 'policies/nsg.json': AUDIT_NSG_ADMIN_PORTS };
const nSeries = { 'policies/n-series.json': AUDIT_N_SERIES };
const opts = { config: policyConfig() };
const audit = { level: 'warning' as const, env: 'unknown' as const, messageId: 'audit' };

/** The built-in IdleShutdown_Audit's rule (Azure/azure-policy, built-in-policies/policyDefinitions/Machine Learning). */
const IDLE_SHUTDOWN_AUDIT = JSON.stringify({
  name: 'idle-shutdown',
  properties: {
    displayName: 'Azure Machine Learning Compute Instance should have idle shutdown.',
    mode: 'All',
    policyRule: {
      if: {
        allOf: [
          { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' },
          { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', equals: 'ComputeInstance' },
          {
            anyOf: [
              { field: 'Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown', exists: false },
              { value: "[empty(field('Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown'))]", equals: true },
            ],
          },
        ],
      },
      then: { effect: 'audit' },
    },
  },
});

/** The same rule for the standalone child type, in a given mode. */
const ruleTypePolicy = (mode: string): string =>
  JSON.stringify({
    name: `audit-ssh-rule-${mode}`,
    properties: {
      displayName: `Audit SSH rules (${mode})`,
      mode,
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.Network/networkSecurityGroups/securityRules' },
            { field: 'Microsoft.Network/networkSecurityGroups/securityRules/destinationPortRange', equals: '22' },
          ],
        },
        then: { effect: 'audit' },
      },
    },
  });

const tfNsg = (port: string, source: string): string => `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ${port}
    source_address_prefix      = ${source}
    destination_address_prefix = "*"
  }
}
`;

const tfRule = (port: string): string => `
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = ${port}
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`;

const armNsg = (port: string, source: string, generator = false): string => `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",${generator ? `
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },` : ''}
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-09-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "https",
            "properties": { "priority": 90, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443" }
          },
          {
            "name": "ssh",
            "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": ${source}, "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": ${port} }
          }
        ]
      }
    }
  ]
}
`;

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

const cases: RuleTable = {
  terraform: {
    valid: [
      {
        // azurerm does not send purge_protection_enabled = false (only true): `equals false` does not hold.
        name: 'vault-purge-protection-false-is-not-sent',
        files: {
          'main.tf':
            'resource "azurerm_key_vault" "kv" {\n  name                     = "kv-ml"\n  location                 = "westeurope"\n  resource_group_name      = "rg-ml"\n  tenant_id                = "00000000-0000-0000-0000-000000000000"\n  sku_name                 = "standard"\n  purge_protection_enabled = false\n}\n',
          'policies/kv-purge-audit.json': JSON.stringify({
            name: 'kv-purge-audit',
            properties: {
              displayName: 'Audit Key Vault without purge protection',
              mode: 'Indexed',
              policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.KeyVault/vaults' }, { field: 'Microsoft.KeyVault/vaults/enablePurgeProtection', equals: false }] }, then: { effect: 'audit' } },
            },
          }),
        },
        options: opts,
      },
      { name: 'nsg-ssh-from-vnet-only', files: { 'main.tf': tfNsg('"22"', '"10.0.0.0/8"'), ...nsg }, options: opts },
      { name: 'workspace-private-param-default', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = false'), ...param }, options: opts },
      // mode Indexed skips a type without tags: the standalone rule is not evaluated.
      { name: 'indexed-skips-security-rules', files: { 'main.tf': tfRule('"22"'), 'policies/rule.json': ruleTypePolicy('Indexed') }, options: opts },
      // Assigned as Deny: GOV002's, not GOV003's.
      {
        name: 'param-effect-assigned-deny',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = true'), ...param },
        options: { config: policyConfig({ parameters: { 'ml-public-network-param': { effect: 'Deny' } } }) },
      },
      { name: 'cpu-size-not-like-n', files: { 'main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm-a"\n  size = "Standard_D4s_v5"\n}\n', ...nSeries }, options: opts },
    ],
    invalid: [
      { name: 'param-effect-default-audit', files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), ...param }, options: opts, ...audit,
        message: /^Azure Policy "Azure Machine Learning Workspaces should disable public network access" \(audit\) marks azurerm_machine_learning_workspace "mlw-demo" as non-compliant: publicNetworkAccess is "Enabled"/ },
      { name: 'nsg-inline-ssh-from-anywhere', files: { 'main.tf': tfNsg('⟦"22"⟧', '"*"'), ...nsg }, options: opts, ...audit },
      { name: 'all-mode-standalone-rule', files: { 'main.tf': tfRule('⟦"22"⟧'), 'policies/rule.json': ruleTypePolicy('All') }, options: opts, ...audit },
      { name: 'like-wildcard', files: { 'main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm-a"\n  size = ⟦"Standard_NC24ads_A100_v4"⟧\n}\n', ...nSeries }, options: opts, ...audit },
      // The second element of an `az policy definition list` array (review 105: the array was dropped).
      { name: 'like-wildcard-from-an-az-policy-definition-list-array', files: { 'main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm-a"\n  size = ⟦"Standard_NC24ads_A100_v4"⟧\n}\n', 'policies/az-list.json': AZ_LIST_PUBLIC_ML }, options: opts, ...audit,
        message: /^Azure Policy "Audit N-series VMs \(listed\)" \(audit\)/ },
      {
        // A definition in the code whose name is not known may be the one a key names: no config error, its default applies (review 106: exit 2, offering its address as a name).
        name: 'code-definition-whose-name-is-not-known-keeps-its-default',
        files: { 'main.tf': tfWorkspace('  public_network_access_enabled = ⟦true⟧'), 'governance/policy.tf': tfParamEffectDefinition('"${var.prefix}-deny-ml-public"', 'jsonencode({ effect = { type = "String", defaultValue = "Audit", allowedValues = ["Audit", "Deny", "Disabled"] } })') },
        options: { config: { policies: { fromScannedCode: true, parameters: { 'contoso-deny-ml-publc': { effect: 'Deny' } } } } },
        ...audit,
        message: /^Azure Policy "Deny public ML workspaces \(code\)" \(audit\)/,
      },
      {
        // The whole tags map a resource writes none of is not sent, for a type the tables do not model too (review 58: undecided).
        name: 'tags-map-not-written-on-a-resource-group',
        files: {
          'main.tf': '⟦resource "azurerm_resource_group" "a" {⟧\n  name     = "rg-a"\n  location = "westeurope"\n}\n',
          'policies/owner.json': JSON.stringify({
            name: 'need-owner',
            properties: { displayName: 'Need owner tag', mode: 'All', policyRule: { if: { not: { field: 'tags', containsKey: 'owner' } }, then: { effect: 'audit' } } },
          }),
        },
        options: opts,
        ...audit,
        message: /tags is not set/,
      },
      {
        // A tags map without the key: the message says so (review 82: it said "tags matches").
        name: 'contains-key-on-a-map-without-the-key',
        files: {
          'main.tf': 'resource "azurerm_resource_group" "a" {\n  name     = "rg-a"\n  location = "westeurope"\n  tags     = ⟦{ team = "ml" }⟧\n}\n',
          'policies/owner.json': JSON.stringify({
            name: 'need-owner',
            properties: { displayName: 'Need owner tag', mode: 'All', policyRule: { if: { not: { field: 'tags', containsKey: 'owner' } }, then: { effect: 'audit' } } },
          }),
        },
        options: opts,
        ...audit,
        message: /tags has no key "owner"/,
      },
      {
        // The built-in "Azure Machine Learning Compute Instance should have idle shutdown": azurerm
        // has no argument for it, so the request never carries one (review 74: it was undecided).
        name: 'azurerm-compute-instance-never-sends-idle-shutdown',
        files: {
          'main.tf': '⟦resource "azurerm_machine_learning_compute_instance" "ci" {⟧\n  name                          = "ci-dev-01"\n  machine_learning_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw"\n  virtual_machine_size          = "Standard_DS11_v2"\n}\n',
          'policies/idle.json': IDLE_SHUTDOWN_AUDIT,
        },
        options: opts,
        ...audit,
        message: /marks azurerm_machine_learning_compute_instance "ci-dev-01" as non-compliant: idleTimeBeforeShutdown is not set and computeType is "ComputeInstance"/,
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'workspace-disabled',
        files: { 'main.tf': 'resource "azapi_resource" "ws" {\n  type = "Microsoft.MachineLearningServices/workspaces@2024-04-01"\n  name = "mlw-demo"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  body = {\n    properties = {\n      publicNetworkAccess = "Disabled"\n    }\n  }\n}\n', ...param },
        options: opts,
      },
    ],
    invalid: [
      {
        // `exists: false` holds on the request body: azapi sends only what is written.
        name: 'workspace-property-absent',
        files: { 'main.tf': '⟦resource "azapi_resource" "ws" {⟧\n  type = "Microsoft.MachineLearningServices/workspaces@2024-04-01"\n  name = "mlw-demo"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  body = {\n    properties = {\n      friendlyName = "demo"\n    }\n  }\n}\n', ...param },
        options: opts,
        ...audit,
      },
      {
        // A count of 0 over an array the resource writes empty: the array, which is set (review 51: "is not set").
        name: 'count-over-an-empty-written-array',
        files: {
          'main.tf':
            'resource "azapi_resource" "kv" {\n  type      = "Microsoft.KeyVault/vaults@2023-07-01"\n  name      = "kv-ml"\n  location  = "westeurope"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  body = {\n    properties = {\n      networkAcls = {\n        ipRules = ⟦[]⟧\n      }\n    }\n  }\n}\n',
          'policies/ip-rules.json': JSON.stringify({
            name: 'ip-rules',
            properties: {
              displayName: 'Key Vaults need an IP rule',
              mode: 'All',
              policyRule: {
                if: { allOf: [{ field: 'type', equals: 'Microsoft.KeyVault/vaults' }, { count: { field: 'Microsoft.KeyVault/vaults/networkAcls.ipRules[*]', where: { value: "[field('location')]", equals: 'westeurope' } }, equals: 0 }] },
                then: { effect: 'audit' },
              },
            },
          }),
        },
        options: opts,
        ...audit,
        message: /marks Microsoft\.KeyVault\/vaults "kv-ml" as non-compliant: 0 members of the policy's count match;/,
      },
    ],
  },
  arm: {
    valid: [{ name: 'nsg-ssh-from-vnet', files: { 'main.json': armNsg('"22"', '"VirtualNetwork"'), ...nsg }, options: opts }],
    invalid: [{ name: 'nsg-ssh-from-internet', files: { 'main.json': armNsg('⟦"22"⟧', '"Internet"'), ...nsg }, options: opts, ...audit }],
  },
  'bicep-compiled': {
    valid: [{ name: 'nsg-https-only', files: { 'main.json': armNsg('"8443"', '"*"', true), ...nsg }, options: opts }],
    invalid: [{ name: 'nsg-rdp-wildcard', files: { 'main.json': armNsg('⟦"3389"⟧', '"*"', true), ...nsg }, options: opts, ...audit }],
  },
  bicep: {
    valid: [
      {
        name: 'vm-d-series',
        files: { 'main.bicep': "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {\n  name: 'vm-a'\n  location: 'westeurope'\n  properties: {\n    hardwareProfile: {\n      vmSize: 'Standard_D4s_v5'\n    }\n  }\n}\n", ...nSeries },
        options: opts,
      },
    ],
    invalid: [
      {
        name: 'vm-n-series',
        files: { 'main.bicep': "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {\n  name: 'vm-a'\n  location: 'westeurope'\n  properties: {\n    hardwareProfile: {\n      vmSize: ⟦'Standard_NV36ads_A10_v5'⟧\n    }\n  }\n}\n", ...nSeries },
        options: opts,
        ...audit,
      },
    ],
  },
};

// The az CLI front end (issue 13) produces canonical resources: the same view applies.
if ((RESOURCE_FORMATS as readonly string[]).includes('azure-cli')) {
  (cases as Record<string, unknown>)['azure-cli'] = {
    valid: [{ name: 'workspace-disabled', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\n', ...param }, options: opts }],
    invalid: [{ name: 'workspace-enabled', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access ⟦Enabled⟧\n', ...param }, options: opts, ...audit }],
  };
}

// Azure ML YAML workspaces are canonical resources too (the workspace YAML's public_network_access).
const amlWorkspace = (pna: string): string => `$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
location: westeurope
${pna}
`;
(cases as Record<string, unknown>)['azureml-yaml'] = {
  valid: [{ name: 'workspace-disabled', files: { 'workspace.yml': amlWorkspace('public_network_access: disabled'), ...param }, options: opts }],
  invalid: [{ name: 'workspace-enabled', files: { 'workspace.yml': amlWorkspace('public_network_access: ⟦enabled⟧'), ...param }, options: opts, ...audit }],
};

// A selector (`computeType equals ComputeInstance`) and the constraint (a `value` condition over
// `field()`, or a field compared with ""): the finding points at the constraint's value, in either
// order (review 64: it pointed at the selector's `computeType`).
const idlePolicy = (constraintFirst: boolean): string => {
  const selector = { field: 'Microsoft.MachineLearningServices/workspaces/computes/computeType', equals: 'ComputeInstance' };
  const constraint = { value: "[empty(field('Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown'))]", equals: true };
  const type = { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces/computes' };
  return allOfDefinition('idle', 'CI idle shutdown', constraintFirst ? [type, constraint, selector] : [type, selector, constraint], 'audit');
};
const computeInstance = (idle: string): string =>
  `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [ { "type": "Microsoft.MachineLearningServices/workspaces/computes", "apiVersion": "2024-04-01", "name": "mlw/ci1", "location": "westeurope", "properties": { "computeType": "ComputeInstance", "properties": { "vmSize": "Standard_DS3_v2", "idleTimeBeforeShutdown": ${idle} } } } ] }\n`;
const selectors: RuleTable = {
  arm: {
    valid: [{ name: 'instance-with-idle-shutdown', files: { 'ci.json': computeInstance('"PT30M"'), 'policies/idle.json': idlePolicy(false) }, options: opts }],
    invalid: [
      { name: 'constraint-after-the-selector', files: { 'ci.json': computeInstance('⟦""⟧'), 'policies/idle.json': idlePolicy(false) }, options: opts, ...audit, messageIncludes: 'idleTimeBeforeShutdown is "" and computeType is "ComputeInstance"' },
      { name: 'constraint-before-the-selector', files: { 'ci.json': computeInstance('⟦""⟧'), 'policies/idle.json': idlePolicy(true) }, options: opts, ...audit },
    ],
  },
};

ruleTester('GOV003', cases, selectors);
