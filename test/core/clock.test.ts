/**
 * The scan date (src/core/clock.ts): `todayUtc` writes the UTC date of a time value as
 * `Date.prototype.toISOString` does, without calling it (its first call costs start-up time).
 */
import { describe, expect, it } from 'vitest';
import { todayUtc, utcDateOf } from '../../src/core/clock.js';

const DAY = 86_400_000;

describe('utcDateOf: the UTC date of a time value, as toISOString writes it', () => {
  it.each([
    ['the epoch', 0],
    ['the last millisecond before the epoch', -1],
    ['a leap day', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['the day after a leap day', Date.UTC(2024, 2, 1)],
    ['2000-02-29 (a leap year divisible by 400)', Date.UTC(2000, 1, 29, 12)],
    ['2100-02-28 then no leap day (divisible by 100)', Date.UTC(2100, 1, 28, 23, 59)],
    ['2100-03-01', Date.UTC(2100, 2, 1)],
    ['the last millisecond of 9999', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
    // Date.UTC reads years 0–99 as 1900–1999: these are set with setUTCFullYear.
    ['year 1', new Date(0).setUTCFullYear(1, 0, 1)],
    ['year 0 (1 BC), its last day', new Date(0).setUTCFullYear(0, 11, 31)],
  ])('%s', (_what, ms) => {
    expect(utcDateOf(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
  });

  it('every day from 1600 to 2500, at the first and last millisecond of the day', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1600, 0, 1); ms < Date.UTC(2500, 0, 1); ms += DAY) {
      for (const t of [ms, ms + DAY - 1]) {
        const want = new Date(t).toISOString().slice(0, 10);
        if (utcDateOf(t) !== want) wrong.push(`${t}: ${utcDateOf(t)} (want ${want})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('an invalid time value is an error, as toISOString makes it', () => {
    expect(() => utcDateOf(NaN)).toThrow(RangeError);
    expect(() => todayUtc(new Date('not a date'))).toThrow(RangeError);
  });

  it('todayUtc reads the date it is given', () => {
    expect(todayUtc(new Date(Date.UTC(2026, 11, 7, 23, 30)))).toBe('2026-12-07');
  });
});
