/**
 * `planningFact` (frontends/shared.ts): planning's answer about one file's text. With the
 * --cache the cache keeps it (by the file's signature); without, the run's Host does: a
 * question asked again of the same file in the same run (a `.tf` file's module sources, by its
 * callers' walk, its unit, its data files) reads and scans the file once.
 */
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/core/host.js';
import { planningFact } from '../../src/frontends/shared.js';

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** A Host that holds `texts` and counts each file's reads. */
function countingHost(texts: Record<string, string>): { host: Host; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const host = {
    readText: (f: string) => {
      reads.set(f, (reads.get(f) ?? 0) + 1);
      return texts[f];
    },
    forget: () => undefined,
  } as unknown as Host;
  return { host, reads };
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

  it('another run (another Host) reads the file again', () => {
    const first = countingHost({ 'a.tf': 'abc' });
    const second = countingHost({ 'a.tf': 'abcd' });
    expect(planningFact({ host: first.host }, 'length', 'a.tf', isNumber, (t) => t.length)).toBe(3);
    expect(planningFact({ host: second.host }, 'length', 'a.tf', isNumber, (t) => t.length)).toBe(4);
  });
});
