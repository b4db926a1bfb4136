/**
 * A small glob matcher for config paths (`environments`, `ignorePaths`, `suppressions`):
 *
 * - `**` matches any number of folders (also none); `*` and `?` stay within one path segment;
 *   `{a,b}` alternatives (not nested); `[abc]` / `[!abc]` character classes.
 * - A glob without `/` (other than a trailing one) matches at any depth: `prod` ≡ `**\/prod`.
 * - A glob that matches a folder matches everything in it: `infra/dev` matches `infra/dev/main.tf`.
 * - Paths are `/`-separated and relative; matching is case-sensitive.
 */
import { re2 } from '../core/re2.js';

/** Globs come from config files in the scanned repository: matched by RE2 (linear time), never a backtracking RegExp. */
export interface GlobMatcher {
  test(path: string): boolean;
}

const cache = new Map<string, GlobMatcher>();

function escape(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

export function globToRegExp(glob: string): GlobMatcher {
  const hit = cache.get(glob);
  if (hit) return hit;
  let g = glob.trim().replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  while (g.length > 1 && g.endsWith('/')) g = g.slice(0, -1);
  // `dir/**` ≡ `dir` (a folder matches everything in it, and the folder itself).
  while (g.length > 3 && g.endsWith('/**')) g = g.slice(0, -3);
  const anchored = g.startsWith('/') || g.slice(0, -1).includes('/');
  if (g.startsWith('/')) g = g.slice(1);
  let re = '';
  let inBrace = false;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const atStart = i === 0 || g[i - 1] === '/';
        i++;
        if (atStart && g[i + 1] === '/') {
          re += '(?:[^/]*/)*';
          i++;
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{' && !inBrace) {
      inBrace = true;
      re += '(?:';
    } else if (c === '}' && inBrace) {
      inBrace = false;
      re += ')';
    } else if (c === ',' && inBrace) re += '|';
    else if (c === '[') {
      const end = g.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = g.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += escape(c);
  }
  if (inBrace) re += ')';
  const full = re2().compile(`^${anchored ? '' : '(?:[^/]*/)*'}${re}(?:/.*)?$`);
  cache.set(glob, full);
  return full;
}

/** Why a glob cannot be used (a character class the regular expression engine rejects, `[z-a]`), else undefined. */
export function globProblem(glob: string): string | undefined {
  try {
    globToRegExp(glob);
    return undefined;
  } catch (e) {
    // The engine's text names its own regular expression; only a reversed range is worth quoting.
    const range = e instanceof Error ? /invalid character class range: `[^`]*`/.exec(e.message)?.[0] : undefined;
    return range ?? 'a character class in it is not valid';
  }
}

/** True when `relPath` (relative, `/`-separated) or one of its folders matches `glob`. */
export function matchGlob(glob: string, relPath: string): boolean {
  return globToRegExp(glob).test(normalizeRel(relPath));
}

export function normalizeRel(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/\/+$/, '');
}
