/**
 * Which files git tracks, for the ignore rules: gitignore(5) "Files already tracked by Git are
 * not affected" — a committed terraform.tfstate stays in the repository (and in its history)
 * after `*.tfstate` is added to .gitignore, so the walk lints it (TF002). Read from the
 * repository's index file (git-index.ts), never by running git; asked only when a .gitignore
 * pattern excludes something, so a run without such files opens no index.
 *
 * The repository of a path is the nearest folder at or above it, up to the scan root, with a
 * `.git`: a folder, or a file `gitdir: <path>` (a worktree or a submodule) whose target is inside
 * the scan root. Nothing outside the root is read: a `.git` above it, or a `gitdir:` pointing out
 * of it, leaves .gitignore deciding alone, as does an index that cannot be read; each is said
 * once (`onUnread`, a `--verbose` line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ioErrorText } from '../core/io-error.js';
import { isWithin, realpathOr } from '../core/paths.js';
import { MAX_INDEX_BYTES, parseGitIndex, type IndexPaths } from './git-index.js';

export interface TrackedPaths {
  /** The file (absolute) is listed in its repository's index. */
  isTracked(file: string): boolean;
  /** The folder (absolute) holds a path listed in its repository's index (or is a submodule's). */
  holdsTracked(dir: string): boolean;
  /** An index was read for the repository that holds this folder (absolute). */
  knows(dir: string): boolean;
}

/** Told once per repository whose index is not read: the path said (an index, a `.git`) and why. */
export type UnreadIndex = (file: string, reason: string) => void;

/** The consequence added to every reason (one line under --verbose). */
const FALLBACK = 'files that .gitignore excludes are not linted, tracked or not (a committed terraform.tfstate is not reported)';

interface Repository {
  top: string;
  index: IndexPaths | undefined;
}

/** Tracked paths under `root` (the scan root): repositories found and indexes read on demand. */
export function trackedPaths(root: string, onUnread?: UnreadIndex): TrackedPaths {
  const realRoot = realpathOr(root);
  const byFolder = new Map<string, Repository | null>();
  const said = new Set<string>();
  const unread = (file: string, reason: string): undefined => {
    if (!said.has(file)) {
      said.add(file);
      onUnread?.(file, `${reason}; ${FALLBACK}`);
    }
    return undefined;
  };

  /** The repository of `dir` (a folder at or below the root), or null outside any. */
  function repositoryOf(start: string): Repository | null {
    const passed: string[] = [];
    let found: Repository | null | undefined;
    for (let dir = start; found === undefined; dir = path.dirname(dir)) {
      found = byFolder.get(dir);
      if (found !== undefined) break;
      passed.push(dir);
      const st = lstatOrUndefined(path.join(dir, '.git'));
      if (st) found = { top: dir, index: readRepositoryIndex(path.join(dir, '.git'), st) };
      else if (!isWithin(root, dir) || path.resolve(dir) === path.resolve(root)) found = aboveRoot(dir);
    }
    for (const dir of passed) byFolder.set(dir, found);
    return found;
  }

  /** At the root without a `.git`: one above it is not read (only whether there is one, as api.ts repositoryTopOf). */
  function aboveRoot(rootDir: string): Repository | null {
    let dir = path.dirname(rootDir);
    for (let i = 0; i < 64 && dir !== path.dirname(dir); i++, dir = path.dirname(dir)) {
      const dotGit = path.join(dir, '.git');
      if (fs.existsSync(dotGit)) return { top: dir, index: unread(dotGit, 'the repository is above the scan root, and nothing above the root is read (lint from the top of the repository)') };
    }
    return null;
  }

  function readRepositoryIndex(dotGit: string, st: fs.Stats): IndexPaths | undefined {
    let gitDir = dotGit;
    if (st.isFile()) {
      const bytes = readBounded(dotGit, 4096);
      const m = Buffer.isBuffer(bytes) ? /^gitdir: *(.+?)\s*$/m.exec(bytes.toString('utf8')) : undefined;
      if (!m) return unread(dotGit, 'it is a file without a "gitdir:" line');
      gitDir = path.resolve(path.dirname(dotGit), m[1]!);
    } else if (!st.isDirectory() && !st.isSymbolicLink()) {
      return unread(dotGit, 'it is neither a folder nor a file');
    }
    const realGitDir = realpathOr(gitDir);
    if (!isWithin(realRoot, realGitDir)) return unread(dotGit, `the repository's folder ${gitDir} is outside the scan root, and nothing outside it is read`);
    const index = path.join(realGitDir, 'index');
    const cached = indexAt(index);
    if (cached === 'missing') return undefined;
    if ('reason' in cached) return unread(index, cached.reason);
    return cached;
  }

  const relTo = (top: string, p: string): string => path.relative(top, p).split(path.sep).join('/');
  return {
    isTracked(file) {
      const repo = repositoryOf(path.dirname(file));
      if (!repo?.index) return false;
      const rel = relTo(repo.top, file);
      return repo.index.paths.has(rel) || repo.index.sparse.some((s) => rel.startsWith(`${s}/`));
    },
    holdsTracked(dir) {
      const repo = repositoryOf(path.dirname(dir));
      if (!repo?.index) return false;
      const rel = relTo(repo.top, dir);
      const { paths, folders, sparse } = repo.index;
      return folders.has(rel) || paths.has(rel) || sparse.some((s) => s === rel || s.startsWith(`${rel}/`) || rel.startsWith(`${s}/`));
    },
    knows(dir) {
      return repositoryOf(dir)?.index !== undefined;
    },
  };
}

/**
 * The index at `file`, parsed once per run: kept by its place and its stat signature (a later
 * run in the same process, a `git add` in between, reads it again).
 */
const indexes = new Map<string, { signature: string; result: IndexPaths | { reason: string } | 'missing' }>();

function indexAt(file: string): IndexPaths | { reason: string } | 'missing' {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    // A repository with nothing added yet has no index: nothing is tracked, which is decided.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : { reason: `cannot read it: ${ioErrorText(e)}` };
  }
  const signature = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  const known = indexes.get(file);
  if (known?.signature === signature) return known.result;
  let result: IndexPaths | { reason: string };
  if (!st.isFile()) result = { reason: 'it is not a regular file' };
  else if (st.size > MAX_INDEX_BYTES) result = { reason: `it is ${st.size} bytes, more than the ${MAX_INDEX_BYTES} read` };
  else {
    const buf = readBounded(file, MAX_INDEX_BYTES);
    result = Buffer.isBuffer(buf) ? parseGitIndex(buf) : buf;
  }
  // A few repositories (submodules) at most are kept, so memory stays bounded in a long-lived process.
  indexes.delete(file);
  if (indexes.size >= 8) indexes.delete(indexes.keys().next().value!);
  indexes.set(file, { signature, result });
  return result;
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/** A regular file of at most `max` bytes, never blocking on a FIFO. */
function readBounded(file: string, max: number): Buffer | { reason: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { reason: 'it is not a regular file' };
    if (st.size > max) return { reason: `it is larger than ${max} bytes` };
    const buf = Buffer.alloc(st.size);
    let n = 0;
    for (let got = 1; n < buf.length && got > 0; n += got) got = fs.readSync(fd, buf, n, buf.length - n, n);
    return n < buf.length ? { reason: 'it changed while it was read' } : buf;
  } catch (e) {
    return { reason: `cannot read it: ${ioErrorText(e)}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
