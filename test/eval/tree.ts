/**
 * Temporary source trees for tests that run `lint()` end to end, and a compact view of the
 * findings (`rule file:line:column` relative to the tree) to compare against.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/engine/types.js';

export function tree(files: Record<string, string>, prefix = 'mil-tree-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `AML001 warning examples/a/main.tf:3:35`, sorted. */
export function where(dir: string, findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.ruleId} ${f.level} ${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column}`)
    .sort();
}

/** The related locations of a finding as `file:line label`. */
export function relatedOf(dir: string, f: Finding): string[] {
  return f.related.map((l) => `${path.relative(dir, l.file).split(path.sep).join('/')}:${l.range.start.line}${l.label ? ` ${l.label}` : ''}`);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, when given). */
export function lineCol(text: string, needle: string, after?: string): string {
  const from = after === undefined ? 0 : text.indexOf(after);
  const i = text.indexOf(needle, from < 0 ? 0 : from);
  if (i < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
