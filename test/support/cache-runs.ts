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
import { VERSION } from '../../src/api.js';
import { cacheFileText, inspectCacheFile } from '../../src/pipeline/cache.js';

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

/** A `--cache` file's content, its entries' results and files' records parsed (`inspectCacheFile`). */
export function readCache(file: string): ReturnType<typeof inspectCacheFile> {
  return inspectCacheFile(fs.readFileSync(file), VERSION);
}

/** Writes `content` (as `readCache` gives it, values of any shape) as a `--cache` file, its checksum included: a test plants a value. */
export function writeCache(file: string, content: Parameters<typeof cacheFileText>[1]): void {
  fs.writeFileSync(file, cacheFileText(VERSION, content));
}

/**
 * What tells a file written again from one left alone: its inode and modification time (a
 * cache file is replaced by a rename, a new inode). The time is set back first, so a rewrite
 * within the clock's tick still shows.
 */
export function stampOf(file: string): string {
  fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
  return currentStamp(file);
}

export function currentStamp(file: string): string {
  const st = fs.statSync(file);
  return `${st.ino}:${st.mtimeMs}`;
}
