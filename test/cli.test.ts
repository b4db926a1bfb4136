/**
 * The CLI end to end (the bundled dist/cli.js, built by `npm run build` before `npm test`;
 * falls back to building it here): exit codes, usage errors, formats.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from './support/fixtures.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('node', [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

beforeAll(() => {
  if (!fs.existsSync(CLI)) spawnSync('node', ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
});

describe('CLI', () => {
  const bad = path.join(FIXTURES, 'AML001/terraform/bad/prod-tfvars-variant');
  const good = path.join(FIXTURES, 'AML001/terraform/good/disabled');

  it('exits 1 on an error finding and prints the rule, file, line and column', () => {
    const r = run([bad, '--rule', 'AML001']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('environments/prod.tfvars');
    expect(r.stdout).toMatch(/1:17\s+error .*AML001/);
  });
  it('exits 0 when clean', () => {
    const r = run([good, '--rule', 'AML001']);
    expect(r.status).toBe(0);
  });
  it('--fail-on none exits 0 even with errors; --fail-on note counts notes', () => {
    expect(run([bad, '--rule', 'AML001', '--fail-on', 'none']).status).toBe(0);
    const nonprod = path.join(FIXTURES, 'AML001/terraform/bad/nonprod-tfvars-note');
    expect(run([nonprod, '--rule', 'AML001']).status).toBe(0);
    expect(run([nonprod, '--rule', 'AML001', '--fail-on', 'note']).status).toBe(1);
  });
  it('usage errors: one line on stderr, exit 2, no stack trace', () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['--fail-on', 'sometimes'], ['/no/such/path'], ['--rule', 'NOPE001', good], ['--env', 'staging']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^mlops-iac-lint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('--version, --help, --list-rules, --explain', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['--help']).stdout).toContain('--fail-on');
    expect(run(['--list-rules']).stdout).toContain('AML001');
    const ex = run(['--explain', 'AML001']);
    expect(ex.status).toBe(0);
    expect(ex.stdout).toContain('workspace-public-network-access');
  });
  it('writes SARIF to --output', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-')), 'r.sarif');
    const r = run([bad, '--format', 'sarif', '--output', out]);
    expect(r.status).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'AML001')).toBe(true);
  });
  it('a broken file is PARSE001 and the other files are still linted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-'));
    fs.writeFileSync(path.join(dir, 'broken.tf'), 'resource "x" "y" {\n  a = \n}\n');
    fs.writeFileSync(path.join(dir, 'kv.tf'), 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n');
    fs.writeFileSync(path.join(dir, 'binary.tf'), Buffer.from([0, 1, 2, 3]));
    const r = run([dir, '--format', 'json', '--fail-on', 'none']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const ids = json.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(ids).toContain('PARSE001 broken.tf:2');
    expect(ids).toContain('PARSE001 binary.tf:1');
    expect(ids).toContain('KV001 kv.tf:1');
  });
});
