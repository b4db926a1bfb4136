/**
 * The `markdown` format, for `$GITHUB_STEP_SUMMARY` or a PR comment: a title, the summary
 * line, a table of counts per rule and level, then the top findings (errors first). With
 * `links` the locations link to the lines on GitHub, otherwise they are plain `path:line`.
 * Messages are escaped (Markdown and HTML), so scanned text cannot inject markup.
 */
import type { LintResult } from '../engine/result.js';
import type { Finding } from '../engine/types.js';
import {
  allRules,
  compareBySeverity,
  plural,
  quietNote,
  relativePath,
  ruleDocUrl,
  sanitizeTerminal,
  summarize,
} from './common.js';

export interface MarkdownLinkOptions {
  /** e.g. `https://github.com` (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** `owner/name` (GITHUB_REPOSITORY). */
  repository: string;
  /** Commit to link to (GITHUB_SHA, or the PR head SHA). */
  sha: string;
}

export interface MarkdownOptions {
  /** Paths are relative to this directory (the repository root; default: scan root). */
  cwd?: string;
  /** How many findings to list (default 50). */
  maxFindings?: number;
  links?: MarkdownLinkOptions;
  /** Heading text (default "mlops-iac-lint"). */
  title?: string;
}

export const DEFAULT_MAX_FINDINGS = 50;

/** Escapes text for Markdown (table cells included) and HTML. */
export function escapeMarkdown(text: string): string {
  // Control characters (an ESC sequence in a resource name) go first: the summary is also printed to terminals.
  return sanitizeTerminal(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200b');
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function locationCell(f: Finding, base: string, links: MarkdownLinkOptions | undefined): string {
  const rel = relativePath(base, f.location.file);
  const line = Math.max(1, f.location.range.start.line);
  const text = escapeMarkdown(`${rel}:${line}`);
  if (!links) return text;
  const server = links.serverUrl.replace(/\/+$/, '');
  const url = `${server}/${links.repository}/blob/${encodeURIComponent(links.sha)}/${encodePath(rel)}#L${line}`;
  return `[${text}](${url})`;
}

const LEVEL_ICON = { error: '🔴 error', warning: '🟡 warning', note: '🔵 note' } as const;

export function formatMarkdown(result: LintResult, options: MarkdownOptions = {}): string {
  const base = options.cwd ?? result.root;
  const max = Math.max(0, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const summary = summarize(result);
  const out: string[] = [`## ${escapeMarkdown(options.title ?? 'mlops-iac-lint')}`, ''];
  const problems = summary.errors + summary.warnings + summary.notes;
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : '';

  const quiet = quietNote(result);
  if (problems === 0) {
    out.push(`✔ No ${quiet ? 'errors' : 'problems'} found in ${plural(summary.files, 'file')}${suppressed}${quiet}.`);
    return out.join('\n') + '\n';
  }

  out.push(
    `✖ **${plural(problems, 'problem')}** (${plural(summary.errors, 'error')}, ` +
      `${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')})${suppressed} ` +
      `in ${plural(summary.files, 'scanned file')}${quiet}.`,
    '',
  );

  // Counts per rule and level.
  const counts = new Map<string, { error: number; warning: number; note: number; suppressed: number }>();
  for (const f of result.findings) {
    let c = counts.get(f.ruleId);
    if (!c) counts.set(f.ruleId, (c = { error: 0, warning: 0, note: 0, suppressed: 0 }));
    if (f.suppression) c.suppressed++;
    else c[f.level]++;
  }
  out.push('| Rule | Errors | Warnings | Notes | Suppressed |', '|---|---:|---:|---:|---:|');
  for (const rule of allRules(result)) {
    const c = counts.get(rule.id);
    if (!c) continue;
    const doc = ruleDocUrl(rule, result.toolVersion);
    const label = `${escapeMarkdown(rule.id)} ${escapeMarkdown(rule.name)}`;
    const cell = doc ? `[${label}](${doc})` : label;
    out.push(`| ${cell} | ${c.error} | ${c.warning} | ${c.note} | ${c.suppressed} |`);
  }
  out.push('');

  // Top findings.
  const visible = result.findings.filter((f) => !f.suppression).sort(compareBySeverity);
  const shown = visible.slice(0, max);
  if (shown.length > 0) {
    out.push(
      visible.length > shown.length ? `### Findings (first ${shown.length} of ${visible.length})` : '### Findings',
      '',
      '| Level | Rule | Location | Message |',
      '|---|---|---|---|',
    );
    for (const f of shown) {
      out.push(
        `| ${LEVEL_ICON[f.level]} | ${escapeMarkdown(f.ruleId)} | ${locationCell(f, base, options.links)} | ${escapeMarkdown(f.message)} |`,
      );
    }
    if (visible.length > shown.length) {
      out.push('', `…and ${plural(visible.length - shown.length, 'more finding')} (see the SARIF report or the log).`);
    }
  }
  return out.join('\n') + '\n';
}
