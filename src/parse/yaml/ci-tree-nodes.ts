/**
 * `CiNodes` over the fast reader's trees (fast-reader.ts, issue 15): ci.ts reads a CI file in
 * the reader's subset without the `yaml` library's lexer, parser and composer (about a third
 * of the CI units' time). Every answer equals the library reading's (ci-nodes.ts); where this
 * module cannot tell that it does, it throws `OUTSIDE_FAST_CI` and the caller reads the file
 * with the library instead.
 *
 * A scalar's mapping (`mapped`, what a script snippet is built from) is rebuilt from the
 * source facts the reader recorded (`ScalarSource`): a one-line plain or quoted scalar maps
 * character for character onto its source, a multi-line plain one as mapScalar unfolds it,
 * a literal block scalar line by line, each line break onto the line break after its line, as
 * `mapScalar` (scalar.ts) maps them. The rebuilt
 * value is checked against the reader's value, as `mapScalar` checks its own against the
 * library's: a difference means a form this module does not follow, and the library path.
 */
import type { LineMap, Range } from '../../core/source.js';
import type { CiNode, CiNodes, CiPair } from './ci-nodes.js';
import type { ParsedYaml } from './document.js';
import { readSimpleYaml } from './fast-reader.js';
import type { ScalarSource, ScalarSources } from './fast-reader.js';
import { identityMapping, mapPlainSource } from './scalar.js';
import type { MappedText } from './scalar.js';
import type { YamlEntryNode, YamlScalar, YamlTree } from './tree.js';

/** Thrown when a node asks for something this reading cannot answer exactly. */
export const OUTSIDE_FAST_CI = new Error('outside the fast CI reading');

const NONE: readonly never[] = [];

const tree = (n: CiNode | undefined): YamlTree | undefined => n as unknown as YamlTree | undefined;
const entryOf = (p: CiPair): YamlEntryNode => p as unknown as YamlEntryNode;

/**
 * The fast reader's result for `text` and `CiNodes` over its trees, or undefined when the
 * reader leaves the text to the library.
 */
export function readCiFast(text: string, lineMap: LineMap): { parsed: ParsedYaml; nodes: CiNodes } | undefined {
  const sources: ScalarSources = new Map();
  const parsed = readSimpleYaml(text, lineMap, sources);
  if (parsed === undefined) return undefined;
  return { parsed, nodes: treeNodes(text, lineMap, sources) };
}

function treeNodes(text: string, lineMap: LineMap, sources: ScalarSources): CiNodes {
  const source = (n: CiNode | undefined): ScalarSource => {
    const s = sources.get(n as unknown as YamlScalar);
    if (s === undefined) throw OUTSIDE_FAST_CI; // a scalar the reader did not record (a flow item)
    return s;
  };
  const range = (n: CiNode | undefined): Range => {
    const t = tree(n);
    if (t === undefined) return lineMap.range(0, 0);
    if (t.type !== 'scalar') return t.range;
    const s = source(n);
    return lineMap.range(s.start, s.end);
  };
  const mapped = (n: CiNode): MappedText => {
    const t = tree(n);
    if (t?.type !== 'scalar') throw OUTSIDE_FAST_CI;
    return mapSource(text, t, source(n));
  };
  return {
    isMap: (n) => tree(n)?.type === 'map',
    isSeq: (n) => tree(n)?.type === 'seq',
    isScalar: (n) => tree(n)?.type === 'scalar',
    pairs(map) {
      const t = tree(map);
      return t?.type === 'map' ? (t.entries as unknown as CiPair[]) : NONE;
    },
    items(seq) {
      const t = tree(seq);
      return t?.type === 'seq' ? (t.items as unknown as CiNode[]) : NONE;
    },
    // Every key the reader accepts is a scalar.
    key: (p) => entryOf(p).key,
    value: (p) => entryOf(p).value as unknown as CiNode | undefined,
    str(n) {
      const t = tree(n);
      return t?.type === 'scalar' ? t.value : undefined;
    },
    range,
    keyRange: (p) => entryOf(p).keyRange,
    pairRange: (p) => entryOf(p).range,
    contentRange(n) {
      const t = tree(n);
      if (t?.type !== 'scalar') return range(n);
      const s = source(n);
      if (s.style === 'plain') return t.range;
      const m = mapped(n);
      if (m.value.length > 0) return lineMap.range(m.starts[0]!, m.ends[m.value.length - 1]!);
      return range(n);
    },
    mapped,
  };
}

/** `mapScalar` of a scalar the fast reader read, from its source facts (exact, or OUTSIDE_FAST_CI). */
function mapSource(text: string, node: YamlScalar, s: ScalarSource): MappedText {
  switch (s.style) {
    case 'plain': {
      // An empty value is the library's empty node, which has no source token: mapScalar's
      // fallback (no characters, not exact).
      if (s.start === s.end) return { value: '', starts: new Int32Array(0), ends: new Int32Array(0), exact: false };
      // mapScalar copies a one-line plain scalar's source, which is its node's range (the
      // value for a string, `1e3` for 1000).
      const src = text.slice(s.start, s.end);
      if (node.range.start.offset !== s.start || node.range.end.offset !== s.end) throw OUTSIDE_FAST_CI;
      if (!src.includes('\n')) return identityMapping(src, s.start);
      // A multi-line one: unfolded as mapScalar unfolds it, which must give the reader's value.
      const m = mapPlainSource(src, s.start);
      if (m.value !== node.value) throw OUTSIDE_FAST_CI;
      return m;
    }
    case 'single':
    case 'double': {
      // Without escapes (`''`, `\`) and line breaks, the content between the quotes is the value.
      const src = text.slice(s.start + 1, s.end - 1);
      if (src !== node.value || src.includes('\n') || (s.style === 'single' ? src.includes("''") : src.includes('\\'))) throw OUTSIDE_FAST_CI;
      return identityMapping(src, s.start + 1);
    }
    case 'literal':
    case 'literal-strip':
      return literalMapping(text, node, s);
    default:
      throw OUTSIDE_FAST_CI;
  }
}

/**
 * A literal block scalar (`|`, `|-`) whose content lines start at the node's content start,
 * each less its first `indent` columns, after `leading` empty lines (each a line break of the
 * value, mapped to that line's break, where the node's range starts): mapScalar's blockScalar
 * for the lines the reader accepts (no `\r` but in `\r\n` line breaks, each mapped whole; no tab).
 */
function literalMapping(text: string, node: YamlScalar, s: ScalarSource): MappedText {
  const indent = s.indent;
  const value = node.value;
  const first = node.range.start.offset;
  const leading = s.leading ?? 0;
  if (indent === undefined || (leading === 0 && first - indent < 0)) throw OUTSIDE_FAST_CI;
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let at = 0;
  let lineStart = first - indent;
  if (leading > 0) {
    // Each leading empty line's break: `\n`, or `\r\n` (mapped from its `\r` to after its `\n`).
    let brk = first;
    for (;;) {
      const nl = text.charCodeAt(brk) === 0x0d ? brk + 1 : brk;
      if (text.charCodeAt(nl) !== 0x0a || value.charCodeAt(at) !== 0x0a) throw OUTSIDE_FAST_CI;
      starts[at] = brk;
      ends[at++] = nl + 1;
      lineStart = nl + 1;
      if (at === leading) break;
      brk = text.indexOf('\n', lineStart);
      if (brk > 0 && text.charCodeAt(brk - 1) === 0x0d) brk--;
    }
  }
  // The value's lines without the final line break of a clipped scalar.
  const clip = s.style === 'literal';
  const body = clip ? value.length - 1 : value.length;
  if (clip && value.charCodeAt(body) !== 0x0a) throw OUTSIDE_FAST_CI;
  // This line's content end (before a `\r\n`'s `\r`) and where its line break ends (after the `\n`).
  let lineEnd = lineStart;
  let breakEnd = lineStart;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    lineEnd = nl < 0 ? text.length : nl > lineStart && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    breakEnd = nl < 0 ? text.length + 1 : nl + 1;
    // This line's content in the file: what the value must hold next.
    for (let p = lineStart + indent; p < lineEnd; p++) {
      if (at >= body || value.charCodeAt(at) !== text.charCodeAt(p)) throw OUTSIDE_FAST_CI;
      starts[at] = p;
      ends[at++] = p + 1;
    }
    if (at === body) break;
    // The line break between two lines of the value maps to the break after this line.
    if (value.charCodeAt(at) !== 0x0a || nl < 0) throw OUTSIDE_FAST_CI;
    starts[at] = lineEnd;
    ends[at++] = breakEnd;
    lineStart = breakEnd;
  }
  if (clip) {
    starts[at] = lineEnd;
    ends[at++] = breakEnd;
  }
  return { value, starts, ends, exact: true };
}
