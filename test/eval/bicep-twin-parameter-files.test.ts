/**
 * Issue 11, item 4: `main.bicep` beside its compiled twin `azuredeploy.json` and the twin's
 * `azuredeploy.parameters*.json`. The `.bicep` source is linted in place of the twin, once per
 * parameter file (JSON values applied to the Bicep params by name, case-insensitively), at the
 * Bicep lines, with a parameter-file value as the origin of what it sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, tree, where } from './tree.js';

/** The quickstart machine-learning-workspace-vnet pattern: the registry exists only when the parameter file says `new`. */
const MAIN_BICEP = `@allowed([
  'new'
  'none'
])
param containerRegistryOption string = 'none'
param adminEnabled bool = false

resource registry 'Microsoft.ContainerRegistry/registries@2022-02-01-preview' = if (containerRegistryOption == 'new') {
  name: 'crml'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: true
  }
}

resource other 'Microsoft.ContainerRegistry/registries@2022-02-01-preview' = {
  name: 'crother'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: adminEnabled
  }
}
`;

/** What \`bicep build\` makes of it (enough of it: the generator metadata marks the twin). */
const TWIN = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {
    "containerRegistryOption": { "type": "string", "defaultValue": "none", "allowedValues": ["new", "none"] },
    "adminEnabled": { "type": "bool", "defaultValue": false }
  },
  "resources": [
    {
      "condition": "[equals(parameters('containerRegistryOption'), 'new')]",
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2022-02-01-preview",
      "name": "crml",
      "location": "westeurope",
      "sku": { "name": "Premium" },
      "properties": { "adminUserEnabled": true }
    },
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2022-02-01-preview",
      "name": "crother",
      "location": "westeurope",
      "sku": { "name": "Premium" },
      "properties": { "adminUserEnabled": "[parameters('adminEnabled')]" }
    }
  ]
}
`;

const PARAMS = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "ContainerRegistryOption": {
      "value": "new"
    },
    "adminEnabled": {
      "value": true
    }
  }
}
`;

describe('a .bicep beside its compiled twin and the twin’s parameter files', () => {
  it('evaluates the .bicep once per parameter file, reported at the Bicep lines', async () => {
    const dir = tree({ 'main.bicep': MAIN_BICEP, 'azuredeploy.json': TWIN, 'azuredeploy.parameters.json': PARAMS });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual(
      [
        // The registry the parameter file turns on (`ContainerRegistryOption`: names match case-insensitively).
        `ACR001 error main.bicep:${lineCol(MAIN_BICEP, 'true')}`,
        // A value set by the parameter file is reported where the parameter file writes it.
        `ACR001 error azuredeploy.parameters.json:${lineCol(PARAMS, 'true')}`,
      ].sort(),
    );
    for (const f of r.findings) expect(f.variants).toEqual(['azuredeploy.parameters.json']);
    const fromFile = r.findings.find((f) => f.location.file.endsWith('.json'))!;
    expect(fromFile.related.some((l) => path.basename(l.file) === 'main.bicep')).toBe(true);
  });

  it('several parameter files are several variants; no default run, the twin is not linted', async () => {
    const dir = tree({
      'main.bicep': MAIN_BICEP,
      'azuredeploy.json': TWIN,
      'azuredeploy.parameters.json': PARAMS,
      'azuredeploy.parameters.us.json': PARAMS.replace('true', 'false'),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true });
    expect(r.findings.every((f) => !f.location.file.endsWith('azuredeploy.json'))).toBe(true);
    const registry = r.findings.find((f) => f.location.file.endsWith('main.bicep'))!;
    expect(registry.variants).toEqual(['azuredeploy.parameters.json', 'azuredeploy.parameters.us.json']);
    expect(r.findings.find((f) => f.location.file.endsWith('azuredeploy.parameters.json'))!.variants).toEqual(['azuredeploy.parameters.json']);
    expect(r.findings).toHaveLength(2);
  });

  it('without a parameter file the .bicep is evaluated once with its defaults', async () => {
    const dir = tree({ 'main.bicep': MAIN_BICEP, 'azuredeploy.json': TWIN });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true });
    expect(r.findings).toEqual([]);
  });

  it('a parameter file of another template in the folder is not taken for the twin', async () => {
    const other = TWIN.replace(/"metadata": \{[\s\S]*?\n {2}\},\n/, '');
    const dir = tree({ 'main.bicep': MAIN_BICEP, 'azuredeploy.json': TWIN, 'template.json': other, 'parameters.json': PARAMS });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true });
    // parameters.json belongs to template.json (portal-export convention): the hand-written template gets it.
    expect(where(dir, r.findings)).toEqual(
      [`ACR001 error template.json:${lineCol(other, 'true')}`, `ACR001 error parameters.json:${lineCol(PARAMS, 'true')}`].sort(),
    );
  });
});

describe('twin parameter files and --cache (the Host keeps their texts for the run: issue 15)', () => {
  it('a changed parameter file re-lints every Bicep unit with a twin (each reads every parameter file), the same bytes as no cache', async () => {
    const dir = tree({
      'a/main.bicep': MAIN_BICEP,
      'a/azuredeploy.json': TWIN,
      'a/azuredeploy.parameters.json': PARAMS,
      'b/main.bicep': MAIN_BICEP,
      'b/azuredeploy.json': TWIN,
      'b/azuredeploy.parameters.json': PARAMS,
    });
    const opts = (cache: boolean) => ({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true, today: '2026-12-01', ...(cache ? { cache: true, cacheLocation: path.join(dir, '.cache') } : {}) });
    const cold = await lint(opts(true));
    expect(where(dir, cold.findings)).toHaveLength(4);
    // b's parameter file stops turning the registries on: a's unit, which read it too, and b's
    // unit, which reads it from the text the Host kept for the run, both re-lint.
    fs.writeFileSync(path.join(dir, 'b/azuredeploy.parameters.json'), PARAMS.replace('"new"', '"none"').replace('true', 'false'));
    const warm = await lint(opts(true));
    expect(where(dir, warm.findings)).toEqual(where(dir, cold.findings).filter((w) => w.includes(' a/')));
    expect(JSON.stringify(warm.findings)).toBe(JSON.stringify((await lint(opts(false))).findings));
  });
});
