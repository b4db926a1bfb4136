/**
 * gitignore patterns, with git's own semantics (gitignore(5), git's dir.c and wildmatch.c):
 *
 * - blank lines and `#` comments are skipped; `\#` and `\!` start a literal pattern;
 * - trailing spaces are dropped unless escaped (`\ `);
 * - `!` re-includes what an earlier pattern excluded (a file inside an excluded folder
 *   cannot be re-included: the walker never enters that folder);
 * - a trailing `/` matches folders only;
 * - a pattern with a `/` at its start or in its middle is anchored to the folder of the file
 *   it is in; without one it matches a name at any depth;
 * - `*` and `?` never match `/`; `[...]` classes (with `!`/`^` negation, ranges and
 *   `[:alpha:]`-style names); `**` as a whole segment matches any number of folders (a
 *   leading `**` and slash, a `/**` and slash in the middle, a trailing `/**`); anywhere else
 *   it is a plain `*`;
 * - within one file the last matching pattern wins; a deeper file wins over a shallower one.
 *
 * Two deliberate differences: a UTF-8 BOM and a trailing `\r` (a file saved on Windows) are
 * dropped, so such a file still works. Matching is case-sensitive, as git's is on Linux.
 */
import { re2 } from '../core/re2.js';

export interface IgnoreRule {
  /** The line as written (for messages and tests). */
  source: string;
  /** `!pattern`: re-include. */
  negate: boolean;
  /** `pattern/`: folders only. */
  dirOnly: boolean;
  /** No `/` except a trailing one: matched against the entry's name at any depth. */
  nameOnly: boolean;
  /** Whether the pattern matches a name (`nameOnly`) or a relative path. */
  test: (s: string) => boolean;
}

/**
 * Past this many `*`/`**` wildcards a pattern is matched by RE2 (linear time): an ignore file
 * comes with the scanned code, and a backtracking engine takes exponential time on a line of
 * a dozen `**` segments ending in `zz` against a deep path (audit 54: a one-line `.gitignore`
 * stalled a run for minutes). Fewer wildcards keep V8's faster engine: their backtracking is
 * bounded by a small power.
 */
const MAX_BACKTRACKING_WILDCARDS = 2;

/** Parses the text of a `.gitignore`-syntax file into rules, in file order. */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const rawLine of body.split('\n')) {
    const rule = parseIgnoreLine(rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** One pattern line, or undefined for a blank line, a comment or a pattern that can never match. */
export function parseIgnoreLine(line: string): IgnoreRule | undefined {
  let p = trimTrailingSpaces(line);
  if (p === '' || p.startsWith('#')) return undefined;
  const source = p;
  let negate = false;
  if (p.startsWith('!')) {
    negate = true;
    p = p.slice(1);
  }
  let dirOnly = false;
  if (p.endsWith('/') && !p.endsWith('\\/')) {
    dirOnly = true;
    p = p.replace(/\/+$/, '');
  }
  if (p === '') return undefined;
  const nameOnly = !p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const body = nameOnly ? segmentRegex(p) : pathRegex(p);
  // An empty class (`[]` never closed as one) matches nothing: git's verdict too.
  if (body === undefined || body.includes(NEVER)) return undefined;
  const wildcards = body.split(/\[\^\/\]\*|\.\*|\.\+/).length - 1;
  let re: { test(text: string): boolean };
  try {
    re = wildcards > MAX_BACKTRACKING_WILDCARDS ? re2().compile(`^${body}$`) : new RegExp(`^${body}$`);
  } catch {
    // A class RE2 refuses (none is known: the classes are built from ranges): the line matches nothing.
    return undefined;
  }
  return { source, negate, dirOnly, nameOnly, test: (text) => re.test(text) };
}

/** Drops trailing spaces that are not escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && !isEscaped(line, end - 1)) end--;
  return line.slice(0, end);
}

/** True when the character at `i` is preceded by an odd number of backslashes. */
function isEscaped(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** An anchored pattern (relative path with `/`): `**` segments span folders. */
function pathRegex(pattern: string): string | undefined {
  const segments = pattern.split('/');
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === '**') {
      // `a/**` is everything inside a; `**/b` and `a/**/b` allow zero or more folders.
      out += last ? '.+' : '(?:.*/)?';
      continue;
    }
    const re = segmentRegex(seg);
    if (re === undefined) return undefined;
    out += re + (last ? '' : '/');
  }
  return out;
}

/** What a class with no member becomes: the pattern can never match (`parseIgnoreLine` drops it). */
const NEVER = '(?!)';

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-.0-~',
  lower: 'a-z',
  print: ' -.0-~',
  punct: '!-.:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

/** One path segment (no `/`) as a regex body, or undefined when a `[` is never closed (git: no match). */
function segmentRegex(seg: string): string | undefined {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\') {
      // A trailing lone backslash matches nothing in git; treat it as a literal backslash.
      const next = seg[i + 1];
      out += escapeRegex(next ?? '\\');
      i++;
      continue;
    }
    if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const cls = bracket(seg, i);
      if (!cls) return undefined;
      out += cls.regex;
      i = cls.end;
      continue;
    }
    out += escapeRegex(c);
  }
  return out;
}

/** A `[...]` class starting at `start`: its regex and the index of its closing `]`. */
function bracket(seg: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === ']' && !first) return { regex: negate ? `[^/${body}]` : body === '' ? NEVER : `[${body}]`, end: i };
    first = false;
    if (c === '[' && seg[i + 1] === ':') {
      const close = seg.indexOf(':]', i + 2);
      const name = close < 0 ? undefined : seg.slice(i + 2, close);
      if (name !== undefined && POSIX_CLASSES[name]) {
        body += POSIX_CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    let ch = c;
    if (c === '\\') {
      i++;
      if (i >= seg.length) return undefined;
      ch = seg[i]!;
    }
    if (seg[i + 1] === '-' && seg[i + 2] !== undefined && seg[i + 2] !== ']') {
      let hi = seg[i + 2]!;
      let skip = 2;
      if (hi === '\\') {
        if (seg[i + 3] === undefined) return undefined;
        hi = seg[i + 3]!;
        skip = 3;
      }
      if (ch <= hi && !(ch <= '/' && hi >= '/')) body += `${escapeClass(ch)}-${escapeClass(hi)}`;
      else if (ch <= hi) body += rangeWithoutSlash(ch, hi);
      i += skip;
      continue;
    }
    if (ch !== '/') body += escapeClass(ch);
  }
  return undefined;
}

/** A range that spans `/`, split around it (a class never matches `/` in a path). */
function rangeWithoutSlash(lo: string, hi: string): string {
  let out = '';
  if (lo < '/') out += `${escapeClass(lo)}-${escapeClass('.')}`;
  if (hi > '/') out += `${escapeClass('0')}-${escapeClass(hi)}`;
  return out;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

/**
 * The verdict of one rule list for a path relative to the list's folder: `true` excluded,
 * `false` re-included, `undefined` no rule matched (ask the next list).
 */
export function matchRules(rules: readonly IgnoreRule[], relPath: string, isDir: boolean): boolean | undefined {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (r.dirOnly && !isDir) continue;
    if (r.test(r.nameOnly ? name : relPath)) return !r.negate;
  }
  return undefined;
}
