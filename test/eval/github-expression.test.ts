/**
 * GitHub Actions expressions with operators (src/eval/azcli/github-expression.ts): what GitHub
 * substitutes for `${{ a || b }}`, `${{ a && b }}`, `!`, `==`/`!=` and parentheses over literals
 * and references, and when it stays unknown.
 */
import { describe, expect, it } from 'vitest';
import { bool, num, str, unknown, type Value } from '../../src/core/value.js';
import { githubOperatorExpression } from '../../src/eval/azcli/github-expression.js';

const at = { file: 'w.yml', range: { start: { line: 5, column: 18, offset: 40 }, end: { line: 5, column: 24, offset: 46 } } };
const refs: Record<string, Value> = {
  'inputs.size': str('Standard_D4s_v5', at),
  'inputs.empty': str(''),
  'inputs.flag': bool(false),
  'inputs.on': bool(true),
  'inputs.count': num(0),
  'inputs.env': str('prod'),
  'github.event.inputs.flag': str('false'),
  'vars.X': unknown('vars are not known'),
};
const read = (r: string): Value | undefined => refs[r] ?? (/^[a-z]/.test(r) ? unknown(`${r} is not known`) : undefined);
const text = (expr: string): string | undefined => {
  const v = githubOperatorExpression(expr, read);
  return v === undefined ? 'none' : v.kind === 'string' ? v.value : undefined;
};

describe('GitHub expressions with operators', () => {
  it.each([
    ['|| takes the left side when it is truthy', "inputs.size || 'Standard_NC6s_v3'", 'Standard_D4s_v5'],
    ['|| takes the right side when the left is an empty string', "inputs.empty || 'Standard_NC6s_v3'", 'Standard_NC6s_v3'],
    ['|| takes the right side when a boolean input is false', "inputs.flag || 'true'", 'true'],
    ["github.event.inputs are strings: 'false' is truthy", "github.event.inputs.flag || 'true'", 'false'],
    ['0 is falsy', "inputs.count || 'two'", 'two'],
    ['&& then || as a ternary, == ignoring case', "inputs.env == 'PROD' && 'Premium' || 'Basic'", 'Premium'],
    ['!= and the other branch', "inputs.env != 'prod' && 'Premium' || 'Basic'", 'Basic'],
    ['! of a boolean, as text', '!inputs.flag', 'true'],
    ['parentheses', "(inputs.empty || inputs.env) == 'prod'", 'true'],
    ['null is the empty text', 'null || null', ''],
    ["a doubled '' in a string", "inputs.empty || 'it''s'", "it's"],
    ['numbers compare as numbers', "inputs.count == '0'", 'true'],
    ['an unknown left side of || that does not decide', "vars.X && inputs.flag || 'x'", undefined],
    ['an unknown side that decides', "vars.X || 'default'", undefined],
    ['a known side before an unknown one decides', "inputs.size || vars.X", 'Standard_D4s_v5'],
    ['a function call is not read', "format('{0}', inputs.size) || 'x'", undefined],
    ['a plain reference is the caller\'s', 'inputs.size', 'none'],
  ])('%s', (_name, expr, expected) => {
    expect(text(expr)).toBe(expected);
  });

  it('keeps where a resolved string was written (the input default), so a finding points there', () => {
    expect(githubOperatorExpression("inputs.size || 'x'", read)?.origin).toEqual(at);
  });

  it('a literal chosen because of an input points at the input, the literal and the condition related (RULES.md "Values chosen by a condition")', () => {
    const def = { file: 'w.yml', range: { start: { line: 7, column: 18, offset: 80 }, end: { line: 7, column: 23, offset: 85 } } };
    const lit = (a: number, b: number) => ({ file: 'w.yml', range: { start: { line: 12, column: 40 + a, offset: 200 + a }, end: { line: 12, column: 40 + b, offset: 200 + b } } });
    const v = githubOperatorExpression("inputs.off || 'true'", (r) => (r === 'inputs.off' ? bool(false, def) : undefined), lit);
    expect(v?.kind === 'string' && v.value).toBe('true');
    expect(v?.decidedBy).toEqual(def);
    expect(v?.origin).toEqual(lit(15, 19));
    expect(v?.decision?.map((l) => l.label)).toEqual(['decided by this value', 'condition']);
    // A literal no input decided (`'' || 'x'`) is just written there.
    expect(githubOperatorExpression("'' || 'x'", read, lit)?.decidedBy).toBeUndefined();
  });

  it('reads a literal alone', () => {
    expect(text("'Standard_D4s_v5'")).toBe('Standard_D4s_v5');
    expect(text('true')).toBe('true');
  });

  it('says why it stays unknown', () => {
    const v = githubOperatorExpression("vars.X || 'default'", read);
    expect(v?.kind === 'unknown' && v.reason).toMatch(/depends on a value not known: vars are not known/);
    const f = githubOperatorExpression("contains(inputs.env, 'p') && 'a'", read);
    expect(f?.kind === 'unknown' && f.reason).toMatch(/uses more than literals, references and the operators/);
  });

  it('reads hostile input within its bounds', () => {
    expect(githubOperatorExpression(`${'('.repeat(5_000)}'a'${')'.repeat(5_000)}`, read)?.kind).toBe('unknown');
    expect(githubOperatorExpression(`${'!'.repeat(100)}inputs.on`, read)?.kind).toBe('unknown');
  });
});
