/**
 * A module file is parsed once per unit and scoped once per call (caller instance and parameter
 * file): what the evaluator makes once per parsed tree and reuses for every call (declaration
 * headers, input keys, the names a file reads by member) must never carry one call's values
 * into another. Each case is evaluated twice — with one tree per file shared by every call (as
 * the front end's parse cache does) and with a fresh tree per call — and must agree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateBicep, type BicepProjectResult } from '../../src/eval/bicep/project.js';
import { getPath, toJS } from '../../src/core/value.js';
import type { Value } from '../../src/core/value.js';
import { parseBicep, parseBicepParam, type BicepFile } from '../../src/parse/bicep/index.js';
import { createHost } from '../../src/core/host.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function evaluate(dir: string, shareTrees: boolean): BicepProjectResult {
  const all = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const trees = new Map<string, BicepFile>();
  let parses = 0;
  const r = evaluateBicep({
    host: createHost(dir),
    bicepFiles: all.filter((f) => f.endsWith('.bicep')),
    paramFiles: all.filter((f) => f.endsWith('.bicepparam')),
    parse: (f) => {
      if (shareTrees && trees.has(f)) return trees.get(f);
      if (!fs.existsSync(f)) return undefined;
      parses++;
      const t = parseBicep(fs.readFileSync(f, 'utf8'), f);
      trees.set(f, t);
      return t;
    },
    parseParams: (f) => (fs.existsSync(f) ? parseBicepParam(fs.readFileSync(f, 'utf8'), f) : undefined),
  });
  if (shareTrees) expect(parses).toBe(trees.size);
  return r;
}

/** Evaluates the project with shared and with fresh trees; both must give the same records. */
function project(files: Record<string, string>): BicepProjectResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-reuse-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const shared = evaluate(dir, true);
  const fresh = evaluate(dir, false);
  const plain = (r: BicepProjectResult): unknown => JSON.parse(JSON.stringify(r, (_k, v) => (v instanceof Map ? [...v] : v)));
  expect(plain(shared)).toEqual(plain(fresh));
  return shared;
}

const js = (v: Value | undefined): unknown => (v ? toJS(v) : undefined);

describe('a module evaluated once per call, its parse-time facts made once per tree', () => {
  it('two calls and a loop of one module with different params give each call its own values; each param is one input', () => {
    const r = project({
      'main.bicep': [
        "module a './store.bicep' = { name: 'a', params: { name: 'alpha', tls: '1.0' } }",
        "module b './store.bicep' = { name: 'b', params: { name: 'beta' } }",
        "module c './store.bicep' = [for n in ['x', 'y']: { name: 'c${n}', params: { name: n, tls: null } }]",
      ].join('\n'),
      'store.bicep': [
        'param name string',
        "param tls string = '1.2'",
        "var suffix = '${name}-st'",
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        '  name: suffix',
        "  location: 'westeurope'",
        '  properties: { minimumTlsVersion: tls }',
        '}',
      ].join('\n'),
    });
    const e = r.evaluations[0]!;
    const accounts = e.result.resources.filter((x) => x.type === 'Microsoft.Storage/storageAccounts');
    expect(accounts.map((x) => js(x.name))).toEqual(['alpha-st', 'beta-st', 'x-st', 'y-st']);
    // A value given, the default, and a null argument (the default applies).
    expect(accounts.map((x) => js(getPath(x.body, 'properties.minimumTlsVersion')))).toEqual(['1.0', '1.2', '1.2', '1.2']);
    // Each value read through the param shows the module file's param header, whatever the call.
    const vias = accounts.map((x) => getPath(x.body, 'properties.minimumTlsVersion')!.via!.map((l) => `${path.basename(l.file)}:${l.range.start.line}:${l.label ?? ''}`));
    for (const v of vias) expect(v.at(-1)).toBe('store.bicep:2:parameter "tls"');
    expect(vias[0]![0]).toBe('main.bicep:1:module "a" param "tls"');
    // Inputs: each declaration once, however many calls (the first call's assigned value).
    const inputs = e.result.inputs.filter((i) => path.basename(i.header.file) === 'store.bicep');
    expect(inputs.map((i) => i.name)).toEqual(['name', 'tls']);
    expect(js(inputs[0]!.assigned)).toBe('alpha');
  });

  it("a module's params shadow its resources by name in one call and not in another file; vars and params read by member", () => {
    const r = project({
      'main.bicep': [
        "module one './mod.bicep' = { name: 'one', params: { kv: { vaultName: 'v1' }, flag: true } }",
        "module two './mod.bicep' = { name: 'two', params: { kv: { vaultName: 'v2' }, flag: false } }",
        "module other './other.bicep' = { name: 'other' }",
      ].join('\n'),
      'mod.bicep': [
        'param kv object',
        'param flag bool',
        "resource kvRes 'Microsoft.KeyVault/vaults@2023-02-01' = if (flag) {",
        '  name: kv.vaultName',
        '}',
      ].join('\n'),
      'other.bicep': [
        "resource kv 'Microsoft.KeyVault/vaults@2023-02-01' = {",
        "  name: 'other-kv'",
        '}',
        "resource secret 'Microsoft.KeyVault/vaults/secrets@2023-02-01' = {",
        '  parent: kv',
        "  name: 'sec'",
        '}',
      ].join('\n'),
    });
    const e = r.evaluations[0]!;
    const vaults = e.result.resources.filter((x) => x.type === 'Microsoft.KeyVault/vaults');
    // `if (flag)`: the second call's vault is not deployed.
    expect(vaults.map((x) => js(x.name))).toEqual(['v1', 'other-kv']);
    const secret = e.result.resources.find((x) => x.type === 'Microsoft.KeyVault/vaults/secrets')!;
    expect(js(secret.name)).toBe('other-kv/sec');
    const kv = e.result.inputs.find((i) => i.name === 'kv')!;
    expect(kv.readByMember).toBe(true);
    expect(e.result.inputs.find((i) => i.name === 'flag')!.readByMember).toBeUndefined();
  });
  it('every variant of a unit sees what module paths name (asked once per unit): present, missing, outside', () => {
    const r = project({
      'main.bicep': [
        "param env string = 'dev'",
        "module st './store.bicep' = { name: 'st-${env}', params: { name: 'st${env}' } }",
        "module gone './missing.bicep' = { name: 'gone' }",
        "module away '../../outside.bicep' = { name: 'away' }",
      ].join('\n'),
      'store.bicep': "param name string\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: name\n}\n",
      'dev.bicepparam': "using './main.bicep'\nparam env = 'dev'\n",
      'prod.bicepparam': "using './main.bicep'\nparam env = 'prod'\n",
    });
    expect(r.evaluations.map((e) => e.evaluation.variant)).toEqual(['dev.bicepparam', 'prod.bicepparam']);
    for (const e of r.evaluations) {
      const env = e.evaluation.variant.split('.')[0];
      expect(e.result.resources.filter((x) => x.type === 'Microsoft.Storage/storageAccounts').map((x) => js(x.name))).toEqual([`st${env}`]);
      expect(e.result.problems.map((p) => p.message)).toEqual(["Module file './missing.bicep' does not exist", "Module '../../outside.bicep' is outside the scanned folder; it is not evaluated"]);
    }
  });
});
