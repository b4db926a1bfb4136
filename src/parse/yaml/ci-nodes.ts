/**
 * What ci.ts's structure readers (workflows, actions, pipelines, their steps and scripts) ask
 * of a YAML node, so they exist once for both readings of a CI file: the `yaml` library's
 * composed nodes (`libraryNodes`, below) and the fast reader's trees (ci-tree-nodes.ts, issue 15).
 * Each answer is the library reading's: a range is the library node's `range[0..1]`, a
 * scalar's string its value as `String` writes it, a mapping `mapScalar`'s.
 */
import type { Node as YNode, Pair, Scalar, YAMLMap } from 'yaml';
import type { LineMap, Range } from '../../core/source.js';
import { isMap, isPair, isScalar, isSeq } from './guards.js';
import { mapScalar } from './scalar.js';
import { asText } from './plain-scalar.js';
import type { MappedText } from './scalar.js';
import type { AliasFollow } from './tree.js';

declare const opaque: unique symbol;
/** A node of either reading, read only through `CiNodes`. */
export interface CiNode {
  readonly [opaque]: 'node';
}
/** A `key: value` pair of either reading, read only through `CiNodes`. */
export interface CiPair {
  readonly [opaque]: 'pair';
}

export interface CiNodes {
  isMap(n: CiNode | undefined): boolean;
  isSeq(n: CiNode | undefined): boolean;
  isScalar(n: CiNode | undefined): boolean;
  /** A mapping's pairs in order (none for anything else). */
  pairs(map: CiNode | undefined): readonly CiPair[];
  /** A sequence's items in order (none for anything else). */
  items(seq: CiNode | undefined): readonly (CiNode | undefined)[];
  /** The pair's key as a string (`undefined` for a key that is not a scalar). */
  key(p: CiPair): string | undefined;
  /** The pair's value (`undefined` when there is no value node at all). */
  value(p: CiPair): CiNode | undefined;
  /** A scalar's value as a string (null is `''`); `undefined` for anything else. */
  str(n: CiNode | undefined): string | undefined;
  /** The node's range (a scalar's quotes and block header included); `1:1` for none. */
  range(n: CiNode | undefined): Range;
  keyRange(p: CiPair): Range;
  /** From the key to the end of the value. */
  pairRange(p: CiPair): Range;
  /** A scalar's content (without quotes) when it can be mapped exactly, else the node's range. */
  contentRange(n: CiNode): Range;
  /** `mapScalar` of a scalar (each node mapped once: a tree and a script may both ask). */
  mapped(n: CiNode): MappedText;
}

type LPair = Pair<YNode, YNode | null>;

const NONE: readonly never[] = [];

/**
 * `CiNodes` over the `yaml` library's composed nodes (`keepSourceTokens: true`). `follow`: the
 * aliases read as the node they stand for (`documentAliases`), within its budget; any other alias is
 * no node a reader knows (neither map, sequence nor scalar).
 */
export function libraryNodes(lineMap: LineMap, follow?: AliasFollow): CiNodes & { mapOf(node: Scalar): MappedText } {
  const following = follow !== undefined && follow.targets.size > 0;
  const deref = <T>(n: T): T => {
    const target = following ? (follow.targets.get(n) as T | undefined) : undefined;
    if (target === undefined) return n;
    // Bounded: each alias may stand for a step whose script is read again (many jobs × `steps: *s`).
    const r = (target as { range?: [number, number, number] }).range;
    follow!.readsLeft -= Math.max(1, r ? r[1] - r[0] : 1);
    if (follow!.readsLeft < 0) {
      follow!.stoppedAt ??= range(n);
      return n;
    }
    return target;
  };
  const done = new Map<Scalar, MappedText>();
  const mapOf = (node: Scalar): MappedText => {
    let m = done.get(node);
    if (m === undefined) {
      m = mapScalar(node);
      done.set(node, m);
    }
    return m;
  };
  const str = (n: unknown): string | undefined => (isScalar(n) ? asText(n.value) : undefined);
  const range = (n: unknown): Range => {
    const r = (n as YNode | null | undefined)?.range;
    if (!r) return lineMap.range(0, 0);
    return lineMap.range(r[0], r[1]);
  };
  const asPair = (p: CiPair): LPair => p as unknown as LPair;
  return {
    mapOf,
    isMap: (n) => isMap(n),
    isSeq: (n) => isSeq(n),
    isScalar: (n) => isScalar(n),
    pairs(map) {
      if (!isMap(map)) return NONE;
      const items = (map as YAMLMap<YNode, YNode | null>).items;
      // A composed mapping holds only pairs: its own array, unless something else is in it.
      for (const p of items) if (!isPair(p)) return items.filter((q) => isPair(q)) as unknown as CiPair[];
      return items as unknown as CiPair[];
    },
    items: (seq) => (!isSeq(seq) ? NONE : following ? (seq.items.map(deref) as unknown as CiNode[]) : (seq.items as unknown as CiNode[])),
    // A key may be an alias too (`- *k : az …` with `x: &k run`): its scalar's text.
    key: (p) => str(deref(asPair(p).key)),
    value: (p) => deref(asPair(p).value ?? undefined) as CiNode | undefined,
    str,
    range,
    keyRange: (p) => range(asPair(p).key),
    pairRange(p) {
      const q = asPair(p);
      const start = q.key?.range?.[0] ?? 0;
      const end = q.value?.range?.[1] ?? q.key?.range?.[1] ?? start;
      return lineMap.range(start, end);
    },
    contentRange(n) {
      if (isScalar(n)) {
        // A one-line plain scalar maps character for character onto its source, which is the
        // node's value range: that range, without mapping it (most `with:` values and `uses:`).
        const r = n.range;
        const src = n.srcToken?.type === 'scalar' ? n.srcToken.source : undefined;
        if (r && src !== undefined && n.type === 'PLAIN' && !src.includes('\n') && !src.includes('\r')) return lineMap.range(r[0], r[1]);
        const m = mapOf(n as Scalar);
        if (m.exact && m.value.length > 0) return lineMap.range(m.starts[0]!, m.ends[m.value.length - 1]!);
      }
      return range(n);
    },
    mapped: (n) => mapOf(n as unknown as Scalar),
  };
}
