/**
 * Milliseconds from a monotonic clock, for time budgets and progress.
 * process.hrtime rather than performance.now(): the `performance` global loads perf_hooks on
 * first use, about 2 ms of every run's start-up.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
