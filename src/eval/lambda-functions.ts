/**
 * The lambda functions of ARM template expressions and Bicep, one implementation for both
 * evaluators (Bicep compiles `map(xs, x => …)` to `map(xs, lambda('x', …))`, so the two must
 * agree): `map(xs, (x, i) => …)`, `filter(xs, (x, i) => bool)`, `reduce(xs, init, (cur, next,
 * i) => …)`, `sort(xs, (a, b) => a before b)`, `toObject(xs, x => key, x => value)`,
 * `mapValues(o, v => …)`, `groupBy(xs, x => key)` (Microsoft Learn, "Lambda functions for ARM
 * templates" and "Lambda functions for Bicep"). Each evaluator binds a lambda's parameters and
 * evaluates its body (`LambdaBody`); an unknown collection, key or predicate makes the result
 * unknown.
 */
import type { Location } from '../core/source.js';
import { list, num, obj, unknown, type Value } from '../core/value.js';

/** The lambda functions, by lower-case name. */
export const LAMBDA_FUNCTIONS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'sort', 'toobject', 'mapvalues', 'groupby']);

/** Lambda bodies evaluated per evaluation (nested `map(range(0, 1000), …)` calls multiply: hostile input never hangs). */
export const LAMBDA_BUDGET = 100_000;

/** The EVAL001 note of an evaluation that ran out of LAMBDA_BUDGET (once per evaluation). */
const LAMBDA_BUDGET_NOTE = `lambda functions call their lambdas more than ${LAMBDA_BUDGET.toLocaleString('en-US')} times in this evaluation; the values past that are not evaluated`;

/**
 * A lambda call's value past the budget, or undefined within it; `calls`: the bodies this
 * evaluation evaluated before this one. The first call past it reports LAMBDA_BUDGET_NOTE (an
 * EVAL001 note), once.
 */
export function pastLambdaBudget(calls: number, l: string, loc: Location, note: (message: string) => void): Value | undefined {
  if (calls < LAMBDA_BUDGET) return undefined;
  if (calls === LAMBDA_BUDGET) note(LAMBDA_BUDGET_NOTE);
  return unknown(`${l}(): more than ${LAMBDA_BUDGET} lambda calls are not evaluated`, loc);
}

/** A lambda of the call, as its evaluator runs it on arguments (undefined: the call has no such lambda). */
export type LambdaBody = ((args: Value[]) => Value) | undefined;

/**
 * Applies lambda function `l` (lower case) to its collection `input` with its lambdas `fns` (in
 * order) and, for `reduce`, its initial value. At most `maxItems` items (a loop's cap).
 */
export function applyLambdaFunction(l: string, input: Value | undefined, init: Value | undefined, fns: readonly LambdaBody[], loc: Location, maxItems: number): Value {
  const call = (i: number, args: Value[]): Value => fns[i]?.(args) ?? unknown(`${l}() needs a lambda`, loc);
  if (l === 'mapvalues') {
    if (input?.kind !== 'object') return unknown(`${l}(): the object is not known`, loc);
    const m = new Map<string, Value>();
    for (const [k, v] of input.entries) m.set(k, call(0, [v]));
    return obj(m, loc);
  }
  if (input?.kind !== 'list') return unknown(`${l}(): the array is not known${input?.kind === 'unknown' ? ` (${input.reason})` : ''}`, loc);
  const items = input.items;
  if (items.length > maxItems) return unknown(`${l}(): more than ${maxItems} items are not evaluated`, loc);
  // An item's index is a position (as a loop's index is), never an input deciding a condition: not located.
  const idx = (i: number): Value => num(i);
  switch (l) {
    case 'map':
      return list(
        items.map((x, i) => call(0, [x, idx(i)])),
        loc,
      );
    case 'filter': {
      const out: Value[] = [];
      for (let i = 0; i < items.length; i++) {
        const keep = call(0, [items[i]!, idx(i)]);
        if (keep.kind !== 'bool') return unknown(`${l}(): the predicate is not known for item ${i}`, loc);
        if (keep.value) out.push(items[i]!);
      }
      return list(out, loc);
    }
    case 'reduce':
      return items.reduce((cur, next, i) => call(0, [cur, next, idx(i)]), init ?? unknown('reduce() needs an initial value', loc));
    case 'sort': {
      // A stable merge sort with the lambda as "a comes before b": n log n lambda calls, so a
      // long list in reverse order does not spend the lambda budget (insertion sort did).
      let unknownComparison = false;
      const before = (a: Value, b: Value): boolean => {
        const r = call(0, [a, b]);
        if (r.kind !== 'bool') unknownComparison = true;
        return r.kind === 'bool' && r.value;
      };
      const sorted = mergeSort(items, before, () => unknownComparison);
      return unknownComparison ? unknown(`${l}(): the comparison is not known`, loc) : list(sorted, loc);
    }
    default: {
      // toObject(xs, key[, value]) and groupBy(xs, key): keys must be known strings.
      const m = new Map<string, Value>();
      for (const x of items) {
        const key = call(0, [x]);
        if (key.kind !== 'string') return unknown(`${l}(): a key is not known`, loc);
        if (l === 'groupby') {
          const g = m.get(key.value);
          m.set(key.value, list(g?.kind === 'list' ? [...g.items, x] : [x], loc));
        } else m.set(key.value, fns[1] ? call(1, [x]) : x);
      }
      return obj(m, loc);
    }
  }
}

/**
 * Sorts `items` stably by `before` (a strict "a comes before b"): an item of the right half
 * goes first only when it comes before the left one. Stops early once `stop()` holds.
 */
function mergeSort(items: readonly Value[], before: (a: Value, b: Value) => boolean, stop: () => boolean): Value[] {
  if (items.length <= 1) return [...items];
  const mid = items.length >> 1;
  const left = mergeSort(items.slice(0, mid), before, stop);
  const right = mergeSort(items.slice(mid), before, stop);
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length && !stop()) out.push(before(right[j]!, left[i]!) ? right[j++]! : left[i++]!);
  while (i < left.length) out.push(left[i++]!);
  while (j < right.length) out.push(right[j++]!);
  return out;
}
