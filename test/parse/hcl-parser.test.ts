import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import type {
  Attribute,
  Block,
  Expression,
  HclFile,
  TemplateExpr,
} from '../../src/parse/hcl/ast.js';
import type { Range } from '../../src/core/source.js';

/** [startLine, startCol, endLine, endCol] */
function lc(r: Range): [number, number, number, number] {
  return [r.start.line, r.start.column, r.end.line, r.end.column];
}

function ok(text: string): HclFile {
  const f = parseHcl(text, '/x/main.tf');
  expect(f.errors).toEqual([]);
  return f;
}

function attr(f: HclFile, i = 0): Attribute {
  const item = f.body.items[i]!;
  expect(item.type).toBe('Attribute');
  return item as Attribute;
}

function block(f: HclFile, i = 0): Block {
  const item = f.body.items[i]!;
  expect(item.type).toBe('Block');
  return item as Block;
}

/** Parses `x = <expr>` and returns the expression. */
function expr(src: string): Expression {
  return attr(ok(`x = ${src}\n`)).expr;
}

function template(src: string): TemplateExpr {
  const e = expr(src);
  expect(e.type).toBe('Template');
  return e as TemplateExpr;
}

describe('structure', () => {
  it('parses attributes with exact ranges', () => {
    const f = ok('name = "ml"\ncount = 3\n');
    const a = attr(f);
    expect(a.name).toBe('name');
    expect(lc(a.nameRange)).toEqual([1, 1, 1, 5]);
    expect(lc(a.range)).toEqual([1, 1, 1, 12]);
    expect(lc(a.expr.range)).toEqual([1, 8, 1, 12]);
    expect(a.range.end.offset).toBe(11);
    const b = attr(f, 1);
    expect(b.expr).toMatchObject({ type: 'Literal', value: 3, raw: '3' });
    expect(lc(b.range)).toEqual([2, 1, 2, 10]);
    expect(lc(f.body.range)).toEqual([1, 1, 3, 1]);
  });

  it('parses blocks with quoted and bare labels', () => {
    const f = ok('resource "azurerm_machine_learning_workspace" ws {\n  name = "w"\n}\n');
    const b = block(f);
    expect(b.blockType).toBe('resource');
    expect(lc(b.typeRange)).toEqual([1, 1, 1, 9]);
    expect(b.labels.map((l) => [l.value, l.quoted, ...lc(l.range)])).toEqual([
      ['azurerm_machine_learning_workspace', true, 1, 10, 1, 46],
      ['ws', false, 1, 47, 1, 49],
    ]);
    expect(lc(b.openBraceRange)).toEqual([1, 50, 1, 51]);
    expect(lc(b.range)).toEqual([1, 1, 3, 2]);
    expect(lc(b.body.range)).toEqual([1, 50, 3, 2]);
    expect((b.body.items[0] as Attribute).name).toBe('name');
    expect(lc(b.body.items[0]!.range)).toEqual([2, 3, 2, 13]);
  });

  it('parses one-line blocks, empty blocks and nested blocks', () => {
    const f = ok('a "b" { x = 1 }\nterraform {}\nresource "r" "n" {\n  dynamic "d" {\n    content { y = 2 }\n  }\n}\n');
    const a = block(f);
    expect(a.body.items).toHaveLength(1);
    expect(lc(a.body.items[0]!.range)).toEqual([1, 9, 1, 14]);
    expect(lc(a.range)).toEqual([1, 1, 1, 16]);
    expect(block(f, 1).body.items).toEqual([]);
    const inner = (block(f, 2).body.items[0] as Block).body.items[0] as Block;
    expect(inner.blockType).toBe('content');
    expect(lc(inner.range)).toEqual([5, 5, 5, 22]);
  });

  it('collects comments of every style', () => {
    const f = ok('# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\n');
    expect(f.comments.map((c) => [c.style, c.text, ...lc(c.range)])).toEqual([
      ['line', ' hash', 1, 1, 1, 7],
      ['line', ' slashes', 2, 1, 2, 11],
      ['block', ' block\n comment ', 3, 1, 4, 12],
      ['line', ' trailing', 4, 19, 4, 29],
    ]);
    expect(attr(f).name).toBe('a');
  });
});

describe('literals and strings', () => {
  it('parses numbers, bools and null', () => {
    expect(expr('1e3')).toMatchObject({ type: 'Literal', value: 1000, raw: '1e3' });
    expect(expr('1.5')).toMatchObject({ type: 'Literal', value: 1.5, raw: '1.5' });
    expect(expr('2E-2')).toMatchObject({ type: 'Literal', value: 0.02 });
    expect(expr('true')).toMatchObject({ type: 'Literal', value: true });
    expect(expr('false')).toMatchObject({ type: 'Literal', value: false });
    expect(expr('null')).toMatchObject({ type: 'Literal', value: null });
    expect(lc(expr('12.75').range)).toEqual([1, 5, 1, 10]);
  });

  it('decodes escapes', () => {
    const t = template('"a\\nb\\r\\t\\"q\\" \\\\ \\u00e9 \\U0001F600 $${x} %%{y}"');
    expect(t.parts).toHaveLength(1);
    expect(t.parts[0]).toMatchObject({ type: 'TemplateLiteral', value: 'a\nb\r\t"q" \\ é 😀 ${x} %{y}' });
    expect(lc(t.range)).toEqual([1, 5, 1, 53]);
  });

  it('treats an empty string as one empty literal', () => {
    const t = template('""');
    expect(t.parts).toEqual([{ type: 'TemplateLiteral', value: '', range: t.parts[0]!.range }]);
  });

  it('parses interpolations with positions', () => {
    const t = template('"pre-${var.name}-post"');
    expect(t.parts.map((p) => p.type)).toEqual(['TemplateLiteral', 'TemplateInterpolation', 'TemplateLiteral']);
    expect(lc(t.parts[0]!.range)).toEqual([1, 6, 1, 10]);
    const interp = t.parts[1]!;
    expect(lc(interp.range)).toEqual([1, 10, 1, 21]);
    expect(interp).toMatchObject({ expr: { type: 'ScopeTraversal', root: 'var', steps: [{ type: 'GetAttr', name: 'name' }] } });
    if (interp.type === 'TemplateInterpolation') expect(lc(interp.expr.range)).toEqual([1, 12, 1, 20]);
  });

  it('wraps a lone interpolation in TemplateWrap', () => {
    const e = expr('"${local.x}"');
    expect(e).toMatchObject({ type: 'TemplateWrap', wrapped: { type: 'ScopeTraversal', root: 'local' } });
    expect(lc(e.range)).toEqual([1, 5, 1, 17]);
  });

  it('parses if and for directives with strip markers', () => {
    const t = template('"%{ if a ~}  yes  %{~ else }no%{ endif } %{for k, v in m}${k}=${v}%{endfor}"');
    const [iff, lit, forr] = t.parts;
    expect(iff).toMatchObject({
      type: 'TemplateIf',
      condition: { type: 'ScopeTraversal', root: 'a' },
      then: [{ type: 'TemplateLiteral', value: 'yes' }],
      else: [{ type: 'TemplateLiteral', value: 'no' }],
    });
    expect(lc(iff!.range)).toEqual([1, 6, 1, 45]);
    expect(lit).toMatchObject({ type: 'TemplateLiteral', value: ' ' });
    expect(forr).toMatchObject({ type: 'TemplateFor', keyVar: 'k', valueVar: 'v', collection: { root: 'm' } });
    if (forr?.type === 'TemplateFor') expect(forr.body.map((p) => p.type)).toEqual(['TemplateInterpolation', 'TemplateLiteral', 'TemplateInterpolation']);
    const s = template('"a  ${~ x ~}  b"');
    expect(s.parts).toMatchObject([{ value: 'a' }, { type: 'TemplateInterpolation', stripLeft: true, stripRight: true }, { value: 'b' }]);
  });

  it('parses heredocs', () => {
    const f = ok('x = <<EOT\n  hello ${name}\n  bye\nEOT\ny = 1\n');
    const t = attr(f).expr as TemplateExpr;
    expect(t.type).toBe('Template');
    expect(t.heredoc).toEqual({ marker: 'EOT', indented: false });
    expect(t.parts).toMatchObject([{ value: '  hello ' }, { type: 'TemplateInterpolation' }, { value: '\n  bye\n' }]);
    expect(lc(t.parts[1]!.range)).toEqual([2, 9, 2, 16]);
    expect(lc(t.range)).toEqual([1, 5, 4, 4]);
    expect(attr(f, 1).name).toBe('y');
  });

  it('removes the common indentation of <<- heredocs like HCL', () => {
    const f = ok('x = <<-EOT\n    a\n\n      b ${c}\n  \n    d\n    EOT\n');
    const t = attr(f).expr as TemplateExpr;
    // `indent`: the width removed, by which json-body.ts maps a character back to its column.
    expect(t.heredoc).toEqual({ marker: 'EOT', indented: true, indent: 4 });
    const text = t.parts.map((p) => (p.type === 'TemplateLiteral' ? p.value : '#')).join('');
    expect(text).toBe('a\n\n  b #\n  \nd\n');
    // Nothing removed (a line starts at column 1, or with an interpolation): no `indent`.
    expect((attr(ok('x = <<-EOT\na\n  b\nEOT\n')).expr as TemplateExpr).heredoc).toEqual({ marker: 'EOT', indented: true });
    expect((attr(ok('x = <<-EOT\n  a\n${b}\nEOT\n')).expr as TemplateExpr).heredoc).toEqual({ marker: 'EOT', indented: true });
  });
});

describe('collections', () => {
  // One comma may end an object item; a comma with no item before it is Terraform's "Expected the
  // start of an expression" at that comma (hclsyntax; review 66: accepted without a word).
  it.each([
    ['a doubled comma', 'x = { a = 1,, b = 2 }\n', [1, 13, 1, 14]],
    ['a comma alone', 'x = { , }\n', [1, 7, 1, 8]],
    ['a comma that starts a line', 'x = { a = 1\n  , b = 2 }\n', [2, 3, 2, 4]],
  ])('rejects %s in an object', (_name, text, at) => {
    const f = parseHcl(text, 'main.tf');
    expect(f.errors.map((e) => e.message)).toEqual(["Expected an object item (a key, '=' and a value) or '}', found ','"]);
    expect(lc(f.errors[0]!.range)).toEqual(at);
  });

  it('parses tuples across lines with trailing commas', () => {
    const e = expr('[\n  1,\n  "two",\n  three,\n]');
    expect(e).toMatchObject({ type: 'Tuple', items: [{ value: 1 }, { type: 'Template' }, { type: 'ScopeTraversal', root: 'three' }] });
    expect(lc(e.range)).toEqual([1, 5, 5, 2]);
  });

  it('parses objects with every key form and separator', () => {
    const e = expr('{\n  a = 1\n  "b" : 2, (c) = 3\n  d.e = 4\n}');
    if (e.type !== 'Object') throw new Error('not an object');
    expect(e.items.map((i) => [i.key.type, i.bareKey, i.separator])).toEqual([
      ['ScopeTraversal', true, '='],
      ['Template', false, ':'],
      ['Parentheses', false, '='],
      ['ScopeTraversal', false, '='],
    ]);
    expect(lc(e.items[0]!.range)).toEqual([2, 3, 2, 8]);
    expect(lc(e.items[2]!.key.range)).toEqual([3, 12, 3, 15]);
    expect(lc(e.range)).toEqual([1, 5, 5, 2]);
    expect(expr('{ a = 1, b = 2, }')).toMatchObject({ type: 'Object', items: [{}, {}] });
    expect(expr('{\n  a = 1,\n\n  b = 2,\n}')).toMatchObject({ type: 'Object', items: [{}, {}] });
  });
});

describe('operators and expressions', () => {
  it('respects HCL operator precedence', () => {
    const e = expr('!a || b && c == d + e * -f < g ? 1 : 2');
    expect(e).toMatchObject({
      type: 'Conditional',
      condition: {
        type: 'BinaryOp',
        op: '||',
        left: { type: 'UnaryOp', op: '!' },
        right: {
          op: '&&',
          right: {
            op: '==',
            right: {
              op: '<',
              left: { op: '+', right: { op: '*', right: { type: 'UnaryOp', op: '-' } } },
            },
          },
        },
      },
      trueExpr: { value: 1 },
      falseExpr: { value: 2 },
    });
    expect(lc(e.range)).toEqual([1, 5, 1, 43]);
    expect(expr('a - b - c')).toMatchObject({ op: '-', left: { op: '-' }, right: { root: 'c' } });
    expect(expr('a % b / c')).toMatchObject({ op: '/', left: { op: '%' } });
    expect(expr('a >= b != c <= d')).toMatchObject({ op: '!=', left: { op: '>=' }, right: { op: '<=' } });
  });

  it('parses function calls, expansion and provider functions', () => {
    const e = expr('merge(local.a, [for x in y : x]...)');
    expect(e).toMatchObject({ type: 'FunctionCall', name: 'merge', expandFinal: true, args: [{}, { type: 'For' }] });
    if (e.type === 'FunctionCall') expect(lc(e.nameRange)).toEqual([1, 5, 1, 10]);
    expect(lc(e.range)).toEqual([1, 5, 1, 40]);
    const p = expr('provider::azurerm::normalise_resource_id(x)');
    expect(p).toMatchObject({ type: 'FunctionCall', name: 'provider::azurerm::normalise_resource_id', args: [{ root: 'x' }] });
    expect(expr('f(\n  a,\n  b,\n)')).toMatchObject({ args: [{}, {}], expandFinal: false });
  });

  it('parses traversals, indexes and legacy dot indexes', () => {
    const e = expr('azurerm_x.y[0]["k"].id.0');
    expect(e).toMatchObject({
      type: 'ScopeTraversal',
      root: 'azurerm_x',
      steps: [
        { type: 'GetAttr', name: 'y' },
        { type: 'Index', key: { value: 0 } },
        { type: 'Index', key: { type: 'Template' } },
        { type: 'GetAttr', name: 'id' },
        { type: 'Index', key: { value: 0 }, legacyDot: true },
      ],
    });
    expect(lc(e.range)).toEqual([1, 5, 1, 29]);
    if (e.type === 'ScopeTraversal') {
      expect(lc(e.rootRange)).toEqual([1, 5, 1, 14]);
      expect(lc(e.steps[0]!.range)).toEqual([1, 14, 1, 16]);
      expect(lc(e.steps[1]!.range)).toEqual([1, 16, 1, 19]);
    }
    expect(expr('a[var.i]')).toMatchObject({ type: 'Index', collection: { root: 'a' }, key: { root: 'var' } });
    expect(expr('f(x).y[1]')).toMatchObject({ type: 'RelativeTraversal', source: { type: 'FunctionCall' }, steps: [{ name: 'y' }, { type: 'Index' }] });
    expect(expr('(x)')).toMatchObject({ type: 'Parentheses', expr: { root: 'x' } });
  });

  it('parses splats', () => {
    const a = expr('x.*.id');
    expect(a).toMatchObject({ type: 'Splat', full: false, source: { root: 'x' }, each: [{ name: 'id' }] });
    expect(lc(a.range)).toEqual([1, 5, 1, 11]);
    const b = expr('x[*].a.b');
    expect(b).toMatchObject({ type: 'Splat', full: true, each: [{ name: 'a' }, { name: 'b' }] });
    expect(lc(b.range)).toEqual([1, 5, 1, 13]);
    expect(expr('x.*.a[0]')).toMatchObject({ type: 'RelativeTraversal', source: { type: 'Splat', full: false } });
  });

  it('parses for expressions', () => {
    const t = expr('[for k, v in var.m : upper(v) if v != ""]');
    expect(t).toMatchObject({ type: 'For', keyVar: 'k', valueVar: 'v', collection: { root: 'var' }, valueExpr: { type: 'FunctionCall' }, condition: { op: '!=' }, group: false });
    expect(t).not.toHaveProperty('keyExpr');
    const o = expr('{\n  for s in local.subnets :\n  s.name => s...\n}');
    expect(o).toMatchObject({ type: 'For', valueVar: 's', keyExpr: { root: 's' }, valueExpr: { root: 's' }, group: true });
    expect(o).not.toHaveProperty('keyVar');
    expect(lc(o.range)).toEqual([1, 5, 4, 2]);
  });
});

describe('source text variants', () => {
  it('handles CRLF line endings', () => {
    const f = ok('a = 1\r\nb {\r\n  c = "x"\r\n}\r\n# c\r\nh = <<EOT\r\nline\r\nEOT\r\n');
    expect(lc(attr(f).range)).toEqual([1, 1, 1, 6]);
    const b = block(f, 1);
    expect(lc(b.range)).toEqual([2, 1, 4, 2]);
    expect(lc(b.body.items[0]!.range)).toEqual([3, 3, 3, 10]);
    expect(f.comments[0]).toMatchObject({ text: ' c', range: { start: { line: 5, column: 1 }, end: { line: 5, column: 4 } } });
    expect((attr(f, 2).expr as TemplateExpr).parts[0]).toMatchObject({ value: 'line\r\n' });
  });

  it('strips a BOM', () => {
    const f = ok('\uFEFFa = 1\n');
    expect(f.text.startsWith('a')).toBe(true);
    expect(lc(attr(f).range)).toEqual([1, 1, 1, 6]);
  });

  it('counts tabs as one column', () => {
    const f = ok('b {\n\tc\t= 1\n}\n');
    const c = block(f).body.items[0] as Attribute;
    expect(lc(c.nameRange)).toEqual([2, 2, 2, 3]);
    expect(lc(c.expr.range)).toEqual([2, 6, 2, 7]);
  });

  it('counts columns in UTF-16 code units', () => {
    const f = ok('a = "é😀" # ü\nb = 1\n');
    expect(lc(attr(f).expr.range)).toEqual([1, 5, 1, 10]);
    expect(lc(f.comments[0]!.range)).toEqual([1, 11, 1, 14]);
    const g = ok('tags = { "name" = "données" } # naïve\nλ = 1\n');
    expect(attr(g, 1).name).toBe('λ');
  });
});

describe('errors and recovery', () => {
  it('reports a missing = with its position and recovers at the next block', () => {
    const f = parseHcl('resource "a" "b" {\n  foo }\n}\n\nresource "c" "d" {\n  ok = true\n}\n', '/x/main.tf');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]!.message).toBe('Expected \'=\' or \'{\' after attribute/block name "foo", found \'}\'');
    expect(lc(f.errors[0]!.range)).toEqual([2, 7, 2, 8]);
    expect(f.body.items).toHaveLength(1);
    const good = f.body.items[0] as Block;
    expect(good.labels.map((l) => l.value)).toEqual(['c', 'd']);
    expect(lc(good.range)).toEqual([5, 1, 7, 2]);
  });

  it('recovers at a top-level attribute', () => {
    const f = parseHcl('x = [1, 2\ny = 3\n', '/x/a.tf');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]!.message).toContain("Expected ',' or ']'");
    expect(lc(f.errors[0]!.range)).toEqual([2, 1, 2, 2]);
    expect(f.body.items.map((i) => (i as Attribute).name)).toEqual(['y']);
  });

  it('reports an unterminated string', () => {
    const f = parseHcl('a = "abc\nb = 2\n', '/x/a.tf');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]!.message).toMatch(/Unterminated string/);
    expect(lc(f.errors[0]!.range)).toEqual([1, 5, 1, 9]);
    expect(f.body.items.map((i) => (i as Attribute).name)).toEqual(['b']);
  });

  it('reports an unterminated heredoc', () => {
    const f = parseHcl('a = 1\nb = <<EOT\nno end\n', '/x/a.tf');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]!.message).toMatch(/Unterminated heredoc/);
    expect(lc(f.errors[0]!.range)).toEqual([2, 5, 2, 10]);
    expect(f.body.items.map((i) => (i as Attribute).name)).toEqual(['a']);
  });

  it('reports an unterminated block comment', () => {
    const f = parseHcl('a = 1\n/* open\nb = 2\n', '/x/a.tf');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]!.message).toMatch(/Unterminated comment/);
    expect(lc(f.errors[0]!.range)).toEqual([2, 1, 2, 3]);
    expect(f.comments).toHaveLength(1);
    expect(f.body.items).toHaveLength(1);
  });

  it('reports an unclosed block at end of file', () => {
    const f = parseHcl('a {\n  b = 1\n', '/x/a.tf');
    expect(f.errors[0]!.message).toBe("Expected '}' to close block \"a\" opened at line 1, found end of file");
    expect(lc(f.errors[0]!.range)).toEqual([3, 1, 3, 1]);
  });

  it('reports a bare path (a git symlink stored as text) at line 1', () => {
    const f = parseHcl('../locals.tf', '/x/locals.tf');
    expect(f.errors.length).toBeGreaterThan(0);
    expect(f.errors[0]!.range.start.line).toBe(1);
  });

  it('never throws on garbage or deep nesting', () => {
    for (const s of ['', '}}}', '"', 'a = ', 'a = (((', '%{', 'x = "${', 'x = "%{if a}"', '<<EOT', 'a = [' .repeat(5000), '\u0000']) {
      expect(() => parseHcl(s, '/x/a.tf')).not.toThrow();
    }
    expect(parseHcl('a = ' + '['.repeat(5000), '/x').errors.length).toBeGreaterThan(0);
  });
});

// The lexer makes no token objects and plain strings skip the template scan (issue 15): the
// ranges the parser reads back from token offsets, pinned where a token is used after others.
describe('HCL parser: ranges read from token offsets', () => {
  it('places labels, braces, calls and plain strings exactly', () => {
    const f = ok('resource "a_b" c {\n  x = f("s", "")\n  y = -z\n}\n');
    const b = block(f);
    expect(b.labels.map((l) => [l.value, l.quoted, lc(l.range)])).toEqual([
      ['a_b', true, [1, 10, 1, 15]],
      ['c', false, [1, 16, 1, 17]],
    ]);
    expect(lc(b.openBraceRange)).toEqual([1, 18, 1, 19]);
    expect(lc(b.body.range)).toEqual([1, 18, 4, 2]);
    const call = (b.body.items[0] as Attribute).expr;
    if (call.type !== 'FunctionCall') throw new Error(call.type);
    expect([lc(call.nameRange), lc(call.range)]).toEqual([[2, 7, 2, 8], [2, 7, 2, 17]]);
    const [s, empty] = call.args as TemplateExpr[];
    expect([lc(s!.range), lc(s!.parts[0]!.range)]).toEqual([[2, 9, 2, 12], [2, 10, 2, 11]]);
    expect([lc(empty!.range), lc(empty!.parts[0]!.range)]).toEqual([[2, 14, 2, 16], [2, 15, 2, 15]]);
    expect(lc((b.body.items[1] as Attribute).expr.range)).toEqual([3, 7, 3, 9]);
  });

  it('reports the offending token after lookahead moved on', () => {
    expect(lc(parseHcl('x = [for a b]\n', '/x/a.tf').errors[0]!.range)).toEqual([1, 12, 1, 13]);
    const f = parseHcl('x = a.\n', '/x/a.tf');
    expect(f.errors[0]!.message).toBe("Expected an attribute name after '.', found newline");
    expect(lc(f.errors[0]!.range)).toEqual([1, 7, 2, 1]);
    const h = ok('x = <<-EOT\n  a\n  EOT\n');
    expect((attr(h).expr as TemplateExpr).heredoc).toEqual({ marker: 'EOT', indented: true, indent: 2 });
  });
});
