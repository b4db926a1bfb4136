/**
 * The README's quick start on a fresh clone: `npm install && npx mlops-iac-lint
 * examples/mlops-platform`. A clone has no dist/cli.js (only dist/action.js is committed), so
 * `npm install` must build it: through the `prepare` script of the checkout's package.json
 * (which the packed manifest leaves out: see scripts/pack-manifest.mjs and pack.test.ts).
 *
 * The install is offline, from npm's cache (CI's `npm ci` fills it); without npm, git or a
 * cache that holds every locked package, the test is skipped loudly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand, run, tempDir, warnSkip } from './helpers.js';

const tools = hasCommand('npm') && hasCommand('git') && fs.existsSync(path.join(REPO_ROOT, '.git'));
if (!tools) warnSkip('fresh-clone quick-start test', 'npm or git is missing, or this is not a git checkout.', 'Run it from a clone with npm installed.');

describe.skipIf(!tools)('a fresh clone', () => {
  let clone = '';
  let install: ReturnType<typeof run> | undefined;
  const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

  beforeAll(() => {
    clone = path.join(tempDir('clone'), 'repo');
    fs.mkdirSync(clone);
    // What `git clone` would give once the work is committed: tracked files and new ones that
    // are not ignored, as they are in the working tree.
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT }).stdout.split('\0').filter((f) => f !== '');
    for (const f of files) {
      const from = path.join(REPO_ROOT, f);
      // Deleted in the working tree, or not a file (a worktree's node_modules symlink).
      if (!fs.existsSync(from) || !fs.lstatSync(from).isFile()) continue;
      fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
      fs.copyFileSync(from, path.join(clone, f));
    }
    install = run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: clone, env });
    if (install.status !== 0 && /ENOTCACHED|offline/i.test(install.stderr)) {
      warnSkip('fresh-clone quick-start test', "npm's cache lacks some locked packages, so an offline install is impossible.", 'Run `npm ci` once (CI does) and re-run.');
      install = undefined;
    }
  });

  it('has no built CLI before npm install', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, '.git'))).toBe(true);
    const tracked = run('git', ['ls-files', 'dist'], { cwd: REPO_ROOT }).stdout.split('\n').filter((f) => f !== '');
    expect(tracked).not.toContain('dist/cli.js');
  });

  it('npm install builds dist/, then npx mlops-iac-lint examples/mlops-platform reports the example', (ctx) => {
    if (!install) ctx.skip();
    expect(install!.status, install!.stderr).toBe(0);
    expect(fs.existsSync(path.join(clone, 'dist/cli.js'))).toBe(true);
    const p = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', 'examples/mlops-platform'], { cwd: clone, env });
    expect(p.stderr).not.toMatch(/internal error|command not found|could not determine executable/i);
    expect(p.status).toBe(1);
    expect(p.stdout).toContain('examples/mlops-platform/infra/terraform/main.tf');
    expect(p.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ notes?\)/);
    expect(p.stdout).toMatch(/^Run `mlops-iac-lint --explain [A-Z][A-Z0-9]*\d{3}` for details$/m);
    // The clone's package.json is untouched by the install.
    expect(fs.readFileSync(path.join(clone, 'package.json'), 'utf8')).toBe(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  });
});
