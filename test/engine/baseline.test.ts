import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { applyBaseline, applyBaselineWithStats, BaselineError, parseBaseline, writeBaseline } from '../../src/engine/baseline.js';
import type { Finding } from '../../src/engine/types.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-baseline-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const VAULT = `resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`;

async function kvFindings(dir: string): Promise<Finding[]> {
  const r = await lint({ paths: [dir], root: dir, rules: ['KV001'] });
  return r.findings.filter((f) => f.ruleId === 'KV001');
}

function f(ruleId: string, fp: string, extra: Partial<Finding> = {}): Finding {
  const p = { line: 3, column: 1, offset: 10 };
  return { ruleId, level: 'error', message: `msg ${fp}`, location: { file: '/r/a/main.tf', range: { start: p, end: p } }, related: [], fingerprint: fp, env: 'unknown', variants: ['default'], ...extra };
}

describe('baseline file', () => {
  it('is deterministic JSON with version, generator and sorted relative entries; skips suppressed findings', () => {
    const text = writeBaseline(
      [f('KV001', 'b'), f('AML001', 'a', { location: { file: '/r/z.tf', range: f('x', 'x').location.range } }), f('KV002', 'c', { suppression: { kind: 'inSource', justification: 'r' } })],
      '/r',
      '0.1.0',
    );
    expect(JSON.parse(text)).toEqual({
      version: 1,
      generatedBy: 'mlops-iac-lint 0.1.0',
      entries: [
        { ruleId: 'KV001', fingerprint: 'b', file: 'a/main.tf', message: 'msg b' },
        { ruleId: 'AML001', fingerprint: 'a', file: 'z.tf', message: 'msg a' },
      ],
    });
    expect(text.endsWith('}\n')).toBe(true);
  });
  it('applies by rule + fingerprint, counting duplicates', () => {
    const base = writeBaseline([f('KV001', 'x')], '/r');
    const r = applyBaselineWithStats([f('KV001', 'x'), f('KV001', 'x'), f('KV002', 'x')], base, '.baseline.json');
    expect(r.findings.map((x) => x.suppression)).toEqual([{ kind: 'external', justification: 'in baseline .baseline.json' }, undefined, undefined]);
    expect(r.matched).toBe(1);
    expect(applyBaselineWithStats([], base, 'b').stale).toBe(1);
  });
  it('rejects a bad baseline with a clear error', () => {
    expect(() => parseBaseline('{ nope', 'b.json')).toThrow(/invalid baseline file b\.json: not valid JSON/);
    expect(() => parseBaseline('[]', 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{"version": 2, "entries": []}', 'b.json')).toThrow(/unsupported version 2/);
    expect(() => parseBaseline('{"version": 1}', 'b.json')).toThrow(/"entries" must be an array/);
    expect(() => applyBaseline([], '{"version": 1, "entries": [{"ruleId": "KV001"}]}', 'b.json')).toThrow(/entries\[0\]/);
  });
});

describe('baseline across lint runs', () => {
  it('a finding keeps its fingerprint when lines are inserted above it; a different resource is new', async () => {
    const dir = path.join(tmp, 'tf');
    fs.mkdirSync(dir, { recursive: true });
    const main = path.join(dir, 'main.tf');
    fs.writeFileSync(main, VAULT);
    const first = await kvFindings(dir);
    expect(first).toHaveLength(1);
    expect(first[0]!.suppression).toBeUndefined();
    const baseline = writeBaseline(first, dir, '0.1.0');
    expect(JSON.parse(baseline).entries[0]).toMatchObject({ ruleId: 'KV001', file: 'main.tf' });

    fs.writeFileSync(main, '# a comment\n\n// another\n\n' + VAULT);
    const moved = await kvFindings(dir);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.location.range.start.line).toBe(first[0]!.location.range.start.line + 4);
    expect(moved[0]!.fingerprint).toBe(first[0]!.fingerprint);
    expect(applyBaseline(moved, baseline, '.mlops-iac-lint-baseline.json')[0]!.suppression).toEqual({
      kind: 'external',
      justification: 'in baseline .mlops-iac-lint-baseline.json',
    });

    fs.writeFileSync(main, VAULT.replace('"kv"', '"kv2"'));
    const renamed = await kvFindings(dir);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.fingerprint).not.toBe(first[0]!.fingerprint);
    expect(applyBaseline(renamed, baseline, 'b')[0]!.suppression).toBeUndefined();
  });
});

describe('baseline: an edited offending value is new', () => {
  it('matches after unrelated edits, not after the value changes (through lint --baseline)', async () => {
    const dir = path.join(tmp, 'value');
    fs.mkdirSync(dir, { recursive: true });
    const main = path.join(dir, 'main.tf');
    const pool = (size: string) => `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "/x"\n  vm_size               = "${size}"\n}\n`;
    fs.writeFileSync(main, pool('Standard_D16s_v5'));
    const first = await lint({ paths: [dir], root: dir, rules: ['GPU001'], noConfig: true });
    expect(first.findings.map((x) => x.ruleId)).toEqual(['GPU001']);
    const baselineFile = path.join(dir, 'baseline.json');
    fs.writeFileSync(baselineFile, writeBaseline(first.findings, dir, '0.1.0'));

    fs.writeFileSync(main, '# moved down\n\n' + pool('Standard_D16s_v5'));
    const moved = await lint({ paths: [dir], root: dir, rules: ['GPU001'], noConfig: true, baselineFile });
    expect(moved.findings.map((x) => x.suppression?.kind)).toEqual(['external']);

    fs.writeFileSync(main, '# moved down\n\n' + pool('Standard_D8s_v5'));
    const changed = await lint({ paths: [dir], root: dir, rules: ['GPU001'], noConfig: true, baselineFile });
    expect(changed.findings).toHaveLength(1);
    expect(changed.findings[0]!.suppression).toBeUndefined();
  });
});

describe('baseline encoding', () => {
  // PowerShell 5's `mlops-iac-lint --format json > baseline.json` writes UTF-16 LE with a BOM.
  it('a baseline saved as UTF-16 LE with a BOM is decoded as the scanned files are', async () => {
    const dir = path.join(tmp, 'utf16');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), VAULT);
    const first = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod' });
    expect(first.findings.map((x) => x.ruleId)).toEqual(['KV001']);
    const baselineFile = path.join(dir, 'baseline.json');
    fs.writeFileSync(baselineFile, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(writeBaseline(first.findings, dir, '0.1.0'), 'utf16le')]));
    const again = await lint({ paths: [dir], root: dir, rules: ['KV001'], noConfig: true, env: 'prod', baselineFile });
    expect(again.findings.map((x) => [x.ruleId, x.location.range.start.line, x.suppression?.kind])).toEqual([['KV001', 1, 'external']]);
  });
});

describe('a baseline survives moving the checkout (RULES.md "Fingerprint": no absolute paths)', () => {
  it('written in one checkout, it suppresses the same findings in a copy one folder deeper', async () => {
    const files: Record<string, string> = {
      'infra/main.tf': `provider "azurerm" {\n  features {}\n}\n${VAULT}`,
      'infra/vars.tfvars': 'x = 1\n',
      'terraform.tfstate': '{}\n',
    };
    const make = (dir: string): void => {
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
    };
    const first = path.join(tmp, 'checkout-a');
    const second = path.join(tmp, 'deeper', 'checkout-b');
    make(first);
    make(second);
    const before = await lint({ paths: [first], root: first, noConfig: true });
    const ids = [...new Set(before.findings.map((x) => x.ruleId))].sort();
    // TF001 and TF002 carried absolute folders and files in their fingerprints before.
    expect(ids).toEqual(expect.arrayContaining(['KV001', 'TF001', 'TF002', 'TF003']));
    const baseline = path.join(tmp, 'moved-baseline.json');
    fs.writeFileSync(baseline, writeBaseline(before.findings, before.root, 'test'));
    const after = await lint({ paths: [second], root: second, noConfig: true, baselineFile: baseline });
    expect(after.findings.length).toBe(before.findings.length);
    expect(after.findings.filter((x) => !x.suppression)).toEqual([]);
  });
});
