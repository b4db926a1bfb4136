/**
 * What an evaluated ARM template gives the suppression engine: its resources' `metadata` objects
 * (JSON without comments suppresses through them) and its comments (JSONC). The ARM front end
 * collects them for its templates, the Bicep front end for the templates `.bicepparam` files
 * name in `using` (the engine merges a file's sources when both do).
 */
import { jsonObjectRanges } from '../parse/json/blocks.js';
import type { ParsedJson } from '../parse/json/index.js';
import type { ArmResource } from '../eval/arm/template.js';
import type { MetadataSource, SuppressionSource } from './types.js';

/** Each resource object's `metadata`, once: every variant evaluates the same objects. */
export function resourceMetadata(results: Iterable<{ resources: readonly ArmResource[] }>): MetadataSource[] {
  const out: MetadataSource[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    for (const r of result.resources) {
      const key = `${r.file}:${r.objectLocation.range.start.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ file: r.file, body: r.body, range: r.objectLocation.range });
    }
  }
  return out;
}

/**
 * A JSON file's comments as a suppression source. The blocks are only read for a file's comments
 * (collectDirectives skips a file without): most JSON has none, and the ranges of every object
 * and array were ~5 % of ARM's time. Undefined for a file without a tree.
 */
export function jsonSuppressionSource(file: string, parsed: ParsedJson | undefined): SuppressionSource | undefined {
  if (!parsed?.root) return undefined;
  return { file, comments: parsed.comments, blocks: parsed.comments.length > 0 ? jsonObjectRanges(parsed.root, parsed.lineMap) : [] };
}
