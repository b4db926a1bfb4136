/** The Bicep tree walks: walkBicep (pre-order, source order, parents) and forEachBicepNode (the same nodes, any order). */
import { describe, expect, it } from 'vitest';
import { childNodes, forEachBicepNode, parseBicep, walkBicep, type BicepNode } from '../../src/parse/bicep/index.js';

const SOURCE = [
  "@sys.description('the vault')",
  'param kv object',
  "param names array = ['a', 'b']",
  "var first = names[0]",
  "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (n, i) in names: if (i > 0) {",
  "  name: '${n}${kv.?suffix}'",
  '  properties: { tls: kv.tls ?? first }',
  "  resource child 'blobServices' = { name: 'default' }",
  '}]',
  "output o string = st[1].properties.tls",
].join('\n');

const label = (n: BicepNode): string => `${n.kind}@${n.range.start.offset}-${n.range.end.offset}`;

describe('Bicep tree walks', () => {
  const file = parseBicep(SOURCE, 'main.bicep');

  it('walkBicep visits in source order with each node’s parent; childNodes are in source order', () => {
    const seen: string[] = [];
    const parentOf = new Map<BicepNode, BicepNode | null>();
    walkBicep(file, (node, parent) => {
      seen.push(label(node));
      parentOf.set(node, parent);
    });
    expect(file.errors).toEqual([]);
    expect(seen.length).toBeGreaterThan(40);
    for (const [node, parent] of parentOf) {
      if (parent) expect(childNodes(parent)).toContain(node);
      else expect(file.statements).toContain(node);
      const kids = childNodes(node).map((k) => k.range.start.offset);
      expect(kids).toEqual([...kids].sort((a, b) => a - b));
    }
    // Pre-order: a statement comes before everything inside it.
    expect(seen[0]!.startsWith('ParamDecl')).toBe(true);
    // `false` skips the children.
    const tops: string[] = [];
    walkBicep(file, (node) => {
      tops.push(node.kind);
      return false;
    });
    expect(tops).toEqual(file.statements.map((s) => s.kind));
  });

  it('forEachBicepNode visits exactly the nodes walkBicep visits, as often', () => {
    const walked: string[] = [];
    walkBicep(file, (node) => void walked.push(label(node)));
    const each: string[] = [];
    forEachBicepNode(file, (node) => each.push(label(node)));
    expect(each.sort()).toEqual(walked.sort());
    expect(each.filter((l) => l.startsWith('PropertyAccess')).length).toBeGreaterThanOrEqual(3);
  });
});
