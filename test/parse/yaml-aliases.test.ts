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

describe('duplicate keys', () => {
  it('are PARSE001 at the later key, as the yaml library reports them, and 40,000 keys of one mapping stay linear (the library compared each with all before it: 20 s)', async () => {
    const many = `on: push\nx: &a v\n${Array.from({ length: 40_000 }, (_, k) => `k${k}: *a\n`).join('')}jobs:\n  b:\n    runs-on: x\n    steps:\n      - run: echo\n`;
    const dup = 'on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n    steps:\n      - run: echo\n';
    const dir = tree({ '.github/workflows/many.yml': many, '.github/workflows/dup.yml': dup, 'k.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {k: 1, k: 2}\n' });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => `${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column} ${f.message}`).sort()).toEqual([
      '.github/workflows/dup.yml:5:5 Map keys must be unique.',
      'k.yaml:5:14 Map keys must be unique.',
    ]);
  });
});

describe('duplicate keys as the yaml library finds them', () => {
  it('.nan is never a duplicate (the library compares with ===); a duplicate inside !!omap items is found; the duplicate comes first at a shared place', () => {
    expect(parseYamlFile('.nan: 1\n.nan: 2\n').errors).toEqual([]);
    expect(parseYamlFile('%YAML 1.1\n---\nlist: !!omap\n  - a:\n      x: 1\n      x: 2\n').errors.map((e) => [e.message, e.range.start.line, e.range.start.column])).toEqual([['Map keys must be unique', 6, 7]]);
    expect(parseYamlFile('a: 1\na: 2\na\n').errors[0]?.message).toBe('Map keys must be unique');
  });

  it('the error spans the repeated key (review 119: one character of `paths`)', () => {
    const [e] = parseYamlFile('on:\n  paths: [a]\n  paths: [b]\n  "quoted key": 1\n  "quoted key": 2\n').errors;
    expect([e?.range.start.line, e?.range.start.column, e?.range.end.line, e?.range.end.column]).toEqual([3, 3, 3, 8]);
    const quoted = parseYamlFile('"quoted key": 1\n"quoted key": 2\n').errors[0];
    expect([quoted?.range.start.column, quoted?.range.end.column]).toEqual([1, 13]);
  });

  it('an Azure Pipelines template directive (`${{ if … }}:`, `${{ else }}:`) may repeat in one mapping (two if/else groups); a plain key beside them may not', () => {
    const groups = "variables:\n  ${{ if eq(parameters.t, 'prod') }}:\n    a: 1\n  ${{ else }}:\n    a: 2\n  ${{ if eq(parameters.t, 'prod') }}:\n    b: 1\n  ${{ else }}:\n    b: 2\n";
    expect(parseYamlFile(groups).errors).toEqual([]);
    expect(parseYamlFile(`${groups}  x: 1\n  x: 2\n`).errors.map((e) => [e.message, e.range.start.line, e.range.start.column])).toEqual([['Map keys must be unique', 11, 3]]);
  });
});

describe('aliases a GitHub workflow reuses (GitHub Actions reads anchors since September 2025)', () => {
  const trees = (text: string, kind: 'github-workflow' | 'azure-pipeline' = 'github-workflow') => parseCiDocument('w.yml', text, kind).trees;

  it('the tree copies an alias as the node it stands for, with the ranges where that node is written', () => {
    const [root] = trees('on: push\njobs:\n  a:\n    env: &e\n      SIZE: big\n  b:\n    env: *e\n');
    const jobs = root?.type === 'map' ? root.entries.find((e) => e.key === 'jobs')?.value : undefined;
    const env = (job: string) => (jobs?.type === 'map' ? jobs.entries.find((e) => e.key === job)?.value : undefined);
    const b = env('b');
    const bEnv = b?.type === 'map' ? b.entries.find((e) => e.key === 'env')?.value : undefined;
    expect(bEnv?.type).toBe('map');
    expect(bEnv?.type === 'map' ? bEnv.entries.map((e) => [e.key, e.value?.type === 'scalar' ? e.value.value : undefined, e.keyRange.start.line]) : []).toEqual([['SIZE', 'big', 5]]);
  });

  it('an alias used as a key is the scalar its anchor names (- *k : az … with x: &k run is a run step)', async () => {
    const dir = tree({ '.github/workflows/w.yml': 'on: push\nx: &k run\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - *k : az acr create -n a -g rg --sku Standard --admin-enabled true\n' });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001').map((f) => `${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['7:70']);
  });

  it('an alias inside its own anchor (a cycle) and one in an Azure Pipelines file stay unread', () => {
    const cyclic = trees('on: push\njobs: &j\n  a:\n    needs: *j\n')[0];
    const jobs = cyclic?.type === 'map' ? cyclic.entries.find((e) => e.key === 'jobs')?.value : undefined;
    const a = jobs?.type === 'map' ? jobs.entries[0]?.value : undefined;
    expect(a?.type === 'map' ? a.entries[0]?.value?.type : undefined).toBe('other');
    const pipeline = trees('variables: &v\n  a: 1\nstages:\n  - stage: s\n    variables: *v\n', 'azure-pipeline')[0];
    const stage = pipeline?.type === 'map' ? pipeline.entries.find((e) => e.key === 'stages')?.value : undefined;
    const first = stage?.type === 'seq' ? stage.items[0] : undefined;
    expect(first?.type === 'map' ? first.entries.find((e) => e.key === 'variables')?.value?.type : undefined).toBe('other');
  });

  it('nested aliases that would copy a billion nodes stop at the copy budget', async () => {
    const lines = ['on: push', 'x0: &a0 [lol, lol]'];
    for (let i = 1; i < 30; i++) lines.push(`x${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    lines.push('jobs:', '  b:', '    runs-on: ubuntu-latest', '    env:', '      BIG: *a29', '    strategy:', '      matrix:', '        x: *a29', '    steps:', '      - run: echo hi', '');
    const dir = tree({ '.github/workflows/w.yml': lines.join('\n') });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
    // RULES.md: an evaluation that had to stop is EVAL001 (note), at the alias whose copy was cut.
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${f.location.range.start.line}: ${f.message}`)).toEqual([
      expect.stringMatching(/^\d+: The YAML aliases of this file repeat more than 5,000 nodes or 2,000,000 characters; what they repeat past that is not read/),
    ]);
  });

  it('a long anchored script reused by many jobs is read again only up to the character budget, with a note', async () => {
    const script = '          az acr create -n r -g g --sku Basic --admin-enabled true\n'.repeat(1_500);
    const jobs = Array.from({ length: 499 }, (_, k) => `  j${k}:\n    runs-on: ubuntu-latest\n    steps: *s\n`).join('');
    const text = `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps: &s\n      - run: |\n${script}${jobs}`;
    const r = await lint({ paths: [tree({ '.github/workflows/w.yml': text })] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001')).toHaveLength(1);
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1_500);
  });

  it('sixty jobs sharing a 2.2 KB list of steps are all read (the budget is far above real reuse)', async () => {
    const steps = Array.from({ length: 20 }, (_, k) => `      - name: step ${k}\n        run: echo "step ${k} of the shared list, with some words to make it long enough"\n`).join('');
    const jobs = Array.from({ length: 59 }, (_, k) => `  j${k}:\n    runs-on: ubuntu-latest\n    env:\n      ADMIN: '${k === 58 ? 'true' : 'false'}'\n    steps: *steps\n`).join('');
    const text = `on: push\njobs:\n  first:\n    runs-on: ubuntu-latest\n    steps: &steps\n${steps}      - run: az acr create -n reg$ADMIN -g rg --sku Basic --admin-enabled "$ADMIN"\n${jobs}`;
    const r = await lint({ paths: [tree({ '.github/workflows/w.yml': text })] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001')).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
  });

  it('many jobs that reuse a list of reused steps read a bounded number of them, with a note', async () => {
    const step = `      - &st\n        run: |\n${'          az acr create -n r -g g --sku Basic --admin-enabled true\n'.repeat(20)}`;
    const jobs = Array.from({ length: 299 }, (_, k) => `  j${k}:\n    runs-on: ubuntu-latest\n    steps: *s\n`).join('');
    const text = `on: push\njobs:\n  first:\n    runs-on: ubuntu-latest\n    steps: &s\n${step}${'      - *st\n'.repeat(299)}${jobs}`;
    const dir = tree({ '.github/workflows/w.yml': text });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001')).toHaveLength(1);
    expect(r.findings.filter((f) => f.ruleId === 'ACR001').length).toBeGreaterThan(0);
  });
});

describe('aliases of a Kubernetes manifest past the copy budget', () => {
  it('stop with an EVAL001 note where the copy was cut (review 70: nothing said so)', async () => {
    const labels = Array.from({ length: 6_000 }, (_, i) => `    k${i}: v`).join('\n');
    const manifest = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data: &big\n${labels}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n  data: *big\n`;
    const dir = tree({ 'k8s/b.yaml': manifest });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${f.location.range.start.line} ${f.message.slice(0, 60)}`)).toEqual([`${6_000 + 13} The YAML aliases of this file repeat more than 5,000 nodes; `]);
  });
});

describe('aliases of an Azure ML YAML file past the copy budget', () => {
  it('stop with an EVAL001 note where the copy was cut, as in manifests', async () => {
    const tags = Array.from({ length: 6_000 }, (_, i) => `  k${i}: v`).join('\n');
    const compute = `$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\ntype: amlcompute\nname: cpu\nsize: Standard_DS3_v2\ntags: &big\n${tags}\ndescription_tags: *big\n`;
    const dir = tree({ 'aml/compute.yml': compute });
    const r = await lint({ paths: [dir] });
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${f.location.range.start.line} ${f.message.slice(0, 40)}`)).toEqual([`${6_000 + 6} The YAML aliases of this file repeat mor`]);
  });
});
