/**
 * Shared helpers of the shipping tests: a fresh build of the bundles into a temp folder
 * (so tests never depend on, or rewrite, the committed dist/), temp folders, and command
 * look-ups for the tools a test needs (npm, git, pre-commit).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples/mlops-platform');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mlops-iac-lint-${prefix}-`));
}

/** Builds dist bundles (cli.js, api.js, action.js) into `outdir` with scripts/build.mjs. */
export function buildTo(outdir: string, extra: string[] = []): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir, ...extra], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** True when `cmd --version` runs. */
export function hasCommand(cmd: string): boolean {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Copies `from` into `to` recursively (node_modules and .git left out). */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|\.git)$/.test(src),
  });
}

/** Parses a `$GITHUB_OUTPUT` file (both `name=value` and heredoc `name<<DELIM` records). */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`unterminated output ${name}`);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`bad output line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** Loud skip notice: printed to stderr so it shows in CI logs. */
export function warnSkip(what: string, why: string, fix: string): void {
  process.stderr.write(`\n${'!'.repeat(78)}\n!! SKIPPED: ${what}\n!! ${why}\n!! ${fix}\n${'!'.repeat(78)}\n\n`);
}
