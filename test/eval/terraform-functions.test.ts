/**
 * Terraform built-ins used in real configurations (corpus: alltrue/anytrue in validations,
 * strcontains in AVM role assignments, nonsensitive(var.client_secret) in terraform-azurerm-aks,
 * sensitive() in CAF) evaluated as Terraform does; before, each was unknown.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { evaluate } from '../../src/eval/terraform/expressions.js';
import { EvalGuard } from '../../src/eval/terraform/guard.js';
import { toJS, unknown } from '../../src/core/value.js';
import { lineCol, tree, where } from './tree.js';

/** One expression with `var.u` unknown. */
function js(expr: string): unknown {
  const file = parseHcl(`x = ${expr}\n`, 'main.tf');
  expect(file.errors).toEqual([]);
  const item = file.body.items[0]!;
  if (item.type !== 'Attribute') throw new Error('not an attribute');
  const guard = new EvalGuard(() => undefined, 5000);
  const v = evaluate(item.expr, {
    file: 'main.tf',
    guard,
    resolveRoot: (root) => (root === 'var' ? { value: unknown('depends on var.u'), consumed: 1 } : undefined),
  });
  return v.kind === 'unknown' ? 'unknown' : toJS(v);
}

describe('Terraform functions', () => {
  it('floor, ceil and signum as Terraform computes them (review 125: floor() in a validation was unknown)', () => {
    expect([js('floor(5.9)'), js('floor(-5.1)'), js('floor(200) == 200'), js('floor(var.u)')]).toEqual([5, -6, true, 'unknown']);
    expect([js('ceil(5.1)'), js('ceil(-5.9)'), js('ceil(5)')]).toEqual([6, -5, 5]);
    expect([js('signum(-13)'), js('signum(0)'), js('signum(344)')]).toEqual([-1, 0, 1]);
  });

  it('range() stops where Terraform does: more than 1024 numbers is an error there, so unknown here, with the reason', () => {
    expect(js('length(range(1024))')).toBe(1024);
    expect(js('range(0, 2048, 2)')).toHaveLength(1024);
    const file = parseHcl('x = range(1025)\n', 'main.tf');
    const item = file.body.items[0]!;
    if (item.type !== 'Attribute') throw new Error('not an attribute');
    const v = evaluate(item.expr, { file: 'main.tf', guard: new EvalGuard(() => undefined, 5000), resolveRoot: () => undefined });
    expect(v.kind === 'unknown' && v.reason).toBe('range() would make more than 1024 numbers, which Terraform rejects');
  });

  it('a for expression over as many items as range() gives is evaluated (the loop cap of RULES.md then applies to instances; review 105)', () => {
    expect(js('length(toset([for i in range(1024) : format("acr%04d", i)]))')).toBe(1024);
    expect(js('length({ for i in range(1010) : tostring(i) => i })')).toBe(1010);
  });

  it('jsonencode writes as Terraform does: keys in lexical order, <, >, & and U+2028/U+2029 escaped (review 57)', () => {
    expect(js('jsonencode({ b = 1, a = 2 }) == jsonencode({ a = 2, b = 1 })')).toBe(true);
    expect(js('jsonencode({ b = { d = 1, c = [true, null] }, "10" = "x", a = "y" })')).toBe('{"10":"x","a":"y","b":{"c":[true,null],"d":1}}');
    expect(js('jsonencode(merge({ z = 1 }, { a = 2 }))')).toBe('{"a":2,"z":1}');
    expect(js('jsonencode("<b> & \\u2028")')).toBe('"\\u003cb\\u003e \\u0026 \\u2028"');
    expect(js('jsonencode([1.5, -2, "a\\"b"])')).toBe('[1.5,-2,"a\\"b"]');
    expect(js('jsonencode({ a = var.u })')).toBe('unknown');
  });

  it('length and substr count grapheme clusters, as Terraform does (length("👾🕹️") is 2; review 57)', () => {
    expect(js('length("👾🕹️")')).toBe(2);
    expect(js('length("e\\u0301te")')).toBe(3);
    expect(js('length("a\\r\\nb")')).toBe(3);
    expect(js('length("abc")')).toBe(3);
    expect(js('substr("👍🏽x", 1, 1)')).toBe('x');
    expect(js('substr("hello", -3, -1)')).toBe('llo');
  });

  it('alltrue / anytrue follow Terraform (element order, null, strings "true"/"false", unknowns)', () => {
    expect(js('alltrue([])')).toBe(true);
    expect(js('alltrue([true, "true"])')).toBe(true);
    expect(js('alltrue([true, false])')).toBe(false);
    expect(js('alltrue([true, null])')).toBe(false);
    expect(js('alltrue([var.u, false])')).toBe('unknown');
    expect(js('alltrue([false, var.u])')).toBe(false);
    expect(js('anytrue([])')).toBe(false);
    expect(js('anytrue([false, "true"])')).toBe(true);
    expect(js('anytrue([var.u, true])')).toBe(true);
    expect(js('anytrue([var.u, false])')).toBe('unknown');
    expect(js('anytrue([null, false])')).toBe(false);
  });

  it('strcontains, sum, sensitive and nonsensitive', () => {
    expect(js('strcontains("Standard_NC6", "NC")')).toBe(true);
    expect(js('strcontains("Standard_D4", "NC")')).toBe(false);
    expect(js('strcontains(var.u, "NC")')).toBe('unknown');
    expect(js('sum([1, 2, "3"])')).toBe(6);
    expect(js('sum([1, var.u])')).toBe('unknown');
    expect(js('sensitive("x")')).toBe('x');
    expect(js('nonsensitive(["a"])')).toEqual(['a']);
  });

  it('a value wrapped in nonsensitive() keeps where it was written', async () => {
    const main = `variable "admin" {
  default = true
}
resource "azurerm_container_registry" "acr" {
  name                = "acr"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Premium"
  admin_enabled       = nonsensitive(var.admin)
}
`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['ACR001'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`ACR001 error main.tf:${lineCol(main, 'true')}`]);
  });
});
