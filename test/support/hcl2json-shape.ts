/**
 * Converts our positioned HCL AST into the JSON shape produced by `@cdktf/hcl2json`
 * (tmccombs/hcl2json running HashiCorp's Go parser), so the oracle test can compare the two.
 *
 * The shape, as observed from hcl2json:
 * - a body is an object: attributes by name, then blocks nested by type and then each label,
 *   ending in an array of bodies (`resource "a" "b" {}` → `{resource: {a: {b: [{}]}}}`);
 * - literal values (numbers, bools, null, `-1`, `!true`) are JSON values, tuples are arrays,
 *   object constructors are objects;
 * - templates become strings: literal text (with `${`/`%{` re-escaped as `$${`/`%%{`),
 *   interpolations as `${<source>}`, directives re-rendered as `%{if …}…%{endif}` /
 *   `%{for …}…%{endfor}` (strip markers `~` are applied, not shown);
 * - `"${x}"` alone (TemplateWrap) is converted as its inner expression;
 * - every other expression becomes `"${<source text of the expression>}"`.
 */
import type { Body, Expression, HclFile, ObjectItem, TemplatePart } from '../../src/parse/hcl/ast.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function toHcl2JsonShape(file: HclFile): JsonObject {
  return new Converter(file.text).body(file.body);
}

class Converter {
  constructor(private readonly text: string) {}

  body(body: Body): JsonObject {
    const out: JsonObject = {};
    // hcl2json converts all attributes first, then the blocks.
    for (const item of body.items) {
      if (item.type === 'Attribute') out[item.name] = this.expr(item.expr);
    }
    for (const item of body.items) {
      if (item.type !== 'Block') continue;
      const value = this.body(item.body);
      let target = out;
      let key = item.blockType;
      for (const label of item.labels) {
        const inner = target[key];
        if (inner !== undefined && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
          target = inner;
        } else {
          const obj: JsonObject = {};
          target[key] = obj;
          target = obj;
        }
        key = label.value;
      }
      const current = target[key];
      if (Array.isArray(current)) current.push(value);
      else target[key] = [value];
    }
    return out;
  }

  private source(e: { range: { start: { offset: number }; end: { offset: number } } }): string {
    return this.text.slice(e.range.start.offset, e.range.end.offset);
  }

  private wrap(e: Expression): string {
    return '${' + this.source(e) + '}';
  }

  expr(e: Expression): Json {
    switch (e.type) {
      case 'Literal':
        return e.value;
      case 'UnaryOp':
        // hcl2json evaluates a unary operator applied directly to a literal.
        if (e.operand.type === 'Literal') {
          const v = e.operand.value;
          if (e.op === '-' && typeof v === 'number') return v === 0 ? 0 : -v;
          if (e.op === '!' && typeof v === 'boolean') return !v;
        }
        return this.wrap(e);
      case 'Template':
        return this.parts(e.parts);
      case 'TemplateWrap':
        return this.expr(e.wrapped);
      case 'Tuple':
        return e.items.map((i) => this.expr(i));
      case 'Object': {
        const out: JsonObject = {};
        for (const item of e.items) out[this.key(item)] = this.expr(item.value);
        return out;
      }
      default:
        return this.wrap(e);
    }
  }

  private key(item: ObjectItem): string {
    const k = item.key;
    switch (k.type) {
      // A traversal key (`a`, `a.b`, `x["y"]`) is used as its source text.
      case 'ScopeTraversal':
        return this.source(k);
      case 'Literal':
        return String(k.value);
      case 'Template':
        return this.parts(k.parts);
      case 'TemplateWrap': {
        const v = this.expr(k.wrapped);
        return typeof v === 'string' ? v : JSON.stringify(v);
      }
      default:
        return this.wrap(k);
    }
  }

  private parts(parts: TemplatePart[]): string {
    let s = '';
    for (const p of parts) s += this.part(p);
    return s;
  }

  private part(p: TemplatePart): string {
    switch (p.type) {
      case 'TemplateLiteral':
        return escapeLiteral(p.value);
      case 'TemplateInterpolation':
        return this.stringPart(p.expr);
      case 'TemplateIf': {
        const t = this.parts(p.then);
        const f = p.else ? this.parts(p.else) : '';
        return `%{if ${this.source(p.condition)}}${t}${f.length > 0 ? '%{else}' + f : ''}%{endif}`;
      }
      case 'TemplateFor': {
        const vars = p.keyVar !== undefined ? `${p.keyVar}, ${p.valueVar}` : p.valueVar;
        return `%{for ${vars} in ${this.source(p.collection)}}${this.parts(p.body)}%{endfor}`;
      }
    }
  }

  /** An expression inside a multi-part template (hcl2json's convertStringPart). */
  private stringPart(e: Expression): string {
    switch (e.type) {
      case 'Literal':
        return e.value === null ? '' : String(e.value);
      case 'Template':
        return this.parts(e.parts);
      case 'TemplateWrap':
        return this.stringPart(e.wrapped);
      case 'Conditional': {
        // Quirk: hclsyntax represents `%{if}` directives as ConditionalExpr, so hcl2json
        // renders an interpolated `${c ? a : b}` inside a larger template as a directive.
        const t = this.stringPart(e.trueExpr);
        const f = this.stringPart(e.falseExpr);
        return `%{if ${this.source(e.condition)}}${t}${f.length > 0 ? '%{else}' + f : ''}%{endif}`;
      }
      default:
        return this.wrap(e);
    }
  }
}

/** hcl2json shows literal `${` and `%{` in their escaped source form. */
function escapeLiteral(s: string): string {
  if (!s.includes('{')) return s;
  return s.split('${').join('$${').split('%{').join('%%{');
}

/** The first JSON path where `a` and `b` differ (object key order ignored), or null. */
export function firstDifference(a: Json, b: Json, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return `${path}: ours ${JSON.stringify(a)} vs hcl2json ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: ours ${JSON.stringify(a)} vs hcl2json ${JSON.stringify(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) return `${path}[${i}]: missing in ours (hcl2json ${JSON.stringify(b[i])})`;
      if (i >= b.length) return `${path}[${i}]: extra in ours (${JSON.stringify(a[i])})`;
      const d = firstDifference(a[i]!, b[i]!, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of [...keys].sort()) {
    const p = `${path}[${JSON.stringify(k)}]`;
    if (!Object.hasOwn(ao, k)) return `${p}: missing in ours (hcl2json ${JSON.stringify(bo[k])})`;
    if (!Object.hasOwn(bo, k)) return `${p}: extra in ours (${JSON.stringify(ao[k])})`;
    const d = firstDifference(ao[k]!, bo[k]!, p);
    if (d) return d;
  }
  return null;
}
