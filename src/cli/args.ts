/**
 * Command-line parsing with node:util parseArgs. Bad input is a `UsageError` (exit 2).
 */
import { parseArgs } from 'node:util';
import type { EnvClass } from '../model/resource.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { UsageError } from '../api.js';
import { parseShard, type Shard } from '../pipeline/shard.js';

export type FailOn = 'error' | 'warning' | 'note' | 'none';

export interface CliOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  env?: EnvClass;
  varFiles: string[];
  /** `--tf-data-dir`: where `terraform init` wrote `modules/modules.json` (TF_DATA_DIR). */
  tfDataDir?: string;
  /** `--bicep-cache`: the Bicep module cache to read restored `br:` modules from (off by default). */
  bicepCache?: string;
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
  /** `--quiet`: report errors only. */
  quiet: boolean;
  /** `--max-warnings N`: exit 1 when more than N warnings remain (undefined or -1: no limit). */
  maxWarnings?: number;
  /** `--color` true, `--no-color` false (the last one given wins), undefined: decide from the environment. */
  color?: boolean;
  /** `--no-gitignore` turns it off. */
  gitignore: boolean;
  /** `--ignore-pattern` (repeatable). */
  ignorePatterns: string[];
  /** `--policy-aliases <file>`: more Azure Policy aliases (GOV002, GOV003). */
  policyAliases?: string;
  /** `--cache`: reuse the results of units of work whose files did not change. */
  cache: boolean;
  /** `--cache-location <file|dir>` (default .mlops-iac-lint-cache). */
  cacheLocation?: string;
  /** `--shard K/N`: lint only shard K of N of the units of work. */
  shard?: Shard;
  /** `--concurrency <n|auto|off>` (ESLint's option): the threads units of work run on. */
  concurrency: number | 'auto' | 'off';
}

export const HELP = `Usage: mlops-iac-lint [options] [paths...]

Lint the infrastructure code of Azure MLOps platforms: Terraform (and plan JSON), ARM, Bicep,
Azure ML YAML, az commands in scripts and CI pipelines, Kubernetes manifests.
Paths are files, folders or globs such as 'infra/**/*.tf' (default: the current folder).

Options:
  -f, --format <name>    stylish (default), compact, json, sarif, github, markdown
  -o, --output <file>    write the report to a file instead of standard output
      --env <class>      treat every evaluation as prod, nonprod or unknown
      --var-file <file>  a .tfvars or .tfvars.json file to evaluate with; repeated, the
                         files are loaded in order, as terraform plan -var-file does
      --tf-data-dir <dir>
                         where terraform init put its data (TF_DATA_DIR, default
                         .terraform; relative to each root module): registry modules
                         listed in <dir>/modules/modules.json are evaluated, and plan
                         resources inside them are located through their calls
      --bicep-cache <dir>
                         read br: registry modules restored by bicep restore from
                         this Bicep cache (e.g. ~/.bicep); off by default because it
                         is outside the scanned folder
      --fail-on <level>  exit 1 when a finding at or above this level remains:
                         error (default), warning, note, none
      --quiet            report errors only
      --max-warnings <n> exit 1 when there are more than n warnings
  -c, --config <file>    use this config file instead of looking for .mlops-iac-lint.jsonc
      --baseline <file>  report only findings that are not in this baseline
      --write-baseline <file>
                         record the current findings as the baseline and exit 0
      --rule <ID>        run only this rule (repeatable; or IDs separated by
                         commas: --rule GOV002,GOV003)
      --disable <ID>     do not run this rule (repeatable, or comma-separated)
      --ignore-pattern <pattern>
                         skip files matching this gitignore-style pattern (repeatable);
                         .mlops-iac-lint-ignore at the scan root is read too
      --no-gitignore     also lint files that .gitignore excludes
      --policy-aliases <file>
                         more Azure Policy aliases for GOV002/GOV003: the output of
                         az provider show --namespace <ns> --expand "resourceTypes/aliases"
      --cache            only re-lint what changed since the last run with --cache
      --cache-location <path>
                         the cache file, or a folder for it (default:
                         .mlops-iac-lint-cache in the current folder)
      --shard <K/N>      lint only part K of N of the units of work (a CI matrix);
                         the N parts together give the findings of one whole run
      --concurrency <n|auto|off>
                         threads to lint on (default auto: one per two cores, at
                         most 4; never more than the cores; used only when there
                         are enough units of work)
      --color, --no-color
                         force colours on or off (default: on a terminal, unless
                         NO_COLOR is set; FORCE_COLOR=1 or 0 overrides NO_COLOR)
      --list-rules       list the rules and exit
      --explain <ID>     print a rule's documentation and exit
      --verbose          also list what could not be decided (unknown values)
      --no-error-on-unmatched-pattern
                         skip named files that are not a format it reads (pre-commit)
  -v, --version          print the version and exit
  -h, --help             print this help and exit

Exit codes: 0 clean, 1 findings at or above --fail-on (or more warnings than --max-warnings),
2 usage or configuration error, 3 internal error (please report it).`;

const ENV_CLASSES = ['prod', 'nonprod', 'unknown'];
const FAIL_ON = ['error', 'warning', 'note', 'none'];

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        env: { type: 'string' },
        'var-file': { type: 'string', multiple: true },
        'tf-data-dir': { type: 'string' },
        'bicep-cache': { type: 'string' },
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
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-gitignore': { type: 'boolean' },
        'ignore-pattern': { type: 'string', multiple: true },
        'policy-aliases': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        concurrency: { type: 'string' },
      },
    });
  } catch (e) {
    // parseArgs messages name the option: "Unknown option '--x'".
    throw new UsageError(((e as Error).message.split('. ')[0] ?? 'invalid arguments').replace(/\.$/, ''));
  }
  const v = parsed.values;
  // An empty value (`--config "$CFG"` with CFG unset) names no file: taking the default instead
  // (looking for a config, no baseline, the current folder) would hide the mistake.
  for (const name of FILE_OPTIONS) {
    const value = v[name];
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new UsageError(`--${name} takes a ${name === 'tf-data-dir' || name === 'bicep-cache' ? 'folder' : 'file'}, not an empty value`);
  }
  if (parsed.positionals.includes('')) throw new UsageError('a path to lint is empty (an unset variable?); name a file or folder');
  const format = v.format ?? 'stylish';
  if (!isReportFormat(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${format}")`);
  if (v.env !== undefined && !ENV_CLASSES.includes(v.env)) throw new UsageError(`--env must be prod, nonprod or unknown (got "${v.env}")`);
  const failOn = v['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be error, warning, note or none (got "${failOn}")`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    // ESLint's values: a count, or -1 for no limit.
    if (!/^(?:\d+|-1)$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings must be a whole number of at least 0 (got "${v['max-warnings']}")`);
    maxWarnings = Number(v['max-warnings']);
    if (maxWarnings < 0) maxWarnings = undefined;
  }
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    const s = parseShard(v.shard);
    if (typeof s === 'string') throw new UsageError(s);
    shard = s;
  }
  let concurrency: number | 'auto' | 'off' = 'auto';
  if (v.concurrency !== undefined) {
    if (v.concurrency === 'auto' || v.concurrency === 'off') concurrency = v.concurrency;
    // Any count: one above the machine's cores is taken as the cores (README "Speed and caching").
    else if (/^[1-9]\d*$/.test(v.concurrency)) concurrency = Math.min(Number(v.concurrency), Number.MAX_SAFE_INTEGER);
    else throw new UsageError(`--concurrency takes a number of threads (1 or more), auto or off, not '${v.concurrency}'`);
  }
  // --color and --no-color: the last one given wins, as in ESLint.
  let color: boolean | undefined;
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'option' && t.name === 'color') color = true;
    if (t.kind === 'option' && t.name === 'no-color') color = false;
  }
  return {
    paths: parsed.positionals,
    format,
    output: v.output,
    env: v.env as EnvClass | undefined,
    varFiles: v['var-file'] ?? [],
    tfDataDir: v['tf-data-dir'],
    bicepCache: v['bicep-cache'],
    failOn: failOn as FailOn,
    listRules: v['list-rules'] ?? false,
    explain: v.explain,
    rules: ruleIdList(v.rule, '--rule'),
    disable: ruleIdList(v.disable, '--disable'),
    version: v.version ?? false,
    help: v.help ?? false,
    verbose: v.verbose ?? false,
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    config: v.config,
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
    quiet: v.quiet ?? false,
    maxWarnings,
    color,
    gitignore: !(v['no-gitignore'] ?? false),
    ignorePatterns: v['ignore-pattern'] ?? [],
    policyAliases: v['policy-aliases'],
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    shard,
    concurrency,
  };
}

/** The options that name a file or folder. */
const FILE_OPTIONS = ['config', 'baseline', 'write-baseline', 'output', 'var-file', 'tf-data-dir', 'bicep-cache', 'policy-aliases', 'cache-location'] as const;

/**
 * `--rule`/`--disable` values: each may list IDs separated by commas (`--rule GOV002,GOV003`,
 * as checkov's `--check` and tflint's `--only` take them), in either case.
 */
function ruleIdList(values: string[] | undefined, option: string): string[] {
  const ids = (values ?? []).flatMap((v) => v.split(',')).map((id) => id.trim().toUpperCase()).filter((id) => id !== '');
  // `--rule ""` (an unset shell variable) named no rule: running every rule instead would hide the mistake.
  if (values !== undefined && values.length > 0 && ids.length === 0) throw new UsageError(`${option} takes rule IDs (such as AML001), not an empty value`);
  return ids;
}
