/**
 * GitHub Actions workflow commands: one annotation per unsuppressed finding.
 *
 *     ::error file=main.tf,line=12,col=3,endLine=12,endColumn=39,title=AML001 workspace-public-network-access::message
 *
 * Levels: error → `error`, warning → `warning`, note → `notice`. GitHub shows at most 10
 * annotations of each type per step, so `githubAnnotations` caps each level and returns the
 * rest as `overflow` (for the job summary). `col`/`endColumn` are only emitted when the range
 * is on one line: GitHub ignores or rejects columns on multi-line annotations.
 *
 * Scanned text (file names, messages that quote names and values) has its control characters
 * other than tab, CR and LF replaced (`sanitizeKeepingLineBreaks`, as the terminal formats do
 * with `sanitizeTerminal`) before the workflow-command escaping, so an ESC sequence in a
 * resource name cannot erase or rewrite lines of the job log; CR and LF are escaped (`%0D`,
 * `%0A`) as before.
 */
import type { LintResult } from '../engine/result.js';
import type { Finding, Level } from '../engine/types.js';
import { compareBySeverity, normalizeRegion, plural, relativePath, allRules, sanitizeKeepingLineBreaks, sortFindings } from './common.js';
import { compactLine } from './compact.js';

export interface GithubAnnotationOptions {
  /** Paths are relative to this directory (the repository root / GITHUB_WORKSPACE; default: scan root). */
  cwd?: string;
  /** Caps per annotation type (GitHub shows 10 of each per step). */
  maxErrors?: number;
  maxWarnings?: number;
  maxNotices?: number;
  /**
   * Findings to annotate before all others (the Action passes "on a line the pull request
   * changed"): within each level's cap they are taken first, and they are printed first.
   */
  first?: (f: Finding) => boolean;
}

/**
 * GitHub keeps at most 10 annotations of each type (error, warning, notice) per step and only
 * counts the rest: `_maxCountPerIssueType = 10` in actions/runner
 * src/Runner.Worker/ExecutionContext.cs, `AddIssue` (commit 0001dcd9db8a). A bare `::error::`
 * without a file counts against the same cap. Across the steps of a job GitHub shows at most
 * 50 (actions/toolkit#734, docs/problem-matchers.md "Limitations").
 */
export const GITHUB_ANNOTATION_LIMIT = 10;

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Record<Level, Command> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escaping of a workflow command's message (data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow command line of one finding. */
export function annotationFor(f: Finding, base: string, title: string): string {
  const r = normalizeRegion(f.location.range);
  const props: [string, string | number][] = [
    ['file', sanitizeKeepingLineBreaks(relativePath(base, f.location.file))],
    ['line', r.startLine],
  ];
  if (r.startLine === r.endLine) props.push(['col', r.startColumn]);
  props.push(['endLine', r.endLine]);
  if (r.startLine === r.endLine) props.push(['endColumn', r.endColumn]);
  props.push(['title', sanitizeKeepingLineBreaks(title)]);
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  const message = f.message.trim() === '' ? f.ruleId : f.message;
  return `::${COMMAND[f.level]} ${propText}::${escapeData(sanitizeKeepingLineBreaks(message))}`;
}

/**
 * Annotations for the unsuppressed findings, at most `max*` per level (in file/line order
 * within a level, the `first` findings before the others), and the findings left over
 * (errors first, then warnings, then notes).
 */
export function githubAnnotations(
  result: LintResult,
  options: GithubAnnotationOptions = {},
): { annotations: string[]; overflow: Finding[] } {
  const base = options.cwd ?? result.root;
  const rules = new Map(allRules(result).map((r) => [r.id, r]));
  const caps: Record<Level, number> = {
    error: Math.max(0, options.maxErrors ?? GITHUB_ANNOTATION_LIMIT),
    warning: Math.max(0, options.maxWarnings ?? GITHUB_ANNOTATION_LIMIT),
    note: Math.max(0, options.maxNotices ?? GITHUB_ANNOTATION_LIMIT),
  };
  const used: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  const annotations: string[] = [];
  const overflow: Finding[] = [];
  const sorted = sortFindings(result.findings).filter((f) => !f.suppression);
  let ordered = sorted;
  if (options.first) {
    const first = options.first;
    const isFirst = sorted.map((f) => first(f));
    ordered = [...sorted.filter((_, i) => isFirst[i]), ...sorted.filter((_, i) => !isFirst[i])];
  }
  for (const f of ordered) {
    if (used[f.level] >= caps[f.level]) {
      overflow.push(f);
      continue;
    }
    used[f.level]++;
    const name = rules.get(f.ruleId)?.name;
    annotations.push(annotationFor(f, base, name ? `${f.ruleId} ${name}` : f.ruleId));
  }
  overflow.sort(compareBySeverity);
  return { annotations, overflow };
}

/**
 * The findings left without an annotation, each a plain line (`file:line:col: level [ID]
 * message`) in a collapsed log group: every finding stays in the log (the Action's run and the
 * `github` format alike).
 */
export function overflowGroup(overflow: readonly Finding[], base: string): string[] {
  const lines = [`::group::${escapeData(`mlops-iac-lint: ${overflow.length} finding(s) not annotated`)}`];
  for (const f of overflow) {
    const line = compactLine(f, base);
    // A file name cannot start a workflow command (`::error::…`).
    lines.push(line.startsWith('::') ? `./${line}` : line);
  }
  lines.push('::endgroup::');
  return lines;
}

/**
 * The `github` format: the annotations, then (when some were left out) a plain log line
 * saying how many, so nobody mistakes the annotations for the whole list, and each of them
 * listed (`overflowGroup`).
 */
export function formatGithub(result: LintResult, options: GithubAnnotationOptions = {}): string {
  const { annotations, overflow } = githubAnnotations(result, options);
  const lines = [...annotations];
  if (overflow.length > 0) {
    lines.push(
      `mlops-iac-lint: ${plural(overflow.length, 'more finding')} not annotated ` +
        `(GitHub shows a limited number of annotations per step), each listed in the group below.`,
      ...overflowGroup(overflow, options.cwd ?? result.root),
    );
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
