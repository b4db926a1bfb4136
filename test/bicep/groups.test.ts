/**
 * Parse-level tests for the required cases of BICEP.md §6.3 (groups 1–19; 20 and 21 are in
 * robustness.test.ts and differential.test.ts). Each case: parses ✓ and the exact line:column
 * of the key node. Value-level checks belong to the evaluator.
 */
import { describe, expect, it } from 'vitest';
import { parseBicepParam, walkBicep } from '../../src/parse/bicep/index.js';
import { as, at, errors, ok, okParams, parse, prop, span } from './helpers.js';

describe('1. multi-line ternary', () => {
  it('accepts ? and : at line starts (AVM formatter style)', () => {
    const r = ok(`var x = empty(a)
  ? 'none'
  : a
resource r 'A/b@2020-01-01' = {
  name: cond
    ? 'x'
    : 'y'
  location: loc
}
`);
    const t = as(as(r.statements[0], 'VarDecl').value, 'Ternary');
    expect(at(t.range)).toBe('1:9');
    expect(span(t.range)).toBe('1:9-3:6');
    expect(at(t.consequent.range)).toBe('2:5');
    expect(at(t.alternate.range)).toBe('3:5');
    const body = as(r.statements[1], 'ResourceDecl').body;
    expect(at(as(prop(body, 'name'), 'Ternary').consequent.range)).toBe('6:7');
    expect(at(prop(body, 'location').range)).toBe('8:13');
  });

  it('nested ternaries are right-associative', () => {
    const r = ok(`var x = a ? b : c ? d : e`);
    const t = as(as(r.statements[0], 'VarDecl').value, 'Ternary');
    expect(as(t.alternate, 'Ternary').condition.range.start.column).toBe(17);
  });

  it('a new line after ? or : is a diagnostic at the line break; the next statement still parses', () => {
    expect(errors(`var x = a ?\n  b : c\nvar y = 1`)[0]).toBe('1:12 -');
    expect(errors(`var x = a ? b :\n  c\nvar y = 1`)[0]).toBe('1:16 -');
    const r = parse(`var x = a ?\n  b : c\nvar y = 1`);
    expect(r.statements.map((s) => s.kind)).toContain('VarDecl');
    expect(at(r.statements[r.statements.length - 1]!.range)).toBe('3:1');
  });
});

describe('2. = NL if (…)', () => {
  it('top-level, nested and existing', () => {
    const r = ok(`resource r 'A/b@2021-01-01' =
  if (deploy) {
  name: 'x'
  resource c 'kids' =
    if (deployKids) {
    name: 'y'
  }
}
resource e 'A/b@2021-01-01' existing = if (useExisting) {
  name: 'z'
}
module m './m.bicep' =
  if (on) {
  name: 'm'
}
`);
    const res = as(r.statements[0], 'ResourceDecl');
    expect(as(res.value, 'IfBody').keywordRange.start.line).toBe(2);
    expect(at(as(res.condition, 'Variable').range)).toBe('2:7');
    const child = res.children[0]!;
    expect(child.nested).toBe(true);
    expect(at(child.name.range)).toBe('4:12');
    expect(at(as(child.condition, 'Variable').range)).toBe('5:9');
    const e = as(r.statements[1], 'ResourceDecl');
    expect(e.existing).toBe(true);
    expect(at(e.existingRange!)).toBe('9:29');
    expect(as(e.condition, 'Variable').name).toBe('useExisting');
    const m = as(r.statements[2], 'ModuleDecl');
    expect(at(as(m.condition, 'Variable').range)).toBe('13:7');
    expect(at(prop(m.body, 'name').range)).toBe('14:9');
  });
});

describe('3. nested child resources', () => {
  const src = `resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  resource subnet 'subnets' = {
    name: 'default'
    resource deep 'level3@2023-05-01' = {
      name: 'l3'
    }
  }
  resource looped 'subnets' = [for s in subnets: {
    name: s.name
  }]
  resource cond 'subnets' = if (withExtra) {
    name: 'extra'
  }
}
output subnetName string = vnet::subnet.name
output deepId string = vnet::subnet::deep.id
resource lp 'A/b@2020-01-01' = [for i in range(0, 2): {
  name: 'p\${i}'
  resource c 'children' = {
    name: 'c'
  }
}]
`;
  it('plain, looped, conditional, 3 levels, child@version', () => {
    const r = ok(src);
    const vnet = as(r.statements[0], 'ResourceDecl');
    expect(vnet.children.map((c) => c.name.name)).toEqual(['subnet', 'looped', 'cond']);
    const [subnet, looped, cond] = vnet.children;
    expect(subnet!.typeString).toBe('subnets');
    expect(at(subnet!.resourceType.range)).toBe('3:19');
    expect(subnet!.children[0]!.typeString).toBe('level3@2023-05-01');
    expect(at(subnet!.children[0]!.range)).toBe('5:5');
    expect(looped!.loop?.item.name).toBe('s');
    expect(at(looped!.loop!.range)).toBe('9:31');
    expect(as(cond!.condition, 'Variable').name).toBe('withExtra');
  });

  it('p::c access; a nested child inside a looped parent parses (BCP160 is for the evaluator)', () => {
    const r = ok(src);
    const out = as(as(r.statements[1], 'OutputDecl').value, 'PropertyAccess');
    const acc = as(out.object, 'ResourceAccess');
    expect(acc.name.name).toBe('subnet');
    expect(at(acc.name.range)).toBe('16:34');
    const deep = as(as(as(r.statements[2], 'OutputDecl').value, 'PropertyAccess').object, 'ResourceAccess');
    expect(deep.name.name).toBe('deep');
    expect(as(deep.object, 'ResourceAccess').name.name).toBe('subnet');
    const lp = as(r.statements[3], 'ResourceDecl');
    expect(lp.loop).not.toBeNull();
    expect(lp.children[0]!.nested).toBe(true);
    expect(at(lp.children[0]!.range)).toBe('20:3');
  });
});

describe('4. parent:', () => {
  it('parent: p and parent: p[i]', () => {
    const r = ok(`resource c 'A/b/c@2020-01-01' = {
  parent: p
  name: 'c'
}
resource d 'A/b/c@2020-01-01' = [for (x, i) in xs: {
  parent: p[i]
  name: x
}]
`);
    expect(at(prop(as(r.statements[0], 'ResourceDecl').body, 'parent').range)).toBe('2:11');
    const d = as(r.statements[1], 'ResourceDecl');
    const idx = as(prop(d.body, 'parent'), 'IndexAccess');
    expect(as(idx.index, 'Variable').name).toBe('i');
    expect(at(idx.range)).toBe('6:11');
    expect(d.loop?.index?.name).toBe('i');
  });
});

describe('5. function calls', () => {
  it('multi-line args, nested calls, (a && b) ? {…} : {} arguments', () => {
    const r = ok(`var x = union(
  defaults,
  subscriptionResourceId(
    'Microsoft.Network/x',
    name
  ),
  (a && b) ? {
    k: 1
  } : {}
)
`);
    const call = as(as(r.statements[0], 'VarDecl').value, 'Call');
    expect(call.args).toHaveLength(3);
    expect(at(call.args[1]!.range)).toBe('3:3');
    expect(as(call.args[1], 'Call').args).toHaveLength(2);
    const t = as(call.args[2], 'Ternary');
    expect(at(as(t.condition, 'Paren').range)).toBe('7:3');
    expect(at(t.consequent.range)).toBe('7:14');
  });

  it('a new line between two arguments without a comma is BCP237; a trailing comma is an error', () => {
    expect(errors(`var x = f(a\n  b)`)).toEqual(['2:3 BCP237']);
    const r = parse(`var x = f(a\n  b)`);
    expect(as(as(r.statements[0], 'VarDecl').value, 'Call').args).toHaveLength(2);
    expect(errors(`var x = f(a, b,)\nvar y = 2`)).toEqual(['1:15 -']);
    expect(parse(`var x = f(a, b,)\nvar y = 2`).statements).toHaveLength(2);
  });
});

describe('6. arrays and objects', () => {
  it('NL-separated, comma-separated, mixed, same-line trailing comma', () => {
    const r = ok(`var a = [
  'x'
  'y'
]
var b = ['x', 'y', ]
var c = ['a', 'b'
  'c']
var o = {a: 1, b: 2}
var p = {
  a: 1, b: 2
  c: 3
}
`);
    const items = (i: number) => as(as(r.statements[i], 'VarDecl').value, 'Array').items;
    expect(items(0)).toHaveLength(2);
    expect(items(1)).toHaveLength(2);
    expect(items(2).map((x) => at(x.range))).toEqual(['6:10', '6:15', '7:3']);
    expect(as(as(r.statements[3], 'VarDecl').value, 'Object').members).toHaveLength(2);
    expect(as(as(r.statements[4], 'VarDecl').value, 'Object').members.map((m) => at(m.range))).toEqual(['10:3', '10:9', '11:3']);
  });

  it('"," followed by a new line is BCP238 at the line break', () => {
    expect(errors(`var a = [\n  'x',\n  'y'\n]`)).toEqual(['2:7 BCP238']);
    const r = parse(`var a = [\n  'x',\n  'y'\n]`);
    expect(as(as(r.statements[0], 'VarDecl').value, 'Array').items).toHaveLength(2);
    expect(errors(`var o = {\n  a: 1,\n  b: 2\n}`)).toEqual(['2:8 BCP238']);
    expect(errors(`var o = {a: 1,, b: 2}`)).toEqual(['1:15 -']);
  });

  it('20+ comment lines and multi-line block comments inside', () => {
    const comments = Array.from({ length: 22 }, (_, i) => `  // comment ${i}`).join('\n');
    const r = ok(`var o = {
${comments}
  a: 1 /* block
  spanning lines */
  b: [ // trailing
    /* one */ 1
    /*
     two
    */
    2
  ]
}
`);
    const obj = as(as(r.statements[0], 'VarDecl').value, 'Object');
    expect(obj.members).toHaveLength(2);
    expect(at(obj.members[1]!.range)).toBe('26:3');
    expect(as(prop(obj, 'b'), 'Array').items.map((x) => at(x.range))).toEqual(['27:15', '31:5']);
    expect(r.comments).toHaveLength(26);
    expect(r.comments[22]!.style).toBe('block');
    expect(span(r.comments[22]!.range)).toBe('24:8-25:20');
  });
});

describe('7. lambdas', () => {
  it('all forms', () => {
    const r = ok(`var a = map(xs, x => x.name)
var b = reduce(xs, 0, (cur, next) => cur + next)
var c = sort(xs, (a, b) => a < b)
var d = filter(xs, x =>
  x.enabled)
var e = map(range(0, 3), i => {
  name: 'n\${i}'
})
var f = toObject(xs, x => x.k, x => x.v)
var g = groupBy(xs, x => x.g)
func h() string => 'x'
var i = () => 1
`);
    const lam = (i: number, arg: number) => as(as(as(r.statements[i], 'VarDecl').value, 'Call').args[arg], 'Lambda');
    expect(lam(0, 1).params.map((p) => p.name)).toEqual(['x']);
    expect(at(lam(0, 1).range)).toBe('1:17');
    expect(lam(1, 2).params.map((p) => at(p.range))).toEqual(['2:24', '2:29']);
    expect(at(lam(3, 1).body.range)).toBe('5:3');
    expect(as(lam(4, 1).body, 'Object').members).toHaveLength(1);
    expect(lam(5, 2).params[0]!.name).toBe('x');
    expect(as(as(r.statements[8], 'VarDecl').value, 'Lambda').params).toEqual([]);
  });

  it('no new line is skipped after => when a declaration follows', () => {
    const r = parse(`var a = x =>\nparam p string`);
    expect(r.errors).toHaveLength(1);
    expect(at(r.errors[0]!.range)).toBe('1:13');
    expect(r.statements.map((s) => s.kind)).toEqual(['ParamDecl']);
  });
});

describe('8. keywords and built-in names as identifiers', () => {
  it('contextual keywords everywhere', () => {
    const r = ok(`param dataUri string
resource list 'Microsoft.DocumentDB/x/collections@2021-01-01' = {
  name: dataUri
  properties: {
    if: 1
    resource: 'r'
    existing: true
    for: [for for in in: for]
    param: null
  }
}
var resource = 'x'
var if = resource
output output string = list.properties.resource
`);
    expect(as(r.statements[0], 'ParamDecl').name.name).toBe('dataUri');
    const res = as(r.statements[1], 'ResourceDecl');
    expect(res.name.name).toBe('list');
    const props = as(prop(res.body, 'properties'), 'Object');
    expect(props.members.map((m) => (m.kind === 'ObjectProperty' ? m.keyName : m.kind))).toEqual(['if', 'resource', 'existing', 'for', 'param']);
    expect(at(prop(props, 'resource').range)).toBe('6:15');
    expect(res.children).toEqual([]);
    expect(as(r.statements[3], 'VarDecl').name.name).toBe('if');
    expect(as(r.statements[4], 'OutputDecl').name.name).toBe('output');
  });

  it('true/false/null are reserved as names', () => {
    expect(errors(`var true = 1\nvar y = 2`)).toEqual(['1:5 -']);
  });
});

describe('9. types', () => {
  it('T?, T[], T[]?, (A | B)[], leading |, NL before |, sys.string', () => {
    const r = ok(`param a string?
param b string[]
param c int[]?
param d ('x' | 'y')[]
type e =
  | 'a'
  | 'b'
type f = 'a'
  | 'b'
  | -1
  | true
param g sys.string
`);
    expect(as(as(r.statements[0], 'ParamDecl').type, 'NullableType').range.start.column).toBe(9);
    as(as(r.statements[1], 'ParamDecl').type, 'ArrayType');
    as(as(as(r.statements[2], 'ParamDecl').type, 'NullableType').base, 'ArrayType');
    const d = as(as(as(r.statements[3], 'ParamDecl').type, 'ArrayType').element, 'ParenType');
    expect(as(d.type, 'UnionType').members).toHaveLength(2);
    const e = as(as(r.statements[4], 'TypeDecl').value, 'UnionType');
    expect(e.members.map((m) => at(m.range))).toEqual(['6:5', '7:5']);
    const f = as(as(r.statements[5], 'TypeDecl').value, 'UnionType');
    expect(f.members.map((m) => at(m.range))).toEqual(['8:10', '9:5', '10:5', '11:5']);
    expect(as(as(f.members[2], 'LiteralType').value, 'Integer').value).toBe(-1);
    const g = as(as(r.statements[6], 'ParamDecl').type, 'TypeMemberAccess');
    expect(g.property.name).toBe('string');
  });

  it('resourceInput<…> with new lines inside <…> and property access', () => {
    const r = ok(`param p resourceInput<
  'Microsoft.Network/virtualNetworks@2023-04-01'
>.properties.subnets?
param q resourceOutput<'A/b@2020-01-01'>.properties
type t = resourceInput<'A/b@v'>.properties.x[*].y.*
`);
    const p = as(as(as(r.statements[0], 'ParamDecl').type, 'NullableType').base, 'TypeMemberAccess');
    expect(p.property.name).toBe('subnets');
    const base = as(as(p.object, 'TypeMemberAccess').object, 'TypeName');
    expect(base.name.name).toBe('resourceInput');
    expect(at(base.typeArgs![0]!.range)).toBe('2:3');
    as(as(r.statements[2], 'TypeDecl').value, 'TypeAdditionalPropertiesAccess');
  });

  it('object types with decorated properties and *:, tuples, @discriminator, @sealed', () => {
    const r = ok(`@discriminator('kind')
type u = a | b
@sealed()
type o = {
  @description('The name')
  @minLength(3)
  name: string
  'quoted key': int?
  @sys.description('rest')
  *: string
}
type tup = [
  @description('first')
  string
  int
]
type single = { a: string, b: int }
`);
    const u = as(r.statements[0], 'TypeDecl');
    expect(u.decorators[0]!.name).toBe('discriminator');
    const o = as(as(r.statements[1], 'TypeDecl').value, 'ObjectType');
    expect(o.properties.map((p) => p.keyName)).toEqual(['name', 'quoted key', null]);
    expect(o.properties[0]!.decorators.map((d) => d.name)).toEqual(['description', 'minLength']);
    expect(at(o.properties[0]!.range)).toBe('5:3');
    expect(o.properties[2]!.isAdditionalProperties).toBe(true);
    expect(o.properties[2]!.decorators[0]!.namespace).toBe('sys');
    expect(at(o.properties[2]!.value.range)).toBe('10:6');
    const tup = as(as(r.statements[2], 'TypeDecl').value, 'TupleType');
    expect(tup.items).toHaveLength(2);
    expect(tup.items[0]!.decorators[0]!.name).toBe('description');
    expect(at(tup.items[1]!.range)).toBe('15:3');
  });

  it('a new line after | is an error', () => {
    expect(errors(`type t = 'a' |\n  'b'`)[0]).toBe('1:15 -');
  });
});

describe('10. imports', () => {
  it('named, wildcard, namespace type use', () => {
    const r = ok(`import {a, b as c} from 'br/public:avm/utl/types/avm-common-types:0.5.1'
import { lockType
  roleAssignmentType } from './types.bicep'
import * as ns from './x.bicep'
import {'a.b' as ab} from './y.bicep'
param p ns.myType
param q c?
`);
    const i = as(r.statements[0], 'ImportDecl');
    expect(i.form).toBe('named');
    expect(i.items.map((x) => [x.originalName, x.alias?.name ?? null])).toEqual([['a', null], ['b', 'c']]);
    expect(at(i.items[1]!.alias!.range)).toBe('1:17');
    expect(i.fromString).toBe('br/public:avm/utl/types/avm-common-types:0.5.1');
    expect(at(as(r.statements[1], 'ImportDecl').items[1]!.range)).toBe('3:3');
    const w = as(r.statements[2], 'ImportDecl');
    expect(w.form).toBe('wildcard');
    expect(at(w.alias!.range)).toBe('4:13');
    expect(as(r.statements[3], 'ImportDecl').items[0]!.originalName).toBe('a.b');
    const t = as(as(r.statements[4], 'ParamDecl').type, 'TypeMemberAccess');
    expect(as(t.object, 'TypeName').name.name).toBe('ns');
  });
});

describe('11. strings', () => {
  it('escapes', () => {
    const r = ok(String.raw`var a = 'it\'s \\ \n \r \t \$ \${x} $5 a$b'`);
    const s = as(as(r.statements[0], 'VarDecl').value, 'String');
    expect(s.value).toBe("it's \\ \n \r \t $ ${x} $5 a$b");
    expect(s.expressions).toEqual([]);
  });

  it('\\u{1F600} escape and a literal astral character: columns are UTF-16 code units', () => {
    const r = ok(`var a = '\\u{1F600}' == '😀'
var b = '😀\${x}'
`);
    const bin = as(as(r.statements[0], 'VarDecl').value, 'Binary');
    expect(as(bin.left, 'String').value).toBe('😀');
    expect(as(bin.left, 'String').value).toHaveLength(2);
    expect(span(bin.left.range)).toBe('1:9-1:20');
    expect(span(bin.right.range)).toBe('1:24-1:28');
    const b = as(as(r.statements[1], 'VarDecl').value, 'String');
    expect(at(b.expressions[0]!.range)).toBe('2:14');
    // the lexer error after an astral character lands on the right column
    const e = parse(`var a = '😀' + !!x`).errors[0]!;
    expect(at(e.range)).toBe('1:17');
  });

  it('interpolation, nested strings in holes, braces in literal segments', () => {
    const r = ok(`var a = 'pre\${x}mid\${y.z}post'
var b = '\${'\${a}'}'
var c = '{0} {\${x}} }'
`);
    const a = as(as(r.statements[0], 'VarDecl').value, 'String');
    expect(a.segments).toEqual(['pre', 'mid', 'post']);
    expect(a.expressions.map((e) => at(e.range))).toEqual(['1:15', '1:22']);
    expect(a.segmentRanges.map(span)).toEqual(['1:10-1:13', '1:17-1:20', '1:26-1:30']);
    const b = as(as(r.statements[1], 'VarDecl').value, 'String');
    const inner = as(b.expressions[0], 'String');
    expect(as(inner.expressions[0], 'Variable').name).toBe('a');
    expect(at(inner.expressions[0]!.range)).toBe('2:15');
    const c = as(as(r.statements[2], 'VarDecl').value, 'String');
    expect(c.segments).toEqual(['{0} {', '} }']);
    expect(parse(`var d = '\${ {a: 1}.a }'`).errors.map((e) => at(e.range))).toEqual(['1:13']);
  });

  it("'it''s' is a diagnostic (two adjacent strings)", () => {
    const r = parse(`var a = 'it''s'\nvar b = 1`);
    expect(r.errors.map((e) => at(e.range))).toEqual(['1:13']);
    expect(r.errors[0]!.message).toContain("\\'");
    expect(r.statements).toHaveLength(2);
  });

  it('bad escapes are diagnostics', () => {
    expect(errors(String.raw`var a = 'x\qy'`)).toEqual(['1:11 BCP006']);
    expect(errors(String.raw`var a = '\u{110000}'`)).toEqual(['1:10 BCP133']);
  });
});

describe("12. ''' strings", () => {
  it('leading newline stripped, trailing kept, verbatim content', () => {
    const r = ok(`@description('''
Line 1 with 'quotes' and "double" and {braces} and \${x} and \\n
''')
param p string
metadata info = '''x'''
var crlf = '''\r\nA\r\n'''
var q = ''''quoted''''
`);
    const d = as(r.statements[0], 'ParamDecl').decorators[0]!;
    expect(as(d.args[0], 'String').value).toBe(`Line 1 with 'quotes' and "double" and {braces} and \${x} and \\n\n`);
    expect(as(d.args[0], 'String').multiline).toBe(true);
    expect(at(r.statements[0]!.range)).toBe('1:1');
    expect(at(as(r.statements[0], 'ParamDecl').name.range)).toBe('4:7');
    expect(as(as(r.statements[1], 'MetadataDecl').value, 'String').value).toBe('x');
    expect(as(as(r.statements[2], 'VarDecl').value, 'String').value).toBe('A\r\n');
    expect(as(as(r.statements[3], 'VarDecl').value, 'String').value).toBe("'quoted'");
  });

  it("$''' and $$''' interpolate", () => {
    const r = ok(`var a = $'''
hello \${name}!
'''
var b = $$'''
{ "a": "\${literal}", "b": "$\${x}", "c": "$$\${y}" }
'''
`);
    const a = as(as(r.statements[0], 'VarDecl').value, 'String');
    expect(a.dollars).toBe(1);
    expect(a.segments).toEqual(['hello ', '!\n']);
    expect(at(a.expressions[0]!.range)).toBe('2:9');
    const b = as(as(r.statements[1], 'VarDecl').value, 'String');
    expect(b.dollars).toBe(2);
    expect(b.segments).toEqual(['{ "a": "${literal}", "b": "', '", "c": "$', '" }\n']);
    expect(b.expressions.map((e) => as(e, 'Variable').name)).toEqual(['x', 'y']);
    expect(at(b.expressions[0]!.range)).toBe('5:31');
  });
});

describe('13. spread and safe access', () => {
  it('..., .?, [?i], [^i], [?^i], x!, ?? chains', () => {
    const r = ok(`var o = {
  ...base
  k: v
}
var a = [...xs, 1]
var b = x.?y.?z
var c = xs[?0]
var d = xs[^1]
var e = xs[?^1]
var f = x!.y
var g = a ?? b ?? c
`);
    const o = as(as(r.statements[0], 'VarDecl').value, 'Object');
    expect(at(as(o.members[0], 'Spread').expression.range)).toBe('2:6');
    as(as(as(r.statements[1], 'VarDecl').value, 'Array').items[0], 'Spread');
    const b = as(as(r.statements[2], 'VarDecl').value, 'PropertyAccess');
    expect(b.safe).toBe(true);
    expect(at(b.property.range)).toBe('6:15');
    const idx = (i: number) => as(as(r.statements[i], 'VarDecl').value, 'IndexAccess');
    expect([idx(3).safe, idx(3).fromEnd]).toEqual([true, false]);
    expect([idx(4).safe, idx(4).fromEnd]).toEqual([false, true]);
    expect([idx(5).safe, idx(5).fromEnd]).toEqual([true, true]);
    expect(at(idx(5).index.range)).toBe('9:14');
    as(as(as(r.statements[6], 'VarDecl').value, 'PropertyAccess').object, 'NonNull');
    const g = as(as(r.statements[7], 'VarDecl').value, 'Binary');
    expect(g.operator).toBe('??');
    expect(as(g.left, 'Binary').operator).toBe('??');
  });
});

describe('14. operator precedence', () => {
  const v = (src: string) => as(ok(`var x = ${src}`).statements[0], 'VarDecl').value;
  it('a || b && c', () => {
    const e = as(v('a || b && c'), 'Binary');
    expect(e.operator).toBe('||');
    expect(as(e.right, 'Binary').operator).toBe('&&');
  });
  it('a ?? b || c: ?? binds loosest', () => {
    const e = as(v('a ?? b || c'), 'Binary');
    expect(e.operator).toBe('??');
    expect(as(e.right, 'Binary').operator).toBe('||');
  });
  it('!a == b applies ! to a only; -a.b negates the member', () => {
    const e = as(v('!a == b'), 'Binary');
    expect(as(e.left, 'Unary').operator).toBe('!');
    const n = as(v('-a.b'), 'Unary');
    as(n.operand, 'PropertyAccess');
    expect(as(v('-5'), 'Integer').value).toBe(-5);
  });
  it('arithmetic and comparison levels, =~ and !~', () => {
    const e = as(v('1 + 2 * 3 < 4 == true && x =~ y'), 'Binary');
    expect(e.operator).toBe('&&');
    const eq = as(e.left, 'Binary');
    expect(eq.operator).toBe('==');
    const lt = as(eq.left, 'Binary');
    expect(lt.operator).toBe('<');
    expect(as(as(lt.left, 'Binary').right, 'Binary').operator).toBe('*');
    expect(as(e.right, 'Binary').operator).toBe('=~');
    expect(at(as(e.right, 'Binary').operatorRange)).toBe('1:36');
    expect(as(v('a !~ b'), 'Binary').operator).toBe('!~');
    const sub = as(v('a - b - c'), 'Binary');
    expect(as(sub.left, 'Binary').operator).toBe('-');
  });
  it('!!a is a diagnostic at the second !', () => {
    expect(errors('var x = !!a\nvar y = 1')).toEqual(['1:10 -']);
    expect(parse('var x = !!a\nvar y = 1').statements.map((s) => at(s.range))).toEqual(['2:1']);
  });
  it('binary operators cannot span lines', () => {
    expect(errors('var x = a &&\n  b')[0]).toBe('1:13 -');
  });
});

describe('15. loops', () => {
  it('expression, indexed, formatter style, property and variable loops, filters, @batchSize', () => {
    const r = ok(`var a = [for x in xs: x.name]
var b = [for (x, i) in range(0, n): '\${x}-\${i}']
var c = [
  for x in xs: {
    name: x
  }
]
resource r 'A/b@2020-01-01' = {
  name: 'r'
  properties: {
    rules: [for rule in rules: {
      name: rule.name
    }]
  }
}
@batchSize(2)
module m './m.bicep' = [for (x, i) in items: if (!empty(x)) {
  name: 'm\${i}'
}]
`);
    const a = as(as(r.statements[0], 'VarDecl').value, 'For');
    expect(at(a.item.range)).toBe('1:14');
    expect(at(as(a.body, 'PropertyAccess').range)).toBe('1:23');
    const b = as(as(r.statements[1], 'VarDecl').value, 'For');
    expect(at(b.index!.range)).toBe('2:18');
    expect(at(as(b.iterable, 'Call').range)).toBe('2:24');
    const c = as(as(r.statements[2], 'VarDecl').value, 'For');
    expect(span(c.range)).toBe('3:9-7:2');
    const rules = as(prop(prop(as(r.statements[3], 'ResourceDecl').body, 'properties'), 'rules'), 'For');
    expect(at(rules.range)).toBe('11:12');
    const m = as(r.statements[4], 'ModuleDecl');
    expect(m.decorators[0]!.name).toBe('batchSize');
    expect(at(m.decorators[0]!.range)).toBe('16:1');
    expect(m.loop!.index!.name).toBe('i');
    const cond = as(m.condition, 'Unary');
    expect(at(cond.range)).toBe('17:50');
    expect(at(as(m.loop!.body, 'IfBody').range)).toBe('17:46');
    expect(at(prop(m.body, 'name').range)).toBe('18:9');
  });
});

describe('16. modules', () => {
  it('path forms, omitted name, scope, getSecret, looped outputs', () => {
    const r = ok(`module a './a.bicep' = { name: 'a' }
module b './b.json' = { name: 'b' }
module c 'br/public:avm/res/network/private-endpoint:0.11.0' = { name: 'c' }
module d 'br/myAlias:x/y:1.0' = { name: 'd' }
module e 'br:contoso.azurecr.io/bicep/x@sha256:abc123' = { name: 'e' }
module f 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = { name: 'f' }
module g './g.bicep' = {
  scope: resourceGroup('other')
  params: {
    secret: kv.getSecret('s')
  }
}
output ids array = [for (x, i) in items: m[i].outputs.id]
`);
    const mods = r.statements.filter((s) => s.kind === 'ModuleDecl');
    expect(mods.map((m) => as(m, 'ModuleDecl').pathString)).toEqual([
      './a.bicep',
      './b.json',
      'br/public:avm/res/network/private-endpoint:0.11.0',
      'br/myAlias:x/y:1.0',
      'br:contoso.azurecr.io/bicep/x@sha256:abc123',
      'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0',
    ].concat(['./g.bicep']));
    const g = as(r.statements[6], 'ModuleDecl');
    expect(as(prop(g.body, 'scope'), 'Call').name.name).toBe('resourceGroup');
    const gs = as(prop(prop(g.body, 'params'), 'secret'), 'InstanceCall');
    expect(gs.name.name).toBe('getSecret');
    expect(at(gs.name.range)).toBe('10:16');
    expect(g.body!.members.some((m) => m.kind === 'ObjectProperty' && m.keyName === 'name')).toBe(false);
    const out = as(as(as(r.statements[7], 'OutputDecl').value, 'For').body, 'PropertyAccess');
    expect(at(out.range)).toBe('13:42');
  });
});

describe('17. .bicepparam', () => {
  it('using a path, param, var, import, readEnvironmentVariable, az.getSecret, objects and arrays', () => {
    const r = okParams(`using './main.bicep'

import { shared } from './shared.bicep'
var prefix = 'dev'
// a comment
#disable-next-line no-unused-vars
param name = '\${prefix}-ws'
param env = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param secret = az.getSecret('sub', 'rg', 'kv', 'secret')
param tags = {
  env: 'dev'
}
param zones = [
  1
  2
]
`);
    const u = as(r.statements[0], 'UsingDecl');
    expect(u.pathString).toBe('./main.bicep');
    expect(at(u.path!.range)).toBe('1:7');
    expect(r.statements.map((s) => s.kind)).toEqual([
      'UsingDecl',
      'ImportDecl',
      'VarDecl',
      'ParamAssignment',
      'ParamAssignment',
      'ParamAssignment',
      'ParamAssignment',
      'ParamAssignment',
    ]);
    const name = as(r.statements[3], 'ParamAssignment');
    expect(at(name.name.range)).toBe('7:7');
    expect(r.pragmas).toEqual([expect.objectContaining({ directive: 'disable-next-line', codes: ['no-unused-vars'], line: 6 })]);
    expect(r.comments[0]!.text).toBe(' a comment');
    const secret = as(as(r.statements[5], 'ParamAssignment').value, 'InstanceCall');
    expect(as(secret.object, 'Variable').name).toBe('az');
  });

  it('@inline() param without a value (experimental) and extension config', () => {
    const r = okParams(`using 'main.bicep'\n\n@inline()\nparam foo\nextension k8s with {\n  namespace: 'ns'\n}\n`);
    const foo = as(r.statements[1], 'ParamAssignment');
    expect(foo.value).toBeNull();
    expect(foo.decorators[0]!.name).toBe('inline');
    expect(at(foo.range)).toBe('3:1');
    expect(at(as(r.statements[2], 'ExtensionDecl').config!.range)).toBe('5:20');
  });

  it('using none + extends', () => {
    const r = okParams(`using none\nextends './base.bicepparam'\nparam x = 1\n`);
    expect(as(r.statements[0], 'UsingDecl').none).toBe(true);
    expect(as(r.statements[1], 'ExtendsDecl').pathString).toBe('./base.bicepparam');
    expect(at(as(r.statements[1], 'ExtendsDecl').path.range)).toBe('2:9');
  });

  it('a typed param or a resource in a .bicepparam file is an error; parsing continues', () => {
    const r = parseBicepParam(`using './m.bicep'\nparam x string = 1\nresource r 'A/b@v' = {}\nparam y = 2\n`, 'p.bicepparam');
    expect(r.errors.map((e) => at(e.range))).toEqual(['2:9', '3:1']);
    expect(r.statements.map((s) => s.kind)).toEqual(['UsingDecl', 'ParamAssignment']);
    expect(at(r.statements[1]!.range)).toBe('4:1');
  });
});

describe('18. load* functions (call structure)', () => {
  it('parses the calls with their arguments', () => {
    const r = ok(`var a = loadTextContent('./script.sh')
var b = loadJsonContent('../x.json', '$.a.b')
var c = json(loadTextContent('./c.json')).prop
var d = loadFileAsBase64('./cert.pfx')
var e = loadYamlContent('./x.yaml')
var f = loadDirectoryFileInfo('./dir', '*.json')
`);
    const b = as(as(r.statements[1], 'VarDecl').value, 'Call');
    expect(b.name.name).toBe('loadJsonContent');
    expect(b.args.map((x) => as(x, 'String').value)).toEqual(['../x.json', '$.a.b']);
    expect(at(b.args[1]!.range)).toBe('2:38');
    const c = as(as(r.statements[2], 'VarDecl').value, 'PropertyAccess');
    expect(as(as(c.object, 'Call').args[0], 'Call').name.name).toBe('loadTextContent');
  });
});

describe('19. legacy and experimental syntax', () => {
  it('provider is reported for that statement only', () => {
    const r = parse(`param a string
provider 'microsoftGraph@1.0.0' with {
  x: 1
} as graph
param b string
`);
    expect(r.errors.map((e) => `${span(e.range)}`)).toEqual(['2:1-2:9']);
    expect(r.errors[0]!.message).toContain('extension');
    expect(r.statements.map((s) => at(s.range))).toEqual(['1:1', '5:1']);
  });

  it("import 'az@1.0.0' (legacy form), extension, assert, test, @onlyIfNotExists", () => {
    const r = ok(`import 'az@1.0.0'
import 'kubernetes@1.0.0' with {
  namespace: 'default'
} as k8s
extension microsoftGraphV1
extension 'br:mcr.microsoft.com/bicep/extensions/kubernetes:1.0' with { a: 1 } as k
assert nameOk = length(name) < 10
test t './main.bicep' = {
  params: {}
}
@onlyIfNotExists()
resource r 'A/b@2020-01-01' = {
  name: 'x'
}
`);
    const legacy = as(r.statements[1], 'ImportDecl');
    expect(legacy.form).toBe('legacy');
    expect(legacy.alias!.name).toBe('k8s');
    expect(at(legacy.config!.range)).toBe('2:32');
    expect(as(as(r.statements[2], 'ExtensionDecl').spec, 'Identifier').name).toBe('microsoftGraphV1');
    expect(as(r.statements[3], 'ExtensionDecl').alias!.name).toBe('k');
    expect(at(as(r.statements[4], 'AssertDecl').name.range)).toBe('7:8');
    expect(as(r.statements[5], 'TestDecl').path.value).toBe('./main.bicep');
    expect(as(r.statements[6], 'ResourceDecl').decorators[0]!.name).toBe('onlyIfNotExists');
  });
});

describe('declarations: the rest of §2.2', () => {
  it('targetScope, metadata, typed var, func, outputs, resource-typed param and output', () => {
    const r = ok(`targetScope = 'subscription'
metadata owner = 'team'
var typed string[] = ['a']
@export()
func greet(name string, n int) string => 'hi \${name}'
func noArgs() int => 1
param kv resource 'Microsoft.KeyVault/vaults@2023-07-01'
output o resource = r
output o2 resource 'A/b@v' = r
@secure()
output s string = 'x'
`);
    expect(as(r.statements[0], 'TargetScopeDecl').value.kind).toBe('String');
    const typed = as(r.statements[2], 'VarDecl');
    as(typed.type, 'ArrayType');
    const f = as(r.statements[3], 'FuncDecl');
    expect(f.decorators[0]!.name).toBe('export');
    expect(f.params.map((p) => `${p.name.name}@${at(p.range)}`)).toEqual(['name@5:12', 'n@5:25']);
    expect(at(f.body.range)).toBe('5:42');
    expect(as(r.statements[5], 'ParamDecl').resourceType!.value).toBe('Microsoft.KeyVault/vaults@2023-07-01');
    expect(as(r.statements[6], 'OutputDecl').isResource).toBe(true);
    expect(as(r.statements[7], 'OutputDecl').resourceType!.value).toBe('A/b@v');
    expect(at(r.statements[8]!.range)).toBe('10:1');
    expect(at(as(r.statements[8], 'OutputDecl').keywordRange)).toBe('11:1');
  });

  it('decorators keep name, namespace, args and ranges', () => {
    const r = ok(`@sys.description('d')
@az.something()
@allowed([
  'a'
  'b'
])
@minLength(1)
param p string = 'a'
`);
    const p = as(r.statements[0], 'ParamDecl');
    expect(p.decorators.map((d) => `${d.namespace ?? ''}.${d.name}@${at(d.nameRange)}`)).toEqual([
      'sys.description@1:6',
      'az.something@2:5',
      '.allowed@3:2',
      '.minLength@7:2',
    ]);
    expect(as(p.decorators[2]!.args[0], 'Array').items).toHaveLength(2);
    expect(span(p.range)).toBe('1:1-8:21');
  });

  it('a comment and a pragma collection', () => {
    const r = ok(`// mlops-iac-lint-ignore AML001 reason
#disable-next-line BCP081 no-hardcoded-env-urls // why
resource r 'A/b@2020-01-01' = { /* inline */
  name: 'x' // trailing
}
  #disable-diagnostics BCP1
#restore-diagnostics BCP1
`);
    expect(r.comments.map((c) => `${c.style}:${span(c.range)}:${c.text}`)).toEqual([
      'line:1:1-1:39: mlops-iac-lint-ignore AML001 reason',
      'line:2:49-2:55: why',
      'block:3:33-3:45: inline ',
      'line:4:13-4:24: trailing',
    ]);
    expect(r.pragmas.map((p) => `${p.directive}:${p.codes.join(',')}:${p.line}:${span(p.range)}`)).toEqual([
      'disable-next-line:BCP081,no-hardcoded-env-urls:2:2:1-2:48',
      'disable-diagnostics:BCP1:6:6:3-6:28',
      'restore-diagnostics:BCP1:7:7:1-7:26',
    ]);
  });
});

describe('traversal and extra diagnostics', () => {
  it('walkBicep visits every node once, in source order', () => {
    const r = ok(`@description('d')
resource p 'A/b@v' = if (c) {
  name: 'x\${y}'
  resource k 'kids' = [for i in xs: {
    name: i
  }]
}
`);
    const kinds: string[] = [];
    const starts: number[] = [];
    walkBicep(r, (n) => {
      kinds.push(n.kind);
      starts.push(n.range.start.offset);
    });
    expect(kinds.filter((k) => k === 'ResourceDecl')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'Object')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'Variable').length).toBe(4);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it("'it''s' inside arrays and call arguments gets the adjacent-string message", () => {
    for (const [src, pos] of [
      [`var a = ['it''s']`, '1:14'],
      [`var a = f('it''s')`, '1:15'],
    ]) {
      const r = parse(src!);
      expect(r.errors.map((e) => at(e.range))).toEqual([pos]);
      expect(r.errors.some((e) => e.message.includes('adjacent strings'))).toBe(true);
    }
  });
});
