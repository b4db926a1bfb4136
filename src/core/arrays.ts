/**
 * Array helpers for sizes that come from the scanned code. `a.push(...b)` and `Math.max(...b)`
 * pass every element as an argument and overflow the stack near 100,000 (fewer with big
 * frames): a generated template with 20,000 findings in one file crashed the run.
 */

/** Appends every item of `items` to `target`, without spreading them as arguments. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest number of `values`, or -Infinity for none (as `Math.max()`). */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest number of `values`, or Infinity for none (as `Math.min()`). */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** Adds `value` to the list under `key` (pushed: a list copied at each addition is quadratic in its length). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
