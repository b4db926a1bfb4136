/**
 * The node budget of function arguments (functions.ts MAX_ARGUMENT_NODES): a function whose
 * argument has more than 100,000 nodes (values, lists and objects, counted as walked) gives
 * unknown instead of walking it. The budget bounds exactly the values it bounded before the
 * walk was made cheaper (no walk for a one-node argument, lists by index, maps by forEach).
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { evaluate } from '../../src/eval/terraform/expressions.js';
import { EvalGuard } from '../../src/eval/terraform/guard.js';
import { toJS } from '../../src/core/value.js';

function js(expr: string): unknown {
  const file = parseHcl(`x = ${expr}\n`, 'main.tf');
  expect(file.errors).toEqual([]);
  const item = file.body.items[0]!;
  if (item.type !== 'Attribute') throw new Error('not an attribute');
  const value = evaluate(item.expr, { file: 'main.tf', guard: new EvalGuard(() => {}, 60_000), resolveRoot: () => undefined });
  return value.kind === 'unknown' ? `unknown: ${value.reason}` : toJS(value);
}

describe('Terraform function argument node budget', () => {
  // [for i in range(n) : [for j in range(m) : j]] has 1 + n + n*m nodes.
  it('walks an argument of exactly 100,000 nodes (1 + 271 + 271*368)', () => {
    expect(js('length([for i in range(271) : [for j in range(368) : j]])')).toBe(271);
  });

  it('stops at an argument of 100,001 nodes (1 + 400 + 400*249)', () => {
    expect(js('length([for i in range(400) : [for j in range(249) : j]])')).toBe('unknown: length() argument is too large to evaluate statically');
  });

  it('counts the entries of objects as it counts list items', () => {
    expect(js('length({for i in range(271) : tostring(i) => [for j in range(368) : j]})')).toBe(271);
    expect(js('length({for i in range(400) : tostring(i) => [for j in range(249) : j]})')).toBe('unknown: length() argument is too large to evaluate statically');
  });

  it('judges every argument, one-node arguments included', () => {
    expect(js('length("abc")')).toBe(3);
    expect(js('concat([1], [for i in range(400) : [for j in range(249) : j]])')).toBe('unknown: concat() argument is too large to evaluate statically');
  });
});
