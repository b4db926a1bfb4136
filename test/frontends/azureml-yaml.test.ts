/**
 * The Azure ML YAML front end: which YAML it claims (and which it leaves to the CI,
 * Kubernetes and other readers), `--set` overrides and heredoc spans through
 * `amlYamlResources`, suppressions, syntax errors, multi-document files and lazy loading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { FRONT_ENDS } from '../../src/frontends/index.js';
import { amlYamlResources, azuremlYamlFrontEnd } from '../../src/frontends/azureml-yaml.js';
import { LineMap } from '../../src/core/source.js';
import type { Evaluation } from '../../src/model/resource.js';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-amlyaml-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const SCHEMA = 'https://azuremlschemas.azureedge.net/latest';
const classify = (text: string, file = 'x.yml') => azuremlYamlFrontEnd.byContent!(file, text, file);

describe('azureml-yaml classification', () => {
  it('claims compute cluster, compute instance and workspace YAML, by $schema or by type + name', () => {
    expect(classify(`$schema: ${SCHEMA}/amlCompute.schema.json\nname: c\ntype: amlcompute\n`)).toBe('azureml-yaml');
    expect(classify(`$schema: https://azuremlschemasprod.azureedge.net/latest/computeInstance.schema.json\nname: ci\n`)).toBe('azureml-yaml');
    expect(classify(`$schema: ${SCHEMA}/workspace.schema.json\nname: ws\n`)).toBe('azureml-yaml');
    expect(classify('type: AmlCompute\nname: c\nsize: Standard_DS3_v2\n')).toBe('azureml-yaml');
    expect(classify("name: ci\ntype: 'computeinstance'\n")).toBe('azureml-yaml');
  });

  it('leaves CI files, Kubernetes manifests and other Azure ML YAML alone', () => {
    // GitHub workflow and Azure Pipelines that mention the type in a script.
    expect(classify('on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "type: amlcompute"\n')).toBeUndefined();
    expect(classify('type: amlcompute\nname: c\nsteps:\n  - script: echo\n')).toBeUndefined();
    // Kubernetes: apiVersion + kind.
    expect(classify('apiVersion: v1\nkind: ConfigMap\ntype: amlcompute\nname: c\n')).toBeUndefined();
    // AML jobs, environments, endpoints, attached VM computes.
    expect(classify(`$schema: ${SCHEMA}/commandJob.schema.json\ntype: command\ncompute: azureml:gpu-cluster\n`)).toBeUndefined();
    expect(classify(`$schema: ${SCHEMA}/environment.schema.json\nname: env\nimage: mcr.microsoft.com/x\n`)).toBeUndefined();
    expect(classify(`$schema: ${SCHEMA}/managedOnlineEndpoint.schema.json\nname: ep\nauth_mode: key\n`)).toBeUndefined();
    expect(classify(`$schema: ${SCHEMA}/vmCompute.schema.json\nname: vm\ntype: virtualmachine\n`)).toBeUndefined();
    // A compute type without a name is not a compute document.
    expect(classify('type: amlcompute\nsize: Standard_DS3_v2\n')).toBeUndefined();
  });

  it('is read on demand: a run without YAML never loads it', () => {
    const fe = FRONT_ENDS.find((f) => f.name === 'azureml-yaml')!;
    for (const f of ['main.tf', 'x.tfvars', 'azuredeploy.json', 'main.bicep', 'deploy.sh']) expect(fe.byName(f)).toBeUndefined();
    expect(fe.byName('compute.yml')).toBe('peek');
    expect(fs.readFileSync(path.join(import.meta.dirname, '../../src/frontends/index.ts'), 'utf8')).not.toMatch(/^import .*azureml-yaml\.js/m);
  });

  it('keeps a GitHub workflow a CI file in a run with both', async () => {
    const dir = tree({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n',
      'aml/compute.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: Standard_NC6\n`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI004', 'GPU004'], today: '2026-06-01' });
    expect(r.findings.map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}:${f.location.range.start.line}`).sort()).toEqual(['CI004 .github/workflows/ci.yml:6', 'GPU004 aml/compute.yml:4']);
  });
});

describe('azureml-yaml files', () => {
  it('a syntax error is PARSE001 at its position, without a crash', async () => {
    const dir = tree({ 'compute.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: [Standard_NC6\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], today: '2026-06-01' });
    const p = r.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(p).toHaveLength(1);
    expect(p[0]!.location.range.start.line).toBeGreaterThanOrEqual(4);
  });

  it('hostile nesting is PARSE001, not a crash or a hang', async () => {
    const dir = tree({ 'compute.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\ntags: ${'['.repeat(20_000)}\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], today: '2026-06-01' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PARSE001']);
  });

  it('reads every document of a multi-document file', async () => {
    const dir = tree({ 'computes.yml': 'type: amlcompute\nname: a\nsize: Standard_NC6\n---\ntype: amlcompute\nname: b\nsize: Standard_ND6s\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], today: '2026-06-01' });
    expect(r.findings.map((f) => f.location.range.start.line)).toEqual([3, 7]);
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('says that a Kubernetes manifest beside an Azure ML document in one file is not checked (EVAL001 at its start)', async () => {
    // With a $schema the file is Azure ML YAML; without one (a manifest's keys in the file) it is
    // read as manifests: either way the other format's document gets the note.
    const dir = tree({
      'a/mixed.yml': `$schema: ${SCHEMA}/amlCompute.schema.json\ntype: amlcompute\nname: a\nsize: Standard_NC6\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n`,
      'b/mixed.yml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\ntype: amlcompute\nname: b\nsize: Standard_NC6\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004', 'EVAL001'], today: '2026-06-01' });
    const shown = r.findings.map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column} ${f.level}`);
    expect(shown).toEqual(['GPU004 a/mixed.yml:4:7 error', 'EVAL001 a/mixed.yml:6:1 note', 'EVAL001 b/mixed.yml:6:1 note']);
    expect(r.findings[1]!.message).toContain('Kubernetes manifest in a file read as Azure ML YAML');
    expect(r.findings[2]!.message).toContain('Azure ML YAML in a file read as Kubernetes manifests');
  });

  it('a # directive suppresses the next line', async () => {
    const dir = tree({ 'compute.yml': 'type: amlcompute\nname: gpu\n# mlops-iac-lint-ignore GPU004 -- kept until the migration in Q3\nsize: Standard_NC6\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['GPU004'], today: '2026-06-01' });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.suppression?.justification).toBe('kept until the migration in Q3');
  });

  it('an environment word in the path decides the environment class', async () => {
    const dir = tree({ 'prod/workspace.yml': `$schema: ${SCHEMA}/workspace.schema.json\nname: mlw\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001'] });
    expect(r.findings.map((f) => [f.env, f.level])).toEqual([['prod', 'error']]);
  });
});

describe('amlYamlResources (the az CLI front end: --file and heredocs)', () => {
  const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: '/s', inputs: [] };
  const at = (text: string, needle: string, file: string) => {
    const i = text.indexOf(needle);
    return { file, range: new LineMap(text).range(i, i + needle.length) };
  };

  it('applies --set overrides (later wins, dotted paths create maps) with their locations', () => {
    const yaml = 'type: amlcompute\nname: cpu\nsize: Standard_DS3_v2\nmin_instances: 0\n';
    const script = 'az ml compute create -f compute.yml --set size=Standard_NC6 min_instances=1 min_instances=2 tags.team=ml\n';
    const o = (k: string, v: string) => ({ path: k, value: v, location: at(script, `${k}=${v}`, '/s/deploy.sh') });
    const { resources, problems } = amlYamlResources({ file: '/s/compute.yml', text: yaml }, [o('size', 'Standard_NC6'), o('min_instances', '1'), o('min_instances', '2'), o('tags.team', 'ml')], evaluation);
    expect(problems).toEqual([]);
    const [c] = resources;
    expect(c!.kind).toBe('ml.compute');
    const size = c!.attrs.get('vmSize')!.value!;
    expect(size).toMatchObject({ kind: 'string', value: 'Standard_NC6' });
    expect(size.origin!.file).toBe('/s/deploy.sh');
    expect(size.origin!.range.start.column).toBe(script.indexOf('size=Standard_NC6') + 1);
    expect(c!.attrs.get('minNodeCount')!.value).toMatchObject({ kind: 'number', value: 2 });
    expect(c!.attrs.get('tags')!.value).toMatchObject({ kind: 'object' });
  });

  it('reads a heredoc body at its place in the script; $VAR values are unknown', () => {
    const script = [
      'SIZE=Standard_NC6',
      "cat > compute.yml <<EOF",
      'type: amlcompute',
      'name: gpu-cluster',
      'size: $SIZE',
      'min_instances: 1',
      'EOF',
      'az ml compute create -f compute.yml',
      '',
    ].join('\n');
    const start = script.indexOf('type: amlcompute');
    const end = script.indexOf('EOF\naz');
    const { resources } = amlYamlResources({ file: '/s/deploy.sh', text: script, span: { start, end, at: { line: 3, column: 1 } }, shellExpansions: true }, [], evaluation);
    const [c] = resources;
    expect(c!.header.range.start.line).toBe(3);
    expect(c!.attrs.get('vmSize')!.value!.kind).toBe('unknown');
    const min = c!.attrs.get('minNodeCount')!.value!;
    expect(min).toMatchObject({ kind: 'number', value: 1 });
    expect(min.origin!.range.start).toMatchObject({ line: 6, column: 16, offset: script.indexOf('1\nEOF') });
  });

  it('takes the type from the command when a workspace YAML names none', () => {
    const yaml = 'name: mlw\npublic_network_access: Disabled\n';
    expect(amlYamlResources({ file: '/s/ws.yml', text: yaml }, [], evaluation).resources).toHaveLength(0);
    const [ws] = amlYamlResources({ file: '/s/ws.yml', text: yaml, typeHint: 'workspace' }, [], evaluation).resources;
    expect(ws!.kind).toBe('ml.workspace');
    expect(ws!.attrs.get('publicNetworkAccess')!.value).toMatchObject({ kind: 'bool', value: false });
    // A hub workspace (`kind: hub`) is still a workspace; a compute named by --name keeps its own type.
    const [hub] = amlYamlResources({ file: '/s/hub.yml', text: 'name: hub\nkind: hub\n', typeHint: 'workspace' }, [], evaluation).resources;
    expect(hub!.kind).toBe('ml.workspace');
    const name = { path: 'name', value: 'ci-1', location: { file: '/s/deploy.sh', range: new LineMap('x').range(0, 1) } };
    const [ci] = amlYamlResources({ file: '/s/ci.yml', text: 'type: computeinstance\nsize: Standard_DS3_v2\n', typeHint: 'amlcompute' }, [name], evaluation).resources;
    expect(ci!.attrs.get('computeType')!.value).toMatchObject({ value: 'instance' });
    expect(ci!.name).toMatchObject({ value: 'ci-1' });
    // Another Azure ML document (a job) is never read as a compute.
    expect(amlYamlResources({ file: '/s/job.yml', text: `$schema: ${SCHEMA}/commandJob.schema.json\ntype: command\n`, typeHint: 'amlcompute' }, [], evaluation).resources).toHaveLength(0);
  });
});
