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
  return now.toISOString().slice(0, 10);
}
