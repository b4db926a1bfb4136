/**
 * `--list-rules` and `--explain ID`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES, ruleById } from '../../rules/index.js';
import { UsageError } from '../api.js';

export function listRules(): string {
  const rows = ALL_RULES.map((r) => [r.meta.id, r.meta.name, typeof r.meta.level === 'string' ? r.meta.level : `env-aware (${r.meta.level.prod}/${r.meta.level.unknown}/${r.meta.level.nonprod})`, r.meta.formats.join(', ')]);
  const header = ['ID', 'NAME', 'LEVEL (prod/unknown/nonprod)', 'FORMATS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The package root: two levels above this module in the sources, one above the bundle in dist/. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return dir;
}

/**
 * A rule's documentation for the terminal, each sentence said once: when the rule has its
 * Markdown document, that document alone (it has the title, the level, what the rule finds
 * and how to fix it; the catalog's one-line texts would only repeat it); otherwise the
 * catalog's title, level, descriptions and fix.
 */
export function explainRule(id: string, color: boolean): string {
  const rule = ruleById(id.toUpperCase());
  if (!rule) throw new UsageError(`unknown rule ID: ${id} (see --list-rules)`);
  const m = rule.meta;
  let doc = '';
  if (m.docPath) {
    try {
      doc = fs.readFileSync(path.join(packageRoot(), m.docPath), 'utf8');
    } catch {
      doc = '';
    }
  }
  if (doc.trim() !== '') return renderMarkdown(doc, color);
  const bold = (s: string): string => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const level = typeof m.level === 'string' ? m.level : `prod ${m.level.prod}, unknown ${m.level.unknown}, nonprod ${m.level.nonprod}`;
  const parts = [bold(`${m.id} ${m.name}`) + ` (${level})`, m.shortDescription];
  if (m.fullDescription && m.fullDescription !== m.shortDescription) parts.push(m.fullDescription);
  if (m.help) parts.push(`Fix: ${m.help}`);
  return parts.join('\n\n') + '\n';
}

/**
 * Minimal terminal rendering of a rule document: the title (`# ID: name` or `# ID name`)
 * as `ID name`, headings in bold capitals, `**strong**` in bold (plain without colour),
 * links as `text (url)`, code fences indented.
 */
export function renderMarkdown(md: string, color: boolean): string {
  const bold = (s: string): string => (color ? `\u001b[1m${s}\u001b[22m` : s);
  let inFence = false;
  const out: string[] = [];
  for (const line of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    if (inFence) out.push('    ' + line);
    else if (/^# /.test(line)) out.push(bold(line.replace(/^# /, '').replace(/^([A-Z][A-Z0-9]*\d{3}):\s*/, '$1 ')));
    else if (/^#+ /.test(line)) out.push(bold(line.replace(/^#+ /, '').toUpperCase()));
    else out.push(inline(line, bold));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function inline(line: string, bold: (s: string) => string): string {
  // Links first: the escape sequences of bold text contain `[`.
  return line
    .replace(/\[([^[\]]+)\]\(([^)\s]+)\)/g, (_, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, (_, s: string) => bold(s));
}
