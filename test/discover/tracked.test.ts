/**
 * A file git tracks is never ignored (gitignore(5): "Files already tracked by Git are not
 * affected"): a terraform.tfstate committed before `*.tfstate` went into .gitignore is linted
 * (TF002), read from the repository's index file (discover/git-index.ts, tracked.ts). The
 * indexes are written here byte by byte (gitformat-index(5)), so no git is needed; one case
 * checks the reader against indexes git itself writes, when git is there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ignoredFiles } from '../../src/cli/paths.js';
import { parseGitIndex } from '../../src/discover/git-index.js';
import type { LintResult } from '../../src/engine/result.js';

interface IndexOptions {
  version?: 2 | 3 | 4;
  /** 20 (SHA-1) or 32 (SHA-256). */
  hashSize?: number;
  /** No checksum: all zeros (git's index.skipHash). */
  skipHash?: boolean;
  /** Extensions after the entries: signature and data. */
  extensions?: [string, Buffer][];
}

/** The bytes of a git index listing `paths` (gitformat-index(5)), as git writes it. */
function gitIndex(paths: string[], { version = 2, hashSize = 20, skipHash = false, extensions = [] }: IndexOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(paths.length, 8);
  parts.push(header);
  let previous = Buffer.alloc(0);
  for (const p of [...paths].sort()) {
    const name = Buffer.from(p, 'utf8');
    // Stat data (zeros), the mode of a regular file, the object name, the flags (name length).
    const fixed = Buffer.alloc(40 + hashSize + 2);
    fixed.writeUInt32BE(0o100644, 24);
    fixed.fill(0xab, 40, 40 + hashSize);
    fixed.writeUInt16BE(Math.min(name.length, 0xfff), 40 + hashSize);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && common < name.length && previous[common] === name[common]) common++;
      parts.push(fixed, varint(previous.length - common), name.subarray(common), Buffer.alloc(1));
    } else {
      const size = (fixed.length + name.length + 8) & ~7;
      parts.push(fixed, name, Buffer.alloc(size - fixed.length - name.length));
    }
    previous = name;
  }
  for (const [signature, data] of extensions) {
    const head = Buffer.alloc(8);
    head.write(signature, 'latin1');
    head.writeUInt32BE(data.length, 4);
    parts.push(head, data);
  }
  const body = Buffer.concat(parts);
  const sum = skipHash ? Buffer.alloc(hashSize) : createHash(hashSize === 20 ? 'sha1' : 'sha256').update(body).digest();
  return Buffer.concat([body, sum]);
}

/** git's varint.c encode_varint. */
function varint(value: number): Buffer {
  const bytes = [value & 127];
  while ((value >>= 7)) bytes.unshift(128 | (--value & 127));
  return Buffer.from(bytes);
}

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary work tree with these files (a Buffer is written as it is). */
function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-tracked-'));
  temps.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const STATE = '{\n  "version": 4,\n  "terraform_version": "1.9.5",\n  "serial": 1,\n  "resources": []\n}\n';
const PLAN = '{\n  "format_version": "1.2",\n  "terraform_version": "1.9.5",\n  "planned_values": { "root_module": {} },\n  "resource_changes": []\n}\n';
const MAIN_TF = 'terraform {\n  backend "azurerm" {}\n}\n';

/** A repository whose .gitignore excludes state and plans; `tracked` are in its index. */
function repository(tracked: string[], index: IndexOptions | Buffer = {}, extra: Record<string, string | Buffer> = {}): string {
  return tree({
    '.gitignore': '*.tfstate\n*.tfplan\n',
    'main.tf': MAIN_TF,
    'terraform.tfstate': STATE,
    'local.tfstate': STATE,
    'x.tfplan': PLAN,
    'y.tfplan': PLAN,
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/index': Buffer.isBuffer(index) ? index : gitIndex(['.gitignore', 'main.tf', ...tracked], index),
    ...extra,
  });
}

async function run(dir: string, options: Parameters<typeof lint>[0] = {}): Promise<LintResult> {
  return lint({ paths: [dir], root: dir, noConfig: true, rules: ['TF002', 'TF004'], ...options });
}

/** `file ruleId` of each finding, relative to the tree. */
const reported = (dir: string, r: LintResult): string[] => r.findings.map((f) => `${path.relative(dir, f.location.file)} ${f.ruleId}`).sort();

describe('.gitignore and tracked files: a file git tracks is linted', () => {
  it('a committed state file that .gitignore excludes is reported (TF002); an untracked one is still skipped', async () => {
    const dir = repository(['terraform.tfstate']);
    expect(reported(dir, await run(dir))).toEqual(['terraform.tfstate TF002']);
    // --no-gitignore lints both, as before.
    expect(reported(dir, await run(dir, { gitignore: false }))).toEqual(['local.tfstate TF002', 'terraform.tfstate TF002', 'x.tfplan TF004', 'y.tfplan TF004']);
    // --ignore-pattern and the ignore file still exclude a tracked file.
    expect(reported(dir, await run(dir, { ignorePatterns: ['/terraform.tfstate'] }))).toEqual([]);
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint-ignore'), 'terraform.tfstate\n');
    expect(reported(dir, await run(dir))).toEqual([]);
  });

  it('a committed plan that .gitignore excludes is reported (TF004); an untracked one is still skipped', async () => {
    const dir = repository(['x.tfplan']);
    expect(reported(dir, await run(dir))).toEqual(['x.tfplan TF004']);
  });

  it('reads version 3 and 4 indexes (4: prefix-compressed paths), SHA-256 object names and an index without checksum', async () => {
    const tracked = ['terraform.tfstate', 'x.tfplan', 'envs/prod/terraform.tfstate'];
    const extra = { 'envs/prod/terraform.tfstate': STATE, 'envs/prod/old.tfstate': STATE };
    const expected = ['envs/prod/terraform.tfstate TF002', 'terraform.tfstate TF002', 'x.tfplan TF004'];
    for (const options of [{ version: 4 }, { version: 3 }, { version: 4, hashSize: 32 }, { version: 2, skipHash: true }, { version: 4, extensions: [['TREE', Buffer.from('0 1\n')]] }] as IndexOptions[]) {
      const dir = repository(tracked, options, extra);
      expect(reported(dir, await run(dir)), JSON.stringify(options)).toEqual(expected);
    }
  });

  it('a folder .gitignore excludes is entered for the tracked files in it only', async () => {
    const dir = repository(['state/prod.tfstate'], {}, { '.gitignore': '*.tfstate\n*.tfplan\nstate/\n', 'state/prod.tfstate': STATE, 'state/dev.tfstate': STATE, 'state/old/x.tfstate': STATE });
    expect(reported(dir, await run(dir))).toEqual(['state/prod.tfstate TF002']);
    // Named, the folder is walked as the run over the root walks it.
    expect(reported(dir, await run(path.join(dir, 'state'), { root: dir }))).toEqual(['state/prod.tfstate TF002']);
  });

  it('a worktree or submodule: a .git file whose gitdir is inside the scan root is followed', async () => {
    const dir = tree({
      '.gitignore': '*.tfstate\n',
      'wt/.git': 'gitdir: ../.repo/worktrees/wt\n',
      'wt/terraform.tfstate': STATE,
      'wt/local.tfstate': STATE,
      '.repo/worktrees/wt/index': gitIndex(['terraform.tfstate']),
    });
    expect(reported(dir, await run(dir))).toEqual(['wt/terraform.tfstate TF002']);
  });
});

describe('.gitignore and tracked files: an index that cannot be read leaves .gitignore deciding, said under --verbose', () => {
  const fallback = async (dir: string, said: RegExp, file = '.git/index'): Promise<void> => {
    const r = await run(dir);
    expect(reported(dir, r)).toEqual([]);
    const lines = r.skipped.filter((s) => s.file === path.join(dir, file));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.reason).toMatch(said);
    expect(lines[0]!.reason).toMatch(/files that \.gitignore excludes are not linted, tracked or not/);
  };

  it('a damaged index (a byte changed under its checksum); not read at all when .gitignore excludes nothing', async () => {
    const index = gitIndex(['terraform.tfstate']);
    index[20] ^= 1;
    await fallback(repository([], index), /checksum does not match/);
    const dir = repository([], index, { '.gitignore': '' });
    const r = await run(dir);
    expect(reported(dir, r)).toEqual(['local.tfstate TF002', 'terraform.tfstate TF002', 'x.tfplan TF004', 'y.tfplan TF004']);
    expect(r.skipped).toEqual([]);
  });

  it('a truncated index, an unknown version, a hostile entry count, a split index', async () => {
    const good = gitIndex(['terraform.tfstate', 'x.tfplan']);
    const cut = good.subarray(0, 70);
    await fallback(repository([], Buffer.concat([cut, createHash('sha1').update(cut).digest()])), /truncated/);
    const v5 = Buffer.from(good);
    v5.writeUInt32BE(5, 4);
    await fallback(repository([], v5), /version 5 index/);
    const huge = Buffer.from(good.subarray(0, good.length - 20));
    huge.writeUInt32BE(0xffffffff, 8);
    await fallback(repository([], Buffer.concat([huge, createHash('sha1').update(huge).digest()])), /4294967295 entries/);
    await fallback(repository([], gitIndex(['terraform.tfstate'], { extensions: [['link', Buffer.alloc(20)]] })), /split index/);
    await fallback(repository([], Buffer.from('not an index')), /not a git index/);
  });

  it('a .git file pointing outside the scan root is not followed', async () => {
    const outside = tree({ index: gitIndex(['terraform.tfstate']) });
    const dir = tree({ '.gitignore': '*.tfstate\n', '.git': `gitdir: ${outside}\n`, 'terraform.tfstate': STATE });
    await fallback(dir, /outside the scan root/, '.git');
  });
});

describe('.gitignore and tracked files: pre-commit (files given by name)', () => {
  it('a tracked file .gitignore excludes, given by name, is linted; an untracked one is left out', async () => {
    const dir = repository(['terraform.tfstate']);
    const given = ['terraform.tfstate', 'local.tfstate', 'main.tf'];
    // What the CLI leaves out before lint() (cli/main.ts), then the run the hook makes.
    const left = ignoredFiles(given, dir, { gitignore: true, ignorePatterns: [] });
    expect([...left]).toEqual(['local.tfstate']);
    const files = given.filter((f) => !left.has(f)).map((f) => path.join(dir, f));
    const r = await lint({ paths: files, onlyFiles: files, root: dir, noConfig: true, rules: ['TF002'], errorOnUnmatchedFile: false });
    expect(reported(dir, r)).toEqual(['terraform.tfstate TF002']);
  });

  it('with an index that cannot be read, the file is left out as before and the reason is told', () => {
    const dir = repository([], Buffer.from('DIRC'));
    const unread: string[] = [];
    expect([...ignoredFiles(['terraform.tfstate'], dir, { gitignore: true, ignorePatterns: [], onUnreadIndex: (file, reason) => unread.push(`${path.relative(dir, file)}: ${reason}`) })]).toEqual(['terraform.tfstate']);
    expect(unread).toEqual([expect.stringMatching(/^\.git\/index: it is not a git index/)]);
  });
});

const gitAvailable = spawnSync('git', ['--version']).status === 0;

describe('the index reader against git', () => {
  it.skipIf(!gitAvailable)('lists what `git ls-files` lists, in versions 2, 3 and 4', async () => {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: os.tmpdir() };
    const files = { 'a/b/c.tf': '', 'a/b/e.tf': '', 'a/d.tf': '', 'a/z/y/x.tf': '', 'sp ace/é.tf': '', [`${Array(12).fill('long'.repeat(40)).join('/')}/f.tf`]: '', 'terraform.tfstate': STATE };
    for (const version of ['2', '3', '4']) {
      const dir = tree(files);
      const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
      expect(git('init', '-q').status).toBe(0);
      expect(git('add', '-A').status).toBe(0);
      expect(git('update-index', '--index-version', version).status).toBe(0);
      const parsed = parseGitIndex(fs.readFileSync(path.join(dir, '.git', 'index')));
      const listed = git('-c', 'core.quotePath=false', 'ls-files').stdout.split('\n').filter(Boolean).sort();
      expect('paths' in parsed && [...parsed.paths].sort()).toEqual(listed);
      // Every folder that holds a listed path, each once (`a` and `a/b` for `a/b/c.tf`).
      const folders = new Set(listed.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
      expect('folders' in parsed && [...parsed.folders].sort()).toEqual([...folders].sort());
    }
  });

  it('a path of 4,095 bytes or more (its length field says 0xFFF) and a deep v4 prefix', () => {
    const long = `${'d/'.repeat(2500)}terraform.tfstate`;
    for (const version of [2, 4] as const) {
      const parsed = parseGitIndex(gitIndex([long, `${'d/'.repeat(2500)}x.tfplan`, 'main.tf'], { version }));
      expect('paths' in parsed && [...parsed.paths].sort()).toEqual([`${'d/'.repeat(2500)}terraform.tfstate`, `${'d/'.repeat(2500)}x.tfplan`, 'main.tf'].sort());
    }
  });
});
