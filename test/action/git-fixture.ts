/**
 * Temporary git repositories for the Action's pull-request tests: commits with fixed
 * identities and dates (no user config, hooks or signing involved), branches, merges and
 * shallow clones over `file://` (no network).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ISOLATED = [
  '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false',
  '-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always',
];

/** Runs git in `cwd`; returns stdout (trimmed); throws with git's stderr on failure. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', [...ISOLATED, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
}

/** Writes `files` (relative path → text; `null` deletes) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    if (text === null) {
      fs.rmSync(file, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Stages everything and commits; returns the new commit's ID. */
export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A pull_request event payload as the runner writes it to $GITHUB_EVENT_PATH (the fields we read, and a few others). */
export function pullRequestPayload(number: number, baseSha: string, headSha: string): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      base: { ref: 'main', sha: baseSha },
      head: { ref: 'feature', sha: headSha },
    },
    repository: { full_name: 'contoso/ml-platform' },
  };
}
