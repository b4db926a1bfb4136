/**
 * RULES.md "Null arguments" (issue 11, item 3): a module argument or parameter-file value of
 * `null` means "not given" in ARM and Bicep, so the parameter's default applies. Terraform
 * follows its own documented semantics: a null module argument takes the variable's default
 * only when the variable says `nullable = false`; otherwise null is passed (Terraform docs,
 * Input Variables, "Disallowing null input values").
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, relatedOf, tree, where } from './tree.js';

describe('Bicep: a null module argument takes the parameter default', () => {
  // The AVM workspace module's pattern: `deployCompute: compute.?deployCompute` (null when the
  // caller leaves it out) into `param deployCompute bool = true` and `if (deployCompute == true)`.
  const compute = `param workspaceName string
param deployCompute bool = true
param properties object

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' existing = {
  name: workspaceName
}

resource compute 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = if (deployCompute == true) {
  parent: ws
  name: 'cpu-cluster'
  location: 'westeurope'
  properties: {
    computeType: 'AmlCompute'
    properties: properties
  }
}
`;
  const main = `param computes array = []

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

module ws_computes 'compute/main.bicep' = [
  for compute in computes: {
    name: 'compute-\${compute.name}'
    params: {
      workspaceName: ws.name
      deployCompute: compute.?deployCompute
      properties: compute.properties
    }
  }
]
`;
  const test = `module testDeployment '../../main.bicep' = {
  name: 'test'
  params: {
    computes: [
      {
        name: 'DefaultCPU'
        properties: {
          enableNodePublicIp: true
          vmSize: 'Standard_D2ads_v5'
        }
      }
    ]
  }
}
`;

  it('the compute is deployed (deployCompute defaults to true) and AML006 reports its public IP', async () => {
    const dir = tree({ 'main.bicep': main, 'compute/main.bicep': compute, 'tests/max/main.test.bicep': test });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML006'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML006 error tests/max/main.test.bicep:${lineCol(test, 'true')}`]);
  });

  it('a .bicepparam value of null takes the default too; the null is a related location', async () => {
    const vault = `param enablePurgeProtection bool = true

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enablePurgeProtection: enablePurgeProtection
  }
}
`;
    const off = `using 'main.bicep'\n\nparam enablePurgeProtection = false\n`;
    const unset = `using 'main.bicep'\n\nparam enablePurgeProtection = null\n`;
    const dir = tree({ 'main.bicep': vault, 'prod.bicepparam': off, 'prod-null.bicepparam': unset });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    // Only the explicit false is a finding: null leaves the default `true`.
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.bicepparam:${lineCol(off, 'false')}`]);
  });
});

describe('ARM: a null parameter-file value takes the default', () => {
  const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "enablePurgeProtection": { "type": "bool", "defaultValue": true }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-ml",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableRbacAuthorization": true,
        "enablePurgeProtection": "[parameters('enablePurgeProtection')]"
      }
    }
  ]
}
`;
  const params = (v: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "enablePurgeProtection": { "value": ${v} }
  }
}
`;

  it('null → the defaultValue true: no KV001; false is still reported', async () => {
    const dir = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.prod.json': params('null'), 'azuredeploy.parameters.production.json': params('false') });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.parameters.production.json:${lineCol(params('false'), 'false')}`]);
  });

  it('a null value for a parameter with a default that is reported points at the default, the null related', async () => {
    const t = template.replace('"defaultValue": true', '"defaultValue": false');
    const p = params('null');
    const dir = tree({ 'azuredeploy.json': t, 'azuredeploy.parameters.prod.json': p });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.json:${lineCol(t, 'false')}`]);
    expect(relatedOf(dir, r.findings[0]!)).toContain(`azuredeploy.parameters.prod.json:${lineCol(p, 'null').split(':')[0]} null given: the default applies`);
  });

  it('a null value for a nullable parameter without a default is "not given": the attribute is absent, at the resource', async () => {
    // Self-review 88: the finding had moved to the parameter file's null, apart from the one without a value.
    const t = template.replace('{ "type": "bool", "defaultValue": true }', '{ "type": "bool", "nullable": true }');
    const p = params('null');
    const dir = tree({ 'azuredeploy.json': t, 'azuredeploy.parameters.prod.json': p });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.json:${lineCol(t, '"type": "Microsoft.KeyVault')}`]);
    expect(r.findings[0]!.message).toContain('properties.enablePurgeProtection is not set (defaults to false)');
  });
});

describe('A null for a parameter with no default and not nullable: no value, so not known (audit 54)', () => {
  it('ARM parameter file, .bicepparam and a Bicep module argument: no finding, --verbose says why', async () => {
    const arm = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "type": "bool" } },\n  "resources": [{ "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kvx", "location": "westeurope", "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters(\'purge\')]" } }]\n}\n';
    const armParams = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "value": null } }\n}\n';
    const kv = "param purge bool\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n    enablePurgeProtection: purge\n  }\n}\n";
    const dir = tree({
      'arm/azuredeploy.json': arm,
      'arm/azuredeploy.parameters.json': armParams,
      'bicep/kv.bicep': kv,
      'bicep/main.bicep': "module a 'kv.bicep' = {\n  name: 'a'\n  params: {\n    purge: null\n  }\n}\n",
      'bicepparam/kv.bicep': kv,
      'bicepparam/kv.bicepparam': "using 'kv.bicep'\nparam purge = null\n",
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([]);
    const reasons = r.undecided.filter((u) => u.ruleId === 'KV001').map((u) => u.reason);
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason).toContain("parameter 'purge' is given null, which means not given, and has no default");
  });
});

describe('Bicep: a null argument for a nullable parameter without a default', () => {
  it('is "not given": one finding at the resource for the caller that passes null and the one that passes nothing', async () => {
    // Self-review 88: the null-passing caller's finding had moved to its null, apart from the other.
    const kv = "param purge bool?\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n    enablePurgeProtection: purge\n  }\n}\n";
    const main = "module a 'kv.bicep' = {\n  name: 'a'\n  params: {\n    purge: null\n  }\n}\n\nmodule b 'kv.bicep' = {\n  name: 'b'\n}\n";
    const dir = tree({ 'kv.bicep': kv, 'main.bicep': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 warning kv.bicep:${lineCol(kv, 'resource kv')}`]);
  });
});

describe('Terraform: a null module argument (nullable semantics)', () => {
  const module = `variable "purge_strict" {
  type     = bool
  default  = true
  nullable = false
}

variable "purge_loose" {
  type    = bool
  default = true
}

resource "azurerm_key_vault" "strict" {
  name                     = "kv-strict"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "t"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_strict
}

resource "azurerm_key_vault" "loose" {
  name                     = "kv-loose"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "t"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_loose
}
`;
  const root = `provider "azurerm" {
  features {}
}

module "vaults" {
  source       = "./modules/vaults"
  purge_strict = null
  purge_loose  = null
}
`;

  it('nullable = false: null takes the default; nullable (the default): null is passed', async () => {
    const dir = tree({ 'main.tf': root, 'modules/vaults/main.tf': module });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    // Only the nullable variable ends up null: purge_protection_enabled absent (defaults to false).
    expect(r.findings.map((f) => f.address)).toEqual(['module.vaults.azurerm_key_vault.loose']);
    // The null the caller wrote is where the finding points (review 87: it was the resource header, "not set").
    expect(r.findings[0]!.message).toContain('purge_protection_enabled is null (defaults to false)');
    expect(where(dir, r.findings)).toEqual([`KV001 warning main.tf:${lineCol(root, 'null', 'purge_loose')}`]);
  });
});
