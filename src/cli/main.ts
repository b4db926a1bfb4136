/**
 * The `mlops-iac-lint` command. Exit codes: 0 clean, 1 findings at/above --fail-on or more
 * warnings than --max-warnings, 2 usage or configuration error. A user mistake prints one
 * line, never a stack trace. Flags users know from ESLint keep ESLint's names and meaning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lint, UsageError, VERSION } from '../api.js';
import { formatResult, githubWorkspaceBase } from '../report/index.js';
import { sanitizeTerminal } from '../report/common.js';
import { ioErrorText } from '../core/io-error.js';
import { HELP, parseCli, type CliOptions } from './args.js';
import { shouldColor } from './color.js';
import { checkWritable, expandPaths, ignoredFiles } from './paths.js';
import { Progress } from './progress.js';
import { explainRule, listRules } from './rules-info.js';
import type { LintResult } from '../engine/result.js';
import { writeBaseline } from '../engine/baseline.js';
import { IGNORE_FILE } from '../discover/index.js';
import { tuneJitForLongRun } from '../core/jit.js';
import { sourceTarget } from '../report/output-target.js';

const RANK = { note: 1, warning: 2, error: 3 } as const;

/**
 * Files listed (the given files' folders, and what their callers and the GPU pools they are judged
 * against make the walk take in) from which a files-only run is tuned as a folder scan is. On the
 * corpus copied 4×, one GPU manifest lists 22,000 files and runs 14 s: V8's background compiler
 * took 5 s of CPU beside it with its defaults, none of which the run needed.
 */
const LONG_FILES_ONLY_RUN = 500;

export function exitCodeFor(result: LintResult, failOn: CliOptions['failOn']): number {
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn];
  return result.findings.some((f) => !f.suppression && RANK[f.level] >= threshold) ? 1 : 0;
}

/** True when there is at least one positional path and every one is an existing regular file. */
export function allFiles(paths: string[]): boolean {
  if (paths.length === 0) return false;
  return paths.every((p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

/** Unsuppressed warnings (what --max-warnings counts, with or without --quiet, as in ESLint). */
export function warningCount(result: LintResult): number {
  return result.findings.filter((f) => !f.suppression && f.level === 'warning').length;
}

/** `--quiet`: the result as reported, with only error-level findings and notifications. */
export function errorsOnly(result: LintResult): LintResult {
  const shown = result.findings.filter((f) => !f.suppression);
  const hidden = { warnings: shown.filter((f) => f.level === 'warning').length, notes: shown.filter((f) => f.level === 'note').length };
  return {
    ...result,
    findings: result.findings.filter((f) => f.level === 'error'),
    notifications: result.notifications.filter((n) => n.level === 'error'),
    // "No problems found" would hide that there are some (review 105): the summary says how many.
    ...(hidden.warnings + hidden.notes > 0 ? { hiddenByQuiet: hidden } : {}),
  };
}

/**
 * A reader that stops early (`mlops-iac-lint … | head -1`) closes the pipe: the rest of the
 * report has nowhere to go, which is no failure of the run (its exit code stands, and no stack
 * trace is printed). Any other write error is said in one line (exit 2: the output cannot be written).
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`mlops-iac-lint: cannot write the report: ${e.message}\n`);
    process.exitCode = 2;
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`mlops-iac-lint: ${e.message}\nRun 'mlops-iac-lint --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (opts.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (opts.listRules) {
    process.stdout.write(listRules());
    return 0;
  }
  try {
    if (opts.explain) {
      process.stdout.write(explainRule(opts.explain, shouldColor(opts.color, process.env, process.stdout)));
      return 0;
    }
    // Fail on an unwritable report target now, not after a long lint.
    if (opts.output !== undefined) checkWritable(opts.output, '--output');
    if (opts.writeBaseline !== undefined) checkWritable(opts.writeBaseline, '--write-baseline');
    const expanded = await expandPaths(opts.paths, process.cwd());
    // A file that the ignore rules exclude is not linted, also when it is named (as in
    // ESLint); a named one gets a warning, one matched by a glob does not.
    // A repository index not read while judging them: said under --verbose with the run's own.
    const unreadIndexes = new Map<string, string>();
    const ignored = ignoredFiles(expanded, process.cwd(), { gitignore: opts.gitignore, ignorePatterns: opts.ignorePatterns, onUnreadIndex: (file, reason) => void unreadIndexes.set(file, reason) });
    for (const p of opts.paths) {
      if (ignored.has(p)) process.stderr.write(`mlops-iac-lint: ${p} is not linted: an ignore rule excludes it (.gitignore, ${IGNORE_FILE} or --ignore-pattern)\n`);
    }
    const paths = expanded.filter((p) => !ignored.has(p));
    // Every path named or matched is excluded: nothing is linted, and the report (an empty one,
    // as for a folder with nothing to lint) is still written for the CI step that uploads it.
    const allExcluded = paths.length === 0 && expanded.length > 0;
    const patterns = opts.paths.filter((p) => !expanded.includes(p));
    if (allExcluded && patterns.length > 0) {
      process.stderr.write(`mlops-iac-lint: nothing to lint: an ignore rule (.gitignore, ${IGNORE_FILE} or --ignore-pattern) excludes every file that ${patterns.map((p) => `"${p}"`).join(', ')} match${patterns.length === 1 ? 'es' : ''}\n`);
    }
    // Pre-commit mode: when every positional is a file, lint each file's whole folder (so
    // variables in sibling files resolve) but report only findings located in those files.
    // A glob stands for the files it matches, so it is linted the same way.
    const onlyFiles = allFiles(paths) ? paths : undefined;
    // A folder scan runs long enough for V8's optimizing compiler to matter (src/core/jit.ts);
    // a files-only run does too once its walk lists many files (a manifest judged against the GPU
    // pools of a large repository), and is set then: a one-file run never loads node:v8 for it.
    if (!onlyFiles) tuneJitForLongRun();
    let jitTuned = !onlyFiles;
    // MLOPS_IAC_LINT_FAMILIES=terraform,arm,ci restricts the run (used by the benchmark).
    const families = process.env.MLOPS_IAC_LINT_FAMILIES?.split(',').filter((f): f is 'terraform' | 'arm' | 'ci' | 'k8s' => ['terraform', 'arm', 'ci', 'k8s'].includes(f));
    // MLOPS_IAC_LINT_PROGRESS_DELAY_MS changes the one-second delay of the progress line (tests).
    const delay = Number(process.env.MLOPS_IAC_LINT_PROGRESS_DELAY_MS);
    const progress = new Progress(process.stderr, { delayMs: Number.isFinite(delay) && delay >= 0 ? delay : undefined });
    let result: LintResult;
    try {
      result = allExcluded ? nothingLinted(process.cwd()) : await lint({
        paths,
        env: opts.env,
        varFiles: opts.varFiles,
        tfDataDir: opts.tfDataDir,
        bicepCache: opts.bicepCache,
        rules: opts.rules,
        disable: opts.disable,
        onlyFiles,
        families,
        configFile: opts.config,
        baselineFile: opts.writeBaseline ? undefined : opts.baseline,
        gitignore: opts.gitignore,
        ignorePatterns: opts.ignorePatterns,
        policyAliasesFile: opts.policyAliases,
        onProgress: (phase, done, total) => {
          if (!jitTuned && phase === 'reading files' && total >= LONG_FILES_ONLY_RUN) {
            jitTuned = true;
            tuneJitForLongRun();
          }
          progress.update(phase, done, total);
        },
        errorOnUnmatchedFile: opts.errorOnUnmatchedPattern,
        cache: opts.cache,
        cacheLocation: opts.cacheLocation,
        shard: opts.shard,
        concurrency: opts.concurrency,
      });
    } finally {
      progress.done();
    }
    for (const n of result.notices) process.stderr.write(`mlops-iac-lint: ${sanitizeTerminal(n)}\n`);
    if (opts.writeBaseline) refuseLintedTarget(opts.writeBaseline, '--write-baseline', result);
    if (opts.output !== undefined) refuseLintedTarget(opts.output, '--output', result);
    if (opts.writeBaseline) {
      writeOrSay(opts.writeBaseline, writeBaseline(result.findings, result.root, VERSION), '--write-baseline');
      const n = result.findings.filter((f) => !f.suppression).length;
      process.stderr.write(`mlops-iac-lint: recorded ${n} finding${n === 1 ? '' : 's'} in ${opts.writeBaseline}\n`);
      return 0;
    }
    if (opts.verbose) {
      // Scanned text (file names, resource names, values in reasons) cannot drive the terminal.
      const say = (line: string): boolean => process.stderr.write(`${sanitizeTerminal(line)}\n`);
      for (const s of result.skipped) {
        say(`skipped ${path.relative(process.cwd(), s.file)}: ${s.reason}`);
        unreadIndexes.delete(s.file);
      }
      for (const [file, reason] of unreadIndexes) say(`skipped ${path.relative(process.cwd(), file)}: ${reason}`);
      // RULES.md "Three-valued facts": what an unknown value kept the rules from deciding.
      for (const u of result.undecided) {
        const where = `${path.relative(process.cwd(), u.location.file)}:${u.location.range.start.line}:${u.location.range.start.column}`;
        // EVAL002: a whole module's resources, not one attribute.
        if (u.ruleId === 'EVAL002') say(`could not decide any rule for the resources of ${u.address}: ${u.reason} (${where})`);
        // RULES.md: "could not decide AML001 for X: public_network_access_enabled depends on …" —
        // the attribute as the user wrote it.
        else say(`could not decide ${u.ruleId} for ${u.address}: ${u.sourcePath ?? u.attribute} ${u.reason.startsWith('depends') ? u.reason : `is unknown (${u.reason})`} (${where})`);
      }
    }
    const reported = opts.quiet ? errorsOnly(result) : result;
    const toFile = opts.output !== undefined;
    // Colour for stylish only; in a file only when asked for with --color.
    const color = opts.format === 'stylish' && (toFile ? opts.color === true : shouldColor(opts.color, process.env, process.stdout));
    // In GitHub Actions, code scanning and annotations resolve paths from the repository root:
    // sarif and github paths are relative to GITHUB_WORKSPACE when the scan root is inside it.
    const workspace = opts.format === 'sarif' || opts.format === 'github' ? githubWorkspaceBase(result.root, process.env) : undefined;
    const text = formatResult(reported, opts.format, {
      color,
      cwd: opts.format === 'github' && workspace !== undefined ? workspace : process.cwd(),
      uriBase: workspace,
      // --quiet hides warning-level SEC001 findings; their values are masked all the same.
      secretFindings: result.findings,
      onNotice: (line) => process.stderr.write(`mlops-iac-lint: ${line}\n`),
    });
    if (toFile) writeOrSay(opts.output!, text, '--output');
    else process.stdout.write(text);
    let code = exitCodeFor(reported, opts.failOn);
    if (opts.maxWarnings !== undefined && warningCount(result) > opts.maxWarnings) {
      process.stderr.write(`mlops-iac-lint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
      code = 1;
    }
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      // One line per problem (an invalid config file's several), each of the same shape.
      for (const line of e.message.split('\n')) process.stderr.write(`mlops-iac-lint: ${line}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'ENOSPC' || err.code === 'EROFS' || err.code === 'EPERM') {
      process.stderr.write(`mlops-iac-lint: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`mlops-iac-lint: internal error: ${err.stack ?? String(e)}\nPlease report this with the input that caused it.\n`);
    return 3;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mlops-iac-lint: internal error: ${String(e)}\n`);
    process.exitCode = 3;
  },
);

/** The result of a run in which the ignore rules exclude every path given: no file, no finding. */
function nothingLinted(root: string): LintResult {
  return { root, findings: [], rules: [], files: [], notifications: [], sources: new Map(), toolVersion: VERSION, undecided: [], skipped: [], notices: [] };
}

/**
 * A report or baseline is never written over a file the run lints (`-o variables.tf` typed for
 * `-o variables.sarif`), nor over a Terraform or Bicep file: exit 2, nothing written, as the
 * cache location refuses such a file.
 */
function refuseLintedTarget(file: string, option: string, result: LintResult): void {
  const why = sourceTarget(file, result);
  if (why) throw new UsageError(`${option} ${file} is infrastructure code${why === 'source' ? '' : ' this run lints'}, so it is not written over; name another file for the ${option === '--output' ? 'report' : 'baseline'}`);
}

/**
 * Writes a report or baseline the user asked for; a file system that refuses it (a full disk,
 * `/dev/full`, a read-only mount) is a usage problem said in one line (exit 2), not a bug.
 */
function writeOrSay(file: string, text: string, option: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`${option} ${file}: cannot write it: ${ioErrorText(e)}`);
  }
}
