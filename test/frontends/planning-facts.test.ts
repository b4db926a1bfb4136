/**
 * `planningFact` (frontends/shared.ts): planning's answer about one file's text. With the
 * --cache the cache keeps it (by the file's signature); without, the run's Host does while the
 * run is planned (`Host.planningAnswers`): a question asked again of the same file (a `.tf`
 * file's module sources, by its callers' walk, its unit, its data files) reads and scans the
 * file once.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../src/core/host.js';
import { planningFact } from '../../src/frontends/shared.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-planning-answers-');

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** A Host that holds `texts`, counts each file's reads, and keeps planning's answers until `planned()`. */
function countingHost(texts: Record<string, string>): { host: Host; reads: Map<string, number>; planned: () => void } {
  const reads = new Map<string, number>();
  let answers: Map<string, unknown> | undefined = new Map();
  const host = {
    readText: (f: string) => {
      reads.set(f, (reads.get(f) ?? 0) + 1);
      return texts[f];
    },
    forget: () => undefined,
    planningAnswers: () => answers,
  } as unknown as Host;
  return { host, reads, planned: () => (answers = undefined) };
}

describe('planningFact without the --cache', () => {
  it('reads and computes an answer once per file, question and run', () => {
    const { host, reads } = countingHost({ 'a.tf': 'abc', 'b.tf': 'de' });
    let computed = 0;
    const length = (text: string): number => (computed++, text.length);
    const ask = (file: string, name = 'length'): number | undefined => planningFact({ host }, name, file, isNumber, length);
    expect([ask('a.tf'), ask('a.tf'), ask('b.tf'), ask('a.tf')]).toEqual([3, 3, 2, 3]);
    expect([computed, reads.get('a.tf'), reads.get('b.tf')]).toEqual([2, 1, 1]);
    // Another question of the same file is its own answer.
    expect(ask('a.tf', 'other')).toBe(3);
    expect([computed, reads.get('a.tf')]).toEqual([3, 2]);
  });

  it('a file that cannot be read is asked once too (no answer)', () => {
    const { host, reads } = countingHost({});
    const ask = (): number | undefined => planningFact({ host }, 'length', 'gone.tf', isNumber, (t) => t.length);
    expect([ask(), ask()]).toEqual([undefined, undefined]);
    expect(reads.get('gone.tf')).toBe(1);
  });

  it('once the run is planned, a question is answered from the file again (a unit\'s reads are its own)', () => {
    const { host, reads, planned } = countingHost({ 'a.tf': 'abc' });
    const ask = (): number | undefined => planningFact({ host }, 'length', 'a.tf', isNumber, (t) => t.length);
    expect([ask(), ask()]).toEqual([3, 3]);
    planned();
    expect([ask(), ask()]).toEqual([3, 3]);
    expect(reads.get('a.tf')).toBe(3);
  });

  it('the Host keeps the answers until the run is planned', () => {
    const host = createHost(fs.realpathSync(tempDir()));
    expect(host.planningAnswers()).toBeInstanceOf(Map);
    host.planned(new Set());
    expect(host.planningAnswers()).toBeUndefined();
  });

  it('another run (another Host) reads the file again', () => {
    const first = countingHost({ 'a.tf': 'abc' });
    const second = countingHost({ 'a.tf': 'abcd' });
    expect(planningFact({ host: first.host }, 'length', 'a.tf', isNumber, (t) => t.length)).toBe(3);
    expect(planningFact({ host: second.host }, 'length', 'a.tf', isNumber, (t) => t.length)).toBe(4);
  });
});
