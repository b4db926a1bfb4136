/**
 * Discovery: walks the given paths and lists the files some front end may read (each
 * front end classifies its own files, `src/frontends/`). Never enters a linked folder (a link to a
 * file inside the root is a file of its folder: `Host.list`); skips VCS, dependency and Terraform
 * cache folders, and what `.gitignore`, `.mlops-iac-lint-ignore` and `--ignore-pattern`
 * exclude — except that .gitignore never excludes a file git tracks (tracked.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../core/host.js';
import { isWithin } from '../core/paths.js';
import { matchRules, parseIgnoreFile, type IgnoreRule } from './gitignore.js';
import { trackedPaths, type TrackedPaths, type UnreadIndex } from './tracked.js';

export type { UnreadIndex } from './tracked.js';


/**
 * Folders never entered: version control, dependencies, Terraform's and Terragrunt's caches (a
 * `.terragrunt-cache` holds generated working copies of modules that are linted where written),
 * Python environments.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache', '.venv']);

/** The same folders as fast-glob ignore patterns (for glob expansion of command-line paths). */
export const DEFAULT_IGNORES = [...SKIPPED_FOLDERS].map((d) => `**/${d}/**`);

export interface DiscoverOptions {
  /**
   * The scan root: `.mlops-iac-lint-ignore` and `--ignore-pattern` are relative to it, and
   * `.gitignore` files are read from it down to every file (default: each given path).
   */
  root?: string;
  /** Respect `.gitignore` files (default true; `--no-gitignore` turns it off). */
  gitignore?: boolean;
  /** Patterns in gitignore syntax, relative to the root (`--ignore-pattern`, repeatable). */
  ignorePatterns?: string[];
  /** Folder listing and file reading (default: the file system). A core `Host` fits. */
  reader?: DiscoverReader;
  /** Told about each folder that could not be listed. */
  onUnreadable?: (dir: string) => void;
  /** Files found in folders are kept when this says so (some front end reads them); files named explicitly always are. */
  accept?(file: string): boolean;
  /** Filled with the files found by walking a folder (a file named explicitly is not, unless a walk found it too). */
  walked?: Set<string>;
  /** Told about each folder and each accepted file the ignore rules exclude (not the folders never walked, such as `node_modules`). */
  onIgnored?(path: string, isDir: boolean): void;
  /**
   * Told, once per repository, when .gitignore excluded something and the repository's index
   * (which says what git tracks: a tracked file is never ignored) could not be read (tracked.ts).
   */
  onUnreadIndex?: UnreadIndex;
}

export type DiscoverReader = Pick<Host, 'list' | 'readText'>;

/** The ignore file read at the scan root (gitignore syntax). */
export const IGNORE_FILE = '.mlops-iac-lint-ignore';

/** The rules of one ignore file (or of the command line), with the folder they are relative to. */
interface IgnoreLevel {
  dir: string;
  rules: IgnoreRule[];
}

/**
 * Lists candidate files under the given paths (files or folders), sorted. A file given by
 * name is always listed (the CLI leaves out, with a warning, a named file that the ignore
 * rules exclude: see isIgnoredPath); files found by walking a folder are subject to the rules:
 * `--ignore-pattern` first, then `.mlops-iac-lint-ignore`, then the `.gitignore` files from
 * the deepest folder up (the first list with a matching rule decides; see gitignore.ts).
 * An ignored folder is not entered, so nothing inside it can be re-included (as in git); but
 * what .gitignore excludes and git tracks is listed (gitignore(5): "Files already tracked by Git
 * are not affected"), and a folder it excludes is entered for the tracked files in it only.
 */
export async function listFiles(paths: string[], opts: DiscoverOptions = {}): Promise<string[]> {
  const reader = opts.reader ?? fsReader;
  const useGitignore = opts.gitignore !== false;
  const out = new Set<string>();
  const tracked = trackedLookup(opts.onUnreadIndex);
  for (const p of paths) {
    const abs = path.resolve(p);
    const st = fs.lstatSync(abs);
    if (st.isFile()) {
      out.add(abs);
      continue;
    }
    if (!st.isDirectory()) continue;
    const root = opts.root !== undefined && isWithin(path.resolve(opts.root), abs) ? path.resolve(opts.root) : abs;
    const overrides = overrideLevels(reader, root, opts.ignorePatterns);
    // The .gitignore files of the folders between the root and this path apply too.
    const gitLevels: IgnoreLevel[] = [];
    // A folder .gitignore excludes (or one inside it), walked because it was named or holds a
    // given file: only its tracked files are listed, as a walk from the root lists them. When no
    // index says what is tracked, the folder is walked whole as before (its caller chose it).
    let ignored = false;
    if (useGitignore) {
      for (let dir = root; dir !== abs; ) {
        const rules = readRules(reader, path.join(dir, '.gitignore'));
        if (rules.length > 0) gitLevels.push({ dir, rules });
        dir = path.join(dir, path.relative(dir, abs).split(path.sep)[0]!);
        if (!ignored && exclusion(dir, true, overrides, gitLevels) === 'gitignore') ignored = true;
      }
      if (ignored) ignored = tracked(root).knows(abs);
    }
    const found = new Set<string>();
    walk(abs, gitLevels, ignored, { reader, useGitignore, overrides, tracked: () => tracked(root), onUnreadable: opts.onUnreadable, accept: opts.accept, onIgnored: opts.onIgnored }, found);
    for (const f of found) {
      out.add(f);
      opts.walked?.add(f);
    }
  }
  return [...out].sort();
}

/** One TrackedPaths per scan root, made on first use (a run without ignored files reads no index). */
function trackedLookup(onUnread: UnreadIndex | undefined): (root: string) => TrackedPaths {
  const byRoot = new Map<string, TrackedPaths>();
  return (root) => {
    let t = byRoot.get(root);
    if (!t) byRoot.set(root, (t = trackedPaths(root, onUnread)));
    return t;
  };
}

interface WalkContext {
  reader: DiscoverReader;
  useGitignore: boolean;
  overrides: readonly IgnoreLevel[];
  tracked(): TrackedPaths;
  onUnreadable?: (dir: string) => void;
  accept?(file: string): boolean;
  onIgnored?(path: string, isDir: boolean): void;
}

/**
 * Depth-first walk with an explicit stack (no recursion limit on deep trees). `ignored`: inside
 * a folder .gitignore excludes, entered for its tracked files, the only ones listed there.
 */
function walk(start: string, initial: IgnoreLevel[], startIgnored: boolean, ctx: WalkContext, out: Set<string>): void {
  const stack: { dir: string; levels: IgnoreLevel[]; ignored: boolean }[] = [{ dir: start, levels: initial, ignored: startIgnored }];
  while (stack.length > 0) {
    const { dir, levels: inherited, ignored } = stack.pop()!;
    const entries = ctx.reader.list(dir);
    if (entries === undefined) {
      ctx.onUnreadable?.(dir);
      continue;
    }
    let levels = inherited;
    if (ctx.useGitignore) {
      const rules = readRules(ctx.reader, path.join(dir, '.gitignore'), entries);
      if (rules.length > 0) levels = [...inherited, { dir, rules }];
    }
    const subdirs: { dir: string; ignored: boolean }[] = [];
    for (const e of entries) {
      if (e.isDirectory) {
        if (SKIPPED_FOLDERS.has(e.name)) continue;
        const why = exclusion(e.path, true, ctx.overrides, levels);
        // The index is asked only here, when .gitignore excluded something.
        if (why === 'rules' || ((why === 'gitignore' || ignored) && !ctx.tracked().holdsTracked(e.path))) {
          ctx.onIgnored?.(e.path, true);
          continue;
        }
        subdirs.push({ dir: e.path, ignored: ignored || why === 'gitignore' });
      } else if (e.isFile && (ctx.accept?.(e.path) ?? true)) {
        const why = exclusion(e.path, false, ctx.overrides, levels);
        if (why === undefined && !ignored) out.add(e.path);
        else if (why !== 'rules' && ctx.tracked().isTracked(e.path)) out.add(e.path);
        else ctx.onIgnored?.(e.path, false);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push({ ...subdirs[i]!, levels });
  }
}

/**
 * What excludes a path, the first list with a matching rule deciding: `rules` (an override:
 * `--ignore-pattern` or the ignore file), else `gitignore` (a .gitignore file, deepest first;
 * a tracked path is listed all the same), else undefined (not excluded).
 */
function exclusion(file: string, isDir: boolean, overrides: readonly IgnoreLevel[], levels: readonly IgnoreLevel[]): 'rules' | 'gitignore' | undefined {
  for (const l of overrides) {
    const verdict = verdictOf(l, file, isDir);
    if (verdict !== undefined) return verdict ? 'rules' : undefined;
  }
  for (let i = levels.length - 1; i >= 0; i--) {
    const verdict = verdictOf(levels[i]!, file, isDir);
    if (verdict !== undefined) return verdict ? 'gitignore' : undefined;
  }
  return undefined;
}

function verdictOf(level: IgnoreLevel, file: string, isDir: boolean): boolean | undefined {
  // The walk asks for every entry at every level: a path below the level's folder is cut from it
  // (path.relative normalises both paths each time: a third of a pre-commit run's discovery).
  const dir = level.dir;
  let rel: string;
  if (file.length > dir.length + 1 && file.startsWith(dir) && (file[dir.length] === path.sep || dir.endsWith(path.sep))) {
    rel = file.slice(dir.endsWith(path.sep) ? dir.length : dir.length + 1);
  } else {
    rel = path.relative(dir, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  }
  return matchRules(level.rules, path.sep === '/' ? rel : rel.split(path.sep).join('/'), isDir);
}

/**
 * True when the ignore rules exclude `file` (or a folder between `root` and it), as the
 * walker would decide for it. The CLI uses it for files and folders (`folder`) named on the
 * command line: a path named is excluded by the ignore rules only, never for being (or being
 * inside) a folder the walk skips (`.terraform/modules/aks`, or a file in it, named is linted).
 * What .gitignore excludes and git tracks is not excluded (a folder: when it holds a tracked file).
 */
export function isIgnoredPath(file: string, opts: DiscoverOptions & { root: string }, folder = false): boolean {
  const reader = opts.reader ?? fsReader;
  const abs = path.resolve(file);
  const root = path.resolve(opts.root);
  if (!isWithin(root, abs) || abs === root) return false;
  const overrides = overrideLevels(reader, root, opts.ignorePatterns);
  const levels: IgnoreLevel[] = [];
  const parts = path.relative(root, abs).split(path.sep);
  let tracked: TrackedPaths | undefined;
  let ignored = false;
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    if (opts.gitignore !== false) {
      const rules = readRules(reader, path.join(dir, '.gitignore'));
      if (rules.length > 0) levels.push({ dir, rules });
    }
    const next = path.join(dir, parts[i]!);
    const isDir = i < parts.length - 1 || folder;
    // A path named is linted as given, below `node_modules` or `.terraform` too (a module copy named
    // on purpose): only the ignore rules exclude it (self-review 83: a file there was refused, its folder not).
    const why = exclusion(next, isDir, overrides, levels);
    if (why === 'rules') return true;
    if (why === 'gitignore' || ignored) {
      tracked ??= trackedPaths(root, opts.onUnreadIndex);
      if (!(isDir ? tracked.holdsTracked(next) : tracked.isTracked(next))) return true;
      ignored = true;
    }
    dir = next;
  }
  return false;
}

/** The lists checked before any .gitignore: `--ignore-pattern`, then the ignore file. */
function overrideLevels(reader: DiscoverReader, root: string, ignorePatterns: readonly string[] = []): IgnoreLevel[] {
  const levels: IgnoreLevel[] = [];
  const patterns = ignorePatterns.flatMap((l) => parseIgnoreFile(l));
  if (patterns.length > 0) levels.push({ dir: root, rules: patterns });
  const ignoreFile = readRules(reader, path.join(root, IGNORE_FILE));
  if (ignoreFile.length > 0) levels.push({ dir: root, rules: ignoreFile });
  return levels;
}

/**
 * The rules of an ignore file, read only when the folder listing shows it as a regular file
 * (so a Host records no "missing" problem for the many folders without one).
 */
function readRules(reader: DiscoverReader, file: string, entries = reader.list(path.dirname(file))): IgnoreRule[] {
  const name = path.basename(file);
  if (!entries?.some((e) => e.name === name && e.isFile)) return [];
  const text = reader.readText(file);
  return text === undefined ? [] : parseIgnoreFile(text);
}

/** The file system as a DiscoverReader (listings unsorted: listFiles sorts its result); only regular files read. */
const fsReader: DiscoverReader = {
  list(dir) {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .map((d) => ({ name: d.name, path: path.join(dir, d.name), isFile: d.isFile(), isDirectory: d.isDirectory() }));
    } catch {
      return undefined;
    }
  },
  readText(file) {
    try {
      // A FIFO named .gitignore would block a read forever.
      return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
};
