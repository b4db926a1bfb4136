/**
 * One line per finding, for editors' problem matchers, grep and CI logs (ESLint's
 * `compact` in the shape compilers use):
 *
 *     envs/prod/main.tf:3:3: error [AML001] Azure ML workspace "main" is reachable from the public internet.
 *
 * Sorted by file and position; paths relative to `cwd`; messages on one line with control
 * characters neutralized; no colour. After the findings, a blank line and the counts (as
 * ESLint's compact does); nothing at all when there is no problem. Suppressed findings are
 * only counted.
 */
import type { LintResult } from '../engine/result.js';
import type { Finding } from '../engine/types.js';
import { plural, quietNote, relativePath, sanitizeTerminal, sortFindings, summarize } from './common.js';

export interface CompactOptions {
  /** Paths are shown relative to this directory (default: the scan root). */
  cwd?: string;
}

/** One finding as one line: `file:line:col: level [ID] message` (path relative to `base`). */
export function compactLine(f: Finding, base: string): string {
  const { line, column } = f.location.range.start;
  const file = sanitizeTerminal(relativePath(base, f.location.file));
  const message = sanitizeTerminal(f.message.replace(/\r\n|\r|\n/g, ' '));
  return `${file}:${line}:${column}: ${f.level} [${f.ruleId}] ${message}`;
}

export function formatCompact(result: LintResult, options: CompactOptions = {}): string {
  const base = options.cwd ?? result.root;
  const visible = sortFindings(result.findings.filter((f) => !f.suppression));
  if (visible.length === 0) return '';
  const lines = visible.map((f) => compactLine(f, base));
  const s = summarize(result);
  const suppressed = s.suppressed > 0 ? `, ${s.suppressed} suppressed` : '';
  lines.push('', `${plural(visible.length, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')})${suppressed}${quietNote(result)}`);
  return lines.join('\n') + '\n';
}
