import { describe, expect, it } from 'vitest';
import { getPath, toJS } from '../../src/core/value.js';
import { parseJsonc } from '../../src/parse/json/index.js';
import { evaluateArmTemplate } from '../../src/eval/arm/template.js';
import { armResourceIdKey } from '../../src/eval/arm/resourceid.js';
import type { ArmEvaluation, ArmResource } from '../../src/eval/arm/template.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const T = '/repo/azuredeploy.json';
const P = '/repo/azuredeploy.parameters.json';

function run(template: object | string, params?: object, maxCopy?: number): ArmEvaluation {
  const text = typeof template === 'string' ? template : JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...template }, null, 2);
  return evaluateArmTemplate({
    file: T,
    text,
    ...(params ? { parameterFile: { file: P, parsed: parseJsonc(JSON.stringify(params, null, 2), P) } } : {}),
    ...(maxCopy !== undefined ? { maxCopy } : {}),
  });
}
const nameOf = (r: ArmResource): unknown => toJS(r.name);

describe('evaluateArmTemplate', () => {
  it('evaluates a classic resources array with parameters, variables and origins', () => {
    const text = `{
  "$schema": "${SCHEMA}",
  "metadata": { "_generator": { "name": "bicep", "version": "0.30.3" } },
  "parameters": {
    "workspaceName": { "type": "string" },
    "sku": { "type": "string", "defaultValue": "Basic", "allowedValues": ["Basic", "Standard"] },
    "adminPassword": { "type": "securestring" },
    "location": { "type": "string", "defaultValue": "[resourceGroup().location]" }
  },
  "variables": { "pna": "Disabled", "kvName": "[concat('kv-', parameters('workspaceName'))]" },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2023-04-01",
      "name": "[parameters('workspaceName')]",
      "location": "[parameters('location')]",
      "sku": { "name": "[parameters('sku')]" },
      "properties": {
        "publicNetworkAccess": "[variables('pna')]",
        "keyVault": "[resourceId('Microsoft.KeyVault/vaults', variables('kvName'))]"
      }
    },
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-02-01",
      "name": "[variables('kvName')]",
      "properties": {}
    }
  ]
}`;
    const e = run(text, { $schema: 'x', parameters: { workspaceName: { value: 'mlw-prod' } } });
    expect(e.problems).toEqual([]);
    expect(e.generator).toEqual({ name: 'bicep', version: '0.30.3' });
    expect(e.resources).toHaveLength(2);
    const ws = e.resources[0]!;
    expect(ws.type).toBe('Microsoft.MachineLearningServices/workspaces');
    expect(ws.apiVersion).toBe('2023-04-01');
    expect(nameOf(ws)).toBe('mlw-prod');
    expect(ws.name.origin!.file).toBe(P); // written in the parameter file
    expect(ws.name.via!.map((l) => l.label)).toEqual(['parameter "workspaceName"']);
    expect(ws.idKey).toBe('microsoft.machinelearningservices/workspaces/mlw-prod');
    expect(ws.typeLocation.range.start.line).toBe(13);
    expect(ws.typeLocation.range.start.column).toBe(7);
    expect(ws.nameLocation!.range.start.line).toBe(15);
    expect(ws.objectLocation.range.start.line).toBe(12);
    expect(ws.existing).toBe(false);
    expect(ws.deployment).toEqual([]);
    const pna = getPath(ws.body, 'properties.publicNetworkAccess')!;
    expect(pna).toMatchObject({ kind: 'string', value: 'Disabled' });
    expect(pna.origin!.range.start.line).toBe(10);
    expect(pna.via![0]!.label).toBe('variable "pna"');
    expect(getPath(ws.body, 'sku.name')).toMatchObject({ kind: 'string', value: 'Basic' });
    expect(getPath(ws.body, 'location')).toMatchObject({ kind: 'unknown', token: 'resourceGroup().location' });
    // the workspace's keyVault reference links to the key vault
    const kv = e.resources[1]!;
    expect(kv.idKey).toBe('microsoft.keyvault/vaults/kv-mlw-prod');
    const ref = getPath(ws.body, 'properties.keyVault')!;
    expect(armResourceIdKey(ref)).toBe(kv.idKey);
    // inputs
    const inputs = Object.fromEntries(e.inputs.map((i) => [i.name, i]));
    expect(inputs.workspaceName!.assigned).toMatchObject({ kind: 'string', value: 'mlw-prod' });
    expect(inputs.workspaceName!.header.range.start.line).toBe(5);
    expect(inputs.adminPassword!.secure).toBe(true);
    expect(inputs.sku!.defaultValue).toMatchObject({ kind: 'string', value: 'Basic' });
    const skuLine = text.split('\n')[5]!;
    expect(inputs.sku!.allowedValues!.map((v) => v.origin!.range.start.column)).toEqual([skuLine.indexOf('["Basic"') + 2, skuLine.indexOf('"Standard"') + 1]);
  });

  it('keeps unknown parameters unknown with a token linking both sides', () => {
    const e = run({
      parameters: { ws: { type: 'string' } },
      resources: [
        { type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '1', name: "[parameters('ws')]" },
        { type: 'Microsoft.MachineLearningServices/workspaces/computes', apiVersion: '1', name: "[concat(parameters('ws'), '/gpu')]", properties: { w: "[resourceId('Microsoft.MachineLearningServices/workspaces', parameters('ws'))]" } },
      ],
    });
    const [ws, c] = e.resources;
    expect(ws!.name).toMatchObject({ kind: 'unknown', token: "parameters('ws')" });
    expect(ws!.idKey).toBe("microsoft.machinelearningservices/workspaces/{parameters('ws')}");
    expect(c!.idKey).toBe("microsoft.machinelearningservices/workspaces/computes/{parameters('ws')}/gpu");
    expect(armResourceIdKey(getPath(c!.body, 'properties.w')!)).toBe(ws!.idKey);
  });

  it('supports languageVersion 2.0 symbolic resources, existing and user-defined functions', () => {
    const e = run({
      languageVersion: '2.0',
      functions: [{ namespace: '__bicep', members: { nm: { parameters: [{ name: 'p', type: 'string' }], output: { type: 'string', value: "[format('{0}-x', parameters('p'))]" } } } }],
      parameters: { n: { type: 'string', defaultValue: 'acr1' } },
      resources: {
        kv: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-01-01', name: 'kv1' },
        acr: { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-01-01', name: "[__bicep.nm(parameters('n'))]", properties: { adminUserEnabled: true } },
      },
    });
    expect(e.resources.map((r) => [r.symbolicName, r.existing, nameOf(r)])).toEqual([
      ['kv', true, 'kv1'],
      ['acr', false, 'acr1-x'],
    ]);
    expect(getPath(e.resources[1]!.body, 'properties.adminUserEnabled')).toMatchObject({ kind: 'bool', value: true });
  });

  it('composes nested child resources and handles top-level children', () => {
    const e = run({
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-01-01',
          name: 'vnet',
          properties: {},
          resources: [{ type: 'subnets', name: 'default', properties: { addressPrefix: '10.0.0.0/24' }, resources: [{ type: 'things', apiVersion: '9', name: 'deep' }] }],
        },
        { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-01-01', name: 'vnet/other', properties: {} },
      ],
    });
    expect(e.resources.map((r) => [r.type, nameOf(r), r.apiVersion, r.idKey])).toEqual([
      ['Microsoft.Network/virtualNetworks', 'vnet', '2023-01-01', 'microsoft.network/virtualnetworks/vnet'],
      ['Microsoft.Network/virtualNetworks/subnets', 'vnet/default', '2023-01-01', 'microsoft.network/virtualnetworks/subnets/vnet/default'],
      ['Microsoft.Network/virtualNetworks/subnets/things', 'vnet/default/deep', '9', 'microsoft.network/virtualnetworks/subnets/things/vnet/default/deep'],
      ['Microsoft.Network/virtualNetworks/subnets', 'vnet/other', '2023-01-01', 'microsoft.network/virtualnetworks/subnets/vnet/other'],
    ]);
    expect(getPath(e.resources[0]!.body, 'resources')).toBeUndefined();
  });

  it('expands copy loops with copyIndex, caps them with a problem, and expands property copies', () => {
    const e = run(
      {
        parameters: { n: { type: 'int', defaultValue: 5 } },
        resources: [
          {
            type: 'Microsoft.Storage/storageAccounts',
            apiVersion: '1',
            name: "[concat('st', copyIndex(1))]",
            copy: { name: 'stLoop', count: "[parameters('n')]" },
            properties: {
              copy: [{ name: 'rules', count: 2, input: { name: "[format('r{0}-{1}', copyIndex('rules'), copyIndex())]", priority: "[add(100, copyIndex('rules'))]" } }],
            },
          },
        ],
      },
      undefined,
      3,
    );
    expect(e.resources.map((r) => [nameOf(r), r.copyIndex])).toEqual([
      ['st1', 0],
      ['st2', 1],
      ['st3', 2],
    ]);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ code: 'EVAL001' });
    expect(e.problems[0]!.message).toMatch(/5 instances; only the first 3/);
    expect(toJS(getPath(e.resources[1]!.body, 'properties')!)).toEqual({
      rules: [
        { name: 'r0-1', priority: 100 },
        { name: 'r1-1', priority: 101 },
      ],
    });
  });

  it('expands variable copy arrays', () => {
    const e = run({
      variables: { copy: [{ name: 'zones', count: 2, input: "[concat('z', copyIndex('zones'))]" }] },
      resources: [{ type: 'Microsoft.X/y', apiVersion: '1', name: 'a', properties: { zones: "[variables('zones')]" } }],
    });
    expect(toJS(getPath(e.resources[0]!.body, 'properties.zones')!)).toEqual(['z0', 'z1']);
  });

  it('skips known-false conditions and keeps unknown ones', () => {
    const e = run({
      parameters: { deploy: { type: 'bool', defaultValue: false }, maybe: { type: 'bool' } },
      resources: [
        { condition: "[parameters('deploy')]", type: 'Microsoft.X/y', apiVersion: '1', name: 'skipped', resources: [{ type: 'z', name: 'child' }] },
        { condition: "[parameters('maybe')]", type: 'Microsoft.X/y', apiVersion: '1', name: 'kept', resources: [{ type: 'z', name: 'child' }] },
        { condition: true, type: 'Microsoft.X/y', apiVersion: '1', name: 'always' },
      ],
    });
    expect(e.resources.map((r) => [nameOf(r), r.condition?.kind])).toEqual([
      ['kept', 'unknown'],
      ['kept/child', 'unknown'],
      ['always', 'bool'],
    ]);
  });

  it('expands nested deployments: inner scope with parameter flow, outer scope, templateLink skipped', () => {
    const e = run({
      parameters: { wsName: { type: 'string', defaultValue: 'mlw' }, loc: { type: 'string', defaultValue: 'westeurope' } },
      variables: { v: 'outer-var' },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner-dep',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            mode: 'Incremental',
            parameters: { name: { value: "[parameters('wsName')]" }, secret: { reference: { keyVault: { id: 'x' }, secretName: 's' } } },
            template: {
              $schema: SCHEMA,
              parameters: { name: { type: 'string' }, secret: { type: 'securestring' }, loc: { type: 'string', defaultValue: 'inner-default' } },
              resources: [
                { type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '1', name: "[parameters('name')]", location: "[parameters('loc')]", properties: { s: "[parameters('secret')]" } },
                {
                  type: 'Microsoft.Resources/deployments',
                  apiVersion: '2022-09-01',
                  name: 'deeper',
                  properties: { template: { resources: [{ type: 'Microsoft.Y/z', apiVersion: '1', name: "[concat(parameters('name'), '-deep')]" }] } },
                },
              ],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outer-dep',
          properties: { mode: 'Incremental', template: { resources: [{ type: 'Microsoft.X/y', apiVersion: '1', name: "[variables('v')]", location: "[parameters('loc')]" }] } },
        },
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'linked', properties: { templateLink: { uri: 'https://x/t.json' } } },
      ],
    });
    expect(e.problems).toEqual([]);
    expect(e.resources.map((r) => [r.type, nameOf(r), r.deployment])).toEqual([
      ['Microsoft.Resources/deployments', 'inner-dep', []],
      ['Microsoft.MachineLearningServices/workspaces', 'mlw', ['inner-dep']],
      ['Microsoft.Resources/deployments', 'deeper', ['inner-dep']],
      ['Microsoft.Y/z', 'mlw-deep', ['inner-dep', 'deeper']],
      ['Microsoft.Resources/deployments', 'outer-dep', []],
      ['Microsoft.X/y', 'outer-var', ['outer-dep']],
      ['Microsoft.Resources/deployments', 'linked', []],
    ]);
    const ws = e.resources[1]!;
    // the value was written as the outer parameter's default; it passed the deployment parameter and the inner parameter
    expect(ws.name.origin!.range.start.line).toBeGreaterThan(0);
    expect(ws.name.via!.map((l) => l.label)).toEqual(['parameter "wsName"', 'deployment parameter "name"', 'parameter "name"']);
    expect(getPath(ws.body, 'location')).toMatchObject({ kind: 'string', value: 'inner-default' });
    expect(getPath(ws.body, 'properties.s')!.kind).toBe('unknown');
    expect(getPath(e.resources[5]!.body, 'location')).toMatchObject({ kind: 'string', value: 'westeurope' });
    expect(getPath(e.resources[0]!.body, 'properties.template')).toBeUndefined();
    expect(getPath(e.resources[0]!.body, 'properties.mode')).toMatchObject({ kind: 'string', value: 'Incremental' });
  });

  it('passes an inner deployment the parameter values evaluated with its body, also with user functions, a copy member or a repeated key', () => {
    const deployment = (parameters: object): object => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'dep',
      properties: {
        expressionEvaluationOptions: { scope: 'inner' },
        parameters,
        template: { parameters: { n: { type: 'string' } }, resources: [{ type: 'Microsoft.X/y', apiVersion: '1', name: "[parameters('n')]" }] },
      },
    });
    const names = (e: ArmEvaluation): unknown[] => e.resources.map(nameOf);
    // Evaluated once, with the deployment's body: the inner template sees the same value.
    const once = run({ parameters: { p: { type: 'string', defaultValue: 'a' } }, resources: [deployment({ n: { value: "[concat(parameters('p'), '-x')]" } })] });
    expect(names(once)).toEqual(['dep', 'a-x']);
    expect(toJS(getPath(once.resources[0]!.body, 'properties.parameters')!)).toEqual({ n: { value: 'a-x' } });
    expect(once.resources[1]!.name.via!.map((l) => l.label)).toEqual(['deployment parameter "n"', 'parameter "n"']);
    // A template with user-defined functions evaluates them again (one level deeper), as before.
    const fns = run({
      functions: [{ namespace: 'ns', members: { f: { parameters: [{ name: 'v', type: 'string' }], output: { type: 'string', value: "[concat(parameters('v'), '-f')]" } } } }],
      resources: [deployment({ n: { value: "[ns.f('b')]" } })],
    });
    expect(names(fns)).toEqual(['dep', 'b-f']);
    // A `copy` member (expanded in the body) and a repeated key read the members again.
    const copy = run({ resources: [deployment({ n: { value: 'c' }, copy: [{ name: 'k', count: 1, input: 'i' }] })] });
    expect(names(copy)).toEqual(['dep', 'c']);
    const repeated = run(`{ "$schema": "${SCHEMA}", "resources": [ ${JSON.stringify(deployment({ n: { value: 'first' } })).replace('"n":{"value":"first"}', '"n":{"value":"first"},"n":{"value":"second"}')} ] }`);
    expect(names(repeated)).toEqual(['dep', 'second']);
  });

  it('reads Key Vault references in parameter files as unknown and never throws on odd input', () => {
    const e = run(
      { parameters: { pw: { type: 'securestring' } }, resources: [{ type: 'Microsoft.X/y', apiVersion: '1', name: "[parameters('pw')]" }] },
      { parameters: { pw: { reference: { keyVault: { id: '/x' }, secretName: 'pw' } } } },
    );
    expect(e.resources[0]!.name.kind).toBe('unknown');
    expect(e.inputs[0]!.assigned!.kind).toBe('unknown');
    expect(() => run('{ "resources": [ { "type": 1 }, "x", null, { "name": "a" } ], "parameters": 3 }')).not.toThrow();
    expect(run('not json').resources).toEqual([]);
    const cyc = run({ variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [{ type: 'Microsoft.X/y', apiVersion: '1', name: "[variables('a')]" }] });
    expect(cyc.resources[0]!.name.kind).toBe('unknown');
    expect(cyc.problems.some((p) => /refers to itself/.test(p.message))).toBe(true);
  });
});
