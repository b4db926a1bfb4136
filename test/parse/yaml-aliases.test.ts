/**
 * An alias to an anchor that is never set (`image: *nope`): the `yaml` library composes it
 * without an error, so each YAML reader reports it as a syntax error at the alias, and lint()
 * makes it PARSE001 (Kubernetes manifests, Azure ML YAML, CI files) instead of reading nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { parseYamlFile } from '../../src/parse/yaml/document.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-alias-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    image: *nope\n';

describe('unresolved YAML aliases', () => {
  it('the data-format parser reports one at the alias; a defined anchor (also a later reuse) is fine', () => {
    const p = parseYamlFile(POD);
    expect(p.errors.map((e) => `${e.range.start.line}:${e.range.start.column}-${e.range.end.column} ${e.message}`)).toEqual([
      '7:12-17 Unresolved alias *nope: no anchor &nope is set before it',
    ]);
    expect(parseYamlFile('a: &img nginx\nb: *img\nc: [&t {k: 1}, *t]\n').errors).toEqual([]);
    // An anchor set only after the alias does not count (YAML 1.2 §7.1: the most recent preceding node).
    expect(parseYamlFile('a: *later\nb: &later x\n').errors.map((e) => e.message)).toEqual(['Unresolved alias *later: no anchor &later is set before it']);
    // Anchors do not carry over from one document to the next.
    expect(parseYamlFile('a: &x 1\n---\nb: *x\n').errors).toHaveLength(1);
  });

  it('the CI parser reports it too', () => {
    const d = parseCiDocument('ci.yml', 'on: push\njobs:\n  b:\n    runs-on: *os\n    steps:\n      - run: echo hi\n', 'github-workflow');
    expect(d.errors.map((e) => `${e.range.start.line}:${e.range.start.column} ${e.message}`)).toEqual(['4:14 Unresolved alias *os: no anchor &os is set before it']);
  });

  it('lint(): PARSE001 at the alias of a Kubernetes manifest, an Azure ML YAML file and a workflow', async () => {
    const dir = tree({
      'k8s/pod.yaml': POD,
      'compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: *size\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: *os\n    steps:\n      - run: echo hi\n',
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const parse = r.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(parse.map((f) => `${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column} ${f.level}`).sort()).toEqual([
      '.github/workflows/ci.yml:4:14 error',
      'compute.yml:4:7 error',
      'k8s/pod.yaml:7:12 error',
    ]);
  });

  it('many aliases stay fast (one pass, not one document walk per alias)', () => {
    const n = 20_000;
    const text = `base: &b {k: 1}\nitems:\n${'  - *b\n'.repeat(n)}`;
    const t0 = performance.now();
    expect(parseYamlFile(text).errors).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
