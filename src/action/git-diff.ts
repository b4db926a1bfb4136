/**
 * The lines a pull request changed, computed from the local checkout with
 * `git diff --unified=0`: nothing is fetched (the Action stays offline-capable, and the
 * tests need no network). When the commits are not in the checkout (a shallow clone), the
 * caller gets a reason instead and treats every line as unchanged.
 *
 * Which diff, depending on what is checked out:
 * - the pull request's head commit (`ref: ${{ github.event.pull_request.head.sha }}`):
 *   `git diff <base.sha>...<head.sha>`, the changes since the merge base, exactly what the
 *   pull request's "Files changed" tab shows;
 * - the merge commit `refs/pull/N/merge` (actions/checkout's default for pull_request
 *   events), whose second parent is the head: `git diff HEAD^1 HEAD`, the same changes but
 *   in the merge commit's line numbers, which are the numbers of the files being linted
 *   (they differ from the head's when the base branch has since changed the same file);
 * - anything else: the linted files are not the pull request's, so no line is "changed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseUnifiedDiff, removesFrom, touches, type FileChanges } from './changed-lines.js';
import type { PullRequestRef } from './event.js';

/** Lines of the pull request, looked up by absolute file path. */
export class PullRequestLines {
  private readonly real = new Map<string, string | undefined>();

  constructor(
    /** The repository top level (realpath). */
    readonly topLevel: string,
    /** Changed lines by path relative to the top level, `/`-separated. */
    readonly files: ReadonlyMap<string, FileChanges>,
    /** The git range that was diffed, for messages (`<base>...<head>` or `HEAD^1..HEAD`). */
    readonly range: string,
  ) {}

  /** True when lines `startLine..endLine` of `file` (absolute) were changed by the pull request. */
  touches(file: string, startLine: number, endLine: number): boolean {
    const changes = this.changesOf(file);
    return changes !== undefined && touches(changes, startLine, endLine);
  }

  /** True when the pull request removed or replaced lines inside `startLine..endLine` of `file` (absolute). */
  removesFrom(file: string, startLine: number, endLine: number): boolean {
    const changes = this.changesOf(file);
    return changes !== undefined && removesFrom(changes, startLine, endLine);
  }

  /** The pull request's changes to `file` (absolute), if it changed it. */
  private changesOf(file: string): FileChanges | undefined {
    const rel = this.relative(file);
    return rel === undefined ? undefined : this.files.get(rel);
  }

  /** `file` relative to the top level through its real path (the workspace may be a symlink). */
  private relative(file: string): string | undefined {
    if (this.real.has(file)) return this.real.get(file);
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      real = path.resolve(file);
    }
    const rel = path.relative(this.topLevel, real);
    const out = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
    this.real.set(file, out);
    return out;
  }
}

export type PullRequestLinesResult = { ok: true; lines: PullRequestLines } | { ok: false; reason: string };

export interface GitOptions {
  /** The git executable (default `git` on PATH). */
  git?: string;
  /** Kill git after this many milliseconds (default 60 s). */
  timeoutMs?: number;
}

type GitRun = { ok: true; stdout: string } | { ok: false; message: string };

/**
 * Runs git without a shell. `-c protocol.allow=never` and `GIT_NO_LAZY_FETCH` keep it from
 * reaching any remote (a partial clone would otherwise fetch missing blobs during the diff),
 * `--no-optional-locks` from writing the index, and `GIT_TERMINAL_PROMPT=0` from waiting on
 * a prompt.
 */
function git(cwd: string, args: string[], options: GitOptions): GitRun {
  const r = spawnSync(options.git ?? 'git', ['--no-optional-locks', '-c', 'protocol.allow=never', '-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 60_000,
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'git is not installed' };
    if (code === 'ETIMEDOUT') return { ok: false, message: `git ${args[0]} did not finish in time` };
    return { ok: false, message: `git ${args[0]} failed: ${code ?? r.error.message}` };
  }
  if (r.status !== 0) {
    const said = r.stderr.trim().split('\n')[0] ?? '';
    return { ok: false, message: `git ${args[0]} exited with ${r.status ?? r.signal}${said ? `: ${said}` : ''}` };
  }
  return { ok: true, stdout: r.stdout };
}

/** The full commit ID `rev` names, or undefined when it is not in the checkout. */
function commitId(cwd: string, rev: string, options: GitOptions): string | undefined {
  const r = git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], options);
  return r.ok ? r.stdout.trim() : undefined;
}

const FETCH_HINT = 'check out with `fetch-depth: 0` (actions/checkout) so the commits are available';

/** The lines `pr` changed in the checkout at `workspace`, or why they cannot be known. */
export function pullRequestLines(workspace: string, pr: PullRequestRef, options: GitOptions = {}): PullRequestLinesResult {
  const top = git(workspace, ['rev-parse', '--show-toplevel'], options);
  if (!top.ok) return { ok: false, reason: `the workspace is not a git checkout (${top.message})` };
  const topLevel = fs.realpathSync(top.stdout.trim());

  const head = commitId(topLevel, 'HEAD', options);
  if (head === undefined) return { ok: false, reason: 'the checkout has no HEAD commit' };
  // What to diff: `revs` go to git, `range` names them in messages.
  let revs: string[];
  let range: string;
  if (head === pr.headSha) {
    const base = commitId(topLevel, pr.baseSha, options);
    if (base === undefined) return { ok: false, reason: `the base commit ${pr.baseSha.slice(0, 12)} is not in the checkout; ${FETCH_HINT}` };
    revs = [`${base}...${head}`];
    range = `${pr.baseSha.slice(0, 12)}...${pr.headSha.slice(0, 12)}`;
  } else {
    // The merge commit refs/pull/N/merge: its second parent is the pull request's head.
    const mergedHead = commitId(topLevel, 'HEAD^2', options);
    const firstParent = mergedHead === pr.headSha ? commitId(topLevel, 'HEAD^1', options) : undefined;
    if (firstParent === undefined) {
      // A shallow merge checkout has no parents: say how to get them.
      const shallow = mergedHead === undefined && commitId(topLevel, 'HEAD^1', options) === undefined;
      return {
        ok: false,
        reason: shallow
          ? `the checkout has no history before ${head.slice(0, 12)}; ${FETCH_HINT}`
          : `the checked-out commit ${head.slice(0, 12)} is neither the pull request's head ${pr.headSha.slice(0, 12)} nor its merge commit`,
      };
    }
    revs = [firstParent, head];
    range = 'HEAD^1..HEAD';
  }

  // Explicit prefixes and no external diff or textconv driver: the output does not depend on
  // the user's git config, and nothing configured in it is executed.
  const diff = git(
    topLevel,
    ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--unified=0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', ...revs, '--'],
    options,
  );
  if (!diff.ok) {
    const hint = revs.length === 1 ? `; ${FETCH_HINT} (the merge base is needed)` : '';
    return { ok: false, reason: `${diff.message}${hint}` };
  }
  return { ok: true, lines: new PullRequestLines(topLevel, parseUnifiedDiff(diff.stdout, 'b/'), range) };
}
