/**
 * Terraform's JSON syntax (`*.tf.json`, https://developer.hashicorp.com/terraform/language/syntax/json)
 * read into the same positioned AST as native HCL, so the Terraform evaluator reads both alike.
 *
 * - The top-level object's properties are block types: `resource`/`data` (`{type: {name: body}}`),
 *   `variable`/`output`/`module`/`provider` (`{name: body}`), `locals` and `terraform` (`body`).
 *   Any level may be an array of such objects. A `"//"` property is a comment (suppressions
 *   are read from its text).
 * - In a body, a property is a nested block when its name is a block type of that place: the
 *   meta-argument blocks (`lifecycle`, `provisioner`, `connection`, `timeouts`), `validation`
 *   in a variable, `backend`/`cloud`/`required_providers` in `terraform`, `features` in a
 *   provider, and the nested block names the caller knows for a resource type (a schema is
 *   what tells Terraform; the linter knows the blocks its tables read). Anything else is an
 *   argument.
 * - A JSON string is a template (`"${var.x}"`), parsed by the HCL parser and positioned in the
 *   JSON file; a variable's `type` string is an expression. Numbers, booleans, null, arrays and
 *   objects are literal values.
 */
import type { Range } from '../../core/source.js';
import { members, parseJsonc, strictJsonError, type JsonNode } from '../json/index.js';
import type { LineMap } from '../../core/source.js';
import type { Attribute, Block, Body, BodyItem, Comment, Expression, HclFile, ObjectItem, SyntaxError, TemplatePart } from './ast.js';
import { parseHcl } from './parser.js';

/** The nested block names of a resource or data source type (`default_node_pool`, `scale_settings`). */
export type NestedBlocks = (type: string) => ReadonlySet<string>;

const META_BLOCKS = ['lifecycle', 'provisioner', 'connection', 'timeouts'];
const NO_NESTED: NestedBlocks = () => new Set();

interface Ctx {
  file: string;
  text: string;
  lineMap: LineMap;
  errors: SyntaxError[];
}

export function parseTfJson(text: string, file: string, nested: NestedBlocks = NO_NESTED): HclFile {
  const parsed = parseJsonc(text, file);
  // PARSE001 is where the parser stopped: the first error (JSON's recovery adds follow-on ones).
  // Terraform's JSON parser is strict: a comment or a trailing comma is an error there too.
  const first = parsed.errors[0] ?? strictJsonError(parsed);
  const ctx: Ctx = { file, text, lineMap: parsed.lineMap, errors: first ? [{ message: first.message, range: first.range }] : [] };
  const whole = parsed.lineMap.range(0, text.length);
  const root = parsed.root;
  if (!root || root.type !== 'object') {
    if (ctx.errors.length === 0) ctx.errors.push({ message: 'a Terraform JSON file must be a JSON object', range: whole });
    return { file, text, body: { items: [], range: whole }, comments: [], errors: ctx.errors };
  }
  const items: BodyItem[] = [];
  for (const [kind, keyNode, value] of members(root)) {
    if (kind === '//') continue;
    for (const obj of objectsOf(value)) items.push(...topLevel(ctx, kind, keyNode, obj, nested));
  }
  return { file, text, body: { items, range: range(ctx, root) }, comments: commentsOf(ctx, root), errors: ctx.errors };
}

/**
 * Terraform JSON's comments: a `"//"` property with a string value, anywhere. Its text is the
 * value, so `"//": "mlops-iac-lint-ignore AKS001 -- reason"` on the line before `"gpu": {` is a
 * suppression of that whole block, as a `#` comment is in native syntax.
 */
function commentsOf(ctx: Ctx, node: JsonNode): Comment[] {
  const out: Comment[] = [];
  const walk = (n: JsonNode): void => {
    for (const [k, keyNode, v] of members(n)) {
      if (k === '//' && v.type === 'string') out.push({ style: 'line', text: String(v.value), range: ctx.lineMap.range(keyNode.offset, withSeparator(ctx.text, v.offset + v.length)) });
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(node);
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * The end of a `"//"` property with the comma valid JSON requires after it on its line: the
 * comma is part of the comment, not code the directive trails (which would cover only its own line).
 */
function withSeparator(text: string, end: number): number {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ',' ? i + 1 : end;
}

function topLevel(ctx: Ctx, kind: string, keyNode: JsonNode, obj: JsonNode, nested: NestedBlocks): Block[] {
  switch (kind) {
    case 'resource':
    case 'data':
      return members(obj).flatMap(([type, typeNode, byName]) =>
        objectsOf(byName).flatMap((names) =>
          members(names).flatMap(([name, nameNode, bodies]) => objectsOf(bodies).map((b) => block(ctx, kind, keyNode, [[type, typeNode], [name, nameNode]], b, blocksOf(nested(type))))),
        ),
      );
    case 'variable':
    case 'output':
    case 'module':
    case 'provider': {
      const inner = kind === 'variable' ? ['validation'] : kind === 'provider' ? ['features'] : [];
      return members(obj).flatMap(([name, nameNode, bodies]) => objectsOf(bodies).map((b) => block(ctx, kind, keyNode, [[name, nameNode]], b, blocksOf(new Set(inner)), kind === 'variable' ? ['type'] : [])));
    }
    case 'locals':
      return [block(ctx, kind, keyNode, [], obj, blocksOf(new Set()))];
    case 'terraform':
      return [terraformBlock(ctx, keyNode, obj)];
    default:
      return [block(ctx, kind, keyNode, [], obj, blocksOf(new Set()))];
  }
}

/** Which properties of a body are nested blocks, and the block names inside those. */
interface BlockNames {
  has(name: string): boolean;
  inner(name: string): BlockNames;
}

function blocksOf(names: ReadonlySet<string>): BlockNames {
  const self: BlockNames = { has: (n) => META_BLOCKS.includes(n) || names.has(n), inner: () => self };
  return self;
}

/** `terraform { backend "azurerm" {…}  required_providers {…}  cloud {…} }`. */
function terraformBlock(ctx: Ctx, keyNode: JsonNode, obj: JsonNode): Block {
  const items: BodyItem[] = [];
  for (const [name, nameNode, value] of members(obj)) {
    if (name === '//') continue;
    if (name === 'backend') {
      for (const o of objectsOf(value)) for (const [type, typeNode, b] of members(o)) for (const bo of objectsOf(b)) items.push(block(ctx, name, nameNode, [[type, typeNode]], bo, blocksOf(new Set())));
    } else if ((name === 'required_providers' || name === 'cloud') && objectsOf(value).length > 0 && (value.type === 'object' || value.type === 'array')) {
      // HCL's JSON syntax: a block is an object, or an array of objects (one block each).
      for (const o of objectsOf(value)) items.push(block(ctx, name, nameNode, [], o, blocksOf(new Set(['workspaces']))));
    } else items.push(attribute(ctx, name, nameNode, value, false));
  }
  return assemble(ctx, 'terraform', keyNode, [], obj, items);
}

function block(ctx: Ctx, type: string, typeNode: JsonNode, labels: [string, JsonNode][], obj: JsonNode, blocks: BlockNames, exprArgs: string[] = []): Block {
  const items: BodyItem[] = [];
  for (const [name, nameNode, value] of members(obj)) {
    if (name === '//') continue;
    if (blocks.has(name) && objectsOf(value).length > 0 && (value.type === 'object' || value.type === 'array')) {
      for (const o of objectsOf(value)) items.push(block(ctx, name, nameNode, [], o, blocks.inner(name)));
    } else items.push(attribute(ctx, name, nameNode, value, exprArgs.includes(name)));
  }
  return assemble(ctx, type, typeNode, labels, obj, items);
}

function assemble(ctx: Ctx, type: string, typeNode: JsonNode, labels: [string, JsonNode][], obj: JsonNode, items: BodyItem[]): Block {
  const bodyRange = range(ctx, obj);
  // The header of a labelled block is its innermost name: `"gpu": {` of `resource.azurerm_x.gpu`
  // (what `resource "azurerm_x" "gpu" {` is in native syntax), so findings point at that line.
  const head = labels.length ? labels[labels.length - 1]![1] : typeNode;
  return {
    type: 'Block',
    blockType: type,
    typeRange: range(ctx, head),
    labels: labels.map(([value, n]) => ({ value, quoted: true, range: range(ctx, n) })),
    body: { items, range: bodyRange } satisfies Body,
    openBraceRange: ctx.lineMap.range(obj.offset, obj.offset + 1),
    range: ctx.lineMap.range(head.offset, obj.offset + obj.length),
  };
}

function attribute(ctx: Ctx, name: string, nameNode: JsonNode, value: JsonNode, asExpression: boolean): Attribute {
  return { type: 'Attribute', name, nameRange: range(ctx, nameNode), expr: expression(ctx, value, asExpression), range: ctx.lineMap.range(nameNode.offset, value.offset + value.length) };
}

/** A JSON value as an HCL expression; a string is a template (or, `asExpression`, an expression). */
function expression(ctx: Ctx, node: JsonNode, asExpression = false): Expression {
  const r = range(ctx, node);
  switch (node.type) {
    case 'string':
      return stringExpression(ctx, node, asExpression) ?? { type: 'Template', parts: [{ type: 'TemplateLiteral', value: String(node.value), range: r }], range: r };
    case 'number':
      return { type: 'Literal', value: Number(node.value), raw: ctx.text.slice(node.offset, node.offset + node.length), range: r };
    case 'boolean':
      return { type: 'Literal', value: Boolean(node.value), raw: String(node.value), range: r };
    case 'null':
      return { type: 'Literal', value: null, raw: 'null', range: r };
    case 'array':
      return { type: 'Tuple', items: (node.children ?? []).map((c) => expression(ctx, c)), range: r };
    case 'object': {
      const items: ObjectItem[] = members(node).map(([k, keyNode, v]) => {
        const kr = range(ctx, keyNode);
        return { key: { type: 'Template', parts: [{ type: 'TemplateLiteral', value: k, range: kr }], range: kr }, bareKey: false, value: expression(ctx, v), separator: ':', range: ctx.lineMap.range(keyNode.offset, v.offset + v.length) };
      });
      return { type: 'Object', items, range: r };
    }
    default:
      return { type: 'Literal', value: null, raw: 'null', range: r };
  }
}

/**
 * A JSON string as Terraform reads it: the decoded value is a template (`"${var.x}"`,
 * `"rg-${var.env}"`), or, for `asExpression` (a variable's `type`), an expression. Each
 * interpolation is parsed by the HCL parser. Positions: when the token has no escapes, every
 * character of the value sits one column right of the opening quote; otherwise every range is
 * the whole string. Undefined when an interpolation does not parse or a `%{` directive is used.
 */
function stringExpression(ctx: Ctx, node: JsonNode, asExpression: boolean): Expression | undefined {
  const value = String(node.value);
  const whole = range(ctx, node);
  const token = ctx.text.slice(node.offset, node.offset + node.length);
  const exact = token.length === value.length + 2 && !/[\r\n]/.test(value);
  const start = ctx.lineMap.position(node.offset + 1);
  /** The range of value[from, to) in the file. */
  const at = (from: number, to: number): Range =>
    exact ? { start: { line: start.line, column: start.column + from, offset: start.offset + from }, end: { line: start.line, column: start.column + to, offset: start.offset + to } } : whole;
  if (asExpression) return parseExpression(ctx, value, 0, at);
  if (value.includes('%{')) return undefined;
  const parts: TemplatePart[] = [];
  let literal = '';
  let literalFrom = 0;
  const flush = (to: number): void => {
    if (literal) parts.push({ type: 'TemplateLiteral', value: literal, range: at(literalFrom, to) });
    literal = '';
  };
  for (let i = 0; i < value.length; ) {
    if (value.startsWith('$${', i)) {
      if (!literal) literalFrom = i;
      literal += '${';
      i += 3;
      continue;
    }
    if (value.startsWith('${', i)) {
      const end = interpolationEnd(value, i + 2);
      if (end < 0) return undefined;
      flush(i);
      const inner = value.slice(i + 2, end);
      const expr = parseExpression(ctx, inner, i + 2, at);
      if (!expr) return undefined;
      parts.push({ type: 'TemplateInterpolation', expr, stripLeft: false, stripRight: false, range: at(i, end + 1) });
      i = end + 1;
      literalFrom = i;
      continue;
    }
    if (!literal) literalFrom = i;
    literal += value[i];
    i++;
  }
  flush(value.length);
  // A template that is one interpolation is that value, not its string form (HCL's rule).
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'TemplateInterpolation') return { type: 'TemplateWrap', wrapped: only.expr, range: whole };
  return { type: 'Template', parts, range: whole };
}

/** The index of the `}` that closes an interpolation whose expression starts at `from` (quoted strings skipped); -1 when none. */
function interpolationEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** One HCL expression (the text of an interpolation, a `type`), positioned by `at` from its place in the value. */
function parseExpression(ctx: Ctx, text: string, offsetInValue: number, at: (from: number, to: number) => Range): Expression | undefined {
  const prefix = 'x = ';
  if (/[\r\n]/.test(text)) return undefined;
  const snippet = parseHcl(`${prefix}${text}\n`, ctx.file);
  const item = snippet.body.items[0];
  if (snippet.errors.length || !item || item.type !== 'Attribute') return undefined;
  const move = (r: Range): Range => {
    const a = r.start.offset - prefix.length + offsetInValue;
    const b = r.end.offset - prefix.length + offsetInValue;
    return at(Math.max(a, 0), Math.max(b, 0));
  };
  return moved(item.expr, move) as Expression;
}

/** A deep copy of an AST node with every Range moved. */
function moved(node: unknown, move: (r: Range) => Range): unknown {
  if (Array.isArray(node)) return node.map((n) => moved(n, move));
  if (node === null || typeof node !== 'object') return node;
  if (isRange(node)) return move(node);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = moved(v, move);
  return out;
}

function isRange(x: object): x is Range {
  const r = x as Partial<Range>;
  return typeof r.start === 'object' && r.start !== null && typeof r.end === 'object' && r.end !== null && typeof r.start.offset === 'number' && Object.keys(x).length === 2;
}

/** The objects of a value that may be one object or an array of them. */
function objectsOf(node: JsonNode): JsonNode[] {
  if (node.type === 'object') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((c) => c.type === 'object');
  return [];
}

function range(ctx: Ctx, node: JsonNode): Range {
  return ctx.lineMap.range(node.offset, node.offset + node.length);
}
