/**
 * Command-line parsing with node:util parseArgs. Bad input is a `UsageError` (exit 2).
 */
import { parseArgs } from 'node:util';
import type { EnvClass } from '../model/resource.js';
import { isReportFormat, type ReportFormat } from '../report/index.js';
import { UsageError } from '../api.js';

export type FailOn = 'error' | 'warning' | 'note' | 'none';

export interface CliOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  env?: EnvClass;
  varFiles: string[];
  failOn: FailOn;
  listRules: boolean;
  explain?: string;
  rules: string[];
  disable: string[];
  version: boolean;
  help: boolean;
  verbose: boolean;
  /** `--no-error-on-unmatched-pattern`: a named file that no front end reads is skipped instead of exit 2 (the pre-commit hook). */
  errorOnUnmatchedPattern: boolean;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
}

export const HELP = `Usage: mlops-iac-lint [options] [paths...]

Lint the infrastructure code of Azure MLOps platforms (Terraform, ARM, Bicep, CI pipelines).
Paths are files or folders (default: the current folder).

Options:
  -f, --format <name>    stylish (default), json, sarif, github, markdown
  -o, --output <file>    write the report to a file instead of standard output
      --env <class>      treat every evaluation as prod, nonprod or unknown
      --var-file <file>  Terraform variable file to evaluate with (repeatable)
      --fail-on <level>  exit 1 when a finding at or above this level remains:
                         error (default), warning, note, none
  -c, --config <file>    use this config file instead of looking for .mlops-iac-lint.jsonc
      --baseline <file>  report only findings that are not in this baseline
      --write-baseline <file>
                         record the current findings as the baseline and exit 0
      --rule <ID>        run only this rule (repeatable)
      --disable <ID>     do not run this rule (repeatable)
      --list-rules       list the rules and exit
      --explain <ID>     print a rule's documentation and exit
      --verbose          also list what could not be decided (unknown values)
      --no-error-on-unmatched-pattern
                         skip named files that are not a format it reads (pre-commit)
  -v, --version          print the version and exit
  -h, --help             print this help and exit

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.`;

const ENV_CLASSES = ['prod', 'nonprod', 'unknown'];
const FAIL_ON = ['error', 'warning', 'note', 'none'];

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        env: { type: 'string' },
        'var-file': { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        rule: { type: 'string', multiple: true },
        disable: { type: 'string', multiple: true },
        'list-rules': { type: 'boolean' },
        explain: { type: 'string' },
        verbose: { type: 'boolean' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // parseArgs messages name the option: "Unknown option '--x'".
    throw new UsageError(((e as Error).message.split('. ')[0] ?? 'invalid arguments').replace(/\.$/, ''));
  }
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!isReportFormat(format)) throw new UsageError(`--format must be one of stylish, json, sarif, github, markdown (got "${format}")`);
  if (v.env !== undefined && !ENV_CLASSES.includes(v.env)) throw new UsageError(`--env must be prod, nonprod or unknown (got "${v.env}")`);
  const failOn = v['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be error, warning, note or none (got "${failOn}")`);
  return {
    paths: parsed.positionals,
    format,
    output: v.output,
    env: v.env as EnvClass | undefined,
    varFiles: v['var-file'] ?? [],
    failOn: failOn as FailOn,
    listRules: v['list-rules'] ?? false,
    explain: v.explain,
    rules: v.rule ?? [],
    disable: v.disable ?? [],
    version: v.version ?? false,
    help: v.help ?? false,
    verbose: v.verbose ?? false,
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    config: v.config,
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
  };
}
