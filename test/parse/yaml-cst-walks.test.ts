/**
 * The shared YAML walks that were rewritten for speed (issue 15) give what the walks they
 * replaced gave, on every YAML file of ../shared/corpus and on constructs the corpus may
 * lack: the comments of a CST (a walk over the fields that hold tokens, was a walk over every
 * object property with a visited set) and the unresolved aliases of a document (an own
 * depth-first walk, was yaml's visit()). The old walks are kept here as the reference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlias, isNode, visit } from 'yaml';
import type { Document } from 'yaml';
import { LineMap } from '../../src/core/source.js';
import { composeYaml, sortedYamlComments } from '../../src/parse/yaml/document.js';
import { unresolvedAliases } from '../../src/parse/yaml/aliases.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';

const CORPUS = CORPUS_FOUND;

/** The comment walk before issue 15's rewrite: every object property, each object once. */
function referenceComments(tokens: unknown): [number, string][] {
  const out: [number, string][] = [];
  const stack: unknown[] = [tokens];
  const seen = new Set<unknown>();
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object' || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const o = t as { type?: unknown; offset?: unknown; source?: unknown };
    if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') {
      out.push([o.offset, o.source]);
      continue;
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') stack.push(v);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The alias check before issue 15's rewrite: yaml's visit(). */
function referenceAliases(doc: Document.Parsed): { name: string; start: number; end: number }[] {
  const anchors = new Set<string>();
  const out: { name: string; start: number; end: number }[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) out.push({ name: node.source, start: node.range[0], end: node.range[1] });
      return;
    }
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
  });
  return out;
}

function expectSameWalks(text: string, label: string): number {
  const composed = composeYaml(text, new LineMap(text));
  if ('error' in composed) return 0;
  expect(sortedYamlComments(composed.tokens, text), label).toEqual(referenceComments(composed.tokens));
  for (const d of composed.docs) {
    const want = referenceAliases(d);
    expect(unresolvedAliases(d, text), label).toEqual(want);
    expect(unresolvedAliases(d), label).toEqual(want);
  }
  return 1;
}

describe('shared YAML walks', () => {
  it('match the reference walks on hand-written constructs', () => {
    const cases = [
      '# head\na: 1 # after a scalar\nb:\n  # before an item\n  - x # in a sequence\n  - {k: v, # in a flow map\n     l: w}\n  - [1, # in a flow sequence\n     2]\n',
      'run: | # after a block scalar header\n  echo "# not a comment"\n  az x # not a comment either\nnext: >- # folded\n  text\n',
      '%YAML 1.2\n# before the document\n---\na: &anc {x: 1} # anchored\nb: *anc\nc: *missing # an unresolved alias\n... # after the document end\n# between documents\n---\n? complex # explicit key\n: value\n*anc : key alias\n',
      'a: "quoted # not a comment"\nb: \'single # neither\'\n#last line without a newline',
      'a: &x 1\nb: [*x, &y 2, *y, *z]\nc: {*x : 1, ? *w : 2}\n',
      'a:\n  - &s\n    - *s\n    - 1\n',
      '- a\n  # indented comment after an item\n- b\n',
      'key: [unclosed, # broken flow\nother: 1\n',
      '\ufeff# after a byte order mark\na: 1\n',
      'a: *x\n---\nb: &x 1\n---\nc: *x\n',
    ];
    for (const text of cases) expect(expectSameWalks(text, JSON.stringify(text))).toBe(1);
  });

  it.skipIf(!CORPUS)('match the reference walks on every YAML file of the corpus', () => {
    let compared = 0;
    for (const file of filesUnder(CORPUS!, /\.ya?ml$/i)) compared += expectSameWalks(readFileSync(file, 'utf8'), file);
    expect(compared).toBeGreaterThan(300);
  });
});
