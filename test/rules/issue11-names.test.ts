/**
 * Issue 11 item 16: readable names. A resource name that depends on an input nobody set is
 * shown with `<…>` placeholders (`Key Vault "<keyVaultName>"`, `kv<uniqueString(…)>`,
 * `<baseName>-AML-KV`), never as a raw expression such as `parameters('keyVaultName')`; a
 * name whose parameter has a value shows the value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';
import { placeholder } from '../../src/engine/facts.js';

const { tree, cleanup } = tempTrees('mil-i11-names-');
afterAll(cleanup);

const nameOf = (message: string) => /^Key Vault "([^"]*)"/.exec(message)?.[1];

describe('display names of resources with unknown names', () => {
  it('Bicep: a parameter without a value is <name>; with a default, its value', async () => {
    const dir = tree({
      'unset/main.bicep': `param keyVaultName string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: false
  }
}
`,
      'default/main.bicep': `param keyVaultName string = 'kv-ml-prod'

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: false
  }
}
`,
    });
    const { findings } = await lintTree(dir, ['KV002']);
    expect(findings.map((f) => nameOf(f.message)).sort()).toEqual(['<keyVaultName>', 'kv-ml-prod']);
  });

  it('ARM: parameters, variables, property paths and expressions inside a name', async () => {
    const vault = (name: string) => ({
      type: 'Microsoft.KeyVault/vaults',
      apiVersion: '2023-07-01',
      name,
      location: 'westeurope',
      properties: { tenantId: 't', sku: { family: 'A', name: 'standard' }, enableRbacAuthorization: false },
    });
    const dir = tree({
      'azuredeploy.json': JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          parameters: { keyVaultName: { type: 'string' }, baseName: { type: 'string' }, settings: { type: 'object' } },
          variables: { kvName: "[concat(parameters('baseName'), '-AML-KV')]" },
          resources: [
            vault("[parameters('keyVaultName')]"),
            vault("[variables('kvName')]"),
            vault("[parameters('settings').keyVaultName]"),
            vault("[concat('kv', uniqueString(resourceGroup().id))]"),
            vault("[format('kv-{0}-{1}', parameters('baseName'), 'dev')]"),
          ],
        },
        null,
        2,
      ),
    });
    const { findings } = await lintTree(dir, ['KV002']);
    expect(findings.map((f) => nameOf(f.message)).sort()).toEqual([
      '<baseName>-AML-KV',
      '<keyVaultName>',
      '<settings.keyVaultName>',
      'kv-<baseName>-dev',
      'kv<uniqueString(resourceGroup().id)>',
    ]);
    for (const f of findings) expect(f.message).not.toMatch(/parameters\(|variables\(/);
  });

  it('ARM: a child whose full name is too long to show is named by its own segment, in the same <…> form', async () => {
    const dir = tree({
      'child/azuredeploy.json': JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          variables: { ws: "[concat('mlworkspace', uniqueString(resourceGroup().id))]" },
          resources: [
            {
              type: 'Microsoft.MachineLearningServices/workspaces/computes',
              apiVersion: '2024-04-01',
              name: "[concat(variables('ws'), '/cl', uniqueString(resourceGroup().id))]",
              location: 'westeurope',
              properties: { computeType: 'AmlCompute', properties: { vmSize: 'Standard_NC24ads_A100_v4', scaleSettings: { minNodeCount: 0, maxNodeCount: 2 } } },
            },
          ],
        },
        null,
        2,
      ),
    });
    const { findings } = await lintTree(dir, ['TAG002']);
    expect(findings.map((f) => /^AML compute "([^"]*)"/.exec(f.message)?.[1])).toEqual(['cl<uniqueString(resourceGroup().id)>']);
  });

  it('placeholders', () => {
    expect(placeholder("parameters('keyVaultName')")).toBe('<keyVaultName>');
    expect(placeholder("variables('x')[0]")).toBe('<x[0]>');
    expect(placeholder('uniqueString(resourceGroup().id)')).toBe('<uniqueString(resourceGroup().id)>');
    expect(placeholder("uniqueString(resourceGroup().id, parameters('workspaceName'))")).toBe('<uniqueString(resourceGroup().id, workspaceName)>');
    // Review 125: a template inside a call (`take('acr${uniqueString(…)}', 50)`) is written as the ARM
    // call it stands for, not as the internal template text `format('acr{uniqueString(…)}')`.
    expect(placeholder("take(format('reapprodacr{uniqueString(resourceGroup().id)}'), 50)")).toBe("<take(format('reapprodacr{0}', uniqueString(resourceGroup().id)), 50)>");
    expect(placeholder("toLower(format('{parameters(''suffix'')}-{{x}}'))")).toBe("<toLower(format('{0}-{{x}}', suffix))>");
    expect(placeholder("replace(format('cr{toLower(format(''{parameters(''''suffix'''')}''))}'), '-', '')")).toBe("<replace(format('cr{0}', toLower(format('{0}', suffix))), '-', '')>");
    expect(placeholder("take(format('a{b'), 3)")).toBe("<take(format('a{b'), 3)>");
  });
});
