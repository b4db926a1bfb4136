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
import { compareStrings, plural, quietNote, relativePath, sanitizeTerminal, sortFindings, summarize } from './common.js';
import { charWidth } from './width.js';

export interface StylishOptions {
  color?: boolean;
  /** Paths are shown relative to this directory (default: the scan root). */
  cwd?: string;
  /** Lines of context above and below the offending line in code frames (default 1). */
  contextLines?: number;
  /** Code frames off (default on). */
  codeFrames?: boolean;
  /** The findings whose secret values frames mask (default: the result's); see ReportOptions. */
  secretFindings?: readonly Finding[];
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

  // Where each file holds a secret a rule flagged, suppressed findings included (the value is a
  // secret all the same): every frame that shows one of these lines masks it.
  const secrets = new Map<string, SecretLines>();
  for (const f of options.secretFindings ?? result.findings) {
    if (!SECRET_VALUE_RULES.has(f.ruleId) || isDeclarationFinding(f)) continue;
    let lines = secrets.get(f.location.file);
    if (!lines) secrets.set(f.location.file, (lines = new Map()));
    const { range } = f.location;
    for (let n = range.start.line; n <= Math.max(range.start.line, range.end.line); n++) {
      const list = lines.get(n);
      if (list) list.push(range);
      else lines.set(n, [range]);
    }
  }

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
        if (map) out.push(...codeFrame(c, map, f, contextLines, secrets.get(file)));
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
  const quiet = quietNote(result);
  if (problems === 0) {
    // With --quiet and warnings or notes left out, what was found is no error, not nothing.
    const text = quiet ? `✔ No errors found in ${plural(summary.files, 'file')}` : `✔ No problems found in ${plural(summary.files, 'file')}`;
    out.push(c.green(text) + (summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : '') + quiet);
  } else {
    const text =
      `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ` +
      `${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')})${suppressed}${quiet}`;
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
  // (Layered --var-files are one variant: `envs/common.tfvars + envs/prod.tfvars`.)
  const short = names.map((n) => n.split(' + ').map((part) => part.slice(part.lastIndexOf('/') + 1)).join(' + '));
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

/**
 * The window of a line longer than MAX_FRAME_WIDTH code units, around `startIdx`. Both ends fall
 * between code points: a cut inside a surrogate pair (an emoji, a rare CJK ideograph) would print
 * half of it, U+FFFD. The window loses that half code point instead.
 */
function windowFor(text: string, startIdx: number): Window {
  const length = text.length;
  if (length <= MAX_FRAME_WIDTH) return { from: 0, to: length };
  let from = Math.max(0, Math.min(startIdx - LEFT_CONTEXT, length - MAX_FRAME_WIDTH));
  let to = Math.min(length, from + MAX_FRAME_WIDTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  if (to < length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { from, to };
}

function isHighSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

function isLowSurrogate(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

function clip(text: string, w: Window): string {
  return (w.from > 0 ? '…' : '') + text.slice(w.from, w.to) + (w.to < text.length ? '…' : '');
}

/**
 * Rules whose finding is placed on a secret value: their code frames show the value masked (CI
 * logs are read by more people than the repository; the message never prints it either,
 * RULES.md SEC001), and so does any other finding's frame that shows a line of it.
 */
const SECRET_VALUE_RULES: ReadonlySet<string> = new Set(['SEC001']);
/**
 * Their findings placed on a declaration, not on a value: a secret-named parameter typed `string`.
 * Their own frame shows the type the message says to change (`"type": "string"`), so it is not
 * masked whole; a value on one of its lines that another finding flags still is.
 */
const DECLARATION_MESSAGES: ReadonlySet<string> = new Set(['armParameterTypedString', 'bicepParameterTypedString']);
const isDeclarationFinding = (f: { messageId?: string }): boolean => f.messageId !== undefined && DECLARATION_MESSAGES.has(f.messageId);

/** The ranges of a file's secrets (SECRET_VALUE_RULES findings) by each line they cover. */
type SecretLines = Map<number, Range[]>;

/**
 * Line `n` of a file as a code frame shows it, with secrets masked. `here`: the ranges of the
 * file's SEC001 findings (suppressed ones too) that cover the line (a line of a multi-line one
 * included): the line is masked in any finding's frame, since a neighbouring finding's context
 * lines must not print what SEC001's own frame hides. `all`: the frame is a SEC001 finding's
 * own, whose every line is masked (a neighbouring line may hold another secret that no rule
 * flagged).
 */
function frameLine(text: string, n: number, here: readonly Range[], all: boolean): string {
  if (here.length === 0 && !all) return text;
  let line = maskQuoted(text);
  for (const range of here) line = maskRange(text, line, n, range);
  return line;
}

/**
 * `line` (line `n`, `text` before masking) with the part of a secret's `range` on it masked as
 * well, so that a value the quoted-value rule below misses is hidden too:
 * - a multi-line range (a heredoc): every non-blank character of it on this line;
 * - a one-line quoted string that is a value, not a key (not followed by `:` or `=`): its
 *   content, quotes kept (a list item alone on its line, `"S3cret",`, has no `=` or `:` before it).
 * A one-line range that is not a quoted value (the declaration `param adminPassword string` a
 * "typed string, not secure" finding points at) stays readable.
 */
function maskRange(text: string, line: string, n: number, range: Range): string {
  if (range.start.line !== range.end.line) {
    const from = n === range.start.line ? Math.max(0, range.start.column - 1) : 0;
    const to = n === range.end.line ? Math.min(line.length, range.end.column - 1) : line.length;
    return to > from ? line.slice(0, from) + line.slice(from, to).replace(/\S/g, '*') + line.slice(to) : line;
  }
  const from = range.start.column - 1;
  const to = Math.min(text.length, range.end.column - 1);
  const q = text[from];
  if (from < 0 || to - from < 2 || (q !== '"' && q !== "'") || text[to - 1] !== q || /^\s*[:=]/.test(text.slice(to))) return line;
  return line.slice(0, from + 1) + '*'.repeat(to - from - 2) + line.slice(to - 1);
}

/**
 * The quoted values of a line with their content as `*` (quotes kept; one left open masks the
 * rest of the line): the strings after its first `=` or `:` that are not keys themselves (a
 * string followed by `:` or `=`), so names and keys stay readable (`variable "admin_password" {`,
 * `"adminPassword": "****"`, `{ "adminPassword": { "value": "****" } }` on one line).
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
    const isKey = j < text.length && /^\s*[:=]/.test(text.slice(j + 1));
    out += assigned && !isKey ? '*'.repeat(end - i - 1) : text.slice(i + 1, end);
    if (j < text.length) out += q;
    i = j;
  }
  return out;
}

/**
 * The underline of code units [from, to) of a shown line: the padding repeats its tabs and gives
 * every other code point its terminal width (two spaces under a CJK character or an emoji, none
 * under a combining mark), and the carets cover the columns of the range, at least one (a range
 * past the end of the line gets one caret per code unit beyond it).
 */
function underline(shown: string, from: number, to: number): { pad: string; carets: number } {
  let pad = '';
  for (const ch of shown.slice(0, from)) pad += ch === '\t' ? '\t' : ' '.repeat(charWidth(ch.codePointAt(0)!));
  let carets = Math.max(0, to - Math.max(from, shown.length));
  for (const ch of shown.slice(from, to)) carets += ch === '\t' ? 1 : charWidth(ch.codePointAt(0)!);
  return { pad, carets: Math.max(1, carets) };
}

/** Code frame lines for a finding: context, the offending line with `>` and the underline. */
function codeFrame(c: Style, map: LineMap, f: Finding, contextLines: number, secrets: SecretLines | undefined): string[] {
  const { start, end } = f.location.range;
  const line = Math.min(Math.max(1, start.line), map.lineCount);
  const first = Math.max(1, line - contextLines);
  const last = Math.min(map.lineCount, line + contextLines);
  const gutterWidth = String(last).length;
  const lines: string[] = [];
  const own = SECRET_VALUE_RULES.has(f.ruleId) && !isDeclarationFinding(f);
  const shownLine = (n: number): string => frameLine(map.lineText(n), n, secrets?.get(n) ?? [], own);
  const text = shownLine(line);
  const startIdx = Math.min(Math.max(0, start.column - 1), text.length);
  const endIdx =
    end.line === start.line ? Math.min(Math.max(startIdx + 1, end.column - 1), Math.max(text.length, startIdx + 1)) : Math.max(text.length, startIdx + 1);
  const w = windowFor(text, startIdx);
  for (let n = first; n <= last; n++) {
    const src = n === line ? text : shownLine(n);
    const shown = sanitizeTerminal(clip(src, n === line ? w : windowFor(src, startIdx)));
    const marker = n === line ? '>' : ' ';
    const gutter = `${marker} ${String(n).padStart(gutterWidth)} |`;
    const body = shown.length > 0 ? ` ${shown}` : '';
    lines.push(`    ${n === line ? c.bold(gutter) : c.dim(gutter)}${body}`);
    if (n === line) {
      const prefix = w.from > 0 ? 1 : 0;
      const caretStart = Math.max(0, startIdx - w.from) + prefix;
      const caretEnd = Math.max(caretStart + 1, Math.min(endIdx, w.to) - w.from + prefix);
      const { pad, carets } = underline(shown, caretStart, caretEnd);
      lines.push(`    ${c.dim(`  ${' '.repeat(gutterWidth)} |`)} ${pad}${levelColor(c, f.level)('^'.repeat(carets))}`);
    }
  }
  return lines;
}
