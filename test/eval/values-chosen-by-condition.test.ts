/**
 * RULES.md "Values chosen by a condition" (issue 11, item 2): a value a conditional chose
 * (`c ? a : b`, ARM `if()`, Bicep `c ? a : b`, `coalesce`, `try`) is reported where the input
 * that decided the condition was written, with the chosen branch as a related location; so is
 * a `null` branch (the attribute then counts as absent). A branch that passes an input
 * through keeps its own location.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, relatedOf, tree, where } from './tree.js';

// ---- Terraform ------------------------------------------------------------------------------

/** An azurerm ML workspace "mlw" whose public access is `pna` (an expression as written). */
const workspace = (pna: string): string => `resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "/x/appi"
  key_vault_id                  = "/x/kv"
  storage_account_id            = "/x/st"
  public_network_access_enabled = ${pna}
}
`;

/** The AVM workspace module's pattern (terraform-azurerm-avm-res-machinelearningservices-workspace). */
const WORKSPACE_MODULE = `variable "public_network_access_enabled" {
  type     = bool
  default  = false
  nullable = false
}

variable "is_private" {
  type    = bool
  default = null
}

locals {
  enable_public_network_access = var.is_private != null ? var.is_private == false : var.public_network_access_enabled
}

resource "azapi_resource" "this" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/0000/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = local.enable_public_network_access ? "Enabled" : "Disabled"
    }
  }
}
`;

const caller = (args: string): string => `provider "azurerm" {
  features {}
}

module "azureml" {
  source = "../../"
${args}
}
`;

describe('Terraform: a value chosen by a condition', () => {
  it('is reported once per caller, at the argument that decided it (not inside the module)', async () => {
    const a = caller('  public_network_access_enabled = true');
    const d = caller('  is_private = false');
    const dir = tree({
      'main.tf': WORKSPACE_MODULE,
      'examples/a/main.tf': a,
      'examples/b/main.tf': a,
      'examples/c/main.tf': caller('  public_network_access_enabled = false'),
      'examples/d/main.tf': d,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([
      `AML001 warning examples/a/main.tf:${lineCol(a, 'true')}`,
      `AML001 warning examples/b/main.tf:${lineCol(a, 'true')}`,
      // Decided by `var.is_private == false`: the input is the caller's `is_private`.
      `AML001 warning examples/d/main.tf:${lineCol(d, 'false')}`,
    ]);
    const fa = r.findings.find((f) => f.location.file.endsWith(path.join('a', 'main.tf')))!;
    const related = relatedOf(dir, fa);
    expect(related[0]).toBe(`main.tf:${lineCol(WORKSPACE_MODULE, '"Enabled"').split(':')[0]} value chosen by the condition`);
    expect(related).toContain(`main.tf:${lineCol(WORKSPACE_MODULE, 'publicNetworkAccess =').split(':')[0]} condition`);
    expect(related).toContain('examples/a/main.tf:7 module "azureml" argument "public_network_access_enabled"');
  });

  it('a pass-through argument keeps its location (the argument value)', async () => {
    const module = `variable "public" {
  type = bool
}

${workspace('var.public')}`;
    const call = caller('  public = true');
    const dir = tree({ 'main.tf': module, 'examples/a/main.tf': call });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning examples/a/main.tf:${lineCol(call, 'true')}`]);
  });

  it('a branch that passes an input through keeps its origin; the condition is related', async () => {
    const module = `variable "use_override" {
  type    = bool
  default = true
}

variable "override" {
  type    = bool
  default = true
}

${workspace('var.use_override ? var.override : false')}`;
    const dir = tree({ 'main.tf': module + 'provider "azurerm" {\n  features {}\n}\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(module, 'true', 'variable "override"')}`]);
    expect(relatedOf(dir, r.findings[0]!)).toContain(`main.tf:${lineCol(module, 'true').split(':')[0]} decided by this value`);
  });

  it("a caller's argument that decides a module's switch between its own inputs is the location, the module default related", async () => {
    const module = `variable "private" {
  type = bool
}

variable "pna" {
  type    = bool
  default = true
}

${workspace('var.private ? false : var.pna')}`;
    const call = caller('  private = false');
    const dir = tree({ 'main.tf': module, 'examples/a/main.tf': call });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning examples/a/main.tf:${lineCol(call, 'false')}`]);
    expect(relatedOf(dir, r.findings[0]!)).toContain(`main.tf:${lineCol(module, 'true').split(':')[0]} value chosen by the condition`);
  });

  it('a null branch: the attribute is absent, reported at the var-file value that chose null', async () => {
    const main = `provider "azurerm" {
  features {}
}

variable "protect" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "t"
  sku_name                 = "standard"
  purge_protection_enabled = var.protect ? true : null
}
`;
    const prod = 'protect = false\n';
    const dir = tree({ 'main.tf': main, 'prod.tfvars': prod });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.tfvars:${lineCol(prod, 'false')}`]);
    expect(r.findings[0]!.message).toContain('purge_protection_enabled is null (defaults to false)');
    expect(relatedOf(dir, r.findings[0]!)[0]).toBe(`main.tf:${lineCol(main, 'null').split(':')[0]} null chosen by the condition`);
  });

  it('a local that reads an input (a member of an object argument) carries the caller\'s value: the caller\'s argument decides', async () => {
    const module = `variable "settings" {
  type = object({ public = bool })
}

locals {
  public = var.settings.public
}

${workspace('local.public ? true : false')}`;
    const call = caller('  settings = { public = true }');
    const dir = tree({ 'main.tf': module, 'examples/a/main.tf': call });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning examples/a/main.tf:${lineCol(call, 'true')}`]);
  });

  it('a module written in .tf.json is one module of its folder: the caller\'s argument decides', async () => {
    const call = caller('  private = false');
    const dir = tree({
      'main.tf.json': JSON.stringify({ resource: { azurerm_machine_learning_workspace: { w: { name: 'mlw', location: 'westeurope', resource_group_name: 'rg', application_insights_id: 'x', key_vault_id: 'y', storage_account_id: 'z', public_network_access_enabled: '${var.private ? false : var.public_default}' } } } }, null, 2),
      'variables.tf.json': JSON.stringify({ variable: { private: { type: 'bool' }, public_default: { type: 'bool', default: true } } }, null, 2),
      'examples/a/main.tf': call,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning examples/a/main.tf:${lineCol(call, 'false')}`]);
  });

  it('a var file in a subfolder is no caller: a branch passing the module default through keeps its origin', async () => {
    const main = `variable "locked_down" {
  type = bool
}

variable "pna_open" {
  type    = bool
  default = true
}

${workspace('var.locked_down ? false : var.pna_open')}`;
    const dir = tree({ 'main.tf': main, 'env/dev.tfvars': 'locked_down = false\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 note main.tf:${lineCol(main, 'true')}`]);
  });

  it('a local holding a literal is not an input: the chosen branch is where the value is written', async () => {
    const main = `locals {
  private = false
}

${workspace('local.private ? false : true')}`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(main, 'true')}`]);
  });

  it('a chosen branch held by a local that holds a literal is decided by the input (the local is no input)', async () => {
    const main = `variable "locked_down" {
  type    = bool
  default = false
}

locals {
  open = true
}

${workspace('var.locked_down ? false : local.open')}`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(main, 'false\n}')}`]);
  });

  it('a condition computed from an input (`var.env == "prod"`) is decided by that input', async () => {
    const main = `provider "azurerm" {
  features {}
}

variable "env" {
  type = string
}

${workspace('lower(var.env) == "prod" ? false : true')}`;
    const tfvars = 'env = "dev"\n';
    const dir = tree({ 'main.tf': main, 'dev.tfvars': tfvars });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 note dev.tfvars:${lineCol(tfvars, '"dev"')}`]);
  });

  it('try() and coalesce() are decided by the input that failed or was null', async () => {
    const main = `provider "azurerm" {
  features {}
}

variable "network" {
  type    = object({ public = bool })
  default = null
}

variable "public" {
  type    = bool
  default = null
}

resource "azurerm_machine_learning_workspace" "a" {
  name                          = "mlw-a"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "/x/appi"
  key_vault_id                  = "/x/kv"
  storage_account_id            = "/x/st"
  public_network_access_enabled = try(var.network.public, true)
}

resource "azurerm_machine_learning_workspace" "b" {
  name                          = "mlw-b"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "/x/appi"
  key_vault_id                  = "/x/kv"
  storage_account_id            = "/x/st"
  public_network_access_enabled = coalesce(var.public, true)
}
`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual(
      [`AML001 warning main.tf:${lineCol(main, 'null', 'variable "network"')}`, `AML001 warning main.tf:${lineCol(main, 'null', 'variable "public"')}`].sort(),
    );
  });

  it('lookup() falls back to its default because of the map without the key: each caller gets its own finding', async () => {
    const child = `variable "opts" {
  type = map(bool)
}

resource "azurerm_key_vault" "kv" {
  name                      = "kv"
  location                  = "westeurope"
  resource_group_name       = "rg"
  tenant_id                 = "t"
  sku_name                  = "standard"
  enable_rbac_authorization = true
  purge_protection_enabled  = lookup(var.opts, "purge", false)
}
`;
    const main = `module "a" {
  source = "./kv"
  opts   = {}
}

module "b" {
  source = "./kv"
  opts   = { purge = false }
}

module "c" {
  source = "./kv"
  opts   = { purge = true }
}
`;
    const dir = tree({ 'main.tf': main, 'kv/main.tf': child });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 warning main.tf:${lineCol(main, '{}')}`, `KV001 warning main.tf:${lineCol(main, 'false')}`]);
    expect(relatedOf(dir, r.findings.find((f) => f.location.range.start.line === 3)!)).toContain('kv/main.tf:12 lookup() map without the key');
  });

  it('a condition with no input (`true ? … : …`) keeps the branch location', async () => {
    const main = `provider "azurerm" {
  features {}
}

${workspace('1 == 1 ? true : false')}`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.tf:${lineCol(main, 'true :')}`]);
  });
});

// ---- ARM (hand-written and compiled from Bicep) ---------------------------------------------

const armTemplate = (generator: boolean, props: string, params: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",${generator ? '\n  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470" } },' : ''}
  "parameters": {
${params}
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
${props}
      }
    }
  ]
}
`;

const armParams = (values: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
${values}
  }
}
`;

describe('ARM: a value chosen by if() or coalesce()', () => {
  it('a condition reading a variable that holds a literal list and a parameter is decided by the parameter (the variable is no input)', async () => {
    const template = armTemplate(false, `        "enablePurgeProtection": "[if(contains(variables('goldTiers'), parameters('tier')), true(), false())]"`, `    "tier": { "type": "string", "defaultValue": "gold" }`).replace(
      '  "resources": [',
      '  "variables": {\n    "goldTiers": [ "gold", "platinum" ]\n  },\n  "resources": [',
    );
    const params = armParams(`    "tier": { "value": "silver" }`);
    const dir = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': params });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod' });
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.parameters.json:${lineCol(params, '"silver"')}`]);
  });


  for (const compiled of [false, true]) {
    it(`${compiled ? 'compiled Bicep' : 'hand-written'}: a null branch of if() is reported at the parameter-file value`, async () => {
      const template = armTemplate(compiled, `        "enablePurgeProtection": "[if(parameters('purgeProtection'), true(), null())]"`, `    "purgeProtection": { "type": "bool", "defaultValue": true }`);
      const params = armParams(`    "purgeProtection": { "value": false }`);
      const dir = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.prod.json': params });
      const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
      expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.parameters.prod.json:${lineCol(params, 'false')}`]);
      expect(relatedOf(dir, r.findings[0]!)[0]).toBe(`azuredeploy.json:${lineCol(template, '"[if(').split(':')[0]} null chosen by the condition`);
    });
  }

  it('an object if() chose without the key (createObject() with none) is reported at the parameter-file value', async () => {
    const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "isPrivate": { "type": "bool", "defaultValue": true }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw",
      "location": "westeurope",
      "properties": "[union(createObject('friendlyName', 'mlw'), if(parameters('isPrivate'), createObject('publicNetworkAccess', 'Disabled'), createObject()))]"
    }
  ]
}
`;
    const params = armParams(`    "isPrivate": { "value": false }`);
    const dir = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.prod.json': params });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 error azuredeploy.parameters.prod.json:${lineCol(params, 'false')}`]);
    expect(relatedOf(dir, r.findings[0]!)[0]).toBe(`azuredeploy.json:${lineCol(template, '"[union(').split(':')[0]} object chosen by the condition, without this key`);
  });

  it('a condition computed from a parameter (equals) is decided by its defaultValue', async () => {
    const template = armTemplate(false, `        "enablePurgeProtection": "[if(equals(parameters('env'), 'prod'), true(), false())]"`, `    "env": { "type": "string", "defaultValue": "dev" }`);
    const dir = tree({ 'azuredeploy.json': template });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod' });
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.json:${lineCol(template, '"dev"')}`]);
  });

  it('coalesce(): the literal it falls back to is decided by the null parameter value', async () => {
    const template = armTemplate(false, `        "enablePurgeProtection": "[coalesce(parameters('purgeProtection'), false())]"`, `    "purgeProtection": { "type": "bool", "nullable": true }`);
    const params = armParams(`    "purgeProtection": { "value": null }`);
    const dir = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': params });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod' });
    // A null given for a nullable parameter without a default is "not given" (RULES.md "Null
    // arguments"; self-review 88): the parameter is null, and decides; the null written is related.
    expect(where(dir, r.findings)).toEqual([`KV001 error azuredeploy.json:${lineCol(template, '"purgeProtection": {')}`]);
    expect(relatedOf(dir, r.findings[0]!)).toContain(`azuredeploy.parameters.json:${lineCol(params, 'null').split(':')[0]} null given: not given, the parameter is null`);
  });
});

// ---- native Bicep ---------------------------------------------------------------------------

describe('Bicep: a value chosen by a ternary', () => {
  const vault = `param enablePurgeProtection bool = true

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enablePurgeProtection: enablePurgeProtection ? true : null
  }
}
`;

  it('a condition reading a variable that holds a literal list and a parameter is decided by the parameter (the variable is no input)', async () => {
    const main = vault.replace('param enablePurgeProtection bool = true', "param tier string = 'gold'\nvar goldTiers = [ 'gold', 'platinum' ]").replace('enablePurgeProtection ? true : null', 'contains(goldTiers, tier) ? true : false');
    const prod = `using 'main.bicep'\n\nparam tier = 'silver'\n`;
    const dir = tree({ 'main.bicep': main, 'prod.bicepparam': prod });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.bicepparam:${lineCol(prod, "'silver'")}`]);
  });

  it('a variable holding a literal is no input: the chosen branch is where the value is written', async () => {
    const main = vault.replace('param enablePurgeProtection bool = true', 'var locked = false').replace('enablePurgeProtection ? true : null', 'locked ? true : false');
    const dir = tree({ 'main.bicep': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod' });
    expect(where(dir, r.findings)).toEqual([`KV001 error main.bicep:${lineCol(main, 'true : false').replace(/:(\d+)$/, (_, c: string) => `:${Number(c) + 7}`)}`]);
  });

  it('a chosen branch held by a variable that holds a literal is decided by the parameter file value (the variable is no input)', async () => {
    const main = vault.replace('param enablePurgeProtection bool = true', 'param enablePurgeProtection bool = true\nvar off = false').replace('enablePurgeProtection ? true : null', 'enablePurgeProtection ? true : off');
    const prod = `using 'main.bicep'\n\nparam enablePurgeProtection = false\n`;
    const dir = tree({ 'main.bicep': main, 'prod.bicepparam': prod });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.bicepparam:${lineCol(prod, 'false')}`]);
  });

  it('an object chosen by the condition without the key (union(base, c ? { x: … } : {})): each caller at its own argument', async () => {
    // RULES.md: an attribute a condition makes absent is reported where the deciding input was
    // written; the Bicep idiom for optional properties leaves it out instead of writing null (review 95).
    const ws = `param name string
param isPrivate bool
var baseProps = { friendlyName: name }
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: name
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: union(baseProps, isPrivate ? { publicNetworkAccess: 'Disabled' } : {})
}
`;
    const main = `module teamA 'modules/ws.bicep' = {
  name: 'team-a'
  params: { name: 'mlw-team-a', isPrivate: false }
}
module teamB 'modules/ws.bicep' = {
  name: 'team-b'
  params: { name: 'mlw-team-b', isPrivate: false }
}
module teamC 'modules/ws.bicep' = {
  name: 'team-c'
  params: { name: 'mlw-team-c', isPrivate: true }
}
`;
    const dir = tree({ 'main.bicep': main, 'modules/ws.bicep': ws });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true, env: 'prod' });
    expect(where(dir, r.findings)).toEqual([`AML001 error main.bicep:${lineCol(main, 'false')}`, `AML001 error main.bicep:${lineCol(main, 'false', 'teamB')}`]);
    expect(r.findings[0]!.message).toContain('properties.publicNetworkAccess is not set (defaults to Enabled)');
    expect(relatedOf(dir, r.findings[0]!)[0]).toBe('modules/ws.bicep:8 object chosen by the condition, without this key');
    // The spread form of the idiom: the same.
    const spread = tree({ 'main.bicep': main, 'modules/ws.bicep': ws.replace("properties: union(baseProps, isPrivate ? { publicNetworkAccess: 'Disabled' } : {})", "properties: {\n    ...baseProps\n    ...(isPrivate ? { publicNetworkAccess: 'Disabled' } : {})\n  }") });
    const viaSpread = await lint({ paths: [spread], root: spread, rules: ['AML001'], noConfig: true, env: 'prod' });
    expect(where(spread, viaSpread.findings)).toEqual([`AML001 error main.bicep:${lineCol(main, 'false')}`, `AML001 error main.bicep:${lineCol(main, 'false', 'teamB')}`]);
    // A key another argument of union() sets is not left out.
    const set = tree({ 'main.bicep': main, 'modules/ws.bicep': ws.replace("isPrivate ? { publicNetworkAccess: 'Disabled' } : {})", "isPrivate ? { publicNetworkAccess: 'Disabled' } : {}, { publicNetworkAccess: 'Disabled' })") });
    expect((await lint({ paths: [set], root: set, rules: ['AML001'], noConfig: true, env: 'prod' })).findings).toEqual([]);
  });

  it('a null branch is reported at the .bicepparam value that chose it', async () => {
    const prod = `using 'main.bicep'\n\nparam enablePurgeProtection = false\n`;
    const dir = tree({ 'main.bicep': vault, 'prod.bicepparam': prod });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.bicepparam:${lineCol(prod, 'false')}`]);
    expect(relatedOf(dir, r.findings[0]!)[0]).toBe(`main.bicep:${lineCol(vault, 'null').split(':')[0]} null chosen by the condition`);
  });

  it('each caller of a module gets its own finding at its own argument', async () => {
    const test = (v: string): string => `module testDeployment '../../main.bicep' = {
  name: 'test'
  params: {
    enablePurgeProtection: ${v}
  }
}
`;
    const dir = tree({
      'main.bicep': vault,
      'tests/defaults/main.test.bicep': test('false'),
      'tests/max/main.test.bicep': test('false'),
      'tests/waf/main.test.bicep': test('true'),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    const at = lineCol(test('false'), 'false');
    expect(where(dir, r.findings)).toEqual([`KV001 warning tests/defaults/main.test.bicep:${at}`, `KV001 warning tests/max/main.test.bicep:${at}`]);
  });

  it('a module beside its caller is a module of its own: the caller\'s argument that chose the module default through a branch', async () => {
    const ws = `param lockedDown bool = true
param pnaOpen string = 'Enabled'
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: lockedDown ? 'Disabled' : pnaOpen
  }
}
`;
    const main = `module a './ws.bicep' = {
  name: 'a'
  params: {
    lockedDown: false
  }
}
`;
    const dir = tree({ 'main.bicep': main, 'ws.bicep': ws });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`AML001 warning main.bicep:${lineCol(main, 'false')}`]);
  });

  it('?? is decided by the null on its left', async () => {
    const main = `param settings object = {}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enablePurgeProtection: settings.?purgeProtection ?? false
  }
}
`;
    const prod = `using 'main.bicep'\n\nparam settings = {\n  purgeProtection: null\n}\n`;
    const dir = tree({ 'main.bicep': main, 'prod.bicepparam': prod });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 error prod.bicepparam:${lineCol(prod, 'null')}`]);
  });
});
