/**
 * The SARIF log of a run that failed before it had a report (a bad input or configuration,
 * exit 2; an internal error, exit 3). It is written to the `sarif-file` path all the same so
 * that a following `github/codeql-action/upload-sarif` step (with `if: always()`) finds a
 * valid file instead of failing too.
 *
 * The failure is `invocations[0].toolExecutionNotifications[0]` with
 * `executionSuccessful: false` (SARIF 2.1.0 §3.20.14, §3.20.21; Appendix I: a consumer then
 * knows the empty result list is not "no problems"). GitHub's code-scanning API has an
 * "unsuccessful execution" path for such files, meant not to close the open alerts
 * (github/codeql-action#1393, whose failed-run SARIF sets the same field). Note that
 * codeql-action's `waitForProcessing` (src/upload-lib.ts) turns a processing status of
 * "failed" into an error unless it uploaded the file itself as an unsuccessful execution; if
 * the API answers a third-party file that way, upload-sarif reports it after this step failed.
 */
import type { LintResult } from '../engine/result.js';
import { buildSarif, type SarifLog } from '../report/sarif.js';

export interface RunFailure {
  /** The exit code of the step: 2 usage or configuration error, 3 internal error. */
  exitCode: 2 | 3;
  /** What went wrong, as printed in the log (one or more lines). */
  message: string;
  /** The exception of an internal error (its kind and message go into the notification). */
  error?: Error;
}

const EXIT_DESCRIPTION: Record<RunFailure['exitCode'], string> = {
  2: 'usage or configuration error',
  3: 'internal error',
};

/** The SARIF log for `failure`: the tool's run, no results, one error notification. */
export function failedRunSarif(root: string, toolVersion: string, failure: RunFailure): SarifLog {
  const empty: LintResult = {
    root,
    findings: [],
    rules: [],
    files: [],
    notifications: [],
    skipped: [],
    notices: [],
    sources: new Map(),
    toolVersion,
    undecided: [],
  };
  const log = buildSarif(empty);
  const notification: SarifLog = { level: 'error', message: { text: failure.message } };
  if (failure.error) {
    notification.exception = { kind: failure.error.name || 'Error', message: failure.error.message };
  }
  const run = (log.runs as SarifLog[])[0]!;
  run.invocations = [
    {
      executionSuccessful: false,
      exitCode: failure.exitCode,
      exitCodeDescription: EXIT_DESCRIPTION[failure.exitCode],
      toolExecutionNotifications: [notification],
    },
  ];
  return log;
}
