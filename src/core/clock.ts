/**
 * Milliseconds from a monotonic clock, for time budgets and progress.
 * process.hrtime rather than performance.now(): the `performance` global loads perf_hooks on
 * first use, about 2 ms of every run's start-up.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * The scan date, `YYYY-MM-DD` in UTC: what "today" means for date-dependent decisions
 * (suppression expiry, GPU004 retirement dates). `lint()` reads it once per run and passes
 * it on (`LintOptions.today` overrides it, so tests fix the date).
 */
export function todayUtc(now: Date = new Date()): string {
  return utcDateOf(now.getTime());
}

/**
 * `YYYY-MM-DD` in UTC of a time value (years 0–9999, as `toISOString` writes them), by Howard
 * Hinnant's days-to-civil algorithm (https://howardhinnant.github.io/date_algorithms.html#civil_from_days).
 * Not `Date.prototype.toISOString`: its first call in a process costs about 0.75 ms (V8 sets up
 * its date cache), and every run makes it, a one-file run's start-up included (bench goal 4).
 */
export function utcDateOf(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  const z = Math.floor(ms / 86_400_000) + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // from March 1st
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
