/**
 * The fast JSON tree builder (src/parse/json/fast-tree.ts) against jsonc-parser: for every
 * input the fast path accepts, the tree is jsonc-parser's `parseTree` tree field for field
 * (own keys in the same order, values by Object.is, `parent` by identity), and parseJsonc's
 * result (tree, errors, comments) equals the tolerant jsonc-parser path's for every input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTree } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { fastParseTree } from '../../src/parse/json/fast-tree.js';
import { parseJsonc, parseJsoncTolerant } from '../../src/parse/json/index.js';
import { MAX_NESTING_DEPTH } from '../../src/parse/nesting.js';
import { CORPUS, filesUnder, REPO_ROOT } from '../support/fixtures.js';

/** The first difference between two trees (a path and what differs), or undefined. */
function treeDiff(a: JsonNode | undefined, b: JsonNode | undefined, at = '$'): string | undefined {
  if (a === undefined || b === undefined) return a === b ? undefined : `${at}: ${a ? 'node' : 'undefined'} vs ${b ? 'node' : 'undefined'}`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${at}: keys [${ka.join()}] vs [${kb.join()}]`;
  for (const k of ka) {
    if (k === 'parent') continue; // checked by identity below
    if (k === 'children') {
      const ca: JsonNode[] = a.children!;
      const cb: JsonNode[] = b.children!;
      if (ca.length !== cb.length) return `${at}: ${ca.length} vs ${cb.length} children`;
      for (let i = 0; i < ca.length; i++) {
        if (ca[i]!.parent !== a) return `${at}/${i}: parent is not the node holding it (fast)`;
        if (cb[i]!.parent !== b) return `${at}/${i}: parent is not the node holding it (jsonc-parser)`;
        const d = treeDiff(ca[i], cb[i], `${at}/${i}`);
        if (d) return d;
      }
    } else {
      const va = (a as unknown as Record<string, unknown>)[k];
      const vb = (b as unknown as Record<string, unknown>)[k];
      if (!Object.is(va, vb)) return `${at}.${k}: ${JSON.stringify(va)} vs ${JSON.stringify(vb)}`;
    }
  }
  return undefined;
}

const bomless = (t: string): string => (t.charCodeAt(0) === 0xfeff ? ' ' + t.slice(1) : t);
const fast = (t: string): JsonNode | undefined => fastParseTree(t, MAX_NESTING_DEPTH, t.charCodeAt(0) === 0xfeff ? 1 : 0);

/** Checks one input both ways; true when the fast path took it. */
function checkBothPaths(text: string, file = 'x.json'): boolean {
  const got = parseJsonc(text, file);
  const ref = parseJsoncTolerant(text, file);
  expect(treeDiff(got.root, ref.root), file).toBeUndefined();
  if (got.root) expect('parent' in got.root, file).toBe(false);
  expect(got.errors, file).toEqual(ref.errors);
  expect(got.comments, file).toEqual(ref.comments);
  const f = fast(text);
  if (f) {
    const errors: unknown[] = [];
    const jsonc = parseTree(bomless(text), errors as never, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
    expect(errors, file).toEqual([]);
    expect(treeDiff(f, jsonc), file).toBeUndefined();
  }
  return f !== undefined;
}

const jsonFiles = (dir: string): string[] => filesUnder(dir, /\.json$/);

const corpusPresent = fs.existsSync(CORPUS);
if (!corpusPresent) console.warn('!!! ../shared/corpus is absent: the fast JSON tree corpus differential test is SKIPPED');

describe('fast JSON tree: differential against jsonc-parser on real files', () => {
  it.skipIf(!corpusPresent)('every corpus .json file: same tree, errors and comments; nearly all take the fast path', () => {
    const files = jsonFiles(CORPUS);
    expect(files.length).toBeGreaterThan(500);
    let fastCount = 0;
    for (const f of files) if (checkBothPaths(fs.readFileSync(f, 'utf8'), f)) fastCount++;
    // 817 of 824 on 2026-12-01: the others have comments or syntax errors.
    expect(fastCount / files.length).toBeGreaterThan(0.95);
  }, 120_000);

  it('every fixtures/ and examples/ .json file', () => {
    const files = [...jsonFiles(path.join(REPO_ROOT, 'fixtures')), ...jsonFiles(path.join(REPO_ROOT, 'examples'))];
    expect(files.length).toBeGreaterThan(0);
    let fastCount = 0;
    for (const f of files) if (checkBothPaths(fs.readFileSync(f, 'utf8'), f)) fastCount++;
    expect(fastCount).toBeGreaterThan(0);
  });
});

const nest = (open: string, inner: string, close: string, n: number): string => open.repeat(n) + inner + close.repeat(n);

/** [name, text, takes the fast path] */
const CASES: [string, string, boolean][] = [
  // strings and escapes
  ['simple escapes', String.raw`{"a": "q\"b\\s\/b\bf\fn\nr\rt\t end"}`, true],
  ['\\u escapes, upper and lower hex', String.raw`["\u0041\u00e9\u00E9", "x\u0000y"]`, true],
  ['surrogate pair as two escapes', String.raw`"\ud83d\ude00"`, true],
  ['lone surrogate escape', String.raw`["\ud800", "\uDFFF!"]`, true],
  ['raw non-ASCII and DEL', '{"é": "日本\u007f😀"}', true],
  ['escape in a key', String.raw`{"a\"b": 1, "\u0063": 2}`, true],
  ['invalid escape', String.raw`{"a": "\x"}`, false],
  ['short \\u escape', String.raw`["\u12"]`, false],
  ['\\u with a non-hex digit', String.raw`["\u12G4"]`, false],
  ['backslash at the end of the text', '"abc\\', false],
  ['raw tab in a string', '["a\tb"]', false],
  ['raw line break in a string (ARM multi-line)', '{"a": "[concat(\'x\',\n  \'y\')]"}', false],
  ['unterminated string', '{"a": "x', false],
  ['unterminated key', '{"a', false],
  // numbers
  ['numbers', '[0, -0, 1, -1, 0.1, -0.5, 1e5, 1E-7, 1e+5, -1.5e-3, 2.50]', true],
  ['15- and 16-digit integers', '[123456789012345, -999999999999999, 1234567890123456, 9007199254740993]', true],
  ['big integers', '[12345678901234567890, -98765432109876543210123]', true],
  ['huge exponent', '[1e400, -1e400, 1e-400]', true],
  ['leading zero', '[01]', false],
  ['dot without digits', '[1.]', false],
  ['exponent without digits', '[1e]', false],
  ['exponent sign without digits', '[1e+]', false],
  ['lone minus', '[-]', false],
  ['leading dot', '[.5]', false],
  ['leading plus', '[+1]', false],
  ['two dots', '[1.5.3]', false],
  ['number followed by a letter', '[1a]', false],
  // structure
  ['empty object', '{}', true],
  ['empty array', '[]', true],
  ['empty containers with space', '{ "a": { }, "b": [ ], "c": [{}, []] }', true],
  ['nested', '{"a": {"b": [1, {"c": [true, false, null]}]}, "d": "e"}', true],
  ['duplicate keys', '{"a": 1, "a": 2}', true],
  ['only a string', '"x"', true],
  ['only a number', ' 42 ', true],
  ['only true', 'true', true],
  ['only null with line breaks', '\n null \r\n', true],
  ['empty text', '', false],
  ['only whitespace', ' \n\t ', false],
  ['keyword with a tail', '[truex]', false],
  ['keyword cut short', '[nul]', false],
  ['capitalised keyword', '[True]', false],
  ['two values', '{} {}', false],
  ['content after the value', '{"a": 1} x', false],
  ['missing colon', '{"a" 1}', false],
  ['missing comma', '{"a": 1 "b": 2}', false],
  ['missing value', '{"a": }', false],
  ['unquoted key', '{a: 1}', false],
  ['unclosed object', '{"a": 1', false],
  ['unclosed array', '[1, 2', false],
  ['mismatched closer', '[1}', false],
  ['stray closer', '{}]', false],
  // whitespace
  ['CRLF and tabs', '{\r\n\t"a":\t1,\r\n\t"b": [\r\n\t\t2\r\n\t]\r\n}\r\n', true],
  ['lone CR line ends', '{\r"a": 1\r}', true],
  ['form feed between tokens', '{\f"a": 1}', false],
  ['no-break space between tokens', '{\u00a0"a": 1}', false],
  ['BOM', '\uFEFF{"a": "x"}', true],
  ['BOM then whitespace', '\uFEFF\r\n  [1]', true],
  ['BOM not at the start', ' \uFEFF{}', false],
  ['only a BOM', '\uFEFF', false],
  // trailing commas (allowed) and empty members (errors)
  ['trailing comma in an object', '{"a": 1,}', true],
  ['trailing comma in an array', '[1, 2, ]', true],
  ['nested trailing commas', '{"a": [1,], "b": {"c": 2,},}', true],
  ['comma only', '[,]', false],
  ['comma only in an object', '{,}', false],
  ['double comma', '[1,,2]', false],
  ['leading comma', '[,1]', false],
  // comments (jsonc-parser's path collects them)
  ['line comment', '{\n  // c\n  "a": 1\n}', false],
  ['block comment', '{"a": /* c */ 1}', false],
  ['comment after the value', '[1] // end', false],
  ['slash in a string is not a comment', '{"$schema": "https://schema.management.azure.com/x#", "b": "/*"}', true],
  // nesting guard
  ['nesting at the limit', nest('[', '1', ']', MAX_NESTING_DEPTH), true],
  ['object nesting at the limit', nest('{"a":', '1', '}', MAX_NESTING_DEPTH), true],
  ['nesting beyond the limit', nest('[', '', ']', MAX_NESTING_DEPTH + 1), false],
  ['object nesting beyond the limit', `{"a": ${nest('{"b": ', '1', '}', MAX_NESTING_DEPTH)}}`, false],
  ['hostile unclosed nesting', '['.repeat(100_000), false],
];

describe('fast JSON tree: hand-written cases', () => {
  it.each(CASES)('%s', (_name, text, takesFastPath) => {
    expect(checkBothPaths(text)).toBe(takesFastPath);
  });

  it('reports deep nesting exactly as before, at the bracket that opens the level past the limit', () => {
    const p = parseJsonc(`{"a": ${nest('[', '', ']', MAX_NESTING_DEPTH)}}`, 'x.json');
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.message).toMatch(/Nesting deeper than 500 levels/);
    expect(p.errors[0]!.range.start).toMatchObject({ line: 1, column: 6 + MAX_NESTING_DEPTH });
  });

  it('fast path values: escapes decoded, numbers as Number() reads them', () => {
    const root = fast(String.raw`{"s": "\ud83d\ude00\/\u00e9", "n": [-0, 1E-7, 12345678901234567890]}`)!;
    expect(root.children![0]!.children![1]!.value).toBe('😀/é');
    const nums = root.children![1]!.children![1]!.children!.map((c) => c.value as number);
    expect(Object.is(nums[0], -0)).toBe(true);
    expect(nums[1]).toBe(1e-7);
    expect(nums[2]).toBe(Number("12345678901234567890"));
    expect(root.children![0]!.colonOffset).toBe(4);
    expect(root.children![0]!.length).toBe(String.raw`"s": "\ud83d\ude00\/\u00e9"`.length);
  });
});
