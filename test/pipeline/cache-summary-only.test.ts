/**
 * A summary-only unit result (`UnitResult.summaryOnly`: a late unit's first pass, another
 * shard's unit, a files-only run's feeder) is cached like any other, and serves only a run that
 * wants no more of the unit than its summary; a full result serves both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnitCache } from '../../src/pipeline/cache.js';
import { createHost } from '../../src/core/host.js';
import { summarizeScan } from '../../src/engine/scan.js';
import type { UnitResult } from '../../src/pipeline/unit.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-cache-summary-');

function result(summaryOnly: boolean): UnitResult {
  const none = { findings: [], problems: [], undecided: [], directives: [], supProblems: [], evidence: {}, frames: {}, readProblems: [], skipped: [], evaluatedElsewhere: [] };
  return { ...none, summary: summarizeScan([]), ...(summaryOnly ? { summaryOnly: true as const } : {}) };
}

/** A cache file holding `stored` under key `k` for unit `u`, opened again as the next run opens it. */
function reopened(stored: UnitResult): { cache: UnitCache; root: string } {
  const root = fs.realpathSync(tempDir());
  const file = path.join(root, 'cache');
  const warn = (m: string): never => {
    throw new Error(m);
  };
  const first = UnitCache.open(file, 'v1', warn);
  first.set('k', 'u', [], stored);
  first.save({ plannedUnits: new Set(['u']) });
  return { cache: UnitCache.open(file, 'v1', warn), root };
}

describe('summary-only results in the --cache', () => {
  it.each([
    // stored, wanted, served
    ['summary-only', 'its summary', true],
    ['summary-only', 'its findings', false],
    ['full', 'its summary', true],
    ['full', 'its findings', true],
  ] as const)('a %s result, asked for by a run that wants %s: served %s', (stored, wanted, served) => {
    const { cache, root } = reopened(result(stored === 'summary-only'));
    const hit = cache.get('k', 'u', createHost(root), wanted === 'its summary');
    expect(hit !== undefined).toBe(served);
    if (hit) expect(hit.summaryOnly === true).toBe(stored === 'summary-only');
  });
});
