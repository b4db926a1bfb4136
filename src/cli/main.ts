/**
 * The `mlops-iac-lint` command. Exit codes: 0 clean, 1 findings at/above --fail-on,
 * 2 usage or configuration error. A user mistake prints one line, never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lint, UsageError, VERSION } from '../api.js';
import { formatResult } from '../report/index.js';
import { HELP, parseCli, type CliOptions } from './args.js';
import { explainRule, listRules } from './rules-info.js';
import type { LintResult } from '../engine/result.js';
import { writeBaseline } from '../engine/baseline.js';

const RANK = { note: 1, warning: 2, error: 3 } as const;

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

function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export async function main(argv: string[]): Promise<number> {
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
      process.stdout.write(explainRule(opts.explain, useColor(process.stdout)));
      return 0;
    }
    // Pre-commit mode: when every positional is a file, lint each file's whole folder (so
    // variables in sibling files resolve) but report only findings located in those files.
    const onlyFiles = allFiles(opts.paths) ? opts.paths : undefined;
    // MLOPS_IAC_LINT_FAMILIES=terraform,arm,ci restricts the run (used by the benchmark).
    const families = process.env.MLOPS_IAC_LINT_FAMILIES?.split(',').filter((f): f is 'terraform' | 'arm' | 'ci' => ['terraform', 'arm', 'ci'].includes(f));
    const result = await lint({
      paths: opts.paths,
      env: opts.env,
      varFiles: opts.varFiles,
      rules: opts.rules,
      disable: opts.disable,
      onlyFiles,
      families,
      configFile: opts.config,
      baselineFile: opts.writeBaseline ? undefined : opts.baseline,
      errorOnUnmatchedFile: opts.errorOnUnmatchedPattern,
    });
    for (const n of result.notices) process.stderr.write(`mlops-iac-lint: ${n}\n`);
    if (opts.writeBaseline) {
      fs.writeFileSync(opts.writeBaseline, writeBaseline(result.findings, result.root, VERSION));
      const n = result.findings.filter((f) => !f.suppression).length;
      process.stderr.write(`mlops-iac-lint: recorded ${n} finding${n === 1 ? '' : 's'} in ${opts.writeBaseline}\n`);
      return 0;
    }
    if (opts.verbose) {
      for (const s of result.skipped) process.stderr.write(`skipped ${path.relative(process.cwd(), s.file)}: ${s.reason}\n`);
      // RULES.md "Three-valued facts": what an unknown value kept the rules from deciding.
      for (const u of result.undecided) {
        const where = `${path.relative(process.cwd(), u.location.file)}:${u.location.range.start.line}:${u.location.range.start.column}`;
        process.stderr.write(`could not decide ${u.ruleId} for ${u.address}: ${u.attribute} ${u.reason.startsWith('depends') ? u.reason : `is unknown (${u.reason})`} (${where})\n`);
      }
    }
    const toFile = opts.output !== undefined;
    const text = formatResult(result, opts.format, { color: !toFile && opts.format === 'stylish' && useColor(process.stdout), cwd: process.cwd() });
    if (toFile) fs.writeFileSync(opts.output!, text);
    else process.stdout.write(text);
    return exitCodeFor(result, opts.failOn);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`mlops-iac-lint: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR') {
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
