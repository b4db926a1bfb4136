/**
 * Inline suppressions through lint(), one per comment syntax: HCL `#` (block scope),
 * YAML `#`, JSON metadata, and the SARIF they produce.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { buildSarif } from '../../src/report/sarif.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-sup-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('inline suppressions end to end', () => {
  it('HCL: a directive above a block suppresses findings anywhere in it; SARIF keeps them as inSource', async () => {
    const dir = tree({
      'main.tf': '# mlops-iac-lint-ignore KV001,KV002 until=2099-12-31 -- shared dev vault, deleted nightly\nresource "azurerm_key_vault" "kv" {\n  name                     = "kv"\n  purge_protection_enabled = false\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001', 'KV002', 'SUP001', 'SUP002'], noConfig: true, today: '2026-11-21' });
    // Sorted by location: KV002 on the header (absent attribute), KV001 on the literal.
    expect(r.findings.map((f) => [f.ruleId, f.suppression?.kind])).toEqual([
      ['KV002', 'inSource'],
      ['KV001', 'inSource'],
    ]);
    const sarif = buildSarif(r) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
    const kv001 = sarif.runs[0]!.results.find((x) => x.ruleId === 'KV001')!;
    expect(kv001.suppressions).toHaveLength(1);
    expect(kv001.suppressions![0]).toMatchObject({ kind: 'inSource', justification: 'shared dev vault, deleted nightly' });
  });

  it('a block comment with code after it on its line covers that line, not the next (HCL and Bicep)', async () => {
    const hcl = tree({
      'main.tf': 'resource "azurerm_container_registry" "acr" {\n  name = "acr"\n  sku  = "Premium"\n  /* mlops-iac-lint-ignore ACR001 -- legacy pull secret */ admin_enabled = true\n  public_network_access_enabled = false\n}\n',
    });
    const h = await lint({ paths: [hcl], root: hcl, rules: ['ACR001', 'SUP002'], noConfig: true });
    expect(h.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind ?? 'active'])).toEqual([['ACR001', 4, 'inSource']]);
    const bicep = tree({
      'main.bicep': "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr'\n  location: 'westeurope'\n  sku: { name: 'Premium' }\n  properties: {\n    /* mlops-iac-lint-ignore ACR001 -- legacy pull secret */ adminUserEnabled: true\n  }\n}\n",
    });
    const b = await lint({ paths: [bicep], root: bicep, rules: ['ACR001', 'SUP002'], noConfig: true });
    expect(b.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind ?? 'active'])).toEqual([['ACR001', 6, 'inSource']]);
  });

  it('a block comment followed only by other comments (or after one) is on a line of its own: it covers the next line', async () => {
    for (const line of ['/* mlops-iac-lint-ignore ACR001 -- build agents */ // owner: platform', '/* owner: platform */ /* mlops-iac-lint-ignore ACR001 -- build agents */']) {
      const dir = tree({ 'main.tf': `resource "azurerm_container_registry" "acr" {\n  name = "acr"\n  sku  = "Premium"\n  ${line}\n  admin_enabled = true\n}\n` });
      const r = await lint({ paths: [dir], root: dir, rules: ['ACR001', 'SUP002'], noConfig: true });
      expect(r.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind ?? 'active']), line).toEqual([['ACR001', 5, 'inSource']]);
    }
  });

  it('an expired suppression no longer suppresses and is reported at note', async () => {
    const dir = tree({ 'main.tf': 'resource "azurerm_key_vault" "kv" { # mlops-iac-lint-ignore KV001 until=2020-01-01 -- temporary\n  name = "kv"\n}\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001', 'SUP001'], noConfig: true, today: '2026-11-21' });
    expect(r.findings.map((f) => [f.ruleId, f.level, f.suppression?.kind])).toEqual([
      ['KV001', 'warning', undefined],
      ['SUP001', 'note', undefined],
    ]);
  });

  it('a suppression that suppresses nothing is SUP002 (note)', async () => {
    const dir = tree({ 'main.tf': '# mlops-iac-lint-ignore AML001 -- not needed any more\nresource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001', 'SUP002'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.level, f.location.range.start.line])).toEqual([['SUP002', 'note', 1]]);
  });

  it('YAML: a trailing directive suppresses CI004 on that line', async () => {
    const dir = tree({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror follows main on purpose\n      - uses: actions/setup-node@master\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI004'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind ?? 'active'])).toEqual([
      ['CI004', 6, 'inSource'],
      ['CI004', 7, 'active'],
    ]);
  });

  it('YAML: a directive above a key whose value runs over several lines (run: |, a folded >-) covers that value; the next step is not covered', async () => {
    const dir = tree({
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  sp:\n    runs-on: ubuntu-latest\n    steps:\n      - name: a\n        # mlops-iac-lint-ignore CI001 -- break-glass principal, rotated by hand\n        run: |\n          echo start\n          az ad sp create-for-rbac --name a --sdk-auth\n      - name: b\n        # mlops-iac-lint-ignore CI001 -- same\n        run: >-\n          az ad sp create-for-rbac --name b\n          --sdk-auth\n      - run: az ad sp create-for-rbac --name c --sdk-auth\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001', 'SUP002'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind ?? 'active'])).toEqual([
      ['CI001', 10, 'inSource'],
      ['CI001', 15, 'inSource'],
      ['CI001', 16, 'active'],
    ]);
  });

  it('JSON without comments: the resource metadata side channel', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults',
          apiVersion: '2023-07-01',
          name: 'kv',
          metadata: { 'mlops-iac-lint-ignore': [{ id: 'KV001', reason: 'recreated by the nightly job' }] },
          properties: { enableRbacAuthorization: true },
        },
      ],
    };
    const dir = tree({ 'main.json': JSON.stringify(template, null, 2) });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.suppression?.justification])).toEqual([['KV001', 'recreated by the nightly job']]);
  });

  it('allowInlineSuppressions: false in the config turns inline suppressions off', async () => {
    const dir = tree({
      '.mlops-iac-lint.jsonc': '{\n  // reviews want every finding visible\n  "allowInlineSuppressions": false\n}\n',
      'main.tf': 'resource "azurerm_key_vault" "kv" { # mlops-iac-lint-ignore KV001 -- dev\n  name = "kv"\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001'] });
    expect(r.findings.map((f) => [f.ruleId, f.suppression])).toEqual([['KV001', undefined]]);
  });

  it('Bicep: a // directive above a resource and the #disable-next-line pragma', async () => {
    const dir = tree({
      'main.bicep': [
        '// mlops-iac-lint-ignore KV001 -- vault is recreated by the pipeline',
        "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
        "  name: 'kv-a'",
        "  location: 'westeurope'",
        '}',
        '',
        "resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {",
        "  name: 'mlw'",
        '  properties: {',
        '#disable-next-line AML001',
        "    publicNetworkAccess: 'Enabled'",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001', 'AML001'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, f.location.range.start.line, f.suppression?.kind])).toEqual([
      ['KV001', 2, 'inSource'],
      ['AML001', 11, 'inSource'],
    ]);
  });

  it('.bicepparam: a // directive on the line before a parameter value, and one trailing it, suppress the finding placed at that value', async () => {
    const template = [
      'param purge bool = true',
      "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
      "  name: 'kv'",
      "  location: 'westeurope'",
      '  properties: {',
      '    enableRbacAuthorization: true',
      '    enablePurgeProtection: purge',
      '  }',
      '}',
      '',
    ].join('\n');
    const dir = tree({
      'a/main.bicep': template,
      'a/prod.bicepparam': "using './main.bicep'\n\n// mlops-iac-lint-ignore KV001 -- vault is recreated by the pipeline\nparam purge = false\n",
      'b/main.bicep': template,
      'b/prod.bicepparam': "using './main.bicep'\n\nparam purge = false // mlops-iac-lint-ignore KV001 -- vault is recreated by the pipeline\n",
      'c/main.bicep': template,
      'c/prod.bicepparam': "using './main.bicep'\n\nparam purge = false\n",
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001', 'SUP002'], noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file), f.location.range.start.line, f.suppression?.kind ?? 'active'])).toEqual([
      ['KV001', 'a/prod.bicepparam', 4, 'inSource'],
      ['KV001', 'b/prod.bicepparam', 3, 'inSource'],
      ['KV001', 'c/prod.bicepparam', 3, 'active'],
    ]);
  });

  it('CI: a finding at a shell assignment is one per command that reads it, and a directive over a command covers its own (shell, GitHub workflow, Azure Pipelines)', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'scripts/apply.sh': '#!/bin/bash\nAA=-auto-approve\nterraform -chdir=net apply $AA\n# mlops-iac-lint-ignore CI005 -- sandbox apply, destroyed nightly\nterraform -chdir=aks apply $AA\n',
      '.github/workflows/w.yml': [
        'name: w',
        'on: [push]',
        'env:',
        '  AUTH: --sdk-auth',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - name: sp one',
        '        run: az ad sp create-for-rbac -n one $AUTH',
        '      # mlops-iac-lint-ignore CI001 -- rotated by the platform team',
        '      - name: sp two',
        '        run: az ad sp create-for-rbac -n two $AUTH',
        '',
      ].join('\n'),
      'azure-pipelines.yml': 'variables:\n  tfFlags: -auto-approve\nsteps:\n  # mlops-iac-lint-ignore CI005 -- sandbox subscription\n  - script: terraform apply $(tfFlags)\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001', 'CI005', 'SUP002'], noConfig: true });
    const rows = r.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file), f.location.range.start.line, f.related.map((l) => l.range.start.line).join(','), f.suppression?.kind ?? 'active']);
    expect(rows).toEqual([
      ['CI001', '.github/workflows/w.yml', 4, '10', 'active'],
      ['CI001', '.github/workflows/w.yml', 4, '13', 'inSource'],
      ['CI005', 'azure-pipelines.yml', 2, '5', 'inSource'],
      ['CI005', 'scripts/apply.sh', 2, '3', 'active'],
      ['CI005', 'scripts/apply.sh', 2, '5', 'inSource'],
    ]);
    // Two findings at one place, each its own alert.
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(5);
  });

  it('az ml … --file: a directive over the command covers the findings in the YAML it reads (a file, a heredoc); the command is related (audit 54)', async () => {
    const compute = '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: Standard_NC24ads_A100_v4\nmin_instances: 1\nmax_instances: 2\n';
    const dir = tree({
      'a/compute.yml': compute,
      'a/deploy.sh': '#!/bin/bash\n# mlops-iac-lint-ignore AML004 -- warm pool for the demo\naz ml compute create --file compute.yml -w ws -g rg\n',
      'b/deploy.sh': `#!/bin/bash\ncat > gpu.yml <<'EOF'\n${compute}EOF\n# mlops-iac-lint-ignore AML004 -- warm pool for the demo\naz ml compute create --file gpu.yml -w ws -g rg\n`,
      'c/compute.yml': compute,
      'c/deploy.sh': '#!/bin/bash\naz ml compute create --file compute.yml -w ws -g rg\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML004', 'SUP002'], noConfig: true });
    const rows = r.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file), f.location.range.start.line, f.related.map((l) => `${path.relative(dir, l.file)}:${l.range.start.line} ${l.label}`).join(','), f.suppression?.kind ?? 'active']);
    expect(rows).toEqual([
      ['AML004', 'a/compute.yml', 5, 'a/deploy.sh:3 az ml compute create --file', 'inSource'],
      ['AML004', 'b/deploy.sh', 7, 'b/deploy.sh:11 az ml compute create --file', 'inSource'],
      ['AML004', 'c/compute.yml', 5, 'c/deploy.sh:2 az ml compute create --file', 'active'],
    ]);
  });
});
