/**
 * The expansion budget (core/limits.ts EXPANSION_BUDGET): each loop is capped at 1,024 instances,
 * but loops inside loops multiply. Past 20,000 instances in one evaluation the rest is left out
 * with one EVAL001 note, in Terraform (module count × resource count, nested dynamic blocks),
 * Bicep (nested for-expressions) and ARM (a copied nested deployment around a copied resource).
 * Without it these inputs ran for minutes or ran out of heap (exit 134), losing every other file.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tree } from './tree.js';

const BUDGET_NOTE = /^Loops inside loops expand to more than 20,000 instances in this (?:configuration|evaluation)/;

async function budgetNotes(files: Record<string, string>): Promise<string[]> {
  const dir = tree(files);
  const r = await lint({ paths: [dir], root: dir, noConfig: true });
  return r.findings.filter((f) => f.ruleId === 'EVAL001' && BUDGET_NOTE.test(f.message)).map((f) => f.message);
}

describe('loops inside loops stop at the expansion budget, with one EVAL001 note', () => {
  it('Terraform: a module with count around a resource with count', async () => {
    const notes = await budgetNotes({
      'main.tf': 'module "m" {\n  source = "./m"\n  count  = 200\n}\n',
      'm/main.tf': 'resource "azurerm_key_vault" "kv" {\n  count               = 200\n  name                = "kv${count.index}"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  tenant_id           = "t"\n  sku_name            = "standard"\n}\n',
    });
    expect(notes).toHaveLength(1);
  });

  it('Terraform: each var-file variant has the whole budget (a large dev variant does not cut the prod one)', async () => {
    const dir = tree({
      'main.tf': 'variable "n" {\n  type = number\n}\n\nmodule "m" {\n  source = "./m"\n  count  = var.n\n}\n\nmodule "kv" {\n  source = "./kv"\n}\n',
      'm/main.tf': 'resource "azurerm_resource_group" "g" {\n  count    = 18\n  name     = "rg-${count.index}"\n  location = "westeurope"\n}\n',
      'kv/main.tf': 'resource "azurerm_key_vault" "kv" {\n  count                     = 1\n  name                      = "kv"\n  location                  = "westeurope"\n  resource_group_name       = "rg"\n  tenant_id                 = "t"\n  sku_name                  = "standard"\n  enable_rbac_authorization = true\n}\n',
      'dev.tfvars': 'n = 1024\n',
      'prod.tfvars': 'n = 100\n',
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['KV001'] });
    expect(r.findings.map((f) => [f.ruleId, f.level, f.env])).toEqual([['KV001', 'error', 'prod']]);
  });

  it('Terraform: nested dynamic blocks', async () => {
    const dynamic = (name: string, inner: string): string => `dynamic "${name}" {\n    for_each = range(64)\n    content {\n      ${inner}\n    }\n  }`;
    const notes = await budgetNotes({
      'main.tf': `resource "azurerm_network_security_group" "nsg" {\n  name = "nsg"\n  location = "westeurope"\n  resource_group_name = "rg"\n  ${dynamic('a', dynamic('b', dynamic('c', 'x = 1')))}\n}\n`,
    });
    expect(notes).toHaveLength(1);
  });

  it('Bicep: nested for-expressions', async () => {
    const notes = await budgetNotes({
      'main.bicep':
        "resource kv 'Microsoft.KeyVault/vaults@2022-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    tenantId: 'x'\n    sku: { family: 'A', name: 'standard' }\n    accessPolicies: [for i in range(0, 64): {\n      tenantId: 'x'\n      objectId: string(i)\n      permissions: { keys: [for j in range(0, 64): [for l in range(0, 64): '${i}-${j}-${l}']] }\n    }]\n  }\n}\n",
    });
    expect(notes).toHaveLength(1);
  });

  it('ARM: a copied nested deployment around a copied resource', async () => {
    const inner = { type: 'Microsoft.KeyVault/vaults', apiVersion: '2022-07-01', copy: { name: 'c', count: 200 }, name: "[concat('kv', copyIndex())]", location: 'westeurope', properties: { tenantId: 'x', sku: { family: 'A', name: 'standard' } } };
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          copy: { name: 'd', count: 200 },
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: "[concat('d', copyIndex())]",
          properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [inner] } },
        },
      ],
    };
    const notes = await budgetNotes({ 'azuredeploy.json': JSON.stringify(template, null, 2) });
    expect(notes).toHaveLength(1);
  });
});

describe('lambda budget (self-review 76)', () => {
  it('an evaluation that runs out of lambda calls says so once, as EVAL001, in Bicep and in ARM', async () => {
    const dir = tree({
      'main.bicep': 'var x = map(range(0, 1000), a => map(range(0, 1000), b => 1))\noutput o array = x\n',
      'arm.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        variables: { x: "[map(range(0, 1000), lambda('a', map(range(0, 1000), lambda('b', 1))))]" },
        resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acr', location: 'westeurope', sku: { name: 'Basic' }, tags: { n: "[string(length(variables('x')))]" }, properties: {} }],
      }),
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${f.location.file.split(/[\\/]/).pop()} ${f.message}`)).toEqual([
      'arm.json Lambda functions call their lambdas more than 100,000 times in this evaluation; the values past that are not evaluated.',
      'main.bicep Lambda functions call their lambdas more than 100,000 times in this evaluation; the values past that are not evaluated.',
    ]);
  });
});
