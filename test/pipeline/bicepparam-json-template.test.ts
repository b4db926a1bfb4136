/**
 * A `.bicepparam` whose `using` names an ARM JSON template (BICEP.md §3: `using './azuredeploy.json'`):
 * the template is evaluated once per such file with its values (the Bicep front end), as with a
 * JSON parameters file, and not also alone with its defaults (the ARM front end leaves those out).
 * Through the real pipeline: suppressions in either file, PARSE001, a target that is missing or no
 * template, JSON parameter files beside it, and files-only runs (pre-commit).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { LintResult } from '../../src/engine/result.js';

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-bicepparam-json-')));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** A Key Vault whose purge protection is a parameter with the given default; `comment` goes above the resource (JSONC). */
const TEMPLATE = (purgeDefault: string, comment = ''): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "purge": { "type": "bool", "defaultValue": ${purgeDefault} }
  },
  "resources": [
    ${comment}
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-mlops",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableRbacAuthorization": true,
        "enablePurgeProtection": "[parameters('purge')]"
      }
    }
  ]
}
`;

async function run(root: string, extra: Partial<Parameters<typeof lint>[0]> = {}): Promise<LintResult> {
  return lint({ paths: [root], root, noConfig: true, today: '2026-06-01', ...extra });
}

/** Findings as `rule file:line:col level env [variants] suppressed?`. */
function shown(r: LintResult, rule?: string): string[] {
  return r.findings
    .filter((f) => rule === undefined || f.ruleId === rule)
    .map((f) => `${f.ruleId} ${path.relative(r.root, f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column} ${f.level}${f.env ? ` ${f.env}` : ''} [${f.variants.join(',')}]${f.suppression ? ' suppressed' : ''}`)
    .sort();
}

describe('.bicepparam naming an ARM JSON template', () => {
  it('evaluates the template once per .bicepparam, never with its defaults alone: a default finding is one finding with its variants', async () => {
    const root = tree({
      'azuredeploy.json': TEMPLATE('false'),
      'prod.bicepparam': "using './azuredeploy.json'\n",
      'test.bicepparam': "using './azuredeploy.json'\n\nparam purge = false\n",
    });
    const r = await run(root);
    // prod: the template's default; test: nonprod (KV001 reports nothing there). No "default" variant.
    expect(shown(r, 'KV001')).toEqual(['KV001 azuredeploy.json:5:48 error prod [prod.bicepparam]']);
  });

  it('a JSON parameters file of the template stays a variant beside the .bicepparam', async () => {
    const root = tree({
      'azuredeploy.json': TEMPLATE('true'),
      'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "purge": { "value": false }\n  }\n}\n',
      'prod.bicepparam': "using './azuredeploy.json'\n\nparam purge = false\n",
    });
    expect(shown(await run(root), 'KV001')).toEqual(['KV001 azuredeploy.parameters.json:5:25 warning unknown [azuredeploy.parameters.json]', 'KV001 prod.bicepparam:3:15 error prod [prod.bicepparam]']);
  });

  it('a suppression in the .bicepparam suppresses the finding at its value; one in the template, a finding at the template', async () => {
    const atValue = tree({
      'azuredeploy.json': TEMPLATE('true'),
      'prod.bicepparam': "using './azuredeploy.json'\n\n// mlops-iac-lint-ignore KV001 -- break-glass vault, purged on purpose\nparam purge = false\n",
    });
    const r1 = await run(atValue);
    expect(shown(r1)).toEqual(['KV001 prod.bicepparam:4:15 error prod [prod.bicepparam] suppressed']);
    const atDefault = tree({
      'azuredeploy.json': TEMPLATE('false', '// mlops-iac-lint-ignore KV001 -- throwaway vault'),
      'prod.bicepparam': "using './azuredeploy.json'\n",
    });
    const r2 = await run(atDefault);
    expect(shown(r2)).toEqual(['KV001 azuredeploy.json:5:48 error prod [prod.bicepparam] suppressed']);
    // JSON without comments suppresses through the resource's `metadata`, also in a pre-commit
    // given only the .bicepparam (the template's folder is not linted then: the Bicep unit reads it).
    const byMetadata = tree({
      'infra/azuredeploy.json': TEMPLATE('true').replace('"name": "kv-mlops",', '"name": "kv-mlops",\n      "metadata": { "mlops-iac-lint-ignore": [ { "id": "KV001", "reason": "break-glass vault" } ] },'),
      'params/prod.bicepparam': "using '../infra/azuredeploy.json'\n\nparam purge = false\n",
    });
    expect(shown(await run(byMetadata))).toEqual(['KV001 params/prod.bicepparam:3:15 error prod [../params/prod.bicepparam] suppressed']);
    const given = path.join(byMetadata, 'params', 'prod.bicepparam');
    expect(shown(await run(byMetadata, { paths: [given], onlyFiles: [given] }))).toEqual(['KV001 params/prod.bicepparam:3:15 error prod [../params/prod.bicepparam] suppressed']);
  });

  it('a finding at the .bicepparam value has the template\'s parameter and consuming attribute as related locations', async () => {
    const root = tree({ 'azuredeploy.json': TEMPLATE('true'), 'prod.bicepparam': "using './azuredeploy.json'\n\nparam purge = false\n" });
    const [f] = (await run(root)).findings;
    expect(f?.related.map((l) => `${path.relative(root, l.file)}:${l.range.start.line}:${l.range.start.column} ${l.label}`)).toEqual([
      'azuredeploy.json:5:5 parameter "purge"',
      'azuredeploy.json:18:9 attribute properties.enablePurgeProtection',
    ]);
  });

  it('a broken template gets its PARSE001 once; a missing target or a JSON file that is no template is a note at the `using`, as a missing .bicep target is', async () => {
    const root = tree({
      'broken/azuredeploy.json': TEMPLATE('false').replace('"apiVersion": "2023-07-01",', '"apiVersion": "2023-07-01" "x",'),
      'broken/prod.bicepparam': "using './azuredeploy.json'\n",
      'missing/prod.bicepparam': "using './azuredeploy.json'\n\nparam purge = false\n",
      'notemplate/settings.json': '{ "purge": false }\n',
      'notemplate/prod.bicepparam': "using './settings.json'\n\nparam purge = false\n",
      'bicep/prod.bicepparam': "using './main.bicep'\n\nparam purge = false\n",
    });
    const r = await run(root);
    const notes = r.notifications.map((n) => `${n.ruleId} ${path.relative(root, n.location.file)}:${n.location.range.start.line} ${n.message}`).sort();
    expect(notes.filter((n) => n.startsWith('PARSE001'))).toHaveLength(1);
    expect(notes.filter((n) => n.startsWith('PARSE001'))[0]).toMatch(/^PARSE001 broken\/azuredeploy\.json:/);
    expect(notes.filter((n) => n.startsWith('EVAL001'))).toEqual([
      "EVAL001 bicep/prod.bicepparam:1 The \"using\" target './main.bicep' of prod.bicepparam does not exist; its parameters are not evaluated.",
      "EVAL001 missing/prod.bicepparam:1 The \"using\" target './azuredeploy.json' of prod.bicepparam does not exist; its parameters are not evaluated.",
      "EVAL001 notemplate/prod.bicepparam:1 The \"using\" target './settings.json' of prod.bicepparam is not an ARM template; its parameters are not evaluated.",
    ]);
    expect(shown(r, 'KV001').filter((f) => !f.includes('broken/'))).toEqual([]);
  });

  it('a compiled twin named by `using` (main.json beside its main.bicep) stands for its .bicep, which is then not evaluated alone; a twin whose .bicep does not parse is the template', async () => {
    const source = "param purge bool = false\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-mlops'\n  location: 'westeurope'\n  properties: {\n    enableRbacAuthorization: true\n    enablePurgeProtection: purge\n  }\n}\n";
    const twin = TEMPLATE('false').replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",\n  "metadata": { "_generator": { "name": "bicep", "version": "0.30.0" } },');
    const root = tree({
      'fixed/main.bicep': source,
      'fixed/main.json': twin,
      'fixed/prod.bicepparam': "using './main.json'\n\nparam purge = true\n",
      'set/main.bicep': source,
      'set/main.json': twin,
      'set/prod.bicepparam': "using './main.json'\n\nparam purge = false\n",
      'broken/main.bicep': source.replace('param purge bool = false', 'param purge bool = = false'),
      'broken/main.json': twin,
      'broken/prod.bicepparam': "using './main.json'\n\nparam purge = false\n",
    });
    expect(shown(await run(root), 'KV001')).toEqual(['KV001 broken/prod.bicepparam:3:15 error prod [prod.bicepparam]', 'KV001 set/prod.bicepparam:3:15 error prod [prod.bicepparam]']);
  });

  it('--cache: editing the template lints the .bicepparam\'s unit again; removing every .bicepparam gives the template its defaults back', async () => {
    const root = tree({ 'infra/azuredeploy.json': TEMPLATE('true'), 'infra/prod.bicepparam': "using './azuredeploy.json'\n" });
    const cacheLocation = path.join(root, '.cache.json');
    const cached = (): Promise<LintResult> => run(root, { cache: true, cacheLocation, cacheFreshMs: 0 });
    const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));
    await settle();
    expect(shown(await cached(), 'KV001')).toEqual([]);
    fs.writeFileSync(path.join(root, 'infra', 'azuredeploy.json'), TEMPLATE('false'));
    await settle();
    expect(shown(await cached(), 'KV001')).toEqual(['KV001 infra/azuredeploy.json:5:48 error prod [prod.bicepparam]']);
    fs.rmSync(path.join(root, 'infra', 'prod.bicepparam'));
    await settle();
    expect(shown(await cached(), 'KV001')).toEqual(['KV001 infra/azuredeploy.json:5:48 warning unknown [default]']);
  });

  it('files-only (pre-commit): given only the .bicepparam or only the template, in other folders, each reports what a run over the root reports for it', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/azuredeploy.json': TEMPLATE('false'),
      // A finding at this file's value, and (the other prod file sets nothing) one at the template's default.
      'params/prod.bicepparam': "using '../infra/azuredeploy.json'\n\nparam purge = false\n",
      'params/staging.bicepparam': "using '../infra/azuredeploy.json'\n\nparam purge = false\n",
      'other/prod.bicepparam': "using '../infra/azuredeploy.json'\n",
    });
    const template = path.join(root, 'infra', 'azuredeploy.json');
    const params = path.join(root, 'params', 'prod.bicepparam');
    const whole = await run(root);
    const inFile = (r: LintResult, f: string): string[] => shown({ ...r, findings: r.findings.filter((x) => x.location.file === f) });
    expect(inFile(whole, template)).toEqual(['KV001 infra/azuredeploy.json:5:48 error prod [../other/prod.bicepparam]']);
    expect(inFile(whole, params)).toEqual(['KV001 params/prod.bicepparam:3:15 error prod [../params/prod.bicepparam]']);
    for (const given of [template, params]) {
      const only = await run(root, { paths: [given], onlyFiles: [given] });
      expect(shown(only), path.relative(root, given)).toEqual(inFile(whole, given));
    }
  });
});

// A `.bicep` module may be an ARM JSON template (`module kv './kv.json' = {…}`): Bicep deploys it
// as a nested deployment with the caller's arguments, so it is evaluated per caller (the Bicep
// front end), not also alone with its defaults, as a `.bicep` module is (review 50).
describe('a .bicep module that is an ARM JSON template', () => {
  it('is evaluated with each caller\'s arguments, never with its defaults alone', async () => {
    const root = tree({
      'modules/kv.json': TEMPLATE('false'),
      'safe/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { purge: true }\n}\n",
    });
    expect(shown(await run(root), 'KV001')).toEqual([]);
  });

  it('a caller that passes nothing takes the default (the finding at the template), one that passes false is reported at its argument', async () => {
    const root = tree({
      'modules/kv.json': TEMPLATE('false'),
      'a/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: {}\n}\n",
      'b/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { purge: false }\n}\n",
    });
    expect(shown(await run(root), 'KV001')).toEqual(['KV001 b/main.bicep:3:20 warning unknown [default]', 'KV001 modules/kv.json:5:48 warning unknown [default]']);
  });

  it('callers in other folders are one unit: the instances they make are one finding that names the others', async () => {
    const root = tree({
      'modules/kv.json': TEMPLATE('false').replace('"name": "kv-mlops",', '"name": "[parameters(\'name\')]",').replace('"parameters": {', '"parameters": {\n    "name": { "type": "string" },'),
      'a/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { name: 'kva' }\n}\n",
      'b/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { name: 'kvb' }\n}\n",
    });
    const kv = (await run(root)).findings.filter((f) => f.ruleId === 'KV001');
    expect(kv.map((f) => f.message.match(/"kv[ab]"/g))).toEqual([['"kva"', '"kvb"']]);
  });

  it('files-only (pre-commit): given only the template, it reports what a run over the root reports for it', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'modules/kv.json': TEMPLATE('false'),
      'safe/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { purge: true }\n}\n",
      'open/main.bicep': "module kv '../modules/kv.json' = {\n  name: 'kv'\n}\n",
    });
    const template = path.join(root, 'modules', 'kv.json');
    const whole = await run(root);
    const inTemplate = shown({ ...whole, findings: whole.findings.filter((x) => x.location.file === template) });
    expect(inTemplate).toEqual(['KV001 modules/kv.json:5:48 warning unknown [default]']);
    expect(shown(await run(root, { paths: [template], onlyFiles: [template] }))).toEqual(inTemplate);
  });
});
