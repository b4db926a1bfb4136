/**
 * Output reporters. `formatResult` is the one entry the CLI, the Action and the API use;
 * every format lives in its own module. Same input → byte-identical output.
 */
import type { LintResult } from '../engine/result.js';
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown, type MarkdownLinkOptions } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Finding } from '../engine/types.js';

export type ReportFormat = 'stylish' | 'compact' | 'json' | 'sarif' | 'github' | 'markdown';

export const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown'];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export interface ReportOptions {
  /** stylish: ANSI colours (the CLI decides from TTY / NO_COLOR / FORCE_COLOR). Default false. */
  color?: boolean;
  /** stylish, compact, github, markdown: paths relative to this directory (default: the scan root). */
  cwd?: string;
  /** github: at most this many annotations per level (default 10, GitHub's per-step limit). */
  maxAnnotations?: number;
  /** markdown: at most this many findings listed (default 50). */
  maxFindings?: number;
  /** markdown: link locations to `<serverUrl>/<repository>/blob/<sha>/<path>#L<line>`. */
  links?: MarkdownLinkOptions;
  /** stylish: lines of context around the offending line (default 1). */
  contextLines?: number;
  /**
   * stylish: the findings whose secret values code frames mask, when `result` shows fewer
   * (`--quiet` drops warning-level SEC001 findings, but their values stay secrets).
   */
  secretFindings?: readonly Finding[];
  /**
   * sarif: URIs relative to this folder (`%SRCROOT%`) instead of the scan root; the CLI passes
   * GITHUB_WORKSPACE (see workspace.ts). Fingerprints stay relative to the scan root.
   */
  uriBase?: string;
  /** sarif: receives one line for each GitHub upload limit that made the report leave findings out. */
  onNotice?: (line: string) => void;
}

export function formatResult(result: LintResult, format: ReportFormat = 'stylish', options: ReportOptions = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(result, { color: options.color, cwd: options.cwd, contextLines: options.contextLines, ...(options.secretFindings ? { secretFindings: options.secretFindings } : {}) });
    case 'compact':
      return formatCompact(result, { cwd: options.cwd });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, { uriBase: options.uriBase, onNotice: options.onNotice });
    case 'github':
      return formatGithub(result, {
        cwd: options.cwd,
        maxErrors: options.maxAnnotations,
        maxWarnings: options.maxAnnotations,
        maxNotices: options.maxAnnotations,
      });
    case 'markdown':
      return formatMarkdown(result, { cwd: options.cwd, maxFindings: options.maxFindings, links: options.links });
    default: {
      const never: never = format;
      throw new Error(`unknown report format: ${String(never)}`);
    }
  }
}

export { formatStylish, variantsLabel, type StylishOptions } from './stylish.js';
export { formatCompact, type CompactOptions } from './compact.js';
export { formatJson, buildJsonReport, JSON_FORMAT_VERSION, type JsonReport, type JsonFinding } from './json.js';
export {
  formatSarif,
  buildSarif,
  buildSarifReport,
  FINGERPRINT_KEY,
  GITHUB_SARIF_LIMITS,
  SRCROOT,
  type SarifLog,
  type SarifOptions,
  type SarifReport,
} from './sarif.js';
export { githubWorkspaceBase } from './workspace.js';
export {
  formatGithub,
  githubAnnotations,
  escapeData,
  escapeProperty,
  GITHUB_ANNOTATION_LIMIT,
  type GithubAnnotationOptions,
} from './github.js';
export { formatMarkdown, escapeMarkdown, type MarkdownOptions, type MarkdownLinkOptions } from './markdown.js';
export { docsBaseUrl, ruleDocUrl, summarize, type Summary } from './common.js';
