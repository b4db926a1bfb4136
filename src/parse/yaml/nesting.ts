/**
 * Nesting depth of a YAML document, measured on the concrete syntax tree of `yaml`'s Parser
 * (which is iterative) before the Composer and our CI readers, which recurse once per level.
 */
import type { CST } from 'yaml';

/** The offset of the first collection nested deeper than `max`, or undefined. */
export function yamlNestingOverflow(tokens: readonly CST.Token[], max: number): number | undefined {
  // Two parallel stacks (token, its depth): no [token, depth] pair allocated per token.
  const stack: (CST.Token | undefined)[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (stack.length) {
    const t = stack.pop();
    const depth = depths.pop()!;
    if (!t) continue;
    switch (t.type) {
      case 'document':
        stack.push(t.value);
        depths.push(depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > max) return t.offset;
        for (const item of t.items) {
          if ('key' in item) {
            stack.push(item.key ?? undefined);
            depths.push(depth + 1);
          }
          stack.push(item.value);
          depths.push(depth + 1);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
