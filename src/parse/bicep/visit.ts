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
  // A hot path (every node of every file, issue 15's profile): no entries() array per node,
  // and a sort only when the fields did not already come in source order.
  const out: BicepNode[] = [];
  const declaration = node.kind === 'ResourceDecl' || node.kind === 'ModuleDecl';
  const fields = node as unknown as Record<string, unknown>;
  let ordered = true;
  let last = -1;
  const push = (v: BicepNode): void => {
    const at = v.range.start.offset;
    if (at < last) ordered = false;
    last = at;
    out.push(v);
  };
  for (const key in fields) {
    if (SKIP.has(key) || (declaration && CONVENIENCE.has(key))) continue;
    const value = fields[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) push(v);
    } else if (isNode(value)) {
      push(value);
    }
  }
  return ordered ? out : out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * Calls `visitor` for every node of the file (pre-order, source order). Return `false` from the
 * visitor to skip a node's children.
 */
export function walkBicep(file: BicepFile | BicepParamFile, visitor: (node: BicepNode, parent: BicepNode | null) => boolean | void): void {
  const stack: [BicepNode, BicepNode | null][] = [];
  for (let i = file.statements.length - 1; i >= 0; i--) stack.push([file.statements[i]!, null]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (visitor(node, parent) === false) continue;
    const kids = childNodes(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, node]);
  }
}
