import { describe, expect, it } from 'vitest';
import { bracketStrings, getProp, keyLocation, memberLocation, nodeToValue, parseJsonc } from '../../src/parse/json/index.js';

describe('parseJsonc', () => {
  it('parses JSON with comments and trailing commas, collecting comments', () => {
    const text = '{\n  // line comment\n  "a": 1, /* block */\n  "b": [1, 2,],\n}\n';
    const p = parseJsonc(text, '/t.json');
    expect(p.errors).toEqual([]);
    expect(p.root?.type).toBe('object');
    expect(p.comments.map((c) => c.text)).toEqual(['// line comment', '/* block */']);
    expect(p.comments[0]!.range.start).toMatchObject({ line: 2, column: 3 });
    expect(p.comments[1]!.range.start).toMatchObject({ line: 3, column: 11 });
  });

  it('reports errors with exact positions and readable messages, never throws', () => {
    const p = parseJsonc('{\n  "a": 1\n  "b": 2\n}', '/t.json');
    expect(p.errors.length).toBeGreaterThan(0);
    expect(p.errors[0]!.message).toBe("Expected a comma or '}' here");
    expect(p.errors[0]!.range.start).toMatchObject({ line: 3, column: 3 });
    const q = parseJsonc('[1 2]', '/t.json');
    expect(q.errors[0]!.message).toBe("Expected a comma or ']' here");
    expect(parseJsonc('', '/t.json').errors.length).toBe(1);
    expect(parseJsonc('{"a": "x', '/t.json').errors[0]!.message).toMatch(/Unterminated string/);
    expect(() => parseJsonc('\u0000{{{{', '/t.json')).not.toThrow();
  });

  it('handles a BOM and CRLF without shifting offsets', () => {
    const p = parseJsonc('\uFEFF{\r\n  "a": "x"\r\n}', '/t.json');
    expect(p.errors).toEqual([]);
    const v = nodeToValue(p, getProp(p.root, 'a')!);
    expect(v).toMatchObject({ kind: 'string', value: 'x' });
    expect(v.origin!.range.start).toMatchObject({ line: 2, column: 8 });
    expect(v.origin!.range.end).toMatchObject({ line: 2, column: 11 });
  });

  it('converts nodes to Values with origins at every node, key and member locations', () => {
    const text = '{\n  "name": "ws",\n  "props": { "n": 3, "ok": true, "z": null, "l": ["é", 2] }\n}';
    const p = parseJsonc(text, '/t.json');
    const v = nodeToValue(p, p.root!);
    expect(v.kind).toBe('object');
    if (v.kind !== 'object') return;
    const props = v.entries.get('props')!;
    expect(props.origin!.range.start).toMatchObject({ line: 3, column: 12 });
    if (props.kind !== 'object') throw new Error('object expected');
    expect(props.entries.get('n')).toMatchObject({ kind: 'number', value: 3 });
    expect(props.entries.get('ok')).toMatchObject({ kind: 'bool', value: true });
    expect(props.entries.get('z')).toMatchObject({ kind: 'null' });
    const l = props.entries.get('l')!;
    if (l.kind !== 'list') throw new Error('list expected');
    expect(l.items[1]!.origin!.range.start).toMatchObject({ line: 3, column: text.split('\n')[2]!.indexOf('2]') + 1 });
    expect(keyLocation(p, p.root, 'NAME')!.range).toMatchObject({ start: { line: 2, column: 3 }, end: { line: 2, column: 9 } });
    expect(memberLocation(p, p.root, 'name')!.range).toMatchObject({ start: { line: 2, column: 3 }, end: { line: 2, column: 15 } });
  });
});

describe('parseJsonc multi-line strings', () => {
  it('accepts raw line breaks inside strings as ARM does, with exact values and offsets', () => {
    const text = '{\n  "a": "[format(\'{0}\',\n      \'x\')]",\n  "b": 1\n}';
    const p = parseJsonc(text, '/t.json');
    expect(p.errors).toEqual([]);
    expect(getProp(p.root, 'a')!.value).toBe("[format('{0}',\n      'x')]");
    expect(nodeToValue(p, getProp(p.root, 'b')!).origin!.range.start).toMatchObject({ line: 4, column: 8 });
  });
  it('still reports a missing closing quote', () => {
    const p = parseJsonc('{\n  "a": "abc,\n  "b": 1\n}', '/t.json');
    expect(p.errors[0]!.message).toMatch(/Unterminated string/);
    expect(p.errors[0]!.range.start.line).toBe(2);
  });
});

describe('bracketStrings', () => {
  it('lists the keys and values starting with [ in text order, of the whole tree or a subtree', () => {
    const parsed = parseJsonc('{"a": "[x()]", "[k]": ["b", "\\u005by]", {"c": "[[lit]"}], "d": " [no]", "e": {"f": "[g()]"}}', 'x.json');
    const root = parsed.root!;
    expect(bracketStrings(root)!.map((n) => n.value)).toEqual(['[x()]', '[k]', '[y]', '[[lit]', '[g()]']);
    expect(bracketStrings(getProp(root, 'e')!)!.map((n) => n.value)).toEqual(['[g()]']);
    expect(bracketStrings(getProp(root, 'd')!)).toEqual([]);
  });

  it('is undefined for a tree from the tolerant path (a comment): walk it instead', () => {
    expect(bracketStrings(parseJsonc('{"a": "[x()]" // c\n}', 'x.json').root!)).toBeUndefined();
  });
});
