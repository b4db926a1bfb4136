/**
 * The CI model (src/model/ci.ts): structure of workflows, composite actions, pipelines and
 * scripts, and the exact file position of every word a command receives.
 */
import { describe, expect, test } from 'vitest';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiKind } from '../../src/parse/yaml/ci.js';
import { buildCiModel } from '../../src/eval/ci/build.js';
import { grantsIdTokenWrite, isAction } from '../../src/model/ci.js';
import type { CiFile, CiWord } from '../../src/model/ci.js';
import type { Range } from '../../src/core/source.js';

function model(text: string, kind: CiKind = 'github-workflow', file = '/r/.github/workflows/w.yml'): { m: CiFile; text: string } {
  const doc = parseCiDocument(file, text, kind);
  expect(doc.errors).toEqual([]);
  return { m: buildCiModel(doc), text };
}

const lines = (...l: string[]): string => l.join('\n') + '\n';
const pos = (r: Range): string => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
const slice = (text: string, r: Range): string => text.slice(r.start.offset, r.end.offset);
const argv = (m: CiFile, i = 0): string[][] => m.scripts[i]!.commands.map((c) => c.argv.map((w) => w.text));

function word(m: CiFile, text: string): CiWord {
  for (const s of [...m.scripts, ...(m.commentedOut ? [m.commentedOut] : [])])
    for (const c of s.commands) for (const w of c.argv) if (w.text === text) return w;
  throw new Error(`no word ${text}`);
}

describe('argv positions', () => {
  test('inside a literal `run: |` block, with a continuation', () => {
    const { m, text } = model(
      lines(
        'on: push',
        'jobs:',
        '  train:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          SIZE=Standard_NC6s_v3',
        '          az ml compute create --name gpu \\',
        '            --size "$SIZE" --min-instances=0',
      ),
    );
    expect(argv(m)).toEqual([['SIZE=Standard_NC6s_v3'], ['az', 'ml', 'compute', 'create', '--name', 'gpu', '--size', '$SIZE', '--min-instances=0']]);
    const cmds = m.scripts[0]!.commands;
    expect(cmds.map((c) => c.statement)).toEqual([0, 1]);
    expect(pos(word(m, 'SIZE=Standard_NC6s_v3').range)).toBe('7:11-7:32');
    expect(pos(word(m, 'az').range)).toBe('8:11-8:13');
    expect(pos(word(m, '--size').range)).toBe('9:13-9:19');
    // the quoted word's range covers its quotes; its raw text keeps them
    const size = word(m, '$SIZE');
    expect(size.raw).toBe('"$SIZE"');
    expect(slice(text, size.range)).toBe('"$SIZE"');
    // a part of a word: the value of `--min-instances=0`
    const min = word(m, '--min-instances=0');
    expect(pos(min.rangeOf(16, 17))).toBe('9:44-9:45');
    expect(slice(text, min.rangeOf(16, 17))).toBe('0');
    // the command's range spans its lines
    expect(pos(cmds[1]!.range)).toBe('8:11-9:45');
  });

  test('inside folded scalars (`run: >`, `run: >-`), where lines fold into one command', () => {
    const { m, text } = model(
      lines(
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: >',
        '          terraform',
        '          apply -auto-approve',
        '',
        '          echo done',
        '      - run: >-',
        '          az ad sp create-for-rbac',
        '          --sdk-auth',
      ),
    );
    expect(argv(m, 0)).toEqual([['terraform', 'apply', '-auto-approve'], ['echo', 'done']]);
    const apply = m.scripts[0]!.commands[0]!.argv[1]!;
    expect(pos(apply.range)).toBe('8:11-8:16');
    expect(slice(text, apply.range)).toBe('apply');
    expect(argv(m, 1)).toEqual([['az', 'ad', 'sp', 'create-for-rbac', '--sdk-auth']]);
    expect(pos(m.scripts[1]!.commands[0]!.argv[4]!.range)).toBe('13:11-13:21');
  });

  test('in a double-quoted scalar with escapes, each word maps onto its source', () => {
    const { m, text } = model(lines('on: push', 'jobs:', '  a:', '    runs-on: x', '    steps:', '      - run: "az acr update -n r --admin-enabled \\"true\\""'));
    const v = word(m, 'true');
    expect(v.raw).toBe('"true"');
    // the raw quotes came from `\"` escapes: the word covers them
    expect(slice(text, v.range)).toBe('\\"true\\"');
    expect(slice(text, v.rangeOf(1, 5))).toBe('true');
  });

  test('operators split simple commands and are kept as `after`', () => {
    const { m } = model('x=$(az ad sp show --id 1) && az ml compute show -n c || az ml compute create -n c\n', 'script', '/r/s.sh');
    const cmds = m.scripts[0]!.commands;
    expect(cmds.map((c) => [c.after ?? '', c.argv[0]!.text, c.statement])).toEqual([
      ['', 'x=', 0],
      ['$(', 'az', 0],
      ['&&', 'az', 0],
      ['||', 'az', 0],
    ]);
  });

  test('a heredoc body is data on the command that reads it, with its range; `<<<` is not a heredoc', () => {
    const { m, text } = model(
      lines(
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: x',
        '    steps:',
        '      - run: |',
        "          cat > compute.yml <<'EOF'",
        '          size: Standard_NC6',
        '          EOF',
        '          az ml compute create -f compute.yml',
        '          jq -r .id <<< word',
        '          az version',
      ),
    );
    const cmds = m.scripts[0]!.commands;
    expect(cmds.map((c) => c.argv[0]!.text)).toEqual(['cat', 'az', 'jq', 'az']);
    const h = cmds[0]!.heredoc!;
    expect(h).toMatchObject({ delimiter: 'EOF', quoted: true, stripTabs: false, text: 'size: Standard_NC6\n' });
    expect(pos(h.range)).toBe('8:11-9:1');
    expect(slice(text, h.range)).toBe('size: Standard_NC6\n');
    expect(cmds.slice(1).some((c) => c.heredoc)).toBe(false);
  });

  test('PowerShell backtick continuation', () => {
    const { m } = model(lines('az aks nodepool add `', '  --name gpu `', '  --node-vm-size Standard_NC6s_v3'), 'script', '/r/s.ps1');
    expect(m.scripts[0]!.language).toBe('powershell');
    expect(argv(m)).toEqual([['az', 'aks', 'nodepool', 'add', '--name', 'gpu', '--node-vm-size', 'Standard_NC6s_v3']]);
    expect(pos(word(m, 'Standard_NC6s_v3').range)).toBe('3:18-3:34');
  });
});

describe('comments', () => {
  test('YAML comments outside steps are read as commented-out commands, with positions', () => {
    const { m } = model(
      lines(
        '# Set up credentials once with:',
        '#   az ad sp create-for-rbac --name x --sdk-auth',
        'on: push',
        'env:',
        '  A: b # az ad sp create-for-rbac --json-auth',
        'jobs:',
        '  a:',
        '    runs-on: x',
        '    steps:',
        '      - run: |',
        '          echo 1 # in script',
      ),
    );
    const out = m.commentedOut!;
    expect(out.subject).toBe('comments');
    expect(out.origin).toBe('comment');
    expect(out.commands.every((c) => c.commented)).toBe(true);
    expect(pos(word(m, '--sdk-auth').range)).toBe('2:39-2:49');
    expect(pos(word(m, '--json-auth').range)).toBe('5:35-5:46');
    expect(m.comments.map((c) => `${c.source} ${c.range.start.line}`)).toEqual(['yaml 1', 'yaml 2', 'yaml 5', 'script 11']);
    expect(m.scripts[0]!.comments.map((c) => c.text)).toEqual(['# in script']);
  });

  test('a commented-out line in a script is a command marked `commented`', () => {
    const { m } = model('#!/bin/bash\n# az ad sp create-for-rbac --sdk-auth\naz version\n', 'script', '/r/s.sh');
    expect(m.scripts[0]!.commands.map((c) => [c.commented, c.argv[0]!.text])).toEqual([
      [true, '!/bin/bash'],
      [true, 'az'],
      [false, 'az'],
    ]);
    expect(m.commentedOut).toBeUndefined();
  });
});

describe('GitHub Actions', () => {
  const WF = lines(
    'name: deploy',
    'on:',
    '  workflow_call:',
    '    inputs:',
    '      size:',
    '        type: string',
    '        default: Standard_NC6',
    '  workflow_dispatch:',
    '    inputs:',
    '      env:',
    '        type: choice',
    '        required: true',
    '        options: [dev, prod]',
    'permissions:',
    '  id-token: write',
    '  contents: read',
    'env:',
    '  LOCATION: westeurope',
    'jobs:',
    '  inherit:',
    '    runs-on: [self-hosted, linux]',
    '    environment: prod',
    '    env:',
    '      RG: rg-ml',
    '    strategy:',
    '      matrix:',
    '        sku: [Standard_NC6s_v3, Standard_NC24ads_A100_v4]',
    '        include: [{ sku: x }]',
    '    steps:',
    '      - name: login',
    '        id: login',
    '        uses: Azure/login@v2',
    '        with:',
    '          client-id: ${{ secrets.ID }}',
    '        env:',
    '          X: "1"',
    '      - uses: azure/cli@v2',
    '        with:',
    '          inlineScript: az group create -n rg -l westeurope',
    '      - uses: ./.github/actions/local',
    '      - uses: docker://alpine:3.19',
    '      - uses: actions/checkout',
    '      - uses: ${{ matrix.action }}',
    '  override:',
    '    permissions:',
    '      contents: read',
    '    environment:',
    '      name: staging',
    '      url: https://x',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo',
    '  call:',
    '    needs: [inherit, override]',
    '    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@main',
    '    with:',
    '      size: Standard_NC6',
    '    secrets: inherit',
  );

  test('file: name, triggers, inputs with defaults, env', () => {
    const { m, text } = model(WF);
    expect(m.format).toBe('github-actions');
    expect(m.name).toBe('deploy');
    expect(m.triggers.map((t) => t.text)).toEqual(['workflow_call', 'workflow_dispatch']);
    expect(m.reusable).toBe(true);
    expect(m.inputs.map((i) => `${i.source} ${i.name} ${i.type} ${i.required ?? '-'} ${i.default?.text ?? '-'} [${i.allowed.map((a) => a.text)}]`)).toEqual([
      'workflow_call size string - Standard_NC6 []',
      'workflow_dispatch env choice true - [dev,prod]',
    ]);
    expect(slice(text, m.inputs[0]!.default!.range)).toBe('Standard_NC6');
    expect(m.env.map((v) => `${v.scope} ${v.name}=${v.value?.text} ${pos(v.value!.range)}`)).toEqual(['workflow LOCATION=westeurope 18:13-18:23']);
  });

  test('permissions: a job without its own inherits the workflow block; a job block replaces it', () => {
    const { m } = model(WF);
    const [inherit, override, call] = m.jobs;
    expect(inherit!.permissions).toBeUndefined();
    expect(inherit!.effectivePermissions?.level).toBe('workflow');
    expect(grantsIdTokenWrite(inherit!.effectivePermissions)).toBe(true);
    expect(override!.effectivePermissions).toMatchObject({ level: 'job', kind: 'map', scopes: { contents: 'read' } });
    expect(override!.effectivePermissions!.entries.map((e) => `${e.key} ${pos(e.keyRange)}`)).toEqual(['contents 46:7-46:15']);
    expect(grantsIdTokenWrite(override!.effectivePermissions)).toBe(false);
    // from the key to the end of the block mapping (which ends at the start of the next line)
    expect(pos(m.permissions!.range)).toBe('14:1-17:1');
    expect(call!.effectivePermissions?.level).toBe('workflow');

    const none = model(lines('on: workflow_call', 'jobs:', '  a:', '    runs-on: x', '    steps: []')).m;
    expect(none.jobs[0]!.effectivePermissions).toBeUndefined();
    const all = model(lines('on: push', 'jobs:', '  a:', '    permissions: write-all', '    runs-on: x')).m;
    expect(all.jobs[0]!.effectivePermissions?.kind).toBe('write-all');
    expect(grantsIdTokenWrite(all.jobs[0]!.effectivePermissions)).toBe(true);
  });

  test('jobs: runs-on, environment, env, matrix, needs, reusable workflow call with inputs', () => {
    const { m } = model(WF);
    const [inherit, override, call] = m.jobs;
    expect(inherit).toMatchObject({ id: 'inherit', subject: 'workflow:jobs.inherit', kind: 'job', runsOn: 'self-hosted linux', environment: { name: 'prod' } });
    expect(inherit!.env.map((v) => `${v.scope} ${v.name}=${v.value?.text}`)).toEqual(['job RG=rg-ml']);
    expect(inherit!.matrix.map((a) => `${a.name}: ${a.values?.map((v) => v.text).join(',')}`)).toEqual(['sku: Standard_NC6s_v3,Standard_NC24ads_A100_v4']);
    expect(override!.environment?.name).toBe('staging');
    expect(pos(override!.environment!.range)).toBe('48:13-48:20');
    expect(call).toMatchObject({ kind: 'workflow-call', needs: ['inherit', 'override'], steps: [] });
    expect(call!.uses).toMatchObject({ kind: 'reusable-workflow', owner: 'Azure', repo: 'mlops-templates', path: '.github/workflows/create-compute.yml', ref: 'main' });
    expect(call!.inputs.map((e) => `${e.key}=${e.value} ${pos(e.valueRange!)}`)).toEqual(['size=Standard_NC6 57:13-57:25']);
    expect(call!.secrets?.value).toBe('inherit');
  });

  test('steps: kinds, names, inputs, env, scripts; `uses:` refs parsed', () => {
    const { m, text } = model(WF);
    const steps = m.jobs[0]!.steps;
    expect(steps.map((s) => `${s.index} ${s.kind} ${s.subject}`)).toEqual([
      // Named by id, else name, else the action without its ref (ci-address.ts), not by position.
      '0 uses workflow:jobs.inherit.steps[id=login]',
      '1 uses workflow:jobs.inherit.steps[uses=azure/cli]',
      '2 uses workflow:jobs.inherit.steps[uses=./.github/actions/local]',
      '3 uses workflow:jobs.inherit.steps[uses=docker://alpine:3.19]',
      '4 uses workflow:jobs.inherit.steps[uses=actions/checkout]',
      '5 uses workflow:jobs.inherit.steps[uses=${{ matrix.action }}]',
    ]);
    const login = steps[0]!;
    expect(login).toMatchObject({ name: 'login', id: 'login' });
    expect(isAction(login.uses, 'azure/login')).toBe(true);
    expect(login.uses).toMatchObject({ kind: 'action', owner: 'Azure', repo: 'login', ref: 'v2', name: 'azure/login' });
    expect(slice(text, login.uses!.range)).toBe('Azure/login@v2');
    expect(login.inputs.map((e) => e.key)).toEqual(['client-id']);
    expect(login.env.map((v) => `${v.scope} ${v.name}=${v.value?.text} ${slice(text, v.value!.range)}`)).toEqual(['step X=1 1']);
    // the azure/cli inline script is the step's script
    expect(steps[1]!.scripts.map((s) => `${s.attributePath} ${s.origin}`)).toEqual(['with.inlineScript inlineScript']);
    expect(steps[1]!.scripts[0]!.commands[0]!.argv.map((w) => w.text)).toEqual(['az', 'group', 'create', '-n', 'rg', '-l', 'westeurope']);
    expect(steps.slice(2).map((s) => `${s.uses!.kind} ${s.uses!.name} ${s.uses!.ref ?? '-'}`)).toEqual([
      'local ./.github/actions/local -',
      'docker alpine:3.19 -',
      'action actions/checkout -',
      'expression ${{ matrix.action }} -',
    ]);
    expect(m.jobs[1]!.steps[0]!.kind).toBe('run');
    expect(m.steps.map((s) => s.subject)).toEqual([...m.jobs[0]!.steps, ...m.jobs[1]!.steps].map((s) => s.subject));
  });

  test('uses with a path inside the repository and without a ref', () => {
    const { m } = model(lines('on: push', 'jobs:', '  a:', '    runs-on: x', '    steps:', '      - uses: azure/login/sub@v1', '      - uses: github/codeql-action/init@v3'));
    expect(m.steps.map((s) => [s.uses!.name, s.uses!.path, isAction(s.uses, 'azure/login')])).toEqual([
      ['azure/login/sub', 'sub', false],
      ['github/codeql-action/init', 'init', false],
    ]);
  });

  test('composite action: inputs with defaults and steps', () => {
    const { m } = model(
      lines('name: create', 'inputs:', '  size:', '    default: Standard_NC6', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: az ml compute create --size ${{ inputs.size }}'),
      'github-action',
      '/r/.github/actions/c/action.yml',
    );
    expect(m.composite).toBe(true);
    expect(m.inputs.map((i) => `${i.source} ${i.name}=${i.default?.text}`)).toEqual(['action size=Standard_NC6']);
    expect(m.jobs.map((j) => `${j.kind} ${j.subject}`)).toEqual(['composite action:runs']);
    expect(m.steps[0]!.shell).toBe('bash');
    expect(m.steps[0]!.scripts[0]!.commands[0]!.argv.map((w) => w.raw)).toEqual(['az', 'ml', 'compute', 'create', '--size', '${{ inputs.size }}']);
  });
});

describe('Azure Pipelines', () => {
  const PIPE = lines(
    'name: train',
    'parameters:',
    '  - name: size',
    '    type: string',
    '    default: Standard_NC6',
    '    values: [Standard_NC6, Standard_D4s_v5]',
    'variables:',
    '  - name: version',
    '    value: aml-cli-v2',
    '  - group: secrets-group',
    "  - ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:",
    '      - template: config-prod.yml',
    '      - name: env',
    '        value: prod',
    'stages:',
    '  - stage: Deploy',
    '    displayName: Deploy it',
    '    variables:',
    '      rg: rg-ml',
    '    jobs:',
    '      - deployment: ToProd',
    '        environment: ml-prod',
    '        pool:',
    '          vmImage: ubuntu-latest',
    '        strategy:',
    '          runOnce:',
    '            deploy:',
    '              steps:',
    '                - task: AzureCLI@2',
    '                  displayName: create compute',
    '                  inputs:',
    '                    azureSubscription: sc',
    '                    scriptType: bash',
    '                    scriptLocation: inlineScript',
    '                    inlineScript: |',
    '                      az ml compute create --size $(size)',
    '                  env:',
    '                    A: b',
    '                - template: templates/${{ variables.version }}/create-compute.yml@mlops-templates',
    '                  parameters:',
    '                    cluster_name: gpu-cluster',
    '                    size: Standard_NV6',
    '      - job: Other',
    '        dependsOn: ToProd',
    '        steps:',
    '          - ${{ if eq(1, 1) }}:',
    '            - bash: terraform apply -auto-approve',
    '      - template: jobs.yml',
    '        parameters:',
    '          x: 1',
  );

  test('parameters, variables (both forms, groups, templates, conditional)', () => {
    const { m, text } = model(PIPE, 'azure-pipeline', '/r/azure-pipelines.yml');
    expect(m.format).toBe('azure-pipelines');
    expect(m.name).toBe('train');
    expect(m.inputs.map((i) => `${i.source} ${i.name}=${i.default?.text} [${i.allowed.map((a) => a.text)}]`)).toEqual([
      'parameters size=Standard_NC6 [Standard_NC6,Standard_D4s_v5]',
    ]);
    expect(m.env.map((v) => `${v.kind} ${v.name}=${v.value?.text ?? '-'}${v.conditions ? ' if' : ''}`)).toEqual([
      'value version=aml-cli-v2',
      'group secrets-group=-',
      'template config-prod.yml=- if',
      'value env=prod if',
    ]);
    expect(slice(text, m.env[0]!.value!.range)).toBe('aml-cli-v2');
    expect(m.stages.map((s) => `${s.id} ${s.name} ${s.subject} ${s.env.map((v) => `${v.name}=${v.value?.text}`)}`)).toEqual([
      'Deploy Deploy it pipeline:stages[stage=Deploy] rg=rg-ml',
    ]);
    expect(m.stages[0]!.jobs).toEqual([
      'pipeline:stages[stage=Deploy].jobs[deployment=ToProd]',
      'pipeline:stages[stage=Deploy].jobs[job=Other]',
      'pipeline:stages[stage=Deploy].jobs[template=jobs.yml]',
    ]);
  });

  test('jobs, deployment environment, pool; steps with tasks, inputs, template calls and scripts', () => {
    const { m } = model(PIPE, 'azure-pipeline', '/r/azure-pipelines.yml');
    expect(m.jobs.map((j) => `${j.kind} ${j.id} ${j.environment?.name ?? '-'} ${j.runsOn ?? '-'} [${j.needs}] ${j.template?.path ?? '-'}`)).toEqual([
      'deployment ToProd ml-prod ubuntu-latest [] -',
      'job Other - - [ToProd] -',
      'template  - - [] jobs.yml',
    ]);
    const [task, tpl] = m.jobs[0]!.steps;
    expect(task).toMatchObject({ kind: 'task', name: 'create compute', task: { name: 'AzureCLI', version: '2' } });
    expect(task!.inputs.map((e) => e.key)).toEqual(['azureSubscription', 'scriptType', 'scriptLocation', 'inlineScript']);
    expect(task!.env.map((v) => v.name)).toEqual(['A']);
    expect(task!.scripts[0]!.commands[0]!.argv.map((w) => w.text)).toEqual(['az', 'ml', 'compute', 'create', '--size', '$(size)']);
    expect(tpl).toMatchObject({ kind: 'template', template: { path: 'templates/${{ variables.version }}/create-compute.yml', repository: 'mlops-templates' } });
    expect(tpl!.inputs.map((e) => `${e.key}=${e.value}`)).toEqual(['cluster_name=gpu-cluster', 'size=Standard_NV6']);
    const bash = m.jobs[1]!.steps[0]!;
    expect(bash.kind).toBe('bash');
    expect(bash.subject).toBe('pipeline:stages[stage=Deploy].jobs[job=Other].steps[${{ if eq(1, 1) }}].${{ if eq(1, 1) }}[bash=terraform apply -auto-approve]');
    expect(bash.scripts[0]!.subject).toBe(bash.subject);
    expect(m.jobs[2]!.inputs.map((e) => e.key)).toEqual(['x']);
    expect(m.jobs.every((j) => j.stage === 'pipeline:stages[stage=Deploy]')).toBe(true);
  });

  test('steps outside any job belong to one implicit job', () => {
    const { m } = model(lines('steps:', '  - script: echo 1', '  - pwsh: Write-Host 2'), 'azure-pipeline', '/r/azure-pipelines.yml');
    expect(m.jobs.map((j) => `${j.kind} ${j.subject} ${j.steps.map((s) => s.kind)}`)).toEqual(['implicit pipeline:$ script,pwsh']);
    expect(m.scripts.map((s) => s.language)).toEqual(['shell', 'powershell']);
  });
});

describe('script files', () => {
  test('a script file is one script with subject `script`, no jobs', () => {
    const { m } = model('#!/bin/bash\nexport SIZE=Standard_NC6\naz ml compute create --size "$SIZE"\n', 'script', '/r/deploy.sh');
    expect(m).toMatchObject({ kind: 'script', format: 'script', jobs: [], steps: [] });
    expect(m.scripts.map((s) => `${s.subject} ${s.attributePath === '' ? "''" : s.attributePath} ${s.origin}`)).toEqual(["script '' file"]);
    expect(argv(m).slice(1)).toEqual([['export', 'SIZE=Standard_NC6'], ['az', 'ml', 'compute', 'create', '--size', '$SIZE']]);
  });
});

describe('command substitutions inside double quotes', () => {
  const script = (body: string): CiFile => model(body, 'script', '/r/deploy.sh').m;
  const az = (m: CiFile): string[][] => m.scripts[0]!.commands.filter((c) => c.argv[0]?.text === 'az').map((c) => [c.after ?? '', ...c.argv.map((w) => w.text)]);

  test('"$(…)" and "`…`" run their command, before the command that holds them, at its exact place', () => {
    const { m, text } = model('KV_ID="$(az keyvault create --name "kv1" -g rg --query id -o tsv)"\necho "id: `az acr create -n r1 -g rg`"\n', 'script', '/r/deploy.sh');
    const cmds = m.scripts[0]!.commands;
    expect(cmds.map((c) => [c.after ?? '', c.argv[0]!.text])).toEqual([
      ['$(', 'az'],
      // The substitution's own quotes stay in the outer word as written: bash removes them when it runs it.
      ['', 'KV_ID=$(az keyvault create --name "kv1" -g rg --query id -o tsv)'],
      ['`', 'az'],
      ['', 'echo'],
    ]);
    expect(slice(text, word(m, 'kv1').range)).toBe('"kv1"');
    expect(slice(text, word(m, 'r1').range)).toBe('r1');
    expect(pos(word(m, 'r1').range)).toBe('2:29-2:31');
  });

  test('single quotes run nothing, `$((` is arithmetic, an unquoted `$(` is split as before', () => {
    expect(az(script("echo '\"$(az keyvault create -n a)\"'\nX=\"$((1 + 2))\"\nY=$(az acr create -n b)\n"))).toEqual([['$(', 'az', 'acr', 'create', '-n', 'b']]);
  });

  test('a substitution inside a quoted one is split off as an unquoted one is', () => {
    // The inner one runs first; the outer az command goes on after it, with it as one word (the -n value).
    expect(az(script('X="$(az group show -n $(az group list --query x))"\n'))).toEqual([
      ['$(', 'az', 'group', 'list', '--query', 'x'],
      ['$(', 'az', 'group', 'show', '-n', '$(…)'],
    ]);
  });

  test('hostile words end: many openers none closed, thousands nested in one word', () => {
    expect(az(script('X="' + '$(a'.repeat(100_000) + '`'.repeat(100_001) + '"\n'))).toEqual([]);
    expect(az(script('X="' + '$(az x '.repeat(5_000) + ')'.repeat(5_000) + '"\n'))).toHaveLength(5_000);
  });
});
