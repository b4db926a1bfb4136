/**
 * The fast YAML reader (src/parse/yaml/fast-reader.ts) against the `yaml` library path of
 * parseYamlFile: whenever the fast reader returns a result, it is the library path's result
 * exactly (values, plain flags, every range with line, column and offset, comments, blocks,
 * roots, documents, no errors), compared as JSON with the line map left out. Inputs: every
 * corpus .yml/.yaml file (CI files included: more shapes), a table of edge cases (each
 * construct the reader follows, and each it leaves to the library), and mutated corpus texts.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/source.js';
import { parseYamlFile, parseYamlWithLibrary, type ParsedYaml } from '../../src/parse/yaml/document.js';
import { readSimpleYaml } from '../../src/parse/yaml/fast-reader.js';
import { plainScalarValue } from '../../src/parse/yaml/plain-scalar.js';
import { Parser, Composer } from 'yaml';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';
import { makeRng } from '../../scripts/fuzz.js';
import { mutateText } from '../support/text-mutations.js';

const json = (p: ParsedYaml | undefined): string => JSON.stringify(p, (k, v: unknown) => (k === 'lineMap' ? undefined : v));

const fast = (text: string): ParsedYaml | undefined => readSimpleYaml(text, new LineMap(text));

/** True when the fast reader took `text`; fails when its result differs from the library's. */
function check(text: string, name: string): boolean {
  const f = fast(text);
  if (f === undefined) return false;
  expect(json(f), `${name}\n${JSON.stringify(text)}`).toBe(json(parseYamlWithLibrary(text)));
  return true;
}

const corpusFiles = CORPUS_FOUND ? filesUnder(CORPUS_FOUND, /\.ya?ml$/i) : [];
if (!CORPUS_FOUND) console.warn('!!! ../shared/corpus is absent: the fast YAML reader corpus differential tests are SKIPPED');

describe('fast YAML reader: differential against the yaml library path', () => {
  it.skipIf(!CORPUS_FOUND)('every corpus .yml/.yaml file: same result whenever the fast reader takes it', () => {
    expect(corpusFiles.length).toBeGreaterThan(300);
    let taken = 0;
    for (const f of corpusFiles) if (check(fs.readFileSync(f, 'utf8'), f)) taken++;
    console.log(`fast YAML reader: ${taken} of ${corpusFiles.length} corpus .yml/.yaml files taken`);
    // 411 of 426 when it was last raised: fewer means the reader stopped taking what it took.
    expect(taken).toBeGreaterThan(408);
  }, 120_000);

  it.skipIf(!CORPUS_FOUND)('every corpus .yml/.yaml file with `\\r\\n` line breaks: same result whenever taken', () => {
    let taken = 0;
    for (const f of corpusFiles) if (check(fs.readFileSync(f, 'utf8').replace(/\r?\n/g, '\r\n'), `${f} (\\r\\n)`)) taken++;
    console.log(`fast YAML reader: ${taken} of ${corpusFiles.length} corpus files with \\r\\n line breaks taken`);
    // As many as with their own line breaks (411 when it was last raised).
    expect(taken).toBeGreaterThan(408);
  }, 120_000);

  it('parseYamlFile equals the library path on every corpus file', () => {
    for (const f of corpusFiles.slice(0, 80)) {
      const text = fs.readFileSync(f, 'utf8');
      expect(json(parseYamlFile(text)), f).toBe(json(parseYamlWithLibrary(text)));
    }
  });
});

// Each construct the reader follows: taken, and equal to the library's result.
const TAKEN: string[] = [
  'a: b\n',
  'a: b',
  'a: b  \n',
  'a: b # c  \n',
  'a: b#c\n',
  'a: http://x:80/y\n',
  'a: x[0], {y}\n',
  'a: --flag\n',
  'a: -1\nb: +1\nc: 0x1F\nd: 0o17\ne: 1.0\nf: 1e3\ng: .inf\nh: -.Inf\ni: 1.50\nj: 007\nk: 2.56.0\nl: 12345678901234567890\nm: .5\nn: 1.\n',
  'a: ~\nb: null\nc: NULL\nd: Null\ne: true\nf: False\ng: TRUE\nh: yes\ni: nULL\nj: .nan\n',
  '1: a\n"1": b\ntrue: c\n~: d\n0x10: e\n',
  '<<: 1\nb: 2\n',
  '"a": 1\n\'b c\': "x"\n',
  // Blanks between a plain key and its `:` (microsoft/MLOpsPython's pipelines: `- name : x`).
  'a : 1\nb  :\n  c :  x\n',
  '- name : x\n  type : string\n- b :\n',
  'k :\n- a\n',
  "a: 'its'\n",
  "a: 'it''s'\nb: ''''\n",
  'a: "x\\ty"\n',
  'a: "q\\"q" # c\nb: "\\\\"\nc: "\\ \\/\\0\\a\\b\\e\\f\\n\\r\\v\\N\\_\\L\\P"\n',
  '"a\\"b": 1\n\'c\'\'d\': 2\n',
  'a: ["a\\"b", \'c\'\'d\']\n',
  '- "x\\"y": 1\n',
  'a: "x # y"\n',
  'a:\n  b: 1\n  c:\n    d: 2\ne: 3\n',
  'a:\n- x\n- y\nb: 1\n',
  'a:\n  - x\n  - y: 1\n    z: 2\n  -\n    w: 3\n',
  '- a\n- b\n',
  '- \n- a\n-\n',
  '-   a: 1\n    b: 2\n- c\n',
  'a:\n  - x\n  - y\n',
  'a:   \nb:  # c\n  # d\nc: 1',
  'a: |\n  x\n\n  y\n\nb: 1\n',
  // More-indented empty lines between content lines: their spaces beyond the indentation are content.
  'a: |\n  x\n     \n  y\n',
  'a: |-\n  x\n   \n\n    \n  y\n  \nb: 1\n',
  '- |\n    x\n      \n    y\n  \n- z\n',
  // Trailing more-indented empty lines: content too (and the empty lines before the last of them).
  'a: |\n  x\n   \n',
  'a: |-\n  x\n    \n  y\n\n   \n \n\nb: 1\n',
  '- |\n  x\n     \n- |-\n  y\n   \n',
  'a: |\n  x\n    ',
  // Leading empty lines (no longer than the content's indentation): a line break each.
  'a: |\n\n  x\n',
  'a: |-\n  \n\n   x\n   y\nb: 1\n',
  '- |\n\n\n  a\n- b\n',
  // Multi-line plain scalars (Azure/llmops-project-template's `if:`), folded as the library unfolds them.
  'a: b\n  c\n',
  'a: b  \n   c  d  \n\n  \n    e\nf: 1\n',
  '- a\n  b\n- c\n\n  d\n',
  '- k: a\n    b\n  l: c\n',
  'a: x\n  - y\n  [z] {w} "q"\n',
  'a:\n  b: 1\n    2\n  c: x\n   y\n  # after\nd: e\r\n f\r\n',
  'a: b\n  c\n# d\n\n',
  // A scalar on the line after its key or `-` (Azure/data-landing-zone's `scriptArguments:`).
  'a:\n  x\nb:\n    -y z\n    -w\n\n    v\nc: 1\n',
  'a:\n\n  "q" # c\nb:\n  [x, y]\n',
  '-\n  x\n- y\n',
  'k:\n  - a:\n      b\n    c:\n     \'s\'\n',
  // `-`, `?` and `:` before a non-blank start a plain scalar (Azure/azureml-examples' `sas_token: ?xx=…`).
  'a: ?xx=1&b=c:d\nb: :x\nc: -y\n?k: 1\n:k: 2\n',
  '- ?x\n- :y\n- -z\n- ?a: 1\n',
  'a:\n  ?b\n',
  // U+202F (narrow NBSP) anywhere: no blank for the library's lexer, one for blocks.ts's trimming.
  'a: ${{\u202fsecrets.X }}\nb: x\u202f\n\u202fc: 1\nd:\n  - \u202f\n  - y # \u202f\ne: |\n  z\u202f\n  \u202f\nf:\n  g: \u202f\nh: [\u202f, "\u202f"]\n',
  'a:\n  b: 1\u202f\n',
  // Folded block scalars: text lines folded to spaces, empty and more-indented lines kept.
  'a: >\n  x\n',
  'a: >-\n  x\n  y\nb: 1\n',
  'a: >\n  x y\n  z\n\n  w\n\n\n  v\n',
  'a: >\n  x\n    more\n    more2\n  y\n\n    m\n\n  z\n',
  'a: >-\n  x\n     \n  y\n   \n  z\n',
  'a: >\n\n  x\n  # not a comment\n  y\n\n',
  '- >\n    a\n    b\n- >-\n  c\n     \n',
  'a: > # c\n  x\n  y\r\n\r\n  z\r\n',
  'a: >\n  x\n    y',
  // `\r\n` line breaks (Azure/mlops-templates' pipelines, Azure/login's workflows).
  'a: b\r\nc: d\r\n',
  '# h\r\na: b # c\r\nd:\r\n  - x\r\n  # e\r\n\r\n  - [1, "y"]\r\nf: \'q\'  \r\n',
  'a: |\r\n  x\r\n\r\n   \r\n  y\r\nb: |-\r\n  z\r\n  \r\n',
  'a: |\r\n\r\n  \r\n  x\r\n    \r\n',
  '---\r\na: 1\r\n--- # d\r\n- b\r\n---\r\n',
  'a:\r\n  b:\r\n# c\r\nd: 1',
  'a: |\r\n  x\r\n',
  'a: b\n  # c\r\nd: |\n  e\r\n  f\n',
  'a: |-\n  x\n  y\n\n',
  'a:\n  b: |\n    x\n  \n',
  'a: |\n  x',
  'a: | # c\n    x\n     y\n    # not a comment\nb: 1\n',
  '- |\n  x\n- |-\n  y\n',
  'k:\n  - a: |\n      x\n  - b\n',
  'a: [x, "y"]  # c\n',
  'a: {}\nb: []\n',
  'a: [1, true, null, \'q\']\n',
  '- [a]\n- {}\n',
  'a:\n  - x\n  # c\n\nb: 2\n',
  'a:\n  b: 1\n# c\n',
  'a: 1\n# c\n\n# d\n',
  'a:\n  # c\n  b: 1\n',
  'a:\n# c\n  b: 1\n',
  'a: b\n  # c\nd: 1\n',
  '# h\n---\n# c\na: 1\n---\n\n---\nb: 2\n',
  'a: 1\n---\n',
  'a: 1\n--- # x\nb: 1\n',
  '---\n',
  '---   \n',
  '--- # x\n',
  '',
  '# only a comment\n',
  '\n  \n',
  '  a: 1\n  b:\n  - x\n',
  'a:\n  b:\n    c: 1\n  d: 2\n',
  'a: é ü 日本\n',
  // A heredoc as azureml-yaml.ts passes it: the script around it blanked to spaces, line breaks kept.
  '                    \n      \n$schema: x\ntype: command\ncommand: python a.py\nenvironment:\n  image: img\n                         \n            ',
  'a:\n  b: 1\n  # c\n',
  'a:\n  - x\n  # c\n',
  'x:\n  a:  # c\n',
  'x:\n  a:\n# d\n',
  '- a: 1\n  b:\n# c\n',
  // Comment lines after a collection's last value (parser.js atIndentedComment and pop):
  'a:\n  b:\n    c: 1\n    # x\n  # y\n# z\n',
  'a:\n  b:\n    c: 1\n    # x\nd: 2\n',
  'a:\n  - b: 1\n    c: 2\n  # x\n  #   y\nd: 3\n',
  'a:\n  - b\n    # c\n',
  'b: 2\n  # c',
  'a:\n  b: 1\n  # c\n---\nx: 1\n',
  'x:\n  a:  # c\ny: 1\n',
  '- a:\n  # c\n- b\n',
  'a:\n  b:\n    c: 1\n      # x\n\n      # y\n  # z\n    # w\nd: 1\n',
  'a:\n  b:\n    c: |\n      x\n    # k\n  # z\nd: 1\n',
  'a:\n  b:\n    c: [x]\n      # k\n   # z\n  e: 1\n',
  '  a:\n    b: 1\n    # c\n',
  'k:\n  - a\n  # c\n  -\nb: 1\n',
  '- a\n# c\n-\n',
  'b: 1\n# c2\n# c7\n---\na: 1\n',
  'a:\n  b:\n# c\n---\nx: 1\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n  labels: {}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: "img:1"\n        args: ["--a", "b"]\n        resources:\n          limits:\n            nvidia.com/gpu: 1\n',
];

// Each construct the reader leaves to the library (or that the library reports as an error).
const LEFT: string[] = [
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '%YAML 1.2\n---\na: 1\n',
  '? a\n: b\n',
  'a: b\n  c: d\n',
  'a: b\n  c #d\n',
  'a: b\n  # c\n  d\n',
  'a: b # c\n  d\n',
  'a:\n  # c\n  x\n',
  'a: # c\n  x\n',
  'a:\n  |\n   x\n',
  'a:\n  >\n   x\n',
  '- # c\n  x\n',
  'a: "b\n  c"\n',
  'a: "\\x41"\n',
  'a: "\\u0041"\n',
  'a: "\\q"\n',
  'a: "b\\"\n',
  "a: 'b''\n",
  "a: 'b\n  c'\n",
  'a: 1\na: 2\n',
  '1: a\n1.0: b\n',
  'a:\tb\n',
  '\ta: b\n',
  'a: b\rc: d\n',
  'a: b\r',
  'a: "b\r\n  c"\r\n',
  'a: |\r\n  x\r\r\n',
  '\ufeffa: b\n',
  'a: >+\n  x\n',
  'a: >2\n  x\n',
  'a: >\n   \n  x\n',
  'a: |+\n  x\n',
  'a: |2\n  x\n',
  'a: |\n   \n  x\n',
  'a: |\n\nb: 1\n',
  'a: |\n\n',
  'a: { b: 1 }\n',
  'a: [[1]]\n',
  'a: [a, ]\n',
  'a: [\n  x]\n',
  'a: b: c\n',
  'a:\n  - x\n  -\u202f\n',
  'a: ? x\n',
  'a: [?x]\n',
  '? a\n',
  'a : b : c\n',
  '"a" : b\n',
  'a : 1\na: 2\n',
  'a:\n  b: 1\n c: 2\n',
  'a: 1\n...\n',
  '--- a: 1\n',
  'a\n',
  '- - a\n',
  'a: "x"y\n',
  'a: [x]#c\n',
  'a: b\n- c\n',
  'a: @x\n',
  'a: `x`\n',
  'key: {{ .Values.x }}\n',
  'a: b\u00a0\n',
  'a: 1\n b: 2\n',
  'a: .nan\n.nan: 1\n',
  `"${'k'.repeat(1100)}": 1\n`,
  `${'k'.repeat(1100)}: 1\n`,
  '- a\nb: 1\n',
  // The library drops the tokens after the second line break of a column-0 mapping's empty last value before `---`.
  'b:\n# c2\n# c7\n---\na: 1\n',
  'b: # c\n\n---\na: 1\n',
];

describe('fast YAML reader: edge cases', () => {
  it.each(TAKEN.map((t) => [JSON.stringify(t), t]))('takes %s, same as the library', (_name, text) => {
    expect(check(text, 'taken'), 'the fast reader took it').toBe(true);
  });

  it.each(LEFT.map((t) => [JSON.stringify(t), t]))('leaves %s to the library', (_name, text) => {
    expect(fast(text)).toBeUndefined();
    // And parseYamlFile still reads it, as the library does.
    expect(json(parseYamlFile(text))).toBe(json(parseYamlWithLibrary(text)));
  });

  it('resolves plain scalars as the library does (YAML 1.2 core schema, then String)', () => {
    const samples = ['0', '-0', '+0', '007', '0o17', '0o8', '0x1F', '0X1F', '0xg', '1.0', '1.50', '.5', '-.5', '+.5', '1.', '1e3', '1E-3', '-1.5e+3', '.e3', '1_000', '.inf', '-.INF', '+.Inf', '.NaN', '.nan', 'NaN', 'inf', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'off', '12345678901234567890', '0x' + 'f'.repeat(20), '1:2', '2.56.0', '+', '.', 'x'];
    const viaLibrary = (s: string): unknown => {
      const docs = [...new Composer({ version: '1.2' }).compose([...new Parser().parse(`k: ${s}\n`)], true)];
      const v = (docs[0]!.contents as { items: { value: { value: unknown } }[] }).items[0]!.value.value;
      return v;
    };
    for (const s of samples) expect(plainScalarValue(s), s).toStrictEqual(viaLibrary(s));
  });
});

// ---- mutations ---------------------------------------------------------------------------------

/** What a mutation inserts (`mutateText`). */
const MUTATION_CHARS = [':', '-', '#', "'", '"', '|', '>', '[', ']', '{', '}', '&', '*', '!', '%', '?', '\t', '\n', ' ', '  ', ',', '|-', '- ', ': ', ' #', '---\n', '\r', '\r\n', '\u202f'];

describe('fast YAML reader: mutated texts', () => {
  // Small texts the fast reader takes: the corpus files it takes (cut to 60 lines) and the table above.
  const seeds = [...TAKEN];
  for (const f of corpusFiles) {
    const text = fs.readFileSync(f, 'utf8');
    if (fast(text)) seeds.push(text.split('\n').slice(0, 60).join('\n'));
  }

  it('4,000 mutations (fixed seed): the fast reader bails or equals the library', () => {
    const rng = makeRng(15);
    let taken = 0;
    for (let i = 0; i < 4000; i++) {
      const source = seeds[Math.floor(rng() * seeds.length)]!;
      if (check(mutateText(source, rng, MUTATION_CHARS), `mutation ${i}`)) taken++;
    }
    console.log(`fast YAML reader: ${taken} of 4000 mutated texts taken`);
    expect(taken).toBeGreaterThan(400);
  }, 120_000);
});

// ---- generated texts ---------------------------------------------------------------------------

/**
 * Random YAML in and around the subset: nested mappings and sequences (compact mappings in
 * items, sequences at their key's column), scalars of every resolved form, quoted, literal and
 * folded block scalars, one-line flow collections, empty values, `---` between documents, and
 * comment and blank lines at random columns between everything (where the library's placement
 * of comments decides the ranges). Mutations of real files rarely build these combinations.
 */
function generateYaml(rng: () => number): string {
  const int = (n: number): number => Math.floor(rng() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const sp = (n: number): string => ' '.repeat(n);
  const WORDS = ['a', 'x y', '1', '0x1F', '1.0', 'true', 'null', '~', '-1', 'http://x:1/y', 'a#b', "it's", 'v1.2.3', '.inf', '1e3', '007', '"q"', "'s'", '"a b"', "''", '""', 'k:v', '?q=1', ':x', '-y'];
  const KEYS = ['a', 'b', 'c', 'name', '"q"', "'s'", '1', 'true', 'x-y', 'a.b/c', 'd  '];
  const out: string[] = [];
  const comments = (ind: number): void => {
    while (rng() < 0.25) out.push(rng() < 0.3 ? sp(int(3)) : `${sp(Math.max(0, ind + int(7) - 3))}# c${int(9)}${rng() < 0.2 ? '  ' : ''}`);
  };
  const trail = (): string => (rng() < 0.15 ? ' # t' : rng() < 0.05 ? '  ' : '');
  const node = (ind: number, depth: number, kind: 'map' | 'seq'): void => {
    const n = 1 + int(4);
    const step = pick([1, 2, 2, 2, 4]);
    for (let i = 0; i < n; i++) {
      comments(ind);
      const prefix = kind === 'map' ? `${sp(ind)}${rng() < 0.97 ? KEYS[i % KEYS.length]! : pick(KEYS)}:` : `${sp(ind)}-`;
      const r = rng();
      if (depth < 4 && r < 0.35) {
        if (kind === 'seq' && rng() < 0.5) {
          // A compact mapping: its first key on the item's line.
          const col = ind + 2 + (rng() < 0.2 ? 1 : 0);
          const mark = out.length;
          node(col, depth + 1, 'map');
          const first = out.findIndex((l, k) => k >= mark && l.trim() !== '' && !l.trim().startsWith('#'));
          if (first < 0) out.push(prefix);
          else out[first] = prefix + sp(col - ind - 1) + out[first]!.slice(col);
          continue;
        }
        out.push(prefix + trail());
        comments(ind);
        const sub = rng() < 0.5 ? 'map' : 'seq';
        node(kind === 'map' && sub === 'seq' && rng() < 0.4 ? ind : ind + step, depth + 1, sub);
      } else if (r < 0.43) {
        out.push(`${prefix} ${pick(['|', '|-', '|', '|+', '>', '>-'])}${trail()}`);
        const m = ind + step;
        for (let j = 1 + int(3); j > 0; j--) out.push(rng() < 0.15 ? sp(int(m + 2)) : sp(m + (rng() < 0.2 ? int(3) : 0)) + pick(['text', '# not', 'x: y', '- z']));
      } else {
        const v = r < 0.5 ? `[${Array.from({ length: int(4) }, () => pick(['a', '"b"', '1', "'c'", 'd e'])).join(', ')}]` : r < 0.53 ? pick(['{}', '[]']) : r < 0.6 ? '' : pick(WORDS);
        out.push(prefix + (v === '' ? '' : ` ${v}`) + trail());
        // Continuation lines (a multi-line plain scalar, or more indented lines the library rejects), empty lines among them.
        if (rng() < 0.08) for (let k = 1 + int(3); k > 0; k--) out.push(rng() < 0.2 ? sp(int(ind + 3)) : `${sp(ind + int(4))}${pick(['more', 'x y ', '- z', '"q"', 'k: v', 'a #b', '1'])}`);
      }
    }
  };
  const docs = 1 + (rng() < 0.3 ? int(3) : 0);
  for (let d = 0; d < docs; d++) {
    if (d > 0 || rng() < 0.2) out.push(pick(['---', '---', '--- # d', '---  ']));
    comments(0);
    if (rng() < 0.05) continue;
    node(rng() < 0.2 ? pick([1, 2]) : 0, 0, rng() < 0.75 ? 'map' : 'seq');
    comments(0);
  }
  // Some texts with `\r\n` line breaks throughout, as Windows editors write them.
  const nl = rng() < 0.15 ? '\r\n' : '\n';
  return out.join(nl) + (rng() < 0.8 ? nl : '') + (rng() < 0.1 ? `${sp(int(6))}${nl}` : '');
}

describe('fast YAML reader: generated texts', () => {
  it('4,000 generated texts (fixed seed): the fast reader bails or equals the library', () => {
    const rng = makeRng(1215);
    let taken = 0;
    for (let i = 0; i < 4000; i++) if (check(generateYaml(rng), `generated ${i}`)) taken++;
    console.log(`fast YAML reader: ${taken} of 4000 generated texts taken`);
    expect(taken).toBeGreaterThan(2000);
  }, 120_000);
});

describe('fast YAML reader: hostile input', () => {
  it('deep nesting bails early (the nesting error stays the library path\'s)', () => {
    let deep = '';
    for (let i = 0; i < 2000; i++) deep += `${' '.repeat(i)}k${i}:\n`;
    expect(fast(deep + ' '.repeat(2000) + 'v: 1\n')).toBeUndefined();
    expect(parseYamlFile(deep + ' '.repeat(2000) + 'v: 1\n').errors[0]?.message).toMatch(/^Nesting deeper than 500 levels/);
    // 60 levels are read, as deep as the library reads them.
    let sixty = '';
    for (let i = 0; i < 60; i++) sixty += `${' '.repeat(i)}k${i}:\n`;
    expect(check(sixty + ' '.repeat(60) + 'v: 1\n', 'sixty levels')).toBe(true);
    let seq = '';
    for (let i = 0; i < 2000; i++) seq += `${' '.repeat(2 * i)}-\n`;
    expect(fast(seq)).toBeUndefined();
  });

  it('a huge file and a long line are read in linear time', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `k${i}: v${i}`).join('\n');
    const t0 = performance.now();
    expect(fast(big)?.roots[0]?.entries.length).toBe(50_000);
    const line = `a: ${'x'.repeat(2_000_000)}\n`;
    expect(fast(line)?.roots[0]?.entries[0]?.value).toMatchObject({ value: 'x'.repeat(2_000_000) });
    const spaces = `a: "${' '.repeat(500_000)}\n`;
    expect(fast(spaces)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
