/**
 * Aliases to an anchor that is not set before them (`image: *nope`). The `yaml` library
 * composes such a document without an error or a warning (it fails only when the value is
 * read), so an undefined alias would silently become "nothing there". YAML 1.2 §7.1: an alias
 * refers to the most recent preceding node with that anchor; one with none is an error.
 * One pass in document order, so a file with many aliases stays linear.
 */
import { isAlias, isCollection, isNode, isPair } from './guards.js';
import type { Document } from 'yaml';

export interface UnresolvedAlias {
  name: string;
  /** Offsets of the alias (`*name`) in the text. */
  start: number;
  end: number;
}

/**
 * `text`, when given, is the text the document was composed from: an alias is written
 * `*name`, so a text without a `*` has none and its tree is not walked.
 */
export function unresolvedAliases(doc: Document.Parsed, text?: string): UnresolvedAlias[] {
  return documentAliases(doc, text).unresolved;
}

/**
 * A document's aliases in one walk: those with no anchor before them (`unresolved`), and the
 * node each other one stands for (`targets`; YAML 1.2 §7.1: the most recent preceding node with
 * its anchor), for a reader that follows aliases (GitHub Actions workflows, which accept anchors
 * and aliases since September 2025: docs.github.com "Reusing workflow configurations", "YAML
 * anchors and aliases"). An alias inside the node its anchor names (a cycle) resolves, as YAML
 * allows, but has no target: it is not followed. `text` as for `unresolvedAliases`.
 */
export function documentAliases(doc: Document.Parsed, text?: string): { unresolved: UnresolvedAlias[]; targets: Map<unknown, unknown> } {
  const unresolved: UnresolvedAlias[] = [];
  const targets = new Map<unknown, unknown>();
  if (text !== undefined && !text.includes('*')) return { unresolved, targets };
  const anchors = new Map<string, unknown>();
  /** Anchored nodes not yet left: an alias to one of them is a cycle. */
  const open = new Set<unknown>();
  const LEAVE = Symbol('leave');
  // Depth first in document order (a node, then its items; a pair's key, then its value), as
  // yaml's visit() walks, but without the frozen path array visit() builds for every node.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === LEAVE) {
      open.delete(stack.pop());
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        if (node.range) unresolved.push({ name: node.source, start: node.range[0], end: node.range[1] });
      } else if (!open.has(target)) targets.set(node, target);
      continue;
    }
    // The anchor is set on entering its node, so an alias inside it (a cycle) resolves.
    if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
      open.add(node);
      stack.push(node, LEAVE);
    }
    if (isCollection(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  return { unresolved, targets };
}

/** The message of an unresolved alias, one wording for every YAML reader. */
export function unresolvedAliasMessage(name: string): string {
  return `Unresolved alias *${name}: no anchor &${name} is set before it`;
}
