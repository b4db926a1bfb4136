/**
 * The lines a pull request changed, from a local checkout: the head checked out, the merge
 * commit checked out (actions/checkout's default), a shallow clone without the base, a
 * checkout of something else, and no git repository at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullRequestLines, type PullRequestLinesResult } from '../../src/action/git-diff.js';
import { commitAll, git, initRepo, writeFiles } from './git-fixture.js';

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

interface Fixture {
  dir: string;
  base: string;
  head: string;
  /** The base branch after the pull request was opened (it inserted 5 lines at the top of main.tf). */
  advancedBase: string;
  /** The merge of head into advancedBase (what refs/pull/N/merge points at). */
  merge: string;
}

/**
 * main: base (main.tf with 20 lines) → advancedBase (5 lines inserted at the top of main.tf);
 * feature (from base): head (line 10 of main.tf modified, new.tf added); merge = main + feature.
 */
function fixture(): Fixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-pr-'));
  initRepo(dir);
  writeFiles(dir, { 'infra/main.tf': lines(20) });
  const base = commitAll(dir, 'base');
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeFiles(dir, { 'infra/main.tf': lines(20).replace('line 10\n', 'line 10 changed\n'), 'infra/new.tf': 'a\nb\n' });
  const head = commitAll(dir, 'head');
  git(dir, 'checkout', '-q', 'main');
  writeFiles(dir, { 'infra/main.tf': 'top 1\ntop 2\ntop 3\ntop 4\ntop 5\n' + lines(20) });
  const advancedBase = commitAll(dir, 'base advances');
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
  const merge = git(dir, 'rev-parse', 'HEAD');
  return { dir, base, head, advancedBase, merge };
}

function changed(r: PullRequestLinesResult, file: string): [number, number][] {
  if (!r.ok) throw new Error(r.reason);
  return [...(r.lines.files.get(file)?.added ?? [])] as [number, number][];
}

describe('pullRequestLines', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture();
  });

  it('head checked out: base...head, in the head’s line numbers', () => {
    git(f.dir, 'checkout', '-q', '--detach', f.head);
    const r = pullRequestLines(f.dir, { number: 1, baseSha: f.base, headSha: f.head });
    expect(r.ok && r.lines.range).toBe(`${f.base.slice(0, 12)}...${f.head.slice(0, 12)}`);
    expect(changed(r, 'infra/main.tf')).toEqual([[10, 10]]);
    expect(changed(r, 'infra/new.tf')).toEqual([[1, 2]]);
    expect(r.ok && r.lines.touches(path.join(f.dir, 'infra/main.tf'), 9, 11)).toBe(true);
    expect(r.ok && r.lines.touches(path.join(f.dir, 'infra/main.tf'), 11, 20)).toBe(false);
  });

  it('three dots: what the base branch did after the fork point is not the pull request’s', () => {
    git(f.dir, 'checkout', '-q', '--detach', f.head);
    // The payload's base is the advanced tip of main; its 5 new lines are not in the pull request.
    const r = pullRequestLines(f.dir, { baseSha: f.advancedBase, headSha: f.head });
    expect(changed(r, 'infra/main.tf')).toEqual([[10, 10]]);
  });

  it('merge commit checked out: HEAD^1..HEAD, in the merge commit’s line numbers (shifted by the base’s 5 lines)', () => {
    git(f.dir, 'checkout', '-q', '--detach', f.merge);
    const r = pullRequestLines(f.dir, { baseSha: f.advancedBase, headSha: f.head });
    expect(r.ok && r.lines.range).toBe('HEAD^1..HEAD');
    expect(changed(r, 'infra/main.tf')).toEqual([[15, 15]]);
    expect(changed(r, 'infra/new.tf')).toEqual([[1, 2]]);
  });

  it('a checkout of neither head nor merge: no lines, and why', () => {
    git(f.dir, 'checkout', '-q', '--detach', f.advancedBase);
    const r = pullRequestLines(f.dir, { baseSha: f.advancedBase, headSha: f.head });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/is neither the pull request's head .* nor its merge commit/) });
  });

  it('a shallow clone of the head (fetch-depth: 1): the base is missing, and fetch-depth: 0 is suggested', () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${f.dir}`, 'repo');
    const r = pullRequestLines(path.join(shallow, 'repo'), { baseSha: f.base, headSha: f.head });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/the base commit [0-9a-f]{12} is not in the checkout; check out with `fetch-depth: 0`/) });
  });

  it('a shallow clone of the merge commit (fetch-depth: 1): no parents, fetch-depth suggested', () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${f.dir}`, 'repo');
    const r = pullRequestLines(path.join(shallow, 'repo'), { baseSha: f.advancedBase, headSha: f.head });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/no history before [0-9a-f]{12}; check out with `fetch-depth: 0`/) });
  });

  it('fetch-depth: 2 is enough for the merge commit', () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-depth2-'));
    git(clone, 'clone', '-q', '--depth', '2', '--branch', 'main', `file://${f.dir}`, 'repo');
    const r = pullRequestLines(path.join(clone, 'repo'), { baseSha: f.advancedBase, headSha: f.head });
    expect(changed(r, 'infra/main.tf')).toEqual([[15, 15]]);
  });

  it('a workspace that is no git repository, and a missing git', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-nogit-'));
    const pr = { baseSha: f.base, headSha: f.head };
    expect(pullRequestLines(plain, pr)).toEqual({ ok: false, reason: expect.stringMatching(/^the workspace is not a git checkout \(git rev-parse exited with 128/) });
    expect(pullRequestLines(f.dir, pr, { git: '/nonexistent/git' })).toEqual({ ok: false, reason: 'the workspace is not a git checkout (git is not installed)' });
  });

  it('paths are matched through the real path of the workspace (a symlinked workspace)', () => {
    git(f.dir, 'checkout', '-q', '--detach', f.head);
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-link-')), 'ws');
    fs.symlinkSync(f.dir, link);
    const r = pullRequestLines(link, { baseSha: f.base, headSha: f.head });
    expect(r.ok && r.lines.touches(path.join(link, 'infra/new.tf'), 1, 1)).toBe(true);
    expect(r.ok && r.lines.touches(path.join(link, 'infra/main.tf'), 1, 1)).toBe(false);
    expect(r.ok && r.lines.touches(path.join(os.tmpdir(), 'elsewhere.tf'), 1, 1)).toBe(false);
  });
});
