/**
 * RULES.md "Fingerprint": a CI finding's fingerprint (and so its baseline entry) is made of the
 * step's address, which names the step by what it is (ci-address.ts), never by its position:
 * a step, job or stage added above the offending step leaves the finding's fingerprint alone,
 * while two identical steps still get two addresses and two fingerprints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { writeBaseline } from '../../src/engine/baseline.js';
import type { Finding } from '../../src/engine/types.js';
import { buildCiModel } from '../../src/eval/ci/build.js';
import { listSegments } from '../../src/parse/yaml/ci-address.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-ci-fp-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lines = (...l: string[]): string => l.join('\n') + '\n';

const WORKFLOW = '.github/workflows/deploy.yml';
const ACTION = '.github/actions/deploy/action.yml';
const PIPELINE = 'azure-pipelines.yml';

const GH_HEAD = ['name: deploy', 'on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:'];
const GH_STEPS = [
  '      - name: Apply',
  '        run: terraform apply -auto-approve',
  '      - name: Pin',
  '        uses: actions/checkout@main',
];
const GH_UNNAMED = [
  '      - uses: azure/login@v1',
  '        with:',
  '          creds: ${{ secrets.AZURE_CREDENTIALS }}',
  '      - run: az ad sp create-for-rbac --name ci --sdk-auth',
  '      - run: |',
  '          terraform init',
  '          terraform apply -auto-approve',
  '      - uses: actions/checkout@main',
];
const ACTION_HEAD = ['name: deploy', 'runs:', '  using: composite', '  steps:'];
const ACTION_STEPS = ['    - shell: bash', '      run: terraform apply -auto-approve', '    - uses: actions/checkout@main'];

const AZP_STEPS = [
  '                - task: AzureCLI@2',
  '                  inputs:',
  '                    azureSubscription: sc',
  '                    scriptType: bash',
  '                    scriptLocation: inlineScript',
  '                    inlineScript: az ad sp create-for-rbac --name ci --sdk-auth',
  '                - bash: terraform apply -auto-approve',
];
const azp = (opts: { stageAbove?: boolean; jobAbove?: boolean; stepAbove?: string[] } = {}): string =>
  lines(
    'trigger: none',
    'stages:',
    ...(opts.stageAbove ? ['  - stage: Build', '    jobs:', '      - job: Compile', '        steps:', '          - script: make'] : []),
    '  - stage: Deploy',
    '    jobs:',
    ...(opts.jobAbove ? ['      - job: Check', '        steps:', '          - script: echo check'] : []),
    '      - deployment: Prod',
    '        environment: prod',
    '        strategy:',
    '          runOnce:',
    '            deploy:',
    '              steps:',
    ...(opts.stepAbove ?? []),
    ...AZP_STEPS,
  );

interface Case {
  name: string;
  file: string;
  before: string;
  after: string;
  /** Rules whose findings the case must have (so it proves something). */
  rules: string[];
}

const CASES: Case[] = [
  {
    name: 'GitHub: a named step added above the offending steps',
    file: WORKFLOW,
    before: lines(...GH_HEAD, ...GH_STEPS),
    after: lines(...GH_HEAD, '      - name: Setup', '        run: echo setup', ...GH_STEPS),
    rules: ['CI004', 'CI005'],
  },
  {
    name: 'GitHub: an unnamed run step added above unnamed steps',
    file: WORKFLOW,
    before: lines(...GH_HEAD, ...GH_UNNAMED),
    after: lines(...GH_HEAD, '      - run: echo setup', ...GH_UNNAMED),
    rules: ['CI001', 'CI002', 'CI004', 'CI005'],
  },
  {
    name: 'GitHub: a uses step added above, and an unrelated job above the job',
    file: WORKFLOW,
    before: lines(...GH_HEAD, ...GH_UNNAMED),
    after: lines(
      ...GH_HEAD.slice(0, 3),
      '  lint:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo lint',
      ...GH_HEAD.slice(3),
      '      - uses: actions/setup-node@v4',
      ...GH_UNNAMED,
    ),
    rules: ['CI001', 'CI002', 'CI004', 'CI005'],
  },
  {
    name: "GitHub: an action's version bumped on the offending step",
    file: WORKFLOW,
    before: lines(...GH_HEAD, ...GH_UNNAMED),
    after: lines(...GH_HEAD, ...GH_UNNAMED.map((l) => l.replace('azure/login@v1', 'azure/login@v2'))),
    rules: ['CI002'],
  },
  {
    name: 'GitHub composite action: a step added above',
    file: ACTION,
    before: lines(...ACTION_HEAD, ...ACTION_STEPS),
    after: lines(...ACTION_HEAD, '    - shell: bash', '      run: echo setup', ...ACTION_STEPS),
    rules: ['CI004', 'CI005'],
  },
  {
    name: 'Azure Pipelines: a script step added above',
    file: PIPELINE,
    before: azp(),
    after: azp({ stepAbove: ['                - script: echo setup', '                  displayName: Setup'] }),
    rules: ['CI001', 'CI005'],
  },
  {
    name: 'Azure Pipelines: an unnamed task and a bash step added above',
    file: PIPELINE,
    before: azp(),
    after: azp({ stepAbove: ['                - checkout: self', '                - bash: echo setup', '                - task: Bash@3'] }),
    rules: ['CI001', 'CI005'],
  },
  {
    name: 'Azure Pipelines: a stage and a job added above',
    file: PIPELINE,
    before: azp(),
    after: azp({ stageAbove: true, jobAbove: true }),
    rules: ['CI001', 'CI005'],
  },
];

let dirs = 0;
async function run(file: string, text: string, baselineFile?: string): Promise<{ dir: string; findings: Finding[] }> {
  const dir = path.join(tmp, `case-${dirs++}`);
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  const r = await lint({ paths: [dir], root: dir, noConfig: true, ...(baselineFile ? { baselineFile } : {}) });
  return { dir, findings: r.findings };
}

/** Each finding as `rule fingerprint address`, sorted (lines left out: they move). */
const keys = (fs_: Finding[]): string[] => fs_.map((f) => `${f.ruleId} ${f.fingerprint} ${f.address ?? ''}`).sort();

describe('CI fingerprints do not depend on a step\'s position (RULES.md "Fingerprint")', () => {
  it.each(CASES)('$name', async (c) => {
    const before = await run(c.file, c.before);
    const after = await run(c.file, c.after);
    expect([...new Set(before.findings.map((f) => f.ruleId))]).toEqual(expect.arrayContaining(c.rules));
    // Every finding is still there, at the same fingerprint (and address).
    expect(keys(after.findings)).toEqual(keys(before.findings));
    // A baseline written before the change matches every finding after it (`--baseline`).
    const baselineFile = path.join(before.dir, 'baseline.json');
    fs.writeFileSync(baselineFile, writeBaseline(before.findings, before.dir, 'test'));
    const baselined = await run(c.file, c.after, baselineFile);
    expect(baselined.findings.length).toBe(before.findings.length);
    expect(baselined.findings.filter((f) => f.suppression?.kind !== 'external').map((f) => `${f.ruleId} ${f.address ?? ''}`)).toEqual([]);
  });
});

describe('identical steps keep distinct addresses and fingerprints', () => {
  const TWICE_GH = lines(...GH_HEAD, '      - run: terraform apply -auto-approve', '      - run: terraform apply -auto-approve');
  const TWICE_AZP = lines(
    'jobs:',
    '  - job: Deploy',
    '    steps:',
    '      - bash: terraform apply -auto-approve',
    '      - bash: terraform apply -auto-approve',
  );

  it.each([
    { name: 'GitHub', file: WORKFLOW, text: TWICE_GH, prefix: 'workflow:jobs.deploy.steps', step: 'run=terraform apply -auto-approve' },
    { name: 'Azure Pipelines', file: PIPELINE, text: TWICE_AZP, prefix: 'pipeline:jobs[job=Deploy].steps', step: 'bash=terraform apply -auto-approve' },
  ])('$name: two identical terraform apply steps', async (c) => {
    const { findings } = await run(c.file, c.text);
    const ci005 = findings.filter((f) => f.ruleId === 'CI005');
    expect(ci005.map((f) => f.address)).toEqual([`${c.prefix}[${c.step}]`, `${c.prefix}[${c.step}][1]`]);
    expect(new Set(ci005.map((f) => f.fingerprint)).size).toBe(2);

    // Each step holds its own script only (scripts are joined to steps by address).
    const kind = c.file === PIPELINE ? 'azure-pipeline' : 'github-workflow';
    for (const views of [true, false]) {
      const m = buildCiModel(parseCiDocument(path.join(tmp, c.file), c.text, kind, { views }));
      const steps = m.jobs.flatMap((j) => j.steps);
      expect(steps.map((s) => s.scripts.length)).toEqual([1, 1]);
      expect(steps[0]!.scripts[0]!.range.start.line).toBeLessThan(steps[1]!.scripts[0]!.range.start.line);
    }

    // A third identical step added below leaves both as they were.
    const below = await run(c.file, c.text.replace(/\n$/, '') + '\n' + c.text.trim().split('\n').pop() + '\n');
    const belowFps = below.findings.filter((f) => f.ruleId === 'CI005').map((f) => f.fingerprint);
    expect(belowFps.slice(0, 2)).toEqual(ci005.map((f) => f.fingerprint));
    expect(new Set(belowFps).size).toBe(3);
  });
});

describe('listSegments', () => {
  it('names items, indexes repeated names from the second on, keeps positions only for non-mappings, escapes `]` and `\\`', () => {
    expect(listSegments(['name=a', 'run', undefined, 'name=a', 'run', 'name=a'])).toEqual([
      '[name=a]',
      '[run]',
      '[2]',
      '[name=a][1]',
      '[run][1]',
      '[name=a][2]',
    ]);
    expect(listSegments(['run=[ -f x ]', 'name=a\\b', 'name=a][1'])).toEqual(['[run=[ -f x \\]]', '[name=a\\\\b]', '[name=a\\][1]']);
    // Names that are written alike are told apart by the index too.
    expect(listSegments(['name=a\nb', 'name=a\r\nb'])).toEqual(['[name=a\\nb]', '[name=a\\nb][1]']);
  });
});
