/**
 * Helpers of the tests that compare runs with and without `--cache` (test/pipeline): fresh
 * folders removed after each test, a pause that lets the clock pass files just written, and
 * every report format's bytes of a result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { LintResult } from '../../src/engine/result.js';
import { formatResult } from '../../src/report/index.js';

/** A maker of fresh temporary folders (named `prefix…`), each removed after the test that made it. */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(d);
    return d;
  };
}

/**
 * Lets the file system's clock pass the files just written: a file whose times are not before
 * the run's clock has no signature (`cacheFreshMs: 0` still needs them in the past), and a write
 * after this gets other times than the one before it (timestamps tick in a few milliseconds).
 */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

/** Every report format's bytes, so "the same output" means all of them. */
export function allReports(r: LintResult, cwd: string): string {
  return ['stylish', 'json', 'sarif', 'compact'].map((f) => formatResult(r, f as 'json', { cwd })).join('\n\u0000\n');
}
