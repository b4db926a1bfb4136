/** Object and array ranges of a parsed JSON file, for suppression scopes. */
import type { LineMap, Range } from '../../core/source.js';

interface JsonNodeLike {
  type: string;
  offset: number;
  length: number;
  children?: JsonNodeLike[];
}

/** Every JSON object and array of a parsed file: `jsonObjectRanges(parsed.root, parsed.lineMap)`. */
export function jsonObjectRanges(root: JsonNodeLike | undefined, lineMap: LineMap): Range[] {
  const out: Range[] = [];
  const walk = (n: JsonNodeLike): void => {
    if (n.type === 'object' || n.type === 'array') out.push(lineMap.range(n.offset, n.offset + n.length));
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  return out;
}

