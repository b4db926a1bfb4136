/**
 * Azure Pipelines compile-time conditions (`${{ if }}`/`${{ elseif }}`/`${{ else }}`): the chain a
 * step sits under, and what a context's values decide of it (src/eval/ci/template-conditions.ts).
 */
import { describe, expect, it } from 'vitest';
import { bool, num, str, unknown, type Value } from '../../src/core/value.js';
import { conditionChain, conditionsHold, typedParameter } from '../../src/eval/ci/template-conditions.js';

const values: Record<string, Value> = {
  'parameters.environment': str('Prod'),
  'parameters.deploy': bool(true),
  'parameters.count': num(2),
  'variables.region': str('westeurope'),
  'parameters.secret': unknown('a secret'),
};
const decide = (expr: string): boolean | undefined => conditionsHold([{ expr, holds: true }], (ref) => values[ref]);

describe('conditionChain', () => {
  it('if, elseif, else: each holds when the earlier ones do not', () => {
    expect(conditionChain(['${{ if eq(a, 1) }}', '${{ elseif eq(a, 2) }}', '${{ else }}', 'script', '${{ else }}'])).toEqual([
      [{ expr: 'eq(a, 1)', holds: true }],
      [
        { expr: 'eq(a, 1)', holds: false },
        { expr: 'eq(a, 2)', holds: true },
      ],
      [
        { expr: 'eq(a, 1)', holds: false },
        { expr: 'eq(a, 2)', holds: false },
      ],
      undefined,
      // An else after another key starts no chain: it holds unconditionally here (nothing before it).
      [],
    ]);
  });
});

describe('conditionsHold', () => {
  it('reads a variable the context resolves (one written in the YAML)', () => {
    expect(decide("eq(variables.region, 'westeurope')")).toBe(true);
    expect(decide("eq(variables['region'], 'northeurope')")).toBe(false);
  });

  it('decides the functions over literals and resolved references (strings ignore case)', () => {
    expect(decide("eq(parameters.environment, 'prod')")).toBe(true);
    expect(decide("ne(parameters.environment, 'prod')")).toBe(false);
    expect(decide('parameters.deploy')).toBe(true);
    expect(decide("and(parameters.deploy, eq(parameters['environment'], 'PROD'))")).toBe(true);
    expect(decide("or(eq(parameters.count, 3), in(parameters.environment, 'dev', 'prod'))")).toBe(true);
    expect(decide("not(startsWith(parameters.environment, 'pr'))")).toBe(false);
    expect(decide("eq(parameters.count, '2')")).toBe(true);
    expect(decide("eq('it''s', 'IT''S')")).toBe(true);
  });

  it('leaves undecided what it cannot know or read', () => {
    expect(decide("eq(parameters.secret, 'x')")).toBeUndefined();
    expect(decide("eq(parameters.missing, 'x')")).toBeUndefined();
    expect(decide("eq(variables['Build.SourceBranch'], 'refs/heads/main')")).toBeUndefined();
    // A variable the context does not resolve (one built from a macro, `$(base)`, which `${{ }}`
    // compares as written: `ScriptContext.condition` gives it as unknown): not decided.
    expect(decide("eq(variables.zone, '1')")).toBeUndefined();
    expect(decide("eq(coalesce(parameters.environment, 'dev'), 'prod')")).toBeUndefined();
    expect(decide("eq(parameters.environment, 'prod'")).toBeUndefined();
    expect(decide('('.repeat(5000))).toBeUndefined();
    // …unless a known argument decides: and() with a false one, or() with a true one.
    expect(decide("and(eq(parameters.secret, 'x'), false)")).toBe(false);
    expect(decide("or(eq(parameters.secret, 'x'), true)")).toBe(true);
  });
});

describe('typedParameter and long chains', () => {
  it('a boolean or number parameter holds a boolean or number (YAML gives the text)', () => {
    expect(typedParameter(str('false'), 'boolean')).toMatchObject({ kind: 'bool', value: false });
    expect(typedParameter(str('0'), 'number')).toMatchObject({ kind: 'number', value: 0 });
    // A string parameter's 'false' is a non-empty string: true in a condition.
    expect(typedParameter(str('false'), 'string')).toMatchObject({ kind: 'string', value: 'false' });
    const typed = (expr: string): boolean | undefined => conditionsHold([{ expr, holds: true }], () => typedParameter(str('false'), 'boolean'));
    expect(typed('parameters.deploy')).toBe(false);
    expect(typed("eq(parameters.deploy, 'false')")).toBe(false);
    expect(typed('eq(parameters.deploy, false)')).toBe(true);
  });

  it('an elseif chain is followed for 64 branches, the rest read unconditionally (hostile input stays linear)', () => {
    const keys = ['${{ if eq(a, 0) }}', ...Array.from({ length: 10_000 }, (_, i) => `\${{ elseif eq(a, ${i + 1}) }}`), '${{ else }}'];
    const chain = conditionChain(keys);
    expect(chain[63]).toHaveLength(64);
    expect(chain[64]).toBeUndefined();
    expect(chain[10_001]).toBeUndefined();
  });
});
