/**
 * The texts planning read are handed to the units (`HostOptions.setAsideChars`, issue 15): the
 * bound is shared by the threads that plan the run, so a run on one thread holds it whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/api.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('set-aside texts', () => {
  it('a run without worker threads holds the whole bound, whatever --concurrency asks: each file is read once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-set-aside-'));
    dirs.push(dir);
    // Two files of 1.2 M characters each: both fit the 16 M bound, but not its eighth (2 M).
    const big = `${'# padding padding padding padding padding padding padding padding padding padding\n'.repeat(14_500)}`;
    expect(big.length).toBeGreaterThan(1_100_000);
    const files = ['a/main.tf', 'b/main.tf'].map((f) => path.join(dir, f));
    for (const f of files) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, `${big}resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n`);
    }
    const reads = vi.spyOn(fs, 'readFileSync');
    // From the TypeScript sources there is no worker entry (src/pipeline/workers.ts): one thread.
    const result = await lint({ paths: [dir], root: dir, noConfig: true, concurrency: 8, today: '2026-12-01' });
    expect(result.files).toEqual(['a/main.tf', 'b/main.tf']);
    const opens = files.map((f) => reads.mock.calls.filter(([p]) => p === f).length);
    expect(opens).toEqual([1, 1]);
  });
});
