/**
 * The GitHub Action: reads the inputs, runs `lint()`, writes the SARIF file, prints
 * annotations (findings on lines the pull request changed first, then the rest, at most 10
 * per level), appends a Markdown job summary and sets the outputs. Returns the exit code:
 * 0 clean, 1 findings at or above `fail-on`, 2 bad input or configuration, 3 internal error.
 *
 * Whatever happens, the SARIF file is written (on exit 2 and 3 with the failure as a
 * notification, see failure-sarif.ts), so an upload-sarif step after this one still works.
 * No line the Action prints besides the findings' annotations and one failure message is a
 * workflow command: GitHub's per-step cap of 10 error annotations is for the findings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint as realLint, UsageError, VERSION } from '../api.js';
import type { LintResult } from '../engine/result.js';
import type { Finding } from '../engine/types.js';
import type { Location } from '../core/source.js';
import type { EnvClass } from '../model/resource.js';
import { formatMarkdown, type MarkdownLinkOptions } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { replaceableReport, sourceTarget } from '../report/output-target.js';
import { githubAnnotations, GITHUB_ANNOTATION_LIMIT, overflowGroup } from '../report/github.js';
import { normalizeRegion, relativePath, summarize } from '../report/common.js';
import { appendSummary, command, getBooleanInput, getChoiceInput, getInput, getListInput, InputError, setOutput, type Env } from './io.js';
import { readPullRequestEvent } from './event.js';
import { pullRequestLines, type GitOptions } from './git-diff.js';
import { failedRunSarif, type RunFailure } from './failure-sarif.js';
import { changedLinesLogLine, changedLinesSection, failureSummary, overflowSection, type ChangedLinesState } from './summary.js';
import { ioErrorText } from '../core/io-error.js';
import { isFolder } from '../core/paths.js';

export type FailOn = 'error' | 'warning' | 'note' | 'none';

export const DEFAULT_SARIF_FILE = 'mlops-iac-lint.sarif';

export interface ActionInputs {
  paths: string[];
  config?: string;
  env?: EnvClass;
  varFiles: string[];
  /** `tf-data-dir`: TF_DATA_DIR of the `terraform init` that ran before (registry modules). */
  tfDataDir?: string;
  /** `bicep-cache`: the Bicep module cache (`~/.bicep`) to read restored `br:` modules from; off by default. */
  bicepCache?: string;
  failOn: FailOn;
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
  baseline?: string;
  /** Terraform plan JSON files (`terraform show -json`), linted with their `.tf` lines; not TF004's. */
  plans: string[];
}

export interface RunOptions {
  /** Where workflow commands and log lines go (default: process.stdout). */
  write?: (line: string) => void;
  /** The lint() to run (default: the real one; tests inject one that throws). */
  lint?: typeof realLint;
  /** How to run git for the pull request's changed lines. */
  git?: GitOptions;
}

const RANK = { note: 1, warning: 2, error: 3 } as const;

export function readInputs(env: Env): ActionInputs {
  const paths = getListInput(env, 'path', false);
  const envClass = getInput(env, 'env');
  return {
    paths: paths.length ? paths : ['.'],
    config: getInput(env, 'config'),
    env: envClass === undefined ? undefined : getChoiceInput(env, 'env', ['prod', 'nonprod', 'unknown'] as const, 'unknown'),
    varFiles: getListInput(env, 'var-files'),
    tfDataDir: getInput(env, 'tf-data-dir'),
    // `~/.bicep` as action.yml's example writes it: the runner does not expand `~` in inputs.
    bicepCache: withHome(getInput(env, 'bicep-cache')),
    failOn: getChoiceInput(env, 'fail-on', ['error', 'warning', 'note', 'none'] as const, 'error'),
    sarifFile: getInput(env, 'sarif-file') ?? DEFAULT_SARIF_FILE,
    annotations: getBooleanInput(env, 'annotations', true),
    summary: getBooleanInput(env, 'summary', true),
    baseline: getInput(env, 'baseline'),
    plans: getListInput(env, 'plan'),
  };
}

/** The unsuppressed findings that fail the step under `fail-on` (none for `none`). */
export function failingFindings(result: LintResult, failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return result.findings.filter((f) => !f.suppression && RANK[f.level] >= RANK[failOn]);
}

export function failed(result: LintResult, failOn: FailOn): boolean {
  return failingFindings(result, failOn).length > 0;
}

function linkOptions(env: Env): MarkdownLinkOptions | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!repository || !sha) return undefined;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository, sha };
}

/** One run of the Action: where things go, and what has been done so far. */
class Step {
  /** Error annotations printed so far (a failure message is one only while under the cap). */
  errorAnnotations = 0;
  /** Set once the complete SARIF report is on disk: a later failure must not replace it. */
  sarifWritten = false;
  /** Set when `sarif-file` names infrastructure code: no report, not even the failure's, is written there. */
  sarifRefused = false;

  constructor(
    readonly env: Env,
    readonly workspace: string,
    readonly sarifPath: string,
    readonly write: (line: string) => void,
  ) {}

  log(line: string): void {
    this.write(line);
  }

  annotate(line: string): void {
    if (line.startsWith('::error ')) this.errorAnnotations++;
    this.write(line);
  }

  writeSarif(text: string): void {
    fs.mkdirSync(path.dirname(this.sarifPath), { recursive: true });
    fs.writeFileSync(this.sarifPath, text, 'utf8');
  }
}

/** Which findings are on lines the pull request changed (from the event payload and git). */
function changedLines(step: Step, result: LintResult, git: GitOptions | undefined): { state: ChangedLinesState; isChanged?: (f: Finding) => boolean } {
  const event = readPullRequestEvent(step.env);
  if (event.kind === 'none') return { state: { kind: 'not-a-pull-request' } };
  if (event.kind === 'unusable') return { state: { kind: 'unknown', reason: event.reason } };
  const lines = pullRequestLines(step.workspace, event.pr, git);
  if (!lines.ok) return { state: { kind: 'unknown', pr: event.pr, reason: lines.reason } };
  // A place as the lines its annotation shows.
  const onLines = (l: Location, test: (file: string, startLine: number, endLine: number) => boolean): boolean => {
    const r = normalizeRegion(l.range);
    return test(l.file, r.startLine, r.endLine);
  };
  const touched = (l: Location): boolean => onLines(l, (f, a, b) => lines.lines.touches(f, a, b));
  const removedFrom = (l: Location): boolean => onLines(l, (f, a, b) => lines.lines.removesFrom(f, a, b));
  // The region the annotation shows, so "changed" means what the reader sees; also a place the
  // finding names (the pool that reads a variable's size, a related location) and, for an
  // attribute a resource does not write, a line removed or replaced in its declaration (the
  // attribute taken out; a line only added there does not make the absence new).
  const isChanged = (f: Finding): boolean => touched(f.location) || f.related.some(touched) || (f.extent !== undefined && removedFrom(f.extent));
  const findings = result.findings.filter((f) => !f.suppression && isChanged(f));
  return { state: { kind: 'known', pr: event.pr, range: lines.lines.range, findings }, isChanged };
}

/** A `sarif-file` that names infrastructure code (or, given the run, a file it lints): exit 2, nothing written over it. */
function refuseSourceTarget(step: Step, named: string, result?: LintResult): void {
  const why = sourceTarget(step.sarifPath, result);
  if (!why) return;
  step.sarifRefused = true;
  throw new InputError(`input "sarif-file": ${named} is infrastructure code${why === 'source' ? '' : ' this run lints'}, so it is not written over; name another file (${DEFAULT_SARIF_FILE})`);
}

/** The normal path: lint, report, exit 0 or 1. Throws InputError/UsageError (2) or anything (3). */
async function lintAndReport(step: Step, options: RunOptions): Promise<number> {
  const { env, workspace } = step;
  const inputs = readInputs(env);
  // Before the lint, as the CLI's --output: a folder cannot take the report (exit 2, not an internal error after the work).
  if (isFolder(step.sarifPath)) throw new InputError(`input "sarif-file": ${inputs.sarifFile} is a folder; name a file (${DEFAULT_SARIF_FILE})`);
  // Never over infrastructure code (a `.tf` named by mistake), as the CLI's --output; checked
  // again against the files the run lints once it has run.
  refuseSourceTarget(step, inputs.sarifFile);
  // Named by the input, not by the CLI option lint() would name in its message (`--var-file`).
  const named = [
    ['config', inputs.config],
    ['baseline', inputs.baseline],
    ...inputs.plans.map((p) => ['plan', p] as const),
    ...inputs.varFiles.map((f) => ['var-files', f] as const),
    ['bicep-cache', inputs.bicepCache],
  ] as const;
  for (const [name, file] of named) {
    if (file !== undefined && !fs.existsSync(path.resolve(workspace, file))) {
      throw new InputError(`input "${name}": ${name === 'bicep-cache' ? 'folder' : 'file'} not found: ${file}`);
    }
  }

  const result = await (options.lint ?? realLint)({
    paths: inputs.paths.map((p) => path.resolve(workspace, p)),
    root: workspace,
    env: inputs.env,
    varFiles: inputs.varFiles.map((f) => path.resolve(workspace, f)),
    tfDataDir: inputs.tfDataDir,
    bicepCache: inputs.bicepCache === undefined ? undefined : path.resolve(workspace, inputs.bicepCache),
    // Without `config`, lint() looks for .mlops-iac-lint.jsonc/.json from the first path upwards.
    configFile: inputs.config === undefined ? undefined : path.resolve(workspace, inputs.config),
    baselineFile: inputs.baseline === undefined ? undefined : path.resolve(workspace, inputs.baseline),
    planFiles: inputs.plans.map((p) => path.resolve(workspace, p)),
  });

  refuseSourceTarget(step, inputs.sarifFile, result);
  // Paths are relative to the workspace (the scan root). Over one of GitHub's upload limits the
  // report leaves the least severe findings out and says so in a notification and this log.
  try {
    step.writeSarif(formatSarif(result, { onNotice: (line) => step.log(`mlops-iac-lint: ${line}`) }));
  } catch (e) {
    throw new InputError(`input "sarif-file": cannot write ${inputs.sarifFile}: ${ioErrorText(e)}`);
  }
  step.sarifWritten = true;

  const links = linkOptions(env);
  const changed = changedLines(step, result, options.git);
  const changedLine = changedLinesLogLine(changed.state, inputs.annotations);
  if (changedLine) step.log(changedLine);

  let overflow: Finding[] = [];
  if (inputs.annotations) {
    const a = githubAnnotations(result, { cwd: workspace, first: changed.isChanged });
    for (const line of a.annotations) step.annotate(line);
    overflow = a.overflow;
  }

  const counts = summarize(result);
  step.log(
    `mlops-iac-lint: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.notes} note(s)` +
      `${counts.suppressed ? `, ${counts.suppressed} suppressed` : ''} in ${counts.files} file(s); SARIF: ${relativePath(workspace, step.sarifPath)}`,
  );
  if (overflow.length > 0) {
    step.log(`mlops-iac-lint: ${overflow.length} finding(s) not annotated (GitHub's limit is ${GITHUB_ANNOTATION_LIMIT} per level), each listed in the group below; also in the SARIF report.`);
    // Plain lines in a collapsed group: every finding without an annotation is in the log (the
    // job summary lists the first MAX_LISTED of them; its size is capped per step).
    for (const line of overflowGroup(overflow, workspace)) step.log(line);
  }

  if (inputs.summary) {
    let md = formatMarkdown(result, { cwd: workspace, links });
    const prSection = changedLinesSection(changed.state, workspace, links);
    if (prSection) md += '\n' + prSection;
    if (overflow.length > 0) md += '\n' + overflowSection(overflow, workspace, links);
    appendSummary(env, md);
  }

  setOutput(env, 'sarif-file', step.sarifPath);
  setOutput(env, 'errors', String(counts.errors));
  setOutput(env, 'warnings', String(counts.warnings));
  setOutput(env, 'notes', String(counts.notes));

  const failing = failingFindings(result, inputs.failOn).length;
  if (failing === 0) return 0;
  // The step fails through its exit code; this line is plain log text, not an 11th annotation.
  step.log(`mlops-iac-lint: failing the step: ${failing} finding(s) at or above "${inputs.failOn}" level (fail-on: ${inputs.failOn}).`);
  return 1;
}

/** `~` or `~/x` as the home folder (a shell would expand it; an input is not passed through one). */
function withHome(p: string | undefined): string | undefined {
  if (p === undefined || (p !== '~' && !p.startsWith('~/'))) return p;
  return path.join(os.homedir(), p.slice(1));
}

function asFailure(e: unknown): RunFailure {
  if (e instanceof InputError || e instanceof UsageError) return { exitCode: 2, message: e.message };
  const error = e instanceof Error ? e : new Error(String(e));
  return { exitCode: 3, message: `internal error: ${error.message}`, error };
}

/**
 * Reports a failed run: one message (an `::error::` annotation while the error cap allows),
 * the failure SARIF unless the complete report is already written, the `sarif-file`
 * output and a job summary. Each part is attempted on its own: one failing does not stop
 * the others.
 */
function reportFailure(step: Step, failure: RunFailure): number {
  const message = `mlops-iac-lint: ${failure.message}`;
  step.log(step.errorAnnotations < GITHUB_ANNOTATION_LIMIT ? command('error', message) : message);
  if (failure.error?.stack) step.log(command('debug', failure.error.stack));

  const hasReport = step.sarifWritten;
  let sarifOnDisk = step.sarifWritten;
  // A failure before any run knows its files writes only where a report may stand (absent, or a
  // SARIF log): a template the input names by mistake is kept.
  const mayWrite = !step.sarifWritten && !step.sarifRefused;
  if (mayWrite && !replaceableReport(step.sarifPath)) {
    step.log(`mlops-iac-lint: ${step.sarifPath} is not a SARIF report, so the failure report is not written over it`);
  } else if (mayWrite) {
    try {
      step.writeSarif(JSON.stringify(failedRunSarif(step.workspace, VERSION, failure), null, 2) + '\n');
      sarifOnDisk = true;
    } catch (e) {
      step.log(`mlops-iac-lint: cannot write the SARIF report ${step.sarifPath}: ${ioErrorText(e)}`);
    }
  }
  try {
    if (sarifOnDisk) setOutput(step.env, 'sarif-file', step.sarifPath);
    let summary = true;
    try {
      summary = getBooleanInput(step.env, 'summary', true);
    } catch {
      // The bad input is the failure being reported; write the summary anyway.
    }
    if (summary) appendSummary(step.env, failureSummary(failure, sarifOnDisk ? { path: relativePath(step.workspace, step.sarifPath), hasReport } : undefined));
  } catch (e) {
    step.log(`mlops-iac-lint: cannot write the step's outputs or summary: ${ioErrorText(e)}`);
  }
  return failure.exitCode;
}

/** Runs the Action with the given environment; returns the exit code. */
export async function run(env: Env, options: RunOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => void process.stdout.write(line + '\n'));
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  // Read on its own (it cannot be invalid), so a failure SARIF has a place even when another input is bad.
  const sarifPath = path.resolve(workspace, getInput(env, 'sarif-file') ?? DEFAULT_SARIF_FILE);
  const step = new Step(env, workspace, sarifPath, write);
  try {
    return await lintAndReport(step, options);
  } catch (e) {
    return reportFailure(step, asFailure(e));
  }
}
