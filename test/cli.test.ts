/**
 * The CLI end to end, through a fresh bundle of the sources (built into a temp folder, so a
 * stale dist/cli.js can never be what is tested): exit codes, usage errors, formats and the
 * flags users know from ESLint.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from './support/fixtures.js';
import { buildTo, hasCommand } from './ship/helpers.js';

let CLI = '';
type Env = Record<string, string | undefined>;
/**
 * The environment of every run: no colour variables unless a test sets them, and not in GitHub
 * Actions (GITHUB_WORKSPACE roots sarif and github paths) unless a test says so.
 */
const baseEnv = (env: Env): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', GITHUB_WORKSPACE: undefined, ...env };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return e;
};
const run = (args: string[], env: Env = {}, cwd = REPO_ROOT) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: baseEnv(env) });

beforeAll(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-cli-build-'));
  buildTo(out);
  CLI = path.join(out, 'cli.js');
});

/** A temporary folder with these files. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

// With --env prod: KV001 is an error and KV002 a warning; without: both are warnings.
// The vault declares an access policy, so KV002 is a warning (RULES.md v2: a note without one).
const KV_TF = 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n  access_policy {\n    object_id = "o"\n  }\n}\n';
/** The same vault under another name (two files of one module cannot both declare `kv`). */
const kv = (name: string): string => KV_TF.replaceAll('kv', name);
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('CLI', () => {
  const bad = path.join(FIXTURES, 'AML001/terraform/bad/prod-tfvars-variant');
  const good = path.join(FIXTURES, 'AML001/terraform/good/disabled');

  it('exits 1 on an error finding and prints the rule, file, line and column', () => {
    const r = run([bad, '--rule', 'AML001']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('environments/prod.tfvars');
    expect(r.stdout).toMatch(/1:17\s+error .*AML001/);
  });
  // Conformance round (c-conf2): RULES.md "--verbose lists 'could not decide AML001 for X:
  // public_network_access_enabled depends on data.azurerm_x.y'" — the attribute as written.
  it('--verbose names an undecided attribute as the format writes it', () => {
    const dir = tree({
      'main.tf': 'data "azurerm_client_config" "c" {}\nresource "azurerm_key_vault" "kv" {\n  name = "kv"\n  purge_protection_enabled = data.azurerm_client_config.c.object_id != ""\n  rbac_authorization_enabled = true\n}\n',
    });
    const r = run([dir, '--rule', 'KV001', '--verbose']);
    expect(r.stderr).toContain('could not decide KV001 for azurerm_key_vault.kv: purge_protection_enabled depends on data.azurerm_client_config.c');
  });
  it('--verbose lines cannot drive the terminal: control characters of scanned names are replaced', () => {
    const dir = tree({
      'main.tf': 'data "azurerm_client_config" "c" {}\nresource "azurerm_key_vault" "kv\u001b[2J" {\n  name = "kv"\n  purge_protection_enabled = data.azurerm_client_config.c.object_id != ""\n  rbac_authorization_enabled = true\n}\n',
    });
    const r = run([dir, '--rule', 'KV001', '--verbose']);
    expect(r.stderr).toContain('could not decide KV001 for azurerm_key_vault.kv\ufffd[2J: purge_protection_enabled');
    expect(r.stderr).not.toContain('\u001b');
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
  it('--rule and --disable take IDs separated by commas, in any case; an unknown one is a usage error', () => {
    expect(run([bad, '--rule', 'KV001,aml001']).status).toBe(1);
    expect(run([bad, '--rule', 'KV001,KV002']).status).toBe(0);
    expect(run([bad, '--rule', 'AML001', '--disable', 'KV001, AML001']).status).toBe(0);
    const r = run([bad, '--rule', 'AML001,NOPE001']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('mlops-iac-lint: unknown rule ID: NOPE001');
  });
  it('usage errors: one line on stderr, exit 2, no stack trace', () => {
    const folder = path.dirname(good);
    for (const args of [
      ['--bogus'],
      ['--format', 'xml'],
      ['--fail-on', 'sometimes'],
      ['/no/such/path'],
      ['--rule', 'NOPE001', good],
      ['--rule', '', good],
      ['--disable', ' , ', good],
      ['--env', 'staging'],
      // A folder given as a var file was ignored (the defaults evaluated instead); a mistyped alias file too.
      ['--var-file', folder, good],
      // A configuration file given as a var file (`variables.tf`): its blocks were skipped silently (review 71).
      ['--var-file', path.join(good, 'main.tf'), good],
      ['--policy-aliases', path.join(folder, 'no-such-aliases.json'), good],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^mlops-iac-lint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('a device named as a config, baseline or cache is refused at once; a report that cannot be written is one line, exit 2', () => {
    const dir = tree({ 'main.tf': '' });
    if (fs.existsSync('/dev/zero')) {
      for (const args of [['--config', '/dev/zero'], ['--baseline', '/dev/zero']]) {
        const r = spawnSync(process.execPath, [CLI, '.', ...args], { cwd: dir, encoding: 'utf8', env: baseEnv({}), timeout: 20000 });
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/it is not a regular file \(a device, FIFO or socket\)\n$/);
      }
      const cache = spawnSync(process.execPath, [CLI, '.', '--cache', '--cache-location', '/dev/zero'], { cwd: dir, encoding: 'utf8', env: baseEnv({}), timeout: 20000 });
      expect(cache.status).toBe(0);
      expect(cache.stderr).toBe('mlops-iac-lint: the cache location /dev/zero is not a regular file (a device, FIFO, socket or folder): it is neither read nor written (choose another --cache-location)\n');
    }
    if (fs.existsSync('/dev/full')) {
      const full = run(['.', '-o', '/dev/full'], {}, dir);
      expect(full.status).toBe(2);
      expect(full.stderr).toBe('mlops-iac-lint: --output /dev/full: cannot write it: no space left on the device (ENOSPC)\n');
    }
    // A thread count above the cores is taken as the cores, however large.
    expect(run(['.', '--concurrency', '1000'], {}, dir).status).toBe(0);
  });
  it('a config file or policy folder inside the scan root that links out of it is not read through the link', () => {
    const outside = tree({ 'config.json': '{ "auths": {} }\n', 'policies/p.json': '{ not json' });
    const dir = tree({ 'main.tf': '', 'p/.mlops-iac-lint.jsonc': '{ "policies": { "definitions": ["pol/**/*.json"] } }\n' });
    fs.symlinkSync(path.join(outside, 'config.json'), path.join(dir, '.mlops-iac-lint.jsonc'));
    const r = run(['.'], {}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.mlops-iac-lint\.jsonc: a symbolic link out of the scan root \(to .*config\.json\); a config file is not read through it\n$/);
    // A link to a shared config in a folder above (which the upward search would read anyway) is followed.
    const shared = tree({ '.mlops-iac-lint.jsonc': '{ "rules": { "KV001": "off" } }\n', 'proj/main.tf': '' });
    fs.symlinkSync('../.mlops-iac-lint.jsonc', path.join(shared, 'proj', '.mlops-iac-lint.jsonc'));
    expect(run(['.'], {}, path.join(shared, 'proj')).status).toBe(0);
    fs.unlinkSync(path.join(dir, '.mlops-iac-lint.jsonc'));
    fs.symlinkSync(path.join(outside, 'policies'), path.join(dir, 'p', 'pol'));
    const p = run(['.', '--config', 'p/.mlops-iac-lint.jsonc', '--format', 'compact'], {}, dir);
    expect(p.stdout).not.toMatch(/PARSE001/);
    expect(p.stderr).toMatch(/'pol\/\*\*\/\*\.json' matches no file/);
  });
  it('a named binary file is a usage error like any file of a format it does not read', () => {
    const dir = tree({ 'main.tf': '' });
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const r = run(['logo.png'], {}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mlops-iac-lint: logo\.png: not a file mlops-iac-lint reads/);
  });
  it('a config file that cannot be read says why in words, not an errno code', () => {
    const dir = tree({ 'main.tf': '' });
    const missing = run(['.', '--config', 'nope.jsonc'], {}, dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`mlops-iac-lint: ${path.join(fs.realpathSync(dir), 'nope.jsonc')}: cannot read the config file: no such file or folder (ENOENT)\n`);
    const folder = run(['.', '--config', '.'], {}, dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/cannot read the config file: it is a folder, not a file \(EISDIR\)\n$/);
  });
  it('an invalid config file: one line per problem, every line of the same shape (exit 2)', () => {
    const dir = tree({ 'main.tf': '', '.mlops-iac-lint.json': '{\n  "rules": {\n    "AML001": "warn"\n  },\n  "unknownKey": true\n}\n' });
    const r = run(['.'], {}, dir);
    expect(r.status).toBe(2);
    const file = path.join(fs.realpathSync(dir), '.mlops-iac-lint.json');
    expect(r.stderr).toBe(`mlops-iac-lint: ${file}:3:15: rules.AML001: must be one of "error", "warning", "note", "off"\nmlops-iac-lint: ${file}:5:3: unknown property 'unknownKey'\n`);
  });

  it('files named one by one (pre-commit) take the config a run over the scan root takes, whatever their order', () => {
    const acr = 'resource "azurerm_container_registry" "acr" {\n  name          = "acr"\n  sku           = "Basic"\n  admin_enabled = true\n}\n';
    const dir = tree({ 'infra/main.tf': acr, 'other/main.tf': acr, 'infra/.mlops-iac-lint.jsonc': '{ "rules": { "ACR001": "off" } }\n' });
    const ruleIds = (args: string[]): string[] => (JSON.parse(run([...args, '--format', 'json', '--fail-on', 'none', '--rule', 'ACR001'], {}, dir).stdout) as { findings: { ruleId: string; file: string }[] }).findings.map((f) => `${f.ruleId} ${f.file}`);
    const folder = ruleIds(['.']);
    expect(folder).toEqual(['ACR001 infra/main.tf', 'ACR001 other/main.tf']);
    expect(ruleIds(['infra/main.tf'])).toEqual(['ACR001 infra/main.tf']);
    expect(ruleIds(['infra/main.tf', 'other/main.tf'])).toEqual(folder);
    expect(ruleIds(['other/main.tf', 'infra/main.tf'])).toEqual(folder);
    // A folder named: its own config, from it upwards.
    expect(ruleIds(['infra'])).toEqual([]);
  });

  it('a config file under a name it does not read (.mlops-iac-lint.yml) is said, not silently ignored', () => {
    const dir = tree({ 'main.tf': '', '.mlops-iac-lint.yml': 'rules: {}\n' });
    const r = run(['.'], {}, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('mlops-iac-lint: .mlops-iac-lint.yml is not read: the config file is .mlops-iac-lint.jsonc or .mlops-iac-lint.json (JSON with comments); rename it and write its settings as JSON\n');
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.jsonc'), '{}');
    expect(run(['.'], {}, dir).stderr).toBe('');
  });
  it('two config files in one folder: the one not read is said (review 87: it was ignored silently)', () => {
    const dir = tree({ 'main.tf': '', '.mlops-iac-lint.jsonc': '{}', '.mlops-iac-lint.json': '{}' });
    const r = run(['.'], {}, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('mlops-iac-lint: .mlops-iac-lint.json is not read: .mlops-iac-lint.jsonc in the same folder is the config file; merge their settings into one and delete the other\n');
    // Named with --config, the file is the one asked for: nothing to say.
    expect(run(['.', '--config', '.mlops-iac-lint.json'], {}, dir).stderr).toBe('');
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

describe('--quiet and --max-warnings (ESLint semantics)', () => {
  const dir = tree({ 'kv.tf': KV_TF });

  it('--quiet reports errors only, in every format, and warnings no longer fail the run', () => {
    const loud = run([dir, '--env', 'prod', '--format', 'compact']);
    expect(loud.stdout).toContain('[KV002]');
    const quiet = run([dir, '--env', 'prod', '--format', 'compact', '--quiet']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toContain('[KV001]');
    expect(quiet.stdout).not.toContain('[KV002]');
    // The warning left out is counted on the summary line (review 105: "No problems found" hid them).
    expect(quiet.stdout).toContain('1 problem (1 error, 0 warnings, 0 notes); 1 warning not shown (--quiet)');
    const json = JSON.parse(run([dir, '--env', 'prod', '--format', 'json', '--quiet']).stdout);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['KV001']);
    const sarif = JSON.parse(run([dir, '--env', 'prod', '--format', 'sarif', '--quiet']).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['KV001']);
    // Only warnings, and --fail-on warning: fails without --quiet, passes with it.
    expect(run([dir, '--fail-on', 'warning']).status).toBe(1);
    const onlyWarnings = run([dir, '--fail-on', 'warning', '--quiet']);
    expect(onlyWarnings.status).toBe(0);
    expect(onlyWarnings.stdout).toBe('✔ No errors found in 1 file; 2 warnings not shown (--quiet)\n');
  });

  it('--max-warnings N exits 1 when there are more than N warnings, with one line on stderr', () => {
    // Two warnings (KV001 and KV002 at the unknown environment class), no error.
    const over = run([dir, '--max-warnings', '1']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('mlops-iac-lint found too many warnings (maximum: 1).\n');
    const at = run([dir, '--max-warnings', '2']);
    expect(at.status).toBe(0);
    expect(at.stderr).toBe('');
    // -1 is "no limit", as in ESLint.
    // (A negative value needs the `=` form: `--max-warnings -1` reads as two options.)
    expect(run([dir, '--max-warnings=-1']).status).toBe(0);
    // Warnings are counted with --quiet too (they are just not shown), and --fail-on none
    // does not turn the limit off.
    const quiet = run([dir, '--max-warnings', '0', '--quiet', '--fail-on', 'none']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).not.toContain('KV002');
    // Suppressed findings do not count.
    const suppressed = tree({ 'kv.tf': '# mlops-iac-lint-ignore KV001,KV002 -- test vault\n' + KV_TF });
    expect(run([suppressed, '--max-warnings', '0']).status).toBe(0);
  });

  it('refuses a --max-warnings value that is not a count', () => {
    for (const bad of ['x', '1.5', '-2', '']) {
      const r = run([dir, `--max-warnings=${bad}`]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/^mlops-iac-lint: --max-warnings must be a whole number/);
    }
  });
});

describe('colour', () => {
  const dir = tree({ 'kv.tf': KV_TF });
  const colored = (args: string[], env: Env): boolean => ANSI.test(run([dir, ...args], env).stdout);

  it('is off in a pipe, and NO_COLOR, FORCE_COLOR and the flags decide in that order', () => {
    expect(colored([], { NO_COLOR: undefined })).toBe(false); // not a terminal
    expect(colored([], { NO_COLOR: undefined, FORCE_COLOR: '1' })).toBe(true);
    expect(colored([], { NO_COLOR: undefined, FORCE_COLOR: '' })).toBe(true);
    expect(colored([], { NO_COLOR: undefined, FORCE_COLOR: '0' })).toBe(false);
    expect(colored([], { NO_COLOR: undefined, FORCE_COLOR: 'false' })).toBe(false);
    expect(colored([], { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(true); // FORCE_COLOR wins (as in Node)
    expect(colored(['--color'], { NO_COLOR: '1' })).toBe(true);
    expect(colored(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
    // The last flag given wins.
    expect(colored(['--color', '--no-color'], {})).toBe(false);
    expect(colored(['--no-color', '--color'], {})).toBe(true);
  });

  it('never colours other formats, and a file only with --color', () => {
    expect(colored(['--format', 'compact', '--color'], {})).toBe(false);
    expect(colored(['--format', 'json'], { FORCE_COLOR: '1' })).toBe(false);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-')), 'report.txt');
    run([dir, '--output', out], { FORCE_COLOR: '1' });
    expect(fs.readFileSync(out, 'utf8')).not.toMatch(ANSI);
    run([dir, '--output', out, '--color'], {});
    expect(fs.readFileSync(out, 'utf8')).toMatch(ANSI);
  });

  it('--explain is coloured by the same rules', () => {
    expect(ANSI.test(run(['--explain', 'KV001'], { FORCE_COLOR: '1' }).stdout)).toBe(true);
    expect(ANSI.test(run(['--explain', 'KV001', '--no-color'], { FORCE_COLOR: '1' }).stdout)).toBe(false);
  });
});

describe('globs as paths', () => {
  const dir = tree({
    'infra/prod/kv.tf': KV_TF,
    'infra/prod/prod.tfvars': 'x = 1\n',
    'infra/dev/kv.tf': KV_TF,
    '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@main\n',
    'node_modules/pkg/kv.tf': KV_TF,
    'docs/README.md': '# docs\n',
  });
  const files = (args: string[]): string[] => {
    const r = run([...args, '--format', 'json', '--fail-on', 'none'], {}, dir);
    expect(r.status, r.stderr).toBe(0);
    return [...new Set((JSON.parse(r.stdout).findings as { file: string }[]).map((f) => f.file))].sort();
  };

  it('expands a quoted glob to the files it matches (dependency folders left out)', () => {
    expect(files(['infra/**/*.tf'])).toEqual(['infra/dev/kv.tf', 'infra/prod/kv.tf']);
    expect(files(['infra/prod/*'])).toEqual(['infra/prod/kv.tf']);
    expect(files(['**/*.tf'])).toEqual(['infra/dev/kv.tf', 'infra/prod/kv.tf']);
    expect(files(['.github/**/*.yml'])).toEqual(['.github/workflows/ci.yml']);
    expect(files(['infra/{dev,prod}/kv.tf'])).toEqual(['infra/dev/kv.tf', 'infra/prod/kv.tf']);
  });

  it('a glob that matches nothing the linter reads is a usage error', () => {
    for (const glob of ['nothing/**/*.tf', 'docs/*']) {
      const r = run([glob], {}, dir);
      expect(r.status, glob).toBe(2);
      expect(r.stderr).toBe(`mlops-iac-lint: no file that mlops-iac-lint reads matches the pattern "${glob}"\n`);
    }
  });

  it('a path that exists is taken literally even when it looks like a glob', () => {
    const odd = tree({ 'env[prod]/kv.tf': KV_TF });
    const r = run(['env[prod]', '--format', 'compact', '--fail-on', 'none'], {}, odd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('env[prod]/kv.tf:1:1: warning [KV001]');
  });
});

describe('--format compact', () => {
  it('prints one line per finding, file:line:col: level [ID] message, then the counts', () => {
    const dir = tree({ 'kv.tf': KV_TF, 'st.tf': 'resource "azurerm_storage_account" "s" {\n  name            = "s"\n  min_tls_version = "TLS1_0"\n}\n' });
    const r = run(['.', '--format', 'compact', '--env', 'prod', '--rule', 'KV001', '--rule', 'ST002'], {}, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        'kv.tf:1:1: error [KV001] Key Vault "kv" has no purge protection (purge_protection_enabled is not set (defaults to false)), so deleted secrets and keys can be purged for good; set purge_protection_enabled to true.',
        'st.tf:3:21: error [ST002] Storage account "s" accepts TLS below 1.2 (min_tls_version is "TLS1_0"); set min_tls_version to "TLS1_2".',
        '',
        '2 problems (2 errors, 0 warnings, 0 notes)',
        '',
      ].join('\n'),
    );
    const clean = run(['.', '--format', 'compact', '--rule', 'TF002'], {}, dir);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('');
  });
});

describe('ignore rules: .gitignore, .mlops-iac-lint-ignore, --ignore-pattern', () => {
  const files = {
    '.gitignore': 'generated/\n*.local.tf\n',
    'main/kv.tf': KV_TF,
    'generated/kv.tf': KV_TF,
    'main/dev.local.tf': kv('devkv'),
    'legacy/kv.tf': KV_TF,
    'legacy/.gitignore': '!*.local.tf\n',
    'legacy/keep.local.tf': kv('keepkv'),
  };
  const linted = (dir: string, args: string[] = []): string[] => {
    const r = run(['.', '--format', 'json', '--fail-on', 'none', '--rule', 'KV001', ...args], {}, dir);
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout).findings as { file: string }[]).map((f) => f.file).sort();
  };

  it('respects .gitignore files by default, nested ones and negations included', () => {
    expect(linted(tree(files))).toEqual(['legacy/keep.local.tf', 'legacy/kv.tf', 'main/kv.tf']);
  });

  it('--no-gitignore lints what .gitignore excludes', () => {
    expect(linted(tree(files), ['--no-gitignore'])).toEqual(['generated/kv.tf', 'legacy/keep.local.tf', 'legacy/kv.tf', 'main/dev.local.tf', 'main/kv.tf']);
  });

  it('reads .mlops-iac-lint-ignore at the scan root, also with --no-gitignore', () => {
    const dir = tree({ ...files, '.mlops-iac-lint-ignore': '# not ours\n/legacy/\n' });
    expect(linted(dir)).toEqual(['main/kv.tf']);
    expect(linted(dir, ['--no-gitignore'])).toEqual(['generated/kv.tf', 'main/dev.local.tf', 'main/kv.tf']);
  });

  it('--ignore-pattern is repeatable and takes gitignore patterns relative to the scan root', () => {
    const dir = tree(files);
    expect(linted(dir, ['--ignore-pattern', 'legacy/'])).toEqual(['main/kv.tf']);
    expect(linted(dir, ['--ignore-pattern', 'legacy/', '--ignore-pattern', 'main/kv.tf'])).toEqual([]);
    expect(linted(dir, ['--ignore-pattern', '!generated/'])).toEqual(['generated/kv.tf', 'legacy/keep.local.tf', 'legacy/kv.tf', 'main/kv.tf']);
  });

  it('a named file that the rules exclude is not linted, with one warning line', () => {
    const dir = tree(files);
    const r = run(['main/dev.local.tf', 'main/kv.tf', '--format', 'compact', '--rule', 'KV001'], {}, dir);
    expect(r.stderr).toBe('mlops-iac-lint: main/dev.local.tf is not linted: an ignore rule excludes it (.gitignore, .mlops-iac-lint-ignore or --ignore-pattern)\n');
    expect(r.stdout).toContain('main/kv.tf:1:1');
    expect(r.stdout).not.toContain('dev.local.tf');
    const alone = run(['main/dev.local.tf', '--format', 'compact'], {}, dir);
    expect(alone.status).toBe(0);
    expect(alone.stdout).toBe('');
    expect(run(['main/dev.local.tf', '--no-gitignore', '--format', 'compact', '--rule', 'KV001'], {}, dir).stdout).toContain('main/dev.local.tf:1:1');
  });

  it('a named folder that the rules exclude, or one inside an excluded folder, is not linted either (review 80)', () => {
    const dir = tree({ ...files, 'generated/deep/kv.tf': KV_TF });
    for (const folder of ['generated', 'generated/deep']) {
      const r = run([folder, '--format', 'compact', '--rule', 'KV001'], {}, dir);
      expect(r.stderr).toBe(`mlops-iac-lint: ${folder} is not linted: an ignore rule excludes it (.gitignore, .mlops-iac-lint-ignore or --ignore-pattern)\n`);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    }
    expect(run(['main', '--ignore-pattern', 'main/', '--format', 'compact', '--rule', 'KV001'], {}, dir).stdout).toBe('');
    expect(run(['generated', '--no-gitignore', '--format', 'compact', '--rule', 'KV001'], {}, dir).stdout).toContain('generated/kv.tf:1:1');
  });

  it('a named folder inside one the walk skips (.terraform, node_modules) is linted, and a folder outside the current one is not judged by ignore files above it (self-review 81)', () => {
    const dir = tree({ '.terraform/modules/kv/kv.tf': KV_TF, 'home/.gitignore': 'proj\n', 'home/proj/kv.tf': KV_TF, 'elsewhere/.keep': '' });
    expect(run(['.terraform/modules/kv', '--format', 'compact', '--rule', 'KV001'], {}, dir).stdout).toContain('.terraform/modules/kv/kv.tf:1:1');
    // A file there named is linted as its folder named is (self-review 83: it was refused, blamed on an ignore rule).
    const file = run(['.terraform/modules/kv/kv.tf', '--format', 'compact', '--rule', 'KV001'], {}, dir);
    expect(file.stderr).toBe('');
    expect(file.stdout).toContain('.terraform/modules/kv/kv.tf:1:1');
    const outside = run(['../home/proj', '--format', 'compact', '--rule', 'KV001'], {}, path.join(dir, 'elsewhere'));
    expect(outside.stderr).toBe('');
    expect(outside.stdout).toContain('kv.tf:1:1');
  });

  it('when every path given is excluded, the report is still written (empty), and a glob says so in one line (review 80)', () => {
    const dir = tree(files);
    const out = path.join(dir, 'report.sarif');
    const r = run(['main/dev.local.tf', '--format', 'sarif', '--output', out], {}, dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results).toEqual([]);
    const glob = run(['generated/*.tf', '--format', 'json'], {}, dir);
    expect(glob.status).toBe(0);
    expect(JSON.parse(glob.stdout).findings).toEqual([]);
    expect(glob.stderr).toBe('mlops-iac-lint: nothing to lint: an ignore rule (.gitignore, .mlops-iac-lint-ignore or --ignore-pattern) excludes every file that "generated/*.tf" matches\n');
  });

  it('a folder left with nothing to lint says that ignore rules excluded its files, and a named file the config excludes is said (review 80)', () => {
    const dir = tree({ ...files, '.mlops-iac-lint.jsonc': '{ "ignorePaths": ["main/kv.tf"] }' });
    expect(run(['legacy', '--ignore-pattern', '*.tf', '--format', 'compact'], {}, dir).stderr).toBe(
      "mlops-iac-lint: nothing to lint in legacy: ignore rules exclude the 2 files of a format it reads there (.gitignore, .mlops-iac-lint-ignore, --ignore-pattern or the config file's ignorePaths)\n",
    );
    expect(run(['.', '--ignore-pattern', '*/', '--format', 'compact'], {}, dir).stderr).toMatch(/^mlops-iac-lint: nothing to lint in \.: no file of a format it reads \(Terraform .*\) outside the folders ignore rules exclude \(\.gitignore, \.mlops-iac-lint-ignore, --ignore-pattern or the config file's ignorePaths\)\n$/);
    expect(run(['main/kv.tf', '--format', 'compact'], {}, dir).stderr).toBe("mlops-iac-lint: main/kv.tf is not linted: the config file's ignorePaths excludes it\n");
  });
});

describe('--output', () => {
  it('with files given (pre-commit), never over another file of their folders that the run lints (self-review 81)', () => {
    const arm = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n';
    const dir = tree({ 'infra/kv.tf': KV_TF, 'infra/arm.json': arm });
    const r = run(['infra/kv.tf', '--output', 'infra/arm.json'], {}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('mlops-iac-lint: --output infra/arm.json is infrastructure code this run lints, so it is not written over; name another file for the report\n');
    expect(fs.readFileSync(path.join(dir, 'infra/arm.json'), 'utf8')).toBe(arm);
  });

  it('never writes a report or baseline over a file the run lints, nor over a .tf file: exit 2, the file intact (review 80)', () => {
    const dir = tree({ 'kv.tf': KV_TF, 'pipelines/ci.yml': 'trigger: none\nsteps:\n  - script: echo hi\n' });
    for (const [option, target] of [['--output', 'kv.tf'], ['--write-baseline', 'kv.tf'], ['--output', 'pipelines/ci.yml'], ['--output', 'new.tf']] as const) {
      const before = fs.existsSync(path.join(dir, target)) ? fs.readFileSync(path.join(dir, target), 'utf8') : undefined;
      const r = run(['.', option, target], {}, dir);
      expect(r.status, `${option} ${target}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^mlops-iac-lint: ${option} ${target} is infrastructure code( this run lints)?, so it is not written over; name another file for the (report|baseline)\\n$`));
      expect(fs.existsSync(path.join(dir, target)) ? fs.readFileSync(path.join(dir, target), 'utf8') : undefined).toBe(before);
    }
  });

  it('into a missing folder fails before linting, with one line and exit 2', () => {
    const missing = path.join(os.tmpdir(), 'mil-no-such-folder', 'sub', 'report.sarif');
    // The scan path does not exist either: the message proves the output was checked first.
    const r = run(['/no/such/path', '--format', 'sarif', '--output', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`mlops-iac-lint: --output ${missing}: the folder ${path.dirname(missing)} does not exist\n`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('onto a folder, or under a file, fails the same way', () => {
    const dir = tree({ 'kv.tf': KV_TF });
    const onDir = run([dir, '--output', dir]);
    expect(onDir.status).toBe(2);
    expect(onDir.stderr).toBe(`mlops-iac-lint: --output ${dir}: is a folder\n`);
    const underFile = run([dir, '--output', path.join(dir, 'kv.tf', 'r.json')]);
    expect(underFile.status).toBe(2);
    expect(underFile.stderr.split('\n')).toHaveLength(2);
    const baseline = run([dir, '--write-baseline', path.join(dir, 'missing', 'b.json')]);
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/^mlops-iac-lint: --write-baseline .*: the folder .* does not exist\n$/);
  });
});

describe('a reader that closes the pipe early', () => {
  it.skipIf(!hasCommand('bash') || !hasCommand('head'))('(`| head -1`): no stack trace, and the run keeps its exit code', () => {
    // Enough findings that the report outgrows the pipe's buffer after head has gone.
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`kv${i}.tf`] = kv(`kv${i}`);
    const dir = tree(files);
    const r = spawnSync('bash', ['-c', `"$0" "$1" . --format compact --fail-on none | head -1; exit "\${PIPESTATUS[0]}"`, process.execPath, CLI], { cwd: dir, encoding: 'utf8', env: baseEnv({}) });
    expect(r.stdout).toMatch(/^kv\d+\.tf:\d+:\d+: [^\n]*\n$/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('progress line', () => {
  const dir = tree({ 'kv.tf': KV_TF });

  it('is never written when stderr is not a terminal', () => {
    const r = run([dir, '--fail-on', 'none'], { MLOPS_IAC_LINT_PROGRESS_DELAY_MS: '0' });
    expect(r.stderr).toBe('');
  });

  const scriptAvailable = process.platform === 'linux' && hasCommand('script');
  it.skipIf(!scriptAvailable)('on a terminal: shown once the run is past the delay, erased before the report', () => {
    const cmd = (delay: string): string =>
      `MLOPS_IAC_LINT_PROGRESS_DELAY_MS=${delay} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${JSON.stringify(dir)} --fail-on none --no-color 2>&1`;
    // `script` gives the command a pseudo-terminal; stdout and stderr are both that terminal.
    const shown = spawnSync('script', ['-qec', cmd('0'), '/dev/null'], { encoding: 'utf8', env: baseEnv({}) });
    // eslint-disable-next-line no-control-regex -- the erase-line sequence is what is tested
    expect(shown.stdout).toMatch(/\rmlops-iac-lint: (reading files|parsing) 1\/1 \(\d+\.\d s\)\u001b\[K/);
    expect(shown.stdout).toContain('\r\u001b[K');
    expect(shown.stdout).toContain('kv.tf');
    // A quick run with the default one-second delay shows none.
    const quick = spawnSync('script', ['-qec', cmd('1000'), '/dev/null'], { encoding: 'utf8', env: baseEnv({}) });
    expect(quick.stdout).toContain('kv.tf');
    expect(quick.stdout).not.toContain('mlops-iac-lint: ');
  });
});

describe('many findings in one file', () => {
  // 20,000 findings in one generated template crashed the run with a stack trace (exit 3):
  // `Math.max(...lines)` overflowed the stack while picking the code-frame lines (each finding
  // wants its lines and their neighbours). Helpers that take a list from the scanned code loop
  // instead of spreading it (src/core/arrays.ts).
  it('a template with 20,000 findings is reported', () => {
    const registry = (i: number) => ({
      type: 'Microsoft.ContainerRegistry/registries',
      apiVersion: '2023-07-01',
      name: `acr${i}`,
      location: 'westeurope',
      sku: { name: 'Premium' },
      properties: { adminUserEnabled: true },
    });
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: Array.from({ length: 20_000 }, (_, i) => registry(i)),
    };
    const dir = tree({ 'azuredeploy.json': JSON.stringify(template, null, 1) });
    const report = path.join(dir, 'report.txt');
    const r = run([dir, '--format', 'compact', '--output', report]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = fs.readFileSync(report, 'utf8');
    expect(out.trimEnd().split('\n').at(-1)).toBe('20000 problems (20000 errors, 0 warnings, 0 notes)');
  }, 60_000);
});

describe('--format sarif and github in GitHub Actions (GITHUB_WORKSPACE)', () => {
  const ACR = (name: string): string =>
    `terraform {\n  backend "azurerm" {}\n}\nresource "azurerm_container_registry" "r" {\n  name          = "${name}"\n  sku           = "Premium"\n  admin_enabled = true\n}\n`;
  /* eslint-disable @typescript-eslint/no-explicit-any -- walking the SARIF JSON */
  const sarifOf = (cwd: string, env: Env): any => JSON.parse(run(['.', '--rule', 'ACR001', '--format', 'sarif'], env, cwd).stdout);
  const uriOf = (doc: any): string => doc.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;

  it.each([
    { name: 'scan root in a subfolder of the workspace', workspace: (ws: string) => ws, file: 'uni/main.tf', base: (ws: string) => ws },
    { name: 'not in GitHub Actions', workspace: () => undefined, file: 'main.tf', base: (ws: string) => path.join(ws, 'uni') },
    { name: 'scan root outside the workspace', workspace: () => os.tmpdir() + '/mil-elsewhere', file: 'main.tf', base: (ws: string) => path.join(ws, 'uni') },
  ])('$name: where sarif and github paths start; fingerprints relative to the scan root', ({ workspace, file, base }) => {
    const ws = tree({ 'uni/main.tf': ACR('acr') });
    const env: Env = { GITHUB_WORKSPACE: workspace(ws) };
    const cwd = path.join(ws, 'uni');
    const gh = run(['.', '--rule', 'ACR001', '--format', 'github'], env, cwd);
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(new RegExp(`^::error file=${file.replace('.', '\\.')},line=7,col=`));
    const doc = sarifOf(cwd, env);
    expect(uriOf(doc)).toBe(file);
    expect(doc.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${base(ws)}/`);
    // The same fingerprint as a run outside GitHub Actions.
    expect(doc.runs[0].results[0].partialFingerprints).toEqual(sarifOf(cwd, {}).runs[0].results[0].partialFingerprints);
  });

  it('a scan path below the current folder: github paths from the workspace, not from the current folder', () => {
    const ws = tree({ 'a/b/main.tf': ACR('acr') });
    const gh = run(['b', '--rule', 'ACR001', '--format', 'github'], { GITHUB_WORKSPACE: ws }, path.join(ws, 'a'));
    expect(gh.stdout).toMatch(/^::error file=a\/b\/main\.tf,/);
    expect(run(['b', '--rule', 'ACR001', '--format', 'github'], {}, path.join(ws, 'a')).stdout).toMatch(/^::error file=b\/main\.tf,/);
  });

  it('escape sequences in scanned names do not reach the workflow commands', () => {
    const ws = tree({ 'main.tf': ACR('acr\\u001b[2K\\u001b[1A::warning::fake') });
    const gh = run(['.', '--rule', 'ACR001', '--format', 'github'], {}, ws);
    expect(gh.status).toBe(1);
    expect(gh.stdout).toContain('Container registry "acr\ufffd[2K\ufffd[1A::warning::fake"');
    // eslint-disable-next-line no-control-regex
    expect(gh.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(gh.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });
});

describe('--quiet and secrets in code frames', () => {
  // --quiet drops warning-level findings, SEC001's in a sample folder among them; the value
  // stays a secret, so the error frame next to it still masks it.
  it('a warning-level SEC001 value is masked in a neighbouring error frame', () => {
    const dir = tree({
      'examples/main.tf':
        'variable "size" { type = string }\nvariable "admin_password" { type = string }\nresource "azurerm_linux_virtual_machine" "vm" {\n  name                = "gpuvm"\n  size                = var.size\n  admin_password      = var.admin_password\n  tags = { "cost-center" = "x" }\n}\n',
      'examples/terraform.tfvars': 'size           = "Standard_NC6s_v3"\nadmin_password = "Sup3rS3cretValue!"\n',
    });
    for (const args of [[dir], [dir, '--quiet']]) {
      const r = run(args);
      expect(r.stdout, args.join(' ')).toContain('GPU004');
      expect(r.stdout, args.join(' ')).not.toContain('Sup3rS3cretValue!');
    }
  });
});

describe("the README's example runs", () => {
  // Each ``` block that starts with `$ npx mlops-iac-lint examples/…` shows what that run prints:
  // the README must not drift from the product (a rule's reading changed, an example grew).
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```\n\$ npx mlops-iac-lint (examples\/[^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.trim().split(/\s+/), shown: m[2]! }));

  it('there are example runs to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((b) => [b.args.join(' '), b] as const))('%s', (_name, b) => {
    const r = run(b.args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(b.shown);
  });
});
