/**
 * `az ml compute|workspace create|update --file X [--set k=v]` linked to the Azure ML YAML it
 * reads (src/frontends/azure-cli-files.ts), through `lint()`: which file (heredoc, the
 * script's folder, the repository root), what cannot be decided (`--verbose`), no double
 * report when the file is also an Azure ML YAML on its own, environment class, fingerprints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

type LintResult = Awaited<ReturnType<typeof lint>>;

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-azfile-')));
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

async function run(files: Record<string, string>, rules = ['AML001', 'AML004', 'GPU001', 'GPU004'], sub?: string, links: Record<string, string> = {}): Promise<{ r: LintResult; dir: string }> {
  const dir = tree(files);
  for (const [at, to] of Object.entries(links)) fs.symlinkSync(to, path.join(dir, at));
  const scan = sub ? path.join(dir, sub) : dir;
  const r = await lint({ paths: [scan], root: scan, rules, today: '2026-12-01' });
  return { r, dir: scan };
}

/** Findings as `RULE file:line:col env` (relative paths). */
function shown(r: LintResult, dir: string): string[] {
  return r.findings.map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column} ${f.env}`);
}

const COMPUTE = 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n';

describe('az ml … --file: which file', () => {
  it('reads a file next to the script, else from the repository root', async () => {
    const { r, dir } = await run({
      'infra/compute.yml': COMPUTE,
      'infra/deploy.sh': 'az ml compute create -f compute.yml -w ws\n',
      'scripts/setup.sh': 'az ml compute create -f infra/compute.yml\n',
    });
    // Two commands, one place: one finding (RULES.md "Variants": same rule, place and attribute).
    expect(shown(r, dir)).toEqual(['AML004 infra/compute.yml:3:16 unknown']);
    expect(r.findings[0]!.address).toBe('script: az ml compute create --file compute.yml');
  });

  it("reads a workflow step's file from the repository root, in the job's environment class", async () => {
    const { r, dir } = await run({
      'infra/compute.yml': COMPUTE,
      '.github/workflows/ml.yml': 'on: push\njobs:\n  infra:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: az ml compute create -f infra/compute.yml --set max_instances=4\n',
    });
    expect(shown(r, dir)).toEqual(['AML004 infra/compute.yml:3:16 prod']);
    expect(r.findings[0]!.level).toBe('note');
    expect(r.findings[0]!.address).toBe('workflow:jobs.infra.steps[run=az ml compute create -f infra/compute.ym…]: az ml compute create --file infra/compute.yml');
  });

  it("a script a workflow step runs is classed by its own name first and its folders last, as when it is linted alone (README: Environment class)", async () => {
    const script = 'az ml compute create -n cpu --type amlcompute --size Standard_D4s_v3 --min-instances "$MIN" -g rg -w ws\n';
    const workflow = (runs: string, environment = ''): string =>
      `on: push\njobs:\n  infra:\n    runs-on: ubuntu-latest\n${environment}    env:\n      MIN: 2\n    steps:\n      - run: ${runs}\n`;
    // deploy-prod.sh run by a job that names no environment: prod (AML004 prod: note).
    const byName = await run({ '.git/HEAD': 'ref: refs/heads/main\n', 'scripts/deploy-prod.sh': script, '.github/workflows/ml.yml': workflow('./scripts/deploy-prod.sh') });
    expect(shown(byName.r, byName.dir)).toEqual(['AML004 .github/workflows/ml.yml:6:12 prod']);
    // Its name before the job's environment: (a dev script run by a production job is nonprod).
    const nameFirst = await run({ '.git/HEAD': 'ref: refs/heads/main\n', 'scripts/deploy-dev.sh': script, '.github/workflows/ml.yml': workflow('./scripts/deploy-dev.sh', '    environment: production\n') });
    expect(shown(nameFirst.r, nameFirst.dir)).toEqual(['AML004 .github/workflows/ml.yml:7:12 nonprod']);
    // Its folders after the job's environment:, and when nothing else decides.
    const folderLast = await run({ '.git/HEAD': 'ref: refs/heads/main\n', 'scripts/prod/ml.sh': script, '.github/workflows/ml.yml': workflow('./scripts/prod/ml.sh') });
    expect(shown(folderLast.r, folderLast.dir)).toEqual(['AML004 .github/workflows/ml.yml:6:12 prod']);
    const jobFirst = await run({ '.git/HEAD': 'ref: refs/heads/main\n', 'scripts/prod/ml.sh': script, '.github/workflows/ml.yml': workflow('./scripts/prod/ml.sh', '    environment: dev\n') });
    expect(shown(jobFirst.r, jobFirst.dir)).toEqual(['AML004 .github/workflows/ml.yml:7:12 nonprod']);
  });

  it("reads a GitHub workflow step's file from its repository (the folder above .github) when the scan root is above it", async () => {
    // A folder of several checkouts: the step starts in repo/ ($GITHUB_WORKSPACE), not at the scan root.
    const { r, dir } = await run({
      'repo/infra/compute.yml': COMPUTE,
      'repo/.github/workflows/ml.yml': 'on: push\njobs:\n  infra:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create -f infra/compute.yml --set min_instances=3\n',
    });
    expect(shown(r, dir)).toEqual(['AML004 repo/.github/workflows/ml.yml:6:76 unknown']);
  });

  it("reads a script's file from its repository's top when the scan root is above it (review 82: it depended on the folder the linter ran from)", async () => {
    const { r, dir } = await run({
      'repo/ml/compute/c.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 0\n',
      'repo/scripts/deploy.sh': 'az ml compute create --file ml/compute/c.yml --set min_instances=2 -g rg -w ws\n',
    });
    expect(shown(r, dir)).toEqual(['AML004 repo/scripts/deploy.sh:1:66 unknown']);
  });

  it("a script's path from the scan root wins; two files it names from folders between the scan root and the script are either: undecided, each judged on its own (self-review 83, 84)", async () => {
    const both = await run({
      'mono/ml/compute/c.yml': 'type: amlcompute\nname: shared\nmin_instances: 2\n',
      'mono/team/ml/compute/c.yml': 'type: amlcompute\nname: team\nmin_instances: 3\n',
      'mono/team/scripts/deploy.sh': 'az ml compute create --file ml/compute/c.yml --set min_instances=0 -g rg -w ws\n',
    });
    expect(shown(both.r, both.dir)).toEqual(['AML004 mono/ml/compute/c.yml:3:16 unknown', 'AML004 mono/team/ml/compute/c.yml:3:16 unknown']);
    expect(both.r.undecided.find((u) => u.ruleId === 'AML004' && u.location.file.endsWith('deploy.sh'))?.reason).toBe(
      'the file named by --file (ml/compute/c.yml) may be mono/ml/compute/c.yml or mono/team/ml/compute/c.yml: the folder the script runs from is not known',
    );
    // From the scan root, the file is the one (as a script run from the repository's top reads it).
    const fromRoot = await run({
      'ml/compute/c.yml': 'type: amlcompute\nname: shared\nmin_instances: 0\n',
      'team/ml/compute/c.yml': 'type: amlcompute\nname: team\nmin_instances: 0\n',
      'team/scripts/deploy.sh': 'az ml compute create --file ml/compute/c.yml --set min_instances=2 -g rg -w ws\n',
    });
    expect(shown(fromRoot.r, fromRoot.dir)).toEqual(['AML004 team/scripts/deploy.sh:1:66 unknown']);
  });

  it('does not report a scanned file twice: once per command, identical findings merged, and not again on its own', async () => {
    const { r, dir } = await run({
      'compute.yml': COMPUTE,
      'a.sh': 'az ml compute create -f compute.yml\naz ml compute create --file=compute.yml\n',
      'b.sh': 'az ml compute create -f ./compute.yml -w ws\n',
    });
    expect(shown(r, dir)).toEqual(['AML004 compute.yml:3:16 unknown']);
  });

  it('keeps the stand-alone evaluation of a file whose command path is not known', async () => {
    const { r, dir } = await run({ 'compute.yml': COMPUTE, 'a.sh': 'az ml compute create -f "$CONFIG_DIR/compute.yml"\n' }, ['AML004'], undefined);
    expect(shown(r, dir)).toEqual(['AML004 compute.yml:3:16 unknown']);
    // AML004 first asks whether it is a cluster: that cannot be decided either.
    const u = r.undecided.filter((x) => x.ruleId === 'AML004' && x.location.file.endsWith('a.sh'));
    expect(new Set(u.map((x) => x.reason)).size).toBe(1);
    expect(u[0]!.reason).toMatch(/the file named by --file \("\$CONFIG_DIR\/compute.yml"\) is not known: .*CONFIG_DIR/);
    expect(u[0]!.location.range.start).toMatchObject({ line: 1, column: 25 });
  });

  it('says a missing file or a path out of the scan root could not be decided, and reports nothing', async () => {
    const { r } = await run(
      {
        'outside.yml': COMPUTE,
        'repo/deploy.sh': 'az ml compute create -f missing/compute.yml\naz ml compute create -f ../outside.yml\naz ml compute create -f /etc/compute.yml\naz ml compute create -f link.yml\n',
      },
      ['AML004', 'GPU004'],
      'repo',
      { 'repo/link.yml': '../outside.yml' },
    );
    expect(r.findings).toEqual([]);
    const reasons = [...new Set(r.undecided.filter((x) => x.ruleId === 'AML004').map((x) => x.reason))];
    expect(reasons).toEqual([
      expect.stringMatching(/missing\/compute.yml\) is not in the scan \(looked for missing\/compute.yml\)/),
      expect.stringMatching(/\(\.\.\/outside.yml\) is outside the scan root/),
      expect.stringMatching(/\(\/etc\/compute.yml\) is outside the scan root/),
      // A link inside the root to a file outside it is not followed (the Host).
      expect.stringMatching(/\(link.yml\) is not in the scan/),
    ]);
  });

  it('a --set whose key is not known decides nothing of the file', async () => {
    const { r } = await run({ 'compute.yml': COMPUTE, 'a.sh': 'az ml compute create -f compute.yml --set "$KEY=0"\n' }, ['AML004']);
    expect(r.findings).toEqual([]);
    expect(r.undecided.some((u) => /--set \$KEY=… may replace any key/.test(u.reason))).toBe(true);
  });

  it('an unclaimed YAML with a syntax error: one PARSE001 however many commands name it', async () => {
    const { r, dir } = await run({ 'ws.yml': 'name: ws\npublic_network_access: [enabled\n', 'a.sh': 'az ml workspace create --file ws.yml\naz ml workspace update --file ws.yml\n' }, ['AML001', 'PARSE001']);
    expect(shown(r, dir).filter((s) => s.startsWith('PARSE001'))).toHaveLength(1);
    expect(shown(r, dir).filter((s) => s.startsWith('AML001'))).toEqual([]);
  });
});

describe('az ml … --file: heredocs', () => {
  it('reads a heredoc in a workflow step before the command; ${{ }} is unknown even in a quoted heredoc', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  infra:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      "          cat > compute.yml <<'EOF'",
      '          type: amlcompute',
      '          name: gpu-cluster',
      '          size: Standard_NC6',
      '          min_instances: ${{ inputs.min }}',
      '          EOF',
      '      - run: az ml compute create -f compute.yml',
    ].join('\n');
    const { r, dir } = await run({ '.github/workflows/ml.yml': `${wf}\n` });
    expect(shown(r, dir)).toEqual(['GPU004 .github/workflows/ml.yml:10:17 unknown']);
    expect(r.undecided.some((u) => u.ruleId === 'AML004' && /inputs|shell variable/.test(u.reason))).toBe(true);
  });

  it('a heredoc written after the command, or to another file, is not the command\'s file', async () => {
    const { r } = await run({ 'a.sh': 'az ml compute create -f c.yml\ncat > c.yml <<EOF\ntype: amlcompute\nname: c\nmin_instances: 2\nEOF\ncat > d.yml <<EOF\ntype: amlcompute\nname: d\nmin_instances: 2\nEOF\naz ml compute create -f c.yml\n' });
    expect(r.findings.map((f) => f.location.range.start.line)).toEqual([5]);
    expect(r.undecided.some((u) => /c.yml\) is not in the scan/.test(u.reason))).toBe(true);
  });

  it('<<- strips leading tabs: the body is still YAML', async () => {
    const { r, dir } = await run({ 'a.sh': 'if true; then\n\tcat > c.yml <<-EOF\n\ttype: amlcompute\n\tname: c\n\tmin_instances: 1\n\tEOF\nfi\naz ml compute create -f c.yml\n' }, ['AML004']);
    expect(shown(r, dir)).toEqual(['AML004 a.sh:5:17 unknown']);
  });

  it('a workflow matrix gives one variant per --set value', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  infra:',
      '    runs-on: ubuntu-latest',
      '    strategy:',
      '      matrix:',
      '        size: [Standard_NC6s_v3, Standard_D4s_v3]',
      '    steps:',
      '      - run: az ml compute create -f compute.yml --set size=${{ matrix.size }}',
    ].join('\n');
    const { r, dir } = await run({ 'compute.yml': 'type: amlcompute\nname: gpu-cluster\n', '.github/workflows/ml.yml': `${wf}\n` }, ['GPU001']);
    expect(shown(r, dir)).toEqual(['GPU001 .github/workflows/ml.yml:7:34 unknown']);
    expect(r.findings[0]!.related.some((l) => l.file.endsWith('ml.yml') && l.range.start.line === 9)).toBe(true);
  });
});

describe('az ml workspace … --file', () => {
  it('applies --set and --name over the file; update --file carries only what the file gives', async () => {
    const { r, dir } = await run({
      'ws.yml': 'name: ws\ndescription: main\n',
      'ws2.yml': 'name: ws2\npublic_network_access: enabled\n',
      'ws3.yml': 'name: ws3\ndescription: no access key\n',
      'a.sh': 'az ml workspace create --file ws.yml --name main-ws\naz ml workspace create --file ws2.yml --set public_network_access=Disabled\naz ml workspace update --file ws3.yml\n',
    });
    // The first create defaults to public access (no key: the `name:` line); the second disables it; the update sets nothing.
    expect(shown(r, dir)).toEqual(['AML001 ws.yml:1:1 unknown']);
    expect(r.findings[0]!.address).toBe('script: az ml workspace create main-ws');
    expect(r.findings[0]!.message).toContain('main-ws');
  });
});
