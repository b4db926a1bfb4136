/**
 * Own strings (src/core/own-strings.ts): a result kept after its unit must not hold the texts it
 * was cut from. V8 keeps a sliced string's whole parent alive; the heap statistics after a full
 * collection show whether the parents went.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownString, ownStrings } from '../../src/core/own-strings.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in MB. */
function liveMb(): number {
  gc();
  return v8.getHeapStatistics().used_heap_size / 1e6;
}

/** Fresh 1-MB texts (one per index), each with a line worth keeping. */
const text = (i: number): string => `resource "azurerm_key_vault" "kv${i}" {\n` + `  # ${'x'.repeat(80)}\n`.repeat(12_000);

describe('ownString', () => {
  it('is the same text', () => {
    for (const s of ['', 'short', 'a string of more than thirteen characters', 'ünïcödé and emoji 🚀 past the slice threshold']) expect(ownString(s)).toBe(s);
  });

  it('does not keep the text it was cut from', () => {
    const base = liveMb();
    const sliced = Array.from({ length: 40 }, (_, i) => text(i).slice(0, 40));
    const withParents = liveMb() - base;
    const owned = sliced.map(ownString);
    sliced.length = 0;
    const withoutParents = liveMb() - base;
    expect(owned[3]).toBe('resource "azurerm_key_vault" "kv3" {\n  #');
    // 40 texts of about 1 MB (one byte per character) against 40 short strings.
    expect(withParents).toBeGreaterThan(30);
    expect(withoutParents).toBeLessThan(2);
  });
});

describe('ownStrings', () => {
  it('replaces every string of plain data in place, keys and frozen constants left as they are', () => {
    const shared = Object.freeze({ file: 'a'.repeat(20) });
    const result = { findings: [{ message: text(1).slice(0, 30), location: { file: 'main.tf', label: text(2).slice(3, 50) } }], frames: { 'main.tf': [[1, text(3).slice(0, 40)]] }, shared, n: 3 };
    const before = JSON.stringify(result);
    expect(ownStrings(result)).toBe(result);
    expect(JSON.stringify(result)).toBe(before);
    expect(result.shared).toBe(shared);
  });

  it('frees the texts a unit-like result was cut from', () => {
    const base = liveMb();
    const results = Array.from({ length: 40 }, (_, i) => {
      const t = text(i);
      return { findings: [{ message: t.slice(0, 30), related: [{ label: t.slice(40, 90) }] }], frames: { 'main.tf': [[2, t.slice(41, 120)]] } };
    });
    expect(liveMb() - base).toBeGreaterThan(30);
    for (const r of results) ownStrings(r);
    expect(liveMb() - base).toBeLessThan(2);
  });
});
