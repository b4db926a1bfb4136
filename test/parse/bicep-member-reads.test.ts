/**
 * memberReadNames (src/parse/bicep/index.ts): the names read by property or element
 * (`kv.vaultName`, `secrets[0]`) that the parser collects while it makes the nodes must be the
 * set a walk of the returned tree finds, also where a statement or a list element failed and was
 * left out. The walk is memberReadNames' own answer for a tree the parser did not make (a copy
 * of the parsed tree here), so both paths are compared through the public function.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberReadNames, parseBicep, parseBicepParam, type BicepFile, type BicepParamFile } from '../../src/parse/bicep/index.js';
import { REPO_ROOT } from '../ci/helpers.js';

const CORPUS = join(REPO_ROOT, '../shared/corpus');
const HAVE_CORPUS = existsSync(join(CORPUS, 'INDEX.tsv'));

/** The parser's set and the walk's (a copy of the tree is not the parser's: it is walked). */
function bothWays(file: BicepFile | BicepParamFile): [string[], string[]] {
  return [[...memberReadNames(file)].sort(), [...memberReadNames({ ...file })].sort()];
}

function expectSame(file: BicepFile | BicepParamFile): void {
  const [collected, walked] = bothWays(file);
  expect(collected, file.file).toEqual(walked);
}

describe('memberReadNames', () => {
  it.each([
    ['property, safe property, element and instance call', "param kv object\nparam s array\nvar a = kv.name\nvar b = kv.?sku\nvar c = s[0]\nvar d = az.resourceGroup().id\n", ['kv', 's']],
    ['nested reads count their innermost variable only', 'var a = x.y.z\nvar b = p[q.r]\n', ['p', 'q', 'x']],
    ['a failed statement is left out with its reads', 'var a = kv.name +\nvar b = ok.p\n', undefined],
    ['a failed list element is left out with its reads', "var l = [\n  good.p\n  bad.q +\n  other[1]\n]\n", undefined],
    ['a deeply nested expression', `var d = ${'('.repeat(200)}deep.p${')'.repeat(200)}\n`, undefined],
  ])('%s: the parser finds what a walk of the tree finds', (_what, text, expected) => {
    const parsed = parseBicep(text, '/t/main.bicep');
    expectSame(parsed);
    if (expected) expect([...memberReadNames(parsed)].sort()).toEqual(expected);
  });

  it('a .bicepparam file', () => {
    expectSame(parseBicepParam("using './main.bicep'\nparam a = base.value\nparam b = list[2]\n", '/t/main.bicepparam'));
  });

  it.skipIf(!HAVE_CORPUS)('every Bicep file of the corpus, whole and cut short at five places', () => {
    const rows = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter(([p, kind]) => p && (kind === 'bicep' || kind === 'bicepparam'));
    expect(rows.length).toBeGreaterThan(300);
    let withReads = 0;
    for (const [p, kind] of rows) {
      const text = readFileSync(join(CORPUS, p!), 'utf8');
      const parse = kind === 'bicep' ? parseBicep : parseBicepParam;
      for (const cut of [1, 0.8, 0.6, 0.4, 0.2]) {
        const file = parse(text.slice(0, Math.floor(text.length * cut)), p!);
        expectSame(file);
        if (cut === 1 && memberReadNames(file).size > 0) withReads++;
      }
    }
    // The corpus exercises the collection, not only empty sets.
    expect(withReads).toBeGreaterThan(50);
  });
});
