/**
 * Adversarial checks of `--cache`'s signatures (src/core/host.ts `Host.signature`,
 * src/pipeline/cache.ts): a warm run gives the same bytes as a run without the cache, whatever
 * changed between the runs in a way a file's signature alone does not show.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import { formatResult } from '../../src/report/index.js';
import type { LintResult } from '../../src/engine/result.js';

const temps: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-cache-sig-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Lets the clock pass the files just written (see `settle` in units.test.ts). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

/** Every report format's bytes. */
function reports(r: LintResult, cwd: string): string {
  return ['stylish', 'json', 'sarif', 'compact'].map((f) => formatResult(r, f as 'json', { cwd })).join('\n\u0000\n');
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const base = (root: string, extra: Partial<LintOptions> = {}): LintOptions => ({ paths: [root], root, noConfig: true, today: '2026-12-01', ...extra });

describe('--cache: a warm run is the run without the cache', () => {
  it('classification by content depends on the path from the root: the same file under another root is classified afresh', async () => {
    const top = tempDir();
    // A workflow by its place only (`.github/workflows/`): no `on:`, so its content alone says nothing.
    write(top, {
      '.github/workflows/deploy.yml': 'name: deploy\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az storage account create --name st --resource-group rg --allow-blob-public-access true\n',
    });
    await settle();
    const cacheLocation = path.join(tempDir(), 'c.json');
    const gh = path.join(top, '.github');
    const cached = (root: string): LintOptions => base(root, { cache: true, cacheLocation, cacheFreshMs: 0 });
    const first = await lint(cached(top));
    expect(first.files).toEqual(['.github/workflows/deploy.yml']);
    // The same cache, the folder below as the root: the file is no workflow by its path there.
    const plain = await lint(base(gh));
    expect(reports(await lint(cached(gh)), gh)).toBe(reports(plain, gh));
    // And back.
    expect(reports(await lint(cached(top)), top)).toBe(reports(await lint(base(top)), top));
  });
});
