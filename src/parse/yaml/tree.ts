/**
 * A positioned, plain copy of a YAML document: every mapping, sequence and scalar with its
 * exact file range. The CI model (src/eval/ci/) reads workflow and pipeline structure from
 * it without depending on the `yaml` package's node classes.
 *
 * Scalars keep the range of their *content* (without quotes) when it is on one line or can
 * be mapped exactly, else the range of the whole node (block scalars, multi-line quoted).
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from './guards.js';
import type { Node as YNode, Pair, Scalar } from 'yaml';
import type { LineMap, Range } from '../../core/source.js';
import { mapScalar, type MappedText } from './scalar.js';
import { asText } from './plain-scalar.js';

/** Maps a scalar to the file (`mapScalar`, or a caller's memo of it). */
export type ScalarMapper = (node: Scalar) => MappedText;

export interface YamlScalar {
  type: 'scalar';
  /** The value as a string (`null` and an empty value are `''`; numbers and booleans as written by `String`). */
  value: string;
  /** False for quoted and block scalars: a plain `true`/`123` was not written as a string. */
  plain: boolean;
  /** Range of the content (without quotes). */
  range: Range;
}

export interface YamlMap {
  type: 'map';
  entries: YamlEntryNode[];
  range: Range;
}

export interface YamlSeq {
  type: 'seq';
  items: YamlTree[];
  range: Range;
}

/** An alias (`*name`) or a node this copy does not follow. */
export interface YamlOther {
  type: 'other';
  range: Range;
  /** Not YAML: a value a Terraform evaluation could not know, and why (src/eval/k8s/terraform.ts builds such trees). */
  unknown?: string;
}

/**
 * `via`, on a node copied through an alias (`- *gputol`): the alias it was copied for (its ranges
 * are the anchor's, where it is written), so a reader can tell the uses apart.
 */
export type YamlTree = (YamlScalar | YamlMap | YamlSeq | YamlOther) & { via?: Range };

export interface YamlEntryNode {
  /** The key as a string (`''` for a non-scalar key). */
  key: string;
  keyRange: Range;
  /** For an entry copied through an alias (`limits: *gpu`): that alias (as `YamlTree.via`). */
  via?: Range;
  /** Undefined for `key:` with no value. */
  value?: YamlTree;
  /** From the key to the end of the value. */
  range: Range;
}

function nodeRange(lineMap: LineMap, node: YNode | null | undefined): Range {
  const r = node?.range;
  return r ? lineMap.range(r[0], r[1]) : lineMap.range(0, 0);
}

function scalarValue(node: Scalar): string {
  return asText(node.value);
}

/** Content range of a scalar: cheap for one-line plain and quoted scalars, exact mapping otherwise. */
function scalarRange(lineMap: LineMap, node: Scalar, mapOf: ScalarMapper): Range {
  const r = node.range;
  if (!r) return lineMap.range(0, 0);
  const src = node.srcToken && 'source' in node.srcToken ? (node.srcToken.source as string) : undefined;
  const oneLine = src !== undefined && !src.includes('\n') && !src.includes('\r');
  if (oneLine && node.type === 'PLAIN') return lineMap.range(r[0], r[1]);
  if (oneLine && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r[1] - r[0] >= 2) {
    // A one-line quoted scalar without escapes: the content sits between the quotes.
    if (node.type === 'QUOTE_SINGLE' ? !src.slice(1, -1).includes("''") : !src.includes('\\')) return lineMap.range(r[0] + 1, r[1] - 1);
  }
  const m = mapOf(node);
  if (m.exact && m.value.length > 0) return lineMap.range(m.starts[0]!, m.ends[m.value.length - 1]!);
  return lineMap.range(r[0], r[1]);
}

function pairRange(lineMap: LineMap, p: Pair<unknown, unknown>): Range {
  const k = p.key as YNode | null;
  const v = p.value as YNode | null;
  const start = k?.range?.[0] ?? 0;
  const end = v?.range?.[1] ?? k?.range?.[1] ?? start;
  return lineMap.range(start, end);
}

/**
 * Aliases a copy follows (`documentAliases`), and how many more nodes it may copy through them: a
 * document of nested aliases (each anchor two aliases of the one before) would otherwise copy
 * exponentially many nodes.
 */
export interface AliasFollow {
  targets: ReadonlyMap<unknown, unknown>;
  /** Nodes the tree copy may still make through aliases. */
  left: number;
  /**
   * Characters of YAML the structure readers (ci-nodes.ts) may still read again through aliases:
   * each use of an alias costs the length of what it repeats (a step's script is lexed and
   * interpreted once per use), at least 1.
   */
  readsLeft: number;
  /** Where following stopped first (the alias whose copy was cut): the reader says so (EVAL001). */
  stoppedAt?: Range;
  /**
   * Apply YAML 1.1 merge keys (`<<: *base`), as the reader of the file does: kubectl (go-yaml),
   * the Azure ML CLI (PyYAML). Not for GitHub Actions, which does not support them.
   */
  mergeKeys?: true;
}

/** Nodes a copy makes through aliases, at most (far more than any workflow reuses). */
export const ALIAS_COPY_BUDGET = 5_000;
/**
 * Characters a structure reader reads again through aliases, at most (100 jobs sharing a 20 KB
 * list of steps): one 139 KB anchored script used by 499 jobs took 77 s and 4.5 GB when uses were
 * counted, and stops after 14 uses here.
 */
export const ALIAS_READ_BUDGET = 2_000_000;

/** A fresh budget for one document's aliases. */
export function aliasFollow(targets: ReadonlyMap<unknown, unknown>): AliasFollow {
  return { targets, left: ALIAS_COPY_BUDGET, readsLeft: ALIAS_READ_BUDGET };
}

/**
 * Copies a `yaml` node (composed with `keepSourceTokens: true`) into a positioned tree.
 * `mapOf`: how scalars are mapped to the file (a caller that maps them again shares a memo).
 * `follow`: aliases copied as the node they stand for (its ranges are where it is written);
 * without it, or past its budget, an alias is `other`.
 */
export function yamlTree(node: unknown, lineMap: LineMap, depth = 0, mapOf: ScalarMapper = mapScalar, follow?: AliasFollow, via?: Range): YamlTree {
  const tree = copyNode(node, lineMap, depth, mapOf, follow, via);
  if (via) tree.via = via;
  return tree;
}

function copyNode(node: unknown, lineMap: LineMap, depth: number, mapOf: ScalarMapper, follow: AliasFollow | undefined, via: Range | undefined): YamlTree {
  if (via && follow!.left-- <= 0) {
    follow!.stoppedAt ??= via;
    return { type: 'other', range: nodeRange(lineMap, node as YNode) };
  }
  if (isScalar(node)) return { type: 'scalar', value: scalarValue(node), plain: node.type === 'PLAIN' || node.type === undefined, range: scalarRange(lineMap, node, mapOf) };
  // Deeper than any CI file nests; a guard against pathological input.
  if (depth > 200) return { type: 'other', range: nodeRange(lineMap, node as YNode) };
  if (isAlias(node)) {
    const target = follow?.targets.get(node);
    return target === undefined ? { type: 'other', range: nodeRange(lineMap, node as YNode) } : yamlTree(target, lineMap, depth + 1, mapOf, follow, via ?? nodeRange(lineMap, node as YNode));
  }
  if (isMap(node)) {
    const entries: YamlEntryNode[] = [];
    let merged: YamlMap[] | undefined;
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = p.key as YNode | null;
      // A merge key (`<<: *base`, `<<: [*a, *b]`), where the reader applies them: its maps' entries
      // are added below (the mapping's own keys win).
      if (follow?.mergeKeys && isScalar(k) && k.value === '<<' && (k.type === 'PLAIN' || k.type === undefined)) {
        const maps = mergedMaps(p.value, lineMap, depth + 1, mapOf, follow, via);
        if (maps) {
          (merged ??= []).push(...maps);
          continue;
        }
      }
      // An alias as a key (`*k : …`) is the scalar its anchor names, when followed.
      const keyNode = isAlias(k) ? (follow?.targets.get(k) as YNode | undefined) ?? k : k;
      const e: YamlEntryNode = { key: isScalar(keyNode) ? scalarValue(keyNode) : '', keyRange: nodeRange(lineMap, k), range: pairRange(lineMap, p) };
      if (via) e.via = via;
      if (p.value !== null && p.value !== undefined) e.value = yamlTree(p.value, lineMap, depth + 1, mapOf, follow, via);
      entries.push(e);
    }
    if (merged) {
      // YAML 1.1 merge ("Merge Key Language-Independent Type"): a key of the mapping itself wins,
      // then the first merged map that has it.
      const own = new Set(entries.map((e) => e.key));
      for (const m of merged) {
        for (const e of m.entries) {
          if (own.has(e.key)) continue;
          own.add(e.key);
          entries.push(e);
        }
      }
    }
    return { type: 'map', entries, range: nodeRange(lineMap, node as unknown as YNode) };
  }
  if (isSeq(node)) return { type: 'seq', items: node.items.map((i) => yamlTree(i, lineMap, depth + 1, mapOf, follow, via)), range: nodeRange(lineMap, node as unknown as YNode) };
  return { type: 'other', range: nodeRange(lineMap, node as YNode) };
}

/**
 * The mappings a merge key's value names: one mapping (an alias to one, or written in place) or a
 * sequence of them; undefined when it is anything else, or a copy was cut (the `<<` entry is then
 * kept as written, and a reader takes what it may supply as unknown).
 */
function mergedMaps(value: unknown, lineMap: LineMap, depth: number, mapOf: ScalarMapper, follow: AliasFollow, via: Range | undefined): YamlMap[] | undefined {
  const one = (n: unknown): YamlMap | undefined => {
    if (!isAlias(n) && !isMap(n)) return undefined;
    const t = yamlTree(n, lineMap, depth, mapOf, follow, via);
    return t.type === 'map' ? t : undefined;
  };
  if (isSeq(value)) {
    const maps = value.items.map(one);
    return maps.every((m) => m !== undefined) ? (maps as YamlMap[]) : undefined;
  }
  const m = one(value);
  return m ? [m] : undefined;
}

// ---- reading helpers (tree-lookup.ts: free of the `yaml` package, for readers of trees built elsewhere) ----

export { entryOf, stringOf, valueOf } from './tree-lookup.js';
