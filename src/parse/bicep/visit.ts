/**
 * Generic traversal of the Bicep AST (for the evaluator, rules and tests).
 *
 * `childNodes` returns the direct children of a node in source order. The convenience fields of
 * `ResourceDecl`/`ModuleDecl` (`body`, `condition`, `loop`, `children`) repeat nodes that are
 * already reachable through `value`, so they are not visited twice.
 */
import type { BicepFile, BicepNode, BicepParamFile } from './ast.js';

const CONVENIENCE = new Set(['body', 'condition', 'loop', 'children']);
const SKIP = new Set(['range', 'lineMap', 'text']);

function isNode(v: unknown): v is BicepNode {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' && 'range' in v;
}

/** The direct child nodes of `node`, in source order. */
export function childNodes(node: BicepNode): BicepNode[] {
  const out: BicepNode[] = [];
  pushChildren(node, out);
  // The fields almost always come in source order: sort only when they did not.
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.range.start.offset < out[i - 1]!.range.start.offset) return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }
  return out;
}

/**
 * Pushes the direct child nodes of `node` onto `out`, in field order. A hot path (every node
 * of every file, issue 15's profile): no array of entries and no closure per node.
 */
function pushChildren(node: BicepNode, out: BicepNode[]): void {
  const declaration = node.kind === 'ResourceDecl' || node.kind === 'ModuleDecl';
  const fields = node as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (SKIP.has(key) || (declaration && CONVENIENCE.has(key))) continue;
    const value = fields[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
}

/**
 * Calls `visitor` for every node of the file (pre-order, source order). Return `false` from the
 * visitor to skip a node's children.
 */
export function walkBicep(file: BicepFile | BicepParamFile, visitor: (node: BicepNode, parent: BicepNode | null) => boolean | void): void {
  // Two parallel stacks (node, its parent): no pair array per node.
  const nodes: BicepNode[] = [];
  const parents: (BicepNode | null)[] = [];
  for (let i = file.statements.length - 1; i >= 0; i--) {
    nodes.push(file.statements[i]!);
    parents.push(null);
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (visitor(node, parents.pop()!) === false) continue;
    const kids = childNodes(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]!);
      parents.push(node);
    }
  }
}

/**
 * Calls `visit` once for every node `walkBicep` visits, in no particular order and without
 * parents: for a question about the set of nodes (which names a file reads by member), with
 * no sorting and no array per node.
 */
export function forEachBicepNode(file: BicepFile | BicepParamFile, visit: (node: BicepNode) => void): void {
  const stack: BicepNode[] = [...file.statements];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    pushChildren(node, stack);
  }
}
