/**
 * Nesting depth of a YAML document, measured on the concrete syntax tree of `yaml`'s Parser
 * (which is iterative) before the Composer and our CI readers, which recurse once per level.
 */
import type { CST } from 'yaml';

/** The offset of the first collection nested deeper than `max`, or undefined. */
export function yamlNestingOverflow(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    switch (t.type) {
      case 'document':
        stack.push([t.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > max) return t.offset;
        for (const item of t.items) {
          if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
