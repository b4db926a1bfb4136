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
