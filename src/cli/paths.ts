/**
 * Command-line paths: globs expanded the way a shell would (so a quoted glob works, and on
 * Windows, whose shells do not expand them), and an `--output` target checked before any
 * linting starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../api.js';
import { DEFAULT_IGNORES, isIgnoredPath, type UnreadIndex } from '../discover/index.js';
import { FRONT_ENDS } from '../frontends/index.js';

/**
 * Each path that exists is kept as written; one that does not exist but is a glob is
 * replaced by the files it matches that are of a kind the linter reads (sorted; dot folders
 * included, dependency and cache folders not, symbolic links not followed). A glob that
 * matches no such file is a usage error, as in ESLint.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (fs.existsSync(path.resolve(cwd, p))) {
      out.push(p);
      continue;
    }
    // fast-glob is loaded only for a path that is not a file: the usual run names files that
    // exist and so skips its start-up cost.
    const { default: fg } = await import('fast-glob');
    if (!fg.isDynamicPattern(p)) {
      out.push(p);
      continue;
    }
    const matches = fg
      .sync(p, { cwd, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: DEFAULT_IGNORES, suppressErrors: true })
      .map((f) => path.normalize(f))
      .filter((f) => FRONT_ENDS.some((fe) => fe.byName(f) !== undefined))
      .sort();
    if (matches.length === 0) throw new UsageError(`no file that mlops-iac-lint reads matches the pattern "${p}"`);
    out.push(...matches);
  }
  return out;
}

/**
 * Fails (a UsageError, exit 2) when a report could not be written to `file`: its folder is
 * missing, is not a folder or is not writable, or `file` is itself a folder. Called before
 * linting so that a long run does not end in a raw ENOENT.
 */
export function checkWritable(file: string, option: string): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`${option} ${file}: the folder ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`${option} ${file}: ${dir} is not a folder`);
  let target: fs.Stats | undefined;
  try {
    target = fs.statSync(abs);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) throw new UsageError(`${option} ${file}: is a folder`);
  try {
    fs.accessSync(target ? abs : dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`${option} ${file}: ${target ? 'the file' : `the folder ${dir}`} is not writable`);
  }
}

/**
 * The files and folders among `paths` that the ignore rules exclude (`.gitignore` unless turned
 * off, `.mlops-iac-lint-ignore`, `--ignore-pattern`), relative to the same root lint() uses when
 * every path is inside `cwd`; a file outside it is judged from its own folder, a folder outside it
 * is not judged (it is the root, and no ignore file above the root is read). A folder named is
 * excluded as the walk would exclude it (`infra/` ignored, or inside an ignored folder): whether a
 * file is linted does not depend on whether it or its folder was named (review 80). A file git
 * tracks is not excluded by .gitignore (discover/tracked.ts).
 */
export function ignoredFiles(paths: readonly string[], cwd: string, opts: { gitignore: boolean; ignorePatterns: string[]; onUnreadIndex?: UnreadIndex }): Set<string> {
  const abs = paths.map((p) => path.resolve(cwd, p));
  const insideCwd = abs.every((p) => isInside(cwd, p));
  const out = new Set<string>();
  for (const [i, p] of abs.entries()) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (!st.isFile() && !st.isDirectory()) continue;
    // A folder outside the current one is the scan's root: no ignore file above it is read (self-review 81).
    if (st.isDirectory() && !insideCwd) continue;
    const root = insideCwd ? cwd : path.dirname(p);
    if (isIgnoredPath(p, { root, gitignore: opts.gitignore, ignorePatterns: opts.ignorePatterns, onUnreadIndex: opts.onUnreadIndex }, st.isDirectory())) out.add(paths[i]!);
  }
  return out;
}

function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
