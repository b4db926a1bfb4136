/**
 * A Bicep param's default is evaluated once per scope: for its InputDecl (listed first by
 * `emit`), and that value is the param's when it is read later (`FileScope.defaultForInput`).
 * The cases where it is not kept (the param read before the inputs are listed, a default that
 * reads its own param, an assigned param, a `null` argument) give what they gave before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateBicep } from '../../src/eval/bicep/project.js';
import type { BicepProjectResult } from '../../src/eval/bicep/project.js';
import { createHost, type Host } from '../../src/core/host.js';
import { getPath, toJS } from '../../src/core/value.js';
import type { Value } from '../../src/core/value.js';
import { parseBicep, parseBicepParam } from '../../src/parse/bicep/index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Evaluates main.bicep of these files; `reads` counts the Host's text reads by file name. */
function project(files: Record<string, string>): BicepProjectResult & { reads: Map<string, number> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-defaults-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const reads = new Map<string, number>();
  const inner = createHost(dir);
  const host: Host = Object.create(inner, {
    readText: {
      value: (f: string) => {
        reads.set(path.basename(f), (reads.get(path.basename(f)) ?? 0) + 1);
        return inner.readText(f);
      },
    },
  });
  const all = Object.keys(files).map((f) => path.join(dir, f));
  const r = evaluateBicep({
    host,
    bicepFiles: all.filter((f) => f.endsWith('.bicep')),
    paramFiles: [],
    parse: (f) => (fs.existsSync(f) ? parseBicep(fs.readFileSync(f, 'utf8'), f) : undefined),
    parseParams: (f) => (fs.existsSync(f) ? parseBicepParam(fs.readFileSync(f, 'utf8'), f) : undefined),
  });
  return { ...r, reads };
}

const js = (v: Value | undefined): unknown => (v ? toJS(v) : undefined);
const via = (v: Value | undefined): string[] => (v?.via ?? []).map((l) => `${l.label}@${l.range.start.line}`);

describe('Bicep param defaults: evaluated once per scope', () => {
  it('a default read after the inputs are listed is not evaluated again (its load*() reads the file once)', () => {
    const r = project({
      'main.bicep': `param settings object = loadJsonContent('settings.json')
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: settings.name
  properties: settings.properties
}
`,
      'settings.json': '{ "name": "sa1", "properties": { "minimumTlsVersion": "TLS1_0" } }',
    });
    expect(r.reads.get('settings.json')).toBe(1);
    const e = r.evaluations[0]!;
    const sa = e.result.resources.find((x) => x.symbolicName === 'sa')!;
    expect(js(sa.name)).toBe('sa1');
    expect(js(getPath(sa.body, 'properties.minimumTlsVersion'))).toBe('TLS1_0');
    const input = e.evaluation.inputs.find((i) => i.name === 'settings')!;
    expect(js(input.defaultValue)).toEqual({ name: 'sa1', properties: { minimumTlsVersion: 'TLS1_0' } });
    expect(via(input.defaultValue)).toEqual([]);
  });

  it('a default that reads another param, and a module param given null: the values and chains as before', () => {
    const r = project({
      'main.bicep': `module m 'mod.bicep' = {
  name: 'm'
  params: {
    tls: null
  }
}
`,
      'mod.bicep': `param prefix string = 'ml'
param name string = '\${prefix}-sa'
param tls string = 'TLS1_2'
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  properties: {
    minimumTlsVersion: tls
  }
}
`,
    });
    const e = r.evaluations[0]!;
    const sa = e.result.resources.find((x) => x.symbolicName === 'sa')!;
    expect(js(sa.name)).toBe('ml-sa');
    expect(via(sa.name)).toEqual(['parameter "name"@2']);
    const tls = getPath(sa.body, 'properties.minimumTlsVersion');
    expect(js(tls)).toBe('TLS1_2');
    expect(via(tls)).toEqual(['null given: the default applies@4', 'parameter "tls"@3']);
    expect(js(e.evaluation.inputs.find((i) => i.name === 'name')!.defaultValue)).toBe('ml-sa');
  });

  it('a default that reads its own param, directly or through a var: the same problems and unknowns as before', () => {
    const direct = project({
      'main.bicep': `param a string = a
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: a
}
`,
    });
    expect(direct.problems.map((p) => p.message)).toEqual(["Parameter 'a' refers to itself"]);
    const sa = direct.evaluations[0]!.result.resources[0]!;
    expect(sa.name.kind).toBe('unknown');
    expect(direct.evaluations[0]!.evaluation.inputs[0]!.defaultValue!.kind).toBe('unknown');

    const viaVar = project({
      'main.bicep': `param a string = v
var v = a
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: a
}
`,
    });
    // The inputs are listed first: the default reads v, which reads a, which finds v half-evaluated.
    expect(viaVar.problems.map((p) => p.message)).toEqual(["Variable 'v' refers to itself"]);
    expect(viaVar.evaluations[0]!.result.resources[0]!.name.kind).toBe('unknown');
  });
});
