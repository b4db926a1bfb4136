/**
 * Path arithmetic on the scan's own paths without path.resolve's re-normalizing: the paths the
 * folder listings made are normal absolute POSIX paths, and path.resolve / path.relative build
 * the normalized path anew, character by character, on each call (every module folder and var
 * file of a unit asks a few times; issue 15's allocation profile). Each function gives
 * path.resolve's / path.relative's answer, and falls back to them for any other path.
 */
import path from 'node:path';

/** Not a normal absolute POSIX path: `//`, a `.` or `..` segment, a trailing `/`. */
const NOT_PLAIN = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** A normal absolute POSIX path other than `/` (what path.resolve returns unchanged). */
export function isPlain(p: string): boolean {
  return path.sep === '/' && p.length > 1 && p.charCodeAt(0) === 47 /* / */ && !NOT_PLAIN.test(p);
}

/** `path.relative(dir, p)`: for a plain `p` below `dir`, the rest of `p` after `dir/`. */
export function relativePath(dir: string, p: string): string {
  if (dir.length > 1 && p.length > dir.length + 1 && p.charCodeAt(dir.length) === 47 && p.startsWith(dir) && isPlain(p)) return p.slice(dir.length + 1);
  return path.relative(dir, p);
}
