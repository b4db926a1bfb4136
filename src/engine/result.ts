/**
 * What one lint run produces: the input of every reporter and of the programmatic API.
 */
import type { Finding, RuleMeta, Undecided } from './types.js';

export interface LintResult {
  /** Absolute path of the scan root; reporters make file paths relative to it. */
  root: string;
  /** Findings in deterministic order (file, line, column, rule ID). Suppressed ones included. */
  findings: Finding[];
  /** Metadata of every rule that ran (the SARIF `rules` array). */
  rules: RuleMeta[];
  /** Files scanned, relative to root, sorted (with `onlyFiles`, the given files the run lints). */
  files: string[];
  /**
   * Every file the run read as code, relative to root, sorted: `files`, and with `onlyFiles` the
   * other files of their folders and callers too (the CLI never writes a report over one).
   */
  linted?: string[];
  /** Parse errors and evaluation problems, also reported as PARSE001/EVAL001 findings. */
  notifications: Notification[];
  /** Source text by absolute path for files that have findings (code frames). */
  sources: Map<string, string>;
  toolVersion: string;
  /** Decisions rules could not make because a value is unknown (printed by `--verbose`). */
  undecided: Undecided[];
  /** Files not read on purpose: outside the scan root through a link, not a regular file, a Helm template or Kustomize input (printed by `--verbose`). */
  skipped: { file: string; reason: string }[];
  /** One-line messages about the run itself, for standard error ("nothing to lint in …"). */
  notices: string[];
  /** `--quiet`: the unsuppressed warnings and notes left out of `findings` (the summary line says so). */
  hiddenByQuiet?: { warnings: number; notes: number };
}

export interface Notification {
  level: 'error' | 'warning' | 'note';
  message: string;
  ruleId: 'PARSE001' | 'EVAL001' | 'EVAL002';
  location: Finding['location'];
}
