import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/core/source.js';
import { fromJS, passedThrough, toJS, unknown } from '../../src/core/value.js';
import type { Value } from '../../src/core/value.js';
import { classifyString, MAX_ARM_EXPRESSION_DEPTH, parseExpression, printExpr } from '../../src/eval/arm/expression.js';
import { evaluateArmString } from '../../src/eval/arm/evaluate.js';
import type { ExprContext } from '../../src/eval/arm/evaluate.js';
import { armResourceIdKey } from '../../src/eval/arm/resourceid.js';

const L = (line: number, label?: string): Location => ({
  file: '/t.json',
  range: { start: { line, column: 1, offset: line * 100 }, end: { line, column: 5, offset: line * 100 + 4 } },
  ...(label ? { label } : {}),
});
const EXPR = L(1);
const DECL = L(50, 'parameter "p"');

function ctx(params: Record<string, unknown> = {}, loops: Record<string, number> = {}): ExprContext & { problems: string[] } {
  const problems: string[] = [];
  return {
    problems,
    parameter(name) {
      if (name === 'unset') return passedThrough(unknown("parameter 'unset' has no value", DECL, "parameters('unset')"), DECL);
      if (!(name in params)) return undefined;
      return passedThrough(fromJS(params[name], L(20)), DECL);
    },
    variable(name) {
      return name === 'v' ? passedThrough(fromJS('varval', L(30)), L(31, 'variable "v"')) : undefined;
    },
    copyIndex(loop) {
      const k = loop ?? '';
      return k in loops ? fromJS(loops[k]) : undefined;
    },
    problem(message) {
      problems.push(message);
    },
  };
}

const ev = (s: string, c: ExprContext = ctx()): Value => evaluateArmString(s, EXPR, c);
const js = (s: string, c?: ExprContext): unknown => {
  const v = ev(s, c);
  if (v.kind === 'unknown') throw new Error(`unknown: ${v.reason}`);
  return toJS(v);
};

describe('ARM expression parser', () => {
  it('classifies literal, escaped and expression strings', () => {
    expect(classifyString('abc')).toEqual({ kind: 'literal', value: 'abc' });
    expect(classifyString('[[abc]')).toEqual({ kind: 'literal', value: '[abc]' });
    expect(classifyString("[concat('a')]")).toEqual({ kind: 'expression', text: "concat('a')" });
    expect(classifyString('[not closed')).toEqual({ kind: 'literal', value: '[not closed' });
    expect(classifyString("[concat('a')]  ")).toEqual({ kind: 'expression', text: "concat('a')" });
  });

  it('parses strings with escapes, numbers, keywords, nested calls, property and index access', () => {
    const r = parseExpression("  concat('it''s', -1, 2.5, true, null, f(g()).a.b[0]['x'] ) ");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(printExpr(r.expr)).toBe("concat('it''s', -1, 2.5, true, null(), f(g()).a.b[0]['x'])");
    const ns = parseExpression("__bicep.myFn('a').x");
    expect(ns.ok && printExpr(ns.expr)).toBe("__bicep.myFn('a').x");
  });

  it('skips every JavaScript whitespace character, reads names, numbers and quotes as written', () => {
    // The parser scans character codes: these hold it to what its regular expressions read.
    const spaced = parseExpression("\u00a0f(\u2028'a''b'\t,\ufeff1.5\u3000, -2 ,x-y.z ( ) )\u1680");
    expect(spaced.ok && printExpr(spaced.expr)).toBe("f('a''b', 1.5, -2, x-y.z())");
    // Not whitespace to `\s`: a zero-width space is an unexpected character.
    expect(parseExpression('f(\u200b1)')).toEqual({ ok: false, error: "expected a name at position 3 of expression" });
    // A dot without digits after it ends the number; a namespace dot needs a call after the name.
    expect(parseExpression('f(1.)')).toEqual({ ok: false, error: "expected a name at position 5 of expression" });
    const member = parseExpression('ns . fn (1).p');
    expect(member.ok && printExpr(member.expr)).toBe('ns.fn(1).p');
    expect(parseExpression('ns.x')).toEqual({ ok: false, error: "expected '(' after function name 'ns' at position 3 of expression" });
    expect(parseExpression('f(-)')).toEqual({ ok: false, error: 'invalid number at position 3 of expression' });
    expect(parseExpression("f('ab''")).toEqual({ ok: false, error: 'unterminated string at position 8 of expression' });
  });

  it('returns errors instead of throwing', () => {
    for (const bad of ["concat('a'", "'unterminated", 'foo', 'a(,)', "concat('a'))", '', 'f(1 2)', '(1)']) {
      const r = parseExpression(bad);
      expect(r.ok, bad).toBe(false);
    }
    const c = ctx();
    const v = ev("[concat('a']", c);
    expect(v.kind).toBe('unknown');
    expect(c.problems[0]).toMatch(/Invalid template expression/);
  });
});

describe('ARM expression nesting cap', () => {
  const M = MAX_ARM_EXPRESSION_DEPTH;
  // Each shape is `depth` levels tall: nested calls, nested indexes, a property chain, an index chain.
  const shapes: [string, (depth: number) => string][] = [
    ['calls', (d) => `${'concat('.repeat(d - 1)}'x'${')'.repeat(d - 1)}`],
    ['nested indexes', (d) => `${'createArray(0)['.repeat(d - 2)}0${']'.repeat(d - 2)}`],
    ['property chain', (d) => `createObject()${'.a'.repeat(d - 1)}`],
    ['index chain', (d) => `createArray()${'[0]'.repeat(d - 1)}`],
  ];
  it.each(shapes)('%s: read up to the cap, a limit past it (never a throw)', (_name, shape) => {
    expect(parseExpression(shape(M)).ok).toBe(true);
    expect(parseExpression(shape(M + 2))).toEqual({ ok: false, limit: true, error: `the expression nests more than ${M} levels deep, deeper than mlops-iac-lint evaluates` });
    // ARM's longest expression (24,576 characters) of any shape.
    expect(parseExpression(shape(12_000))).toMatchObject({ ok: false, limit: true });
  });
  it('an expression past the cap is unknown with the reason, and no problem (it is no error of the template)', () => {
    const c = ctx();
    expect(js(`[${'not('.repeat(M - 1)}false()${')'.repeat(M - 1)}]`, c)).toBe(true);
    const v = ev(`[${'not('.repeat(M)}false()${')'.repeat(M)}]`, c);
    expect(v).toMatchObject({ kind: 'unknown', reason: `the expression nests more than ${M} levels deep, deeper than mlops-iac-lint evaluates` });
    expect(c.problems).toEqual([]);
  });
});

describe('ARM expression evaluator', () => {
  it('evaluates literals and escapes', () => {
    expect(js('plain')).toBe('plain');
    expect(js('[[notexpr]')).toBe('[notexpr]');
    expect(js("['it''s']")).toBe("it's");
    expect(js('[true]')).toBe(true);
    expect(js('[null()]')).toBe(null);
    expect(js('[false()]')).toBe(false);
    expect(js('[-3]')).toBe(-3);
  });

  it('evaluates string functions', () => {
    expect(js("[concat('a', 'b', 1)]")).toBe('ab1');
    expect(js("[concat(createArray(1), createArray(2, 3))]")).toEqual([1, 2, 3]);
    expect(js("[format('{0}-{1}-{0} {{x}}', 'a', 2)]")).toBe('a-2-a {x}');
    // .NET composite formatting (audit 54: the alignment and the format string were dropped, `cpu{0:D2}` of 1 was "cpu1").
    expect(js("[format('cpu{0:D2}', 1)]")).toBe('cpu01');
    expect(js("[format('{0:d3}|{1,5}|{1,-4}|', -7, 'ab')]")).toBe('-007|   ab|ab  |');
    expect(ev("[format('{0:N0}', 8175133)]").kind).toBe('unknown');
    expect(ev("[format('{0:D2}', 'x')]").kind).toBe('unknown');
    expect(js("[toLower('AbC')]")).toBe('abc');
    expect(js("[toUpper('AbC')]")).toBe('ABC');
    expect(js("[replace('a-b-c', '-', '_')]")).toBe('a_b_c');
    expect(js("[split('a,b;c', createArray(',', ';'))]")).toEqual(['a', 'b', 'c']);
    expect(js("[split('a/b', '/')]")).toEqual(['a', 'b']);
    expect(js("[startsWith('Hello', 'he')]")).toBe(true);
    expect(js("[endsWith('Hello', 'LO')]")).toBe(true);
    expect(js("[indexOf('abcabc', 'BC')]")).toBe(1);
    expect(js("[lastIndexOf('abcabc', 'bc')]")).toBe(4);
    // The array forms (Learn: "indexOf(arrayToSearch, itemToFind)", case-sensitive for strings, deep equality).
    expect(js("[indexOf(createArray('prod', 'staging', 'prod'), 'prod')]")).toBe(0);
    expect(js("[lastIndexOf(createArray('prod', 'staging', 'prod'), 'prod')]")).toBe(2);
    expect(js("[indexOf(createArray('prod', 'staging'), 'PROD')]")).toBe(-1);
    expect(js("[indexOf(createArray(1, 2, 3), 3)]")).toBe(2);
    expect(js("[indexOf(createArray(createArray('a'), createArray('b')), createArray('b'))]")).toBe(1);
    expect(js("[indexOf(createArray('a'), 'dev')]")).toBe(-1);
    // An array holding an unknown item: unknown (the item could be the one searched for).
    expect(ev("[indexOf(createArray(parameters('unset'), 'dev'), 'dev')]", ctx()).kind).toBe('unknown');
    expect(js("[trim('  x ')]")).toBe('x');
    expect(js("[padLeft('7', 3, '0')]")).toBe('007');
    expect(js("[substring('hello', 1, 3)]")).toBe('ell');
    expect(js("[substring('hello', 2)]")).toBe('llo');
    expect(js("[base64('hi')]")).toBe('aGk=');
    expect(js("[uri('https://a.com/x/', 'y')]")).toBe('https://a.com/x/y');
    expect(js('[string(true)]')).toBe('True');
    expect(js('[string(createObject(\'a\', 1))]')).toBe('{"a":1}');
  });

  it('evaluates logic and comparison functions', () => {
    expect(js("[if(equals('a', 'a'), 'y', 'n')]")).toBe('y');
    expect(js('[not(true)]')).toBe(false);
    expect(js('[and(true, false)]')).toBe(false);
    expect(js('[or(false, true)]')).toBe(true);
    expect(js("[bool('True')]")).toBe(true);
    expect(js('[less(1, 2)]')).toBe(true);
    expect(js('[greater(1, 2)]')).toBe(false);
    expect(js("[lessOrEquals('a', 'a')]")).toBe(true);
    expect(js('[greaterOrEquals(3, 2)]')).toBe(true);
    expect(js("[equals(createArray(1, 'a'), createArray(1, 'a'))]")).toBe(true);
  });

  it('evaluates numeric functions', () => {
    expect(js('[add(1, 2)]')).toBe(3);
    expect(js('[sub(1, 2)]')).toBe(-1);
    expect(js('[mul(3, 2)]')).toBe(6);
    expect(js('[div(7, 2)]')).toBe(3);
    expect(js('[mod(7, 2)]')).toBe(1);
    expect(js('[min(3, 1, 2)]')).toBe(1);
    expect(js('[max(createArray(3, 9, 2))]')).toBe(9);
    expect(js("[int('42')]")).toBe(42);
    expect(js('[range(2, 3)]')).toEqual([2, 3, 4]);
    expect(ev('[div(1, 0)]').kind).toBe('unknown');
  });

  it('evaluates collection functions', () => {
    expect(js("[json('{\"a\": [1, null]}')]")).toEqual({ a: [1, null] });
    expect(js("[empty('')]")).toBe(true);
    expect(js('[empty(createArray())]')).toBe(true);
    expect(js("[contains('abc', 'b')]")).toBe(true);
    expect(js("[contains(createObject('Key', 1), 'key')]")).toBe(true);
    expect(js('[contains(createArray(1, 2), 3)]')).toBe(false);
    expect(js("[length('abc')]")).toBe(3);
    expect(js("[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]")).toEqual({ a: 1, n: { x: 1, y: 2 }, b: 2 });
    expect(js('[union(createArray(1, 2), createArray(2, 3))]')).toEqual([1, 2, 3]);
    expect(js("[first(createArray('a', 'b'))]")).toBe('a');
    expect(js("[last('xyz')]")).toBe('z');
    expect(js('[coalesce(null(), 5)]')).toBe(5);
    expect(js('[skip(createArray(1, 2, 3), 1)]')).toEqual([2, 3]);
    expect(js("[take('abc', 2)]")).toBe('ab');
    expect(js('[array(1)]')).toEqual([1]);
    expect(js("[items(createObject('b', 2, 'a', 1))]")).toEqual([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    expect(js("[createObject('a', 1).a]")).toBe(1);
    expect(js("[createArray(1, 2)[1]]")).toBe(2);
  });

  it('reads parameters and variables keeping the written origin and appending the declaration to via', () => {
    const c = ctx({ p: 'hello' });
    const v = ev("[parameters('p')]", c);
    expect(v).toMatchObject({ kind: 'string', value: 'hello' });
    expect(v.origin).toEqual(L(20));
    expect(v.via).toEqual([DECL]);
    const w = ev("[variables('v')]", c);
    expect(w.origin).toEqual(L(30));
    expect(w.via![0]!.label).toBe('variable "v"');
    // a built value gets the expression's origin
    const b = ev("[concat(parameters('p'), '!')]", c);
    expect(b).toMatchObject({ kind: 'string', value: 'hello!' });
    expect(b.origin).toEqual(EXPR);
    // selection keeps the selected value's origin
    const s = ev("[if(true, parameters('p'), 'x')]", c);
    expect(s.origin).toEqual(L(20));
    const o = ev("[parameters('p')]", ctx({ p: { a: { b: 'deep' } } }));
    expect(ev("[parameters('p').a.b]", ctx({ p: { a: { b: 'deep' } } })).origin).toEqual(o.origin);
    expect(ctx().parameter('nope')).toBeUndefined();
    const c2 = ctx();
    expect(ev("[parameters('nope')]", c2).kind).toBe('unknown');
    expect(c2.problems[0]).toMatch(/not declared/);
  });

  it('propagates unknown values with reasons and stable tokens', () => {
    const u = ev("[parameters('unset')]");
    expect(u).toMatchObject({ kind: 'unknown', token: "parameters('unset')" });
    expect(ev("[toLower(parameters('unset'))]")).toMatchObject({ kind: 'unknown', token: "toLower(parameters('unset'))" });
    expect(ev('[uniqueString(resourceGroup().id)]')).toMatchObject({ kind: 'unknown', token: 'uniqueString(resourceGroup().id)' });
    expect(ev('[resourceGroup().location]')).toMatchObject({ kind: 'unknown', token: 'resourceGroup().location' });
    expect(ev("[reference('x').outputs.y.value]")).toMatchObject({ kind: 'unknown', token: "reference('x').outputs.y.value" });
    expect(ev("[listKeys('x', '2020-01-01').keys[0].value]").kind).toBe('unknown');
    expect(ev('[utcNow()]')).toMatchObject({ kind: 'unknown', token: undefined });
    expect(ev("[guid(subscription().id, 'a')]")).toMatchObject({ kind: 'unknown', token: "guid(subscription().id, 'a')" });
    // three-valued logic
    expect(js("[and(false, equals(parameters('unset'), 'x'))]")).toBe(false);
    expect(js("[or(true, equals(parameters('unset'), 'x'))]")).toBe(true);
    expect(ev("[and(true, equals(parameters('unset'), 'x'))]").kind).toBe('unknown');
    expect(ev("[if(equals(parameters('unset'), 'a'), 'x', 'y')]").kind).toBe('unknown');
    expect(js("[length(createArray(parameters('unset'), 1))]")).toBe(2);
    expect(js("[first(createArray('k', parameters('unset')))]")).toBe('k');
    expect(ev("[union(createObject('a', 1), parameters('unset'))]").kind).toBe('unknown');
    expect(ev("[base64(parameters('unset'))]").kind).toBe('unknown');
    expect(ev("[uri(parameters('unset'), 'x')]").kind).toBe('unknown');
    expect(ev("[__bicep.f('a')]")).toMatchObject({ kind: 'unknown', token: "__bicep.f('a')" });
    expect(ev("[someNewFunction('a')]").kind).toBe('unknown');
    // concat and format over unknown parts share one template token
    const a = ev("[concat('ws-', parameters('unset'))]");
    const b = ev("[format('ws-{0}', parameters('unset'))]");
    expect(a.kind).toBe('unknown');
    expect(a.kind === 'unknown' && a.token).toBe("ws-{parameters('unset')}");
    expect(b.kind === 'unknown' && b.token).toBe("ws-{parameters('unset')}");
  });

  it('evaluates copyIndex with names and offsets', () => {
    const c = ctx({}, { '': 2, loopA: 5 });
    expect(js('[copyIndex()]', c)).toBe(2);
    expect(js('[copyIndex(1)]', c)).toBe(3);
    expect(js("[copyIndex('loopA', 10)]", c)).toBe(15);
    expect(ev('[copyIndex()]').kind).toBe('unknown');
  });

  it('builds resource ids and identity keys', () => {
    const id = ev("[resourceId('Microsoft.MachineLearningServices/workspaces/computes', 'ws1', 'gpu')]");
    expect(id.kind).toBe('unknown');
    expect(id.kind === 'unknown' && id.token).toBe(
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/gpu',
    );
    expect(armResourceIdKey(id)).toBe('microsoft.machinelearningservices/workspaces/computes/ws1/gpu');
    const full = ev("[resourceId('sub1', 'rg1', 'Microsoft.KeyVault/vaults', 'KV')]");
    expect(full).toMatchObject({ kind: 'string', value: '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/KV' });
    expect(armResourceIdKey(full)).toBe('microsoft.keyvault/vaults/kv');
    const rgOnly = ev("[resourceId('rg1', 'Microsoft.KeyVault/vaults', 'kv')]");
    expect(armResourceIdKey(rgOnly)).toBe('microsoft.keyvault/vaults/kv');
    const unk = ev("[resourceId('Microsoft.KeyVault/vaults', parameters('unset'))]");
    expect(armResourceIdKey(unk)).toBe("microsoft.keyvault/vaults/{parameters('unset')}");
    const combined = ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', format('{0}/default', parameters('unset')))]");
    expect(armResourceIdKey(combined)).toBe("microsoft.network/virtualnetworks/subnets/{parameters('unset')}/default");
    const sub = ev("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'abc')]");
    expect(armResourceIdKey(sub)).toBe('microsoft.authorization/roledefinitions/abc');
    const ten = ev("[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]");
    expect(ten).toMatchObject({ kind: 'string', value: '/providers/Microsoft.Management/managementGroups/mg' });
    const ext = ev("[extensionResourceId(resourceId('Microsoft.KeyVault/vaults', 'kv'), 'Microsoft.Authorization/locks', 'lock')]");
    expect(armResourceIdKey(ext)).toBe('microsoft.authorization/locks/lock');
    expect(armResourceIdKey(fromJS('/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/SA'))).toBe('microsoft.storage/storageaccounts/sa');
    expect(armResourceIdKey(fromJS('not an id'))).toBeUndefined();
    expect(armResourceIdKey(ev("[parameters('unset')]"))).toBeUndefined();
    // a concat of a resource id and a child path stays identifiable
    const sn = ev("[concat(resourceId('Microsoft.Network/virtualNetworks', 'vnet'), '/subnets/default')]");
    expect(armResourceIdKey(sn)).toBe('microsoft.network/virtualnetworks/subnets/vnet/default');
  });
});

describe('ARM lambda functions (review 75: "lambda functions are not evaluated")', () => {
  const c = (): ExprContext & { problems: string[] } => ctx({ pools: [{ name: 'sys', vmSize: 'Standard_D4s_v5', gpu: false }, { name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', gpu: true }], n: 3 });
  it('map, filter, reduce, sort, toObject, mapValues and groupBy bind lambdaVariables', () => {
    expect(js("[map(parameters('pools'), lambda('p', lambdaVariables('p').vmSize))]", c())).toEqual(['Standard_D4s_v5', 'Standard_NC24ads_A100_v4']);
    expect(js("[map(parameters('pools'), lambda('p', 'i', concat(lambdaVariables('p').name, string(lambdaVariables('i')))))]", c())).toEqual(['sys0', 'gpu1']);
    expect(js("[filter(parameters('pools'), lambda('p', lambdaVariables('p').gpu))]", c())).toEqual([{ name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', gpu: true }]);
    expect(js("[reduce(range(1, 4), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]", c())).toBe(10);
    expect(js("[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]", c())).toEqual([1, 2, 3]);
    expect(js("[toObject(parameters('pools'), lambda('p', lambdaVariables('p').name), lambda('p', lambdaVariables('p').vmSize))]", c())).toEqual({ sys: 'Standard_D4s_v5', gpu: 'Standard_NC24ads_A100_v4' });
    expect(js("[mapValues(createObject('a', 1, 'b', 2), lambda('v', mul(lambdaVariables('v'), 10)))]", c())).toEqual({ a: 10, b: 20 });
    expect(js("[groupBy(parameters('pools'), lambda('p', string(lambdaVariables('p').gpu)))]", c())).toEqual({ False: [{ name: 'sys', vmSize: 'Standard_D4s_v5', gpu: false }], True: [{ name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', gpu: true }] });
    // Nested lambdas see the enclosing lambda's variables; names ignore case, as ARM's do.
    expect(js("[map(range(0, 2), lambda('i', map(range(0, 2), lambda('j', add(mul(lambdaVariables('I'), 10), lambdaVariables('j'))))))]", c())).toEqual([[0, 1], [10, 11]]);
  });

  it('an unknown collection, predicate or key is unknown; a variable outside a lambda is unknown; hostile nesting stops at the budget', () => {
    expect(ev("[map(parameters('unset'), lambda('p', lambdaVariables('p').vmSize))]", c())).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('map(): the array is not known') });
    expect(ev("[filter(parameters('pools'), lambda('p', parameters('unset')))]", c())).toMatchObject({ kind: 'unknown', reason: 'filter(): the predicate is not known for item 0' });
    expect(ev("[lambdaVariables('p')]", c())).toMatchObject({ kind: 'unknown', reason: "lambdaVariables('p') is not a parameter of an enclosing lambda" });
    const deep = "[map(range(0, 1000), lambda('a', map(range(0, 1000), lambda('b', map(range(0, 1000), lambda('c', 1))))))]";
    const cc = c();
    expect(JSON.stringify(ev(deep, cc))).toContain('more than 100000 lambda calls are not evaluated');
    // One EVAL001 note says the evaluation had to stop (self-review 76).
    expect(cc.problems).toEqual(['lambda functions call their lambdas more than 100,000 times in this evaluation; the values past that are not evaluated']);
  });

  it('sort() is stable and takes n log n comparisons: 1,000 items in reverse order stay within the lambda budget', () => {
    const cc = c();
    const reversed = js("[sort(range(0, 1000), lambda('a', 'b', greater(lambdaVariables('a'), lambdaVariables('b'))))]", cc) as number[];
    expect(reversed).toHaveLength(1000);
    expect(reversed.slice(0, 3)).toEqual([999, 998, 997]);
    expect(cc.problems).toEqual([]);
    // Equal keys keep their order.
    expect(js("[sort(createArray(createObject('k', 1, 'n', 'a'), createObject('k', 0, 'n', 'b'), createObject('k', 1, 'n', 'c'), createObject('k', 0, 'n', 'd')), lambda('x', 'y', less(lambdaVariables('x').k, lambdaVariables('y').k)))]", c())).toEqual([
      { k: 0, n: 'b' }, { k: 0, n: 'd' }, { k: 1, n: 'a' }, { k: 1, n: 'c' },
    ]);
    expect(ev("[sort(createArray(2, 1), lambda('a', 'b', parameters('unset')))]", c())).toMatchObject({ kind: 'unknown', reason: 'sort(): the comparison is not known' });
  });
});
