/** Block ranges of a parsed HCL file, for suppression scopes (a directive above a block covers it whole). */
import type { Range } from '../../core/source.js';

interface HclBodyLike {
  items: readonly ({ type: 'Attribute' } | { type: 'Block'; range: Range; body: HclBodyLike })[];
}

/** Every HCL block (top level and nested) of a parsed file: `hclBlockRanges(hcl.body)`. */
export function hclBlockRanges(body: HclBodyLike): Range[] {
  const out: Range[] = [];
  const walk = (b: HclBodyLike): void => {
    // By index: a for…of makes an iterator and a result object per item in V8's interpreter.
    for (let i = 0; i < b.items.length; i++) {
      const it = b.items[i]!;
      if (it.type === 'Block') {
        out.push(it.range);
        walk(it.body);
      }
    }
  };
  walk(body);
  return out;
}

