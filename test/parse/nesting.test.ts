/**
 * Every parser refuses input nested deeper than MAX_NESTING_DEPTH with one PARSE001-style
 * error at the bracket where the limit was hit (issue #12) — never "Maximum call stack size
 * exceeded" or "Internal error" — and handles input just under the limit, downstream too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { MAX_NESTING_DEPTH } from '../../src/parse/nesting.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { parseJsonc } from '../../src/parse/json/index.js';
import { parseBicep } from '../../src/parse/bicep/index.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';

const DEEP = 100_000;
const MESSAGE = new RegExp(`^Nesting deeper than ${MAX_NESTING_DEPTH} levels`);
const nest = (open: string, inner: string, close: string, n: number): string => open.repeat(n) + inner + close.repeat(n);
/** 1-based column of the (limit+1)-th opener when openers of width `w` start at column `c0`. */
const col = (c0: number, w: number): number => c0 + MAX_NESTING_DEPTH * w;
/** HCL and Bicep: 500 levels and the expression inside the innermost parse; the error is where level 501's content starts. */
const inside501 = (c0: number, w: number): number => col(c0, w) + w;

interface Err {
  message: string;
  range: { start: { line: number; column: number } };
}
function onlyNestingError(errors: readonly Err[], line: number, column: number): void {
  expect(errors.map((e) => e.message)).toHaveLength(1);
  expect(errors[0]!.message).toMatch(MESSAGE);
  expect(errors[0]!.range.start).toMatchObject({ line, column });
}

describe('HCL', () => {
  it.each([
    ['tuples', `x = ${nest('[', '', ']', DEEP)}\n`, 5, 1],
    ['objects', `x = ${nest('{a = ', '1', '}', DEEP)}\n`, 1, 5],
    ['parentheses', `x = ${nest('(', '1', ')', DEEP)}\n`, 5, 1],
    ['template interpolations', `x = ${nest('"${', '1', '}"', DEEP)}\n`, 5, 3],
  ])('%s', (_name, text, c0, w) => {
    onlyNestingError(parseHcl(text, 'main.tf').errors, 1, inside501(c0, w));
  });

  it('blocks: one error, not one per following line', () => {
    const f = parseHcl(nest('a {\n', '', '}\n', 20_000), 'main.tf');
    onlyNestingError(f.errors, MAX_NESTING_DEPTH + 2, 3);
  });

  it('500 levels parse', () => {
    expect(parseHcl(`x = ${nest('[', '1', ']', MAX_NESTING_DEPTH)}\n`, 'main.tf').errors).toEqual([]);
    expect(parseHcl(nest('a {\n', '', '}\n', MAX_NESTING_DEPTH), 'main.tf').errors).toEqual([]);
  });

  it('501 empty nested blocks: the error is where the 501st block\'s content would start, as for an empty `[]` (review 66: accepted)', () => {
    onlyNestingError(parseHcl(nest('a {\n', '', '}\n', MAX_NESTING_DEPTH + 1), 'main.tf').errors, MAX_NESTING_DEPTH + 2, 1);
  });
});

describe('JSON', () => {
  it('100,000 nested arrays or objects: the limit, at the bracket, not a stack overflow', () => {
    onlyNestingError(parseJsonc(nest('[', '', ']', DEEP), 'a.json').errors, 1, col(1, 1));
    // The outer object is level 1, so the 500th inner `{` (column 7 + 499 × 6) is level 501.
    onlyNestingError(parseJsonc(`{"a": ${nest('{"b": ', '1', '}', DEEP)}}`, 'a.json').errors, 1, 7 + (MAX_NESTING_DEPTH - 1) * 6);
  });

  it('brackets inside strings and comments do not count', () => {
    const text = `{"s": "${'['.repeat(2 * MAX_NESTING_DEPTH)}", /* ${'{'.repeat(2 * MAX_NESTING_DEPTH)} */ "t": 1}`;
    expect(parseJsonc(text, 'a.json').errors).toEqual([]);
  });
});

describe('Bicep', () => {
  // Objects first, on a parser no other case has warmed up: started cold (interpreted frames are
  // larger), 489 nested objects overflowed the stack ("Internal error in the Bicep parser" at 1:1).
  it.each([495, 499, 500])('nested objects, %i levels, one line and one property a line: no error', (n) => {
    expect(parseBicep(`var x = ${nest('{a:', '1', '}', n)}\n`, 'main.bicep').errors).toEqual([]);
    expect(parseBicep(`var x = ${nest('{\n  a: ', '1', '\n}', n)}\n`, 'main.bicep').errors).toEqual([]);
  });
  it.each([501, 1000])('nested objects, %i levels: the nesting error where level 501 starts, the declaration before it read', (n) => {
    const before = "param p string = 'x'\n";
    const one = parseBicep(`${before}var x = ${nest('{a:', '1', '}', n)}\n`, 'main.bicep');
    // Level 501's `{` is at col(9, 3); its content (`a`) right after it.
    onlyNestingError(one.errors, 2, col(9, 3) + 1);
    expect(one.statements[0]).toMatchObject({ kind: 'ParamDecl' });
    // One property a line: level 501's `{` ends line 502 (`var x = {` is line 2), where its content starts.
    onlyNestingError(parseBicep(`${before}var x = ${nest('{\n  a: ', '1', '\n}', n)}\n`, 'main.bicep').errors, 502, 7);
  });
  it.each([
    ['arrays', `var x = ${nest('[', '', ']', 1000)}\n`, 9, 1],
    ['parentheses', `var x = ${nest('(', '1', ')', DEEP)}\n`, 9, 1],
    ['string interpolations', `var x = '${nest("${'", 'q', "'}", DEEP)}'\n`, 9, 3],
  ])('%s: the nesting error, not "Internal error in the Bicep parser"', (_name, text, c0, w) => {
    onlyNestingError(parseBicep(text, 'main.bicep').errors, 1, inside501(c0, w));
  });

  it('handles the depth the HCL parser does (500 levels)', () => {
    const n = MAX_NESTING_DEPTH;
    const f = parseBicep(`var x = ${nest('[', '', ']', n)}\nvar y = ${nest('{\na: ', '1', '\n}', n)}\n`, 'main.bicep');
    expect(f.errors).toEqual([]);
  });

  it('one level more is the error, also when the innermost array is empty (as in HCL)', () => {
    const n = MAX_NESTING_DEPTH + 1;
    onlyNestingError(parseBicep(`var x = ${nest('[', '', ']', n)}\n`, 'main.bicep').errors, 1, inside501(9, 1));
    onlyNestingError(parseHcl(`x = ${nest('[', '', ']', n)}\n`, 'main.tf').errors, 1, inside501(5, 1));
  });
});

describe('YAML', () => {
  it('deep flow collections and deep block mappings', () => {
    const flow = parseCiDocument('ci.yml', `on: push\njobs: ${nest('[', '', ']', DEEP)}\n`, 'github-workflow');
    // The root mapping is level 1: the 500th `[` (column 7 + 499) is level 501.
    onlyNestingError(flow.errors, 2, 7 + MAX_NESTING_DEPTH - 1);
    const lines = ['on: push'];
    for (let i = 0; i < 1000; i++) lines.push(`${' '.repeat(i)}k${i}:`);
    const block = parseCiDocument('ci.yml', lines.join('\n') + ' 1\n', 'github-workflow');
    expect(block.errors).toHaveLength(1);
    expect(block.errors[0]!.message).toMatch(MESSAGE);
  });
});

describe('through lint(): deep input is PARSE001, downstream evaluation of near-limit input does not overflow', () => {
  it('a 100,000-deep ARM template', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-deep-'));
    const schema = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';
    fs.writeFileSync(path.join(dir, 'deep.json'), `{${schema}, "resources": [], "variables": {"v": ${nest('[', '', ']', DEEP)}}}`);
    const n = MAX_NESTING_DEPTH - 10;
    fs.writeFileSync(
      path.join(dir, 'near.json'),
      `{${schema}, "variables": {"v": ${nest('{"a": ', '1', '}', n)}}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st", "location": "westeurope", "properties": {"x": "[string(variables('v'))]", "y": ${nest('[', '', ']', n)}}}]}`,
    );
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    const problems = r.findings.filter((f) => f.ruleId === 'PARSE001' || f.ruleId === 'EVAL001');
    expect(problems.map((f) => [path.basename(f.location.file), f.location.range.start.line])).toEqual([['deep.json', 1]]);
    expect(problems[0]!.message).toMatch(MESSAGE);
  });
});
