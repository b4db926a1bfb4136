/**
 * Own strings (src/core/own-strings.ts): a result kept after its unit must not hold the texts it
 * was cut from. V8 keeps a sliced string's whole parent alive; the heap statistics after a full
 * collection show whether the parents went.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { memoByText, ownString, ownStrings } from '../../src/core/own-strings.js';

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

describe('memoByText', () => {
  it('computes each distinct text once, from an own copy, and keeps no text it was cut from', () => {
    const seen: string[] = [];
    const upper = memoByText(100, (own) => {
      seen.push(own);
      return own.toUpperCase();
    });
    expect(upper('parameters(x)')).toBe('PARAMETERS(X)');
    expect(upper('parameters(x)')).toBe('PARAMETERS(X)');
    expect(seen).toEqual(['parameters(x)']);
    const base = liveMb();
    // Texts cut from 1-MB files: memoised, the files must still go.
    for (let i = 0; i < 30; i++) upper(text(i).slice(5, 40));
    expect(liveMb() - base).toBeLessThan(2);
  });

  it('keeps null answers, and starts afresh past its limit (hostile input cannot grow it)', () => {
    let calls = 0;
    const none = memoByText(3, () => {
      calls++;
      return null;
    });
    expect(none('a')).toBeNull();
    expect(none('a')).toBeNull();
    expect(calls).toBe(1);
    for (const t of ['b', 'c', 'd', 'e']) none(t);
    expect(calls).toBe(5);
    none('a'); // cleared when it passed 3 entries: computed again
    expect(calls).toBe(6);
  });
});
