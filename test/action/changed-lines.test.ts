/**
 * Parsing `git diff --unified=0` into changed line ranges: real git output for the usual
 * cases (added, modified, deleted lines, new, deleted and renamed files, awkward names), and
 * hand-written text for what git rarely prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, removesFrom, touches, unquoteGitPath, type FileChanges } from '../../src/action/changed-lines.js';
import { commitAll, git, initRepo, writeFiles } from './git-fixture.js';

const lines = (n: number, prefix = 'line'): string => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

function realDiff(before: Record<string, string | null>, after: Record<string, string | null>): Map<string, FileChanges> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-diff-'));
  initRepo(dir);
  writeFiles(dir, before);
  const base = commitAll(dir, 'base');
  writeFiles(dir, after);
  const head = commitAll(dir, 'head');
  const text = git(dir, '-c', 'core.quotePath=false', 'diff', '--no-color', '--unified=0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', base, head);
  return parseUnifiedDiff(text);
}

describe('parseUnifiedDiff over real git output', () => {
  it('modified, added and deleted lines of one file', () => {
    const before = lines(20);
    const after = before
      .replace('line 3\n', 'line 3 changed\n') // modified: new line 3
      .replace('line 10\n', 'line 10\ninserted a\ninserted b\n') // added: new lines 11-12
      .replace('line 15\nline 16\n', ''); // deleted: old 15-16, between new 16 and 17
    const files = realDiff({ 'main.tf': before }, { 'main.tf': after });
    expect([...files.keys()]).toEqual(['main.tf']);
    // Line 3 replaced an old line (a change, not only an addition).
    expect(files.get('main.tf')).toEqual({ added: [[3, 3], [11, 12]], deletedAfter: [16], replaced: [[3, 3]] });
  });

  it('a new file is changed on every line; a deleted file is not listed', () => {
    const files = realDiff({ 'old.tf': lines(3) }, { 'old.tf': null, 'infra/new.tf': lines(4, 'new') });
    expect(files.get('infra/new.tf')).toEqual({ added: [[1, 4]], deletedAfter: [] });
    expect(files.has('old.tf')).toBe(false);
  });

  it('a renamed file: the new name, only the lines that changed', () => {
    const files = realDiff({ 'a/vault.tf': lines(30) }, { 'a/vault.tf': null, 'b/vault-renamed.tf': lines(30).replace('line 7\n', 'line seven\n') });
    expect(files.get('b/vault-renamed.tf')).toEqual({ added: [[7, 7]], deletedAfter: [], replaced: [[7, 7]] });
  });

  it('names with spaces, quotes, backslashes and non-ASCII letters', () => {
    const files = realDiff(
      {},
      { 'dir with space/main file.tf': 'a\n', 'quote"d.tf': 'b\n', 'back\\slash.tf': 'c\n', 'résumé/ünïcode.tf': 'd\n' },
    );
    expect([...files.keys()].sort()).toEqual(['back\\slash.tf', 'dir with space/main file.tf', 'quote"d.tf', 'résumé/ünïcode.tf']);
  });

  it('an added line that reads like a file header does not start a new file', () => {
    const files = realDiff({ 'x.tf': 'one\n' }, { 'x.tf': 'one\n++ b/evil.tf\n@@ -1 +1 @@\ndiff --git a/y b/y\n' });
    expect([...files.keys()]).toEqual(['x.tf']);
    expect(files.get('x.tf')).toEqual({ added: [[2, 4]], deletedAfter: [] });
  });

  it('a missing newline at the end of the file', () => {
    const files = realDiff({ 'x.tf': 'a\nb' }, { 'x.tf': 'a\nc' });
    expect(files.get('x.tf')).toEqual({ added: [[2, 2]], deletedAfter: [], replaced: [[2, 2]] });
  });

  it('binary files have no lines', () => {
    const files = realDiff({}, { 'blob.bin': 'a\0b\0c' });
    expect(files.size).toBe(0);
  });
});

describe('parseUnifiedDiff over hand-written text', () => {
  it('hunk counts left out mean 1; quoted paths with octal escapes; the tab after a name with a space', () => {
    const text = [
      'diff --git "a/caf\\303\\251.tf" "b/caf\\303\\251.tf"',
      '--- "a/caf\\303\\251.tf"',
      '+++ "b/caf\\303\\251.tf"',
      '@@ -5 +5 @@',
      '-old',
      '+new',
      'diff --git a/my file.tf b/my file.tf',
      '--- a/my file.tf\t',
      '+++ b/my file.tf\t',
      '@@ -0,0 +1,2 @@',
      '+a',
      '+b',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(text);
    expect(files.get('café.tf')).toEqual({ added: [[5, 5]], deletedAfter: [], replaced: [[5, 5]] });
    expect(files.get('my file.tf')).toEqual({ added: [[1, 2]], deletedAfter: [] });
  });

  it('a truncated hunk does not swallow the next file', () => {
    const text = ['--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', '-a', '+b', 'diff --git a/y b/y', '--- a/y', '+++ b/y', '@@ -1 +1 @@', '-c', '+d'].join('\n');
    expect([...parseUnifiedDiff(text).keys()]).toEqual(['x', 'y']);
  });

  it('unquoteGitPath leaves unquoted names alone and decodes C escapes', () => {
    expect(unquoteGitPath('b/plain.tf')).toBe('b/plain.tf');
    expect(unquoteGitPath('"b/tab\\there\\\\ \\"q\\""')).toBe('b/tab\there\\ "q"');
  });
});

describe('touches', () => {
  const changes: FileChanges = { added: [[3, 3], [11, 12]], deletedAfter: [16] };
  it.each([
    [3, 3, true],
    [1, 2, false],
    [1, 3, true],
    [4, 10, false],
    [10, 11, true],
    [12, 40, true],
    [13, 15, false],
    // The deletion between lines 16 and 17 is inside 16..17 and 15..20, not inside 16..16 or 17..17.
    [16, 17, true],
    [15, 20, true],
    [16, 16, false],
    [17, 17, false],
  ])('lines %i..%i → %s', (start, end, expected) => {
    expect(touches(changes, start, end)).toBe(expected);
  });

  it.each([
    // Line 3 replaced, lines 11-12 only added, a deletion after 16: what removes something from a block.
    [1, 5, true],
    [10, 13, false],
    [15, 20, true],
    [16, 16, false],
  ])('removesFrom lines %i..%i → %s (an added line alone is no removal)', (start, end, expected) => {
    expect(removesFrom({ ...changes, replaced: [[3, 3]] }, start, end)).toBe(expected);
  });

  it('stays fast on a file with 100,000 hunks', () => {
    const many: FileChanges = { added: Array.from({ length: 100_000 }, (_, i) => [i * 10 + 1, i * 10 + 2] as const), deletedAfter: [] };
    const t0 = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (touches(many, i * 10 + 2, i * 10 + 5)) hits++;
    expect(hits).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
