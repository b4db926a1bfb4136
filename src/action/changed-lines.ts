/**
 * Which lines a change touched, from the text of `git diff --unified=0`: per file (relative
 * to the repository top level, `/`-separated, as git prints it) the line ranges of the new
 * version that were added or modified, and the places where lines were only deleted.
 *
 * Pure text processing, no git and no disk: git-diff.ts runs git and hands the text here.
 */

/** Lines `[start, end]` (1-based, inclusive) of the new file that the change added or modified. */
export type LineRange = readonly [start: number, end: number];

export interface FileChanges {
  /** Sorted by start line, non-overlapping (hunks of one file never overlap). */
  added: LineRange[];
  /**
   * Pure deletions: line `n` means lines were removed between new lines `n` and `n + 1`
   * (`0`: at the top of the file). Sorted.
   */
  deletedAfter: number[];
  /** The hunks among `added` that also removed lines (a line changed, not only added). Sorted. */
  replaced?: LineRange[];
}

/**
 * `@@ -a[,b] +c[,d] @@`: a count left out means 1. With `d = 0` nothing was added and `c` is
 * the new line *before* the deletion (git's and GNU diff's convention for an empty range).
 */
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Decodes a path git printed in C-style quotes (`"b/na\"me\303\251"`): git quotes names with
 * `"`, `\`, control characters and, unless core.quotePath is false, non-ASCII bytes (as
 * octal escapes of the UTF-8 bytes).
 */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (next in simple) {
      bytes.push(simple[next]!);
      i += 1;
    } else {
      bytes.push(92); // a lone backslash: keep it as written
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The new path of a `+++ ` header line, or undefined for `/dev/null` (a deleted file).
 * Git appends a tab to a name that contains a space (for GNU patch), so one trailing tab is
 * dropped; `prefix` is the destination prefix the diff was run with (`b/`).
 */
function newPath(header: string, prefix: string): string | undefined {
  let name = header.slice(4);
  if (name.endsWith('\t')) name = name.slice(0, -1);
  if (name === '/dev/null') return undefined;
  name = unquoteGitPath(name);
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * Parses `git diff --unified=0` output (any number of files). Hunk bodies are skipped by
 * counting their lines, never by their first character alone: an added line whose text is
 * `++ b/x` reads `+++ b/x` and must not be taken for a file header.
 */
export function parseUnifiedDiff(text: string, prefix = 'b/'): Map<string, FileChanges> {
  const files = new Map<string, FileChanges>();
  let current: FileChanges | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of text.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk body: `-` old lines, `+` new lines (and ` ` context, absent with
      // --unified=0). `\ No newline at end of file` belongs to the hunk but counts nothing.
      if (line.startsWith('-') && oldLeft > 0) {
        oldLeft--;
        continue;
      }
      if (line.startsWith('+') && newLeft > 0) {
        newLeft--;
        continue;
      }
      if (line.startsWith(' ') && oldLeft > 0 && newLeft > 0) {
        oldLeft--;
        newLeft--;
        continue;
      }
      if (line.startsWith('\\')) continue;
      // A truncated or malformed hunk: read this line as a header.
      oldLeft = newLeft = 0;
    }
    if (line.startsWith('diff ')) {
      current = undefined; // a new file section; binary and mode-only sections have no `+++`
    } else if (line.startsWith('+++ ')) {
      const name = newPath(line, prefix);
      current = undefined;
      if (name !== undefined) {
        current = files.get(name) ?? { added: [], deletedAfter: [] };
        files.set(name, current);
      }
    } else if (line.startsWith('@@ ')) {
      const m = HUNK.exec(line);
      if (!m) continue;
      oldLeft = m[2] === undefined ? 1 : Number(m[2]);
      const start = Number(m[3]);
      newLeft = m[4] === undefined ? 1 : Number(m[4]);
      if (!current) continue;
      if (newLeft > 0) current.added.push([start, start + newLeft - 1]);
      else current.deletedAfter.push(start);
      if (newLeft > 0 && oldLeft > 0) (current.replaced ??= []).push([start, start + newLeft - 1]);
    }
  }
  for (const f of files.values()) {
    f.added.sort((a, b) => a[0] - b[0]);
    f.deletedAfter.sort((a, b) => a - b);
    f.replaced?.sort((a, b) => a[0] - b[0]);
  }
  return files;
}

/** Index of the first element of sorted `xs` with `key(x) >= value` (xs.length when none). */
function lowerBound<T>(xs: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when lines `startLine..endLine` of `changes`' file contain an added or modified line,
 * or a deletion strictly inside them (between two of their lines: removing an attribute
 * from the middle of a block the range covers).
 */
export function touches(changes: FileChanges, startLine: number, endLine: number): boolean {
  const i = lowerBound(changes.added, startLine, (r) => r[1]);
  const range = changes.added[i];
  if (range && range[0] <= endLine) return true;
  const j = lowerBound(changes.deletedAfter, startLine, (n) => n);
  const d = changes.deletedAfter[j];
  return d !== undefined && d < endLine;
}

/**
 * True when the change removed something from lines `startLine..endLine`: a deletion strictly
 * inside them, or a line there replaced. Lines only added inside (a new attribute) do not count:
 * an attribute the block does not write was removed, not added.
 */
export function removesFrom(changes: FileChanges, startLine: number, endLine: number): boolean {
  const j = lowerBound(changes.deletedAfter, startLine, (n) => n);
  const d = changes.deletedAfter[j];
  if (d !== undefined && d < endLine) return true;
  const replaced = changes.replaced ?? [];
  const i = lowerBound(replaced, startLine, (r) => r[1]);
  const r = replaced[i];
  return r !== undefined && r[0] <= endLine;
}
