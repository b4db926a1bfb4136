/**
 * The GitHub Action (src/action, bundled to the committed dist/action.js): inputs from
 * INPUT_* variables, SARIF relative to GITHUB_WORKSPACE, annotations capped per level,
 * the job summary, the outputs and the exit code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run, type RunOptions } from '../../src/action/run.js';
import { lint, VERSION } from '../../src/api.js';
import { writeBaseline } from '../../src/engine/baseline.js';
import { getInput } from '../../src/action/io.js';
import { validateSarif } from '../report/sarif-validate.js';
import { EXAMPLE, REPO_ROOT, buildTo, copyTree, parseGithubOutput, run as spawn, tempDir } from './helpers.js';

interface Runner {
  workspace: string;
  env: Record<string, string>;
  summaryFile: string;
  outputFile: string;
}

function runner(inputs: Record<string, string>): Runner {
  const dir = tempDir('action');
  const workspace = path.join(dir, 'repo');
  copyTree(EXAMPLE, workspace);
  const summaryFile = path.join(dir, 'step_summary.md');
  const outputFile = path.join(dir, 'output.txt');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_REPOSITORY: 'contoso/ml-platform',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    // The defaults from action.yml, as the runner passes them.
    INPUT_PATH: '.',
    'INPUT_FAIL-ON': 'error',
    'INPUT_SARIF-FILE': 'mlops-iac-lint.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_SUMMARY: 'true',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { workspace, env, summaryFile, outputFile };
}

async function runAction(r: Runner, options: Omit<RunOptions, 'write'> = {}): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(r.env, { ...options, write: (l) => lines.push(l) });
  return { code, lines };
}

describe('action.yml', () => {
  const meta = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
  };

  it('runs the committed bundle on node24', () => {
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(fs.existsSync(path.join(REPO_ROOT, meta.runs.main))).toBe(true);
  });

  it('declares the inputs and outputs the entry reads and writes', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual(['annotations', 'baseline', 'bicep-cache', 'config', 'env', 'fail-on', 'path', 'plan', 'sarif-file', 'summary', 'tf-data-dir', 'var-files']);
    expect(meta.inputs.path?.default).toBe('.');
    expect(meta.inputs['fail-on']?.default).toBe('error');
    expect(meta.inputs['sarif-file']?.default).toBe('mlops-iac-lint.sarif');
    expect(String(meta.inputs.annotations?.default)).toBe('true');
    expect(String(meta.inputs.summary?.default)).toBe('true');
    expect(Object.keys(meta.outputs).sort()).toEqual(['errors', 'notes', 'sarif-file', 'warnings']);
  });

  it('reads inputs the way the runner names them (INPUT_FAIL-ON keeps the hyphen)', () => {
    expect(getInput({ 'INPUT_FAIL-ON': ' warning ' }, 'fail-on')).toBe('warning');
    expect(getInput({ INPUT_FAIL_ON: 'warning' }, 'fail-on')).toBeUndefined();
    expect(getInput({ 'INPUT_MY_INPUT': 'x' }, 'my input')).toBe('x');
  });
});

describe('the Action over the example repository', () => {
  let r: Runner;
  let result: { code: number; lines: string[] };
  beforeAll(async () => {
    r = runner({});
    result = await runAction(r);
  });

  it('fails the step on errors (fail-on: error)', () => {
    expect(result.code).toBe(1);
  });

  it('writes a valid SARIF file with paths relative to GITHUB_WORKSPACE', () => {
    const sarifPath = path.join(r.workspace, 'mlops-iac-lint.sarif');
    const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
    expect(validateSarif(sarif)).toEqual([]);
    const uris = new Set<string>();
    for (const res of sarif.runs[0].results) {
      const loc = res.locations[0].physicalLocation.artifactLocation;
      expect(loc.uriBaseId).toBe('%SRCROOT%');
      uris.add(loc.uri);
    }
    for (const f of [
      '.github/workflows/deploy.yml',
      'infra/terraform/main.tf',
      'infra/terraform/terraform.tfstate',
      'infra/terraform/variables.tf',
    ]) {
      expect(uris).toContain(f);
    }
    // Bicep: reported on the source (main.bicep) or, without native Bicep, on the compiled main.json.
    expect([...uris].some((u) => /^infra\/bicep\/main\.(bicep|json)$/.test(u))).toBe(true);
    for (const u of uris) expect(u).not.toMatch(/^(\/|\.\.\/|file:)/);
  });

  it('prints at most 10 annotations per level, relative to the workspace', () => {
    const errors = result.lines.filter((l) => l.startsWith('::error file='));
    const warnings = result.lines.filter((l) => l.startsWith('::warning file='));
    expect(errors).toHaveLength(10);
    expect(warnings.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^::error file=\.github\/workflows\/deploy\.yml,line=23,col=13,endLine=23,endColumn=\d+,title=CI001 sdk-auth-deprecated::/);
    for (const l of [...errors, ...warnings]) expect(l).toMatch(/^::(error|warning) file=(\.github|infra)\//);
    expect(result.lines.some((l) => /finding\(s\) not annotated/.test(l))).toBe(true);
  });

  it('prints no workflow command besides the findings\' annotations: the failing line is plain text', () => {
    // Besides the annotations, only the collapsed group that lists the findings not annotated.
    const commands = result.lines.filter((l) => l.startsWith('::') && !/^::(end)?group::/.test(l));
    expect(commands.every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
    expect(result.lines.at(-1)).toMatch(/^mlops-iac-lint: failing the step: \d+ finding\(s\) at or above "error" level \(fail-on: error\)\.$/);
  });

  it('appends a job summary with counts per rule, linked findings and the findings not annotated', () => {
    const md = fs.readFileSync(r.summaryFile, 'utf8');
    expect(md).toContain('## mlops-iac-lint');
    expect(md).toContain('| Rule | Errors | Warnings | Notes | Suppressed |');
    expect(md).toMatch(/\| \[AKS001 gpu-node-pool-without-taint\]\([^)]+\) \| 1 \| 0 \| 0 \| 0 \|/);
    expect(md).toContain(
      '](https://github.example.com/contoso/ml-platform/blob/0123456789abcdef0123456789abcdef01234567/infra/terraform/main.tf#L',
    );
    expect(md).toContain('### Not annotated (');
  });

  it('sets the outputs with the heredoc syntax', () => {
    const text = fs.readFileSync(r.outputFile, 'utf8');
    expect(text).toMatch(/^errors<<ghadelimiter_[0-9a-f-]+\n/m);
    const out = parseGithubOutput(text);
    expect(out['sarif-file']).toBe(path.join(r.workspace, 'mlops-iac-lint.sarif'));
    const sarif = JSON.parse(fs.readFileSync(out['sarif-file']!, 'utf8'));
    const results = sarif.runs[0].results as { level: string }[];
    expect(Number(out.errors)).toBe(results.filter((x) => x.level === 'error').length);
    expect(Number(out.warnings)).toBe(results.filter((x) => x.level === 'warning').length);
    expect(Number(out.notes)).toBe(results.filter((x) => x.level === 'note').length);
    expect(Number(out.errors)).toBeGreaterThan(10);
  });
});

describe('Action inputs', () => {
  it('config points lint() at a config file (rules switched off there are not reported)', async () => {
    const r = runner({ config: 'ci/lint-config.json' });
    fs.mkdirSync(path.join(r.workspace, 'ci'));
    fs.writeFileSync(path.join(r.workspace, 'ci/lint-config.json'), '{ "rules": { "CI001": "off", "CI002": "off" } }');
    await runAction(r);
    const sarif = JSON.parse(fs.readFileSync(path.join(r.workspace, 'mlops-iac-lint.sarif'), 'utf8'));
    const ids = new Set((sarif.runs[0].results as { ruleId: string }[]).map((x) => x.ruleId));
    expect(ids.has('CI001') || ids.has('CI002')).toBe(false);
    expect(ids.has('AKS001')).toBe(true);
  });

  it('fail-on none passes; annotations and summary can be switched off', async () => {
    const r = runner({ 'fail-on': 'none', annotations: 'false', summary: 'false', 'sarif-file': 'reports/out.sarif' });
    const { code, lines } = await runAction(r);
    expect(code).toBe(0);
    expect(lines.filter((l) => /^::(error|warning|notice) file=/.test(l))).toEqual([]);
    expect(fs.readFileSync(r.summaryFile, 'utf8')).toBe('');
    expect(fs.existsSync(path.join(r.workspace, 'reports/out.sarif'))).toBe(true);
  });

  it('path, env and var-files (newline and comma separated) reach lint()', async () => {
    const r = runner({ path: 'infra/terraform', env: 'nonprod', 'var-files': 'infra/terraform/environments/dev.tfvars,\n' });
    const { code } = await runAction(r);
    expect(code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(r.workspace, 'mlops-iac-lint.sarif'), 'utf8'));
    const ids = new Set((sarif.runs[0].results as { ruleId: string }[]).map((x) => x.ruleId));
    expect(ids.has('CI001')).toBe(false); // the workflow is outside `path`
    expect(ids.has('KV001')).toBe(false); // nonprod: no KV001 finding
    expect(ids.has('AKS001')).toBe(true);
  });

  it('baseline: the findings recorded in it are suppressed and do not fail the step', async () => {
    const b = runner({ baseline: 'lint-baseline.json' });
    // Record today's findings as the baseline, the way `mlops-iac-lint --write-baseline` does.
    const result = await lint({ paths: [b.workspace], root: b.workspace });
    fs.writeFileSync(path.join(b.workspace, 'lint-baseline.json'), writeBaseline(result.findings, result.root, VERSION));
    const total = result.findings.filter((f) => !f.suppression).length;
    expect(total).toBeGreaterThan(10);

    const after = await runAction(b);
    expect(after.code).toBe(0);
    expect(after.lines.filter((l) => l.startsWith('::'))).toEqual([]);
    expect(after.lines).toContain(`mlops-iac-lint: 0 error(s), 0 warning(s), 0 note(s), ${total} suppressed in ${result.files.length} file(s); SARIF: mlops-iac-lint.sarif`);
    const sarif = JSON.parse(fs.readFileSync(path.join(b.workspace, 'mlops-iac-lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(total);
    // The baseline is named relative to the workspace: no runner path in the results.
    for (const res of sarif.runs[0].results) expect(res.suppressions).toEqual([{ kind: 'external', justification: 'in baseline lint-baseline.json' }]);
    expect(parseGithubOutput(fs.readFileSync(b.outputFile, 'utf8'))).toMatchObject({ errors: '0', warnings: '0', notes: '0' });

    // A finding that is not in the baseline still fails the step.
    fs.appendFileSync(path.join(b.workspace, 'infra/terraform/main.tf'), '\nresource "azurerm_key_vault" "new" {\n  name     = "kv-new"\n  sku_name = "standard"\n}\n');
    const added = await runAction(b);
    expect(added.code).toBe(1);
    expect(added.lines.filter((l) => l.startsWith('::error ')).map((l) => /title=(\S+)/.exec(l)?.[1])).toEqual(['KV001']);
  });

  it('a baseline that is not valid JSON is a configuration error (exit 2)', async () => {
    const r = runner({ baseline: 'baseline.json' });
    fs.writeFileSync(path.join(r.workspace, 'baseline.json'), '{ not json');
    const { code, lines } = await runAction(r);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^::error::mlops-iac-lint: invalid baseline file .*baseline\.json/);
  });
});

/** The SARIF a failed run leaves, checked against the schema and the failure it records. */
function expectFailureSarif(r: Runner, exitCode: 2 | 3, message: string | RegExp): Record<string, unknown> {
  const out = parseGithubOutput(fs.readFileSync(r.outputFile, 'utf8'));
  // Only the SARIF path: the counts are not known.
  expect(Object.keys(out)).toEqual(['sarif-file']);
  const sarif = JSON.parse(fs.readFileSync(out['sarif-file']!, 'utf8'));
  expect(validateSarif(sarif)).toEqual([]);
  const run = sarif.runs[0];
  expect(run.results).toEqual([]);
  expect(run.tool.driver.name).toBe('mlops-iac-lint');
  expect(run.invocations).toHaveLength(1);
  const inv = run.invocations[0];
  expect(inv.executionSuccessful).toBe(false);
  expect(inv.exitCode).toBe(exitCode);
  expect(inv.toolExecutionNotifications).toHaveLength(1);
  const n = inv.toolExecutionNotifications[0];
  expect(n.level).toBe('error');
  expect(n.message.text).toMatch(message);
  return n;
}

describe('a failed run still writes the SARIF report, the sarif-file output and a summary', () => {
  it.each([
    [{ 'fail-on': 'sometimes' }, 'input "fail-on" must be one of error, warning, note, none'],
    [{ annotations: 'yes' }, 'input "annotations" must be true or false'],
    [{ env: 'staging' }, 'input "env" must be one of prod, nonprod, unknown'],
    [{ path: 'no/such/folder' }, 'no such file or folder'],
    [{ 'var-files': 'missing.tfvars' }, 'input "var-files": file not found: missing.tfvars'],
    [{ 'bicep-cache': 'no-such-cache' }, 'input "bicep-cache": folder not found: no-such-cache'],
    // `~` is the home folder, as action.yml's example (`~/.bicep`) means it.
    [{ 'bicep-cache': '~/no-such-bicep-cache' }, `input "bicep-cache": folder not found: ${path.join(os.homedir(), 'no-such-bicep-cache')}`],
    [{ config: 'missing.json' }, 'input "config": file not found'],
    [{ baseline: 'missing-baseline.json' }, 'input "baseline": file not found'],
  ])('bad input %j: one ::error::, exit code 2, SARIF with the failure as a notification', async (inputs, message) => {
    const r = runner(inputs);
    const { code, lines } = await runAction(r);
    expect(code).toBe(2);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error::mlops-iac-lint: /);
    expect(lines[0]).toContain(message);
    const n = expectFailureSarif(r, 2, message);
    expect(n.exception).toBeUndefined();
    const md = fs.readFileSync(r.summaryFile, 'utf8');
    expect(md).toContain('**The run failed with a usage or configuration error** (exit code 2)');
    expect(md).toContain('records the failure (`executionSuccessful: false`)');
  });

  it('a configuration error found by lint() (an unknown rule in the config file) is exit 2 too', async () => {
    const r = runner({ config: 'lint.json' });
    fs.writeFileSync(path.join(r.workspace, 'lint.json'), '{ "rules": { "NOPE999": "off" } }');
    const { code } = await runAction(r);
    expect(code).toBe(2);
    expectFailureSarif(r, 2, /NOPE999/);
  });

  it('an internal error: exit code 3, the exception in the notification, the stack only as a debug line', async () => {
    const r = runner({});
    const boom = async (): Promise<never> => {
      throw new TypeError("Cannot read properties of undefined (reading 'range')");
    };
    const { code, lines } = await runAction(r, { lint: boom });
    expect(code).toBe(3);
    expect(lines[0]).toBe("::error::mlops-iac-lint: internal error: Cannot read properties of undefined (reading 'range')");
    expect(lines[1]).toMatch(/^::debug::TypeError: Cannot read properties/);
    expect(lines).toHaveLength(2);
    const n = expectFailureSarif(r, 3, /^internal error: Cannot read properties/);
    expect(n.exception).toEqual({ kind: 'TypeError', message: "Cannot read properties of undefined (reading 'range')" });
    expect(fs.readFileSync(r.summaryFile, 'utf8')).toContain('**The run failed with an internal error** (exit code 3)');
  });

  it('a failure after the report is written keeps the complete SARIF, and is no 11th error annotation', async () => {
    const r = runner({});
    // A job summary that cannot be appended to (a folder): the failure comes after the annotations.
    fs.rmSync(r.summaryFile);
    fs.mkdirSync(r.summaryFile);
    const { code, lines } = await runAction(r);
    expect(code).toBe(3);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::error::'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^mlops-iac-lint: internal error: EISDIR/));
    const sarif = JSON.parse(fs.readFileSync(path.join(r.workspace, 'mlops-iac-lint.sarif'), 'utf8'));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(10);
  });

  it('a SARIF path that cannot be written: a bad input (exit 2), one error saying so', async () => {
    const r = runner({ 'sarif-file': 'blocked/out.sarif' });
    fs.writeFileSync(path.join(r.workspace, 'blocked'), 'a file, not a folder');
    const { code, lines } = await runAction(r);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^::error::mlops-iac-lint: input "sarif-file": cannot write blocked\/out\.sarif: .*(EEXIST|ENOTDIR)\)?$/);
    expect(lines).toContainEqual(expect.stringMatching(/^mlops-iac-lint: cannot write the SARIF report .*blocked\/out\.sarif: .*(EEXIST|ENOTDIR)\)?$/));
    expect(fs.readFileSync(r.outputFile, 'utf8')).toBe('');
    expect(fs.readFileSync(r.summaryFile, 'utf8')).toContain('No SARIF report could be written.');
  });

  it('a SARIF path that is a folder: a bad input (exit 2) before anything is linted', async () => {
    const r = runner({ 'sarif-file': '.' });
    const boom = async (): Promise<never> => {
      throw new Error('lint() must not run');
    };
    const { code, lines } = await runAction(r, { lint: boom });
    expect(code).toBe(2);
    expect(lines[0]).toBe('::error::mlops-iac-lint: input "sarif-file": . is a folder; name a file (mlops-iac-lint.sarif)');
    expect(fs.readFileSync(r.outputFile, 'utf8')).toBe('');
  });
});

describe('dist/action.js', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = tempDir('action-build');
    buildTo(fresh);
  });

  it('is up to date with the sources (run `npm run build` and commit dist/action.js)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'dist/action.js'), 'utf8');
    expect(committed === fs.readFileSync(path.join(fresh, 'action.js'), 'utf8')).toBe(true);
  });

  it('runs as the runner runs it: node dist/action.js with INPUT_* variables', () => {
    const r = runner({});
    const p = spawn(process.execPath, [path.join(fresh, 'action.js')], { cwd: r.workspace, env: { PATH: process.env.PATH, ...r.env } });
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/^::error file=infra\/terraform\/main\.tf,line=\d+,/m);
    expect(p.stdout).not.toMatch(/^::error::/m);
    expect(p.stdout).toMatch(/^mlops-iac-lint: failing the step: \d+ finding\(s\) at or above "error" level/m);
    expect(parseGithubOutput(fs.readFileSync(r.outputFile, 'utf8')).errors).toMatch(/^\d+$/);
    expect(fs.readFileSync(r.summaryFile, 'utf8')).toContain('## mlops-iac-lint');
  });
});
