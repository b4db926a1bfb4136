/**
 * Paths as the linter shows and matches them: relative to the scan root, with `/` separators
 * on every platform (fingerprints, reports, config globs, environment words, variant names).
 */
import fs from 'node:fs';
import path from 'node:path';

/** A path relative to `root` with `/` separators (`''` for the root itself). */
export function relativeToRoot(root: string, file: string): string {
  // The common case without path.relative's resolving of both paths (it is called for every
  // file, finding and unit): on POSIX, a normalized absolute file below a normalized absolute
  // root is the rest of its path.
  if (path.sep === '/' && file.length > root.length + 1 && file.charCodeAt(root.length) === 47 && file.startsWith(root) && plainRoot(root) && !NOT_PLAIN.test(file.slice(root.length))) {
    return file.slice(root.length + 1);
  }
  return path.relative(root, file).split(path.sep).join('/');
}

/** An empty, `.` or `..` segment, or a trailing `/`: a path path.relative would normalize first. */
const NOT_PLAIN = /\/\/|\/\.\.?(?:\/|$)|\/$/;

let lastPlainRoot = '';
/** An absolute root that path.resolve leaves as it is (checked once per root). */
function plainRoot(root: string): boolean {
  if (root === lastPlainRoot) return true;
  const plain = root.startsWith('/') && root.length > 1 && !NOT_PLAIN.test(root);
  if (plain) lastPlainRoot = root;
  return plain;
}

/** Whether `p` is `dir` or below it (both absolute). */
export function isWithin(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The nearest folder at or above `file`'s own, up to `root` itself, that `accepts` takes;
 * undefined when none does before the walk leaves the root (a var file's module, the top of the
 * repository holding a given file).
 */
export function nearestFolder(file: string, root: string, accepts: (dir: string) => boolean): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (accepts(dir)) return dir;
    const rel = path.relative(root, dir);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  }
}

/**
 * The path of `p` (a file or a folder) from the top of the repository that holds it, `/`-separated
 * (`.` for the top itself): the nearest folder at or above `p`, inside `root`, that `isTop` takes
 * (it has a `.git`); else the scan root's path from the repository above it (`above`,
 * FrontEndContext.envAbove) joined with `p`'s from the root; else `p`'s from the root. Folder-name
 * decisions (TF001's demonstration roots, SEC001's sample files) read it, so they do not depend on
 * the folder a scan is started from, nor on the folders a checkout lives in above its top.
 */
export function repositoryPath(p: string, root: string, above: string | undefined, isTop: (dir: string) => boolean): string {
  if (isWithin(root, p)) {
    for (let dir = p; ; dir = path.dirname(dir)) {
      if (isTop(dir)) return relativeToRoot(dir, p) || '.';
      if (relativeToRoot(root, dir) === '') break;
    }
  }
  const rel = relativeToRoot(root, p);
  return [above, rel].filter(Boolean).join('/') || '.';
}

/** Whether `p` is an existing folder (following links); false for anything else or an error. */
export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `p` with its links resolved; `p` itself when it cannot be (it does not exist, a loop). */
export function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
