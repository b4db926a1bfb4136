/**
 * Where a report or baseline may be written: never over infrastructure code (`-o variables.tf`
 * typed for `-o variables.sarif`, a `sarif-file: infra/main.tf` input), whether the CLI or the
 * Action writes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { realpathOr } from '../core/paths.js';
import type { LintResult } from '../engine/result.js';

/** Names that are infrastructure code whatever the run: a report or baseline is never one. */
const SOURCE_NAME = /\.(?:tf|tfvars|bicep|bicepparam)$/i;

/**
 * Why `file` must not be written: `'source'`, a Terraform or Bicep file name; `'linted'`, a file
 * the run (`result`) lints; undefined when it may be written.
 */
export function sourceTarget(file: string, result?: Pick<LintResult, 'root' | 'files' | 'linted'>): 'source' | 'linted' | undefined {
  const real = (p: string): string => realpathOr(path.resolve(p));
  const target = real(file);
  if (SOURCE_NAME.test(target)) return 'source';
  if (result && (result.linted ?? result.files).some((f) => real(path.resolve(result.root, f)) === target)) return 'linted';
  return undefined;
}

/**
 * Whether a file already at `file` is a report this tool may replace when it has no run to go
 * by (the Action's failure report): absent, or a SARIF log by its first bytes; any other file
 * (a template the input names by mistake) is kept.
 */
export function replaceableReport(file: string): boolean {
  if (sourceTarget(file) !== undefined) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return /sarif/i.test(head.toString('utf8', 0, n));
  } catch {
    // Absent (or unreadable: writing will say so).
    return true;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
