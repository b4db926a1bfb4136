/**
 * Terraform JSON syntax (`*.tf.json`) read into the native-syntax AST (src/parse/hcl/tf-json.ts):
 * block shapes, nested blocks, templates and their positions in the JSON file.
 */
import { describe, expect, it } from 'vitest';
import type { Attribute, Block } from '../../src/parse/hcl/ast.js';
import { parseTfJson } from '../../src/parse/hcl/tf-json.js';

const TEXT = `{
  "//": "generated",
  "variable": { "size": { "type": "map(string)", "default": "x" } },
  "resource": {
    "azurerm_kubernetes_cluster": {
      "aks": [
        { "name": "rg-\${var.env}", "default_node_pool": { "vm_size": "\${var.size}" }, "tags": { "a": 1 } }
      ]
    }
  }
}
`;

const blocks = (b: { items: unknown[] }): Block[] => b.items.filter((i): i is Block => (i as Block).type === 'Block');
const attr = (b: Block, name: string): Attribute => b.body.items.find((i): i is Attribute => i.type === 'Attribute' && i.name === name)!;

describe('parseTfJson', () => {
  const f = parseTfJson(TEXT, '/x/main.tf.json', (t) => new Set(t === 'azurerm_kubernetes_cluster' ? ['default_node_pool'] : []));

  it('makes labelled blocks whose header is the innermost name', () => {
    expect(f.errors).toEqual([]);
    const [variable, resource] = blocks(f.body);
    expect(variable!.blockType).toBe('variable');
    expect(variable!.labels.map((l) => l.value)).toEqual(['size']);
    expect(resource!.labels.map((l) => l.value)).toEqual(['azurerm_kubernetes_cluster', 'aks']);
    // `"aks": [` is on line 6: the header of the resource.
    expect(resource!.typeRange.start.line).toBe(6);
  });

  it('reads a variable type as an expression and a known nested block as a block', () => {
    const [variable, resource] = blocks(f.body);
    expect(attr(variable!, 'type').expr.type).toBe('FunctionCall');
    const pool = blocks(resource!.body)[0]!;
    expect(pool.blockType).toBe('default_node_pool');
    expect(attr(resource!, 'tags').expr.type).toBe('Object');
  });

  it('parses templates and places them in the JSON file', () => {
    const resource = blocks(f.body)[1]!;
    const name = attr(resource, 'name').expr;
    expect(name.type).toBe('Template');
    const size = attr(blocks(resource.body)[0]!, 'vm_size').expr;
    expect(size.type).toBe('TemplateWrap');
    // `"${var.size}"` on line 7: the traversal starts two columns after the opening quote + `${`.
    const line7 = TEXT.split('\n')[6]!;
    const wrapped = size.type === 'TemplateWrap' ? size.wrapped : size;
    expect(wrapped.range.start.line).toBe(7);
    expect(line7.slice(wrapped.range.start.column - 1, wrapped.range.end.column - 1)).toBe('var.size');
  });

  it('reads "//" properties as comments (suppressions)', () => {
    const c = parseTfJson('{\n  "//": "mlops-iac-lint-ignore AKS001 -- reason",\n  "resource": {}\n}\n', '/x/c.tf.json');
    expect(c.comments.map((x) => [x.text, x.range.start.line, x.range.start.column])).toEqual([['mlops-iac-lint-ignore AKS001 -- reason', 2, 3]]);
  });

  it('reports the first JSON error only', () => {
    const bad = parseTfJson('{ "resource": { "x": \n', '/x/bad.tf.json');
    expect(bad.errors).toHaveLength(1);
  });
});
