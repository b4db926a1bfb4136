/**
 * The default terminal format, compact in the manner of ESLint and Biome: findings grouped
 * by file, each said once: its message (what is wrong and how to fix this instance), the
 * rule ID, the variants it came from, a code frame and its related locations. The rule's
 * generic `help` is not repeated under every finding: it is in SARIF, Markdown and
 * `--explain`, which the last line points at.
 *
 *     envs/prod/main.tf
 *       12:3  error  Azure ML workspace "main" is reachable from the internet; set …  AML001  [prod.tfvars]
 *         11 | resource "azurerm_machine_learning_workspace" "main" {
 *       > 12 |   public_network_access_enabled = var.public
 *            |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 *         ↳ envs/prod.tfvars:3:13 (value set here)
 *
 *     ✖ 1 problem (1 error, 0 warnings, 0 notes)
 *     Run `mlops-iac-lint --explain AML001` for details
 *
 * The variants are shown unless the only one is `default` (a module evaluated once, without
 * variable or parameter files). Colour only when `color` is true; otherwise the output
 * contains no ANSI escapes at all. Suppressed findings are only counted.
 */
import { styles, type Style } from './ansi.js';
import type { LintResult } from '../engine/result.js';
import type { Finding, Level } from '../engine/types.js';
import { LineMap, type Range } from '../core/source.js';
import { compareStrings, plural, relativePath, sanitizeTerminal, sortFindings, summarize } from './common.js';

export interface StylishOptions {
  color?: boolean;
  /** Paths are shown relative to this directory (default: the scan root). */
  cwd?: string;
  /** Lines of context above and below the offending line in code frames (default 1). */
  contextLines?: number;
  /** Code frames off (default on). */
  codeFrames?: boolean;
}

/** Longest source line shown in a code frame; longer lines are windowed around the range. */
const MAX_FRAME_WIDTH = 120;
const LEFT_CONTEXT = 30;

function oneLine(text: string): string {
  return sanitizeTerminal(text.replace(/\r\n|\r|\n/g, ' '));
}

export function formatStylish(result: LintResult, options: StylishOptions = {}): string {
  const c = styles(options.color === true);
  const base = options.cwd ?? result.root;
  const contextLines = Math.max(0, options.contextLines ?? 1);
  const summary = summarize(result);
  const visible = sortFindings(result.findings.filter((f) => !f.suppression));
  const lineMaps = new Map<string, LineMap | null>();
  const lineMapOf = (file: string): LineMap | null => {
    let m = lineMaps.get(file);
    if (m === undefined) {
      const text = result.sources.get(file);
      m = text === undefined ? null : new LineMap(text);
      lineMaps.set(file, m);
    }
    return m;
  };

  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of visible) {
    const list = groups.get(f.location.file);
    if (list) list.push(f);
    else groups.set(f.location.file, [f]);
  }

  for (const [file, findings] of groups) {
    out.push(c.underline(sanitizeTerminal(relativePath(base, file))));
    const posWidth = Math.max(
      ...findings.map((f) => `${f.location.range.start.line}:${f.location.range.start.column}`.length),
    );
    for (const f of findings) {
      const { start } = f.location.range;
      const pos = `${start.line}:${start.column}`.padEnd(posWidth);
      const level = levelColor(c, f.level)(f.level.padEnd(7));
      const variants = variantsLabel(f.variants);
      out.push(`  ${c.dim(pos)}  ${level}  ${oneLine(f.message)}  ${c.dim(f.ruleId)}${variants ? `  ${c.dim(variants)}` : ''}`);
      if (options.codeFrames !== false) {
        const map = lineMapOf(file);
        if (map) out.push(...codeFrame(c, map, f, contextLines));
      }
      for (const rel of f.related) {
        const where = `${relativePath(base, rel.file)}:${rel.range.start.line}:${rel.range.start.column}`;
        const label = rel.label ? ` (${oneLine(rel.label)})` : '';
        out.push(`    ${c.dim('↳')} ${sanitizeTerminal(where)}${c.dim(label)}`);
      }
    }
    out.push('');
  }

  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : '';
  const problems = summary.errors + summary.warnings + summary.notes;
  if (problems === 0) {
    const text = `✔ No problems found in ${plural(summary.files, 'file')}`;
    out.push(c.green(text) + (summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : ''));
  } else {
    const text =
      `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ` +
      `${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')})${suppressed}`;
    const color = summary.errors > 0 ? c.red.bold : summary.warnings > 0 ? c.yellow.bold : c.blue.bold;
    out.push(color(text));
    out.push(c.dim(`Run \`mlops-iac-lint --explain ${visible[0]!.ruleId}\` for details`));
  }
  return out.join('\n') + '\n';
}

/**
 * `[dev.tfvars, prod.tfvars]`, or '' when the finding comes only from the default evaluation.
 * Variants are named by their files' base names when those are distinct, by the full
 * variant names (`envs/dev/terraform.tfvars`) otherwise.
 */
export function variantsLabel(variants: readonly string[]): string {
  const names = [...new Set(variants)].sort(compareStrings);
  if (names.length === 0 || (names.length === 1 && names[0] === 'default')) return '';
  const short = names.map((n) => n.slice(n.lastIndexOf('/') + 1));
  const shown = new Set(short).size === short.length ? short : names;
  return `[${[...shown].sort(compareStrings).map(oneLine).join(', ')}]`;
}

function levelColor(c: Style, level: Level): Style {
  return level === 'error' ? c.red : level === 'warning' ? c.yellow : c.blue;
}

/** Window of a long line: which code units are shown, and whether each end is cut. */
interface Window {
  from: number;
  to: number;
}

function windowFor(length: number, startIdx: number): Window {
  if (length <= MAX_FRAME_WIDTH) return { from: 0, to: length };
  const from = Math.max(0, Math.min(startIdx - LEFT_CONTEXT, length - MAX_FRAME_WIDTH));
  return { from, to: Math.min(length, from + MAX_FRAME_WIDTH) };
}

function clip(text: string, w: Window): string {
  return (w.from > 0 ? '…' : '') + text.slice(w.from, w.to) + (w.to < text.length ? '…' : '');
}

/**
 * Rules whose finding is placed on a secret value: their code frames show the value masked (CI
 * logs are read by more people than the repository; the message never prints it either,
 * RULES.md SEC001).
 */
const SECRET_VALUE_RULES: ReadonlySet<string> = new Set(['SEC001']);

/**
 * A line of a SEC001 frame with every quoted string's content masked (`*`, quotes kept), so no
 * literal on the shown lines is printed: the finding may point at a declaration (`param password
 * string = '…'`, "typed string, not secure"), and a neighbouring line may hold another secret.
 * The lines of a multi-line range (a heredoc) are masked in the range as well.
 */
function masked(text: string, n: number, range: Range): string {
  let line = maskQuoted(text);
  if (range.start.line !== range.end.line && n >= range.start.line && n <= range.end.line) {
    const from = n === range.start.line ? Math.max(0, range.start.column - 1) : 0;
    const to = n === range.end.line ? Math.min(line.length, range.end.column - 1) : line.length;
    if (to > from) line = line.slice(0, from) + line.slice(from, to).replace(/\S/g, '*') + line.slice(to);
  }
  return line;
}

/**
 * The quoted values of a line with their content as `*` (quotes kept; one left open masks the
 * rest of the line): the strings after its first `=` or `:`, so names and keys stay readable
 * (`variable "admin_password" {`, `"adminPassword": "****"`).
 */
function maskQuoted(text: string): string {
  let out = '';
  let assigned = false;
  for (let i = 0; i < text.length; i++) {
    const q = text[i]!;
    out += q;
    if (q === '=' || q === ':') assigned = true;
    if (q !== '"' && q !== "'") continue;
    let j = i + 1;
    while (j < text.length && text[j] !== q) j += text[j] === '\\' && q === '"' ? 2 : 1;
    const end = Math.min(j, text.length);
    out += assigned ? '*'.repeat(end - i - 1) : text.slice(i + 1, end);
    if (j < text.length) out += q;
    i = j;
  }
  return out;
}

/** Code frame lines for a finding: context, the offending line with `>` and the underline. */
function codeFrame(c: Style, map: LineMap, f: Finding, contextLines: number): string[] {
  const { start, end } = f.location.range;
  const line = Math.min(Math.max(1, start.line), map.lineCount);
  const first = Math.max(1, line - contextLines);
  const last = Math.min(map.lineCount, line + contextLines);
  const gutterWidth = String(last).length;
  const lines: string[] = [];
  const text = map.lineText(line);
  const startIdx = Math.min(Math.max(0, start.column - 1), text.length);
  const endIdx =
    end.line === start.line ? Math.min(Math.max(startIdx + 1, end.column - 1), Math.max(text.length, startIdx + 1)) : Math.max(text.length, startIdx + 1);
  const w = windowFor(text.length, startIdx);
  const secret = SECRET_VALUE_RULES.has(f.ruleId);
  for (let n = first; n <= last; n++) {
    const src = secret ? masked(map.lineText(n), n, f.location.range) : map.lineText(n);
    const shown = sanitizeTerminal(n === line ? clip(src, w) : clip(src, windowFor(src.length, startIdx)));
    const marker = n === line ? '>' : ' ';
    const gutter = `${marker} ${String(n).padStart(gutterWidth)} |`;
    const body = shown.length > 0 ? ` ${shown}` : '';
    lines.push(`    ${n === line ? c.bold(gutter) : c.dim(gutter)}${body}`);
    if (n === line) {
      const prefix = w.from > 0 ? 1 : 0;
      const caretStart = Math.max(0, startIdx - w.from) + prefix;
      const caretEnd = Math.max(caretStart + 1, Math.min(endIdx, w.to) - w.from + prefix);
      const shownLine = clip(src, w);
      let pad = '';
      for (let i = 0; i < caretStart; i++) pad += shownLine[i] === '\t' ? '\t' : ' ';
      const underline = '^'.repeat(caretEnd - caretStart);
      lines.push(`    ${c.dim(`  ${' '.repeat(gutterWidth)} |`)} ${pad}${levelColor(c, f.level)(underline)}`);
    }
  }
  return lines;
}
