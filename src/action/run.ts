/**
 * The GitHub Action: reads the inputs, runs `lint()`, writes the SARIF file, prints
 * annotations (at most 10 per level; the rest are listed in the job summary), appends a
 * Markdown job summary and sets the outputs. Returns the exit code: 0 clean, 1 findings at
 * or above `fail-on`, 2 bad input or configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lint, UsageError } from '../api.js';
import type { LintResult } from '../engine/result.js';
import type { Finding } from '../engine/types.js';
import type { EnvClass } from '../model/resource.js';
import { formatMarkdown, escapeMarkdown, type MarkdownLinkOptions } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { githubAnnotations, GITHUB_ANNOTATION_LIMIT } from '../report/github.js';
import { relativePath, summarize } from '../report/common.js';
import { appendSummary, command, getBooleanInput, getChoiceInput, getInput, getListInput, InputError, setOutput, type Env } from './io.js';

export type FailOn = 'error' | 'warning' | 'note' | 'none';

export interface ActionInputs {
  paths: string[];
  config?: string;
  env?: EnvClass;
  varFiles: string[];
  failOn: FailOn;
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
}

export interface RunOptions {
  /** Where workflow commands and log lines go (default: process.stdout). */
  write?: (line: string) => void;
}

const RANK = { note: 1, warning: 2, error: 3 } as const;

/** Overflow findings listed in the summary at most (the SARIF file has them all). */
const MAX_OVERFLOW_LISTED = 100;

export function readInputs(env: Env): ActionInputs {
  const paths = getListInput(env, 'path', false);
  const envClass = getInput(env, 'env');
  return {
    paths: paths.length ? paths : ['.'],
    config: getInput(env, 'config'),
    env: envClass === undefined ? undefined : getChoiceInput(env, 'env', ['prod', 'nonprod', 'unknown'] as const, 'unknown'),
    varFiles: getListInput(env, 'var-files'),
    failOn: getChoiceInput(env, 'fail-on', ['error', 'warning', 'note', 'none'] as const, 'error'),
    sarifFile: getInput(env, 'sarif-file') ?? 'mlops-iac-lint.sarif',
    annotations: getBooleanInput(env, 'annotations', true),
    summary: getBooleanInput(env, 'summary', true),
  };
}

export function failed(result: LintResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((f) => !f.suppression && RANK[f.level] >= RANK[failOn]);
}

function linkOptions(env: Env): MarkdownLinkOptions | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!repository || !sha) return undefined;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository, sha };
}

function overflowSection(overflow: Finding[], base: string, links: MarkdownLinkOptions | undefined): string {
  const out = [
    `### Not annotated (${overflow.length})`,
    '',
    `GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} annotations of each level per step; these findings are not annotated:`,
    '',
    '| Level | Rule | Location | Message |',
    '|---|---|---|---|',
  ];
  for (const f of overflow.slice(0, MAX_OVERFLOW_LISTED)) {
    const rel = relativePath(base, f.location.file);
    const line = Math.max(1, f.location.range.start.line);
    let loc = escapeMarkdown(`${rel}:${line}`);
    if (links) {
      const url = `${links.serverUrl.replace(/\/+$/, '')}/${links.repository}/blob/${encodeURIComponent(links.sha)}/${rel.split('/').map(encodeURIComponent).join('/')}#L${line}`;
      loc = `[${loc}](${url})`;
    }
    out.push(`| ${f.level} | ${escapeMarkdown(f.ruleId)} | ${loc} | ${escapeMarkdown(f.message)} |`);
  }
  if (overflow.length > MAX_OVERFLOW_LISTED) out.push('', `…and ${overflow.length - MAX_OVERFLOW_LISTED} more (see the SARIF report).`);
  return out.join('\n') + '\n';
}

/** Runs the Action with the given environment; returns the exit code. */
export async function run(env: Env, options: RunOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => void process.stdout.write(line + '\n'));
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
    if (inputs.config !== undefined && !fs.existsSync(path.resolve(workspace, inputs.config))) {
      throw new InputError(`input "config": file not found: ${inputs.config}`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      write(command('error', `mlops-iac-lint: ${e.message}`));
      return 2;
    }
    throw e;
  }

  let result: LintResult;
  try {
    result = await lint({
      paths: inputs.paths.map((p) => path.resolve(workspace, p)),
      root: workspace,
      env: inputs.env,
      varFiles: inputs.varFiles.map((f) => path.resolve(workspace, f)),
      // Without `config`, lint() looks for .mlops-iac-lint.jsonc/.json from the first path upwards.
      configFile: inputs.config === undefined ? undefined : path.resolve(workspace, inputs.config),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      write(command('error', `mlops-iac-lint: ${e.message}`));
      return 2;
    }
    throw e;
  }

  const sarifPath = path.resolve(workspace, inputs.sarifFile);
  fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
  fs.writeFileSync(sarifPath, formatSarif(result), 'utf8');

  const links = linkOptions(env);
  let overflow: Finding[] = [];
  if (inputs.annotations) {
    const a = githubAnnotations(result, { cwd: workspace });
    for (const line of a.annotations) write(line);
    overflow = a.overflow;
  }

  const counts = summarize(result);
  write(
    `mlops-iac-lint: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.notes} note(s)` +
      `${counts.suppressed ? `, ${counts.suppressed} suppressed` : ''} in ${counts.files} file(s); SARIF: ${relativePath(workspace, sarifPath)}`,
  );
  if (overflow.length > 0) {
    write(`mlops-iac-lint: ${overflow.length} finding(s) not annotated (GitHub's limit is ${GITHUB_ANNOTATION_LIMIT} per level); see the job summary or the SARIF report.`);
  }

  if (inputs.summary) {
    let md = formatMarkdown(result, { cwd: workspace, links });
    if (overflow.length > 0) md += '\n' + overflowSection(overflow, workspace, links);
    appendSummary(env, md);
  }

  setOutput(env, 'sarif-file', sarifPath);
  setOutput(env, 'errors', String(counts.errors));
  setOutput(env, 'warnings', String(counts.warnings));
  setOutput(env, 'notes', String(counts.notes));

  const code = failed(result, inputs.failOn) ? 1 : 0;
  if (code === 1) write(command('error', `mlops-iac-lint: findings at or above "${inputs.failOn}" level (fail-on: ${inputs.failOn})`));
  return code;
}
