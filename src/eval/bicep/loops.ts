/**
 * `for` loops: a declaration's loop (`resource r … = [for x in xs: {…}]`) expands into one
 * instance per item, at most `maxCopy`; a `for` expression builds an array. An unknown
 * collection gives one instance whose item and index are unknown (with the `copyIndex()`
 * token of the compiled twin), never a guessed count. An index (`for (x, i) in xs`) is the
 * instance's position, as ARM's `copyIndex()` and Terraform's `count.index` are: not located,
 * so it never counts as the input that decided a condition (`i == 0 ? 'A' : 'B'` is located at
 * the value chosen; RULES.md "Values chosen by a condition"). An item is a member of the
 * collection, located where the collection writes it (a parameter's default, a parameter file).
 */
import { elementOf, list, num } from '../../core/value.js';
import type { Value } from '../../core/value.js';
import type { ForExpr, IfBody } from '../../parse/bicep/index.js';
import { armAccess } from '../arm/evaluate.js';
import { loopCountText, takeExpansions } from '../../core/limits.js';
import { U, withLoopLocals } from './context.js';
import type { Locals } from './context.js';
import type { FileScope } from './scope.js';

/** Expands a declaration's loop into (locals, index) pairs; an unknown collection gives one instance. */
export function expandLoop(scope: FileScope, loop: ForExpr | null, locals: Locals, symbol: string): { locals: Locals; index?: number }[] {
  if (!loop) return [{ locals }];
  const xs = scope.eval(loop.iterable, locals);
  if (xs.kind === 'list') {
    let n = xs.items.length;
    if (n > scope.env.maxCopy) {
      scope.problem(`loop '${symbol}' has ${loopCountText(n, scope.env.maxCopy)} instances; only the first ${scope.env.maxCopy} are evaluated`, loop.iterable.range);
      n = scope.env.maxCopy;
    }
    n = takeExpansions(scope.env.budget, n, (m) => scope.problem(m, loop.iterable.range));
    const out: { locals: Locals; index?: number }[] = [];
    const held = { at: scope.loc(loop.iterable.range), name: 'for' };
    for (let i = 0; i < n; i++) {
      const index = loop.index ? num(i) : undefined;
      // The item is a member of the collection (its chain, as `pools[0]` reads it).
      // Held by the loop when written in its own collection (value.ts heldByLoop).
      out.push({ locals: withLoopLocals(locals, loop.item.name, elementOf(xs, xs.items[i]!, held), loop.index?.name, index), index: i });
    }
    return out;
  }
  if (xs.kind === 'object') {
    scope.problem(`loop '${symbol}' iterates over an object; use items()`, loop.iterable.range);
    return [];
  }
  const idx = U(`the loop collection is unknown${xs.kind === 'unknown' ? ` (${xs.reason})` : ''}`, scope.loc(loop.range), 'copyIndex()');
  const item = xs.kind === 'unknown' ? armAccess(xs, idx, scope.loc(loop.item.range)) : U('the loop collection is not an array', scope.loc(loop.item.range));
  return [{ locals: withLoopLocals(locals, loop.item.name, item, loop.index?.name, idx) }];
}

/** `[for x in xs: body]` and `[for x in xs: if (c) body]` as a value. */
export function evalFor(scope: FileScope, e: ForExpr, locals: Locals): Value {
  const loc = scope.loc(e.range);
  const xs = scope.eval(e.iterable, locals);
  if (xs.kind !== 'list') return U(xs.kind === 'unknown' ? `the loop collection is unknown (${xs.reason})` : 'the loop collection is not an array', loc);
  let n = xs.items.length;
  if (n > scope.env.maxCopy) {
    scope.problem(`loop has ${n} items; only the first ${scope.env.maxCopy} are evaluated`, e.iterable.range);
    n = scope.env.maxCopy;
  }
  const wanted = n;
  n = takeExpansions(scope.env.budget, n, (m) => scope.problem(m, e.iterable.range));
  // Cut by the budget: the array is not known whole.
  if (n < wanted) return U('the loop is past the expansion budget', loc);
  const items: Value[] = [];
  const held = { at: scope.loc(e.iterable.range), name: 'for' };
  for (let i = 0; i < n; i++) {
    const index = e.index ? num(i) : undefined;
    const l = withLoopLocals(locals, e.item.name, elementOf(xs, xs.items[i]!, held), e.index?.name, index);
    const body = e.body;
    if (body.kind === 'IfBody') {
      const c = scope.eval((body as IfBody).condition, l);
      if (c.kind === 'bool' && !c.value) continue;
      if (c.kind !== 'bool') return U('a loop filter depends on an unknown value', loc);
      const b = (body as IfBody).body;
      items.push(b.kind === 'Object' ? scope.evalObject(b, l) : U('invalid loop body', loc));
    } else items.push(scope.eval(body, l));
  }
  return list(items, loc);
}
