/**
 * Aliases to an anchor that is not set before them (`image: *nope`). The `yaml` library
 * composes such a document without an error or a warning (it fails only when the value is
 * read), so an undefined alias would silently become "nothing there". YAML 1.2 §7.1: an alias
 * refers to the most recent preceding node with that anchor; one with none is an error.
 * One pass in document order, so a file with many aliases stays linear.
 */
import { isAlias, isNode, visit } from 'yaml';
import type { Document } from 'yaml';

export interface UnresolvedAlias {
  name: string;
  /** Offsets of the alias (`*name`) in the text. */
  start: number;
  end: number;
}

export function unresolvedAliases(doc: Document.Parsed): UnresolvedAlias[] {
  const anchors = new Set<string>();
  const out: UnresolvedAlias[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) out.push({ name: node.source, start: node.range[0], end: node.range[1] });
      return;
    }
    // The anchor is set on entering its node, so an alias inside it (a cycle) resolves as YAML allows.
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
  });
  return out;
}

/** The message of an unresolved alias, one wording for every YAML reader. */
export function unresolvedAliasMessage(name: string): string {
  return `Unresolved alias *${name}: no anchor &${name} is set before it`;
}
