/**
 * Script text → file positions through every YAML scalar style, line continuations and
 * comments; classification; parse errors and comments.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { parseCiDocument, simpleCommands, snippetRange } from '../../src/parse/yaml/ci.js';
import type { CiDocument, ScriptSnippet } from '../../src/parse/yaml/ci.js';

function workflow(run: string, shell?: string): string {
  return ['on: push', 'jobs:', '  j:', '    runs-on: ubuntu-latest', '    steps:', `      - ${shell ? `shell: ${shell}\n        ` : ''}run: ${run}`, ''].join('\n');
}

/** The first run snippet, checking the mapping invariants on the way. */
function snippet(text: string): { doc: CiDocument; sn: ScriptSnippet } {
  const doc = parseCiDocument('/x/.github/workflows/w.yml', text, 'github-workflow');
  expect(doc.errors).toEqual([]);
  const sn = doc.scripts[0]!;
  expect(sn.exact).toBe(true);
  // the value is the one the yaml package computes
  const ref = parseDocument(text).getIn(['jobs', 'j', 'steps', 0, 'run']);
  expect(sn.value).toBe(ref);
  // every word token maps onto its own text in the file
  for (const cmd of sn.commands)
    for (const t of cmd.tokens) if (!/["'\\`]/.test(t.raw) && t.range.start.line === t.range.end.line) expect(text.slice(t.range.start.offset, t.range.end.offset)).toBe(t.raw);
  return { doc, sn };
}

function tokenAt(sn: ScriptSnippet, word: string): string {
  for (const cmd of sn.commands)
    for (const t of cmd.tokens)
      if (t.text === word) return `${t.range.start.line}:${t.range.start.column}-${t.range.end.line}:${t.range.end.column}${cmd.commented ? ' commented' : ''}`;
  return 'not found';
}

describe('scalar styles', () => {
  test('plain', () => {
    const { sn } = snippet(workflow('az ad sp create-for-rbac --sdk-auth'));
    expect(tokenAt(sn, '--sdk-auth')).toBe('6:39-6:49');
  });

  test('plain over several lines (folded into one command)', () => {
    const { sn } = snippet(workflow('az ad sp create-for-rbac\n          --name x\n          --sdk-auth'));
    expect(sn.commands).toHaveLength(1);
    expect(tokenAt(sn, '--sdk-auth')).toBe('8:11-8:21');
  });

  test('single-quoted with doubled quotes', () => {
    const { sn } = snippet(workflow("'echo ''hi'' && az ad sp create-for-rbac --json-auth'"));
    expect(tokenAt(sn, '--json-auth')).toBe('6:55-6:66');
    expect(sn.value.startsWith("echo 'hi'")).toBe(true);
  });

  test('double-quoted with escapes and an escaped line break', () => {
    const text = workflow('"echo \\"a\\tb\\" ; az ad sp \\\n          create-for-rbac --sdk-auth"');
    const { sn } = snippet(text);
    expect(tokenAt(sn, 'create-for-rbac')).toBe('7:11-7:26');
    expect(tokenAt(sn, '--sdk-auth')).toBe('7:27-7:37');
    // an escape maps to its whole escape sequence
    const tab = sn.value.indexOf('\t');
    const r = snippetRange(sn, parseCiDocument('f', text, 'github-workflow').lineMap, tab, tab + 1);
    expect(text.slice(r.start.offset, r.end.offset)).toBe('\\t');
  });

  test('literal block |, with continuation and a trailing comment', () => {
    const { sn } = snippet(workflow('|\n          az ad sp create-for-rbac \\\n            --name x \\\n            --sdk-auth # old\n          echo done'));
    expect(sn.commands.map((c) => c.text.trim().replace(/\s+/g, ' '))).toEqual(['az ad sp create-for-rbac --name x --sdk-auth', 'echo done']);
    expect(tokenAt(sn, '--sdk-auth')).toBe('9:13-9:23');
    expect(sn.comments.map((c) => `${c.range.start.line}:${c.range.start.column} ${c.text}`)).toEqual(['9:24 # old']);
  });

  test('literal block |- and |+ (chomping)', () => {
    expect(tokenAt(snippet(workflow('|-\n          terraform apply -auto-approve\n')).sn, 'apply')).toBe('7:21-7:26');
    expect(tokenAt(snippet(workflow('|+\n          terraform apply -auto-approve\n\n')).sn, 'apply')).toBe('7:21-7:26');
  });

  test('literal block with an indentation indicator and more-indented lines', () => {
    const { sn } = snippet(workflow('|2\n          echo one\n            az ad sp create-for-rbac --sdk-auth'));
    expect(sn.value).toBe('echo one\n  az ad sp create-for-rbac --sdk-auth\n');
    expect(tokenAt(sn, '--sdk-auth')).toBe('8:38-8:48');
  });

  test('folded block > and >- (lines fold into one command)', () => {
    const { sn } = snippet(workflow('>-\n          CREDS=$(az ad sp create-for-rbac\n          --sdk-auth)'));
    expect(sn.value).toBe('CREDS=$(az ad sp create-for-rbac --sdk-auth)');
    expect(tokenAt(sn, '--sdk-auth')).toBe('8:11-8:21');
    const folded = snippet(workflow('>\n          terraform\n          apply -auto-approve\n\n          echo done')).sn;
    expect(folded.commands.map((c) => c.text)).toEqual(['terraform apply -auto-approve', 'echo done']);
    expect(tokenAt(folded, 'apply')).toBe('8:11-8:16');
  });

  test('CRLF line endings', () => {
    const text = workflow('|\n          az ad sp create-for-rbac \\\n            --sdk-auth').replace(/\n/g, '\r\n');
    const { sn } = snippet(text);
    expect(tokenAt(sn, '--sdk-auth')).toBe('8:13-8:23');
    expect(sn.commands).toHaveLength(1);
  });

  test('PowerShell backtick continuation and comments', () => {
    const { sn } = snippet(workflow('|\n          <# block #> az ad sp create-for-rbac `\n            --json-auth\n          # az ad sp create-for-rbac --sdk-auth', 'pwsh'));
    expect(sn.language).toBe('powershell');
    expect(tokenAt(sn, '--json-auth')).toBe('9:13-9:24');
    expect(tokenAt(sn, '--sdk-auth')).toBe('10:38-10:48 commented');
    expect(sn.comments.map((c) => c.text)).toEqual(['<# block #>', '# az ad sp create-for-rbac --sdk-auth']);
  });
});

describe('script files', () => {
  test('a whole .sh file is one snippet; commented continued lines join; heredocs are skipped', () => {
    const text = '#!/bin/bash\n# az ad sp create-for-rbac \\\n#   --sdk-auth\ncat <<EOF\nterraform apply -auto-approve\nEOF\nx=$(az ad sp create-for-rbac --json-auth)\n';
    const doc = parseCiDocument('/r/s.sh', text, 'script');
    expect(doc.scripts).toHaveLength(1);
    const sn = doc.scripts[0]!;
    expect(tokenAt(sn, '--sdk-auth')).toBe('3:5-3:15 commented');
    expect(tokenAt(sn, '--json-auth')).toBe('7:30-7:41');
    expect(sn.commands.some((c) => c.text.includes('terraform'))).toBe(false);
    expect(doc.comments.map((c) => c.range.start.line)).toEqual([1, 2, 3]);
    const words = simpleCommands(sn.commands.at(-1)!).map((ws) => ws.map((w) => w.text).join(' '));
    expect(words).toEqual(['x=', 'az ad sp create-for-rbac --json-auth']);
  });
});

describe('YAML documents', () => {
  test('a broken file yields positioned errors, never a throw', () => {
    const doc = parseCiDocument('/r/w.yml', 'on: push\njobs:\n  a:\n    steps:\n     - run: x\n    foo: [\n', 'github-workflow');
    expect(doc.errors.length).toBeGreaterThan(0);
    expect(doc.errors[0]!.range.start.line).toBeGreaterThanOrEqual(6);
    const jinja = parseCiDocument('/r/w.yml', 'on: push\n{% if x %}\njobs: {}\n{% endif %}\n', 'github-workflow');
    expect(jinja.errors[0]!.range.start).toMatchObject({ line: 2, column: 1 });
  });

  test('every YAML comment is collected with its range', () => {
    const text = '# top\non: push # trailing\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: | # header\n          echo 1 # in script\n';
    const doc = parseCiDocument('/r/w.yml', text, 'github-workflow');
    expect(doc.comments.map((c) => `${c.source} ${c.range.start.line}:${c.range.start.column} ${c.text}`)).toEqual([
      'yaml 1:1 # top',
      'yaml 2:10 # trailing',
      'yaml 7:16 # header',
      'script 8:18 # in script',
    ]);
  });

  test('workflow structure: permissions, jobs, steps, uses', () => {
    const text = 'on: [push, workflow_call]\npermissions: write-all\njobs:\n  d:\n    permissions: {}\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets: inherit\n';
    const wf = parseCiDocument('/r/w.yml', text, 'github-workflow').workflow!;
    expect(wf.reusable).toBe(true);
    expect(wf.permissions?.kind).toBe('write-all');
    expect(wf.jobs[0]!.permissions).toMatchObject({ kind: 'map', scopes: {} });
    expect(wf.jobs[0]!.uses).toMatchObject({ kind: 'reusable-workflow', owner: 'o', repo: 'r', ref: 'v1' });
    expect(wf.jobs[0]!.secrets?.value).toBe('inherit');
  });

  test('pipeline steps under stages, jobs, deployment strategies and ${{ }} blocks', () => {
    const text = [
      'stages:',
      '- stage: s',
      '  jobs:',
      '  - deployment: d',
      '    strategy:',
      '      runOnce:',
      '        deploy:',
      '          steps:',
      '          - ${{ if eq(1, 1) }}:',
      '            - bash: echo hi',
      '          - task: AzureCLI@2',
      '            inputs:',
      '              scriptType: pscore',
      '              scriptLocation: inlineScript',
      '              inlineScript: az version',
      '',
    ].join('\n');
    const p = parseCiDocument('/r/p.yml', text, 'azure-pipeline');
    expect(p.pipeline!.steps.map((s) => `${s.kind} ${s.subject}`)).toEqual([
      'bash pipeline:stages[stage=s].jobs[deployment=d].strategy.runOnce.deploy.steps[${{ if eq(1, 1) }}].${{ if eq(1, 1) }}[bash=echo hi]',
      'task pipeline:stages[stage=s].jobs[deployment=d].strategy.runOnce.deploy.steps[task=AzureCLI]',
    ]);
    expect(p.scripts.map((s) => `${s.origin} ${s.language} ${s.attributePath}`)).toEqual(['bash shell bash', 'inlineScript powershell inputs.inlineScript']);
  });
});

describe('classifyCiFile', () => {
  test.each([
    ['.github/workflows/ci.yml', 'on: push\njobs: {}\n', 'github-workflow'],
    ['x/.github/workflows/ci.yaml', '', 'github-workflow'],
    // An Azure Pipelines template kept in .github/workflows (no `on:`: GitHub cannot run it; review 91).
    ['.github/workflows/job-plan.yml', 'parameters:\n- name: env\n  type: string\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      scriptType: bash\n', 'azure-pipeline'],
    ['.github/workflows/jobs.yml', 'jobs:\n- job: a\n  steps:\n  - script: terraform apply\n', 'azure-pipeline'],
    // With `on:` it is a workflow whatever else it holds; without either shape, as before.
    ['.github/workflows/odd.yml', 'on: push\nsteps:\n  - script: echo hi\n', 'github-workflow'],
    ['.github/workflows/broken.yml', 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n', 'github-workflow'],
    ['.github/actions/a/action.yml', 'runs:\n  using: composite\n  steps: []\n', 'github-action'],
    ['.github/actions/a/action.yml', 'runs:\n  using: node20\n', undefined],
    ['ci/deploy.yml', 'on:\n  push:\njobs:\n  a:\n    runs-on: x\n', 'github-workflow'],
    ['azure-pipelines.yml', 'trigger: none\n', 'azure-pipeline'],
    ['azure-pipelines-prod.yml', '', 'azure-pipeline'],
    ['build.azure-pipelines.yml', '', 'azure-pipeline'],
    ['.pipelines/templates/steps.yml', 'parameters: []\nsteps:\n- script: echo hi\n', 'azure-pipeline'],
    ['.pipelines/templates/jobs.yml', 'jobs:\n- job: a\n  steps:\n  - task: AzureCLI@2\n', 'azure-pipeline'],
    ['.pipelines/pr.yml', 'steps:\n- template: quality.yml\n', 'azure-pipeline'],
    ['config/params.yml', 'variables:\n  a: 1\n', undefined],
    ['k8s/job.yml', 'apiVersion: batch/v1\nkind: Job\nspec:\n  steps:\n  - script: x\n', undefined],
    ['gitlab.yml', 'stages: [a]\nbuild:\n  script:\n    - make\n', undefined],
    ['scripts/deploy.sh', '', 'script'],
    ['scripts/deploy.bash', '', 'script'],
    ['scripts/Deploy.PS1', '', 'script'],
    ['main.tf', '', undefined],
  ])('%s', (path, text, kind) => {
    expect(classifyCiFile(path, text)).toBe(kind);
  });
});
