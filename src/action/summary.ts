/**
 * The Action's own sections of the job summary, appended after the `markdown` report:
 * the pull request's changed lines, the findings left without an annotation, and the
 * summary of a run that failed. Scanned text (messages, paths, git's words) is escaped.
 */
import type { Finding } from '../engine/types.js';
import { escapeMarkdown, type MarkdownLinkOptions } from '../report/markdown.js';
import { GITHUB_ANNOTATION_LIMIT } from '../report/github.js';
import { plural, relativePath } from '../report/common.js';
import type { PullRequestRef } from './event.js';
import type { RunFailure } from './failure-sarif.js';

/** Findings listed in one summary table at most (the SARIF file has them all). */
export const MAX_LISTED = 100;

/** What the Action knows about the lines the pull request changed. */
export type ChangedLinesState =
  | { kind: 'not-a-pull-request' }
  | { kind: 'known'; pr: PullRequestRef; range: string; findings: Finding[] }
  | { kind: 'unknown'; pr?: PullRequestRef; reason: string };

function locationCell(f: Finding, base: string, links: MarkdownLinkOptions | undefined): string {
  const rel = relativePath(base, f.location.file);
  const line = Math.max(1, f.location.range.start.line);
  const text = escapeMarkdown(`${rel}:${line}`);
  if (!links) return text;
  const path = rel.split('/').map(encodeURIComponent).join('/');
  const url = `${links.serverUrl.replace(/\/+$/, '')}/${links.repository}/blob/${encodeURIComponent(links.sha)}/${path}#L${line}`;
  return `[${text}](${url})`;
}

/** A table of findings (at most MAX_LISTED rows, then a "…and N more" line). */
function findingsTable(findings: readonly Finding[], base: string, links: MarkdownLinkOptions | undefined): string[] {
  const out = ['| Level | Rule | Location | Message |', '|---|---|---|---|'];
  for (const f of findings.slice(0, MAX_LISTED)) {
    out.push(`| ${f.level} | ${escapeMarkdown(f.ruleId)} | ${locationCell(f, base, links)} | ${escapeMarkdown(f.message)} |`);
  }
  if (findings.length > MAX_LISTED) out.push('', `…and ${findings.length - MAX_LISTED} more (see the SARIF report).`);
  return out;
}

function prName(pr: PullRequestRef | undefined): string {
  return pr?.number === undefined ? 'this pull request' : `pull request #${pr.number}`;
}

/** The log line about the changed lines (undefined when the run is not for a pull request). */
export function changedLinesLogLine(state: ChangedLinesState, annotated = true): string | undefined {
  if (state.kind === 'not-a-pull-request') return undefined;
  if (state.kind === 'unknown') {
    return `mlops-iac-lint: could not tell which lines ${prName(state.pr)} changed: ${state.reason}. All findings are treated as on unchanged lines.`;
  }
  return `mlops-iac-lint: ${prName(state.pr)}: ${plural(state.findings.length, 'finding')} on lines it changed (git diff ${state.range})${annotated ? ', annotated first' : ''}.`;
}

/** The job-summary section about the pull request's changed lines ('' when not a pull request). */
export function changedLinesSection(state: ChangedLinesState, base: string, links: MarkdownLinkOptions | undefined): string {
  if (state.kind === 'not-a-pull-request') return '';
  const name = prName(state.pr);
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  if (state.kind === 'unknown') {
    return [
      `### ${title}: changed lines unknown`,
      '',
      `Could not tell which lines ${name} changed: ${escapeMarkdown(state.reason)}.`,
      'All findings were treated as on unchanged lines and annotated in file order.',
      '',
    ].join('\n');
  }
  const out = [`### ${title}: ${plural(state.findings.length, 'finding')} on changed lines`, ''];
  if (state.findings.length === 0) {
    out.push(`No finding is on a line ${name} changed.`);
  } else {
    out.push(`These findings are on lines ${name} changed; they were annotated before the others:`, '');
    out.push(...findingsTable(state.findings, base, links));
  }
  return out.join('\n') + '\n';
}

/** The job-summary section listing the findings without an annotation. */
export function overflowSection(overflow: readonly Finding[], base: string, links: MarkdownLinkOptions | undefined): string {
  return [
    `### Not annotated (${overflow.length})`,
    '',
    `GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} annotations of each level per step; these findings are not annotated:`,
    '',
    ...findingsTable(overflow, base, links),
  ].join('\n') + '\n';
}

/** The job summary of a run that failed before it had a report. */
export function failureSummary(failure: RunFailure, sarif: { path: string; hasReport: boolean } | undefined): string {
  const what = failure.exitCode === 2 ? 'a usage or configuration error' : 'an internal error';
  const out = ['## mlops-iac-lint', '', `**The run failed with ${what}** (exit code ${failure.exitCode}):`, ''];
  for (const line of failure.message.split('\n')) out.push(`> ${escapeMarkdown(line)}`);
  out.push('');
  const file = sarif === undefined ? undefined : `\`${sarif.path.replace(/`/g, "'")}\``;
  if (sarif?.hasReport) {
    out.push(`The lint report was complete and is in the SARIF report ${file}; the failure came after it.`, '');
  } else if (sarif) {
    out.push(`There is no lint report; the SARIF report ${file} records the failure (\`executionSuccessful: false\`).`, '');
  } else {
    out.push('No SARIF report could be written.', '');
  }
  return out.join('\n');
}
