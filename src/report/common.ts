/**
 * Helpers shared by every reporter: relative paths, deterministic ordering, counts,
 * rule look-up and region normalization.
 */
import path from 'node:path';
import type { LintResult } from '../engine/result.js';
import type { Finding, Level, RuleMeta } from '../engine/types.js';
import type { Range } from '../core/source.js';

/** The repository; rule documentation links point into it at a release tag. */
export const REPOSITORY_URL = 'https://github.com/mlops-iac-lint/mlops-iac-lint';

/** A released version: `MAJOR.MINOR.PATCH` with an optional pre-release (semver, no build metadata). */
const RELEASE_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Base of the rule documentation links (SARIF `helpUri`, Markdown links): the tag
 * `v<version>` of the release that produced the report, so a link shows the documentation
 * of the rule as it behaved in that version (`main` may have changed it since). Only a
 * version that is not a release version falls back to `main`.
 */
export function docsBaseUrl(toolVersion: string): string {
  const ref = RELEASE_VERSION.test(toolVersion) ? `v${toolVersion}` : 'main';
  return `${REPOSITORY_URL}/blob/${ref}/`;
}

export const TOOL_NAME = 'mlops-iac-lint';
export const TOOL_INFORMATION_URI = REPOSITORY_URL;

/** Converts OS separators to forward slashes (on POSIX a backslash is part of a name, not a separator: `a\b.tf` is one file). */
export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `file` relative to `base`, with forward slashes; `.` stays out of it. */
export function relativePath(base: string, file: string): string {
  if (!path.isAbsolute(file)) return toPosix(file);
  const rel = path.relative(base, file);
  return toPosix(rel === '' ? path.basename(file) : rel);
}

/** The doc URL of a rule in the given tool version, or undefined when it has no doc. */
export function ruleDocUrl(rule: RuleMeta | undefined, toolVersion: string): string | undefined {
  if (!rule?.docPath) return undefined;
  return docsBaseUrl(toolVersion) + toPosix(rule.docPath).replace(/^\.?\//, '');
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit string comparison (never locale-dependent). */
export function compareStrings(a: string, b: string): number {
  return cmp(a, b);
}

/** Total order over findings: file, position, rule, message, fingerprint. */
export function compareFindings(a: Finding, b: Finding): number {
  const ra = a.location.range;
  const rb = b.location.range;
  return (
    cmp(a.location.file, b.location.file) ||
    cmp(ra.start.line, rb.start.line) ||
    cmp(ra.start.column, rb.start.column) ||
    cmp(ra.end.line, rb.end.line) ||
    cmp(ra.end.column, rb.end.column) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message) ||
    cmp(a.fingerprint, b.fingerprint) ||
    cmp(a.level, b.level)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, note: 2 };

/** Errors first, then warnings, then notes; by location within a level. */
export function compareBySeverity(a: Finding, b: Finding): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compareFindings(a, b);
}

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
  files: number;
}

/** Counts of unsuppressed findings by level, suppressed findings and scanned files. */
export function summarize(result: LintResult): Summary {
  const s: Summary = { errors: 0, warnings: 0, notes: 0, suppressed: 0, files: result.files.length };
  for (const f of result.findings) {
    if (f.suppression) s.suppressed++;
    else if (f.level === 'error') s.errors++;
    else if (f.level === 'warning') s.warnings++;
    else s.notes++;
  }
  return s;
}

/** `; 2 warnings and 1 note not shown (--quiet)` for a summary line, or ''. */
export function quietNote(result: LintResult): string {
  const h = result.hiddenByQuiet;
  if (!h || h.warnings + h.notes === 0) return '';
  const parts = [h.warnings > 0 ? plural(h.warnings, 'warning') : '', h.notes > 0 ? plural(h.notes, 'note') : ''].filter(Boolean);
  return `; ${parts.join(' and ')} not shown (--quiet)`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Rules by ID. */
export function ruleIndex(result: LintResult): Map<string, RuleMeta> {
  const map = new Map<string, RuleMeta>();
  for (const r of result.rules) map.set(r.id, r);
  return map;
}

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * A SARIF/GitHub-safe region: lines and columns ≥ 1, end not before start, and an empty
 * range widened to one column so that viewers have something to highlight.
 */
export function normalizeRegion(range: Range): Region {
  const startLine = Math.max(1, Math.trunc(range.start.line) || 1);
  const startColumn = Math.max(1, Math.trunc(range.start.column) || 1);
  let endLine = Math.max(1, Math.trunc(range.end.line) || 1);
  let endColumn = Math.max(1, Math.trunc(range.end.column) || 1);
  if (endLine < startLine) {
    endLine = startLine;
    endColumn = startColumn + 1;
  } else if (endLine === startLine && endColumn <= startColumn) {
    endColumn = startColumn + 1;
  }
  return { startLine, startColumn, endLine, endColumn };
}

/** Rule metadata for the built-in diagnostics that may not be in `result.rules`. */
export const BUILTIN_RULES: Readonly<Record<string, RuleMeta>> = {
  PARSE001: {
    id: 'PARSE001',
    name: 'parse-error',
    shortDescription: 'A file could not be parsed.',
    fullDescription:
      'The file has a syntax error at the reported position. It was skipped; every other file was still linted, but findings in this file may be missing.',
    help: 'Fix the syntax error at the reported line and column.',
    level: 'error',
    tags: ['correctness'],
    formats: ['any'],
    docPath: 'rules/core/PARSE001-parse-error.md',
  },
  EVAL001: {
    id: 'EVAL001',
    name: 'evaluation-incomplete',
    shortDescription: 'An evaluation had to stop before it was complete.',
    fullDescription:
      'Evaluating the module or template hit a limit (for example an expansion cap). Findings that depend on the unevaluated part may be missing.',
    help: 'Simplify the reported expression or split the module; values that cannot be evaluated are treated as unknown.',
    level: 'note',
    tags: ['correctness'],
    formats: ['any'],
    docPath: 'rules/core/EVAL001-evaluation-incomplete.md',
  },
  EVAL002: {
    id: 'EVAL002',
    name: 'remote-module-not-evaluated',
    shortDescription: 'A registry or remote module was not evaluated; the resources it creates are not checked.',
    fullDescription:
      'A module call whose source is not local (Terraform registry/Git, Bicep br:/ts:) had no local copy the linter may read (no terraform init manifest entry, a stale one, no compiled Bicep twin). Findings about the resources it creates are missing.',
    help: 'Run `terraform init` before linting (or pass --tf-data-dir); for Bicep, keep the compiled twin beside the .bicep file.',
    level: 'note',
    tags: ['correctness'],
    formats: ['any'],
    docPath: 'rules/core/EVAL002-remote-module-not-evaluated.md',
  },
  SUP001: {
    id: 'SUP001',
    name: 'suppression-invalid',
    shortDescription: 'An inline suppression is malformed or has expired.',
    fullDescription:
      'A suppression comment without a reason, with an unknown rule ID or with a malformed date is ignored; an expired one no longer suppresses.',
    help: 'Write `mlops-iac-lint-ignore RULEID [until=YYYY-MM-DD] -- reason` with a known rule ID and a reason, or remove it.',
    level: 'warning',
    tags: ['maintainability'],
    formats: ['any'],
    docPath: 'rules/core/SUP001-suppression-invalid.md',
  },
  SUP002: {
    id: 'SUP002',
    name: 'suppression-unused',
    shortDescription: 'An inline suppression suppresses nothing.',
    fullDescription: 'The suppressed rule no longer reports anything at this place, so the comment is stale.',
    help: 'Remove the suppression comment.',
    level: 'note',
    tags: ['maintainability'],
    formats: ['any'],
    docPath: 'rules/core/SUP002-suppression-unused.md',
  },
};

/**
 * Every rule a report needs: those of `result.rules`, plus a built-in or minimal descriptor
 * for any rule ID used by a finding or notification but missing from it. Sorted by ID.
 */
export function allRules(result: LintResult): RuleMeta[] {
  const map = ruleIndex(result);
  const ids = [...result.findings.map((f) => f.ruleId), ...result.notifications.map((n) => n.ruleId)];
  for (const id of ids) {
    if (map.has(id)) continue;
    map.set(
      id,
      BUILTIN_RULES[id] ?? {
        id,
        name: id.toLowerCase(),
        shortDescription: id,
        fullDescription: id,
        help: '',
        level: 'warning',
        tags: [],
        formats: ['any'],
      },
    );
  }
  return [...map.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * Replaces C0/C1 control characters (except tab) so scanned text cannot drive the terminal, nor
 * start a line of its own: a line feed in a file name would print a forged `file:line:col:`
 * finding for problem matchers and grep (one line per finding in `compact`).
 */
export function sanitizeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}

/**
 * `sanitizeTerminal` for text whose format escapes line breaks itself (GitHub workflow
 * commands: `%0D`, `%0A`): every other C0/C1 control character (ESC, BEL, backspace, …)
 * becomes U+FFFD; tab, CR and LF are kept for the format's own escaping.
 */
export function sanitizeKeepingLineBreaks(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd');
}
