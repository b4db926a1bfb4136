/**
 * Block ranges of a parsed HCL file, for suppression scopes (a directive above a block covers
 * it whole). A multi-line value opened on its key's line counts as a block too: an object or
 * list (`gpuinfer = {` in a `.tfvars` map, `tags = {`, `body = {`, `agentPoolProfiles = [`)
 * or a call wrapping one (`body = jsonencode({`), like a JSON object in a JSON file.
 */
import type { Range } from '../../core/source.js';
import type { Expression } from './ast.js';

interface HclBodyLike {
  items: readonly ({ type: 'Attribute'; range: Range; expr: Expression } | { type: 'Block'; range: Range; body: HclBodyLike })[];
}

/** Every HCL block (top level and nested) and every multi-line attribute value of a parsed file: `hclBlockRanges(hcl.body)`. */
export function hclBlockRanges(body: HclBodyLike): Range[] {
  const out: Range[] = [];
  const walk = (b: HclBodyLike): void => {
    // By index: a for…of makes an iterator and a result object per item in V8's interpreter.
    for (let i = 0; i < b.items.length; i++) {
      const it = b.items[i]!;
      if (it.type === 'Block') {
        out.push(it.range);
        walk(it.body);
      } else valueRanges(it.range, it.expr, out);
    }
  };
  walk(body);
  return out;
}

/** `range` (a key and its value) when the value spans lines, then the same for the members inside the value. */
function valueRanges(range: Range, e: Expression, out: Range[]): void {
  if (e.range.end.line > e.range.start.line) out.push(range);
  switch (e.type) {
    case 'Object':
      for (let i = 0; i < e.items.length; i++) valueRanges(e.items[i]!.range, e.items[i]!.value, out);
      break;
    case 'Tuple':
      for (let i = 0; i < e.items.length; i++) valueRanges(e.items[i]!.range, e.items[i]!, out);
      break;
    case 'FunctionCall':
      for (let i = 0; i < e.args.length; i++) valueRanges(e.args[i]!.range, e.args[i]!, out);
      break;
    default:
      break;
  }
}
