/**
 * Deployment scopes (src/eval/arm/deployment-scope.ts): a scope that cannot be read is the
 * deployment's own, so resources of one name in two deployments are not taken for one another.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-scopes-');
afterAll(cleanup);

/** A template whose nested deployment goes to an unreadable resource group, with a workspace and its compute. */
const TEMPLATE = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { pna: { type: 'string' }, rg: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'inner',
        resourceGroup: "[parameters('rg')]",
        properties: {
          mode: 'Incremental',
          template: {
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            resources: [
              { type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '2024-04-01', name: 'ws', location: 'westeurope', properties: { publicNetworkAccess: "[parameters('pna')]" } },
              { type: 'Microsoft.MachineLearningServices/workspaces/computes', apiVersion: '2024-04-01', name: 'ws/cpu', location: 'westeurope', properties: { computeType: 'AmlCompute', properties: { vmSize: 'Standard_DS3_v2' } } },
            ],
          },
        },
      },
    ],
  },
  null,
  2,
);

describe('unreadable deployment scopes', () => {
  it('one JSON module called twice is two deployments: each compute finds its own workspace', async () => {
    const dir = tree({
      'm.json': `${TEMPLATE}\n`,
      'main.bicep': `param rgA string
param rgB string

module a 'm.json' = {
  name: 'a'
  params: { pna: 'Enabled', rg: rgA }
}

module b 'm.json' = {
  name: 'b'
  params: { pna: 'Disabled', rg: rgB }
}
`,
    });
    const { findings } = await lintTree(dir, ['AML006']);
    // Only call b's workspace is private: its compute is reported, a's is not.
    expect(findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(['AML006 deployment(b)/deployment(inner)/Microsoft.MachineLearningServices/workspaces/computes/ws/cpu']);
  });
});
